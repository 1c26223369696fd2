import { type AlternativeWeights, DEFAULT_ALTERNATIVE_WEIGHTS } from './query';

/**
 * Ranking parameters. Tuned on NorQuAD validation only (eval/retrieval.ts); test figures
 * are reported, never tuned on.
 */
export interface SearchTuning {
  /** Field boosts: a match in a sub-heading or a named entity says more than one in running text. */
  boost: { text: number; heading: number; title: number; names: number; parts: number };
  /** Weight of another name of an aliased thing relative to the name the user typed. */
  aliasWeight: number;
  /** Weights of a word's parts, translations and fuzzy neighbours (query analysis decides which). */
  alternatives: AlternativeWeights;
  /** The last word of a query, when the index does not hold it, is matched as a prefix from this length. */
  prefixMinLength: number;
  /** MiniSearch weights of prefix and fuzzy matches relative to exact ones. */
  weights: { fuzzy: number; prefix: number };
  /**
   * A hit must match at least this share of the query's content words, weighted by how rare
   * each word is: one common word shared with a long question is noise, not an answer.
   */
  minCoverage: number;
  /**
   * The relevance floor: when the best passage covers less than this share of the query,
   * the search answers "nothing found" rather than show unrelated passages.
   */
  minBestCoverage: number;
  /** Coverage weight of a query word the archive does not hold, relative to the known words' mean. */
  unknownWordWeight: number;
  /**
   * Of those, the weight of a word that may be a slip (neither the lexicon knows it nor is
   * it written as a name), relative to one surely meant as typed.
   */
  slipWordWeight: number;
  bm25: { k: number; b: number; d: number };
}

export const DEFAULT_TUNING: SearchTuning = {
  // Validation: title 0.6 beat 1.2 and 2 (a title is shared by every passage of its
  // article, so it should steer, not decide); a heading above 1 lost a little.
  boost: { text: 1, heading: 0.7, title: 0.6, names: 1.5, parts: 0.8 },
  aliasWeight: 0.6,
  alternatives: DEFAULT_ALTERNATIVE_WEIGHTS,
  prefixMinLength: 3,
  weights: { fuzzy: 0.45, prefix: 0.375 },
  // Validation recall@5: 0.857 at 0.2, 0.849 at 0.25, 0.836 at 0.3, 0.76 at 0.5. 0.25 keeps
  // nearly all of it while dropping hits that share only common words with the query.
  minCoverage: 0.25,
  minBestCoverage: 0.3,
  // Validation: lowering all unknown words to 0.5 lost a question whose real word the
  // archive lacks ("oppnå"); on validation questions with one word's middle letters swapped
  // ("henedlsen"), a slip at 0.5 (or lower) found two answers more (MRR@10 0.686 -> 0.687).
  unknownWordWeight: 1,
  slipWordWeight: 0.5,
  // b 0.5 (less length normalisation than MiniSearch's 0.7): passages are single paragraphs
  // already, and long ones are not padded.
  bm25: { k: 1.2, b: 0.5, d: 0.5 },
};
