import { describe, expect, it } from 'vitest';
import {
  charLength,
  closeMarkup,
  cutText,
  embedLength,
  fitEmbed,
  fitLines,
} from '../../src/discord/limits';

/** Every `**` opened is closed, outside escapes. */
function boldBalanced(text: string): boolean {
  return (text.replace(/\\./gu, '').match(/\*\*/gu) ?? []).length % 2 === 0;
}

describe('cutText', () => {
  it('leaves text that fits alone', () => {
    expect(cutText('Kort tekst.', 20)).toBe('Kort tekst.');
  });

  it('cuts at the last sentence end when that keeps enough', () => {
    const text =
      'Møtet varte i to timer. Etterpå holdt de pressekonferanse i Sotsji med mange journalister.';
    expect(cutText(text, 40)).toBe('Møtet varte i to timer.');
    // A sentence end that keeps less than half of what fits loses to a word cut.
    expect(cutText(text, 80)).toMatch(/^Møtet varte i to timer. Etterpå .*…$/u);
  });

  it('cuts at a word break with an ellipsis when no sentence end is near', () => {
    const text =
      'The delegation travelled overnight to Geneva where negotiations continued until dawn';
    const out = cutText(text, 40);
    expect(charLength(out)).toBeLessThanOrEqual(40);
    expect(out.endsWith('…')).toBe(true);
    // Every word kept is a whole word of the original.
    for (const word of out.slice(0, -1).split(' ')) expect(text.split(' ')).toContain(word);
  });

  it('never leaves a bold run open', () => {
    const text =
      'Da kom **statsministeren og utenriksministeren fra Kongsberg** til møtet i hovedstaden';
    for (let max = 8; max < text.length; max++) {
      const out = cutText(text, max);
      expect(charLength(out)).toBeLessThanOrEqual(max);
      expect(boldBalanced(out), `${max}: ${out}`).toBe(true);
    }
  });

  it('never cuts a masked link in half', () => {
    const text =
      'Kilde: [Putin møtte Assad i Sotsji](https://example.com/a) · 21. november 2017 og mer tekst';
    for (let max = 5; max < text.length; max++) {
      const out = cutText(text, max);
      expect(charLength(out)).toBeLessThanOrEqual(max);
      const opened = out.indexOf('[');
      if (opened >= 0) expect(out).toContain('](https://example.com/a)');
    }
  });

  it('does not leave a lone escape backslash', () => {
    expect(closeMarkup('a \\')).toBe('a');
    expect(cutText('abc \\*def ghi jkl mno', 7).includes('\\…')).toBe(false);
  });

  it('counts characters as code points', () => {
    const text = '😀'.repeat(10);
    const out = cutText(text, 5);
    expect(charLength(out)).toBeLessThanOrEqual(5);
    // No lone surrogate: the cut never splits a character.
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});

describe('fitLines', () => {
  it('keeps whole lines and says how many were left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `• linje nummer ${i + 1}`);
    const out = fitLines(lines, 200, (n) => `… og ${n} til`);
    expect(charLength(out)).toBeLessThanOrEqual(200);
    const shown = out.split('\n');
    expect(shown[shown.length - 1]).toBe(`… og ${50 - (shown.length - 1)} til`);
  });
});

describe('fitEmbed', () => {
  it('keeps an embed within every Discord limit', () => {
    const long = 'Ord og ord. '.repeat(800);
    const embed = fitEmbed({
      title: long,
      description: long,
      fields: Array.from({ length: 40 }, () => ({ name: long, value: long })),
    });
    expect(charLength(embed.title ?? '')).toBeLessThanOrEqual(256);
    expect(charLength(embed.description ?? '')).toBeLessThanOrEqual(4096);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of embed.fields ?? []) expect(charLength(f.value)).toBeLessThanOrEqual(1024);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
  });
});
