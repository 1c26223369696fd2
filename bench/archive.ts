/**
 * The archive's own figures at one corpus size, called by bench/run.ts (`measureArchive`)
 * or alone (`npx tsx bench/archive.ts 50k`). Each role runs in a Node process of its own,
 * as the bot is deployed, so that a role's peak RSS and CPU are its own:
 *
 * - this process writes the corpus as Markdown files (reading and parsing files count too);
 * - the build process (bench/build-role.ts): a moderator's reload with no snapshot (worker
 *   analysis, assembled in slices), the longest event-loop stall meanwhile, its peak RSS;
 * - the serving process (bench/serving-role.ts): the warm start from that snapshot, one
 *   article added and removed, each timed until answerable with searches sent every 20 ms
 *   (the longest stall, the slowest reply; the snapshot written after the update included),
 *   then, given query sets, Kilde's search and answers timed on the settled archive; its
 *   peak RSS over all of it ("peak RSS") and per phase.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { STAMP_SETTLE_MS } from '../src/knowledge/load';
import type { Article } from '../src/knowledge/types';
import type { BuildFigures, BuildInput } from './build-role';
import { hasNorec, readNorec, takePassages } from './corpus';
import { articleMarkdown as markdown } from './cpu-profile';
import { runRole } from './role-process';
import type { ServingInput, ServingOutput } from './serving-role';

async function writeArticles(dir: string, articles: readonly Article[]): Promise<void> {
  for (const article of articles) {
    const file = join(dir, `${article.id}.md`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, markdown(article));
  }
}

export interface ArchiveMeasurement extends Omit<ServingOutput, 'memory'> {
  /** The figures of both roles, in the order of bench/results/latest.json's `archive` rows. */
  figures: Record<string, number>;
}

export async function measureArchive(input: {
  articles: readonly Article[];
  passages: number;
  /** Timings the serving process takes once settled (search sets, answers, autocompletes). */
  timing?: ServingInput['timing'];
  heapSnapshot?: string;
}): Promise<ArchiveMeasurement> {
  const root = await mkdtemp(join(tmpdir(), 'kilde-bench-archive-'));
  const dir = join(root, 'knowledge');
  const cache = join(root, 'cache');
  try {
    // One article is held back, to be added and removed later.
    const [extra, ...rest] = input.articles;
    if (!extra) throw new Error('no articles');
    await writeArticles(dir, rest);
    // As files in a deployed folder are, written more than the loader's settle time before the
    // build reads them: else the last seconds' files get no stamp (racily clean), and every
    // warm start reads and hashes them again and then rewrites the snapshot for new stamps.
    await new Promise((resolve) => setTimeout(resolve, STAMP_SETTLE_MS + 100));
    const rssBefore = process.memoryUsage().rss;

    const build = await runRole<BuildInput, BuildFigures>(
      new URL('./build-role.ts', import.meta.url),
      { dir, cache },
    );
    const serving = await runRole<ServingInput, ServingOutput>(
      new URL('./serving-role.ts', import.meta.url),
      {
        dir,
        cache,
        extra: {
          file: `${extra.id}.md`,
          markdown: markdown(extra),
          articleId: `${extra.id}.md`,
          probe: extra.passages[0]?.text.split(/\s+/).slice(0, 6).join(' ') ?? '',
        },
        ...(input.timing ? { timing: input.timing } : {}),
        ...(input.heapSnapshot ? { heapSnapshot: input.heapSnapshot } : {}),
      },
    );
    const { memory, ...timed } = serving;
    const { peakRssMB, warmStartPeakRssMB, incrementalPeakRssMB, ...servingMemory } = memory;
    return {
      ...timed,
      figures: {
        passages: input.passages,
        fullBuildS: build.fullBuildS,
        fullBuildStallMs: build.fullBuildStallMs,
        ...serving.figures,
        snapshotMB: build.snapshotMB,
        // The bench process, holding the corpus, before the roles started.
        rssBeforeMB: rssBefore / 2 ** 20,
        // The serving process's peak over warm start, add and remove, and serving.
        peakRssMB: peakRssMB ?? 0,
        fullBuildPeakRssMB: build.fullBuildPeakRssMB,
        warmStartPeakRssMB: warmStartPeakRssMB ?? 0,
        incrementalPeakRssMB: incrementalPeakRssMB ?? 0,
        ...servingMemory,
        fullBuildMaxRssMB: build.fullBuildMaxRssMB,
        buildStartRssMB: build.buildStartRssMB,
      },
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

// Alone: `npx tsx bench/archive.ts 10k [--heap-snapshot FILE]` prints the figures as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2] ?? '10k';
  const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
  const at = process.argv.indexOf('--heap-snapshot');
  const heapSnapshot = at > 0 ? process.argv[at + 1] : undefined;
  if (!hasNorec()) console.log('Skipping: ../shared/corpus/norec is absent.');
  else {
    const articles = takePassages(await readNorec(size), size);
    const measured = await measureArchive({
      articles,
      passages: size,
      ...(heapSnapshot ? { heapSnapshot } : {}),
    });
    console.log(JSON.stringify(measured.figures, null, 2));
  }
}
