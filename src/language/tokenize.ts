import { LETTERS_MARKS_DIGITS, NUMBERS } from './code-class';

/**
 * Word tokens with their offsets in the original text, so that snippets can mark the
 * exact words a query matched.
 */
export interface Token {
  /** The word exactly as written. */
  text: string;
  start: number;
  end: number;
  /** True for a part of a hyphenated word, emitted besides the whole ("Kreml" of "Kreml-talsmann"). */
  part?: boolean;
}

/** The joiners of a word's parts: `-`, `‐`, `'`, `’`. */
const isJoinerUnit = (unit: number): boolean =>
  unit === 45 || unit === 0x2010 || unit === 39 || unit === 0x2019;

/** The separators inside a number: `.`, `,`. */
const isNumberSeparator = (unit: number): boolean => unit === 46 || unit === 44;

/**
 * Splits text into words; a hyphenated word yields the whole and each part. The words are
 * those of `[\p{L}\p{M}\p{N}]+(?:[.,](?=\p{N})\p{N}+)*(?:[-‐'’][\p{L}\p{M}\p{N}]+)*` (with
 * the `u` flag): letters of any script (so Norwegian æøå and names like Erdoğan stay
 * whole), digits with inner separators (330.000, 2,5), and words joined by hyphens or
 * apostrophes. They are found by a scanner over character codes instead
 * (test/language/tokenize.test.ts keeps the expression and compares): the index's first
 * pass tokenizes every passage of the archive, and a match object per word was garbage
 * its worker collected.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  /** Where the current word's parts end (at each joiner, then the word's end). */
  const partEnds: number[] = [];
  let at = 0;
  while (at < length) {
    const code = text.codePointAt(at) ?? 0;
    if (!LETTERS_MARKS_DIGITS.has(code)) {
      at += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = at;
    let end = LETTERS_MARKS_DIGITS.runEnd(text, at);
    // A separator goes in only with a digit after it, and only digits follow it.
    while (end < length && isNumberSeparator(text.charCodeAt(end))) {
      const after = NUMBERS.runEnd(text, end + 1);
      if (after === end + 1) break;
      end = after;
    }
    partEnds.length = 0;
    // A joiner goes in only with a letter, mark or digit after it.
    while (end < length && isJoinerUnit(text.charCodeAt(end))) {
      const after = LETTERS_MARKS_DIGITS.runEnd(text, end + 1);
      if (after === end + 1) break;
      partEnds.push(end);
      end = after;
    }
    tokens.push({ text: text.slice(start, end), start, end });
    if (partEnds.length > 0) {
      partEnds.push(end);
      let from = start;
      for (const to of partEnds) {
        tokens.push({ text: text.slice(from, to), start: from, end: to, part: true });
        // Past the joiner (one unit).
        from = to + 1;
      }
    }
    at = end;
  }
  return tokens;
}
