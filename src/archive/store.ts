import { diffKnowledge } from '../knowledge/diff';
import { KnowledgeDirError, type LoadOptions, loadKnowledge } from '../knowledge/load';
import { retainLastGood } from '../knowledge/retain';
import type { LoadResult, Problem } from '../knowledge/types';
import type { Logger } from '../logger';
import { analyseAside } from './analyse-aside';
import { serializeAnalysisAsync } from './analysis-text';
import type { Archive } from './archive';
import { type Analysis, assemble } from './build';
import { readSnapshot, snapshotKey, writeSnapshot } from './snapshot';
import { articleChanges, canUpdate, updateArchive } from './update';

export interface ReloadOutcome {
  archive: Archive;
  added: string[];
  changed: string[];
  removed: string[];
  kept: string[];
  durationMs: number;
  joined: boolean;
  /** True when the previous archive was updated with the changed files rather than rebuilt. */
  incremental: boolean;
}

/**
 * Holds the archive that serves answers and replaces it on reload. Readers always get a
 * complete archive: the new one is built aside and swapped in with one assignment. The
 * analysis runs on a worker thread and the archive is assembled in slices, so answers keep
 * coming from the old archive throughout a reload.
 * Reloads are serialised: while one runs, further calls share a single queued reload
 * (which will see every change made before it starts), so two reloads never race.
 */
export class KnowledgeStore {
  #current: Archive | undefined;
  #running: Promise<ReloadOutcome> | undefined;
  #queued: Promise<ReloadOutcome> | undefined;
  /** The snapshot of the latest incremental update, written after it went live. */
  #writing: Promise<void> = Promise.resolve();
  readonly #stopping = new AbortController();

  constructor(
    private readonly knowledgeDir: string,
    private readonly cacheDir: string,
    private readonly logger: Logger,
    private readonly loadOptions: LoadOptions = {},
  ) {}

  /** The archive serving answers; undefined only before the first load finished. */
  get current(): Archive | undefined {
    return this.#current;
  }

  get reloading(): boolean {
    return this.#running !== undefined;
  }

  /** Shutdown: stops the analysis worker of a reload in flight (that reload never settles). */
  close(): void {
    this.#stopping.abort();
  }

  reload(): Promise<ReloadOutcome> {
    if (!this.#running) {
      this.#running = this.#build().finally(() => {
        this.#running = undefined;
      });
      return this.#running;
    }
    if (!this.#queued) {
      const after = this.#running.catch(() => undefined);
      this.#queued = after.then(() => {
        this.#queued = undefined;
        return this.reload();
      });
    }
    return this.#queued.then((outcome) => ({ ...outcome, joined: true }));
  }

  async #build(): Promise<ReloadOutcome> {
    const started = performance.now();
    const previous = this.#current;
    let fresh: LoadResult;
    try {
      fresh = await loadKnowledge(this.knowledgeDir, this.loadOptions);
    } catch (error) {
      if (!(error instanceof KnowledgeDirError)) throw error;
      const problem: Problem = {
        file: '.',
        code: 'knowledge-dir-missing',
        params: { dir: error.dir },
        reason: error.message,
        severity: 'error',
      };
      if (previous) {
        // A vanished directory is an accident, not an instruction to forget everything:
        // the previous knowledge base keeps serving, and the report says why.
        this.#current = { ...previous, problems: [problem, ...previous.load.problems] };
        return outcome(this.#current, { added: [], changed: [], removed: [] }, [], started);
      }
      fresh = { articles: [], aliases: [], problems: [problem] };
    }
    const { result: load, kept } = retainLastGood(previous?.load, fresh);
    const key = await snapshotKey(load);
    // A snapshot still being written belongs to the archive this reload starts from.
    await this.#writing;
    if (previous) {
      const changes = articleChanges(previous.articles, load.articles);
      if (canUpdate(previous, load, changes)) {
        const update = await updateArchive(previous, load, changes);
        // The index changes and the swap happen in one step: no answer sees half of them.
        update.commit();
        this.#current = update.archive;
        this.#writing = this.#writeLater(key, update.analysis);
        const diff = diffKnowledge(previous.articles, update.archive.articles);
        return { ...outcome(update.archive, diff, kept, started), incremental: true };
      }
    }
    let archive: Archive | undefined;
    const cached = await readSnapshot(this.cacheDir, key);
    if (cached) {
      try {
        archive = await assemble(load, cached, true);
      } catch (error) {
        this.logger.warn({ err: error }, 'snapshot unusable; analysing afresh');
      }
    }
    if (!archive) {
      const { analysis, text, index } = await analyseAside(load, this.logger, {
        signal: this.#stopping.signal,
      });
      archive = await assemble(load, analysis, false, index);
      await writeSnapshot(this.cacheDir, key, text).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'could not write the analysis snapshot'),
      );
    }
    const diff = diffKnowledge(previous?.articles ?? [], archive.articles);
    this.#current = archive;
    return outcome(archive, diff, kept, started);
  }

  /** Writes an updated archive's snapshot after it went live, so that a restart need not re-analyse. */
  async #writeLater(key: string, analysis: () => Analysis): Promise<void> {
    try {
      await writeSnapshot(this.cacheDir, key, await serializeAnalysisAsync(analysis()));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not write the analysis snapshot');
    }
  }

  /** Resolves once no snapshot write is pending (tests and shutdown wait for it). */
  settled(): Promise<void> {
    return this.#writing;
  }
}

function outcome(
  archive: Archive,
  diff: Pick<ReloadOutcome, 'added' | 'changed' | 'removed'>,
  kept: string[],
  started: number,
): ReloadOutcome {
  return {
    archive,
    ...diff,
    kept,
    durationMs: Math.round(performance.now() - started),
    joined: false,
    incremental: false,
  };
}
