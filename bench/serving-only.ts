/**
 * The serving process of bench/archive.ts alone, over a folder `profile-reload.ts --keep DIR`
 * built: warm start, one article added and removed with searches in flight, each update's
 * snapshot written; its figures (wall-clock stalls as `monitorEventLoopDelay` sees them, RSS
 * peaks), without the full build before it (minutes at 400k passages).
 *
 *   npx tsx bench/serving-only.ts 400k DIR
 */
import { join } from 'node:path';
import { readNorec, takePassages } from './corpus';
import { articleMarkdown } from './cpu-profile';
import { runRole } from './role-process';
import type { ServingInput, ServingOutput } from './serving-role';

const arg = process.argv[2] ?? '10k';
const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
const root = process.argv[3];
if (!root)
  throw new Error('usage: serving-only.ts SIZE DIR (made by profile-reload.ts --keep DIR)');
// The article profile-reload.ts held back: the first of the same corpus.
const [extra] = takePassages(await readNorec(size), size);
if (!extra) throw new Error('no articles');
const serving = await runRole<ServingInput, ServingOutput>(
  new URL('./serving-role.ts', import.meta.url),
  {
    dir: join(root, 'knowledge'),
    cache: join(root, 'cache'),
    extra: {
      file: `${extra.id}.md`,
      markdown: articleMarkdown(extra),
      articleId: `${extra.id}.md`,
      probe: extra.passages[0]?.text.split(/\s+/).slice(0, 6).join(' ') ?? '',
    },
  },
);
const round = (n: number) => Math.round(n * 10) / 10;
for (const [name, value] of Object.entries({ ...serving.figures, ...serving.memory }))
  console.log(`${name}: ${round(value)}`);
