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

const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\S/gu;
const SENTENCE_END = new Set(['.', '!', '?', ':', '|']);
/** Quote marks and dashes that open a quotation before its first word. */
const QUOTE_OPENERS = new Set(['"', '«', '»', '–', '—', '-', '(', '“', '”', '‘', "'", '*', '•']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const start = match.index;
    // Most gaps are one space or none: no line break in them, and only spaces.
    const plain = start === previousEnd || (start === previousEnd + 1 && text[previousEnd] === ' ');
    const gap = plain ? '' : text.slice(previousEnd, start);
    // A match longer than one character (two: a symbol outside the BMP) begins with a letter or digit.
    const isWord = value.length > 2 || /[\p{L}\p{M}\p{N}]/u.test(value);
    // A line break starts a new sentence: headings and paragraphs carry no final full stop.
    const lineBreak = !plain && gap.includes('\n');
    if (lineBreak) sentenceStart = true;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start,
      end: start + value.length,
      isWord,
      sentenceStart: isWord && sentenceStart,
      joinedToPrevious: tokens.length > 0 && !lineBreak && (plain || /^[ \t\u00a0]*$/u.test(gap)),
    });
    if (isWord) sentenceStart = false;
    else if (SENTENCE_END.has(value)) sentenceStart = true;
    // "OSLO, Feb 27 (Reuters) - The fund ...": the dash after a dateline opens the story.
    else if (/^[-–—]$/u.test(value) && tokens[tokens.length - 2]?.text === ')')
      sentenceStart = true;
    else if (!QUOTE_OPENERS.has(value)) sentenceStart = false;
    previousEnd = start + value.length;
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

/** Lowercase, without diacritics: the key two spellings of a name share. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}
