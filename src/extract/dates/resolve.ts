/**
 * Turning "which Monday", "which October", "which 28 November" into spans, given what the
 * publication date pins down. An anchor without a day (a `YYYY-MM` article) never yields a
 * day from a relative expression: a missing answer is better than a wrong day.
 */
import type { DateSpan } from '../../knowledge/types';
import {
  addDays,
  addMonths,
  daySpan,
  daysBetween,
  formatIsoDate,
  isValidYmd,
  monthSpan,
  startOfWeek,
  weekday,
  yearSpan,
} from './calendar';
import type { Season } from './lexicon';
import type { Direction } from './tense';

/** What the publication date tells us: always a year, a month when known, a day when known. */
export interface Anchor {
  year: number;
  month?: number;
  day?: string;
}

export function anchorOf(published: DateSpan): Anchor {
  const year = Number(published.start.slice(0, 4));
  const month = Number(published.start.slice(5, 7));
  const sameMonth = published.start.slice(0, 7) === published.end.slice(0, 7);
  if (published.granularity === 'day' && published.start === published.end) {
    return { year, month, day: published.start };
  }
  if (published.granularity === 'day' || published.granularity === 'month' || sameMonth) {
    return sameMonth ? { year, month } : { year };
  }
  return { year };
}

/** Distance in days from a date to the anchor (0 inside an anchor month or year). */
function distanceToAnchor(iso: string, anchor: Anchor): number {
  if (anchor.day) return Math.abs(daysBetween(anchor.day, iso));
  const span = anchor.month ? monthSpan(anchor.year, anchor.month) : yearSpan(anchor.year);
  if (iso < span.start) return daysBetween(iso, span.start);
  if (iso > span.end) return daysBetween(span.end, iso);
  return 0;
}

/**
 * A day and month without a year: the year that puts it nearest the publication date. When
 * the tense points the other way and the nearest one is more than a month off, the tense
 * wins (`1. mai samlet mange`, written in November, is the past May).
 */
export function nearestYearFor(
  month: number,
  day: number,
  anchor: Anchor,
  direction?: Direction,
): number | null {
  const candidates: { year: number; distance: number; signed: number }[] = [];
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    if (!isValidYmd(year, month, day)) continue;
    const iso = formatIsoDate(year, month, day);
    const distance = distanceToAnchor(iso, anchor);
    const signed =
      distance === 0
        ? 0
        : anchor.day
          ? daysBetween(anchor.day, iso)
          : year * 12 + month - anchorIndex(anchor);
    candidates.push({ year, distance, signed });
  }
  candidates.sort((a, b) => a.distance - b.distance);
  const nearest = candidates[0];
  if (!nearest) return null;
  if (direction && nearest.distance > TENSE_OVERRIDES_AFTER_DAYS) {
    const wanted = candidates.find((c) => (direction === 'back' ? c.signed <= 0 : c.signed >= 0));
    if (wanted) return wanted.year;
  }
  return nearest.year;
}

const TENSE_OVERRIDES_AFTER_DAYS = 31;

function anchorIndex(anchor: Anchor): number {
  return anchor.year * 12 + (anchor.month ?? 6);
}

/**
 * How a weekday was qualified: by tense (`back`/`forward`, the same weekday as publication
 * then means that day), strictly (`sist mandag`, `neste mandag`: never the publication day),
 * or not at all (`nearest`).
 */
export type WeekdayChoice = Direction | 'nearest' | 'strictBack' | 'strictForward';

export function resolveWeekday(target: number, anchorDay: string, choice: WeekdayChoice): string {
  const ahead = (target - weekday(anchorDay) + 7) % 7; // days forward to the next such weekday
  const behind = (7 - ahead) % 7; // days back to the previous one (0 when the same weekday)
  switch (choice) {
    case 'strictBack':
      return addDays(anchorDay, -(behind === 0 ? 7 : behind));
    case 'strictForward':
      return addDays(anchorDay, ahead === 0 ? 7 : ahead);
    case 'back':
      return addDays(anchorDay, -behind);
    case 'forward':
      return addDays(anchorDay, ahead);
    case 'nearest':
      return ahead <= behind ? addDays(anchorDay, ahead) : addDays(anchorDay, -behind);
  }
}

