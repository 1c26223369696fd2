import { describe, expect, it } from 'vitest';
import { cutTrailingCredit } from '../../src/knowledge/credits';
import { parseFrontMatter } from '../../src/knowledge/front-matter';
import { HintWords } from '../../src/knowledge/hint-words';
import { mapEntries, parseYaml, plainEntries } from '../../src/knowledge/yaml-lines';

/**
 * The read's shortcuts (a scanner for hint words, front matter without the YAML parser, a
 * credit looked for only where one can be) must answer exactly as the general way does.
 */

/** What `HintWords.reached` replaced: every word of the lower-cased text by a regexp. */
function reachedByRegexp(words: ReadonlySet<string>, text: string, enough: number): boolean {
  let count = 0;
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu))
    if (words.has(word) && ++count >= enough) return true;
  return false;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('hint words: the same count as the letter-run regexp', () => {
  const words = ['the', 'and', 'of', 'i', 'på', 'ikkje'];
  const hints = new HintWords(words);
  const set = new Set(words);

  it('counts whole words, in any case, and not inside longer words', () => {
    expect(hints.reached('The cat and THE dog', 3)).toBe(true);
    expect(hints.reached('Theory andante often', 1)).toBe(false);
    expect(hints.reached('Ikkje på i', 3)).toBe(true);
    expect(hints.reached('the-and', 2)).toBe(true);
    expect(hints.reached('the2and', 2)).toBe(true);
  });

  it('agrees on letters outside ASCII, astral letters, lone surrogates and İ', () => {
    const pieces = [
      'the',
      'The',
      'AND',
      'of',
      'i',
      'I',
      'på',
      'PÅ',
      'İ',
      'ikkje',
      'øl',
      'σ',
      'Σ',
      '\u{1D400}',
      '\u{10400}',
      '\ud800',
      '\udc00',
      '\u0307',
      ' ',
      '-',
      '2',
      '.',
      '\n',
      'é',
      'ǅ',
    ];
    const next = random(7);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)];
      for (const enough of [1, 2, 3]) {
        expect(hints.reached(text, enough), JSON.stringify(text)).toBe(
          reachedByRegexp(set, text, enough),
        );
      }
    }
  });
});

describe('front matter without the parser: the same entries, or none', () => {
  const parserEntries = (yaml: string) => mapEntries(parseYaml(yaml));

  it.each([
    'title: "Rome S02"\ndate: 2012-05-10\nlanguage: nb',
    "title: 'Single: quoted'\nsource: NRK",
    'title: "Tittel: med kolon # og hakk"\n\nlanguage: nn',
    'title: ""',
    'title: "Æøå \u{1F600} 😀"',
    '',
  ])('takes plain lines as the parser reads them: %j', (yaml) => {
    expect(plainEntries(yaml)).toEqual(parserEntries(yaml));
  });

  it.each([
    ['a number', 'title: 2012'],
    ['a boolean', 'title: true\nlanguage: nb'],
    ['null', 'title: Null'],
    ['a key read as a boolean', 'True: x'],
    ['an escape', 'title: "a\\"b"'],
    ['a doubled single quote', "title: 'it''s'"],
    ['a repeated key (the parser reports it)', 'title: "a"\ntitle: "b"'],
    ['an empty value', 'title:'],
    ['a comment', '# note\ntitle: "a"'],
    ['a trailing comment', 'title: "a" # note'],
    ['a url', 'url: https://example.com/a'],
    ['a list', 'tags: [a, b]'],
    ['brackets counted for depth', `title: "${'['.repeat(20)}"`],
    ['indentation', '  title: "a"'],
    ['a carriage return', 'title: "a"\r'],
    ['a tab', 'title:\t"a"'],
    ['too long for the parser', `title: "${'a'.repeat(9000)}"`],
  ])('leaves %s to the parser', (_case, yaml) => {
    expect(plainEntries(yaml)).toBeUndefined();
  });

  it('reports the same problems either way (line numbers from the file)', () => {
    const front = parseFrontMatter('title: ""\nlanguage: xx\nfoo: "bar"\ndate: 2012-05-10', 2);
    expect(front.fatal).toBe(false);
    expect(front.problems.map((p) => [p.code, p.line])).toEqual([
      ['field-empty', 2],
      ['language-unknown', 3],
      ['field-unknown', 4],
    ]);
    expect(front.meta.published).toBeDefined();
  });
});

describe('trailing credits: looked for only where a label and a colon are', () => {
  it('still cuts a credit after a sentence', () => {
    expect(cutTrailingCredit('Han vant. Foto: NTB Scanpix')).toEqual({
      text: 'Han vant.',
      credit: 'Foto: NTB Scanpix',
    });
    expect(cutTrailingCredit('Hun tapte. (Kilde foto: AP)')).toEqual({
      text: 'Hun tapte.',
      credit: 'Kilde foto: AP',
    });
  });

  it('leaves text without a label or without a colon as it is', () => {
    expect(cutTrailingCredit('Han vant. Foto NTB')).toEqual({ text: 'Han vant. Foto NTB' });
    expect(cutTrailingCredit('Han vant: 3-1.')).toEqual({ text: 'Han vant: 3-1.' });
  });
});
