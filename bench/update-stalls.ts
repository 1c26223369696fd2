/**
 * What holds the main thread while one article is added and removed, searches arriving
 * every 20 ms, and each update's snapshot written: the longest gaps between two ticks of a
 * 1 ms timer and the sliced steps that ran longest between two breaths, all by the main
 * thread's own CPU time (`bench/thread-cpu.ts`), which waiting for a core on the
 * shared machine does not inflate; then the slowest search replies, by phase.
 *
 *   npx tsx bench/profile-reload.ts 100k --keep DIR    writes and builds DIR once
 *   npx tsx bench/update-stalls.ts 100k DIR            then this, as often as needed
 *   npx tsx bench/update-stalls.ts 100k DIR --cold     the add right after the restart, as
 *                                                      bench/serving-role.ts does (the
 *                                                      warm-up and the live merge's
 *                                                      preparation still under way)
 *
 *   npx tsx bench/update-stalls.ts 100k DIR --profile  and the frames of the longest holds
 *   npx tsx bench/update-stalls.ts 100k DIR --rekey    DIR's snapshot taken as this code's
 *                                                      when only its key differs (a change
 *                                                      to the slicing, not to what is
 *                                                      analysed or stored: no rebuild)
 *
 * Wall-clock gaps are listed too (what `monitorEventLoopDelay` in bench/under-load.ts sees),
 * with the main-thread CPU in each: a gap with little CPU was the scheduler's, not ours.
 *
 * Where no thread clock exists, the process's CPU time, which V8's helper threads inflate.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Slicer } from '../src/archive/pace';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { readNorec, takePassages } from './corpus';
import { articleMarkdown, profileStalls } from './cpu-profile';
import { rekey } from './rekey';
import { threadCpuMs } from './thread-cpu';

const arg = process.argv[2] ?? '10k';
const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
const root = process.argv[3];
if (!root)
  throw new Error(
    'usage: update-stalls.ts SIZE DIR [--cold] (made by profile-reload.ts --keep DIR)',
  );
const cold = process.argv.includes('--cold');
// The article profile-reload.ts held back: the first of the same corpus.
const [extra] = takePassages(await readNorec(size), size);
if (!extra) throw new Error('no articles');
if (process.argv.includes('--rekey')) await rekey(join(root, 'cache', 'analysis-snapshot.bin'));
const store = new KnowledgeStore(
  join(root, 'knowledge'),
  join(root, 'cache'),
  createLogger('warn'),
);
await store.reload();
await store.settled();
const words = ['filmen', 'musikk', 'best', 'Oslo', 'skuespiller'];
if (!cold) {
  // As on a serving bot: the frequent lists built and the search code compiled first, so
  // that what is measured is the update's own cost.
  await store.current?.index.warm();
  for (const word of [...words, ...words]) store.current?.index.search(word, { limit: 25 });
}

// Sliced steps: CPU since the last breath or tick, whenever a slicer breathes.
const steps: [ms: number, where: Where, since: Where][] = [];
let since = threadCpuMs();
const breathe = Slicer.prototype.breathe;
/**
 * Where a slicer breathed: the error is made there, its stack read only if it is reported.
 * Read at every breath (source-mapped by tsx), the stacks cost the main thread 0.5-1 ms a
 * breath, which the gaps measured counted as the update's.
 */
