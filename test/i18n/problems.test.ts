import { describe, expect, expectTypeOf, it } from 'vitest';
import { messages } from '../../src/i18n';
import type { ProblemTexts } from '../../src/i18n/messages';
import { problemText } from '../../src/i18n/problems';
import type { Problem, ProblemCode, ProblemParamsByCode } from '../../src/knowledge/types';

const nb = messages('nb');
const en = messages('en');

/**
 * One example per code. The mapped type makes this list complete: a new code without an
 * example does not compile, so the runtime checks below cover every code.
 */
const EXAMPLES: { [C in ProblemCode]: ProblemParamsByCode[C] } = {
  'file-too-large': { bytes: 3_145_728, limitKb: 512 },
  'file-outside': {},
  'file-unreadable': { error: 'ENOENT' },
  'file-binary': {},
  'file-not-utf8': {},
  'file-empty': {},
  'file-no-text': {},
  'file-ignored': {},
  'link-ignored': {},
  'file-duplicate': { original: 'innenriks/budsjett.md' },
  'yaml-syntax': { message: 'Nested mappings are not allowed in compact mappings' },
  'yaml-too-large': { chars: 9210, maxChars: 8192 },
  'yaml-too-deep': { maxDepth: 16 },
  'front-matter-unclosed': {},
  'front-matter-not-map': {},
  'field-unknown': { field: 'forfatter', known: 'title, source, url, language, tags, date' },
  'field-empty': { field: 'kilde' },
  'field-not-text': { field: 'title' },
  'url-invalid': { value: 'nrk.no/nyheter' },
  'language-unknown': { value: 'svensk' },
  'tags-invalid': {},
  'field-invalid': {
    field: 'source',
    message: 'Too big: expected string to have <=200 characters',
  },
  'date-missing': {},
  'date-empty': {},
  'date-format': { value: '21.11.2017', place: 'text-start' },
  'date-number': { value: '20171121', place: 'front-matter' },
  'date-invalid': { value: '2023-13-45', place: 'front-matter' },
  'date-conflict': { fileNameDate: '2017-11-21', date: '2017-11-22' },
  'date-from-file-name': { date: '2017-11-21' },
  'title-missing': { title: 'Regjeringen legger fram budsjettet' },
  'alias-empty': {},
  'alias-entry-invalid': {},
  'alias-names-invalid': { name: 'Genève' },
  'alias-shared': { name: 'Kreml', otherLine: 4 },
  'aliases-not-list': {},
  'kept-last-good': {},
  'aliases-kept-last-good': {},
  'knowledge-dir-missing': { dir: '/srv/kilde/knowledge' },
};
const CODES = Object.keys(EXAMPLES) as ProblemCode[];

/** The catalog sentence for one code, called as the renderer calls it. */
function say(texts: ProblemTexts, code: ProblemCode): string {
  const word = texts[code] as (params: unknown) => string;
  return word(EXAMPLES[code]);
}

/** A sentence with its params taken out: what the catalog itself says. */
function ownWords(sentence: string, code: ProblemCode): string {
  let rest = sentence;
  for (const value of Object.values(EXAMPLES[code])) rest = rest.split(String(value)).join(' ');
  return rest;
}

describe('problem catalog', () => {
  it('has a sentence for every problem code in both languages (type level)', () => {
    expectTypeOf(nb.problems).toEqualTypeOf<ProblemTexts>();
    expectTypeOf<keyof ProblemTexts>().toEqualTypeOf<ProblemCode>();
    // Params are plain strings and numbers, so problems stay JSON-safe.
    expectTypeOf<ProblemParamsByCode[ProblemCode]>().toExtend<
      Readonly<Record<string, string | number>>
    >();
  });

  it('has a sentence for every problem code in both languages, and no other (runtime)', () => {
    expect(Object.keys(nb.problems).sort()).toEqual([...CODES].sort());
    expect(Object.keys(en.problems).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      expect(typeof nb.problems[code], code).toBe('function');
      expect(typeof en.problems[code], code).toBe('function');
    }
  });

  it('says each problem differently per language, with every value it was given', () => {
    for (const code of CODES) {
      const norwegian = say(nb.problems, code);
      const english = say(en.problems, code);
      expect(norwegian, code).not.toBe(english);
      for (const [key, value] of Object.entries(EXAMPLES[code])) {
        if (key === 'place') continue; // chooses the wording; not shown as written
        expect(norwegian, `${code} nb ${key}`).toContain(String(value));
        expect(english, `${code} en ${key}`).toContain(String(value));
      }
    }
  });

  it('words Norwegian sentences in Norwegian and English ones in English', () => {
    for (const code of CODES) {
      const norwegian = ownWords(say(nb.problems, code), code);
      const english = ownWords(say(en.problems, code), code);
      expect(norwegian, code).not.toMatch(/\b(the|is|not|must|and|of|file|ignored)\b/i);
      expect(english, code).not.toMatch(/\b(og|ikke|er|må|feltet|filen|blir|datoen)\b|[æø]/i);
    }
  });

  it('frames a library message instead of translating it', () => {
    expect(say(nb.problems, 'yaml-syntax')).toBe(
      'YAML-feil: Nested mappings are not allowed in compact mappings',
    );
  });

  it('reads the example sentences a moderator needs', () => {
    expect(say(nb.problems, 'date-invalid')).toBe('datoen «2023-13-45» finnes ikke');
    expect(say(nb.problems, 'date-format')).toContain('i starten av teksten');
    expect(say(nb.problems, 'field-unknown')).toBe(
      'ukjent felt «forfatter» blir ignorert (kjente felt: title, source, url, language, tags, date)',
    );
    expect(say(nb.problems, 'kept-last-good')).toBe(
      'ny versjon kunne ikke leses; forrige gode versjon brukes fortsatt',
    );
  });
});

describe('problemText', () => {
  const broken: Problem = {
    file: 'budsjett.md',
    line: 3,
    code: 'date-invalid',
    params: { value: '2023-13-45', place: 'front-matter' },
    reason: '"2023-13-45" has no month 13',
    severity: 'error',
  };

  it('words a problem by its code in the reader language', () => {
    expect(problemText(broken, nb)).toBe('datoen «2023-13-45» finnes ikke');
    expect(problemText(broken, en)).toBe('the date "2023-13-45" is not a real calendar date');
  });

  it('falls back to the English reason for a code the catalog does not know', () => {
    const unknown = { ...broken, code: 'from-a-newer-build' } as unknown as Problem;
    expect(problemText(unknown, nb)).toBe('"2023-13-45" has no month 13');
    const inherited = { ...broken, code: 'toString' } as unknown as Problem;
    expect(problemText(inherited, nb)).toBe('"2023-13-45" has no month 13');
  });
});
