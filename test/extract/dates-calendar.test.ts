import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  formatIsoDate,
  fromDayNumber,
  monthSpan,
  parseIsoDate,
  spanContains,
  spansOverlap,
  startOfWeek,
  toDayNumber,
  weekday,
  weekSpan,
  yearSpan,
} from '../../src/extract/dates/calendar';

describe('calendar', () => {
  it('parses only real ISO dates', () => {
    expect(parseIsoDate('2017-11-21')).toEqual({ year: 2017, month: 11, day: 21 });
    expect(parseIsoDate('2017-02-29')).toBeNull();
    expect(parseIsoDate('2016-02-29')).not.toBeNull();
    expect(parseIsoDate('2017-11-21T00:00')).toBeNull();
    expect(formatIsoDate(987, 3, 4)).toBe('0987-03-04');
  });

  it('day numbers round-trip and match the Unix epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    for (const iso of ['1600-02-29', '1899-12-31', '2017-11-21', '2100-03-01', '0050-06-15']) {
      expect(fromDayNumber(toDayNumber(iso))).toBe(iso);
    }
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2017-11-21', 7)).toBe('2017-11-28');
    expect(addDays('2017-12-31', 1)).toBe('2018-01-01');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2017-03-01', -1)).toBe('2017-02-28');
    expect(daysBetween('2017-11-11', '2017-11-28')).toBe(17);
    expect(addMonths(2017, 11, 3)).toEqual({ year: 2018, month: 2 });
    expect(addMonths(2017, 1, -1)).toEqual({ year: 2016, month: 12 });
  });

  it('weekdays are ISO (Monday 1 .. Sunday 7) and weeks start on Monday', () => {
    expect(weekday('2017-11-20')).toBe(1);
    expect(weekday('2017-11-21')).toBe(2);
    expect(weekday('2017-11-26')).toBe(7);
    expect(weekday('1970-01-01')).toBe(4);
    expect(startOfWeek('2017-11-11')).toBe('2017-11-06');
    expect(startOfWeek('2017-11-12')).toBe('2017-11-06');
    expect(startOfWeek('2017-11-13')).toBe('2017-11-13');
    expect(weekSpan('2017-11-11')).toEqual({
      start: '2017-11-06',
      end: '2017-11-12',
      granularity: 'week',
    });
  });

  it('spans', () => {
    expect(monthSpan(2016, 2)).toEqual({
      start: '2016-02-01',
      end: '2016-02-29',
      granularity: 'month',
    });
    expect(yearSpan(2015).end).toBe('2015-12-31');
    const november = monthSpan(2017, 11);
    expect(spansOverlap(november, weekSpan('2017-10-30'))).toBe(true);
    expect(spansOverlap(november, weekSpan('2017-10-23'))).toBe(false);
    expect(spanContains(november, '2017-11-21')).toBe(true);
    expect(spanContains(november, weekSpan('2017-10-30'))).toBe(false);
    expect(spanContains(yearSpan(2017), november)).toBe(true);
  });
});
