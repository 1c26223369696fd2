import type { InputError } from './types';

/**
 * The longest text each kind of option accepts, in characters (code points). The one place
 * for these numbers: the Discord option definitions (`max_length`), the handlers, the
 * console and the core all read them, so a drift between them cannot open a hole.
 */
export const INPUT_LIMITS = {
  /** A person's or organisation's name, or a role. */
  name: 100,
  /** A date, month or range ("21. november 2017", "2017-11-20..2017-11-22"). */
  date: 64,
  /** Free text or a question. */
  text: 300,
  /** The optional topic of `/hva-skjedde`. */
  topic: 300,
  /** An article's title given by a moderator (`/kunnskap legg-til tittel:`). */
  title: 200,
  /** Who published an article (`kilde:`). */
  source: 100,
  /** An article's web address (`url:`). */
  url: 500,
  /** An article picked from a list (its id, a path inside the knowledge folder). */
  article: 100,
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

/** At most this many characters of a refused input are ever shown back to the user. */
export const ECHO_CHARS = 64;

/** What an option's raw value turned out to be, before any analysis. */
export type Admission =
  | { ok: true; text: string }
  | { ok: false; error: 'missing' | 'too-long'; limit: number };

/**
 * The gate every user input passes before anything reads it: a value that is missing (and
 * required) or longer than its kind allows is refused here, in time linear in the limit,
 * not in the input, so a 100,000-character value costs no more than a 100-character one.
 */
export function admit(
  raw: string | null | undefined,
  kind: InputKind,
  options: { required?: boolean } = {},
): Admission {
  const limit = INPUT_LIMITS[kind];
  if (raw === null || raw === undefined) {
    return options.required === false
      ? { ok: true, text: '' }
      : { ok: false, error: 'missing', limit };
  }
  if (!withinChars(raw, limit)) return { ok: false, error: 'too-long', limit };
  return { ok: true, text: raw };
}

/** Whether `text` has at most `max` code points; never looks past `2 * max` UTF-16 units. */
export function withinChars(text: string, max: number): boolean {
  if (text.length <= max) return true;
  // A code point is one or two UTF-16 units: past 2 * max units it is too long for sure.
  if (text.length > 2 * max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return false;
  return true;
}

/** The first `max` code points of `text`, reading no further than needed. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  let end = 0;
  for (const char of text) {
    if (count === max) break;
    count++;
    end += char.length;
  }
  return text.slice(0, end);
}

/** A bounded prefix of what the user typed, for an error message that quotes it. */
export function echo(text: string): string {
  const head = clip(text, ECHO_CHARS);
  return head.length < text.length ? `${head}…` : head;
}

// Invisible characters that make a query look non-empty or reorder what is shown: format
// characters (zero-width spaces and joiners, bidi marks and isolates, BOM, soft hyphen).
const INVISIBLE = /\p{Cf}/gu;
// Control characters other than white space read as a space.
const CONTROL = /\p{Cc}/gu;

/**
 * Tidies what a user typed: drops invisible and control characters, collapses white space,
 * drops the question's lead words ("hvem er", "who is") and trailing question marks, so
 * `/hvem hvem er Støre?` still works and a lone zero-width space is empty. Linear in the
 * input (no pattern here can backtrack over it).
 */
export function tidyQuery(raw: string, leadWords: readonly RegExp[] = []): string {
  let text = raw.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  for (const lead of leadWords) text = text.replace(lead, '');
  let end = text.length;
  while (end > 0 && '?!.'.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end).trim();
}

/**
 * A raw query checked and tidied: too long is refused before tidying (with a bounded echo
 * of it), empty after tidying. The core's own gate, for callers that skipped the handlers'.
 */
export function readQuery(
  raw: string,
  kind: InputKind,
  leadWords: readonly RegExp[] = [],
): { query: string; error?: InputError } {
  if (!withinChars(raw, INPUT_LIMITS[kind])) return { query: echo(raw), error: 'too-long' };
  const query = tidyQuery(raw, leadWords);
  return query === '' ? { query, error: 'empty' } : { query };
}