/** The weekday in the week `weeksFromAnchor` weeks away from the publication week. */
export function weekdayInWeek(target: number, anchorDay: string, weeksFromAnchor: number): string {
  return addDays(startOfWeek(anchorDay), weeksFromAnchor * 7 + target - 1);
}

export function weekOf(iso: string): DateSpan {
  const monday = startOfWeek(iso);
  return { start: monday, end: addDays(monday, 6), granularity: 'week' };
}

/** A month name without a year: tense picks past or coming; otherwise the nearest one. */
export function resolveBareMonth(
  month: number,
  anchor: Anchor,
  direction: Direction | undefined,
): DateSpan {
  const anchorMonth = anchor.month ?? month;
  const anchorIndex = anchor.year * 12 + anchorMonth - 1;
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1].map((year) => ({
    year,
    offset: year * 12 + month - 1 - anchorIndex,
  }));
  const same = candidates.find((candidate) => candidate.offset === 0);
  if (same) return monthSpan(same.year, month);
  const pick =
    direction === 'back'
      ? candidates.filter((c) => c.offset < 0).at(-1)
      : direction === 'forward'
        ? candidates.find((c) => c.offset > 0)
        : [...candidates].sort(
            (a, b) => Math.abs(a.offset) - Math.abs(b.offset) || a.offset - b.offset,
          )[0];
  return monthSpan(pick?.year ?? anchor.year, month);
}

/**
 * Seasons are not months, so a season gets granularity 'year' (the coarsest claim that is
 * true) with start and end narrowed to the meteorological season: spring Mar-May, summer
 * Jun-Aug, autumn Sep-Nov, winter Dec-Feb. `winterEndingIn` names the year of its Jan/Feb.
 */
export function seasonSpan(season: Season, year: number): DateSpan {
  switch (season) {
    case 'spring':
      return {
        start: formatIsoDate(year, 3, 1),
        end: formatIsoDate(year, 5, 31),
        granularity: 'year',
      };
    case 'summer':
      return {
        start: formatIsoDate(year, 6, 1),
        end: formatIsoDate(year, 8, 31),
        granularity: 'year',
      };
    case 'autumn':
      return {
        start: formatIsoDate(year, 9, 1),
        end: formatIsoDate(year, 11, 30),
        granularity: 'year',
      };
    case 'winter': {
      const end = monthSpan(year, 2).end;
      return { start: formatIsoDate(year - 1, 12, 1), end, granularity: 'year' };
    }
  }
}

/** `i vinter`: the winter just past in spring, the coming one from summer on. */
export function winterNear(anchor: Anchor): DateSpan {
  const month = anchor.month ?? 1;
  if (month === 12) return seasonSpan('winter', anchor.year + 1);
  if (month <= 6) return seasonSpan('winter', anchor.year);
  return seasonSpan('winter', anchor.year + 1);
}

/** Shift a span's anchor date by whole units, keeping the unit as granularity. */
export function shiftByUnit(
  unit: 'day' | 'week' | 'month' | 'year',
  amount: number,
  anchor: Anchor,
): DateSpan | null {
  switch (unit) {
    case 'day':
      return anchor.day ? daySpan(addDays(anchor.day, amount)) : null;
    case 'week':
      return anchor.day ? weekOf(addDays(anchor.day, amount * 7)) : null;
    case 'month': {
      if (!anchor.month) return null;
      const shifted = addMonths(anchor.year, anchor.month, amount);
      return monthSpan(shifted.year, shifted.month);
    }
    case 'year':
      return yearSpan(anchor.year + amount);
  }
}

/** The anchor a previous mention gives (`dagen før` is relative to the last date mentioned). */
export function anchorOfSpan(span: DateSpan, edge: 'start' | 'end'): Anchor {
  const iso = edge === 'start' ? span.start : span.end;
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  switch (span.granularity) {
    case 'day':
      return { year, month, day: iso };
    case 'week':
      return { year, month, day: span.start };
    case 'month':
      return { year, month };
    case 'year':
      return { year };
  }
}
