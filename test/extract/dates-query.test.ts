import { describe, expect, it } from 'vitest';
import { parseDateQuery } from '../../src/extract/dates';

const span = (input: string) => {
  const result = parseDateQuery(input);
  return result.ok
    ? `${result.span.start}..${result.span.end}/${result.span.granularity}`
    : result.error;
};

describe('parseDateQuery', () => {
  it.each([
    ['2017-11-21', '2017-11-21..2017-11-21/day'],
    ['  2017-11-21 ', '2017-11-21..2017-11-21/day'],
    ['21.11.2017', '2017-11-21..2017-11-21/day'],
    ['21/11/2017', '2017-11-21..2017-11-21/day'],
    ['21. november 2017', '2017-11-21..2017-11-21/day'],
    ['21 November 2017', '2017-11-21..2017-11-21/day'],
    ['November 21, 2017', '2017-11-21..2017-11-21/day'],
    ['21. nov. 2017', '2017-11-21..2017-11-21/day'],
    ['2017-11', '2017-11-01..2017-11-30/month'],
    ['november 2017', '2017-11-01..2017-11-30/month'],
    ['Februar 2016', '2016-02-01..2016-02-29/month'],
    ['2017', '2017-01-01..2017-12-31/year'],
    ['2017-11-20..2017-11-22', '2017-11-20..2017-11-22/day'],
    ['2017-11-20 - 2017-11-22', '2017-11-20..2017-11-22/day'],
    ['20.–22. november 2017', '2017-11-20..2017-11-22/day'],
    ['20-22 november 2017', '2017-11-20..2017-11-22/day'],
    ['November 20-22, 2017', '2017-11-20..2017-11-22/day'],
    ['30. november – 2. desember 2017', '2017-11-30..2017-12-02/day'],
    ['2017-10..2017-11', '2017-10-01..2017-11-30/month'],
    ['2015..2017', '2015-01-01..2017-12-31/year'],
  ])('%s', (input, expected) => {
    expect(span(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hello', 'invalid'],
    ['21.11.', 'invalid'],
    ['november', 'invalid'],
    ['2017-11-21-22', 'invalid'],
    ['2017-02-30', 'impossible'],
    ['2019-02-29', 'impossible'],
    ['2017-13-01', 'impossible'],
    ['2017-13', 'impossible'],
    ['31.04.2017', 'impossible'],
    ['32. januar 2017', 'impossible'],
    ['2017-11-22..2017-11-20', 'impossible'],
  ])('%s -> %s', (input, expected) => {
    expect(span(input)).toBe(expected);
  });

  it('accepts 29 February in a leap year', () => {
    expect(span('2016-02-29')).toBe('2016-02-29..2016-02-29/day');
    expect(span('2000-02-29')).toBe('2000-02-29..2000-02-29/day');
    expect(span('1900-02-29')).toBe('impossible');
  });
});
