import type { DateSpan } from '../knowledge/types';
import type { Messages } from './messages';

/** ISO week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(iso: string): { week: number; year: number } {
  const date = new Date(`${iso}T00:00:00Z`);
  // The Thursday of this week decides which year the week belongs to.
  const isoDay = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - isoDay);
  const year = date.getUTCFullYear();
  const yearStart = Date.UTC(year, 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return { week, year };
}

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** Calendar days are dates, not instants: read and formatted in UTC, so no zone moves them. */
const utcDay = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

const formats = new Map<string, Intl.DateTimeFormat>();

/** One cached `Intl.DateTimeFormat` per locale and options. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const DAY: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
};
const DAY_IN_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone: 'UTC' };
const MONTH: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };

/** "21. november 2017" / "21 November 2017", from an ISO day, for the reader's locale. */
export function formatDay(iso: string, t: Messages): string {
  return dateFormat(t.dateLocale, DAY).format(utcDay(iso));
}

/** "november 2017" / "November 2017". */
export function formatMonth(iso: string, t: Messages): string {
  return dateFormat(t.dateLocale, MONTH).format(utcDay(iso));
}

/**
 * An instant (a build time, an ISO timestamp) in the reader's locale and the machine's
 * time zone, with the zone named: "1. desember 2026 kl. 16:25 CET".
 */
export function formatInstant(iso: string, t: Messages, timeZone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateFormat(t.dateLocale, {
    dateStyle: 'long',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(ms));
}

/** A span as a reader would say it: a day, a week, a month, a year or a range. */
export function formatSpan(span: DateSpan, t: Messages): string {
  const [y] = parts(span.start);
  switch (span.granularity) {
    case 'day':
      return span.start === span.end
        ? formatDay(span.start, t)
        : t.formatRange(formatDay(span.start, t), formatDay(span.end, t));
    case 'week': {
      const { week, year } = isoWeek(span.start);
      const days = dateFormat(t.dateLocale, DAY_IN_YEAR).formatRange(
        utcDay(span.start),
        utcDay(span.end),
      );
      return t.formatWeek(week, year, days);
    }
    case 'month':
      return span.start.slice(0, 7) === span.end.slice(0, 7)
        ? formatMonth(span.start, t)
        : t.formatRange(formatMonth(span.start, t), formatMonth(span.end, t));
    case 'year':
      return span.start.slice(0, 4) === span.end.slice(0, 4)
        ? String(y)
        : t.formatRange(String(y), span.end.slice(0, 4));
  }
}

/** "Published that day" for a day, "published in the period" for anything longer. */
export function publishedLabel(span: DateSpan, t: Messages): string {
  return span.start === span.end ? t.whatHappened.published : t.whatHappened.publishedInPeriod;
}
