import type { AliasGroup, Language } from '../knowledge/types';
import { acronymTermAt, foldCase, isStopWord, stem, tokenize } from '../language';
import { splitCompound } from '../language/compound';
import { englishBaseForm } from '../language/english-forms';
import { type LexiconSide, lexicon } from '../language/lexicon';
import { englishPhrases, findPhrases, type PhraseMatch } from '../language/phrases';

/**
 * Query analysis. Passages are indexed with the stems of their own language, but a query
 * does not say which language the passages it wants are in, so every query word is stemmed
 * both ways (Bokmål and English; Nynorsk shares the Norwegian stemmer) and either stem may
 * match.
 */

/** Where an alternative term of a query word comes from, which decides its weight. */
export type TermSource = 'typed' | 'part' | 'translated' | 'fuzzy';

/** One index term that may stand for a query word, with its weight relative to the typed word. */
export interface TermAlternative {
  term: string;
  /** 1 for the word as typed; lower for parts, translations and fuzzy neighbours. */
  weight: number;
  source: TermSource;
  /** Match index terms this term begins (an unfinished last word the archive does not hold). */
  prefix?: boolean;
}

/** One content word of the query with the index terms that may stand for it. */
export interface QueryWord {
  /** As typed. */
  text: string;
  /** Distinct stems of the word as typed: Norwegian first, then English when it differs. */
  terms: string[];
  /**
   * Every index term that may stand for the word, best first: the typed stems (weight 1),
   * the parts of a hyphenated or compound word, translations through the lexicon, and, only
   * when none of those is in the archive, close spellings in the query's own language.
   */
  alternatives: TermAlternative[];
  /** True for the last word of a query that does not end in a space or punctuation. */
  last: boolean;
  /**
   * How many letters a close spelling of the word may differ by (0: none), for a backend
   * that matches unknown words fuzzily itself; analysis with the vocabulary has already
   * added the close spellings it allows as alternatives.
   */
  maxEdits: number;
  /**
   * Whether the word is surely meant as typed: the lexicon knows it, or it is written as a
   * name inside the query. When the archive lacks such a word, that says the archive is not
   * about it; a lower-case word neither knows may be a slip of the keys.
   */
  meantAsTyped: boolean;
}

/**
 * What query analysis may ask of the archive's vocabulary: retrieval implements it over
 * its index. Analysis decides which terms with which weights; retrieval how to find them.
 */
export interface Vocabulary {
  /** How many passages hold the term (0: the archive does not know it). */
  documentFrequency(term: string): number;
  /**
   * Terms within `maxEdits` edits of `term` that passages in that language hold (the
   * index's may keep the first letter as typed: a typo there is rare, and the walk of
   * every term is what a typo query cost).
   */
  near(term: string, maxEdits: number, side: LexiconSide): string[];
  /** Whether passages in that language hold the term. */
  inLanguage(term: string, side: LexiconSide): boolean;
}

/** Weights of the alternatives analysis adds, relative to a typed word (1). */
export interface AlternativeWeights {
  part: number;
  translated: number;
  fuzzy: number;
  /** A typed word found only in the other language's passages, relative to a translation. */
  crossTyped: number;
}

export const DEFAULT_ALTERNATIVE_WEIGHTS: AlternativeWeights = {
  part: 0.1,
  translated: 0.9,
  fuzzy: 0.45,
  crossTyped: 0.5,
};

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
  /**
   * Whether the archive's vocabulary was consulted (fuzzy neighbours and compound parts
   * found, translations filtered). Without it, retrieval matches unknown words fuzzily
   * itself (a backend that keeps its vocabulary elsewhere).
   */
  sawVocabulary: boolean;
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
 * statistical detector, but "hvem er" / "who is" / "kven er" settle it. Without function
 * words ("peace talks Geneva"), the lexicon votes: a word it knows only as English counts
 * for English, one it knows only as Norwegian (or with æ, ø, å) for Norwegian. Ties go to
 * Bokmål, the archive's main language.
 */
