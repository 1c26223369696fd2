import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseAliases } from './aliases';
import { type ArticleParse, MAX_FILE_BYTES, parseArticleFile, tooLargeProblem } from './article';
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

export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new KnowledgeDirError(dir);
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const failedFiles: string[] = [];
  let aliases: LoadResult['aliases'] = [];
  let aliasesFailed = false;

  const files = await listFiles(dir, problems);
  for (const relative of files) {
    const absolute = path.join(dir, ...relative.split('/'));
    const name = path.posix.basename(relative).toLowerCase();
    const isTopLevel = !relative.includes('/');

    if (ALIAS_FILES.has(name) && isTopLevel) {
      const content = await readFile(absolute);
      const parsed = parseAliases(relative, content);
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

    const size = (await stat(absolute)).size;
    const parsed =
      size > MAX_FILE_BYTES
        ? tooLarge(relative, size)
        : parseArticleFile(relative, await readFile(absolute));
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
  const entries = await readdir(path.join(dir, ...prefix.split('/').filter(Boolean)), {
    withFileTypes: true,
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

function tooLarge(file: string, size: number): ArticleParse {
  return {
    problems: [{ ...tooLargeProblem(size), file, severity: 'error' }],
  };
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
