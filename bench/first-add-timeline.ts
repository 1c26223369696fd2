/**
 * When the first add after a restart gets what it waits for, over a folder
 * `profile-reload.ts --keep DIR` built (its snapshot this code's: `update-stalls.ts --rekey`):
 * a warm start, then one article added at once and removed, searches every 20 ms; printed as
 * each happens, wall time and main-thread CPU since the start, RSS: the warm start, the
 * basis read, the live merge's preparation, the search warm-up, the add answerable.
 *
 *   npx tsx bench/first-add-timeline.ts 400k DIR
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { prepareUpdates } from '../src/archive/update';
import { createLogger } from '../src/logger';
import { readNorec, takePassages } from './corpus';
import { articleMarkdown } from './cpu-profile';
import { threadCpuMs } from './thread-cpu';

const arg = process.argv[2] ?? '10k';
const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
const root = process.argv[3];
if (!root) throw new Error('usage: first-add-timeline.ts SIZE DIR');
// The article profile-reload.ts held back: the first of the same corpus.
const [extra] = takePassages(await readNorec(size), size);
if (!extra) throw new Error('no articles');
const store = new KnowledgeStore(
  join(root, 'knowledge'),
  join(root, 'cache'),
  createLogger('warn'),
);
const t0 = performance.now();
const c0 = threadCpuMs();
const at = (what: string) =>
  console.log(
    `${what}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((threadCpuMs() - c0) / 1000).toFixed(2)} s CPU, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
const warm = await store.reload();
at(`warm start (fromSnapshot ${warm.archive.fromSnapshot})`);
const archive = store.current;
if (!archive) throw new Error('none');
void archive.basis.read?.()?.then(() => at('basis read'));
void prepareUpdates(archive).then(() => at('prepared'));
void archive.index.warm(5).then(() => at('index warm'));
const asker = setInterval(() => store.current?.index.search('filmen', { limit: 25 }), 20);
const file = join(root, 'knowledge', `${extra.id}.md`);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, articleMarkdown(extra));
const t1 = performance.now();
const added = await store.reload();
at(
  `add answerable ${((performance.now() - t1) / 1000).toFixed(2)} s (incremental ${added.incremental})`,
);
await store.settled();
at('add snapshot');
await rm(file);
const t2 = performance.now();
await store.reload();
at(`remove answerable ${((performance.now() - t2) / 1000).toFixed(2)} s`);
await store.settled();
at('remove snapshot');
clearInterval(asker);
process.exit(0);
