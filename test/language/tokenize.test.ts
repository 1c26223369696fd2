import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Token, tokenize } from '../../src/language/tokenize';
import {
  bokmalBudget,
  bokmalFollowUp,
  englishClimate,
  nynorskSchool,
  rawText,
} from '../helpers/articles';
import { namesArticles } from '../helpers/names-articles';

// The rule as first written, a regular expression: the scanner must find the same words.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[.,](?=\p{N})\p{N}+)*(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/gu;
const JOINER = /[-‐'’]/u;

function plainTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    tokens.push({ text: word, start, end: start + word.length });
    if (!JOINER.test(word)) continue;
    let offset = 0;
    for (const piece of word.split(/([-‐'’])/u)) {
      if (piece.length > 0 && !JOINER.test(piece)) {
        tokens.push({
          text: piece,
          start: start + offset,
          end: start + offset + piece.length,
          part: true,
        });
      }
      offset += piece.length;
    }
  }
  return tokens;
}

const PIECES = [
  'Kreml',
  'talsmann',
  'æøå',
  'Erdoğan',
  '330',
  '2',
  '٣',
  '½',
  '.',
  ',',
  '-',
  '‐',
  "'",
  '’',
  '–',
  ' ',
  '\n',
  'e\u0301',
  '\u0301',
  '😀',
  '𝔄',
  '𝟙',
  '\ud800',
  '\udc00',
  '_',
  '(',
];

describe('index tokens', () => {
  it('are the words of the plain expression, whatever the letters, digits and joiners', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(plainTokenize(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('are the words of the plain expression in the test articles', () => {
    const texts = [bokmalBudget, bokmalFollowUp, englishClimate, nynorskSchool, rawText];
    for (const text of [...texts, ...Object.values(namesArticles)])
      expect(tokenize(text)).toEqual(plainTokenize(text));
    expect(tokenize('Kreml-talsmann sa 2,5 prosent.').map((t) => t.text)).toEqual([
      'Kreml-talsmann',
      'Kreml',
      'talsmann',
      'sa',
      '2,5',
      'prosent',
    ]);
  });
});
