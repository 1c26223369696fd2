import { createHash } from 'node:crypto';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAliases } from './aliases';
import { MAX_FILE_BYTES, parseArticleFile } from './article';
import { Slicer } from './pace';
import {
  type FileRead,
  type ReadFile,
  type Resolved,
  readInside,
  readRegularFile,
  readResolved,
  resolveInside,
} from './read-inside';
import { sortedById } from './sorted-ids';
import { type FileLook, lstatFilesAside } from './stat-aside';
import type { Article, FileStamp, LoadResult, Problem } from './types';

export { parseAliases } from './aliases';
export { parseArticleFile } from './article';

/**
 * Reads a knowledge directory: every article file below it, plus `aliases.yml` at its top.
 * Nothing here throws for a bad file: each becomes a problem and the rest still loads.
 */

const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const ALIAS_FILES = new Set(['aliases.yml', 'aliases.yaml']);

/** The knowledge directory itself is missing or unreadable: nothing in it can be judged. */
export class KnowledgeDirError extends Error {
  constructor(readonly dir: string) {
    super(`the knowledge directory ${dir} does not exist or is not a directory`);
  }
}

export interface LoadOptions {
  /** Files bigger than this are refused (and reported) before they are read. */
  maxFileBytes?: number;
  /** Reads one file, already resolved inside the folder: a seam for faults in tests. */
  readFile?: ReadFile;
}

/**
 * `relative` (forward slashes, as `listFiles` lists it: no '.' or '..' parts) below `root`
 * (a real path, so normalised). Joined by hand where the separator is '/': `path.join`
 * normalises what is already normal, and at 17k files that was 20-60 ms in one step.
 */
function absolutePath(root: string, relative: string): string {
  if (path.sep !== '/') return path.join(root, ...relative.split('/'));
  return root.endsWith('/') ? `${root}${relative}` : `${root}/${relative}`;
}
/** Files looked at concurrently: the file system's thread pool works on several at once. */
const CONCURRENT_FILES = 32;
/** Article files from which the survey takes their `lstat`s on a worker thread. */
const STAT_ASIDE_FROM = 1000;
/**
 * Files the survey looks at concurrently (their stats only: nothing held). Each batch's
 * answers come back over turns of the event loop, and beside work in slices a turn holds
 * a slice (8 ms): 32 at a time, the survey of 17k files at 400k passages took 8 s beside
 * the live merge's preparation, which the first add after a restart then waited for.
 */
const SURVEYED_AT_ONCE = 1024;
/**
 * A file modified this shortly before it was looked at gets no stamp: a later change
 * within the same clock tick and of the same size would otherwise go unnoticed (git's
 * "racily clean" entries; 2 s covers the coarsest file systems' mtime steps). Files a
 * moderator saved minutes ago are stamped; files written just before a load are read
 * (and hashed) again by the next one.
 */
export const STAMP_SETTLE_MS = 2000;

/** Problems a load adds over the whole folder, not found in a file: never carried over. */
const NOT_FROM_THE_FILE = new Set(['kept-last-good', 'file-duplicate']);

/** What was found for one listed file, before the results are put together in order. */
type Looked =
  | { kind: 'aliases'; file: FileRead }
  | { kind: 'skipped' }
  | { kind: 'ignored' }
  | { kind: 'unchanged'; stamp: FileStamp }
  | { kind: 'read'; file: FileRead; stamp?: FileStamp };

/** An article file's real path (checked to lie inside the folder) and its stat, as looked at. */
interface Sighted {
  resolved: Resolved;
  now: FileLook | undefined;
}

/**
 * The folder as a load starts from it: its files listed, each article file's real path
 * checked and its size and time looked at, nothing read. Apart from the load, so that a
 * restart can look at the folder (file-system calls, mostly on libuv's threads) while it
 * decodes the snapshot the load then compares the stamps with.
 */
