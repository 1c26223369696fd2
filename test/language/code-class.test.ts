import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeClass } from '../../src/language/code-class';

const PATTERNS = [/^\p{Lu}$/u, /^\p{N}$/u, /^[\p{L}\p{M}\p{N}]$/u];

describe('a class of code points asked as numbers', () => {
  it('answers as its expression for every code point', () => {
    for (const pattern of PATTERNS) {
      const table = new CodeClass(pattern);
      for (let code = 0; code < 0x10000; code++)
        expect(table.has(code)).toBe(pattern.test(String.fromCharCode(code)));
      for (let code = 0x10000; code < 0x110000; code += 97)
        expect(table.has(code)).toBe(pattern.test(String.fromCodePoint(code)));
    }
  });

  it('finds a member in a text as its expression unanchored does', () => {
    const pieces = [
      'a',
      'Å',
      '1',
      '٣',
      '½',
      '𝟙',
      '𝔄',
      '😀',
      '\u0301',
      '\ud800',
      '\udc00',
      ' ',
      '-',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    for (const pattern of PATTERNS) {
      const table = new CodeClass(pattern);
      const unanchored = new RegExp(pattern.source.slice(1, -1), 'u');
      fc.assert(
        fc.property(text, (t) => {
          expect(table.someIn(t)).toBe(unanchored.test(t));
        }),
        { numRuns: 1000 },
      );
    }
  });
});
