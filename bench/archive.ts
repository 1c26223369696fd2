/**
 * The archive's own figures at one corpus size, called by bench/run.ts (`measureArchive`)
 * or alone (`npx tsx bench/archive.ts 50k`):
 *
 * - full build: a moderator's reload of knowledge files with no snapshot (worker analysis,
 *   assembled in slices), and the longest event-loop stall meanwhile;
 * - warm start: a new store over the same files and its snapshot;
 * - incremental add and remove of one article, each timed until answerable, with searches
 *   sent every 20 ms meanwhile (the longest stall, the slowest reply), and the snapshot
 *   written after the update included in the stall;
 * - peak RSS over all of it (sampled every 20 ms), and the snapshot's size on disk.
 *
 * The corpus is written as Markdown files first, so reading and parsing files count too.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Archive } from '../src/archive/archive';
import { KnowledgeStore } from '../src/archive/store';
import type { Article } from '../src/knowledge/types';
import { createLogger } from '../src/logger';
import { hasNorec, readNorec, takePassages } from './corpus';
import { articleMarkdown as markdown } from './cpu-profile';

async function writeArticles(dir: string, articles: readonly Article[]): Promise<void> {
  for (const article of articles) {
    const file = join(dir, `${article.id}.md`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, markdown(article));
  }
}

/** Runs `work` while searches are asked every 20 ms; the longest stall and slowest reply. */
async function underLoad<T>(
  store: KnowledgeStore,
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; stallMs: number; slowestReplyMs: number; replies: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let slowest = 0;
  let replies = 0;
  const words = ['filmen', 'musikk', 'best', 'Oslo', 'skuespiller'];
  const ask = setInterval(() => {
    const t = performance.now();
    store.current?.index.search(words[replies % words.length] ?? 'film', { limit: 25 });
    slowest = Math.max(slowest, performance.now() - t);
    replies++;
  }, 20);
  histogram.enable();
  const t0 = performance.now();
  try {
    const result = await work();
    return {
      result,
      ms: performance.now() - t0,
      stallMs: histogram.max / 1e6,
      slowestReplyMs: slowest,
      replies,
    };
  } finally {
    histogram.disable();
    clearInterval(ask);
  }
}

export async function measureArchive(input: {
  articles: Article[];
  passages: number;
  /** Runs on the fully built archive before the warm start (the bench times answers there). */
  whenBuilt?: (archive: Archive) => Promise<void>;
}): Promise<Record<string, number>> {
  const root = await mkdtemp(join(tmpdir(), 'kilde-bench-archive-'));
  const dir = join(root, 'knowledge');
  const cache = join(root, 'cache');
  const logger = createLogger('warn');
  let peakRss = process.memoryUsage().rss;
  // The peak of each phase too: a reload's peak is what must fit beside the serving archive.
  let phaseRss = peakRss;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    phaseRss = Math.max(phaseRss, rss);
  }, 20);
  const phasePeak = (): number => {
    const peak = Math.max(phaseRss, process.memoryUsage().rss);
    phaseRss = process.memoryUsage().rss;
    return peak / 2 ** 20;
  };
  try {
    // One article is held back, to be added and removed later.
    const [extra, ...rest] = input.articles;
    if (!extra) throw new Error('no articles');
    await writeArticles(dir, rest);
    const rssBefore = process.memoryUsage().rss;
    phasePeak();

    const builder = new KnowledgeStore(dir, cache, logger);
    const full = await underLoad(builder, () => builder.reload());
    await builder.settled();
    const fullBuildPeakRss = phasePeak();
    if (input.whenBuilt) await input.whenBuilt(full.result.archive);
    const snapshotBytes = (await stat(join(cache, 'analysis-snapshot.bin'))).size;

    const restarted = new KnowledgeStore(dir, cache, logger);
    const warm = await underLoad(restarted, () => restarted.reload());
    if (!warm.result.archive.fromSnapshot) throw new Error('warm start did not use the snapshot');
    const warmStartPeakRss = phasePeak();

    const extraFile = join(dir, `${extra.id}.md`);
    const probe = extra.passages[0]?.text.split(/\s+/).slice(0, 6).join(' ') ?? '';
    const add = await underLoad(restarted, async () => {
      await mkdir(dirname(extraFile), { recursive: true });
      await writeFile(extraFile, markdown(extra));
      return restarted.reload();
    });
    const found = restarted.current?.index
      .search(probe, { limit: 25 })
      .some((h) => h.articleId === `${extra.id}.md`);
    const addWrite = await underLoad(restarted, () => restarted.settled());
    const remove = await underLoad(restarted, async () => {
      await rm(extraFile);
      return restarted.reload();
    });
    const removeWrite = await underLoad(restarted, () => restarted.settled());
    const incrementalPeakRss = phasePeak();

    return {
      passages: input.passages,
      fullBuildS: full.ms / 1000,
      fullBuildStallMs: full.stallMs,
      warmStartS: warm.ms / 1000,
      warmStartStallMs: warm.stallMs,
      addAnswerableS: add.ms / 1000,
      addIncremental: add.result.incremental ? 1 : 0,
      addFound: found ? 1 : 0,
      removeAnswerableS: remove.ms / 1000,
      removeIncremental: remove.result.incremental ? 1 : 0,
      reloadStallMs: Math.max(add.stallMs, remove.stallMs),
      snapshotWriteStallMs: Math.max(addWrite.stallMs, removeWrite.stallMs),
      slowestReplyDuringReloadMs: Math.max(add.slowestReplyMs, remove.slowestReplyMs),
      repliesDuringReload: add.replies + remove.replies,
      snapshotMB: snapshotBytes / 2 ** 20,
      rssBeforeMB: rssBefore / 2 ** 20,
      peakRssMB: peakRss / 2 ** 20,
      fullBuildPeakRssMB: fullBuildPeakRss,
      warmStartPeakRssMB: warmStartPeakRss,
      incrementalPeakRssMB: incrementalPeakRss,
    };
  } finally {
    clearInterval(sampler);
    await rm(root, { recursive: true, force: true });
  }
}

// Alone: `npx tsx bench/archive.ts 10k` prints the figures as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2] ?? '10k';
  const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
  if (!hasNorec()) console.log('Skipping: ../shared/corpus/norec is absent.');
  else {
    const articles = takePassages(await readNorec(size), size);
    console.log(JSON.stringify(await measureArchive({ articles, passages: size }), null, 2));
  }
}
