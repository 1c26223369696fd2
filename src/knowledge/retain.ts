import { sortedById } from './sorted-ids';
import type { Article, LoadResult, Problem } from './types';

/**
 * On reload, a moderator's half-saved or mistyped edit must not make a good article vanish
 * from answers. An article whose file still exists but no longer parses keeps its last good
 * version; a new file that never parsed stays out; a deleted file goes away.
 */
export function retainLastGood(
  previous: LoadResult | undefined,
  next: LoadResult,
): { result: LoadResult; kept: string[] } {
  if (!previous) return { result: next, kept: [] };

  const failed = new Set(next.failedFiles ?? []);
  const kept: Article[] = [];
  const problems: Problem[] = [...next.problems];
  // Only a file that failed can keep its last good version: with none (the usual reload),
  // nothing to look up (at 17k articles, the set of ids and the sort below were 20 ms at once).
  const present = new Set(failed.size > 0 ? next.articles.map((article) => article.id) : []);

  for (const article of failed.size > 0 ? previous.articles : []) {
    if (present.has(article.id) || !failed.has(article.id)) continue;
    kept.push(article);
    problems.push({
      file: article.id,
      code: 'kept-last-good',
      params: {},
      reason: 'the new version could not be read; the last good version is still in use',
      severity: 'warning',
    });
  }

  const keepAliases = next.aliasesFailed === true;
  if (keepAliases) {
    problems.push({
      file: 'aliases.yml',
      code: 'aliases-kept-last-good',
      params: {},
      reason: 'aliases.yml could not be read; the last good aliases are still in use',
      severity: 'warning',
    });
  }

  const articles =
    kept.length === 0 && sortedById(next.articles)
      ? [...next.articles]
      : [...next.articles, ...kept].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    result: {
      ...next,
      articles,
      aliases: keepAliases ? previous.aliases : next.aliases,
      problems,
    },
    kept: kept.map((article) => article.id),
  };
}
