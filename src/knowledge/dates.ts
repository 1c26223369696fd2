import type { DateSpan } from './types';

/**
 * Publication dates as moderators write them: `YYYY-MM-DD`, or `YYYY-MM` when only the
 * month is known. A full ISO timestamp is accepted and its date part used as written
 * (no time-zone shifting: the writer's calendar day is the one the article carries).
 */

/** Why a date was refused: a problem code, the value as written, and an English reason. */
export interface DateFailure {
  ok: false;
  code: 'date-format' | 'date-number' | 'date-invalid';
  value: string;
  reason: string;
}

export type DateParse = { ok: true; span: DateSpan } | DateFailure;

const DATE_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const TIMESTAMP_PATTERN = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

export function parsePublicationDate(value: unknown): DateParse {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      return {
        ok: false,
        code: 'date-invalid',
        value: String(value),
        reason: 'the date is not valid',
      };
    }
    // YAML 1.1 parsers turn an unquoted 2017-11-11 into midnight UTC of that day.
    return parsePublicationDate(value.toISOString().slice(0, 10));
  }
  if (typeof value === 'number') {
    return {
      ok: false,
      code: 'date-number',
      value: String(value),
      reason: `date ${value} is only a number; write it as YYYY-MM-DD (or YYYY-MM)`,
    };
  }
  if (typeof value !== 'string') {
    return {
      ok: false,
      code: 'date-format',
      value: JSON.stringify(value) ?? String(value),
      reason: 'date must be written as YYYY-MM-DD (or YYYY-MM)',
    };
  }
  const text = value.trim();
  const timestamp = TIMESTAMP_PATTERN.exec(text);
  const match = DATE_PATTERN.exec(timestamp?.[1] ?? text);
  if (!match) {
    return {
      ok: false,
      code: 'date-format',
      value: text,
      reason: `"${text}" is not a date in the form YYYY-MM-DD (or YYYY-MM)`,
    };
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) {
    return {
      ok: false,
      code: 'date-invalid',
      value: text,
      reason: `"${text}" has no month ${month}`,
    };
  }
  const monthText = `${match[1]}-${match[2]}`;
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return {
      ok: true,
      span: { start: `${monthText}-01`, end: `${monthText}-${pad(lastDay)}`, granularity: 'month' },
    };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) {
    return {
      ok: false,
      code: 'date-invalid',
      value: text,
      reason: `"${text}" is not a real calendar date`,
    };
  }
  const iso = `${monthText}-${match[3]}`;
  return { ok: true, span: { start: iso, end: iso, granularity: 'day' } };
}

/** `2017-11-21-putin-assad.txt` -> "2017-11-21"; `2017-11-notes.txt` -> "2017-11". */
export function dateFromFileName(fileName: string): string | undefined {
  const base = fileName.split('/').pop() ?? fileName;
  const match = /^(\d{4}-\d{2}(?:-\d{2})?)(?=[-_. ]|$)/.exec(base);
  return match?.[1];
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
