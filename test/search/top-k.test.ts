import MiniSearch, { type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../src/search/plan';
import { TopKRetriever } from '../../src/search/top-k';
import { seededRandom } from '../helpers/random';

// A corpus with a Zipf-like vocabulary, so that some terms are in most documents and
// others in a handful: the shape that makes pruning matter.
const rand = seededRandom(7);
const vocabulary = Array.from({ length: 300 }, (_, i) => `w${i}`);
const pick = () => vocabulary[Math.floor(vocabulary.length * rand() ** 3)] ?? 'w0';
const documents = Array.from({ length: 2000 }, (_, i) => ({
  id: `d${i}`,
  text: Array.from({ length: 3 + Math.floor(rand() * 30) }, pick).join(' '),
  title: Array.from({ length: 1 + Math.floor(rand() * 4) }, pick).join(' '),
}));

const boost = { text: 1, title: 0.6 };
const bm25 = { k: 1.2, b: 0.5, d: 0.5 };
const weights = { prefix: 0.375, fuzzy: 0.45 };
const mini = new MiniSearch<{ id: string; text: string; title: string }>({
  fields: ['text', 'title'],
  searchOptions: { boost, bm25, weights },
});
mini.addAll(documents);
// Short lists of 8 postings: nearly every term goes through the impact-ordered path.
const retriever = new TopKRetriever(mini, { boost, bm25, shortList: 8 });

function wordsPlan(words: string[][], minCoverage = 0): QueryPlan {
  return {
    clauses: words.map((terms, i) => ({
      groups: [terms.map((term) => ({ term, weight: 1, prefix: false, fuzzy: 0 }))],
      covers: [i],
    })),
    wordWeights: words.map(() => 1),
    minCoverage,
    expansionWeights: weights,
  };
}

/** What MiniSearch itself ranks first for the same words, scored whole. */
function reference(words: string[][], k: number): { id: string; score: number }[] {
  const query: Query = {
    combineWith: 'OR',
    queries: words.map((terms) => ({ combineWith: 'OR', queries: terms })),
  };
  return mini
    .search(query)
    .slice(0, k)
    .map((r) => ({ id: String(r.id), score: r.score }));
}

describe('TopKRetriever', () => {
  const queries = [
    [['w0']],
    [['w1'], ['w2']],
    [['w0'], ['w5'], ['w150']],
    [['w3', 'w40'], ['w0']],
    [['w299'], ['w1']],
    [['w10'], ['w11'], ['w12'], ['w13']],
  ];

  it('ranks like MiniSearch scoring every posting, frequent words included', () => {
    for (const words of queries) {
      for (const k of [1, 10, 25]) {
        const got = retriever.search(wordsPlan(words), { k });
        const want = reference(words, k);
        expect(got.map((h) => h.score)).toEqual(want.map((h) => expect.closeTo(h.score, 9)));
        // Equal scores may come in another order; the sets of ids agree above the last score.
        const last = want[want.length - 1]?.score ?? 0;
        const above = (hits: { id: string; score: number }[]) =>
          hits
            .filter((h) => h.score > last + 1e-9)
            .map((h) => h.id)
            .sort();
        expect(above(got.map((h) => ({ id: h.documentId, score: h.score })))).toEqual(above(want));
      }
    }
  });

  it('scores only a few of the passages holding a frequent word', () => {
    const holding = documents.filter((d) => `${d.text} ${d.title}`.split(' ').includes('w0'));
    expect(holding.length).toBeGreaterThan(500);
    retriever.search(wordsPlan([['w0']]), { k: 5 });
    expect(retriever.lastCost.scored).toBeLessThan(holding.length / 10);
  });

  it('scores prefix and fuzzy expansions as MiniSearch does', () => {
    const plan: QueryPlan = {
      clauses: [
        { groups: [[{ term: 'w1', weight: 1, prefix: true, fuzzy: 0 }]], covers: [0] },
        { groups: [[{ term: 'w2x', weight: 1, prefix: false, fuzzy: 1 }]], covers: [1] },
      ],
      wordWeights: [1, 1],
      minCoverage: 0,
      expansionWeights: weights,
    };
    const want = mini
      .search({
        combineWith: 'OR',
        queries: [
          { combineWith: 'OR', queries: ['w1'], prefix: true },
          { combineWith: 'OR', queries: ['w2x'], fuzzy: 1 },
        ],
      })
      .slice(0, 10);
    const got = retriever.search(plan, { k: 10 });
    expect(got.map((h) => h.score)).toEqual(want.map((r) => expect.closeTo(r.score, 9)));
    expect(got[0]?.matchedTerms.some((t) => t.startsWith('w1') && t !== 'w1')).toBe(true);
  });

  it('counts a conjunction only when all its words are there', () => {
    const plan: QueryPlan = {
      clauses: [
        {
          groups: [
            [{ term: 'w7', weight: 1, prefix: false, fuzzy: 0 }],
            [{ term: 'w250', weight: 1, prefix: false, fuzzy: 0 }],
          ],
          covers: [0],
        },
      ],
      wordWeights: [1],
      minCoverage: 0,
      expansionWeights: weights,
    };
    const hits = retriever.search(plan, { k: 2000 });
    const both = documents.filter((d) => {
      const words = new Set(`${d.text} ${d.title}`.split(' '));
      return words.has('w7') && words.has('w250');
    });
    expect(hits.map((h) => h.documentId).sort()).toEqual(both.map((d) => d.id).sort());
  });

  it('keeps only hits covering enough of the query, and still returns k of them', () => {
    const words = [['w0'], ['w200'], ['w201']];
    const hits = retriever.search(wordsPlan(words, 0.5), { k: 5 });
    for (const hit of hits) {
      const doc = documents.find((d) => d.id === hit.documentId);
      const have = new Set(`${doc?.text} ${doc?.title}`.split(' '));
      expect(words.filter(([w]) => have.has(w ?? '')).length).toBeGreaterThanOrEqual(2);
    }
    const eligible = documents.filter((d) => {
      const have = new Set(`${d.text} ${d.title}`.split(' '));
      return words.filter(([w]) => have.has(w ?? '')).length >= 2;
    });
    expect(hits.length).toBe(Math.min(5, eligible.length));
  });

  it('returns only accepted passages', () => {
    const hits = retriever.search(wordsPlan([['w0']]), {
      k: 10,
      accept: (id) => Number(id.slice(1)) % 7 === 0,
    });
    expect(hits).toHaveLength(10);
    for (const hit of hits) expect(Number(hit.documentId.slice(1)) % 7).toBe(0);
  });

  it('forgets its impact order when passages are added or removed', () => {
    const local = new MiniSearch<{ id: string; text: string; title: string }>({
      fields: ['text', 'title'],
      searchOptions: { boost, bm25, weights },
    });
    local.addAll(documents.slice(0, 200));
    const r = new TopKRetriever(local, { boost, bm25, shortList: 4 });
    const top = () => r.search(wordsPlan([['w0']]), { k: 5 }).map((h) => h.documentId);
    const want = () =>
      local
        .search('w0')
        .slice(0, 5)
        .map((h) => String(h.id));
    expect(top()).toEqual(want());
    local.add({ id: 'new', text: 'w0 w0 w0 w0', title: 'w0 w0' });
    expect(want()).toContain('new');
    expect(top()).toEqual(want());
    local.discard('new');
    expect(top()).not.toContain('new');
    expect(top()).toEqual(want());
  });
});
