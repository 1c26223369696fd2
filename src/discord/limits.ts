import type { APIEmbed } from 'discord.js';

/** Discord's documented limits for what the bot sends (characters are code points). */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ELLIPSIS = '…';

/** Length as Discord counts it: code points, not UTF-16 units. */
export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// A sentence ends at . ! ? … (with closing quotes/brackets) before whitespace. A match
// starts only where a run of end marks starts: a run of 10,000 dots is one attempt, not
// 10,000 attempts each reading to its end.
const SENTENCE_END = /(?<![.!?…])[.!?…]+["»”’)\]]*(?=\s)/gu;

/**
 * `text` cut to at most `max` characters: at the last sentence end when that keeps at least
 * half of what fits, else at the last word break, never inside a word when avoidable, and
 * never leaving Markdown half open (an unclosed `**`, a cut `[title](url)`, a lone `\`).
 * A cut that does not end a sentence gets an ellipsis.
 */
export function cutText(text: string, max: number): string {
  if (charLength(text) <= max) return text;
  if (max <= 1) return Array.from(text).slice(0, Math.max(0, max)).join('');
  // Room for a closing `**` and the ellipsis.
  const room = Math.max(1, max - 3);
  const head = Array.from(text).slice(0, room).join('');
  const next = text.charAt(head.length);

  let end = head.length;
  let sentence = false;
  let lastSentence = -1;
  for (const match of head.matchAll(SENTENCE_END)) lastSentence = match.index + match[0].length;
  // A sentence end exactly at the cut also counts (the next char is whitespace).
  if (/\s/u.test(next) && /[.!?…]["»”’)\]]*$/u.test(head)) lastSentence = head.length;
  const lastBreak = lastWhitespace(head);
  if (lastSentence >= room / 2) {
    end = lastSentence;
    sentence = true;
  } else if (/\s/u.test(next)) {
    end = head.length;
  } else if (lastBreak > 0) {
    end = lastBreak;
  }

  let out = closeMarkup(head.slice(0, end));
  if (out === '' && head.length > 0) out = closeMarkup(head);
  if (sentence && /[.!?…]["»”’)\]]*(\*\*)?$/u.test(out)) return out;
  return `${out}${ELLIPSIS}`;
}

function lastWhitespace(text: string): number {
  for (let i = text.length - 1; i > 0; i--) if (/\s/u.test(text.charAt(i))) return i;
  return -1;
}

/**
 * A prefix made safe to show: a link cut in half is dropped, a dangling escape removed,
 * trailing spaces and joining punctuation trimmed, and an open bold closed.
 */
export function closeMarkup(prefix: string): string {
  let text = prefix;
  for (;;) {
    const state = scanMarkup(text);
    if (state.openLinkAt >= 0) {
      text = text.slice(0, state.openLinkAt);
      continue;
    }
    const trimmed = trimEnd(text);
    if (trimmed !== text) {
      text = trimmed;
      continue;
    }
    if (state.danglingEscape) {
      text = text.slice(0, -1);
      continue;
    }
    if (state.boldOpen) {
      // An opener with nothing after it is dropped; else the bold run is closed.
      if (text.endsWith('**')) {
        text = text.slice(0, -2);
        continue;
      }
      return `${text}**`;
    }
    return text;
  }
}

const JOINING = /[\s,;:([«“–—-]/u;

function trimEnd(text: string): string {
  // Spaces, and punctuation that joins to what was cut away (",", ":", "–", "("), read
  // backwards from the end (a `(…)+$` pattern would retry at every position of a run).
  let start = text.length;
  while (start > 0 && JOINING.test(text.charAt(start - 1))) start--;
  if (start === text.length) return text;
  // Keep an escaped character's backslash pair intact: "\-" stays as is.
  if (start > 0 && text.charAt(start - 1) === '\\') return text.slice(0, start + 1);
  return text.slice(0, start);
}

interface MarkupState {
  /** Index of a `[` whose `[text](url)` is not complete, or -1. */
  openLinkAt: number;
  boldOpen: boolean;
  danglingEscape: boolean;
}

function scanMarkup(text: string): MarkupState {
  let bold = 0;
  let linkAt = -1;
  let mode: 'text' | 'linkText' | 'afterBracket' | 'linkUrl' = 'text';
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') {
      if (i + 1 >= text.length)
        return { openLinkAt: linkAt, boldOpen: bold % 2 === 1, danglingEscape: true };
      i += 2;
      continue;
    }
    if (mode === 'afterBracket') {
      if (c === '(') {
        mode = 'linkUrl';
        i++;
        continue;
      }
      mode = 'text';
      linkAt = -1;
    }
    if (mode === 'linkUrl') {
      if (c === ')') {
        mode = 'text';
        linkAt = -1;
      }
      i++;
      continue;
    }
    if (c === '*' && text.charAt(i + 1) === '*') {
      bold++;
      i += 2;
      continue;
    }
    if (mode === 'text' && c === '[') {
      mode = 'linkText';
      linkAt = i;
    } else if (mode === 'linkText' && c === ']') {
      mode = 'afterBracket';
    }
    i++;
  }
  // "[text]" at the very end may still become a link once its url follows: treat as open.
  return {
    openLinkAt: mode === 'text' ? -1 : linkAt,
    boldOpen: bold % 2 === 1,
    danglingEscape: false,
  };
}

/** Lines joined with newlines, as many as fit in `max`, then "… and N more". */
export function fitLines(
  lines: readonly string[],
  max: number,
  more: (n: number) => string,
): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? charLength(more(rest)) + 1 : 0;
    const added = charLength(line) + (out.length > 0 ? 1 : 0);
    if (length + added + tail > max) {
      if (out.length === 0) return cutText(line, max);
      out.push(more(lines.length - i));
      return out.join('\n');
    }
    out.push(line);
    length += added;
  }
  return out.join('\n');
}

/** Characters Discord counts toward an embed's 6000 total. */
export function embedLength(embed: APIEmbed): number {
  let n = charLength(embed.title ?? '') + charLength(embed.description ?? '');
  n += charLength(embed.footer?.text ?? '') + charLength(embed.author?.name ?? '');
  for (const f of embed.fields ?? []) n += charLength(f.name) + charLength(f.value);
  return n;
}

/** An embed within every per-field limit and the total: fields past the budget are dropped. */
export function fitEmbed(embed: APIEmbed, total: number = LIMITS.embedTotal): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = cutText(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = cutText(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: cutText(out.footer.text, LIMITS.footer) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: cutText(f.name, LIMITS.fieldName) || '\u200b',
      value: cutText(f.value, LIMITS.fieldValue) || '\u200b',
    }));
    while (out.fields.length > 0 && embedLength(out) > total) out.fields.pop();
  }
  if (embedLength(out) > total && out.description !== undefined) {
    const over = embedLength(out) - total;
    out.description = cutText(out.description, Math.max(1, charLength(out.description) - over));
  }
  return out;
}
