/**
 * PostgreSQL's candidates ranked by Kilde's BM25+ from their stored tsvectors: the text
 * form read back exactly, rarity counted (which ts_rank_cd ignores), clauses complete or
 * not at all, and the coordination factor. Pure: no database.
 */
import { describe, expect, it } from 'vitest';
import {
  type CorpusStats,
  matchersOf,
  parseTsvector,
  scoreCandidate,
} from '../../src/postgres/rescore';
import { tsvectorLiteral } from '../../src/postgres/tsvector';
import type { QueryPlan } from '../../src/search/plan';
import { DEFAULT_TUNING } from '../../src/search/tuning';

/** What PostgreSQL prints for a literal: the same lexemes, positions and weights (D unlettered). */
function printed(fields: Parameters<typeof tsvectorLiteral>[0]): string {
  return tsvectorLiteral(fields).replace(/(\d+)D/g, '$1');
}

function plan(
  words: { term: string; prefix?: boolean }[][],
  aliases: string[][][] = [],
): QueryPlan {
  return {
    clauses: [
      ...words.map((alternatives, i) => ({
        groups: [
          alternatives.map((a) => ({
            term: a.term,
            weight: 1,
            prefix: a.prefix === true,
            fuzzy: 0,
          })),
        ],
        covers: [i],
      })),
      ...aliases.map((groups) => ({
        groups: groups.map((g) =>
          g.map((term) => ({ term, weight: 0.6, prefix: false, fuzzy: 0 })),
        ),
        covers: [0],
      })),
    ],
    wordWeights: words.map(() => 1),
    minCoverage: 0.25,
    expansionWeights: { prefix: 0.375, fuzzy: 0.45 },
  };
}

const corpus = (df: Record<string, number>): CorpusStats => ({
  documentCount: 10_000,
  documentFrequency: (term) => df[term] ?? 0,
  averageLengths: [2, 6, 3, 40],
});

describe('reading a stored tsvector', () => {
  it('gives each lexeme its frequency per field and each field its length', () => {
    const parsed = parseTsvector(
      printed({ text: ['fred', 'samtal', 'fred'], title: ['genève'], names: ["o'neill"] }),
    );
    expect(parsed.tf.get('fred')).toEqual([0, 0, 0, 2]);
    expect(parsed.tf.get('genève')).toEqual([0, 1, 0, 0]);
    expect(parsed.tf.get("o'neill")).toEqual([1, 0, 0, 0]);
    expect(parsed.lengths).toEqual([1, 1, 0, 3]);
  });

  it('counts a lexeme stored without positions once, in the text', () => {
    expect(parseTsvector("'ord' 'annet':3B").tf.get('ord')).toEqual([0, 0, 0, 1]);
  });
});

describe('ranking candidates', () => {
  const stats = corpus({ sier: 6000, regjering: 900, statsbudsjett: 12 });
  const score = (text: string[], p: QueryPlan) =>
    scoreCandidate(
      parseTsvector(printed({ text })),
      matchersOf(p, new Map()),
      stats,
      DEFAULT_TUNING,
    );

  it('a rare word the question is about outweighs a common word said three times', () => {
    const asked = plan([[{ term: 'sier' }], [{ term: 'statsbudsjett' }]]);
    const rare = score(['statsbudsjett', 'kommun', 'la', 'fram'], asked);
    const common = score(['sier', 'sier', 'sier', 'leder'], asked);
    expect(rare).toBeGreaterThan(common);
  });

  it('two words matched count twice: the coordination factor', () => {
    const asked = plan([[{ term: 'regjering' }], [{ term: 'statsbudsjett' }]]);
    const one = score(['statsbudsjett', 'vedtatt'], asked);
    const both = score(['statsbudsjett', 'regjering'], asked);
    expect(both).toBeGreaterThan(2 * one);
  });

  it('an alias name counts only when all its words are there', () => {
    const asked = plan([[{ term: 'xyz' }]], [[['jonas'], ['støre']]]);
    expect(score(['jonas', 'vant'], asked)).toBe(0);
    expect(score(['jonas', 'støre', 'vant'], asked)).toBeGreaterThan(0);
  });

  it('a prefix matches longer words, below the word itself', () => {
    const asked = plan([[{ term: 'budsjett', prefix: true }]]);
    const longer = score(['budsjettforlik'], asked);
    const exact = score(['budsjett'], asked);
    expect(longer).toBeGreaterThan(0);
    expect(exact).toBeGreaterThan(longer);
  });

  it('a close spelling from the archive scores below the exact word', () => {
    const asked = plan([[{ term: 'statsbudsjet' }]]);
    const close = new Map([['statsbudsjet', ['statsbudsjett']]]);
    const candidate = parseTsvector(printed({ text: ['statsbudsjett'] }));
    const fuzzy = scoreCandidate(candidate, matchersOf(asked, close), stats, DEFAULT_TUNING);
    const exact = score(['statsbudsjett'], plan([[{ term: 'statsbudsjett' }]]));
    expect(fuzzy).toBeGreaterThan(0);
    expect(fuzzy).toBeLessThan(exact);
  });
});
