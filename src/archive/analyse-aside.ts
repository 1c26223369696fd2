import { serialize } from 'node:v8';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { Article, LoadResult } from '../knowledge/types';
import type { Logger } from '../logger';
import type { PassageIndex } from '../search';
import type { AnalyseReply, AnalyseRequest, AnalyseRole } from './analyse-worker';
import { Interner } from './analysis-text';
import { type AnalysisParts, analyse } from './build';
import { joinInSlices } from './bytes';
import { Slicer } from './pace';
import { SHARED_SPLIT_BYTES } from './shared-rereads';
import { decodeAnalysisText, decodeIndex, encodeAnalysis, sectionsOf } from './snapshot-body';

/** An analysis, its index, and both as the snapshot stores them (snapshot-body.ts). */
export interface AnalysisResult {
  analysis: AnalysisParts;
  index: PassageIndex;
  /** The `ANLY` and `INDX` sections, to be written after the `LOAD` one. */
  body: Uint8Array[];
}

// Sibling of this module, with the same extension: .ts under tsx and vitest, .js if compiled.
const WORKER_FILE = new URL(
  `./analyse-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`,
  import.meta.url,
);
/**
 * A message to the workers holds articles of about this many passages: each is serialised
 * on this thread in one step (~5 µs a passage), so a batch of 200 articles (4,700 NoReC
 * passages) held answers 25 ms, twice over (once per worker).
 */
const PASSAGES_PER_MESSAGE = 600;
/** The workers' roles, one worker each (analyse-worker.ts). */
const ROLES: readonly AnalyseRole[] = ['names', 'index'];

const TYPESCRIPT_WORKER = new URL('./typescript-worker.mjs', import.meta.url);

/**
 * A worker running `file`. TypeScript (under tsx or vitest) goes through a plain-JS
 * bootstrap that registers tsx in the new thread, whatever the parent was started with.
 */
function startWorker(file: URL): Worker {
  const options = { stdout: false, stderr: false };
  if (!file.pathname.endsWith('.ts')) return new Worker(file, options);
  return new Worker(TYPESCRIPT_WORKER, { ...options, workerData: { entry: file.href } });
}

/** The two workers of one analysis: sent the articles in batches, then asked for the result. */
export interface WorkerRun {
  /** Posts these articles (in batches: cloning a message blocks this thread meanwhile). */
  send(articles: readonly Article[]): void;
  /**
   * Sends the aliases (the articles sent so far are all there are), and decodes the result
   * in slices. Rejects when a worker crashes, exits without an answer, or takes longer
   * than `timeoutMs` from here. The workers are stopped once it settles.
   */
  finish(load: LoadResult, timeoutMs: number): Promise<AnalysisResult>;
  /** Terminates both workers (the analysis then rejects, if asked for). */
  stop(): void;
}

/**
 * Starts the two workers side by side (analyse-worker.ts: one reads the names, the other
 * the dates and the index's terms), each ready for the articles in batches.
 */
