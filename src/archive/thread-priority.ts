import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers this thread's scheduling priority by `steps` nice steps, where a thread can have a
 * priority of its own (Linux: `setpriority` takes a thread's id as a process id); elsewhere,
 * or when refused, nothing changes. Says whether it did.
 *
 * A full build runs three busy threads on a machine with two cores while the files are
 * read: the main thread reading, the names worker counting the words (both of which the
 * learning that follows waits on) and the index worker's first pass, which only has to
 * be done by the time the names are merged. Sharing the cores evenly, the read took a
 * third longer, and answers waited for a core.
 */
export function lowerThreadPriority(steps: number): boolean {
  try {
    // "<pid>/task/<tid>": this thread's own id.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, Math.min(19, getPriority(tid) + steps));
    return true;
  } catch {
    return false;
  }
}
