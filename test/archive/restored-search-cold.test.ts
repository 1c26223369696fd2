/**
 * A restored index answers the same before its warm-up built the frequent terms' lists
 * (a search reply right after a restart builds the list it meets from the term's packed
 * postings) as after the warm-up, and as the index it was written from.
 */
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/archive/bytes';
import { readIndex, writeIndex } from '../../src/archive/index-bytes';
import type { Article, Language } from '../../src/knowledge/types';
import { PassageIndex } from '../../src/search';

/** A small deterministic generator, so that a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = [
  'budsjettet',
  'fylket',
  'skolen',
  'veien',
  'brannen',
  'ordføreren',
  'sykehuset',
  'bussen',
  'havna',
  'festivalen',
  'konserten',
  'regnet',
];

/**
 * Articles whose passages all hold "kommunen" (more postings than a term read straight from
 * the index's maps: a typed list is built for it) and a few other words, some in titles.
 */
function articles(count: number): Article[] {
  const r = random(7);
  const pick = () => WORDS[Math.floor(r() * WORDS.length)] ?? 'veien';
  return Array.from({ length: count }, (_, a) => {
    const id = `art${String(a).padStart(4, '0')}`;
    const language: Language = a % 9 === 0 ? 'nn' : 'nb';
    const title = a % 3 === 0 ? `Kommunen og ${pick()}` : `Nytt om ${pick()}`;
    return {
      id,
      file: `${id}.md`,
      title,
      published: { start: '2020-01-01', end: '2020-01-01', granularity: 'day' },
      language,
      languageDetected: false,
      tags: [],
      hash: id,
      passages: Array.from({ length: 6 }, (_, index) => ({
        id: `${id}#${index}`,
        articleId: id,
        index,
        text: `Kommunen sa at ${pick()} og ${pick()} ${r() < 0.3 ? 'kommunen ' : ''}koster mer i år enn ${pick()}.`,
        line: index + 1,
        language,
      })),
    };
  });
}

const QUERIES = ['kommunen', 'kommunen budsjettet', 'skolen i kommunen', 'ordføreren', 'kommune'];

const answersOf = (index: PassageIndex) =>
  QUERIES.map((q) => index.search(q, { limit: 10 }).map((h) => [h.passageId, h.score]));

describe('a restored index before its warm-up', () => {
  it('answers as after the warm-up, building the frequent lists it meets itself', async () => {
    const input = { articles: articles(220), aliases: [] };
    const built = PassageIndex.build(input);
    const out = new ByteWriter(1 << 16);
    await writeIndex(built, out);
    const bytes = out.bytes();

    const cold = await readIndex(bytes, input);
    expect(cold.searchCache.lists).toBe(0);
    const before = answersOf(cold);
    // The replies built the frequent term's list (the path a reply takes before the warm-up).
    expect(cold.searchCache.lists).toBeGreaterThan(0);
    await cold.warm();
    expect(answersOf(cold)).toEqual(before);

    const warmed = await readIndex(bytes, input);
    await warmed.warm();
    expect(warmed.searchCache.lists).toBeGreaterThan(0);
    expect(answersOf(warmed)).toEqual(before);
    expect(answersOf(built)).toEqual(before);
    expect(before[0]?.length).toBe(10);
  });
});
