/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) without `Date`: every date is turned into a
 * day number (days since 1970-01-01, proleptic Gregorian) and back. No time zone, no local
 * time, no two-digit-year surprises from `Date.UTC(50, ...)`.
 */
import type { DateSpan } from '../../knowledge/types';

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_LENGTHS[month - 1] ?? 0;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `formatIsoDate(2017, 11, 21)` -> `'2017-11-21'`. Does not validate. */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Strict `YYYY-MM-DD` that names a real day, else null (`2017-02-30` is null). */
export function parseIsoDate(iso: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

function requireIsoDate(iso: string): Ymd {
  const ymd = parseIsoDate(iso);
  if (!ymd) throw new RangeError(`Not a valid ISO date: ${iso}`);
  return ymd;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil); exact for any Gregorian date. */
export function ymdToDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function dayNumberToYmd(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function toDayNumber(iso: string): number {
  return ymdToDayNumber(requireIsoDate(iso));
}

export function fromDayNumber(dayNumber: number): string {
  const { year, month, day } = dayNumberToYmd(dayNumber);
  return formatIsoDate(year, month, day);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Month arithmetic on (year, month) pairs: `addMonths(2017, 11, 3)` -> 2018-02. */
export function addMonths(
  year: number,
  month: number,
  months: number,
): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * ISO weekday: Monday = 1 ... Sunday = 7 (the Norwegian week starts on Monday).
 * 1970-01-01, day number 0, was a Thursday (4).
 */
export function weekday(iso: string): number {
  const mod = (((toDayNumber(iso) + 3) % 7) + 7) % 7; // 0 = Monday
  return mod + 1;
}

/** The Monday of the week that holds `iso`. */
export function startOfWeek(iso: string): string {
  return addDays(iso, 1 - weekday(iso));
}

export function daySpan(iso: string): DateSpan {
  requireIsoDate(iso);
  return { start: iso, end: iso, granularity: 'day' };
}

/** Monday to Sunday of the week that holds `iso`. */
export function weekSpan(iso: string): DateSpan {
  const monday = startOfWeek(iso);
  return { start: monday, end: addDays(monday, 6), granularity: 'week' };
}

export function monthSpan(year: number, month: number): DateSpan {
  return {
    start: formatIsoDate(year, month, 1),
    end: formatIsoDate(year, month, daysInMonth(year, month)),
    granularity: 'month',
  };
}

export function yearSpan(year: number): DateSpan {
  return {
    start: formatIsoDate(year, 1, 1),
    end: formatIsoDate(year, 12, 31),
    granularity: 'year',
  };
}

/** True when the two inclusive spans share at least one day. ISO strings compare as dates. */
export function spansOverlap(a: DateSpan, b: DateSpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** True when `inner` (a span or an ISO date) lies wholly inside `outer`. */
export function spanContains(outer: DateSpan, inner: DateSpan | string): boolean {
  const start = typeof inner === 'string' ? inner : inner.start;
  const end = typeof inner === 'string' ? inner : inner.end;
  return outer.start <= start && end <= outer.end;
}
