/**
 * What the first searches after a restart cost, before the search warm-up ran: the frames of
 * each (`npx tsx bench/first-search.ts DIR`, DIR as profile-reload.ts --keep DIR left it).
 */
import { join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { profileStalls } from './cpu-profile';
import { threadCpuMs } from './thread-cpu';

const root = process.argv[2];
if (!root) throw new Error('usage: first-search.ts DIR');
const store = new KnowledgeStore(
  join(root, 'knowledge'),
  join(root, 'cache'),
  createLogger('warn'),
);
await store.reload();
const index = store.current?.index;
if (!index) throw new Error('no archive');
const profiling = await profileStalls();
for (const word of ['filmen', 'musikk', 'best', 'Oslo', 'skuespiller', 'filmen']) {
  const t = threadCpuMs();
  index.search(word, { limit: 25 });
  console.log(`${word}: ${(threadCpuMs() - t).toFixed(1)} ms main-thread CPU`);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
for (const line of await profiling.stop(5)) console.log(line);
process.exit(0);
