import type { Language } from '../knowledge/types';
import { foldCase } from './normalize';
import { stem } from './stem';
import { isStopWord } from './stopwords';
import { type Token, tokenize } from './tokenize';

/**
 * Bump whenever analysis output changes: index snapshots are keyed by it, so a restart
 * after an analyzer change re-analyses instead of loading stale terms.
 */
export const ANALYZER_VERSION = 3;

/**
 * Terms of the words already seen, per language. News text repeats its words (a few
 * hundred thousand distinct ones in 400k passages), and folding case and stemming each
 * occurrence anew was the largest share of indexing time. Bounded, in two generations:
 * when the newer is full it becomes the older and the older is dropped, so the words met
 * since (the common ones) stay known; emptying one full map, as before, had a 400k build
 * stem the commonest words again every 200,000 new ones.
 */
const TERMS_SEEN: Record<
  Language,
  { newer: Map<string, string | null>; older: Map<string, string | null> }
> = {
  nb: { newer: new Map(), older: new Map() },
  nn: { newer: new Map(), older: new Map() },
  en: { newer: new Map(), older: new Map() },
};
/** Words per generation: at most twice as many are held, as many as one map held before. */
const TERMS_SEEN_LIMIT = 100_000;

/** The index term for one word, or null for a function word. */
export function termOf(word: string, language: Language): string | null {
  const seen = TERMS_SEEN[language];
  let known = seen.newer.get(word);
  if (known !== undefined) return known;
  known = seen.older.get(word);
  if (known === undefined) {
    const lower = foldCase(word);
    known = isStopWord(lower, language) ? null : stem(lower, language);
  }
  if (seen.newer.size >= TERMS_SEEN_LIMIT) {
    seen.older = seen.newer;
    seen.newer = new Map();
  }
  seen.newer.set(word, known);
  return known;
}

/** A token with the index term it produces (null when it is a stop word). */
export interface AnalyzedToken extends Token {
  term: string | null;
}

/** Two or more capitals and no small letter: "VAR", "FN", or a shouted "OGSÅ". */
const CAPITALS = /^(?=(?:\p{N}*\p{Lu}){2})[\p{Lu}\p{N}]+$/u;
const LANGUAGES: readonly Language[] = ['nb', 'nn', 'en'];

function writtenInCapitals(text: string): boolean {
  // Most words fail on their second letter, before the pattern runs.
  const second = text.charAt(1);
  return second !== second.toLowerCase() && CAPITALS.test(text);
}

/**
 * The index term of an acronym that spells a function word of any of the archive's
 * languages, or undefined. "VAR" (video assistant referee), "WHO", "IT" or "AS" written in
 * capitals inside ordinary text are names, and dropping them as "var", "who"... lost the
 * question "Hva står VAR for?". Such a word is indexed as written, so it never meets the
 * stem of another word ("varer" stems to "var"), and the same in every language, so an
 * English question finds it in Norwegian text. Written so only when neither neighbouring
 * word is in capitals: a run of capitals ("LES OGSÅ", "DET VAR EN GANG") is shouting, and
 * its function words stay function words. A part of a hyphenated word ("VAR-dommeren")
 * has its whole word's neighbours.
 */
export function acronymTermAt(
  words: readonly { text: string; part?: boolean }[],
  i: number,
): string | undefined {
  const word = words[i];
  if (word === undefined || !writtenInCapitals(word.text)) return undefined;
  const folded = foldCase(word.text);
  if (!LANGUAGES.some((language) => isStopWord(folded, language))) return undefined;
  let whole = i;
  while (whole > 0 && words[whole]?.part) whole--;
  let before = whole - 1;
  while (before > 0 && words[before]?.part) before--;
  let after = whole + 1;
  while (after < words.length && words[after]?.part) after++;
  const shouted = (at: number) => {
    const neighbour = at >= 0 ? words[at] : undefined;
    return neighbour !== undefined && writtenInCapitals(neighbour.text);
  };
  return shouted(before) || shouted(after) ? undefined : word.text;
}

/** Tokens of a text with their terms: what snippets need to mark matched words in place. */
export function analyzeTokens(text: string, language: Language): AnalyzedToken[] {
  const tokens: (Token & { term?: string | null })[] = tokenize(text);
  // The tokens are this call's own: each is given its term in place, not copied (a copy of
  // every word of every passage was much of a full build's garbage).
  tokens.forEach((token, i) => {
    token.term = acronymTermAt(tokens, i) ?? termOf(token.text, language);
  });
  return tokens as AnalyzedToken[];
}

/** Index terms of a text: case-folded, stemmed, stop words dropped, hyphenated words whole and split. */
export function analyze(text: string, language: Language): string[] {
  const terms: string[] = [];
  for (const token of analyzeTokens(text, language))
    if (token.term !== null) terms.push(token.term);
  return terms;
}
