/**
 * Dates the context decides (issue 8): a weekday after an old date quoted in the same
 * article, Nynorsk "førstkomande", a weekend that is the standard of a comparison, and a
 * weekday some weeks ahead. Articles of our own; "right or silent" throughout.
 */
import { describe, expect, it } from 'vitest';
import { extractTimeMentions } from '../../src/extract/dates';
import type { Language } from '../../src/knowledge/types';
import { daySpan } from '../helpers/extract';

/** Every dated expression of a multi-passage article as `words=start..end/granularity`. */
function dated(passages: string[], published: string, language: Language = 'nb'): string[] {
  return extractTimeMentions(
    passages.map((text) => ({ text })),
    language,
    daySpan(published),
  )
    .flat()
    .map((m) => `${m.text}=${m.span.start}..${m.span.end}/${m.span.granularity}`);
}

// Monday 6 May 2024.
const MONDAY = '2024-05-06';

describe('a weekday after an old date quoted in the same article', () => {
  it('counts from publication when its verb points ahead of the writing (Bokmål)', () => {
    expect(
      dated(
        [
          'Saken startet 12. mars 2019, da politiet ransaket kontoret til rederiet.',
          'Lagmannsretten skal avsi dom på torsdag, opplyser retten.',
        ],
        MONDAY,
      ),
    ).toEqual(['12. mars 2019=2019-03-12..2019-03-12/day', 'torsdag=2024-05-09..2024-05-09/day']);
  });

  it('counts from publication when a present says when something is announced (Bokmål)', () => {
    // "faller", "avsies", "trer i kraft": the present of what happens on a set day.
    expect(
      dated(
        [
          'Saken startet 12. mars 2019, da politiet ransaket kontoret til rederiet.',
          'Dommen faller på torsdag.',
          'Den nye loven trer i kraft fredag.',
        ],
        MONDAY,
      ),
    ).toEqual([
      '12. mars 2019=2019-03-12..2019-03-12/day',
      'torsdag=2024-05-09..2024-05-09/day',
      'fredag=2024-05-10..2024-05-10/day',
    ]);
  });

  it('counts from publication in Nynorsk, "førstkomande fredag" forward', () => {
    expect(
      dated(
        [
          'Avtalen vart inngått 3. juni 2015 etter lange forhandlingar.',
          'Kommunestyret skal handsame saka førstkomande fredag.',
        ],
        MONDAY,
        'nn',
      ),
    ).toEqual([
      '3. juni 2015=2015-06-03..2015-06-03/day',
      'førstkomande fredag=2024-05-10..2024-05-10/day',
    ]);
  });

  it('"førstkomande" never means the Friday before, even the day after one', () => {
    // Saturday 11 May: the nearest Friday is the day before; the coming one is a week on.
    expect(dated(['Styret møtest førstkomande fredag.'], '2024-05-11', 'nn')).toEqual([
      'førstkomande fredag=2024-05-17..2024-05-17/day',
    ]);
    expect(dated(['Styret møttest førre fredag.'], '2024-05-11', 'nn')).toEqual([
      'førre fredag=2024-05-10..2024-05-10/day',
    ]);
  });

  it('stays undated when the verb does not say which week (a story told in the present)', () => {
    expect(
      dated(['Finalen spilles 5. juni 2010 i Madrid. Laget reiser på torsdag.'], MONDAY),
    ).toEqual(['5. juni 2010=2010-06-05..2010-06-05/day']);
    expect(dated(['Torsdag 29. mai 2008 forsvant hun. Mandag kom hun tilbake.'], MONDAY)).toEqual([
      'Torsdag 29. mai 2008=2008-05-29..2008-05-29/day',
    ]);
  });
});

describe('a weekend that is the standard of a comparison', () => {
  // Wednesday 8 May 2024: the coming weekend is 11-12 May, the past one 4-5 May.
  const WEDNESDAY = '2024-05-08';

  it('is the weekend already seen', () => {
    expect(dated(['Det regnet ikke like mye som i helgen.'], WEDNESDAY)).toEqual([
      'i helgen=2024-05-04..2024-05-05/day',
    ]);
    expect(dated(['Vinden var sterkere enn i helga.'], WEDNESDAY, 'nn')).toEqual([
      'i helga=2024-05-04..2024-05-05/day',
    ]);
  });

  it('says nothing when a verb points ahead (it could be either weekend)', () => {
    expect(dated(['Det blir ikke like mye snø som i helgen.'], WEDNESDAY)).toEqual([]);
  });

  it('a weekend that is no comparison keeps its own reading', () => {
    expect(dated(['Festivalen arrangeres i helgen.'], WEDNESDAY)).toEqual([
      'i helgen=2024-05-11..2024-05-12/day',
    ]);
  });
});

describe('"om to uker"', () => {
  const WEDNESDAY = '2024-05-08';

  it('is the week two weeks ahead when no day is given', () => {
    expect(dated(['Saken skal opp i retten om to uker.'], WEDNESDAY)).toEqual([
      'om to uker=2024-05-20..2024-05-26/week',
    ]);
  });

  it('is the day when the text gives its weekday', () => {
    expect(dated(['Saken skal opp i retten torsdag om to uker.'], WEDNESDAY)).toEqual([
      'torsdag om to uker=2024-05-23..2024-05-23/day',
    ]);
    expect(dated(['Rettssaka tek til om to veker, på tysdag.'], WEDNESDAY, 'nn')).toEqual([
      'om to veker, på tysdag=2024-05-21..2024-05-21/day',
    ]);
  });

  it('leaves an explicit date its own words', () => {
    expect(dated(['Rettssaken starter om to uker, på mandag 20. mai.'], WEDNESDAY)).toEqual([
      'om to uker=2024-05-20..2024-05-26/week',
      'mandag 20. mai=2024-05-20..2024-05-20/day',
    ]);
  });
});
