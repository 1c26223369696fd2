import { describe, expect, it } from 'vitest';
import { extractTimeMentions } from '../../src/extract/dates';
import { foldedForPieces, PiecesFilter, requiredPieces } from '../../src/extract/dates/prefilter';
import { RULES } from '../../src/extract/dates/rules';

/** The plain reading of a rule's pieces test: the folded text holds one of them. */
const piecesTest =
  (pieces: ReadonlySet<string>) =>
  (folded: string): boolean =>
    [...pieces].some((piece) => folded.includes(piece));

const pieces = (pattern: RegExp): string[] => [...(requiredPieces(pattern) ?? [])].sort();

describe('the pieces every match of a pattern holds', () => {
  it('joins literal characters into words and keeps the longer guarantee', () => {
    expect(pieces(/(?<![\p{L}\p{N}])i\s+fjor(?![\p{L}\p{N}])/giu)).toEqual(['fjor']);
  });

  it('takes one piece of each alternative, or nothing when one asks for nothing', () => {
    expect(pieces(/(?:neste|forrige)\s+uke/giu)).toEqual(['forrige', 'neste']);
    expect(requiredPieces(/(?:neste|\p{L}+)\s+\d/giu)).toEqual(
      new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']),
    );
    expect(requiredPieces(/(?:neste|\p{L}+)\s+/giu)).toBeUndefined();
  });

  it('asks nothing of what may be absent, and carries a repeat into its neighbours', () => {
    expect(pieces(/(?:i\s+)?mai/giu)).toEqual(['mai']);
    expect(requiredPieces(/(?:mai)?\s+/giu)).toBeUndefined();
    // A repeat of digits begins and ends with one: "3." is a piece of `\d{1,2}\.`.
    expect(pieces(/\d{1,2}\./giu)).toContain('3.');
  });

  it('lowercases the pattern as the text is folded, the long s as an s', () => {
    expect(pieces(/Mandag/giu)).toEqual(['mandag']);
    expect(foldedForPieces('MANDAG')).toBe('mandag');
    expect(foldedForPieces('Sſeptember')).toBe('sseptember');
  });
});

// Sentences with dates of every kind the rules know, and their capitals.
const DATED = [
  'Tirsdag 3. mai 2016 kom han hjem, og dagen etter reiste han igjen.',
  'Møtet var 2019-04-12, og i fjor var det i slutten av oktober.',
  'Han kom 12.10.2015 og ble til neste uke, over helgen, i høst og på 1990-tallet.',
  'Last week, on Monday, March 4th, 2014, and two years ago in the summer of 1999.',
  'Om to uker, for tre år siden, i forrige måned, i morgen kveld, natt til søndag.',
  'Mellom 2001 og 2004, julaften, 17. mai, tidligere i år, samme dag, året før.',
  'I DESEMBER 1963 OG NESTE ÅR, I GÅR OG I DAG.',
];

describe('the test that spares a text the date rules', () => {
  it('never turns away a text a rule matches', () => {
    for (const text of [...DATED, ...DATED.map((t) => t.toUpperCase())]) {
      const folded = foldedForPieces(text);
      for (const rule of RULES) {
        const required = requiredPieces(rule.pattern);
        rule.pattern.lastIndex = 0;
        if (!required || !rule.pattern.test(text)) continue;
        expect(piecesTest(required)(folded), `${rule.name} in: ${text}`).toBe(true);
      }
    }
    for (const rule of RULES) rule.pattern.lastIndex = 0;
  });

  it("answers for every rule in one scan as each rule's own test does", () => {
    const filter = new PiecesFilter(RULES.map((rule) => rule.pattern));
    // The dated sentences, their pieces at the very start and end, and random mixes of them.
    const words = DATED.join(' ').split(' ');
    const texts = [...DATED, '', '7', 'mai', 'i fjor', 'x i går', '«2016»'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 6);
      const picked = Array.from({ length }, () => words[Math.floor(random() * words.length)]);
      texts.push(picked.join(random() < 0.5 ? ' ' : ''));
    }
    for (const text of texts) {
      const mayMatch = filter.forText(text);
      for (const rule of RULES) {
        const required = requiredPieces(rule.pattern);
        const own = required ? piecesTest(required)(foldedForPieces(text)) : true;
        expect(mayMatch(rule.pattern), `${rule.name} in: ${text}`).toBe(own);
      }
    }
  });

  it('asks something of most rules, so that a text with no date is spared them', () => {
    const asking = RULES.filter((rule) => requiredPieces(rule.pattern) !== undefined);
    expect(asking.length).toBeGreaterThan(RULES.length * 0.8);
    const plain = 'Han likte ikke filmen, men skuespillerne var gode.';
    const spared = asking.filter((rule) => {
      const required = requiredPieces(rule.pattern);
      return required !== undefined && !piecesTest(required)(foldedForPieces(plain));
    });
    expect(spared.length).toBeGreaterThan(asking.length * 0.8);
  });

  it('leaves the mentions found as they were', () => {
    const published = { start: '2017-11-21', end: '2017-11-21', granularity: 'day' as const };
    const texts = ['I går kom han hjem. Tirsdag 3. mai 2016 reiste han.', 'Han likte filmen.'];
    const mentions = extractTimeMentions(
      texts.map((text) => ({ text })),
      'nb',
      published,
    );
    expect(mentions.map((found) => found.map((m) => m.text))).toEqual([
      ['I går', 'Tirsdag 3. mai 2016'],
      [],
    ]);
  });
});
