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

// Letters (any script, so Norwegian æøå and names like Erdoğan stay whole), digits with
// inner separators (330.000, 2,5), and words joined by hyphens or apostrophes.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,](?=\p{N})\p{N}+)*(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/gu;
const JOINER = /[-‐'’]/u;

/** Splits text into words; a hyphenated word yields the whole and each part. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    tokens.push({ text: word, start, end: start + word.length });
    if (!JOINER.test(word)) continue;
    let offset = 0;
    for (const piece of word.split(/([-‐'’])/u)) {
      if (piece.length > 0 && !JOINER.test(piece)) {
        tokens.push({
          text: piece,
          start: start + offset,
          end: start + offset + piece.length,
          part: true,
        });
      }
      offset += piece.length;
    }
  }
  return tokens;
}
