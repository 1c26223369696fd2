import type MiniSearch from 'minisearch';
import type { QueryPlan } from '../../src/search/plan';

/**
 * The plan's ranking the slow, obvious way, for comparing the retriever with: every live
 * passage scored with MiniSearch's BM25+ from its own maps, every clause checked, nothing
 * pruned or cached. Expansions are found by walking all index terms (a plain edit
 * distance), not through MiniSearch's tree.
 */

type TermData = Map<number, Map<number, number>>;
interface Internals {
  _index: Iterable<[string, TermData]> & { get(term: string): TermData | undefined };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
}

export interface ReferenceOptions {
  boost: Readonly<Record<string, number>>;
  bm25: { k: number; b: number; d: number };
  /** First letters a fuzzy match keeps as typed (the retriever's default is 1). */
  fuzzyPrefix?: number;
}

export function exhaustiveTopK(
  mini: MiniSearch<never> | MiniSearch<{ id: string }>,
  plan: QueryPlan,
  k: number,
  options: ReferenceOptions,
  accept: (id: string) => boolean = () => true,
): { id: string; score: number }[] {
  const m = mini as unknown as Internals;
  const { k: bk, b, d } = options.bm25;
  const n = m._documentCount;
  const allTerms = [...m._index].map(([term]) => term);
  const sourceIds = new Map<string, number>();
  const clauses = plan.clauses.map((clause) => ({
    covers: clause.covers,
    groups: clause.groups.map((group) =>
      group.flatMap((planTerm) => {
        const sourceKey = planTerm.source ?? planTerm.term;
        if (!sourceIds.has(sourceKey)) sourceIds.set(sourceKey, sourceIds.size);
        const source = sourceIds.get(sourceKey) ?? 0;
        const out: { term: string; weight: number; source: number }[] = [];
        const keep = options.fuzzyPrefix ?? 1;
        if (!planTerm.prefix && planTerm.fuzzy === 0) {
          if (m._index.get(planTerm.term))
            out.push({ term: planTerm.term, weight: planTerm.weight, source });
          return out;
        }
        for (const term of allTerms) {
          if (term === planTerm.term) {
            out.push({ term, weight: planTerm.weight, source });
            continue;
          }
          if (planTerm.prefix && term.startsWith(planTerm.term)) {
            const distance = term.length - planTerm.term.length;
            const w = (plan.expansionWeights.prefix * term.length) / (term.length + 0.3 * distance);
            out.push({ term, weight: planTerm.weight * w, source });
            continue;
          }
          if (planTerm.fuzzy > 0 && term.slice(0, keep) === planTerm.term.slice(0, keep)) {
            const distance = editDistance(term, planTerm.term);
            if (distance > planTerm.fuzzy) continue;
            const w = (plan.expansionWeights.fuzzy * term.length) / (term.length + distance);
            out.push({ term, weight: planTerm.weight * w, source });
          }
        }
        return out;
      }),
    ),
  }));
  const fieldBoost = new Map(
    Object.entries(m._fieldIds).map(([name, id]) => [id, options.boost[name] ?? 1]),
  );
  const dataOf = new Map<string, TermData | undefined>();
  const contribution = (term: string, weight: number, doc: number): number => {
    if (!dataOf.has(term)) dataOf.set(term, m._index.get(term));
    const data = dataOf.get(term);
    if (!data) return 0;
    let sum = 0;
    for (const [fieldId, tfs] of data) {
      const tf = tfs.get(doc);
      const boost = fieldBoost.get(fieldId);
      if (tf === undefined || boost === undefined) continue;
      const df = tfs.size;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const length = m._fieldLength.get(doc)?.[fieldId] ?? 0;
      const avg = m._avgFieldLength[fieldId] ?? 1;
      sum +=
        weight * boost * idf * (d + (tf * (bk + 1)) / (tf + bk * (1 - b + (b * length) / avg)));
    }
    return sum;
  };
  const wordTotal = plan.wordWeights.reduce((x, y) => x + y, 0);
  const scored: { id: string; score: number }[] = [];
  for (const [doc, id] of m._documentIds) {
    let sum = 0;
    const sources = new Set<number>();
    const covered = new Set<number>();
    for (const clause of clauses) {
      const parts = clause.groups.map((group) =>
        group.map((t) => ({ ...t, c: contribution(t.term, t.weight, doc) })).filter((t) => t.c > 0),
      );
      if (parts.some((p) => p.length === 0)) continue;
      for (const p of parts) {
        for (const t of p) {
          sum += t.c;
          sources.add(t.source);
        }
      }
      for (const w of clause.covers) covered.add(w);
    }
    if (sources.size === 0 || sum <= 0) continue;
    if (wordTotal > 0) {
      let share = 0;
      for (const w of covered) share += plan.wordWeights[w] ?? 0;
      if (share / wordTotal < plan.minCoverage) continue;
    }
    if (!accept(id)) continue;
    scored.push({ id, score: sum * sources.size });
  }
  return scored.sort((x, y) => y.score - x.score).slice(0, k);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