export interface FolderSurvey {
  root: string;
  /** When the survey began: the files' stamps are judged against it (`STAMP_SETTLE_MS`). */
  startedAt: number;
  files: string[];
  /** Sub-folders that could not be listed. */
  problems: Problem[];
  sighted: Map<string, Sighted>;
}

const isArticleFile = (relative: string): boolean => {
  const name = path.posix.basename(relative).toLowerCase();
  return (
    name !== 'readme.md' &&
    ARTICLE_EXTENSIONS.has(path.posix.extname(name)) &&
    !(ALIAS_FILES.has(name) && !relative.includes('/'))
  );
};

/**
 * Whether each folder (by absolute path under the knowledge folder's real path) is its own
 * real path, asked once per folder and load: a regular file in such a folder is where its
 * path says, with no link to resolve.
 */
class RealFolders {
  readonly #known = new Map<string, Promise<boolean>>();

  isReal(folder: string): Promise<boolean> {
    let known = this.#known.get(folder);
    if (!known) {
      known = realpath(folder).then(
        (real) => real === folder,
        () => false,
      );
      this.#known.set(folder, known);
    }
    return known;
  }
}

/**
 * An article file's real path and stat. A regular file (not a link) in a folder that is its
 * own real path needs one `lstat`: at 17k files, resolving each path and then stating it
 * (two file-system calls a file) was some 1 s of the main thread's time in a restart.
 * Anything else (a link, a vanished file) is resolved first and stated through the link.
 */
async function sight(
  root: string,
  relative: string,
  folders: RealFolders,
  /** Its `lstat` taken already (`lstatFilesAside`), when it is a regular file. */
  looked?: FileLook,
): Promise<Sighted> {
  const absolute = absolutePath(root, relative);
  const own = looked ?? (await lstat(absolute).catch(() => undefined));
  if (own?.isFile() && (await folders.isReal(path.dirname(absolute))))
    return { resolved: { ok: true, real: absolute }, now: own };
  const resolved = await resolveInside(root, relative);
  const now = resolved.ok ? await stat(resolved.real).catch(() => undefined) : undefined;
  return { resolved, now };
}

/**
 * Lists and looks at the folder (see `FolderSurvey`); throws `KnowledgeDirError` when it is
 * not one. From `statAsideFrom` article files on, their `lstat`s are taken on a worker
 * thread (`lstatFilesAside`).
 */
export async function surveyKnowledge(
  dir: string,
  statAsideFrom = STAT_ASIDE_FROM,
): Promise<FolderSurvey> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new KnowledgeDirError(dir);
  // Every file must resolve inside the folder's real path: links out of it are refused.
  const root = await realpath(dir).catch(() => undefined);
  if (root === undefined) throw new KnowledgeDirError(dir);
  const startedAt = Date.now();
  const problems: Problem[] = [];
  // A folder's survey and load go over every file (17k at 400k passages) in steps that
  // settle without I/O (stats taken aside, folders' real paths asked once): awaited without
  // slices, the whole survey ran as one turn of the event loop, 70-100 ms of the main thread.
  const pace = new Slicer();
  const files = await listFiles(dir, problems, pace);
  const sighted = new Map<string, Sighted>();
  const articleFiles: string[] = [];
  const absolute: string[] = [];
  const aboveAside = files.length >= statAsideFrom;
  for (const relative of files) {
    if (!isArticleFile(relative)) continue;
    articleFiles.push(relative);
    if (aboveAside) absolute.push(absolutePath(root, relative));
    if (pace.due()) await pace.breathe();
  }
  const aside = articleFiles.length >= statAsideFrom ? await lstatFilesAside(absolute) : [];
  const folders = new RealFolders();
  for (let from = 0; from < articleFiles.length; from += SURVEYED_AT_ONCE) {
    const until = Math.min(articleFiles.length, from + SURVEYED_AT_ONCE);
    const looks: Promise<Sighted>[] = [];
    for (let i = from; i < until; i++) {
      looks.push(sight(root, articleFiles[i] ?? '', folders, aside[i]));
      if (pace.due()) await pace.breathe();
    }
    const looked = await Promise.all(looks);
    for (let i = from; i < until; i++) {
      const one = looked[i - from];
      if (one) sighted.set(articleFiles[i] ?? '', one);
    }
    // The batch's looks settle in microtasks when nothing waits on the disk: no turn of
    // the event loop between batches unless one is taken here.
    if (pace.due()) await pace.breathe();
  }
  return { root, startedAt, files, problems, sighted };
}