export function guessQueryLanguage(folded: readonly string[]): Language {
  const score: Record<Language, number> = { nb: 0, nn: 0, en: 0 };
  const lex = lexicon();
  for (const word of folded) {
    for (const lang of ['nb', 'nn', 'en'] as const) if (isStopWord(word, lang)) score[lang]++;
    if (SEARCH_LANGUAGES.some((l) => isStopWord(word, l))) continue;
    const english = lex.knows(stem(word, 'en'), 'en');
    const norwegian = /[æøå]/u.test(word) || lex.knows(stem(word, 'nb'), 'no');
    if (english && !norwegian) score.en += 0.5;
    if (norwegian && !english) score.nb += 0.5;
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

interface QueryToken {
  folded: string;
  start: number;
  end: number;
  text: string;
  /** Case-folded parts of a hyphenated word ("genève", "samtaler" of "Genève-samtaler"). */
  parts: string[];
}

/** Whole words of a text, case-folded, each with its hyphen parts. */
function wholeWords(text: string): QueryToken[] {
  const words: QueryToken[] = [];
  for (const t of tokenize(text)) {
    const last = words[words.length - 1];
    if (t.part && last) last.parts.push(foldCase(t.text));
    else if (!t.part)
      words.push({ folded: foldCase(t.text), start: t.start, end: t.end, text: t.text, parts: [] });
  }
  return words;
}

/**
 * How many letters may differ for a fuzzy match: none for short words ("lenge" is not a slip
 * for "lenger" when the archive holds only the latter, but "duene" may be one for "duer"),
 * more for long ones.
 */
export function maxEditsFor(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}

const ENGLISH_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/u;

const sideOf = (language: Language): LexiconSide => (language === 'en' ? 'en' : 'no');
const stemFor = (side: LexiconSide): Language => (side === 'en' ? 'en' : 'nb');

/** Alternatives of one query word, typed stems first; see `QueryWord.alternatives`. */
function alternativesOf(
  word: QueryToken,
  language: Language,
  vocabulary: Vocabulary | undefined,
  weights: AlternativeWeights,
): TermAlternative[] {
  const out: TermAlternative[] = [];
  const add = (term: string, weight: number, source: TermSource) => {
    const existing = out.find((a) => a.term === term);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else out.push({ term, weight, source });
  };
  for (const term of stemsOf(word.folded)) add(term, 1, 'typed');
  // An English ordinal is the number Norwegian writes with a stop ("17th" is "17.").
  const ordinal = language === 'en' ? ENGLISH_ORDINAL.exec(word.folded)?.[1] : undefined;
  if (ordinal !== undefined) add(ordinal, 1, 'typed');
  const known = (term: string) => (vocabulary ? vocabulary.documentFrequency(term) > 0 : true);

  // A hyphenated word matches whole and in parts ("Genève-samtaler" finds "samtaler i
  // Genève"); a Norwegian compound the archive does not hold splits against what it does.
  const parts: string[] = [];
  for (const part of word.parts) {
    if (SEARCH_LANGUAGES.some((l) => isStopWord(part, l))) continue;
    parts.push(...stemsOf(part));
  }
  const wholeKnown = out.some((a) => known(a.term));
  if (language !== 'en' && vocabulary && parts.length === 0 && !wholeKnown) {
    const split = splitCompound(stem(word.folded, 'nb'), known, (head) => stem(head, 'nb'));
    if (split) parts.push(...split);
  }
  for (const part of parts) add(part, weights.part, 'part');

  // Translations: English words to Norwegian stems, Norwegian words to English ones, for
  // the word and for each of its parts. Only those that passages in the other language
  // hold are worth a term: an English "land" in a Norwegian text is a Norwegian word.
  const side = sideOf(language);
  const other: LexiconSide = side === 'en' ? 'no' : 'en';
  const translatable = (term: string) => (vocabulary ? vocabulary.inLanguage(term, other) : true);
  const lex = lexicon();
  const sources = [
    stem(word.folded, stemFor(side)),
    ...word.parts.map((p) => stem(p, stemFor(side))),
  ];
  // An irregular English form the lexicon lacks is translated by its base ("took" as "take").
  const base = englishBaseForm(word.folded);
  if (side === 'en' && base !== word.folded && lex.translateEnglish(word.folded).length === 0)
    sources.push(stem(base, 'en'));
  // A Norwegian compound that neither the archive nor the lexicon holds whole is translated
  // by its parts, split against the words either knows ("rekordoverskudd" -> rekord +
  // overskudd -> record, profit): Norwegian compounds are English phrases.
  const whole = stem(word.folded, 'nb');
  if (language !== 'en' && !wholeKnown && word.parts.length === 0 && !lex.knows(whole, 'no')) {
    const split = splitCompound(
      whole,
      (t) => known(t) || lex.knows(t, 'no'),
      (h) => stem(h, 'nb'),
    );
    if (split) sources.push(...split);
  }
  const translations = new Set<string>();
  sources.forEach((source, i) => {
    // The word as written first: the hand table's news senses replace FreeDict's.
    const list =
      i === 0 && side === 'en' ? lex.translateEnglish(word.folded) : lex.translate(source, side);
    for (const term of list) if (translatable(term)) translations.add(term);
  });
  // A passage is scored by the sum of the terms it matches: a word with five translations
  // would count up to five times. Sharing the weight keeps each word worth about one.
  const share = weights.translated / Math.sqrt(Math.max(1, translations.size));
  for (const term of translations) add(term, share, 'translated');

  // A lower-case word as typed that only passages in the other language hold is most often
  // a chance spelling there (English "red" is Norwegian for "rode"): when the word has
  // translations, such a match counts as little as a translation's.
  const name = word.text !== word.folded;
  if (vocabulary && !name && translations.size > 0) {
    for (const a of out) {
      if (a.source !== 'typed' || vocabulary.inLanguage(a.term, side)) continue;
      // A word spelt alike in both languages ("media", "person") is one of its translations.
      const cognate = translations.has(a.term);
      a.weight = Math.min(a.weight, cognate ? share : share * weights.crossTyped);
    }
  }

  // Fuzzy only where it helps: not when the archive holds the word, a part or a
  // translation; not for short words; not for a word the lexicon knows, which is spelt
  // as meant ("oppdaget" is no slip for "opplagt", "lenge" none for "lenger"); and only
  // among words of the query's own language, so an English "talks" never becomes a
  // Norwegian "takket".
  const anyKnown = out.some((a) => known(a.term));
  const own = stem(word.folded, stemFor(side));
  const edits = fuzzyEditsFor(word.folded, side);
  if (vocabulary && !anyKnown && edits > 0) {
    for (const term of vocabulary.near(own, edits, side)) add(term, weights.fuzzy, 'fuzzy');
  }
  return out;
}

/** The edit distance a word's close spellings may have: 0 for short or known words. */
function fuzzyEditsFor(folded: string, side: LexiconSide): number {
  return lexicon().knows(stem(folded, stemFor(side)), side) ? 0 : maxEditsFor(folded.length);
}

/**
 * English writes as two words what Norwegian writes as one: "peace talks" is
 * "fredssamtaler", "price index" "prisindeks", "health policy" "helsepolitikk", and "the
 * price of oil" "oljeprisen". For two content words side by side (or "B of A"), every
 * pairing of their translations, joined as Norwegian joins compounds (directly, or with
 * the linking -s- or -e-), that passages in Norwegian hold is added to both words: a
 * passage writing the compound answers both.
 */
function addNorwegianCompounds(
  all: readonly QueryToken[],
  wordAt: ReadonlyMap<number, number>,
  words: QueryWord[],
  vocabulary: Vocabulary,
  weights: AlternativeWeights,
): void {
  const lex = lexicon();
  const translationsAt = (i: number): readonly string[] => {
    const token = all[i];
    return token ? lex.translateEnglish(token.folded) : [];
  };
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < all.length; i++) {
    // "peace talks": the first word is the compound's head.
    if (wordAt.has(i) && wordAt.has(i + 1)) pairs.push([i, i + 1]);
    // "price of oil": the word after "of" is the head ("oljepris").
    if (all[i + 1]?.folded === 'of' && wordAt.has(i) && wordAt.has(i + 2)) pairs.push([i + 2, i]);
  }
  for (const [head, tail] of pairs) {
    const found = new Set<string>();
    for (const a of translationsAt(head)) {
      for (const b of translationsAt(tail)) {
        for (const ending of HEAD_ENDINGS) {
          for (const link of COMPOUND_LINKS) {
            const compound = `${a}${ending}${link}${b}`;
            if (vocabulary.inLanguage(compound, 'no')) found.add(compound);
          }
        }
      }
    }
    for (const at of [head, tail]) {
      const word = words[wordAt.get(at) ?? -1];
      if (!word) continue;
      const weight = weights.translated;
      for (const compound of found) {
        const existing = word.alternatives.find((x) => x.term === compound);
        if (existing) existing.weight = Math.max(existing.weight, weight);
        else word.alternatives.push({ term: compound, weight, source: 'translated' });
      }
    }
  }
}

const COMPOUND_LINKS = ['', 's', 'e'] as const;
// A compound's first part is a whole word, and the stemmer cut an ending off the lexicon's
// stem: "pulver" is "pulv", so "powder diet" is "pulv" + "er" + "kur".
const HEAD_ENDINGS = ['', 'e', 'er', 'en'] as const;

// English function words the stop list lacks: auxiliaries and their negations, which say
// whether, not what, and adverbs whose dictionary senses are other words' ("just" as
// "rettferdig", "quite" as "slutt", "even" as "jevn", "lot" as "skjebne").
const ENGLISH_FUNCTION_WORDS = new Set([
  'so',
  'yet',
  'already',
  'just',
  'even',
  'quite',
  'rather',
  'really',
  'either',
  'neither',
  'though',
  'although',
  'however',
  'unless',
  'ago',
  'thus',
  'therefore',
  'maybe',
  'perhaps',
  'lot',
  'lots',
  'ought',
  'cannot',
  "can't",
  "won't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "hadn't",
  "couldn't",
  "wouldn't",
  "shouldn't",
  "mustn't",
]);
// Auxiliaries that are also names when capitalised: "may" is "kanskje", "May" the month.
const LOWER_CASE_AUXILIARIES = new Set(['may', 'might']);

/**
 * A function word of an English question the stop list lacks: an auxiliary ("may",
 * "can't"), or an irregular form of a function verb ("made", "took") unless the lexicon
 * knows the form as a word of its own: the light verb of "the decision was made".
 */
function isEnglishFunctionWord(word: QueryToken): boolean {
  const folded = word.folded.replace(/’/gu, "'");
  if (ENGLISH_FUNCTION_WORDS.has(folded)) return true;
  if (LOWER_CASE_AUXILIARIES.has(word.text)) return true;
  const base = englishBaseForm(folded);
  if (base === folded || !isStopWord(base, 'en')) return false;
  return lexicon().translateEnglish(folded).length === 0;
}

/** Norwegian stems of one word of a phrase's translation (its forms' stems). */
function norwegianStemsOf(forms: readonly string[]): string[] {
  const terms: string[] = [];
  for (const form of forms) {
    if (form.length === 0 || isStopWord(form, 'nb')) continue;
    const term = stem(form, 'nb');
    if (!terms.includes(term)) terms.push(term);
  }
  return terms;
}

/**
 * The phrases of the phrase table in an English query, by the index of each word they
 * cover; only those the archive holds some Norwegian word of, so that a phrase the archive
 * cannot answer leaves its words to be translated one by one.
 */
function phrasesOf(
  all: readonly QueryToken[],
  vocabulary: Vocabulary | undefined,
): Map<number, PhraseMatch> {
  const at = new Map<number, PhraseMatch>();
  for (const match of findPhrases(
    englishPhrases(),
    all.map((w) => w.folded),
  )) {
    const held =
      match.norwegian.length === 0 ||
      match.norwegian.some((forms) =>
        norwegianStemsOf(forms).some((t) => !vocabulary || vocabulary.inLanguage(t, 'no')),
      );
    if (!held) continue;
    for (let i = match.start; i < match.end; i++) at.set(i, match);
  }
  return at;
}

/**
 * The query words a phrase stands for: one per Norwegian word of its translation (as a
 * Norwegian question would have them), and its English content words as typed, for
 * passages in English only.
 */
function phraseWords(
  match: PhraseMatch,
  all: readonly QueryToken[],
  vocabulary: Vocabulary | undefined,
  weights: AlternativeWeights,
): QueryWord[] {
  const text = all
    .slice(match.start, match.end)
    .map((w) => w.text)
    .join(' ');
  const out: QueryWord[] = [];
  for (const forms of match.norwegian) {
    const terms = norwegianStemsOf(forms).filter(
      (t) => !vocabulary || vocabulary.inLanguage(t, 'no'),
    );
    if (terms.length === 0) continue;
    out.push({
      text,
      terms,
      alternatives: terms.map((term) => ({
        term,
        weight: weights.translated,
        source: 'translated',
      })),
      last: false,
      maxEdits: 0,
      meantAsTyped: true,
    });
  }
  for (const w of all.slice(match.start, match.end)) {
    if (QUESTION_WORDS.has(w.folded) || isStopWord(w.folded, 'en')) continue;
    const term = stem(w.folded, 'en');
    if (vocabulary && !vocabulary.inLanguage(term, 'en')) continue;
    out.push({
      text: w.text,
      terms: [term],
      alternatives: [{ term, weight: 1, source: 'typed' }],
      last: false,
      maxEdits: 0,
      meantAsTyped: true,
    });
  }
  return out;
}

/** Analyses a query for the index: content words with their alternatives, and alias expansions. */
export function analyseQuery(
  query: string,
  aliases: readonly PreparedAlias[],
  language?: Language,
  vocabulary?: Vocabulary,
  weights: AlternativeWeights = DEFAULT_ALTERNATIVE_WEIGHTS,
): AnalysedQuery {
  const all = wholeWords(query);
  const lang = language ?? guessQueryLanguage(all.map((w) => w.folded));
  const endsOpen = /[\p{L}\p{N}]$/u.test(query);

  // Positions of content words among all words, so alias phrases (which may contain
  // function words, "De forente nasjoner") can be matched on the full word sequence.
  const words: QueryWord[] = [];
  const wordAt = new Map<number, number>();
  const phraseAt = lang === 'en' ? phrasesOf(all, vocabulary) : new Map<number, PhraseMatch>();
  for (let i = 0; i < all.length; i++) {
    const w = all[i];
    if (w === undefined) continue;
    const previous = all[i - 1]?.folded;
    // An acronym that spells a function word ("Hva står VAR for?") is a name, indexed as written.
    const acronym = acronymTermAt(all, i);
    if (acronym !== undefined) {
      wordAt.set(i, words.length);
      words.push({
        text: w.text,
        terms: [acronym],
        alternatives: [{ term: acronym, weight: 1, source: 'typed' }],
        last: false,
        maxEdits: 0,
        meantAsTyped: true,
      });
      continue;
    }
    const phrase = phraseAt.get(i);
    if (phrase !== undefined) {
      if (phrase.start === i) words.push(...phraseWords(phrase, all, vocabulary, weights));
      continue;
    }
    if (QUESTION_WORDS.has(w.folded) || isStopWord(w.folded, lang)) continue;
    if (lang === 'en' && isEnglishFunctionWord(w)) continue;
    if (
      QUANTITY_AFTER_QUESTION.has(w.folded) &&
      previous !== undefined &&
      QUESTION_WORDS.has(previous)
    ) {
      continue;
    }
    wordAt.set(i, words.length);
    const side = sideOf(lang);
    // A capital inside the query marks a name; the first word has one whatever it is.
    const name = i > 0 && w.text !== w.folded;
    words.push({
      text: w.text,
      terms: stemsOf(w.folded),
      alternatives: alternativesOf(w, lang, vocabulary, weights),
      last: false,
      maxEdits: fuzzyEditsFor(w.folded, side),
      meantAsTyped: name || lexicon().knows(stem(w.folded, stemFor(side)), side),
    });
  }
  if (lang === 'en' && vocabulary) addNorwegianCompounds(all, wordAt, words, vocabulary, weights);
  const lastWord = words[words.length - 1];
  const lastIsFinal = all.length > 0 && wordAt.has(all.length - 1);
  if (lastWord && endsOpen && lastIsFinal) {
    lastWord.last = true;
    // An unfinished last word the archive does not hold may be the start of one it does,
    // unless the lexicon knows it as a word of its own ("lenge" is not "lenger" half typed).
    const side = sideOf(lang);
    const complete = lexicon().knows(stem(foldCase(lastWord.text), stemFor(side)), side);
    const head = complete ? undefined : lastWord.alternatives[0];
    const unknown =
      vocabulary !== undefined &&
      !lastWord.alternatives.some((a) => vocabulary.documentFrequency(a.term) > 0);
    if (head && unknown)
      for (const a of lastWord.alternatives) if (a.source === 'typed') a.prefix = true;
  }

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
  // A name the aliases cover is searched by its other names already (weighted as
  // aliases): translating it too would count it twice.
  for (const expansion of expansions) {
    for (const wi of expansion.covers) {
      const word = words[wi];
      if (word) word.alternatives = word.alternatives.filter((a) => a.source !== 'translated');
    }
  }
  return { language: lang, words, aliases: expansions, sawVocabulary: vocabulary !== undefined };
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
