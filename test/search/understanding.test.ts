/**
 * Issue 8, "Search across languages and word forms": each defect reproduced on articles
 * written here (Bokmål, Nynorsk, English), through the passage index.
 */
import { describe, expect, it } from 'vitest';
import { PassageIndex } from '../../src/search';
import { analyseQuery } from '../../src/search/query';
import { article } from './fixtures';

const articles = [
  article('nb/idlib.md', 'Flyangrep i Idlib', 'nb', [
    'Minst 30 mennesker er drept i Syria etter et flyangrep mot en markedsplass i Idlib, melder observatører.',
    'Nye Syria-samtaler i Genève skal begynne mandag, opplyser FN-utsendingen.',
    'Partene har ikke møttes siden i fjor. Samtalene om fred har stått stille i et halvt år.',
    'Fredsforhandlingene mellom partene brøt sammen i fjor høst.',
    'Forhandlingene skal ledes av en svensk diplomat.',
  ]),
  article('nb/flom.md', 'Flommen på Østlandet', 'nb', [
    'Statsministeren takket de frivillige for innsatsen under flommen på Østlandet.',
    'Det er opplagt at kommunene trenger mer penger til flomsikring, sier fylkesmannen.',
    'Det tok lenger tid enn ventet å reparere brua over elva.',
  ]),
  article('nn/voss.md', 'Ny skule på Voss', 'nn', [
    'Ordføraren på Voss seier at kommunen skal byggje ein ny skule til hausten.',
    'Kommunestyret vedtok budsjettet for skulen med stort fleirtal.',
  ]),
  article('en/salmon.md', 'Salmon exports at a record', 'en', [
    'Norwegian salmon exports reached a record in March, the seafood council said.',
    'The council will publish its yearly figures in spring.',
  ]),
];

const index = PassageIndex.build({ articles, aliases: [] });
const ids = (query: string) => index.search(query).map((h) => h.passageId);
const marked = (query: string) =>
  (index.search(query)[0]?.snippet.segments ?? []).filter((s) => s.marked).map((s) => s.text);

describe('English questions find Norwegian text, and Norwegian questions English text', () => {
  it('"killed in Syria" finds the passage that says "drept" and marks the Norwegian words', () => {
    expect(ids('killed in Syria')[0]).toBe('nb/idlib.md#0');
    expect(marked('killed in Syria')).toEqual(expect.arrayContaining(['drept', 'Syria']));
  });

  it('an English question about a Nynorsk article finds it', () => {
    expect(ids('What does the mayor of Voss say about the new school?')[0]).toBe('nn/voss.md#0');
  });

  it('a Norwegian question about an English article finds it', () => {
    expect(ids('Hvor mye laks ble eksportert i mars?')[0]).toBe('en/salmon.md#0');
  });

  it('translated words rank below the words the user typed', () => {
    const query = analyseQuery('council', [], 'en', index.vocabulary);
    const alternatives = query.words[0]?.alternatives ?? [];
    const typed = alternatives.filter((a) => a.source === 'typed').map((a) => a.weight);
    const translated = alternatives.filter((a) => a.source === 'translated');
    expect(translated.map((a) => a.term)).toContain('kommunestyr');
    for (const t of translated) expect(t.weight).toBeLessThan(Math.max(...typed));
    const hits = ids('council');
    expect(hits.indexOf('en/salmon.md#0')).toBeLessThan(hits.indexOf('nn/voss.md#1'));
    expect(hits).toContain('nn/voss.md#1');
  });
});

describe('fuzzy matching only where it helps', () => {
  it('"peace talks Geneva" finds the Geneva talks, not "takket"', () => {
    const hits = ids('peace talks Geneva');
    expect(hits[0]).toBe('nb/idlib.md#1');
    expect(hits).not.toContain('nb/flom.md#0');
  });

  it('"oppdaget" does not match "opplagt", nor "lenge" "lenger"', () => {
    expect(ids('oppdaget')).not.toContain('nb/flom.md#1');
    expect(ids('lenge')).not.toContain('nb/flom.md#2');
  });

  it('a long misspelt word still finds the word it was meant to be, in its own language', () => {
    expect(ids('flomsikrng')).toContain('nb/flom.md#1');
  });

  it('an English function word ("will") matches nothing', () => {
    expect(ids('will the harbour reopen')).toEqual([]);
  });
});

describe('compounds and hyphens', () => {
  it('"Genève-samtaler" finds "Syria-samtaler i Genève", whole and in parts', () => {
    expect(ids('Genève-samtaler')[0]).toBe('nb/idlib.md#1');
  });

  it('"fredssamtaler" finds "samtalene om fred"', () => {
    expect(ids('fredssamtaler')).toContain('nb/idlib.md#2');
  });

  it('a compound in the text is found by its parts, and marked whole', () => {
    expect(ids('fred forhandlinger')[0]).toBe('nb/idlib.md#3');
    expect(marked('fred forhandlinger')).toContain('Fredsforhandlingene');
  });
});

describe('the relevance floor', () => {
  it('a question with no real match finds nothing instead of unrelated passages', () => {
    expect(ids('Who won the chess championship in Tromsø?')).toEqual([]);
    expect(ids('Hvem vant sjakkturneringen i Tromsø i helgen?')).toEqual([]);
  });
});

describe('what to try when nothing is found', () => {
  it("offers the archive's own spelling of a word it does not hold", () => {
    expect(ids('Idlb')).toEqual([]);
    expect(index.closeWords('Idlb')).toEqual(['Idlib']);
  });
});
