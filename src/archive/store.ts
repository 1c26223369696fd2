import { ArchiveLexicon } from '../extract/entities';
import { EntitiesDoNotFit } from '../extract/entities/live-merge';
import { type ArticleChanges, articleChanges, changedIds, diffKnowledge } from '../knowledge/diff';
import {
  KnowledgeDirError,
  type LoadOptions,
  loadKnowledge,
  surveyKnowledge,
} from '../knowledge/load';
import { retainLastGood } from '../knowledge/retain';
import type { AliasGroup, LoadResult, Problem } from '../knowledge/types';
import type { Logger } from '../logger';
import { AnalysisFeed, type AnalysisResult, analyseAside } from './analyse-aside';
import type { Archive } from './archive';
import { assemble } from './build';
import { breathe, breatheInBackground, holdBackground, Slicer } from './pace';
import { readSnapshot, SnapshotFile, snapshotKey } from './snapshot';
import { type AnalysisToWrite, writeAnalysis, writeFirstSections } from './snapshot-body';
import { canUpdate, prepareUpdates, updateArchive } from './update';

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
  /** Stops the snapshot being encoded when a newer reload makes it out of date. */
  #stopWriting: AbortController | undefined;
  /** True when the snapshot on disk is older than the archive serving (a write was stopped). */
  #snapshotBehind = false;
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
      // A reload of a serving archive is most likely an update, which waits on work in
      // slices (the files loaded, the live merge's preparation after a restart, the update):
      // the search warm-up gives way to it until it is done or turns into a full build.
      const release = this.#current ? holdBackground() : undefined;
      this.#running = this.#build(release).finally(() => {
        release?.();
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

  async #build(releaseBackground?: () => void): Promise<ReloadOutcome> {
    const started = performance.now();
    const previous = this.#current;
    // Worked out while the snapshot's file is read (the hash of the analysing code, some
    // 50 ms of the main thread, beside hundreds of ms of reading on libuv's threads).
    const keyed = snapshotKey();
    keyed.catch(() => undefined);
    // A snapshot still being encoded belongs to the archive this reload starts from: it is
    // stopped rather than waited for (at 400k passages it takes seconds), since this reload
    // writes its own, or writes the stopped one's archive again should nothing have changed.
    this.#stopWriting?.abort();
    // The folder is looked at (stats, on libuv's threads) while the snapshot is decoded; a
    // failure is the load's to report, below.
    const survey = surveyKnowledge(this.knowledgeDir);
    survey.catch(() => undefined);
    await this.#writing;
    // A restart starts from the snapshot's archive: the knowledge as it was when written.
    const restored = previous ? undefined : await this.#restore(keyed);
    const key = await keyed;
    const base = previous ?? restored;
    // With nothing to start from, this is a full build: its analysis begins on the workers
    // while the files are still read (they start once there are enough passages to need them).
    const feed = base ? undefined : new AnalysisFeed({ signal: this.#stopping.signal });
    let fresh: LoadResult;
    try {
      // Files whose stat is unchanged since the base's load are not read again.
      fresh = await loadKnowledge(
        this.knowledgeDir,
        this.loadOptions,
        base?.load,
        (article) => feed?.add(article),
        survey,
      );
    } catch (error) {
      feed?.stop();
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
    // A breath after each pass over every article (the load's, then these two): at 17k
    // files they were 5-10 ms each, and together one step of 30-50 ms before the update.
    await breathe();
    const { result: load, kept } = retainLastGood(base?.load, fresh);
    if (base) {
      await breathe();
      const changes = articleChanges(base.articles, load.articles);
      await breathe();
      const unchanged = changes.gone.length === 0 && changes.came.length === 0;
      if (unchanged && sameAliases(base.aliases, load.aliases)) {
        // No article and no alias changed: the archive serves as it is, with this load's
        // report. Its snapshot is written again only when files were touched (new stamps).
        const archive: Archive = { ...base, load, aliases: load.aliases, problems: load.problems };
        this.#current = archive;
        if (restored) warmUp(archive);
        if (!sameStamps(base.load, load) || this.#snapshotBehind)
          this.#writing = this.#writeLater(key, archive);
        // The changes were found against the archive serving (a restored one is all new).
        const diff = previous ? changedIds(changes) : diffKnowledge([], archive.articles);
        return outcome(archive, diff, kept, started);
      }
      if (canUpdate(base, load, changes)) {
        await base.basis.read?.();
        const update = await updatedOrNot(base, load, changes);
        if (update) {
          // The index changes and the swap happen in one step: no answer sees half of them.
          update.commit();
          this.#current = update.archive;
          this.#writing = this.#writeLater(key, update.archive);
          const diff = previous ? changedIds(changes) : diffKnowledge([], update.archive.articles);
          return { ...outcome(update.archive, diff, kept, started), incremental: true };
        }
      }
    }
    // Too much changed for an update: no reason to hold the search warm-up back for minutes.
    releaseBackground?.();
    // Until the rebuild is done, the snapshot's archive answers (the knowledge as it was)
    // rather than nothing.
    if (restored) {
      this.#current = restored;
      warmUp(restored);
    }
    // The snapshot's first sections go into its file (in slices) while the workers analyse:
    // gathered instead, the loaded files' 86 MB at 400k passages were held until the end,
    // when the workers' memory peaks.
    const begun = this.#begin(key, load);
    let analysed: AnalysisResult;
    let archive: Archive;
    try {
      analysed = await analyseAside(load, this.logger, { signal: this.#stopping.signal, feed });
      archive = await assemble(load, analysed.analysis, false, analysed.index);
    } catch (error) {
      void begun.then((ahead) => {
        ahead?.release();
        return ahead?.file.discard();
      });
      throw error;
    }
    const { body } = analysed;
    const diff = diffKnowledge(previous?.articles ?? [], archive.articles);
    this.#current = archive;
    archive.index.warm(5, breathe, breatheInBackground).catch(() => undefined);
    this.#writing = this.#write(
      key,
      async (file, pace, ahead) => {
        if (!ahead) await writeFirstSections(file, load, pace);
        for (const piece of body) await file.raw(piece);
      },
      begun.then((ahead) => ahead?.file),
    );
    await this.#writing;
    void begun.then((ahead) => ahead?.release());
    // The live merge for the next reload is prepared once the snapshot is on disk: begun
    // beside the write, its slices (seconds at 400k passages) held the write back as long.
    void prepareUpdates(archive);
    return outcome(archive, diff, kept, started);
  }

  /** The snapshot's archive, or undefined when there is none usable for this code. */
  async #restore(key: Promise<string>): Promise<Archive | undefined> {
    const cached = await readSnapshot(this.cacheDir, key);
    if (!cached) return undefined;
    try {
      return await assemble(cached.load, cached.analysis, true, cached.index);
    } catch (error) {
      this.logger.warn({ err: error }, 'snapshot unusable; analysing afresh');
      return undefined;
    }
  }

  /** Writes an updated archive's snapshot after it went live, so that a restart need not re-analyse. */
  #writeLater(key: string, archive: Archive): Promise<void> {
    return this.#write(key, async (sink, pace) => {
      // A breath first: a reload right behind this one (an add, then another) stops it
      // before any work.
      await pace.breathe();
      const { basis } = archive;
      await basis.read?.();
      // Read as they are written, not copied first (analysis-text.ts, `AnalysisItems`):
      // nothing changes them before the write ends or is stopped (a reload stops it first).
      const { lexicon } = basis;
      const parts: AnalysisToWrite = {
        entities: archive.entities.all(),
        timeMentions: archive.timeMentions,
        mentions: basis.mentions,
        lexicon:
          lexicon instanceof ArchiveLexicon
            ? {
                lower: lexicon.lowerCounts,
                capital: lexicon.capitalCounts,
                names: lexicon.nameCounts,
                persons: lexicon.personWords,
                things: lexicon.thingNames,
              }
            : lexicon,
        references: basis.references,
        entitiesByPassage: archive.entitiesByPassage,
      };
      // Into the file as they are encoded: held whole, the sections' buffers set off one
      // full garbage collection after another (snapshot-body.ts, `SectionSink`).
      await writeFirstSections(sink, archive.load, pace);
      await writeAnalysis(sink, parts, archive.index, pace, archive.entities);
    });
  }

  /**
   * A full build's snapshot file with its first sections written (`writeFirstSections`, in
   * slices), while the workers analyse; undefined when that failed (the write then begins
   * afresh). Removed should the program shut down before the write finishes.
   */
  async #begin(
    key: string,
    load: LoadResult,
  ): Promise<{ file: SnapshotFile; release: () => void } | undefined> {
    const { signal } = this.#stopping;
    if (signal.aborted) return undefined;
    let file: SnapshotFile | undefined;
    const stopped = () => void file?.discard();
    signal.addEventListener('abort', stopped, { once: true });
    const release = () => signal.removeEventListener('abort', stopped);
    try {
      file = await SnapshotFile.create(this.cacheDir, key);
      if (signal.aborted) throw new Error('shutting down');
      await writeFirstSections(file, load, new Slicer());
      return { file, release };
    } catch (error) {
      release();
      await file?.discard().catch(() => undefined);
      if (!signal.aborted)
        this.logger.warn({ err: error }, 'could not begin the analysis snapshot');
      return undefined;
    }
  }

  /**
   * Writes the snapshot `encode` puts into the file, in slices that stop when a newer
   * reload begins (the temp file is then removed, and the snapshot on disk left as it was).
   * `begun`: the file, its first sections written ahead (`encode` is then told so).
   */
  async #write(
    key: string,
    encode: (file: SnapshotFile, pace: Slicer, ahead: boolean) => Promise<void>,
    begun?: Promise<SnapshotFile | undefined>,
  ): Promise<void> {
    const stop = new AbortController();
    this.#stopWriting = stop;
    this.#snapshotBehind = true;
    let file: SnapshotFile | undefined;
    try {
      const ahead = await begun;
      file = ahead ?? (await SnapshotFile.create(this.cacheDir, key));
      await encode(file, new Slicer(8, stop.signal), ahead !== undefined);
      await file.finish();
      this.#snapshotBehind = false;
    } catch (error) {
      if (!stop.signal.aborted && !this.#stopping.signal.aborted)
        this.logger.warn({ err: error }, 'could not write the analysis snapshot');
    } finally {
      await file?.discard().catch(() => undefined);
      if (this.#stopWriting === stop) this.#stopWriting = undefined;
    }
  }

  /** Resolves once no snapshot write is pending (tests and shutdown wait for it). */
  settled(): Promise<void> {
    return this.#writing;
  }
}

/**
 * `updateArchive`, or undefined where a restored entity the update reached does not fit the
 * live merge (`EntitiesDoNotFit`, which a restored merge finds only then): the basis is
 * spoiled, and the archive is built in full instead.
 */
async function updatedOrNot(
  previous: Archive,
  load: LoadResult,
  changes: ArticleChanges,
): Promise<Awaited<ReturnType<typeof updateArchive>> | undefined> {
  try {
    return await updateArchive(previous, load, changes);
  } catch (error) {
    if (error instanceof EntitiesDoNotFit) return undefined;
    throw error;
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

const sameAliases = (a: readonly AliasGroup[], b: readonly AliasGroup[]): boolean =>
  JSON.stringify(a.map((g) => g.names)) === JSON.stringify(b.map((g) => g.names));

function sameStamps(a: LoadResult, b: LoadResult): boolean {
  const before = a.stamps ?? [];
  const after = b.stamps ?? [];
  return (
    before.length === after.length &&
    before.every((s, i) => {
      const t = after[i];
      return t !== undefined && s.file === t.file && s.size === t.size && s.mtimeMs === t.mtimeMs;
    })
  );
}

/**
 * Sorts the frequent terms' impact lists in the background (sliced) once an archive serves,
 * so that the first queries cost what later ones do; a failure only leaves them to a query.
 */
function warmUp(archive: Archive): void {
  archive.index.warm(5, breathe, breatheInBackground).catch(() => undefined);
  // The next reload is likely an update of this archive: its live merge is prepared meanwhile.
  void prepareUpdates(archive);
}
