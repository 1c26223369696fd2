/**
 * The serving process of bench/archive.ts, as the bot runs after a restart: the warm start
 * from the build process's snapshot, one article added and removed with searches in flight,
 * then, the archive settled, Kilde's search over the four query sets and its answers and
 * autocompletes timed. Its heap holds the serving archive and nothing else, so its peak RSS
 * is the deployed bot's, and its CPU per call is not inflated by collecting a corpus.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';
import { KnowledgeStore } from '../src/archive/store';
import { prepareUpdates } from '../src/archive/update';
import { createLogger } from '../src/logger';
import { type PipelineMeasurement, timeAnswers } from './pipeline';
import { QUERY_SETS, type QuerySet, type SearchQuerySets } from './queries';
import { actAsRole } from './role-process';
import { RssPeaks } from './rss-peaks';
import { type Latency, latencyOf, setRepeat, settleHeap } from './timing';
import { underLoad } from './under-load';

export interface ServingInput {
  dir: string;
  cache: string;
  /** The article held back from the build, added and removed here. */
  extra: { file: string; markdown: string; articleId: string; probe: string };
  /** The timings of a settled archive; none when only the archive's figures are wanted. */
  timing?: {
    searchSets: SearchQuerySets;
    /** Free-text queries for the `/søk` answer. */
    answerSearches: string[];
    answerQueries: number;
    repeat: number;
    k: number;
  };
  /** Where to write a V8 heap snapshot of the settled serving process, if anywhere. */
  heapSnapshot?: string;
}

export interface ServingOutput {
  /** Warm start, add and remove: times, stalls, replies. */
  figures: Record<string, number>;
  /** This process's RSS peaks (the whole run, per phase) and what its settled heap holds. */
  memory: Record<string, number>;
  /** Kilde's search, per query set, on the served archive. */
  search?: Record<QuerySet, Latency>;
  answers?: PipelineMeasurement;
}

const MB = 2 ** 20;

async function serve(input: ServingInput): Promise<ServingOutput> {
  const rss = new RssPeaks();
  try {
    const servingStartRssMB = rss.endPhase();
    const store = new KnowledgeStore(input.dir, input.cache, createLogger('warn'));
    const warm = await underLoad(store, () => store.reload());
    if (!warm.result.archive.fromSnapshot) throw new Error('warm start did not use the snapshot');
    const warmStartPeakRssMB = rss.endPhase();

    const extraFile = join(input.dir, input.extra.file);
    const add = await underLoad(store, async () => {
      await mkdir(dirname(extraFile), { recursive: true });
      await writeFile(extraFile, input.extra.markdown);
      return store.reload();
    });
    const found = store.current?.index
      .search(input.extra.probe, { limit: 25 })
      .some((h) => h.articleId === input.extra.articleId);
    const addWrite = await underLoad(store, () => store.settled());
    const remove = await underLoad(store, async () => {
      await rm(extraFile);
      return store.reload();
    });
    const removeWrite = await underLoad(store, () => store.settled());
    const incrementalPeakRssMB = rss.endPhase();

    // Settled as a bot up for a minute serves: the search warm-up and the live merge's
    // preparation run in slices after a reload and would be billed to the calls beside them.
    const archive = remove.result.archive;
    await Promise.all([archive.index.warm(), prepareUpdates(archive)]);
    settleHeap();
    const settled = process.memoryUsage();
    const heap = getHeapStatistics();
    const output: ServingOutput = { figures: {}, memory: {} };
    if (input.timing) {
      const { searchSets, answerSearches, answerQueries, repeat, k } = input.timing;
      setRepeat(repeat);
      const search = {} as Record<QuerySet, Latency>;
      for (const set of QUERY_SETS) {
        const queries = searchSets[set];
        // Warm up (JIT, stem memo) on other queries of the set, so no set is timed cold.
        for (const q of queries.slice(0, 10)) archive.index.search(`${q} ${q}`, { limit: k });
        search[set] = latencyOf(queries, (q) => archive.index.search(q, { limit: k }));
      }
      output.search = search;
      // The build's figures are the build process's; the parent fills them in.
      output.answers = await timeAnswers(archive, answerSearches, answerQueries, {
        buildMs: 0,
        buildStallMs: 0,
      });
    }
    const servingPeakRssMB = rss.endPhase();
    output.figures = {
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
    };
    output.memory = {
      peakRssMB: rss.peakMB,
      warmStartPeakRssMB,
      incrementalPeakRssMB,
      servingPeakRssMB,
      servingMaxRssMB: RssPeaks.maxRssMB(),
      servingStartRssMB,
      // What the settled archive holds: V8's heap, and typed arrays' memory outside it.
      settledHeapUsedMB: settled.heapUsed / MB,
      // V8's committed heap: what the used heap costs in pages (free space, fragmentation).
      settledHeapCommittedMB: heap.total_heap_size / MB,
      settledArrayBuffersMB: settled.arrayBuffers / MB,
      settledRssMB: settled.rss / MB,
    };
    // Last: writing a heap snapshot takes as much memory again as the heap.
    if (input.heapSnapshot) writeHeapSnapshot(input.heapSnapshot);
    return output;
  } finally {
    rss.stop();
  }
}

actAsRole(serve);
