/**
 * A warm start and the heap it settles at, without an add or remove (`npx tsx
 * bench/warm-heap.ts DIR`, over a folder `profile-reload.ts --keep DIR` or `warm-profile.ts
 * build` wrote): the wall time until `reload()` serves, its longest event-loop stall, then
 * the search warm-up and the live merge's preparation run out (as the serving process's
 * settled figures do, bench/serving-role.ts), a full collection, and V8's used heap, the
 * typed arrays' memory and the RSS; with the index's terms, and how many of them hold their
 * postings as Maps (opened) rather than as the snapshot's bytes. `--rekey` takes DIR's
 * snapshot as this code's (bench/rekey.ts) when only the key differs; `--heap FILE` writes
 * a V8 heap snapshot of the settled process last (read it with bench/heap-summary.ts).
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { SnapshotNode, SnapshotTermData } from '../src/archive/index-bytes';
import { KnowledgeStore } from '../src/archive/store';
import { prepareUpdates } from '../src/archive/update';
import { createLogger } from '../src/logger';
import { rekey } from './rekey';
import { threadCpuMs } from './thread-cpu';
import { settleHeap } from './timing';

const dir = process.argv[2];
if (!dir) throw new Error('usage: warm-heap DIR');
if (process.argv.includes('--rekey')) await rekey(join(dir, 'cache', 'analysis-snapshot.bin'));
const MB = 2 ** 20;
const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
const t0 = performance.now();
const thread0 = threadCpuMs();
const store = new KnowledgeStore(join(dir, 'knowledge'), join(dir, 'cache'), createLogger('warn'));
const outcome = await store.reload();
const warmMs = performance.now() - t0;
const warmThreadMs = threadCpuMs() - thread0;
const warmStallMs = histogram.max / 1e6;
histogram.reset();
const archive = outcome.archive;
const t1 = performance.now();
await Promise.all([archive.index.warm(), prepareUpdates(archive), store.settled()]);
const settleMs = performance.now() - t1;
const settleStallMs = histogram.max / 1e6;
histogram.disable();
// Twice, a turn between: buffers a collection frees are released by the sweeper after it.
settleHeap();
await new Promise((resolve) => setTimeout(resolve, 100));
settleHeap();
const memory = process.memoryUsage();
const heap = getHeapStatistics();
const heapAt = process.argv.indexOf('--heap');
const heapFile = heapAt > 0 ? process.argv[heapAt + 1] : undefined;
if (heapFile) writeHeapSnapshot(heapFile);
// The tree as it is, read with Map's own methods: walking it as MiniSearch does opens it.
let nodes = 0;
let nodesOpened = 0;
let termsOpened = 0;
const visit = (node: Map<string, unknown>) => {
  nodes++;
  if (!(node instanceof SnapshotNode) || node.unopened === undefined) nodesOpened++;
  for (const [label, child] of Map.prototype.entries.call(node)) {
    if (label !== '' && child instanceof Map) visit(child);
    else if (label === '' && !(child instanceof SnapshotTermData && child.unopened)) termsOpened++;
  }
};
visit(
  (archive.index.searchIndex as unknown as { _index: { _tree: Map<string, unknown> } })._index
    ._tree,
);
console.log(
  JSON.stringify({
    fromSnapshot: archive.fromSnapshot,
    passages: archive.index.size,
    warmStartS: +(warmMs / 1000).toFixed(2),
    warmStartThreadCpuS: +(warmThreadMs / 1000).toFixed(2),
    warmStartStallMs: +warmStallMs.toFixed(0),
    settleS: +(settleMs / 1000).toFixed(2),
    settleStallMs: +settleStallMs.toFixed(0),
    settledHeapUsedMB: Math.round(memory.heapUsed / MB),
    settledHeapCommittedMB: Math.round(heap.total_heap_size / MB),
    settledArrayBuffersMB: Math.round(memory.arrayBuffers / MB),
    settledRssMB: Math.round(memory.rss / MB),
    nodesSeen: nodes,
    nodesOpened,
    termsOpened,
  }),
);
