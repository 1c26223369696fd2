import type { AnalysedQuery } from './query';
import type { SearchTuning } from './tuning';

/**
 * The seam between query analysis and retrieval. Analysis (query.ts, src/language) decides
 * which index terms stand for the query and how much each weighs; retrieval (top-k.ts)
 * only finds and scores the passages for such a plan and knows nothing of languages.
 *
 * A plan is a sum of clauses. A passage's score is the sum of the clauses it satisfies,
 * times the number of distinct `source` terms it matched (MiniSearch's own coordination
 * factor, which the tuning was done with). A clause counts only when every one of its
 * groups matches (one group for a query word; one per word of an alias name); a group
 * matches when any of its alternatives does.
 */
export interface QueryPlan {
  clauses: PlanClause[];
  /** Weight of each query word for coverage (how rare it is). */
  wordWeights: number[];
  /** A hit must match at least this share of the summed word weights. */
  minCoverage: number;
  /** Score weights of prefix and fuzzy matches relative to exact ones (MiniSearch's formula). */
  expansionWeights: { prefix: number; fuzzy: number };
}

export interface PlanClause {
  groups: PlanTerm[][];
  /** Indices in `wordWeights` of the query words a match of this clause covers. */
  covers: number[];
}

export interface PlanTerm {
  /** An index term, as analysed. */
  term: string;
  /** Multiplies the term's BM25 score (1 for a typed word; lower for an alias). */
  weight: number;
  /** Also match index terms that start with `term` (weighted by the prefix weight). */
  prefix: boolean;
  /** Also match index terms within this edit distance (0: none). */
  fuzzy: number;
}

/** The largest edit distance a fuzzy term gets, however long (MiniSearch's `maxFuzzy`). */
const MAX_FUZZY = 6;

/** What a plan may ask of the index: how many passages hold a term. */
export interface TermStats {
  readonly documentCount: number;
  documentFrequency(term: string): number;
}

/**
 * The plan for an analysed query: each word with its stems as alternatives, aliases as
 * lower-weighted conjunctions, fuzzy and prefix matching only where the index lacks the word.
 */
export function planQuery(
  analysed: AnalysedQuery,
  stats: TermStats,
  tuning: SearchTuning,
): QueryPlan {
  const total = stats.documentCount;
  const clauses: PlanClause[] = [];
  const wordWeights: number[] = [];
  analysed.words.forEach((word, i) => {
    const df = Math.max(0, ...word.terms.map((t) => stats.documentFrequency(t)));
    // BM25's idf: coverage counts rare words more than common ones. A word the index
    // does not hold (a typo, or a word no passage uses) would dwarf the others, so it
    // weighs as much as the rarest possible known word.
    const known = Math.max(df, 1);
    wordWeights.push(Math.log(1 + (total - known + 0.5) / (known + 0.5)));
    const head = word.terms[0] ?? '';
    // Fuzzy only for words the index does not hold: a known word is taken as meant, and
    // fuzzying it would pull in its neighbours ("Oslo" -> "Osló") and cost time.
    const fuzzy = df === 0 && head.length >= tuning.fuzzyMinLength;
    // Likewise a prefix only for an unfinished last word: a complete word is meant as
    // typed, and expanding a short one ("stor") walks thousands of terms (bench p99).
    const prefix = word.last && df === 0 && head.length >= tuning.prefixMinLength;
    clauses.push({
      groups: [
        word.terms.map((term) => ({
          term,
          weight: 1,
          prefix,
          fuzzy: fuzzy ? Math.min(MAX_FUZZY, Math.round(term.length * tuning.fuzzy)) : 0,
        })),
      ],
      covers: [i],
    });
  });
  for (const expansion of analysed.aliases) {
    for (const name of expansion.names) {
      if (name.length === 0) continue;
      clauses.push({
        groups: name.map((alternatives) =>
          alternatives.map((term) => ({
            term,
            weight: tuning.aliasWeight,
            prefix: false,
            fuzzy: 0,
          })),
        ),
        covers: [...expansion.covers],
      });
    }
  }
  return {
    clauses,
    wordWeights,
    minCoverage: tuning.minCoverage,
    expansionWeights: { ...tuning.weights },
  };
}
