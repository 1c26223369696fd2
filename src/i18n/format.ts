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

export function formatDay(iso: string, t: Messages): string {
  const [y, m, d] = parts(iso);
  return t.formatDay(d, m, y);
}

/** A span as a reader would say it: a day, a week, a month, a year or a range. */
export function formatSpan(span: DateSpan, t: Messages): string {
  const [y, m] = parts(span.start);
  switch (span.granularity) {
    case 'day':
      return span.start === span.end
        ? formatDay(span.start, t)
        : t.formatRange(formatDay(span.start, t), formatDay(span.end, t));
    case 'week': {
      const { week, year } = isoWeek(span.start);
      const [, m1, d1] = parts(span.start);
      const [, m2, d2] = parts(span.end);
      return t.formatWeek(week, year, d1, m1, d2, m2);
    }
    case 'month':
      return span.start.slice(0, 7) === span.end.slice(0, 7)
        ? t.formatMonth(m, y)
        : t.formatRange(t.formatMonth(m, y), t.formatMonth(parts(span.end)[1], parts(span.end)[0]));
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
