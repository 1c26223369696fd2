import { describe, expect, it } from 'vitest';
import { CodeClass } from '../../src/language/code-class';

describe('a class of code points asked as numbers', () => {
  it('answers as its expression for every code point', () => {
    for (const pattern of [/^\p{Lu}$/u, /^[\p{L}\p{M}\p{N}]$/u]) {
      const table = new CodeClass(pattern);
      for (let code = 0; code < 0x10000; code++)
        expect(table.has(code)).toBe(pattern.test(String.fromCharCode(code)));
      for (let code = 0x10000; code < 0x110000; code += 97)
        expect(table.has(code)).toBe(pattern.test(String.fromCodePoint(code)));
    }
  });
});