export function startWorkers(file = WORKER_FILE): WorkerRun {
  const workers = ROLES.map(() => startWorker(file));
  const stop = () => {
    for (const worker of workers) void worker.terminate();
  };
  const replies = workers.map(
    (worker) =>
      new Promise<Uint8Array[]>((resolve, reject) => {
        worker.once('message', ({ pieces }: AnalyseReply) => resolve(pieces));
        worker.once('error', reject);
        worker.once('exit', (code) =>
          reject(new Error(`analysis worker exited (code ${code}) without an answer`)),
        );
      }),
  );
  // Handled in `finish`; this keeps a crash while the articles are still sent from
  // counting as unhandled.
  for (const r of replies) r.catch(() => undefined);
  // The two workers talk to each other over a channel of their own.
  const { port1, port2 } = new MessageChannel();
  const peers = [port1, port2];
  // And share one cell of memory that says who learns the lexicon from which texts.
  // The learning's split and the second reading's, in one buffer (shared-rereads.ts).
  const split = new SharedArrayBuffer(SHARED_SPLIT_BYTES);
  workers.forEach((worker, i) => {
    const peer = peers[i];
    const role = ROLES[i];
    if (!peer || !role) return;
    const start: AnalyseRequest = { role, peer, split };
    worker.postMessage(start, [peer]);
  });
  return {
    send(articles) {
      for (const batch of batches(articles)) {
        // Serialised once for both workers: each gets a copy of the bytes (a memcpy), where
        // posting the articles themselves serialised them once per worker.
        const request: AnalyseRequest = { serialized: serialize(batch) };
        for (const worker of workers) worker.postMessage(request);
      }
    },
    async finish(load, timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          // A worker that hangs must not hold up every later reload: give up and fall back.
          timer = setTimeout(
            () => reject(new Error(`analysis worker gave no answer in ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
        // The first failure of either, or the timeout, fails the whole.
        const failed = Promise.race([timeout, ...replies.map((r) => r.then(() => timeout))]);
        failed.catch(() => undefined);
        const reply = (i: number) => Promise.race([failed, replies[i] ?? failed]);
        const done: AnalyseRequest = { aliases: load.aliases };
        for (const worker of workers) worker.postMessage(done);
        // The analysis names passages and articles by id: the loaded ones' strings, not copies.
        const ids = new Interner();
        await new Slicer().each(load.articles, (article) => {
          ids.get(article.id);
          for (const passage of article.passages) ids.get(passage.id);
        });
        // The names worker is done first (the index waits for its names): its sections are
        // decoded here while the index worker still indexes.
        const textPieces = await reply(0);
        // Its memory (the lexicon, every passage's names) goes now rather than with the other's,
        // and before its sections are joined here.
        await workers[0]?.terminate();
        const text = await joinInSlices(textPieces, new Slicer());
        textPieces.length = 0;
        const analysis = await decodeAnalysisText(text, sectionsOf(text), ids);
        const terms = await joinInSlices(await reply(1), new Slicer());
        const index = await decodeIndex(terms, sectionsOf(terms), load);
        return { analysis, index, body: [text, terms] };
      } finally {
        clearTimeout(timer);
        stop();
      }
    },
    stop,
  };
}

/** `articles` cut into runs of about PASSAGES_PER_MESSAGE passages (at least one article each). */
function* batches(articles: readonly Article[]): Generator<Article[]> {
  let from = 0;
  let passages = 0;
  for (let i = 0; i < articles.length; i++) {
    passages += articles[i]?.passages.length ?? 0;
    if (passages >= PASSAGES_PER_MESSAGE) {
      yield articles.slice(from, i + 1);
      from = i + 1;
      passages = 0;
    }
  }
  if (from < articles.length) yield articles.slice(from);
}

/**
 * Analyses `load` on two worker threads side by side and decodes their result on this one
 * in slices (as a restart decodes the snapshot), so the event loop stays free for answers
 * throughout. Rejects when a worker cannot start, crashes or exits without an answer.
 */
export async function analyseInWorker(
  load: LoadResult,
  file = WORKER_FILE,
  timeoutMs = workerTimeoutMs(load),
  signal?: AbortSignal,
): Promise<AnalysisResult> {
  const run = startWorkers(file);
  const stop = () => run.stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    // Between batches, answers: cloning the articles for a worker blocks this thread.
    const slicer = new Slicer();
    for (const batch of batches(load.articles)) {
      run.send(batch);
      if (slicer.due()) await slicer.breathe();
    }
    return await run.finish(load, timeoutMs);
  } finally {
    signal?.removeEventListener('abort', stop);
    run.stop();
  }
}

/**
 * Generous: forty times what the bench measures per passage (~0.25 ms), and at least a
 * minute. It is there to catch a hung worker; on a loaded machine (the bench saw 50k
 * passages take over 117 s) a tighter limit gave up on a worker about to answer, and the
 * main thread then did the whole analysis again, stalling answers.
 */
function workerTimeoutMs(load: LoadResult): number {
  const passages = load.articles.reduce((n, a) => n + a.passages.length, 0);
  return Math.max(60_000, passages * 10);
}

/**
 * Below this many passages the analysis runs on the main thread: it then takes a few tens
 * of milliseconds, less than starting a worker (which loads and compiles the whole analysis
 * code again, ~0.4 s), and stalls answers no longer than that.
 */
export const WORKER_MIN_PASSAGES = 1000;

/**
 * An analysis begun while the files are still read, for a full build with nothing to
 * start from: each article goes to the workers as the load parses it, so that reading
 * (this thread) and analysing (the workers) overlap instead of following each other.
 * The workers start once the articles fed hold `minPassages` passages, never below.
 * `analyseAside` takes its result only when the load holds exactly the articles fed, in
 * the order fed (a folder listed in another order than the ids sort in does not): the
 * analysis is the same function of the same articles. Otherwise it is stopped.
 */
export class AnalysisFeed {
  readonly #fed: Article[] = [];
  #unsent: Article[] = [];
  #unsentPassages = 0;
  #passages = 0;
  #run: WorkerRun | undefined;
  #failure: unknown;

  readonly #onAbort = () => this.stop();

  constructor(
    private readonly options: {
      /** Starts the workers; `startWorkers` unless given (tests pass a failing one). */
      start?: () => WorkerRun;
      minPassages?: number;
      /** Aborted when the program shuts down: the workers are terminated. */
      signal?: AbortSignal;
    } = {},
  ) {
    options.signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** One more article, in the load's order: sent on with the next full batch. */
  add(article: Article): void {
    this.#fed.push(article);
    this.#unsent.push(article);
    this.#unsentPassages += article.passages.length;
    this.#passages += article.passages.length;
    if (this.#failure !== undefined || this.options.signal?.aborted) return;
    if (!this.#run) {
      if (this.#passages < (this.options.minPassages ?? WORKER_MIN_PASSAGES)) return;
      try {
        this.#run = (this.options.start ?? startWorkers)();
      } catch (error) {
        this.#failure = error;
        return;
      }
    }
    if (this.#unsentPassages >= PASSAGES_PER_MESSAGE) this.#send();
  }

  #send(): void {
    this.#run?.send(this.#unsent);
    this.#unsent = [];
    this.#unsentPassages = 0;
  }

  /** Whether the workers were started and `load` holds exactly the articles fed, in order. */
  holds(load: LoadResult): boolean {
    if (!this.#run && this.#failure === undefined) return false;
    const fed = this.#fed;
    return load.articles.length === fed.length && load.articles.every((a, i) => a === fed[i]);
  }

  /** The workers' analysis of `load` (which `holds`); rejects as `analyseInWorker` does. */
  async finish(load: LoadResult): Promise<AnalysisResult> {
    const run = this.#run;
    if (!run) throw this.#failure ?? new Error('the analysis feed never started its workers');
    this.#send();
    try {
      return await run.finish(load, workerTimeoutMs(load));
    } finally {
      this.options.signal?.removeEventListener('abort', this.#onAbort);
    }
  }

  /** Stops the workers, when started (the load turned out to need another analysis). */
  stop(): void {
    this.options.signal?.removeEventListener('abort', this.#onAbort);
    this.#run?.stop();
  }
}

export interface AnalyseAsideOptions {
  /** Passages from which the worker is used; WORKER_MIN_PASSAGES unless given. */
  workerMinPassages?: number;
  /** The worker to try; `analyseInWorker` unless given (tests pass a failing one). */
  inWorker?: (load: LoadResult, signal?: AbortSignal) => Promise<AnalysisResult>;
  /**
   * Aborted when the program shuts down: the worker is terminated, and the analysis then
   * neither falls back to this thread nor settles (the process is exiting; a rejection
   * would only reach a user as a false "something went wrong").
   */
  signal?: AbortSignal;
  /** The workers fed while `load` was read: used when they hold its articles, else stopped. */
  feed?: AnalysisFeed;
}

/**
 * Analyses `load` without blocking answers: on a worker thread, or, when the worker fails
 * (it cannot start, or crashes), on this thread as before, so that a reload is never lost.
 */
export async function analyseAside(
  load: LoadResult,
  logger: Logger,
  options: AnalyseAsideOptions = {},
): Promise<AnalysisResult> {
  const { feed } = options;
  if (options.signal?.aborted) {
    feed?.stop();
    return new Promise<never>(() => {});
  }
  const passages = load.articles.reduce((n, a) => n + a.passages.length, 0);
  const fed = feed?.holds(load) === true;
  if (!fed) feed?.stop();
  if (passages >= (options.workerMinPassages ?? WORKER_MIN_PASSAGES) || fed) {
    try {
      if (feed && fed) return await feed.finish(load);
      return await (options.inWorker ?? ((l, s) => analyseInWorker(l, undefined, undefined, s)))(
        load,
        options.signal,
      );
    } catch (error) {
      if (options.signal?.aborted) return new Promise<never>(() => {});
      logger.warn({ err: error }, 'analysis worker failed; analysing on the main thread');
    }
  }
  const { analysis, index } = await analyse(load);
  return { analysis, index, body: await encodeAnalysis(analysis, index, new Slicer()) };
}
