import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HYPHEN_PARTICLES } from '../../src/extract/entities/tables';
import { foldName, isNameShaped, type Token, tokenize } from '../../src/extract/entities/tokens';
import { namesArticles } from '../helpers/names-articles';

// The rules as first written, without the fast paths for plain gaps and hyphen-free words:
// the fast paths must never change a token or a verdict.
const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\S/gu;
const SENTENCE_END = new Set(['.', '!', '?', ':', '|']);
const QUOTE_OPENERS = new Set(['"', '«', '»', '–', '—', '-', '(', '“', '”', '‘', "'", '*', '•']);

function plainTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    const isWord = /[\p{L}\p{M}\p{N}]/u.test(value);
    if (gap.includes('\n')) sentenceStart = true;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start,
      end: start + value.length,
      isWord,
      sentenceStart: isWord && sentenceStart,
      joinedToPrevious: tokens.length > 0 && !gap.includes('\n') && /^[ \t\u00a0]*$/u.test(gap),
    });
    if (isWord) sentenceStart = false;
    else if (SENTENCE_END.has(value)) sentenceStart = true;
    else if (/^[-–—]$/u.test(value) && tokens[tokens.length - 2]?.text === ')')
      sentenceStart = true;
    else if (!QUOTE_OPENERS.has(value)) sentenceStart = false;
    previousEnd = start + value.length;
  }
  return tokens;
}

function plainIsNameShaped(word: string): boolean {
  if (!/\p{L}/u.test(word)) return false;
  const parts = word.split('-');
  const first = parts[0] ?? '';
  if (!/^\p{Lu}/u.test(first)) {
    if (parts.length < 2 || !HYPHEN_PARTICLES.has(first)) return false;
  }
  return parts.slice(1).every((part) => /^\p{Lu}/u.test(part) || /^\d+$/u.test(part));
}

/** Folding a name as first written: every step for every name. */
function plainFoldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

const PIECES = [
  'Kari',
  'nordmann',
  'Øst',
  'al',
  '-',
  'Sisi',
  'FN',
  '2023',
  '12',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '.',
  ',',
  '(',
  ')',
  '–',
  '«',
  '»',
  ':',
  "'",
  '’',
  'é',
  'e\u0301',
  '😀',
  '𝔄',
  'ab',
  // Every other kind of space, a lone surrogate, a mark alone, a digit of another script.
  '\r',
  '\u2003',
  '\ufeff',
  '\u3000',
  '\ud800',
  '\udc00',
  '\u0301',
  '٣',
  '’s',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

describe('tokens', () => {
  it('are those of the plain rules, whatever the gaps and symbols', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(plainTokenize(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('tell name-shaped words as the plain rules do', () => {
    const word = fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join(''));
    fc.assert(
      fc.property(word, (w) => {
        expect(isNameShaped(w, HYPHEN_PARTICLES)).toBe(plainIsNameShaped(w));
      }),
      { numRuns: 2000 },
    );
    expect(isNameShaped('Mette-Marit', HYPHEN_PARTICLES)).toBe(true);
    expect(isNameShaped('FN-styrte', HYPHEN_PARTICLES)).toBe(false);
    expect(isNameShaped('Oslo', HYPHEN_PARTICLES)).toBe(true);
    expect(isNameShaped('oslo', HYPHEN_PARTICLES)).toBe(false);
  });

  it('fold names as the plain rule does, whatever the letters, marks and spaces', () => {
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      expect(foldName(char)).toBe(plainFoldName(char));
      expect(foldName(`Ab ${char}c`)).toBe(plainFoldName(`Ab ${char}c`));
    }
    const pieces = [...PIECES, 'æ', 'Ø', 'å', 'Å', '`', 'İ', 'ß', 'Bø', 'Aa'];
    const name = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(name, (n) => {
        expect(foldName(n)).toBe(plainFoldName(n));
      }),
      { numRuns: 3000 },
    );
    for (const text of Object.values(namesArticles))
      for (const line of text.split('\n')) expect(foldName(line)).toBe(plainFoldName(line));
  });
});