/**
 * Reads the knowledge directory. With `previous` (the last load), an article file whose real
 * path has the size and modification time stamped then is not read again: its article and
 * problems are taken over. Every file still has its real path checked to lie inside the
 * folder, so a file swapped for a link out of it is refused, stamp or not. The aliases
 * file is always read. With `surveyed` (begun before `previous` was at hand), the files
 * are not listed and looked at again.
 */
export async function loadKnowledge(
  dir: string,
  options: LoadOptions = {},
  previous?: LoadResult,
  /**
   * Called with each article as it is found, in the order the folder is listed (the
   * result sorts them by id): a full build starts analysing them while the rest is read.
   */
  found?: (article: Article) => void,
  surveyed?: Promise<FolderSurvey>,
): Promise<LoadResult> {
  const { root, startedAt, files, ...survey } = await (surveyed ?? surveyKnowledge(dir));
  const readOptions = {
    maxBytes: options.maxFileBytes ?? MAX_FILE_BYTES,
    readFile: options.readFile ?? readRegularFile,
  };
  // In slices that take turns with the rest of the reload's (knowledge/pace.ts).
  const pace = new Slicer();
  const carried = await carriedOver(previous, pace);

  /** What a sighted article file is without reading it: unchanged, or unreadable; undefined when it must be read. */
  const known = (relative: string, { resolved, now }: Sighted): Looked | undefined => {
    if (!resolved.ok) return { kind: 'read', file: resolved };
    const stamped = carried.stamps.get(relative);
    if (
      now?.isFile() &&
      stamped &&
      stamped.size === now.size &&
      stamped.mtimeMs === now.mtimeMs &&
      (carried.articles.has(relative) || carried.failed.has(relative))
    ) {
      return { kind: 'unchanged', stamp: stamped };
    }
    return undefined;
  };

  /**
   * A file found without I/O (skipped, ignored, or an article file the survey sighted that is
   * unchanged or unreadable), else undefined: a restart's 17k unchanged files were each an
   * async call and its promises before, most of loading them.
   */
  const lookNow = (relative: string): Looked | undefined => {
    const name = path.posix.basename(relative).toLowerCase();
    if (ALIAS_FILES.has(name) && !relative.includes('/')) return undefined;
    if (name === 'readme.md') return { kind: 'skipped' };
    if (!ARTICLE_EXTENSIONS.has(path.posix.extname(name))) return { kind: 'ignored' };
    const sighted = survey.sighted.get(relative);
    return sighted ? known(relative, sighted) : undefined;
  };

  const look = async (relative: string): Promise<Looked> => {
    const name = path.posix.basename(relative).toLowerCase();
    if (ALIAS_FILES.has(name) && !relative.includes('/')) {
      return { kind: 'aliases', file: await readInside(root, relative, readOptions) };
    }
    if (name === 'readme.md') return { kind: 'skipped' };
    if (!ARTICLE_EXTENSIONS.has(path.posix.extname(name))) return { kind: 'ignored' };
    const sighted =
      survey.sighted.get(relative) ?? (await sight(root, relative, new RealFolders()));
    const found = known(relative, sighted);
    if (found) return found;
    const { resolved, now } = sighted;
    if (!resolved.ok) return { kind: 'read', file: resolved };
    const stamp =
      now?.isFile() && now.mtimeMs < startedAt - STAMP_SETTLE_MS
        ? { file: relative, size: now.size, mtimeMs: now.mtimeMs }
        : undefined;
    const file = await readResolved(resolved.real, relative, readOptions);
    return stamp ? { kind: 'read', file, stamp } : { kind: 'read', file };
  };

  const problems: Problem[] = [...survey.problems];
  const articles: Article[] = [];
  const failedFiles: string[] = [];
  const stamps: FileStamp[] = [];
  let aliases: LoadResult['aliases'] = [];
  let aliasesFailed = false;
  const keep = (article: Article): void => {
    articles.push(article);
    found?.(article);
  };

  const take = (relative: string, found: Looked | undefined): void => {
    if (!found || found.kind === 'skipped') return;
    if (found.kind === 'aliases') {
      if (!found.file.ok) {
        problems.push(found.file.problem);
        // Unreadable now: the last good aliases stay. Outside the folder: never used.
        aliasesFailed ||= found.file.keepLastGood;
        return;
      }
      const parsed = parseAliases(relative, found.file.bytes);
      aliases = parsed.aliases;
      aliasesFailed ||= parsed.failed;
      problems.push(...parsed.problems);
      return;
    }
    if (found.kind === 'ignored') {
      problems.push({
        file: relative,
        code: 'file-ignored',
        params: {},
        reason: 'ignored: only .md, .markdown and .txt files are read as articles',
        severity: 'warning',
      });
      return;
    }
    if (found.kind === 'unchanged') {
      stamps.push(found.stamp);
      problems.push(...(carried.problems.get(relative) ?? []));
      const article = carried.failed.has(relative) ? undefined : carried.articles.get(relative);
      if (article) keep(article);
      else failedFiles.push(relative);
      return;
    }
    if (!found.file.ok) {
      // A fault on one file is that file's problem alone; the rest of the reload applies.
      problems.push(found.file.problem);
      if (found.file.keepLastGood) failedFiles.push(relative);
      return;
    }
    if (found.stamp) stamps.push(found.stamp);
    // A file read again only because it had no stamp (it was written just before the last
    // load) is often unchanged: the same bytes parse to the same article, so it is taken over.
    const before = carried.articles.get(relative);
    if (before && before.hash === sha256(found.file.bytes)) {
      problems.push(...(carried.problems.get(relative) ?? []));
      keep(before);
      return;
    }
    const parsed = parseArticleFile(relative, found.file.bytes);
    problems.push(...parsed.problems);
    if (parsed.article) keep(parsed.article);
    else failedFiles.push(relative);
  };
  for (let from = 0; from < files.length; from += CONCURRENT_FILES) {
    const batch = files.slice(from, from + CONCURRENT_FILES);
    const found = batch.map((relative) => lookNow(relative) ?? look(relative));
    const looked = found.some((one) => one instanceof Promise)
      ? await Promise.all(found)
      : (found as Looked[]);
    for (let i = 0; i < batch.length; i++) {
      take(batch[i] ?? '', looked[i]);
      // Parsing is the main thread's work: answers run between files once a slice is used up.
      if (pace.due()) await pace.breathe();
    }
  }

  // Found in the folder's listed order, which is mostly the ids' order already: then
  // there is nothing to sort (at 17k files, a sort with a comparator was 10-20 ms at once).
  if (!sortedById(articles)) {
    await pace.breathe();
    articles.sort((a, b) => compare(a.id, b.id));
  }
  await pace.breathe();
  problems.push(...(await duplicateWarnings(articles, pace)));
  return { articles, aliases, problems, failedFiles, aliasesFailed, stamps };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What the last load found per file, for the files that have not changed since (in slices). */
async function carriedOver(previous: LoadResult | undefined, pace: Slicer) {
  const stamps = new Map<string, FileStamp>();
  const articles = new Map<string, Article>();
  const problems = new Map<string, Problem[]>();
  const failed = new Set(previous?.failedFiles ?? []);
  if (!previous) return { stamps, articles, problems, failed };
  const previousStamps = previous.stamps ?? [];
  for (let from = 0; from < previousStamps.length; from += CARRIED_PER_STEP) {
    byKey(stamps, previousStamps, (stamp) => stamp.file, from, from + CARRIED_PER_STEP);
    if (pace.due()) await pace.breathe();
  }
  for (let from = 0; from < previous.articles.length; from += CARRIED_PER_STEP) {
    byKey(articles, previous.articles, (article) => article.id, from, from + CARRIED_PER_STEP);
    if (pace.due()) await pace.breathe();
  }
  for (const problem of previous.problems) {
    if (NOT_FROM_THE_FILE.has(problem.code)) continue;
    const list = problems.get(problem.file) ?? [];
    list.push(problem);
    problems.set(problem.file, list);
  }
  return { stamps, articles, problems, failed };
}

/** Stamps or articles put in a map between two looks at the pace. */
const CARRIED_PER_STEP = 1024;

/**
 * `items[from..to)` into `map` by `key`. A plain function called per run of items, so that
 * V8 optimises its loop (in the async function that paces it, it ran several times slower).
 */
function byKey<T>(
  map: Map<string, T>,
  items: readonly T[],
  key: (item: T) => string,
  from: number,
  to: number,
): void {
  for (let i = from; i < Math.min(to, items.length); i++) {
    const item = items[i] as T;
    map.set(key(item), item);
  }
}

/** Relative paths (forward slashes) of regular files, dotfiles and dot-folders skipped. */
async function listFiles(
  dir: string,
  problems: Problem[],
  pace: Slicer,
  prefix = '',
): Promise<string[]> {
  const folder = path.join(dir, ...prefix.split('/').filter(Boolean));
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    // The folder itself is the caller's to judge; a sub-folder that vanished or cannot be
    // listed mid-reload is a problem on that folder, not a failed reload.
    if (prefix === '') throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'EIO';
    problems.push({
      file: prefix,
      code: 'file-unreadable',
      params: { error: code },
      reason: `could not be read (${code})`,
      severity: 'error',
    });
    return [];
  });
  const files: string[] = [];
  // Sorted by name as strings, not as Dirents through a comparator: at 17k files the
  // comparator's sort was most of a 20-30 ms step.
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if (pace.due()) await pace.breathe();
  const names = [...byName.keys()].sort();
  if (pace.due()) await pace.breathe();
  for (const name of names) {
    const entry = byName.get(name);
    if (pace.due()) await pace.breathe();
    if (!entry || entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      for (const file of await listFiles(dir, problems, pace, relative)) files.push(file);
    } else if (entry.isFile()) {
      files.push(relative);
    } else if (entry.isSymbolicLink()) {
      // Linked files are followed; linked folders are not, so a link loop cannot hang a reload.
      const target = await stat(path.join(dir, relative)).catch(() => undefined);
      if (target?.isFile()) files.push(relative);
      else
        problems.push({
          file: relative,
          code: 'link-ignored',
          params: {},
          reason: 'ignored: link to a folder or to nothing',
          severity: 'warning',
        });
    }
  }
  return files;
}

/** The same text saved twice would show up twice in every answer. */
/** The duplicates among `articles`, sorted by id: each after the first of its content. */
async function duplicateWarnings(articles: readonly Article[], pace: Slicer): Promise<Problem[]> {
  const byHash = new Map<string, string>();
  const problems: Problem[] = [];
  for (const article of articles) {
    if (pace.due()) await pace.breathe();
    const first = byHash.get(article.hash);
    if (first === undefined) byHash.set(article.hash, article.id);
    else
      problems.push({
        file: article.id,
        code: 'file-duplicate',
        params: { original: first },
        reason: `same content as ${first}`,
        severity: 'warning',
      });
  }
  return problems;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
