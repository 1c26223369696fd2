/**
 * A full garbage collection of this thread's heap, now, for an analysis worker between
 * phases: what a phase leaves behind (learning's readings, the copy of the articles, the
 * merge's inputs) dies at once, old, and V8 grows an old generation to a multiple of what
 * was live at its last full collection before it collects again. At 400k passages the
 * names worker's heap so reached 840-900 MB, a third of it live, at the moment the other
 * two threads' heaps were largest too: the build's peak RSS.
 *
 * `vm.measureMemory` is the one way Node gives a thread to ask for a full collection
 * without `--expose-gc`: measured eagerly, it collects first. Its result is not used.
 */
import { measureMemory } from 'node:vm';

/**
 * Passages a worker holds below which it is not collected: its heap is then too small for
 * the peak to matter (a few hundred MB at 50k), and `vm.measureMemory`, experimental in
 * Node 20, prints a warning once per thread that a small archive's console need not show.
 */
export const COLLECTED_FROM_PASSAGES = 50_000;

/** Collects this thread's heap now, when it held `passages` (see `COLLECTED_FROM_PASSAGES`). */
export async function collectNow(passages: number): Promise<void> {
  if (passages < COLLECTED_FROM_PASSAGES) return;
  try {
    await measureMemory({ execution: 'eager' });
  } catch {
    // Not available (another runtime): the heap is collected when V8 decides, as before.
  }
}
