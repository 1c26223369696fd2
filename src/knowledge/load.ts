import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAliases } from './aliases';
import { MAX_FILE_BYTES, parseArticleFile } from './article';
import { type FileRead, type ReadFile, readInside, readRegularFile } from './read-inside';
import type { Article, LoadResult, Problem } from './types';

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

export async function loadKnowledge(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new KnowledgeDirError(dir);
  // Every file must resolve inside the folder's real path: links out of it are refused.
  const root = await realpath(dir).catch(() => undefined);
  if (root === undefined) throw new KnowledgeDirError(dir);
  const read = (relative: string): Promise<FileRead> =>
    readInside(root, relative, {
      maxBytes: options.maxFileBytes ?? MAX_FILE_BYTES,
      readFile: options.readFile ?? readRegularFile,
    });
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const failedFiles: string[] = [];
  let aliases: LoadResult['aliases'] = [];
  let aliasesFailed = false;

  const files = await listFiles(dir, problems);
  for (const relative of files) {
    const name = path.posix.basename(relative).toLowerCase();
    const isTopLevel = !relative.includes('/');

    if (ALIAS_FILES.has(name) && isTopLevel) {
      const file = await read(relative);
      if (!file.ok) {
        problems.push(file.problem);
        // Unreadable now: the last good aliases stay. Outside the folder: never used.
        aliasesFailed ||= file.keepLastGood;
        continue;
      }
      const parsed = parseAliases(relative, file.bytes);
      aliases = parsed.aliases;
      aliasesFailed ||= parsed.failed;
      problems.push(...parsed.problems);
      continue;
    }
    if (name === 'readme.md') continue;
    if (!ARTICLE_EXTENSIONS.has(path.posix.extname(name))) {
      problems.push({
        file: relative,
        code: 'file-ignored',
        params: {},
        reason: 'ignored: only .md, .markdown and .txt files are read as articles',
        severity: 'warning',
      });
      continue;
    }

    const file = await read(relative);
    if (!file.ok) {
      // A fault on one file is that file's problem alone; the rest of the reload applies.
      problems.push(file.problem);
      if (file.keepLastGood) failedFiles.push(relative);
      continue;
    }
    const parsed = parseArticleFile(relative, file.bytes);
    problems.push(...parsed.problems);
    if (parsed.article) articles.push(parsed.article);
    else failedFiles.push(relative);
  }

  problems.push(...duplicateWarnings(articles));
  articles.sort((a, b) => compare(a.id, b.id));
  return { articles, aliases, problems, failedFiles, aliasesFailed };
}

/** Relative paths (forward slashes) of regular files, dotfiles and dot-folders skipped. */
async function listFiles(dir: string, problems: Problem[], prefix = ''): Promise<string[]> {
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
  for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      files.push(...(await listFiles(dir, problems, relative)));
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
function duplicateWarnings(articles: readonly Article[]): Problem[] {
  const byHash = new Map<string, string>();
  const problems: Problem[] = [];
  for (const article of [...articles].sort((a, b) => compare(a.id, b.id))) {
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
