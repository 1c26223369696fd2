/**
 * A title for text that has none: its first sentence, short enough for a reply's source
 * line. Cut at a word boundary and without trailing punctuation, so it reads as a title.
 */

export const MAX_TITLE_CHARS = 80;

/** A sentence ends at . ! ? … followed by space and a capital, digit, quote or dash. */
const SENTENCE_END = /[.!?…](?=\s+[\p{Lu}\p{N}«"“–—-])/u;

export function deriveTitle(text: string): string {
  const withoutQuoteDash = text.trim().replace(/^[-–—]\s*/, '');
  const end = SENTENCE_END.exec(withoutQuoteDash);
  const sentence = end ? withoutQuoteDash.slice(0, end.index) : withoutQuoteDash;
  return trimPunctuation(cutAtWord(sentence.replace(/\s+/g, ' '), MAX_TITLE_CHARS));
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  // One overlong word: cut it hard rather than return nothing.
  return lastSpace > 0 ? cut.slice(0, lastSpace) : text.slice(0, max);
}

function trimPunctuation(text: string): string {
  return text.replace(/[\s.,:;!?…–—-]+$/u, '');
}
