import type { Archive } from '../archive/archive';
import { checkQuery, tidyQuery } from './query-text';
import { quote } from './quote';
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
    const quoted = passage && quote(archive, passage, {}, { snippet: hit.snippet });
    if (quoted) hits.push(quoted);
  }
  if (hits.length > 0)
    return { kind: 'found', query, hits: asksWhen(query) ? datedFirst(hits) : hits };
  // A miss may be a misspelt name: offer the names that come close.
  const suggestions = archive.entities.suggest(query, 3).map((e) => e.name);
  return { kind: 'none', query, suggestions };
}

// "Når møtte ...?", "When did ...?": the question word is read before search drops it.
const WHEN = /^(når|naar|kva tid|når tid|hvilken dag|hvilket år|when|what day|what year)\b/iu;

function asksWhen(query: string): boolean {
  return WHEN.test(query.trim());
}

/**
 * For a "when" question, the passages whose own words date their events answer it: they
 * move ahead, keeping the search's order among themselves and among the rest.
 */
function datedFirst(hits: QuotedPassage[]): QuotedPassage[] {
  return [...hits.filter((h) => h.datings), ...hits.filter((h) => !h.datings)];
}
