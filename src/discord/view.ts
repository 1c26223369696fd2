import type { APIEmbed, APIEmbedField } from 'discord.js';
import { charLength, embedLength, fitEmbed, LIMITS } from './limits';

/** A question the bot can (re-)run for the asker: what a "did you mean" button holds. */
export type Ask =
  | { command: 'who'; query: string }
  | { command: 'whatHappened'; query: string; topic?: string }
  | { command: 'search'; query: string };

export interface Suggestion {
  label: string;
  ask: Ask;
}

/** How an interaction ended, for the logs. */
export type Outcome =
  | 'answered'
  | 'ambiguous'
  | 'not-found'
  | 'invalid'
  | 'refused'
  | 'loading'
  | 'error';

/** A picture sent with an answer: PNG bytes, a file name, and its alt text. */
export interface ViewFile {
  name: string;
  data: Buffer;
  description: string;
}

/** A rendered answer: one embed per page, and questions to offer as buttons. */
export interface View {
  pages: APIEmbed[];
  suggestions: Suggestion[];
  /** Pictures sent with the first message (kept when the pages are turned). */
  files?: ViewFile[];
  /** An entity whose timeline a button offers (a `/hvem` card). */
  timelineOf?: string;
  /** How many results the answer holds (hits, passages, articles), for the logs. */
  results: number;
  outcome: Outcome;
}

/** An answer that is an error for the asker only (ephemeral). */
export interface ErrorReply {
  error: string;
  outcome: Outcome;
}

export type Rendered = View | ErrorReply;

export function isErrorReply(rendered: Rendered): rendered is ErrorReply {
  return 'error' in rendered;
}

// Room left on each page for the footer ("Page 2 of 9"), which the message builder adds.
const FOOTER_ROOM = 100;

/**
 * Fields spread over pages: each page is `header` plus as many fields as fit (at most
 * `perPage`, within Discord's 6000-character total). Never returns zero pages.
 */
export function pagesOfFields(
  header: APIEmbed,
  fields: readonly APIEmbedField[],
  perPage: number,
): APIEmbed[] {
  const budget = LIMITS.embedTotal - FOOTER_ROOM;
  const head = fitEmbed({ ...header, fields: [] }, budget);
  const pages: APIEmbed[] = [];
  let current: APIEmbedField[] = [];
  const flush = () => {
    pages.push({ ...head, fields: current });
    current = [];
  };
  for (const raw of fields) {
    const field = fitEmbed({ fields: [raw] }).fields?.[0] ?? raw;
    const candidate = { ...head, fields: [...current, field] };
    if (current.length > 0 && (current.length >= perPage || embedLength(candidate) > budget))
      flush();
    current.push(field);
  }
  if (current.length > 0 || pages.length === 0) flush();
  return pages.map((page) => fitEmbed(page, budget));
}

/** Lines spread over pages in the description, after an optional intro paragraph. */
export function pagesOfLines(
  header: APIEmbed,
  intro: string,
  lines: readonly string[],
  perPage: number,
): APIEmbed[] {
  const max = LIMITS.description - 10;
  const pages: APIEmbed[] = [];
  let current: string[] = [];
  const text = (body: string[]) => [intro, body.join('\n')].filter((s) => s !== '').join('\n\n');
  for (const line of lines) {
    if (
      current.length > 0 &&
      (current.length >= perPage || charLength(text([...current, line])) > max)
    ) {
      pages.push(fitEmbed({ ...header, description: text(current) }));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0 || pages.length === 0) {
    pages.push(fitEmbed({ ...header, description: text(current) }));
  }
  return pages;
}
