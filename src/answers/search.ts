import type { KnowledgeView } from '../backend/backend';
import type { Passage } from '../knowledge/types';
import { readQuery } from './query-text';
import { quoter } from './quote';
import type { QuotedPassage, SearchAnswer } from './types';

/** Enough hits to page through; more is rarely read. */
const MAX_HITS = 25;
/** Names or words offered when nothing is found. */
const MAX_SUGGESTIONS = 3;

/** `/søk <text>`: the passages that best match free text or a question, each sourced. */
export async function search(view: KnowledgeView, raw: string): Promise<SearchAnswer> {
  const { query, error } = readQuery(raw, 'text');
  if (error) return { kind: 'invalid', query, error };
  const found = await view.searchPassages(query, MAX_HITS);
  const passages = await view.passages(found.map((hit) => hit.passageId));
  const quote = await quoter(view, [...passages.values()]);
  const hits: QuotedPassage[] = [];
  for (const hit of found) {
    const passage: Passage | undefined = passages.get(hit.passageId);
    const quoted = passage && quote(passage, {}, { snippet: hit.snippet });
    if (quoted) hits.push(quoted);
  }
  if (hits.length > 0)
    return { kind: 'found', query, hits: asksWhen(query) ? datedFirst(hits) : hits };
  // A miss may be a misspelt name or word: offer the names within a few edits of it, then
  // the archive's own spelling of close words.
  const { matches, suggestions: close } = await view.lookupEntities(query);
  const names = [...matches, ...close].map((e) => e.name);
  const suggestions = [...names, ...(await view.closeWords(query, MAX_SUGGESTIONS))]
    .filter((s, i, all) => all.indexOf(s) === i)
    .slice(0, MAX_SUGGESTIONS);
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
