/**
 * What holds the main thread while one article is added and removed, searches arriving
 * every 20 ms, and each update's snapshot written: the longest gaps between two ticks of a
 * 1 ms timer and the sliced steps that ran longest between two breaths, all by the main
 * thread's own CPU time (`bench/thread-cpu.ts`), which waiting for a core on the
 * shared machine does not inflate; then the slowest search replies, by phase.
 *
 *   npx tsx bench/profile-reload.ts 100k --keep DIR    writes and builds DIR once
 *   npx tsx bench/update-stalls.ts 100k DIR            then this, as often as needed
 *
 * Where no thread clock exists, the process's CPU time, which V8's helper threads inflate.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Slicer } from '../src/archive/pace';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { readNorec, takePassages } from './corpus';
import { articleMarkdown } from './cpu-profile';
import { threadCpuMs } from './thread-cpu';

const arg = process.argv[2] ?? '10k';
const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
const root = process.argv[3];
if (!root)
  throw new Error('usage: update-stalls.ts SIZE DIR (made by profile-reload.ts --keep DIR)');
// The article profile-reload.ts held back: the first of the same corpus.
const [extra] = takePassages(await readNorec(size), size);
if (!extra) throw new Error('no articles');
const store = new KnowledgeStore(
  join(root, 'knowledge'),
  join(root, 'cache'),
  createLogger('warn'),
);
await store.reload();
await store.settled();
// As on a serving bot: the frequent lists built and the search code compiled first, so
// that what is measured is the update's own cost.
const words = ['filmen', 'musikk', 'best', 'Oslo', 'skuespiller'];
await store.current?.index.warm();
for (const word of [...words, ...words]) store.current?.index.search(word, { limit: 25 });

// Sliced steps: CPU since the last breath or tick, whenever a slicer breathes.
const steps: [ms: number, where: string][] = [];
let since = threadCpuMs();
const breathe = Slicer.prototype.breathe;
Slicer.prototype.breathe = async function (this: Slicer): Promise<void> {
  const held = threadCpuMs() - since;
  if (held > 12) {
    const stack = (new Error().stack ?? '').split('\n').slice(2, 6);
    steps.push([held, stack.map((line) => line.trim().replace(/\(.*\/src\//, '(')).join(' < ')]);
  }
  await breathe.call(this);
  since = threadCpuMs();
};
const gaps: number[] = [];
let last = threadCpuMs();
const ticker = setInterval(() => {
  const now = threadCpuMs();
  if (now - last > 12) gaps.push(now - last);
  last = now;
  since = now;
}, 1);
let phase = 'add';
const replies: [ms: number, word: string, phase: string][] = [];
let asked = 0;
const asker = setInterval(() => {
  const start = threadCpuMs();
  const word = words[asked++ % words.length] ?? 'filmen';
  store.current?.index.search(word, { limit: 25 });
  replies.push([threadCpuMs() - start, word, phase]);
}, 20);

const file = join(root, 'knowledge', `${extra.id}.md`);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, articleMarkdown(extra));
await store.reload();
phase = 'add, snapshot';
await store.settled();
phase = 'remove';
await rm(file);
await store.reload();
phase = 'remove, snapshot';
await store.settled();
clearInterval(ticker);
clearInterval(asker);
Slicer.prototype.breathe = breathe;

const ms = (n: number) => n.toFixed(1);
console.log(
  `longest ticks apart, main-thread CPU ms: ${gaps
    .sort((a, b) => b - a)
    .slice(0, 12)
    .map(ms)
    .join(' ')}`,
);
console.log('longest sliced steps:');
for (const [held, where] of steps.sort((a, b) => b[0] - a[0]).slice(0, 10))
  console.log(`  ${ms(held)} ms ${where}`);
console.log(
  `slowest of ${replies.length} search replies: ${replies
    .sort((a, b) => b[0] - a[0])
    .slice(0, 6)
    .map(([took, word, when]) => `${ms(took)} ms ${word} (${when})`)
    .join(', ')}`,
);
process.exit(0);
