import { LETTERS_MARKS_DIGITS } from '../../language/code-class';

/** Splitting a passage into word and punctuation tokens, with what a name reader needs to know about each. */

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
  /** First word of a sentence, a line or a quote: its capital says nothing about being a name. */
  sentenceStart: boolean;
  /** Only spaces (no line break, no punctuation) separate it from the previous token. */
  joinedToPrevious: boolean;
}

const SENTENCE_END = new Set(['.', '!', '?', ':', '|']);
/** Quote marks and dashes that open a quotation before its first word. */
const QUOTE_OPENERS = new Set(['"', '«', '»', '–', '—', '-', '(', '“', '”', '‘', "'", '*', '•']);

/** JavaScript's `\s` (the same with and without the `u` flag). */
function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The joiners inside a word: `-`, `'`, `’`, `.`. */
const isJoinerUnit = (unit: number): boolean =>
  unit === 45 || unit === 39 || unit === 0x2019 || unit === 46;

/** The UTF-16 length of the code point at `at` (2 for a surrogate pair). */
const unitsAt = (text: string, at: number): number => {
  const code = text.codePointAt(at) ?? 0;
  return code > 0xffff ? 2 : 1;
};

/** Whether the gap `text[from..to]` is only spaces, tabs and no-break spaces. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const unit = text.charCodeAt(at);
    if (unit !== 32 && unit !== 9 && unit !== 0xa0) return false;
  }
  return true;
}

/**
 * The tokens are those of `/[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\S/gu`
 * (test/extract/tokens.test.ts holds that rule and compares), found by a scanner over
 * character codes instead: the names worker tokenizes every passage three or four times in
 * a full build, and the regular expression's match objects and Unicode classes were a
 * sixth of its CPU.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let previousEnd = 0;
  let at = 0;
  const length = text.length;
  while (at < length) {
    if (isSpaceCode(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    let end = LETTERS_MARKS_DIGITS.runEnd(text, at);
    const isWord = end > start;
    if (isWord) {
      // Joined parts: a joiner goes in only with a letter, mark or digit after it.
      while (end < length && isJoinerUnit(text.charCodeAt(end))) {
        const after = LETTERS_MARKS_DIGITS.runEnd(text, end + 1);
        if (after === end + 1) break;
        end = after;
      }
    } else end = start + unitsAt(text, start);
    at = end;
    const value = text.slice(start, end);
    // Most gaps are one space or none: no line break in them, and only spaces.
    const plain = start === previousEnd || (start === previousEnd + 1 && text[previousEnd] === ' ');
    // A line break starts a new sentence: headings and paragraphs carry no final full stop.
    const lineBreak = !plain && text.slice(previousEnd, start).includes('\n');
    if (lineBreak) sentenceStart = true;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start,
      end,
      isWord,
      sentenceStart: isWord && sentenceStart,
      joinedToPrevious:
        tokens.length > 0 && !lineBreak && (plain || onlySpaces(text, previousEnd, start)),
    });
    if (isWord) sentenceStart = false;
    else if (SENTENCE_END.has(value)) sentenceStart = true;
    // "OSLO, Feb 27 (Reuters) - The fund ...": the dash after a dateline opens the story.
    else if (
      (value === '-' || value === '–' || value === '—') &&
      tokens[tokens.length - 2]?.text === ')'
    )
      sentenceStart = true;
    else if (!QUOTE_OPENERS.has(value)) sentenceStart = false;
    previousEnd = end;
  }
  return tokens;
}

const UPPER_START = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\d&]+$/u;

export const isCapitalised = (word: string): boolean => UPPER_START.test(word);
export const isAcronym = (word: string): boolean => ACRONYM.test(word);

/**
 * A word that can be (part of) a name: capitalised, and every hyphenated part after the
 * first capitalised too ("Mette-Marit", "Saudi-Arabia"), so compounds like "FN-styrte" or
 * "Syria-konflikten" are not names. "al-Sisi" style particle prefixes count.
 */
export function isNameShaped(word: string, hyphenParticles: ReadonlySet<string>): boolean {
  // Most words have no hyphen: then a capital first letter is all it takes (the rules below
  // give the same). Asked of every word of every passage, twice per full build.
  if (!word.includes('-')) return UPPER_START.test(word);
  if (!/\p{L}/u.test(word)) return false;
  const parts = word.split('-');
  const first = parts[0] ?? '';
  if (!isCapitalised(first)) {
    if (parts.length < 2 || !hyphenParticles.has(first)) return false;
  }
  return parts.slice(1).every((part) => isCapitalised(part) || /^\d+$/u.test(part));
}

/** Punctuation people leave out when they type a name ("Todd A. Kessler", "R.E.D"). */
const NAME_PUNCTUATION = /[?!.,:;"«»]+/gu;

/**
 * A name as lookups key it, and a typed name as they compare it: folded, with the
 * punctuation people leave out read as a space. Names and queries go through this one
 * function, so a name picked from autocomplete finds its entity again.
 */
export function nameKey(value: string): string {
  return foldName(value.replace(NAME_PUNCTUATION, ' '));
}

/**
 * Whether folding `value` as a name only lowers its case: printable ASCII but the
 * backtick, æ and ø (which do not decompose), and single spaces inside. The merge folds
 * names many times over (keys, slugs, display names, the directory's keys), most of them so.
 */
function foldsByCaseAlone(value: string): boolean {
  const last = value.length - 1;
  for (let at = 0; at <= last; at++) {
    const unit = value.charCodeAt(at);
    if (unit === 32) {
      if (at === 0 || at === last || value.charCodeAt(at - 1) === 32) return false;
    } else if (unit < 33 || unit > 126 || unit === 96) {
      if (unit !== 0xe6 && unit !== 0xf8 && unit !== 0xc6 && unit !== 0xd8) return false;
    }
  }
  return true;
}

/** Lowercase, without diacritics: the key two spellings of a name share. */
export function foldName(value: string): string {
  if (foldsByCaseAlone(value)) return value.toLowerCase();
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}
