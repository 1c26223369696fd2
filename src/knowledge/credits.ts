/**
 * Photo credits ("Foto: Hau Dinh / AP") are pasted into news text as leftovers of image
 * captions. They are not the article's words: quoting them as text, or reading "AP" as a
 * name the passage mentions, would be wrong. So they are cut from passages and kept apart.
 */

const LABEL = '(?:Foto|FOTO|Photo|PHOTO|Bilde|BILDE|Illustrasjon|Grafikk|Kilde foto)';

/** A whole line that is only a credit, optionally in parentheses. */
const CREDIT_LINE = new RegExp(String.raw`^\s*\(?${LABEL}\s*:\s*([^()]{1,80}?)\)?\s*$`, 'u');

/** A credit at the end of a paragraph, after the end of a sentence. */
const TRAILING_CREDIT = new RegExp(
  String.raw`(?<=[.!?»"”')]|^)\s+\(?(${LABEL}\s*:\s*[^()]{1,80}?)\)?\s*$`,
  'u',
);

/**
 * What every trailing credit holds: a label, and a colon. Asked first, because the
 * trailing-credit pattern, with nothing to anchor its start, tries every space of a
 * paragraph (it took a fifteenth of reading a folder), and few paragraphs have either.
 */
const LABEL_ANYWHERE = new RegExp(LABEL, 'u');

const MAX_CREDIT_WORDS = 10;

export function creditLine(line: string): string | undefined {
  const match = CREDIT_LINE.exec(line);
  if (!match) return undefined;
  const credit = line.trim().replace(/^\(|\)$/g, '');
  return isShortEnough(credit) ? credit : undefined;
}

/** Splits "Text. Foto: AP" into the text and the credit; text without one is returned as is. */
export function cutTrailingCredit(paragraph: string): { text: string; credit?: string } {
  if (!paragraph.includes(':') || !LABEL_ANYWHERE.test(paragraph)) return { text: paragraph };
  const match = TRAILING_CREDIT.exec(paragraph);
  const credit = match?.[1]?.trim();
  if (!match || credit === undefined || !isShortEnough(credit)) return { text: paragraph };
  return { text: paragraph.slice(0, match.index).trimEnd(), credit };
}

function isShortEnough(credit: string): boolean {
  return credit.split(/\s+/).length <= MAX_CREDIT_WORDS + 1;
}
