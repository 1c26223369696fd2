import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { Language } from '../knowledge/types';
import { NUMBERS } from './code-class';

// Snowball has one Norwegian stemmer (written for Bokmål); it also serves Nynorsk, whose
// inflections it mostly shares, which is better than leaving Nynorsk unstemmed.
const stemmers: Record<Language, Stemmer> = {
  nb: newStemmer('norwegian'),
  nn: newStemmer('norwegian'),
  en: newStemmer('english'),
};

// Stemming dominates analysis time and news text repeats words: memoise per language.
// Bounded so that indexing a huge corpus cannot grow it without limit.
const MAX_MEMO = 200_000;
const memo: Record<Language, Map<string, string>> = { nb: new Map(), nn: new Map(), en: new Map() };

// Words Snowball conflates with another word they must not match: the comparative "lenger"
// (longer) is not "lenge" (long, of time).
const NORWEGIAN_EXCEPTIONS = new Map([
  ['lenger', 'lenger'],
  ['lengre', 'lenger'],
  ['lengst', 'lengst'],
  ['lengste', 'lengst'],
]);

/** The Snowball stem of a case-folded word. Numbers and short words are kept as they are. */
export function stem(lower: string, language: Language): string {
  // A table of digits, not `/\p{N}/u`: asked of every word stemmed and of every head a
  // compound is tried at, before the memo.
  if (lower.length < 3 || NUMBERS.someIn(lower)) return lower;
  if (language !== 'en') {
    const exception = NORWEGIAN_EXCEPTIONS.get(lower);
    if (exception !== undefined) return exception;
  }
  const cache = memo[language];
  const known = cache.get(lower);
  if (known !== undefined) return known;
  const stemmed = stemmers[language].stem(lower);
  if (cache.size >= MAX_MEMO) cache.clear();
  cache.set(lower, stemmed);
  return stemmed;
}
