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
  /**
   * What the term counts as for the coordination factor (default: the term itself). The
   * parts, translations and neighbours of a query word share the word's, so a passage
   * matching three translations of one word is not rewarded as if it matched three words.
   */
  source?: string;
}

/** What a plan may ask of the index: how many passages hold a term. */
export interface TermStats {
  readonly documentCount: number;
  documentFrequency(term: string): number;
}

/**
 * The plan for an analysed query: each word with its alternatives (typed stems, parts,
 * translations, fuzzy neighbours, as analysis weighed them), aliases as lower-weighted
 * conjunctions. Analysis has already expanded fuzzy matches into terms of the query's own
 * language, so the plan asks for none; prefixes only where analysis marked them.
 */
export function planQuery(
  analysed: AnalysedQuery,
  stats: TermStats,
  tuning: SearchTuning,
): QueryPlan {
  const total = stats.documentCount;
  const clauses: PlanClause[] = [];
  const weights: (number | undefined)[] = [];
  analysed.words.forEach((word, i) => {
    const df = Math.max(0, ...word.alternatives.map((a) => stats.documentFrequency(a.term)));
    // BM25's idf: coverage counts rare words more than common ones. A word the index does
    // not hold (a typo, a word no passage uses, one the lexicon cannot translate) is
    // weighed below, from the words it does hold.
    weights.push(df === 0 ? undefined : idf(total, df));
    // Analysis that could not see the vocabulary left close spellings to retrieval: an
    // unknown word is then matched within the same edit distance analysis would allow.
    const fuzzy = !analysed.sawVocabulary && df === 0 ? word.maxEdits : 0;
    // The word's other terms count for coordination as its first typed term: a passage
    // holding "O'Rourke" and its part "rourke", or a word and its translation, matched one
    // query word, not two.
    const wordSource = word.alternatives.find((a) => a.source === 'typed')?.term ?? `word ${i}`;
    clauses.push({
      groups: [
        word.alternatives.map((a) => ({
          term: a.term,
          weight: a.weight,
          prefix: a.prefix === true && a.term.length >= tuning.prefixMinLength,
          fuzzy: a.source === 'typed' ? fuzzy : 0,
          ...(a.source === 'typed' ? {} : { source: wordSource }),
        })),
      ],
      covers: [i],
    });
  });
  // An unknown word weighs as much as the known words do on average (scaled by the
  // tuning): as the rarest possible word it would push every hit of an English question
  // with one untranslated word under the coverage floor; as nothing, a question of unknown
  // words and one common word would match that word alone.
  const known = weights.filter((w): w is number => w !== undefined);
  const unknownWeight =
    known.length > 0
      ? (tuning.unknownWordWeight * known.reduce((a, b) => a + b, 0)) / known.length
      : idf(total, 1);
  // A word the archive lacks that is surely meant as typed (the lexicon knows it, or it
  // is a name) says the archive is not about it and keeps that weight; one that may be a
  // slip of the keys ("henedlsen") says little, so the other words decide more.
  const wordWeights = weights.map(
    (w, i) => w ?? unknownWeight * (analysed.words[i]?.meantAsTyped ? 1 : tuning.slipWordWeight),
  );
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

/** BM25's inverse document frequency. */
function idf(total: number, df: number): number {
  return Math.log(1 + (total - df + 0.5) / (df + 0.5));
}
