/**
 * Where an incremental reload's main-thread time goes: the bench's add and remove of one
 * article (`bench/archive.ts`), under a CPU profile, printing the longest stretches the
 * event loop was held and the functions that held it (`npx tsx bench/profile-reload.ts 10k`).
 * With `--keep DIR` the files and the built snapshot stay in DIR, and a later run over the
 * same DIR starts from them instead of writing and building again (minutes at 100k).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { readNorec, takePassages } from './corpus';
import { articleMarkdown as markdown, profileStalls } from './cpu-profile';

const arg = process.argv[2] ?? '10k';
const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
const articles = takePassages(await readNorec(size), size);
const keep = process.argv.indexOf('--keep');
const kept = keep > 0 ? process.argv[keep + 1] : undefined;
const root = kept ?? (await mkdtemp(join(tmpdir(), 'kilde-profile-reload-')));
const dir = join(root, 'knowledge');
const cache = join(root, 'cache');
const logger = createLogger('warn');
try {
  const [extra, ...rest] = articles;
  if (!extra) throw new Error('no articles');
  if (!kept || !existsSync(cache)) {
    for (const article of rest) {
      const file = join(dir, `${article.id}.md`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, markdown(article));
    }
    const t = performance.now();
    const builder = new KnowledgeStore(dir, cache, logger);
    await builder.reload();
    await builder.settled();
    console.log(`full build ${(performance.now() - t).toFixed(0)} ms`);
  }
  const store = new KnowledgeStore(dir, cache, logger);
  await store.reload();
  const profiling = await profileStalls();
  const extraFile = join(dir, `${extra.id}.md`);
  let t = performance.now();
  await mkdir(dirname(extraFile), { recursive: true });
  await writeFile(extraFile, markdown(extra));
  await store.reload();
  console.log(`add answerable ${(performance.now() - t).toFixed(0)} ms`);
  await store.settled();
  t = performance.now();
  await rm(extraFile);
  await store.reload();
  console.log(`remove answerable ${(performance.now() - t).toFixed(0)} ms`);
  await store.settled();
  for (const line of await profiling.stop()) console.log(line);
} finally {
  if (!kept) await rm(root, { recursive: true, force: true });
}
