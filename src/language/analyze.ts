import type { Language } from '../knowledge/types';
import { foldCase } from './normalize';
import { stem } from './stem';
import { isStopWord } from './stopwords';
import { type Token, tokenize } from './tokenize';

/**
 * Bump whenever analysis output changes: index snapshots are keyed by it, so a restart
 * after an analyzer change re-analyses instead of loading stale terms.
 */
export const ANALYZER_VERSION = 2;

/**
 * Terms of the words already seen, per language. News text repeats its words (a few
 * hundred thousand distinct ones in 400k passages), and folding case and stemming each
 * occurrence anew was the largest share of indexing time. Bounded: emptied when full.
 */
const TERMS_SEEN: Record<Language, Map<string, string | null>> = {
  nb: new Map(),
  nn: new Map(),
  en: new Map(),
};
const TERMS_SEEN_LIMIT = 200_000;

/** The index term for one word, or null for a function word. */
export function termOf(word: string, language: Language): string | null {
  const seen = TERMS_SEEN[language];
  const known = seen.get(word);
  if (known !== undefined) return known;
  const lower = foldCase(word);
  const term = isStopWord(lower, language) ? null : stem(lower, language);
  if (seen.size >= TERMS_SEEN_LIMIT) seen.clear();
  seen.set(word, term);
  return term;
}

/** A token with the index term it produces (null when it is a stop word). */
export interface AnalyzedToken extends Token {
  term: string | null;
}

/** Tokens of a text with their terms: what snippets need to mark matched words in place. */
export function analyzeTokens(text: string, language: Language): AnalyzedToken[] {
  return tokenize(text).map((token) => ({ ...token, term: termOf(token.text, language) }));
}

/** Index terms of a text: case-folded, stemmed, stop words dropped, hyphenated words whole and split. */
export function analyze(text: string, language: Language): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = termOf(token.text, language);
    if (term !== null) terms.push(term);
  }
  return terms;
}
