import type { AliasGroup, Language } from '../knowledge/types';
import { foldCase, isStopWord, stem, tokenize } from '../language';

/**
 * Query analysis. Passages are indexed with the stems of their own language, but a query
 * does not say which language the passages it wants are in, so every query word is stemmed
 * both ways (Bokmål and English; Nynorsk shares the Norwegian stemmer) and either stem may
 * match.
 */

/** One content word of the query with the index terms that may stand for it. */
export interface QueryWord {
  /** As typed. */
  text: string;
  /** Distinct stems: Norwegian first, then English when it differs. */
  terms: string[];
  /** True for the last word of a query that does not end in a space or punctuation. */
  last: boolean;
}

/** Another name of something the query names, to search as well (weighted lower). */
export interface AliasExpansion {
  /** Indices in `words` of the query words the matched name covers. */
  covers: number[];
  /** Each other name of the group as a sequence of word alternatives (all must match). */
  names: string[][][];
}

export interface AnalysedQuery {
  /** The language the query seems written in; it decides which words are function words. */
  language: Language;
  words: QueryWord[];
  aliases: AliasExpansion[];
}

// Question words the answers layer reads before searching; most are stop words already,
// these are the ones the stop lists lack.
const QUESTION_WORDS = new Set([
  'hvilket',
  'hvilke',
  'hvilken',
  'hva',
  'hvem',
  'hvor',
  'hvordan',
  'hvorfor',
  'når',
  'kva',
  'kven',
  'kvar',
  'kor',
  'korleis',
  'kvifor',
  'who',
  'whom',
  'whose',
  'what',
  'where',
  'when',
  'which',
  'how',
  'why',
]);

// "hvor mange", "how many": the quantity word is part of the question, not the topic.
const QUANTITY_AFTER_QUESTION = new Set(['mange', 'mye', 'mykje', 'many', 'much']);

const SEARCH_LANGUAGES: readonly Language[] = ['nb', 'en'];

/**
 * Guesses the query language from its function words: queries are too short for a
 * statistical detector, but "hvem er" / "who is" / "kven er" settle it. Ties go to Bokmål,
 * the archive's main language.
 */
export function guessQueryLanguage(folded: readonly string[]): Language {
  const score: Record<Language, number> = { nb: 0, nn: 0, en: 0 };
  for (const word of folded) {
    for (const lang of ['nb', 'nn', 'en'] as const) if (isStopWord(word, lang)) score[lang]++;
  }
  // The Nynorsk list includes the Bokmål one: Nynorsk wins only on words Bokmål lacks.
  if (score.en > Math.max(score.nb, score.nn)) return 'en';
  if (score.nn > score.nb) return 'nn';
  return 'nb';
}

function stemsOf(folded: string): string[] {
  const terms: string[] = [];
  for (const lang of SEARCH_LANGUAGES) {
    const term = stem(folded, lang);
    if (!terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** Every form a word may match a name word by: as written, or either stem. */
function matchKeys(folded: string): Set<string> {
  return new Set([folded, ...stemsOf(folded)]);
}

/** Whole words (hyphen parts excluded) of a text, case-folded. */
function wholeWords(text: string): { folded: string; start: number; end: number; text: string }[] {
  return tokenize(text)
    .filter((t) => !t.part)
    .map((t) => ({ folded: foldCase(t.text), start: t.start, end: t.end, text: t.text }));
}

/** Analyses a query for the index: content words with their stems, and alias expansions. */
export function analyseQuery(
  query: string,
  aliases: readonly PreparedAlias[],
  language?: Language,
): AnalysedQuery {
  const all = wholeWords(query);
  const lang = language ?? guessQueryLanguage(all.map((w) => w.folded));
  const endsOpen = /[\p{L}\p{N}]$/u.test(query);

  // Positions of content words among all words, so alias phrases (which may contain
  // function words, "De forente nasjoner") can be matched on the full word sequence.
  const words: QueryWord[] = [];
  const wordAt = new Map<number, number>();
  for (let i = 0; i < all.length; i++) {
    const w = all[i];
    if (w === undefined) continue;
    const previous = all[i - 1]?.folded;
    if (QUESTION_WORDS.has(w.folded) || isStopWord(w.folded, lang)) continue;
    if (
      QUANTITY_AFTER_QUESTION.has(w.folded) &&
      previous !== undefined &&
      QUESTION_WORDS.has(previous)
    ) {
      continue;
    }
    wordAt.set(i, words.length);
    words.push({ text: w.text, terms: stemsOf(w.folded), last: false });
  }
  const lastWord = words[words.length - 1];
  const lastIsFinal = all.length > 0 && wordAt.has(all.length - 1);
  if (lastWord && endsOpen && lastIsFinal) lastWord.last = true;

  const keys = all.map((w) => matchKeys(w.folded));
  const expansions: AliasExpansion[] = [];
  for (const alias of aliases) {
    for (let nameIndex = 0; nameIndex < alias.names.length; nameIndex++) {
      const name = alias.names[nameIndex];
      if (name === undefined) continue;
      const at = findPhrase(keys, name.keys);
      if (at < 0) continue;
      const covers: number[] = [];
      for (let i = at; i < at + name.keys.length; i++) {
        const wi = wordAt.get(i);
        if (wi !== undefined) covers.push(wi);
      }
      const others = alias.names.filter((_, j) => j !== nameIndex).map((n) => n.terms);
      if (covers.length > 0 && others.length > 0) expansions.push({ covers, names: others });
      break;
    }
  }
  return { language: lang, words, aliases: expansions };
}

function findPhrase(keys: readonly Set<string>[], phrase: readonly Set<string>[]): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = 0; i + phrase.length <= keys.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      const have = keys[i + j];
      const want = phrase[j];
      if (!have || !want || ![...want].some((k) => have.has(k))) continue outer;
    }
    return i;
  }
  return -1;
}

/** An alias group analysed once for matching and searching. */
export interface PreparedAlias {
  names: {
    /** Per word of the name: the forms a query word may match it by. */
    keys: Set<string>[];
    /** Per content word of the name: its index terms in either language. */
    terms: string[][];
  }[];
}

export function prepareAliases(groups: readonly AliasGroup[]): PreparedAlias[] {
  const prepared: PreparedAlias[] = [];
  for (const group of groups) {
    const names = group.names
      .map((name) => {
        const words = wholeWords(name);
        return {
          keys: words.map((w) => matchKeys(w.folded)),
          // A function word of either language ("de" of "De forente nasjoner") is left
          // out: the index may have dropped it, and the other words identify the name.
          terms: words
            .filter((w) => !SEARCH_LANGUAGES.some((l) => isStopWord(w.folded, l)))
            .map((w) => stemsOf(w.folded)),
        };
      })
      .filter((n) => n.keys.length > 0);
    if (names.length >= 2) prepared.push({ names });
  }
  return prepared;
}
