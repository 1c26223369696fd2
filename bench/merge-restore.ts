/**
 * The live merge's preparation alone, over a folder `bench/warm-profile.ts build` wrote:
 * `node --expose-gc --import tsx bench/merge-restore.ts DIR [ROUNDS] [--heap-snapshot FILE]` restores the archive
 * from its snapshot, then restores the live merge ROUNDS times (each on its own, as
 * `prepareUpdates` does after a restart), printing each round's main-thread CPU, its longest
 * step between two yields and the heap the merge keeps (after a full collection, with the merge
 * against without it). Every other round folds every name instead of taking the keys the
 * snapshot stored (as before format 10), under the same load.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { Interner } from '../src/archive/analysis-text';
import { assemble } from '../src/archive/build';
import { mergeFactsOf } from '../src/archive/merge-section';
import { decodeAnalysis, decodeLoad, sectionsOf } from '../src/archive/snapshot-body';
import { entitiesAt, mergeInputs, prepareUpdates } from '../src/archive/update';
import { ArchiveLexicon } from '../src/extract/entities';
import { EntityMerge } from '../src/extract/entities/live-merge';
import { runSteps } from '../src/extract/entities/ranked-keys';
import { threadCpuMs } from './thread-cpu';

const [dir, roundsArg, flag, heapFile] = process.argv.slice(2);
if (!dir) throw new Error('usage: merge-restore DIR [ROUNDS] [--heap-snapshot FILE]');
const rounds = Number(roundsArg ?? 3);
const gc = (globalThis as { gc?: () => void }).gc;
// Decoded without the key's check (as bench/warm-phases.ts does): the key covers the
// analysis code, this file among it, and the merge is what is being changed.
const bytes = await readFile(join(dir, 'cache', 'analysis-snapshot.bin'));
const sections = sectionsOf(bytes, bytes.indexOf(10) + 1);
const ids = new Interner();
const load = await decodeLoad(bytes, sections);
const { analysis, index } = await decodeAnalysis(bytes, sections, load, ids);
const archive = await assemble(load, analysis, true, index);
let cpu = threadCpuMs();
await archive.basis.read?.();
console.log(`basis read: CPU ${(threadCpuMs() - cpu).toFixed(0)} ms`);
// The names' keys as the snapshot stored them (merge-section.ts), which `prepareUpdates` takes.
const keys = archive.basis.mergeKeys;
const mentions = new Map(archive.basis.mentions);
const references = new Map(archive.basis.references);
const { lexicon } = archive.basis;
if (!(lexicon instanceof ArchiveLexicon)) {
  cpu = threadCpuMs();
  runSteps(ArchiveLexicon.restore(lexicon));
  console.log(
    `lexicon restore (also in prepareUpdates): CPU ${(threadCpuMs() - cpu).toFixed(0)} ms`,
  );
}

const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
/** A restore with the stored keys (`folded`: every name folded, as before format 10). */
function restore(folded: boolean): { merge: EntityMerge; used: number; longest: number } {
  const cpu = threadCpuMs();
  const merge = new EntityMerge(archive.aliases);
  const given = folded ? undefined : keys;
  const steps = merge.restore(
    mergeInputs(archive, mentions, references, merge.readsText, given),
    archive.entities.all(),
    // As `prepareUpdates` does: the entities' facts and the names' keys as the snapshot
    // stored them.
    mergeFactsOf,
    given,
    entitiesAt(archive),
  );
  // The longest step between two yields, by main-thread CPU.
  let longest = 0;
  let at = threadCpuMs();
  while (!steps.next().done) {
    const now = threadCpuMs();
    longest = Math.max(longest, now - at);
    at = now;
  }
  return { merge, used: threadCpuMs() - cpu, longest };
}
let kept: EntityMerge | undefined;
// The heap without a merge: each round's merge replaces the one before.
const before = heapUsed();
for (let round = 0; round < rounds; round++) {
  kept = undefined;
  // Every other round with the names folded: the stored keys' gain, under the same load.
  const folded = round % 2 === 1 || keys === undefined;
  const { merge, used, longest } = restore(folded);
  kept = merge;
  const held = heapUsed() - before;
  console.log(
    `round ${round + 1} (${folded ? 'names folded' : 'stored keys'}): ${archive.passageById.size} passages, ${merge.size} clusters, restore CPU ${used.toFixed(0)} ms (longest step ${longest.toFixed(1)} ms), heap kept ${gc ? (held / 2 ** 20).toFixed(1) : '?'} MB`,
  );
}
if (!kept) throw new Error('no round');
// Then what an update's merge costs on it: articles spread over the archive taken out and
// put back, one at a time (what a changed file is), each `apply` timed.
const merge: EntityMerge = kept;
const outs: number[] = [];
const ins: number[] = [];
const every = Math.max(1, Math.floor(archive.articles.length / 20));
for (let a = 0; a < archive.articles.length; a += every) {
  const article = archive.articles[a];
  if (!article) continue;
  const own = [...mergeInputs(archive, mentions, references, true)].filter(
    (input) => input.articleId === article.id,
  );
  let at = threadCpuMs();
  runSteps(
    merge.apply(
      own.map((input) => input.passageId),
      [],
    ),
  );
  outs.push(threadCpuMs() - at);
  at = threadCpuMs();
  runSteps(merge.apply([], own));
  ins.push(threadCpuMs() - at);
}
const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1] ?? 0;
console.log(
  `apply, ${outs.length} articles: out median ${median(outs).toFixed(1)} ms (max ${Math.max(...outs).toFixed(1)}), back in median ${median(ins).toFixed(1)} ms (max ${Math.max(...ins).toFixed(1)})`,
);
// What the first update waits for after a restart: the live maps, the lexicon, the merge
// (restored once more) and the extractors' warm-up.
cpu = threadCpuMs();
await prepareUpdates(archive);
console.log(
  `prepareUpdates: CPU ${(threadCpuMs() - cpu).toFixed(0)} ms (the merge's restore in it)`,
);
// The last merge still held: `bench/heap-summary.ts FILE` shows it under EntityMerge.
if (flag === '--heap-snapshot' && heapFile) writeHeapSnapshot(heapFile);