type Where = Error | '(a tick)';
const whereOf = (at: Where): string =>
  at instanceof Error
    ? (at.stack ?? '')
        .split('\n')
        .slice(2, 6)
        .map((line) => line.trim().replace(/\(.*\/src\//, '('))
        .join(' < ')
    : at;
// Where the slicer that breathed last went on from: a step's work runs between that breath
// and this one, and the code between them can be another function's tail.
let lastBreath: Where = '(a tick)';
Slicer.prototype.breathe = async function (this: Slicer): Promise<void> {
  const held = threadCpuMs() - since;
  const where = new Error();
  if (held > 12) steps.push([held, where, lastBreath]);
  await breathe.call(this);
  lastBreath = where;
  since = threadCpuMs();
};
const gaps: [cpu: number, phase: string, where: Where, endedAt: number][] = [];
const wallGaps: [wall: number, cpu: number, phase: string][] = [];
let last = threadCpuMs();
let lastWall = performance.now();
const ticker = setInterval(() => {
  const now = threadCpuMs();
  const wall = performance.now();
  // Where the slice that ran in the gap breathed at its end (a gap with no breath: GC,
  // a reply, or work that never breathes).
  if (now - last > 12) gaps.push([now - last, phase, lastBreath, wall]);
  lastBreath = '(a tick)';
  if (wall - lastWall > 30) wallGaps.push([wall - lastWall, now - last, phase]);
  last = now;
  lastWall = wall;
  since = now;
}, 1);
let phase = 'add';
// Printed as each phase begins, so that lines of `node --trace-gc` (times since the
// process started) fall between them.
const begin = (name: string) => {
  phase = name;
  console.log(`-- ${name} at ${performance.now().toFixed(0)} ms`);
};
begin('add');
const replies: [ms: number, word: string, phase: string][] = [];
let asked = 0;
const asker = setInterval(() => {
  const start = threadCpuMs();
  const word = words[asked++ % words.length] ?? 'filmen';
  const index = store.current?.index;
  const lists = index?.searchCache.lists ?? 0;
  index?.search(word, { limit: 25 });
  // A reply that left a list more in the cache built it (no warm-up had yet).
  const built = (index?.searchCache.lists ?? 0) > lists ? ', built its list' : '';
  replies.push([threadCpuMs() - start, word, `${phase}${built}`]);
}, 20);

// With --profile, a CPU profile over the add and remove: the frames of the longest holds.
const profiling = process.argv.includes('--profile') ? await profileStalls() : undefined;
const file = join(root, 'knowledge', `${extra.id}.md`);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, articleMarkdown(extra));
await store.reload();
begin('add, snapshot');
await store.settled();
begin('remove');
await rm(file);
await store.reload();
begin('remove, snapshot');
await store.settled();
begin('done');
clearInterval(ticker);
clearInterval(asker);
Slicer.prototype.breathe = breathe;

const ms = (n: number) => n.toFixed(1);
// Per phase: the update (add, remove) and its snapshot's write are reported apart.
for (const name of ['add', 'add, snapshot', 'remove', 'remove, snapshot']) {
  const ticks = gaps.filter(([, p]) => p === name).sort((x, y) => y[0] - x[0]);
  const walls = wallGaps.filter(([, , p]) => p === name).sort((x, y) => y[0] - x[0]);
  console.log(
    `${name}: longest ticks apart, main-thread CPU ms: ${ticks
      .slice(0, 8)
      .map(([cpu]) => ms(cpu))
      .join(' ')}; longest wall gaps (CPU in them): ${walls
      .slice(0, 6)
      .map(([wall, cpu]) => `${ms(wall)} (${ms(cpu)})`)
      .join(' ')}`,
  );
}
console.log('longest gaps, and where the slice in each breathed last:');
// With the time each ended (performance.now()), to find it in `perf` or `--trace-gc` output.
for (const [cpu, when, where, endedAt] of gaps.sort((x, y) => y[0] - x[0]).slice(0, 8))
  console.log(`  ${ms(cpu)} ms (${when}, ended at ${endedAt.toFixed(0)} ms) ${whereOf(where)}`);
console.log('longest sliced steps:');
for (const [held, where, after] of steps.sort((a, b) => b[0] - a[0]).slice(0, 10))
  console.log(`  ${ms(held)} ms ${whereOf(where)}\n      since ${whereOf(after)}`);
// What the replies took of the main thread per phase: while the warm-up has not run, they
// build lists and look up languages themselves, CPU the update then waits behind.
for (const name of ['add', 'remove']) {
  const took = replies.filter(([, , p]) => p === name || p === `${name}, built its list`);
  const sum = took.reduce((total, [ms]) => total + ms, 0);
  console.log(`${name}: ${took.length} search replies, ${ms(sum)} ms main-thread CPU in all`);
}
console.log(
  `slowest of ${replies.length} search replies: ${replies
    .sort((a, b) => b[0] - a[0])
    .slice(0, 6)
    .map(([took, word, when]) => `${ms(took)} ms ${word} (${when})`)
    .join(', ')}`,
);
for (const line of (await profiling?.stop(30)) ?? []) console.log(line);
process.exit(0);
