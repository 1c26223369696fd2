/**
 * Kilde's BM25+ ranking for PostgreSQL's candidates. The GIN index finds the passages that
 * match and `ts_rank_cd` picks the candidates, but `ts_rank_cd` knows nothing of how rare a
 * word is: a passage with a common word twice beat one with the rare word the question was
 * about. Each candidate's stored `tsvector` holds its terms with their positions, weighted
 * by field (tsvector.ts), which is what BM25 needs: the term frequency per field and the
 * field's length. So the candidates are scored here as the memory index scores passages
 * (the same parameters, field boosts, query-term weights and coordination factor), with
 * two approximations: a term's document frequency counts passages, not passages per
 * field, and compound parts share the text's weight (D).
 */
import type { QueryPlan } from '../search/plan';
import type { SearchTuning } from '../search/tuning';

/** tsvector weights in the order A, B, C, D: names, title, heading, text (and parts). */
const WEIGHTS = ['A', 'B', 'C', 'D'] as const;
type FieldCounts = [number, number, number, number];

export interface CandidateTerms {
  /** Term frequency per field (A, B, C, D) of every lexeme. */
  tf: Map<string, FieldCounts>;
  /** Positions per field: the field's length in terms. */
  lengths: FieldCounts;
}

/**
 * Reads PostgreSQL's text form of a tsvector: `'word':1A,4 'other':2B`. A position
 * without a letter has weight D.
 */
export function parseTsvector(text: string): CandidateTerms {
  const tf = new Map<string, FieldCounts>();
  const lengths: FieldCounts = [0, 0, 0, 0];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "'") {
      i++;
      continue;
    }
    // A quoted lexeme: '' is a quote inside it.
    let lexeme = '';
    i++;
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      if (text[i] === '\\' && i + 1 < text.length) i++;
      lexeme += text[i];
      i++;
    }
    const counts: FieldCounts = [0, 0, 0, 0];
    if (text[i] === ':') {
      i++;
      while (i < text.length && text[i] !== ' ') {
        while (i < text.length && /[0-9]/.test(text[i] ?? '')) i++;
        const letter = text[i];
        const field = letter === 'A' ? 0 : letter === 'B' ? 1 : letter === 'C' ? 2 : 3;
        if (letter === 'A' || letter === 'B' || letter === 'C' || letter === 'D') i++;
        counts[field]++;
        lengths[field]++;
        if (text[i] === ',') i++;
      }
    } else {
      // A lexeme without positions: one occurrence in running text.
      counts[3] = 1;
      lengths[3]++;
    }
    tf.set(lexeme, counts);
  }
  return { tf, lengths };
}

/** One way a group of a clause can match: an exact term, or terms starting with a prefix. */
export interface Matcher {
  term: string;
  prefix: boolean;
  /** The plan term's weight, times the expansion weight for a prefix or close spelling. */
  weight: number;
  /** What the match counts as for the coordination factor. */
  source: string;
}

export interface RescoreClause {
  groups: Matcher[][];
}

/** The matchers of a plan: each term exact, its prefix if asked, and its close spellings. */
export function matchersOf(
  plan: QueryPlan,
  closeTerms: ReadonlyMap<string, readonly string[]>,
): RescoreClause[] {
  return plan.clauses.map((clause) => ({
    groups: clause.groups.map((group) =>
      group.flatMap((t) => {
        const source = t.source ?? t.term;
        const matchers: Matcher[] = [{ term: t.term, prefix: false, weight: t.weight, source }];
        if (t.prefix) {
          const weight = t.weight * plan.expansionWeights.prefix;
          matchers.push({ term: t.term, prefix: true, weight, source });
        }
        for (const close of closeTerms.get(t.term) ?? []) {
          const weight = t.weight * plan.expansionWeights.fuzzy;
          matchers.push({ term: close, prefix: false, weight, source });
        }
        return matchers;
      }),
    ),
  }));
}

export interface CorpusStats {
  documentCount: number;
  documentFrequency(term: string): number;
  /** The mean length of each field (A, B, C, D) over the archive. */
  averageLengths: FieldCounts;
}

/** Field boosts in tsvector weight order, from the memory index's tuning. */
export function fieldBoosts(tuning: SearchTuning): FieldCounts {
  return [tuning.boost.names, tuning.boost.title, tuning.boost.heading, tuning.boost.text];
}

/**
 * A candidate's score: the sum of the clauses it satisfies (every group matched), each
 * matched term's BM25+ impact times its weight, times the number of distinct sources
 * matched (MiniSearch's coordination factor, as in memory).
 */
export function scoreCandidate(
  candidate: CandidateTerms,
  clauses: readonly RescoreClause[],
  stats: CorpusStats,
  tuning: SearchTuning,
): number {
  const { k, b, d } = tuning.bm25;
  const boosts = fieldBoosts(tuning);
  const impact = (lexeme: string, counts: FieldCounts): number => {
    const df = Math.max(1, stats.documentFrequency(lexeme));
    const idf = Math.log(1 + (stats.documentCount - df + 0.5) / (df + 0.5));
    let sum = 0;
    for (let f = 0; f < WEIGHTS.length; f++) {
      const tf = counts[f] ?? 0;
      if (tf === 0) continue;
      const length = candidate.lengths[f] ?? 0;
      const average = Math.max(1, stats.averageLengths[f] ?? 1);
      sum +=
        (boosts[f] ?? 1) * idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
    }
    return sum;
  };
  let total = 0;
  const sources = new Set<string>();
  for (const clause of clauses) {
    let clauseScore = 0;
    const clauseSources: string[] = [];
    let complete = true;
    for (const group of clause.groups) {
      let groupScore = 0;
      for (const m of group) {
        if (m.prefix) {
          for (const [lexeme, counts] of candidate.tf) {
            if (lexeme === m.term || !lexeme.startsWith(m.term)) continue;
            groupScore += m.weight * impact(lexeme, counts);
            clauseSources.push(m.source);
          }
        } else {
          const counts = candidate.tf.get(m.term);
          if (!counts) continue;
          groupScore += m.weight * impact(m.term, counts);
          clauseSources.push(m.source);
        }
      }
      if (groupScore <= 0) {
        complete = false;
        break;
      }
      clauseScore += groupScore;
    }
    if (!complete) continue;
    total += clauseScore;
    for (const s of clauseSources) sources.add(s);
  }
  return total * sources.size;
}
