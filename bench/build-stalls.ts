/**
 * What holds the main thread during a full build with searches in flight, as the bench's
 * build process has them (`bench/under-load.ts`: one every 20 ms once the archive answers):
 * each gap over 30 ms between two ticks of a 2 ms timer, when it fell (s from the start),
 * the main thread's own CPU within it (`bench/thread-cpu.ts`: a wall gap with little CPU is
 * this thread waiting for a core or for the collector's helper threads, not holding one),
 * and the searches slower than 8 ms.
 *
 *   npx tsx bench/profile-build.ts 400k DIR    writes DIR/knowledge once (and builds it)
 *   npx tsx bench/build-stalls.ts DIR           then this, as often as needed
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { threadCpuClock } from './thread-cpu';

const root = process.argv[2];
if (!root) throw new Error('usage: build-stalls.ts DIR (a folder with knowledge/)');
const cache = join(root, 'cache-build-stalls');
await rm(cache, { recursive: true, force: true });
const store = new KnowledgeStore(join(root, 'knowledge'), cache, createLogger('warn'));
const WORDS = ['filmen', 'musikk', 'best', 'Oslo', 'skuespiller'];
const t0 = performance.now();
const seconds = (at: number) => `${((at - t0) / 1000).toFixed(2)} s`;
let answerableAt: number | undefined;
let replies = 0;
const slowSearches: string[] = [];
const ask = setInterval(() => {
  const archive = store.current;
  if (!archive) return;
  answerableAt ??= performance.now();
  const wall = performance.now();
  const cpu = threadCpuClock.now();
  archive.index.search(WORDS[replies % WORDS.length] ?? 'film', { limit: 25 });
  const ms = performance.now() - wall;
  if (ms > 8)
    slowSearches.push(
      `${seconds(wall)}: search ${replies} ${ms.toFixed(1)} ms (CPU ${(threadCpuClock.now() - cpu).toFixed(1)})`,
    );
  replies++;
}, 20);
const gaps: string[] = [];
let last = performance.now();
let lastCpu = threadCpuClock.now();
const tick = setInterval(() => {
  const now = performance.now();
  const cpu = threadCpuClock.now();
  if (now - last > 30)
    gaps.push(
      `${seconds(last)}: gap ${(now - last).toFixed(0)} ms, main-thread CPU ${(cpu - lastCpu).toFixed(0)} ms${store.current ? ' (answering)' : ''}`,
    );
  last = now;
  lastCpu = cpu;
}, 2);
await store.reload();
const done = performance.now();
clearInterval(ask);
clearInterval(tick);
console.log(
  `answerable at ${answerableAt === undefined ? '-' : seconds(answerableAt)}, reload done at ${seconds(done)}, ${replies} searches`,
);
console.log(gaps.join('\n'));
console.log(slowSearches.join('\n'));
await rm(cache, { recursive: true, force: true });
process.exit(0);
