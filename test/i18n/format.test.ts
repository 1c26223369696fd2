import { describe, expect, it } from 'vitest';
import { messages, resolveLocale } from '../../src/i18n';
import {
  formatDay,
  formatInstant,
  formatSpan,
  isoWeek,
  publishedLabel,
} from '../../src/i18n/format';

const nb = messages('nb');
const en = messages('en');

describe('dates as a reader says them', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek('2017-11-06')).toEqual({ week: 45, year: 2017 });
    expect(isoWeek('2020-12-31')).toEqual({ week: 53, year: 2020 });
    expect(isoWeek('2021-01-03')).toEqual({ week: 53, year: 2020 });
    expect(isoWeek('2026-01-01')).toEqual({ week: 1, year: 2026 });
  });

  it('formats days, weeks, months and ranges in both languages', () => {
    const week = { start: '2017-11-06', end: '2017-11-12', granularity: 'week' } as const;
    expect(formatSpan(week, nb)).toBe('uke 45 2017 (6.–12. november)');
    // Intl's own range for British English keeps spaces around the dash.
    expect(formatSpan(week, en)).toMatch(/^week 45 of 2017 \(6\s–\s12 November\)$/u);
    const across = { start: '2017-10-30', end: '2017-11-05', granularity: 'week' } as const;
    expect(formatSpan(across, nb)).toBe('uke 44 2017 (30. oktober–5. november)');
    const day = { start: '2017-11-21', end: '2017-11-21', granularity: 'day' } as const;
    expect(formatSpan(day, nb)).toBe('21. november 2017');
    expect(formatSpan(day, en)).toBe('21 November 2017');
    const month = { start: '2015-10-01', end: '2015-10-31', granularity: 'month' } as const;
    expect(formatSpan(month, en)).toBe('October 2015');
    expect(formatSpan({ start: '2017-11-20', end: '2017-11-22', granularity: 'day' }, nb)).toBe(
      '20. november 2017–22. november 2017',
    );
  });

  it('formats through Intl.DateTimeFormat for the reader, with no time zone moving a day', () => {
    expect(formatDay('2024-01-01', nb)).toBe('1. januar 2024');
    expect(formatDay('2024-12-31', en)).toBe('31 December 2024');
    const instant = '2024-05-01T10:00:00.000Z';
    expect(formatInstant(instant, nb, 'UTC')).toBe('1. mai 2024 kl. 10:00');
    expect(formatInstant(instant, en, 'UTC')).toBe('1 May 2024 at 10:00');
    expect(formatInstant(instant, en, 'Europe/Oslo')).toBe('1 May 2024 at 12:00');
    expect(formatInstant('not a time', en)).toBe('not a time');
  });

  it('says "that day" only for a single day', () => {
    expect(publishedLabel({ start: '2017-11-21', end: '2017-11-21', granularity: 'day' }, nb)).toBe(
      nb.whatHappened.published,
    );
    expect(
      publishedLabel({ start: '2017-11-01', end: '2017-11-30', granularity: 'month' }, en),
    ).toBe(en.whatHappened.publishedInPeriod);
  });
});

describe('locale', () => {
  it('maps Discord locales to a language, else the default', () => {
    expect(resolveLocale('no', 'en')).toBe('nb');
    expect(resolveLocale('en-US', 'nb')).toBe('en');
    expect(resolveLocale('en-GB', 'nb')).toBe('en');
    expect(resolveLocale('de', 'nb')).toBe('nb');
    expect(resolveLocale(undefined, 'en')).toBe('en');
  });
});
