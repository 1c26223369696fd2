import { describe, expect, it } from 'vitest';
import type { AliasGroup } from '../../src/knowledge/types';
import { PassageIndex } from '../../src/search';
import { article } from './fixtures';

const articles = [
  article('nb/budsjett.md', 'Regjeringen legger fram statsbudsjettet', 'nb', [
    'Regjeringen la tirsdag fram statsbudsjettet for neste år. Finansministeren lovet lavere skatter.',
    {
      heading: 'Kritikk fra opposisjonen',
      text: 'Opposisjonen mener budsjettet rammer de svakeste.',
    },
  ]),
  article('nb/russland.md', 'Nye sanksjoner', 'nb', [
    'Russland svarer på sanksjonene med egne tiltak mot europeiske selskaper.',
    'Kreml-talsmannen avviste alle anklager på en pressekonferanse i Moskva.',
  ]),
  article('nb/tyrkia.md', 'Valg i Tyrkia', 'nb', [
    'President Recep Tayyip Erdoğan vant valget med knapp margin.',
    'Statsministeren møtte pressen etter valget.',
  ]),
  article('en/ceasefire.md', 'Talks in Geneva', 'en', [
    'The ministers were negotiating a ceasefire in Geneva on Thursday.',
    'Russia rejected the proposal, according to diplomats.',
  ]),
  article('nb/fn.md', 'Krav om våpenhvile', 'nb', ['FN krever våpenhvile i regionen.']),
  article('nn/voss.md', 'Nytt frå Voss', 'nn', [
    'Ordføraren på Voss seier at kommunen må kutte i budsjettet.',
  ]),
];

const aliases: AliasGroup[] = [
  { names: ['Russland', 'Russia'], line: 1 },
  { names: ['FN', 'UN', 'De forente nasjoner'], line: 2 },
];

const entityNames = new Map<string, string[]>([['nb/russland.md#1', ['Dmitrij Peskovitsj']]]);
const index = PassageIndex.build({ articles, aliases, entityNames });
const ids = (query: string, options?: Parameters<PassageIndex['search']>[1]) =>
  index.search(query, options).map((h) => h.passageId);

describe('PassageIndex', () => {
  it('indexes every passage', () => {
    expect(index.size).toBe(10);
  });

  it('finds inflected forms through stemming', () => {
    expect(ids('statsbudsjett regjering')[0]).toBe('nb/budsjett.md#0');
    expect(ids('sanksjon')).toContain('nb/russland.md#0');
  });

  it('searches English passages with English stems', () => {
    expect(ids('minister negotiated ceasefires')[0]).toBe('en/ceasefire.md#0');
  });

  it('finds Nynorsk text', () => {
    expect(ids('ordføraren Voss')[0]).toBe('nn/voss.md#0');
  });

  it('drops question words and still answers', () => {
    expect(ids('Hvem avviste anklagene?')[0]).toBe('nb/russland.md#1');
    expect(ids('Who rejected the proposal?')[0]).toBe('en/ceasefire.md#1');
  });

  it('expands aliases: an English name finds Norwegian text, ranked below the exact name', () => {
    const hits = ids('Russia');
    expect(hits).toContain('nb/russland.md#0');
    expect(hits[0]).toBe('en/ceasefire.md#1');
    expect(ids('Russlands')).toContain('en/ceasefire.md#1');
  });

  it('expands a multi-word alias, function words and all', () => {
    expect(ids('De forente nasjoner')).toEqual(['nb/fn.md#0']);
    expect(ids('What did the UN demand?', { language: 'en' })).toEqual(['nb/fn.md#0']);
  });

  it('matches a typo in a name fuzzily', () => {
    expect(ids('Erdogn')[0]).toBe('nb/tyrkia.md#0');
  });

  it('matches the last word being typed as a prefix', () => {
    expect(ids('statsbud')).toContain('nb/budsjett.md#0');
    // With a final space the word is complete: no prefix match.
    expect(ids('statsbud ')).toEqual([]);
  });

  it('returns nothing when nothing matches', () => {
    expect(ids('zzyzx qwfp')).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids('hva og hvem?')).toEqual([]);
  });

  it('searches headings, titles and entity names', () => {
    expect(ids('opposisjonen kritikk')[0]).toBe('nb/budsjett.md#1');
    expect(ids('Peskovitsj')).toEqual(['nb/russland.md#1']);
    expect(ids('Geneva talks')[0]).toBe('en/ceasefire.md#0');
  });

  it('applies the filter and the limit', () => {
    const all = ids('budsjett');
    expect(all.length).toBeGreaterThan(1);
    expect(ids('budsjett', { filter: (id) => id.startsWith('nn/') })).toEqual(['nn/voss.md#0']);
    expect(ids('budsjett', { limit: 1 })).toHaveLength(1);
  });

  it('gives each hit its article, matched terms and a marked snippet', () => {
    const [hit] = index.search('sanksjonene');
    expect(hit?.articleId).toBe('nb/russland.md');
    expect(hit?.matchedTerms).toContain('sanksjon');
    const marked = hit?.snippet.segments.filter((s) => s.marked).map((s) => s.text);
    expect(marked).toEqual(['sanksjonene']);
    expect(index.article('nb/russland.md')?.title).toBe('Nye sanksjoner');
  });

  it('requires a hit to cover a fair share of a longer query', () => {
    // Only "Moskva" matches, and the rest of the query is about something else entirely.
    expect(ids('Moskva fotballkamp stadion supportere billetter')).toEqual([]);
  });

  it('restores a JSON snapshot that answers the same', () => {
    const json = JSON.parse(JSON.stringify(index.toJSON()));
    const restored = PassageIndex.fromJSON(json, { articles, aliases, entityNames });
    expect(restored.size).toBe(index.size);
    for (const q of ['Russia', 'Erdogn', 'statsbudsjett', 'Peskovitsj', 'ceasefire Geneva']) {
      expect(restored.search(q)).toEqual(index.search(q));
    }
  });

  it('refuses a malformed snapshot or one made from other articles', () => {
    expect(() => PassageIndex.fromJSON({ format: 'x' }, { articles, aliases })).toThrow();
    const json = JSON.parse(JSON.stringify(index.toJSON()));
    expect(() =>
      PassageIndex.fromJSON(json, { articles: articles.slice(1), aliases, entityNames }),
    ).toThrow(/other articles/);
  });
});
