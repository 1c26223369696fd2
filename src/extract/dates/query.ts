/**
 * Parse the date a user types into `/hva-skjedde`: a day, a month, a year or a range, in
 * ISO, Norwegian or English writing. Well-formed but non-existent dates (`2017-02-30`,
 * month 13) are 'impossible' so the reply can say so rather than "could not read".
 */
import type { DateSpan } from '../../knowledge/types';
import { daysInMonth, formatIsoDate, monthSpan, yearSpan } from './calendar';
import { MONTH_ABBREVIATIONS, MONTHS } from './lexicon';

export type DateQuery =
  | { ok: true; span: DateSpan }
  | { ok: false; error: 'empty' | 'invalid' | 'impossible' };

/** A date as typed, possibly partial (the left end of `20.–22. november 2017`). */
interface Parts {
  year?: number;
  month?: number;
  day?: number;
}

const MONTH_WORD = `(${[...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const ORDINAL = '(?:st|nd|rd|th|\\.)?';

/** Full forms (with a year) and partial forms (for the left end of a range). */
const FORMS: readonly { pattern: RegExp; parts: (m: RegExpExecArray) => Parts }[] = [
  {
    pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
    parts: (m) => ({ year: num(m[1]), month: num(m[2]), day: num(m[3]) }),
  },
  { pattern: /^(\d{4})-(\d{1,2})$/, parts: (m) => ({ year: num(m[1]), month: num(m[2]) }) },
  { pattern: /^(\d{4})$/, parts: (m) => ({ year: num(m[1]) }) },
  {
    pattern: /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/,
    parts: (m) => ({ day: num(m[1]), month: num(m[2]), year: num(m[3]) }),
  },
  {
    pattern: new RegExp(`^(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})$`, 'iu'),
    parts: (m) => ({ day: num(m[1]), month: monthOf(m[2]), year: num(m[3]) }),
  },
  {
    pattern: new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`, 'iu'),
    parts: (m) => ({ month: monthOf(m[1]), day: num(m[2]), year: num(m[3]) }),
  },
  {
    pattern: new RegExp(`^${MONTH_WORD},?\\s+(\\d{4})$`, 'iu'),
    parts: (m) => ({ month: monthOf(m[1]), year: num(m[2]) }),
  },
  // Partial forms: only meaningful as the left end of a range.
  { pattern: /^(\d{1,2})\.?$/, parts: (m) => ({ day: num(m[1]) }) },
  { pattern: /^(\d{1,2})[./](\d{1,2})\.?$/, parts: (m) => ({ day: num(m[1]), month: num(m[2]) }) },
  {
    pattern: new RegExp(`^(\\d{1,2})${ORDINAL}\\s*${MONTH_WORD}$`, 'iu'),
    parts: (m) => ({ day: num(m[1]), month: monthOf(m[2]) }),
  },
  {
    pattern: new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})${ORDINAL}$`, 'iu'),
    parts: (m) => ({ month: monthOf(m[1]), day: num(m[2]) }),
  },
  { pattern: new RegExp(`^${MONTH_WORD}$`, 'iu'), parts: (m) => ({ month: monthOf(m[1]) }) },
];

function num(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function monthOf(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(key) ?? MONTH_ABBREVIATIONS.get(key);
}

function parseParts(input: string): Parts | null {
  const text = input.trim().replace(/\s+/g, ' ');
  for (const form of FORMS) {
    const match = form.pattern.exec(text);
    if (match) return form.parts(match);
  }
  return null;
}

type Built = { ok: true; span: DateSpan } | { ok: false; error: 'invalid' | 'impossible' };

/** A complete Parts (at least a year) to a span; checks that the day and month exist. */
function spanOf(parts: Parts): Built {
  const { year, month, day } = parts;
  if (year === undefined) return { ok: false, error: 'invalid' };
  if (year < 1 || year > 9999) return { ok: false, error: 'impossible' };
  if (month === undefined)
    return day === undefined ? { ok: true, span: yearSpan(year) } : { ok: false, error: 'invalid' };
  if (month < 1 || month > 12) return { ok: false, error: 'impossible' };
  if (day === undefined) return { ok: true, span: monthSpan(year, month) };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, error: 'impossible' };
  const iso = formatIsoDate(year, month, day);
  return { ok: true, span: { start: iso, end: iso, granularity: 'day' } };
}

const GRANULARITY_ORDER: readonly DateSpan['granularity'][] = ['day', 'week', 'month', 'year'];

function coarser(a: DateSpan['granularity'], b: DateSpan['granularity']): DateSpan['granularity'] {
  return GRANULARITY_ORDER.indexOf(a) >= GRANULARITY_ORDER.indexOf(b) ? a : b;
}

/** Range separators, tried in order: `..`, a spaced dash or `til`/`to`, an unspaced en dash. */
const SEPARATORS: readonly RegExp[] = [
  /\s*\.\.\s*/,
  /\s+[-–—]\s+|\s+(?:til|to|until)\s+/i,
  /\s*[–—]\s*/,
  /(?<=^\d{1,2}\.?)-/,
];

function splitRange(input: string): [string, string] | null {
  for (const separator of SEPARATORS) {
    const match = separator.exec(input);
    if (match?.index === undefined) continue;
    const left = input.slice(0, match.index);
    const right = input.slice(match.index + match[0].length);
    if (left.trim() && right.trim()) return [left, right];
  }
  return null;
}

/** `November 20-22, 2017`: the English range that puts the year after both days. */
const ENGLISH_DAY_RANGE = new RegExp(
  `^${MONTH_WORD}\\s+(\\d{1,2})${ORDINAL}\\s*[-–—]\\s*(\\d{1,2})${ORDINAL},?\\s+(\\d{4})$`,
  'iu',
);

function parseRange(left: string, right: string): DateQuery {
  const rightParts = parseParts(right);
  const leftParts = parseParts(left);
  if (!rightParts || !leftParts) return { ok: false, error: 'invalid' };
  // The left end borrows what it leaves out from the right end: `20.–22. november 2017`.
  const filledLeft: Parts =
    leftParts.year === undefined
      ? {
          year: rightParts.year,
          month: leftParts.month ?? (leftParts.day !== undefined ? rightParts.month : undefined),
          day: leftParts.day,
        }
      : leftParts;
  const start = spanOf(filledLeft);
  const end = spanOf(rightParts);
  if (!start.ok) return start;
  if (!end.ok) return end;
  if (end.span.end < start.span.start) return { ok: false, error: 'impossible' };
  return {
    ok: true,
    span: {
      start: start.span.start,
      end: end.span.end,
      granularity: coarser(start.span.granularity, end.span.granularity),
    },
  };
}

/** What a user typed: a day, a month, a year or a range of them. */
export function parseDateQuery(input: string): DateQuery {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, error: 'empty' };
  const single = parseParts(text);
  if (single) return spanOf(single);
  const english = ENGLISH_DAY_RANGE.exec(text);
  if (english)
    return parseRange(`${english[2]} ${english[1]}`, `${english[3]} ${english[1]} ${english[4]}`);
  const range = splitRange(text);
  return range ? parseRange(range[0], range[1]) : { ok: false, error: 'invalid' };
}
