import type { Archive } from '../archive/archive';
import { checkQuery, tidyQuery } from './query-text';
import { sourceOf } from './quote';
import type { QuotedPassage, SearchAnswer } from './types';

/** Enough hits to page through; more is rarely read. */
const MAX_HITS = 25;

/** `/søk <text>`: the passages that best match free text or a question, each sourced. */
export function search(archive: Archive, raw: string): SearchAnswer {
  const query = tidyQuery(raw);
  const error = checkQuery(query);
  if (error) return { kind: 'invalid', query, error };
  const hits: QuotedPassage[] = [];
  for (const hit of archive.index.search(query, { limit: MAX_HITS })) {
    const passage = archive.passageById.get(hit.passageId);
    const article = archive.articleById.get(hit.articleId);
    if (!passage || !article) continue;
    hits.push({
      passageId: passage.id,
      ...(passage.heading ? { heading: passage.heading } : {}),
      snippet: hit.snippet,
      source: sourceOf(article),
    });
  }
  if (hits.length > 0) return { kind: 'found', query, hits };
  // A miss may be a misspelt name: offer the names that come close.
  const suggestions = archive.entities.suggest(query, 3).map((e) => e.name);
  return { kind: 'none', query, suggestions };
}
