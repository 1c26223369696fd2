import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase } from '../../src/language/normalize';
import { bokmalBudget, englishClimate, nynorskSchool } from '../helpers/articles';

/** Folding as first written, for every word: lower case, marks dropped but å's ring. */
function plainFoldCase(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (/\p{M}/u.test(ch) && ch !== '\u030A') continue;
    out += ch;
  }
  return out.normalize('NFC');
}

const PIECES = [
  'a',
  'Z',
  'æ',
  'Æ',
  'ø',
  'Ø',
  'å',
  'Å',
  'a\u030A',
  'A\u030A',
  '\u212B',
  'é',
  'e\u0301',
  '\u0301',
  'ü',
  'ß',
  'İ',
  'ğ',
  'Σ',
  '1',
  '-',
  "'",
  '😀',
  '𝔄',
  '\ud800',
];

describe('case folding', () => {
  it('folds every character as the plain rule does', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      expect(foldCase(char)).toBe(plainFoldCase(char));
    }
  });

  it('folds words of Norwegian and foreign letters, marks and symbols as the plain rule does', () => {
    const word = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(word, (w) => {
        expect(foldCase(w)).toBe(plainFoldCase(w));
      }),
      { numRuns: 3000 },
    );
    for (const text of [bokmalBudget, englishClimate, nynorskSchool])
      for (const w of text.split(/[^\p{L}\p{M}\p{N}]+/u))
        expect(foldCase(w)).toBe(plainFoldCase(w));
  });
});
