import { creditLine, cutTrailingCredit } from './credits';
import { atxHeading, isMarkdownNoise, stripMarkdownLine } from './markdown';

/**
 * Body text -> paragraphs with their sub-headings.
 *
 * News text pasted as plain text marks sub-headings only by form: a short line standing
 * alone, without a final period, with more text after it. Markdown may also mark them with
 * `##`. Quotes in Norwegian news open with a dash ("– Det er ..."), so a dash line is text,
 * unless it is a short quote-heading ("– Krigsforbrytelser").
 */

export interface RawPassage {
  heading?: string;
  text: string;
  /** 1-based line in the file where the paragraph starts. */
  line: number;
  credits: string[];
}

export interface SplitBody {
  passages: RawPassage[];
  /** A `# Title` (Markdown) or a lone short first line (plain text) that titles the body. */
  leadingTitle?: string;
}

interface Block {
  lines: string[];
  line: number;
  /** Set for Markdown `#` headings: they are headings whatever their length. */
  atx?: { level: number; text: string };
}

const MAX_HEADING_CHARS = 60;
const MAX_HEADING_WORDS = 8;
const MAX_DASH_HEADING_WORDS = 3;

export function splitBody(
  body: string,
  firstLine: number,
  options: { markdown: boolean; titleGiven: boolean },
): SplitBody {
  const blocks = toBlocks(body, firstLine, options.markdown);
  const passages: RawPassage[] = [];
  let heading: string | undefined;
  let leadingTitle: string | undefined;

  // Whether text follows each block, computed once from the end (asking every block
  // "is there text after you?" by scanning the rest was quadratic in a file of headings).
  const textAfter: boolean[] = new Array(blocks.length).fill(false);
  for (let i = blocks.length - 2; i >= 0; i--) {
    const next = blocks[i + 1];
    textAfter[i] =
      (textAfter[i + 1] ?? false) || (next !== undefined && !next.atx && !isOnlyCredits(next));
  }

  blocks.forEach((block, position) => {
    const hasMoreText = textAfter[position] ?? false;
    const headingText = block.atx?.text ?? (hasMoreText ? plainHeading(block) : undefined);
    if (headingText !== undefined) {
      // A `# Title` on top repeats or gives the title; a lone short first line of plain text
      // is the title only when none was given (otherwise it heads the first section).
      const isTitle = position === 0 && (block.atx ? block.atx.level === 1 : !options.titleGiven);
      if (isTitle && leadingTitle === undefined && passages.length === 0) {
        leadingTitle = headingText;
      } else {
        heading = headingText || undefined;
      }
      return;
    }
    const paragraph = toParagraph(block);
    if (paragraph.text === '') return;
    passages.push({ ...paragraph, line: block.line, ...(heading ? { heading } : {}) });
  });
  return leadingTitle === undefined ? { passages } : { passages, leadingTitle };
}

function toBlocks(body: string, firstLine: number, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const close = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  body.split('\n').forEach((raw, offset) => {
    const lineNumber = firstLine + offset;
    // A blank line ends a block in either format: no Markdown rule needs to read it.
    if (raw.trim() === '') {
      close();
      return;
    }
    if (markdown && isMarkdownNoise(raw)) return;
    const atx = markdown ? atxHeading(raw) : undefined;
    if (atx) {
      close();
      blocks.push({ lines: [atx.text], line: lineNumber, atx });
      return;
    }
    const text = (markdown ? stripMarkdownLine(raw) : raw).trim();
    // A rule line (---, ***, ___) separates like a blank line and carries no text.
    if (text === '' || /^([-*_])(\s*\1){2,}$/.test(raw.trim())) {
      close();
      return;
    }
    if (!current) current = { lines: [], line: lineNumber };
    current.lines.push(text);
  });
  close();
  return blocks;
}

/** The heading text if this block has the form of a plain-text sub-heading. */
function plainHeading(block: Block): string | undefined {
  if (block.lines.length !== 1) return undefined;
  // "Sentence. (Foto: X)" is a sentence with a credit, whatever its length.
  const text = cutTrailingCredit(block.lines[0] ?? '').text;
  if (text.length > MAX_HEADING_CHARS) return undefined;
  if (text.split(/\s+/).length > MAX_HEADING_WORDS) return undefined;
  if (/[.:?!;,]$/.test(text)) return undefined;
  // Quote marks open quotations, which are text. A dash opens a quotation too, except in a
  // very short line: "– Krigsforbrytelser" is the quote-heading of Norwegian news style.
  if (/^[«"“„']/.test(text)) return undefined;
  const dashed = /^[-–—]\s+(.*)$/u.exec(text);
  if (dashed) {
    const quoted = dashed[1] ?? '';
    return quoted.split(/\s+/).length <= MAX_DASH_HEADING_WORDS && /\p{L}/u.test(quoted)
      ? text
      : undefined;
  }
  if (!/\p{L}/u.test(text)) return undefined;
  if (creditLine(text) !== undefined) return undefined;
  return text;
}

function isOnlyCredits(block: Block): boolean {
  return block.lines.every((line) => creditLine(line) !== undefined);
}

function toParagraph(block: Block): { text: string; credits: string[] } {
  const credits: string[] = [];
  const kept: string[] = [];
  for (const line of block.lines) {
    const credit = creditLine(line);
    if (credit === undefined) kept.push(line);
    else credits.push(credit);
  }
  const { text, credit } = cutTrailingCredit(kept.join(' '));
  if (credit !== undefined) credits.push(credit);
  return { text: text.trim(), credits };
}
