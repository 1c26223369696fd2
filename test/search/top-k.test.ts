import MiniSearch, { type Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { QueryPlan } from '../../src/search/plan';
import { type MiniInternals, PostingStore } from '../../src/search/postings';
import { TopKRetriever } from '../../src/search/top-k';
import { seededRandom } from '../helpers/random';
import { exhaustiveTopK } from './exhaustive';

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
    // Whole blocks of its list are skipped once the five best are known.
    expect(retriever.lastCost.read).toBeLessThan(holding.length / 2);
  });

  it('reads a frequent word alone best blocks first, only those that could place', () => {
    const holding = documents.filter((d) => `${d.text} ${d.title}`.split(' ').includes('w0'));
    retriever.search(wordsPlan([['w0']]), { k: 5 });
    // A walk in id order, skipping the blocks that cannot place, read 576 of 1,820.
    expect(retriever.lastCost.read).toBeLessThan(holding.length / 4);
  });

  it('walks the rarer of two frequent words when neither alone could place a passage', () => {
    const holding = (w: string) =>
      documents.filter((d) => `${d.text} ${d.title}`.split(' ').includes(w)).length;
    // w0, the more frequent, weighs more: its list has the higher bound and comes last in
    // MaxScore's order, so MaxScore alone walks it (1,354 postings read).
    const plan = wordsPlan([['w0'], ['w1']]);
    const first = plan.clauses[0]?.groups[0]?.[0];
    if (first) first.weight = 3;
    retriever.search(plan, { k: 1 });
    expect(holding('w1')).toBeLessThan(holding('w0'));
    expect(retriever.lastCost.read).toBeLessThan(holding('w1'));
  });

  it('ranks equal scores by passage order, whatever order its blocks are read in', () => {
    // 130 passages as long as each other holding "x" once, but the last twice: its block
    // is read first, and the passage beside it, equal to the rest, must give way to the first.
    const docs = Array.from({ length: 130 }, (_, i) => ({
      id: `p${i}`,
      text: i === 129 ? 'x x' : `x f${i}`,
    }));
    const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
    index.addAll(docs);
    const equal = new TopKRetriever(index, { boost: {}, bm25, shortList: 8 });
    const got = equal.search(wordsPlan([['x']]), { k: 2 });
    expect(got.map((h) => h.documentId)).toEqual(['p129', 'p0']);
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

// Random corpora and plans against the exhaustive ranking (exhaustive.ts): the pruning,
// the typed lists and their cache must never change what comes out.
type Doc = { id: string; text: string; title: string; names: string };
const FIELDS = ['text', 'title', 'names'] as const;
const randomBoost = { text: 1, title: 0.6, names: 1.5 };

function randomCorpus(seed: number, count: number) {
  const r = seededRandom(seed);
  const size = 60 + Math.floor(r() * 300);
  // Words of a few letters, some sharing beginnings, so prefixes and typos find several.
  const words = Array.from({ length: size }, (_, i) => `${'abcdefgh'[i % 8]}${i.toString(36)}x`);
  const word = () => words[Math.floor(words.length * r() ** 3)] ?? 'a0x';
  const make = (id: string): Doc => ({
    id,
    text: Array.from({ length: 1 + Math.floor(r() * 25) }, word).join(' '),
    title: Array.from({ length: Math.floor(r() * 4) }, word).join(' '),
    names: r() < 0.3 ? Array.from({ length: 1 + Math.floor(r() * 2) }, word).join(' ') : '',
  });
  return { r, words, word, make, docs: Array.from({ length: count }, (_, i) => make(`d${i}`)) };
}

function randomPlan(r: () => number, word: () => string): QueryPlan {
  const wordCount = 1 + Math.floor(r() * 4);
  const clauses: QueryPlan['clauses'] = [];
  for (let w = 0; w < wordCount; w++) {
    const alternatives = 1 + Math.floor(r() * 3);
    clauses.push({
      groups: [
        Array.from({ length: alternatives }, (_, a) => {
          const typo = r() < 0.15;
          const base = word();
          return {
            term: typo ? `${base.slice(0, -1)}q` : r() < 0.1 ? base.slice(0, 2) : base,
            weight: a === 0 ? 1 : 0.2 + r() * 0.7,
            prefix: r() < 0.15,
            fuzzy: typo ? 1 : 0,
            ...(a === 0 && r() < 0.7 ? {} : { source: `word ${w}` }),
          };
        }),
      ],
      covers: [w],
    });
  }
  // Now and then an alias: a conjunction of two words, weighted lower.
  if (r() < 0.3) {
    clauses.push({
      groups: [
        [{ term: word(), weight: 0.6, prefix: false, fuzzy: 0 }],
        [{ term: word(), weight: 0.6, prefix: false, fuzzy: 0 }],
      ],
      covers: [Math.floor(r() * wordCount)],
    });
  }
  return {
    clauses,
    wordWeights: Array.from({ length: wordCount }, () => 0.5 + r() * 3),
    minCoverage: [0, 0.25, 0.5][Math.floor(r() * 3)] ?? 0,
    expansionWeights: weights,
  };
}

function expectSameRanking(
  got: { documentId: string; score: number }[],
  want: { id: string; score: number }[],
  context: string,
) {
  expect(
    got.map((h) => h.score),
    context,
  ).toEqual(want.map((h) => expect.closeTo(h.score, 9)));
  const last = want[want.length - 1]?.score ?? 0;
  const above = (hits: { id: string; score: number }[]) =>
    hits
      .filter((h) => h.score > last * (1 + 1e-9))
      .map((h) => h.id)
      .sort();
  expect(above(got.map((h) => ({ id: h.documentId, score: h.score }))), context).toEqual(
    above(want),
  );
}

function newIndex(docs: Doc[]) {
  const index = new MiniSearch<Doc>({
    fields: [...FIELDS],
    searchOptions: { boost: randomBoost, bm25 },
  });
  index.addAll(docs);
  return index;
}

const termsOf = (doc: Doc) => FIELDS.flatMap((f) => doc[f].split(' ').filter((t) => t !== ''));

describe('TopKRetriever against an exhaustive ranking', () => {
  const options = { boost: randomBoost, bm25 };

  it('ranks random plans over random corpora as scoring every passage does', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { r, word, docs } = randomCorpus(seed, 300 + Math.floor(seed * 150));
      const index = newIndex(docs);
      const shortList = [2, 8, 32, 1024][seed % 4] ?? 8;
      const retriever = new TopKRetriever(index, { ...options, shortList });
      for (let q = 0; q < 30; q++) {
        const plan = randomPlan(r, word);
        const k = [1, 3, 10, 25][q % 4] ?? 10;
        const filtered = q % 5 === 0;
        const accept = (id: string) => Number(id.slice(1)) % 3 !== 0;
        const got = retriever.search(plan, { k, ...(filtered ? { accept } : {}) });
        const want = exhaustiveTopK(index, plan, k, options, filtered ? accept : undefined);
        expectSameRanking(got, want, `seed ${seed} query ${q}: ${JSON.stringify(plan)}`);
      }
    }
  });

  it('primes over three smaller frequent terms of set sizes, their lists built, and ranks those plans exactly', () => {
    // With short lists of 4: "big" in 24 postings (16-32: 20 texts, 4 titles), "mid" in 10
    // (8-12), "low" in 5 (4-6), and "top" in too many to be one of them; repeats of a word
    // in a passage vary the scores.
    const docs: Doc[] = Array.from({ length: 40 }, (_, i) => ({
      id: `d${i}`,
      text: [
        `f${i}`,
        'top',
        ...(i < 20 ? Array.from({ length: 1 + (i % 3) }, () => 'big') : []),
        ...(i % 4 === 0 ? Array.from({ length: 1 + (i % 8) / 4 }, () => 'mid') : []),
        ...(i % 8 === 1 ? ['low'] : []),
      ].join(' '),
      title: i >= 36 ? 'big' : i % 7 === 0 ? 'top' : '',
      names: '',
    }));
    const index = newIndex(docs);
    const retriever = new TopKRetriever(index, { ...options, shortList: 4 });
    const plans = retriever.primingPlans();
    const words = new Set(
      plans.flatMap((plan) => plan.clauses.flatMap((c) => c.groups.flat().map((t) => t.term))),
    );
    expect([...words].sort()).toEqual(['big', 'low', 'mid']);
    for (const word of words) expect(retriever.isCached(word)).toBe(true);
    expect(retriever.isCached('top')).toBe(false);
    expect(plans.length).toBeGreaterThan(0);
    for (const [i, plan] of plans.entries()) {
      for (const k of [1, 3, 25]) {
        const want = exhaustiveTopK(index, plan, k, options);
        expectSameRanking(retriever.search(plan, { k }), want, `plan ${i}, k ${k}`);
      }
    }
  });

  it('primes nothing where no terms are of those sizes', () => {
    const { docs } = randomCorpus(5, 60);
    const retriever = new TopKRetriever(newIndex(docs), { ...options, shortList: 1024 });
    expect(retriever.primingPlans()).toEqual([]);
    expect(retriever.cache.lists).toBe(0);
  });

  it('stays exact while passages are added, removed and re-indexed under new terms', async () => {
    const { r, word, make, docs } = randomCorpus(99, 800);
    const index = newIndex(docs);
    const retriever = new TopKRetriever(index, { ...options, shortList: 16 });
    await retriever.warm();
    const live = new Map(docs.map((d) => [d.id, d]));
    let next = docs.length;
    const check = (step: string) => {
      for (let q = 0; q < 15; q++) {
        const plan = randomPlan(r, word);
        expectSameRanking(
          retriever.search(plan, { k: 10 }),
          exhaustiveTopK(index, plan, 10, options),
          `${step}, query ${q}`,
        );
      }
    };
    check('warm');
    for (let step = 0; step < 6; step++) {
      const touched = new Set<string>();
      // Added: new passages, often holding the most frequent words (whose lists are cached).
      for (let i = 0; i < 5; i++) {
        const doc = make(`d${next++}`);
        index.add(doc);
        live.set(doc.id, doc);
        for (const t of termsOf(doc)) touched.add(t);
      }
      // Removed: discarded, their postings left in MiniSearch's maps until it vacuums.
      for (const id of [...live.keys()].filter(() => r() < 0.01)) {
        index.discard(id);
        live.delete(id);
      }
      // Renamed: the same passage indexed again with other terms (a new short id).
      for (const id of [...live.keys()].filter(() => r() < 0.01)) {
        const doc = { ...make(id), id };
        index.replace(doc);
        live.set(id, doc);
        for (const t of termsOf(doc)) touched.add(t);
      }
      retriever.noteIndexed(touched);
      check(`after update ${step}`);
    }
    await index.vacuum();
    check('after vacuum');
  });

  it('keeps the lists of terms an update did not touch, and extends those it did', async () => {
    const { docs } = randomCorpus(5, 600);
    const index = newIndex(docs);
    const retriever = new TopKRetriever(index, { ...options, shortList: 16 });
    await retriever.warm();
    const frequent = [...new Set(docs.flatMap(termsOf))].filter((t) => retriever.isCached(t));
    expect(frequent.length).toBeGreaterThan(3);
    const [changed, kept] = frequent;
    if (!changed || !kept) throw new Error('no cached terms');
    const added = {
      id: 'added',
      text: `${changed} ${changed} ${changed}`,
      title: changed,
      names: '',
    };
    index.add(added);
    retriever.noteIndexed(termsOf(added));
    // Kept, to be extended when read: rebuilding a frequent word's list was the longest
    // search reply right after an update.
    expect(retriever.isCached(changed)).toBe(true);
    expect(retriever.isCached(kept)).toBe(true);
    const plan = wordsPlan([[changed]]);
    const hits = retriever.search(plan, { k: docs.length });
    expect(hits.map((h) => h.documentId)).toContain('added');
    expectSameRanking(hits, exhaustiveTopK(index, plan, docs.length, options), changed);
    expect(retriever.isCached(changed)).toBe(true);
  });

  it('builds a list again after an update larger than it extends over', async () => {
    const { make, docs } = randomCorpus(8, 600);
    const index = newIndex(docs);
    const retriever = new TopKRetriever(index, { ...options, shortList: 16 });
    await retriever.warm();
    const [term] = [...new Set(docs.flatMap(termsOf))].filter((t) => retriever.isCached(t));
    if (!term) throw new Error('no cached terms');
    const added = Array.from({ length: 4200 }, (_, i) => make(`big${i}`));
    added.push({ id: 'big-last', text: `${term} ${term} ${term}`, title: term, names: '' });
    index.addAll(added);
    retriever.noteIndexed(new Set(added.flatMap(termsOf)));
    expect(retriever.isCached(term)).toBe(false);
    const plan = wordsPlan([[term]]);
    const hits = retriever.search(plan, { k: 10 });
    expectSameRanking(hits, exhaustiveTopK(index, plan, 10, options), term);
  });

  it('drops every list when passages are added behind its back', async () => {
    const { docs } = randomCorpus(6, 400);
    const index = newIndex(docs);
    const retriever = new TopKRetriever(index, { ...options, shortList: 16 });
    await retriever.warm();
    expect(retriever.cache.lists).toBeGreaterThan(0);
    const [term] = [...new Set(docs.flatMap(termsOf))].filter((t) => retriever.isCached(t));
    if (!term) throw new Error('no cached terms');
    index.add({ id: 'behind', text: `${term} ${term} ${term} ${term}`, title: term, names: term });
    const hits = retriever.search(wordsPlan([[term]]), { k: 1 });
    expect(hits[0]?.documentId).toBe('behind');
  });

  it('keeps its lists within the bytes it is given', () => {
    const { r, word, docs } = randomCorpus(7, 1500);
    const index = newIndex(docs);
    const cacheBytes = 16 * 1024;
    const retriever = new TopKRetriever(index, { ...options, shortList: 8, cacheBytes });
    for (let q = 0; q < 60; q++) {
      const plan = randomPlan(r, word);
      expectSameRanking(
        retriever.search(plan, { k: 5 }),
        exhaustiveTopK(index, plan, 5, options),
        `query ${q}`,
      );
      expect(retriever.cache.listBytes).toBeLessThanOrEqual(cacheBytes);
    }
  });
});

describe('the dense field lengths', () => {
  it('copied in slices (as the warm-up does) equal one copy of them all', () => {
    const { docs } = randomCorpus(7, 300);
    const index = newIndex(docs);
    index.discard(docs[5]?.id ?? '');
    const internals = index as unknown as MiniInternals;
    const sliced = new PostingStore(internals);
    const whole = new PostingStore(internals);
    whole.sync();
    let slices = 1;
    while (!sliced.syncLengthsSome(64)) slices++;
    // 300 passages, 64 at a time.
    expect(slices).toBe(5);
    for (const fieldId of Object.values(internals._fieldIds)) {
      const want = whole.lengthsOf(fieldId).subarray(0, internals._nextId);
      expect([...sliced.lengthsOf(fieldId).subarray(0, internals._nextId)]).toEqual([...want]);
      expect(want.some((length) => length > 0)).toBe(true);
    }
  });
});
