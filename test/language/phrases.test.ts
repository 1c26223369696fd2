/**
 * The English phrase table: which words of a question a phrase takes (the longest at each
 * word, any form of its verbs, a wildcard for "his"/"her"), on tables written here.
 */
import { describe, expect, it } from 'vitest';
import { englishBaseForm, parseIrregularForms } from '../../src/language/english-forms';
import { englishPhrases, findPhrases, parsePhrases } from '../../src/language/phrases';

const table = parsePhrases(
  [
    '# comment',
    'take part\tdelta/deltok',
    'take care of\tivareta',
    'be behind\tstår/sto bak',
    'dig in * heels\tbakbeina',
    "single\tignored: one word is the lexicon's job",
  ].join('\n'),
);
const found = (question: string) =>
  findPhrases(
    table,
    question
      .toLowerCase()
      .split(/\s+/u)
      .filter((w) => w.length > 0),
  ).map((m) => ({ start: m.start, end: m.end, norwegian: m.norwegian }));

describe('finding phrases in a question', () => {
  it('reads the Norwegian words and their forms, and skips one-word lines', () => {
    expect(table.map((e) => e.norwegian)).toEqual([
      [['delta', 'deltok']],
      [['ivareta']],
      [['står', 'sto'], ['bak']],
      [['bakbeina']],
    ]);
  });

  it('matches any form of the phrase verb, irregular ones included', () => {
    expect(found('who takes part')).toEqual([
      { start: 1, end: 3, norwegian: [['delta', 'deltok']] },
    ]);
    expect(found('who took part')).toHaveLength(1);
    expect(found('who is behind the attack')[0]).toMatchObject({ start: 1, end: 3 });
    expect(found('they were behind it')[0]).toMatchObject({ start: 1, end: 3 });
  });

  it('prefers the longest phrase starting at a word', () => {
    const table2 = parsePhrases('take care\tpleie\ntake care of\tivareta');
    expect(findPhrases(table2, ['take', 'care', 'of', 'it'])[0]?.norwegian).toEqual([['ivareta']]);
  });

  it('lets * stand for any one word ("his", "her", "their")', () => {
    expect(found('why did he dig in his heels')[0]).toMatchObject({ start: 3, end: 7 });
    expect(found('why did she dig in her heels')).toHaveLength(1);
    expect(found('why did he dig in heels')).toEqual([]);
  });

  it('reads "-" as a phrase of function words, standing for no Norwegian word', () => {
    const table2 = parsePhrases('going to\t-');
    expect(findPhrases(table2, ['who', 'is', 'going', 'to', 'win'])).toEqual([
      { start: 2, end: 4, norwegian: [] },
    ]);
  });

  it('finds nothing in words that only share a phrase word', () => {
    expect(found('the part of the city behind the station')).toEqual([]);
  });
});

describe('English irregular verb forms', () => {
  it('gives the base form of a past form and leaves other words alone', () => {
    expect(englishBaseForm('took')).toBe('take');
    expect(englishBaseForm('went')).toBe('go');
    expect(englishBaseForm('was')).toBe('be');
    expect(englishBaseForm('salmon')).toBe('salmon');
    expect(parseIrregularForms('# c\nsing\tsang sung\n').get('sung')).toBe('sing');
  });

  it('the shipped phrase table parses, each line with English and Norwegian words', () => {
    expect(englishPhrases().length).toBeGreaterThan(20);
    for (const entry of englishPhrases()) {
      expect(entry.english.length).toBeGreaterThanOrEqual(2);
      expect(entry.norwegian.flat().every((w) => w.length > 0)).toBe(true);
    }
  });
});
