/**
 * The sentence around [start, end) as character bounds, for a given notion of a sentence
 * end. A full stop right after a digit is an ordinal (`28. november`) more often than an
 * end, so it never ends a sentence.
 */
export function sentenceBounds(
  text: string,
  start: number,
  end: number,
  boundary: RegExp,
): { from: number; to: number } {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(boundary)) {
    const index = match.index ?? 0;
    if (match[0].startsWith('.') && /\d/.test(text[index - 1] ?? '')) continue;
    if (index + match[0].length <= start) from = index + match[0].length;
    else if (index >= end) {
      to = index;
      break;
    }
  }
  return { from, to };
}
