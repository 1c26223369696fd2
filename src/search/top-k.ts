import type MiniSearch from 'minisearch';
import type { QueryPlan } from './plan';

/**
 * Top-k retrieval over MiniSearch's own inverted index, touching as few postings as the
 * query allows.
 *
 * MiniSearch's `search` scores every passage that holds any query term, builds a result
 * object for each and sorts them all: a query with one frequent word ("filmen") costs
 * 10-27k results at 400k passages to keep 25. Here, with the same BM25+ scores and the
 * same coordination factor (a hit's summed score times the number of query terms it
 * matched), so the ranking is MiniSearch's:
 *
 * - a term held by few passages (a "short" list) is scored whole: its passages are the
 *   likely answers, and they set a high bar at once;
 * - a frequent term's postings are read in impact order (its BM25+ contribution per
 *   passage, sorted once and cached), in parallel, best head first, with every passage
 *   met scored exactly from the index (Fagin's threshold algorithm);
 * - it stops when the k-th best accepted hit scores at least what any passage not yet
 *   met could: the sum of the list heads, times the number of query terms still open.
 *
 * The cost grows with k and with the rare terms' postings, not with how common a word is.
 */

type FieldTermData = Map<number, Map<number, number>>;

interface SearchableMapView {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
}

/** The parts of a MiniSearch instance this reads (protected there; checked at construction). */
interface MiniInternals {
  _index: SearchableMapView;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
}

export interface ScoringOptions {
  /** Field boosts by field name, as given to MiniSearch. */
  boost: Readonly<Record<string, number>>;
  bm25: { k: number; b: number; d: number };
  /**
   * Terms with at most this many postings are scored whole rather than in impact order
   * (default 1024: below that, sorting costs more than it saves).
   */
  shortList?: number;
}

export interface TopKOptions {
  k: number;
  /** Passages that may be returned (by MiniSearch document id). */
  accept?: (documentId: string) => boolean;
}

export interface TopKHit {
  documentId: string;
  score: number;
  /** Index terms of the passage that matched, prefix and fuzzy expansions included. */
  matchedTerms: string[];
}

/** Postings of one term in one field, with what BM25 needs of the field. */
interface FieldPostings {
  fieldId: number;
  boost: number;
  idf: number;
  tfs: Map<number, number>;
  avgLength: number;
}

/** One index term a plan term stands for (itself, or a prefix or fuzzy expansion). */
interface Derived {
  term: string;
  weight: number;
  source: number;
  fields: FieldPostings[];
  /** Postings over all fields (an upper bound on the passages holding it). */
  postings: number;
}

interface CompiledClause {
  groups: Derived[][];
  covers: readonly number[];
}

/** A frequent term's passages in descending order of its (unweighted) contribution. */
interface ImpactList {
  docs: Int32Array;
  impacts: Float64Array;
}

const SHORT_LIST = 1024;
/** Impact lists cached, in postings, before the cache starts over (about 12 bytes each). */
const CACHE_POSTINGS = 4_000_000;

/** What the last search cost: passages scored exactly, and postings read from impact lists. */
export interface RetrievalCost {
  scored: number;
  read: number;
}

export class TopKRetriever {
  /** The cost of the latest search, for the benchmark and tests. */
  readonly lastCost: RetrievalCost = { scored: 0, read: 0 };
  private readonly mini: MiniInternals;
  private readonly fields: { fieldId: number; boost: number }[];
  private readonly impactCache = new Map<string, ImpactList>();
  private cachedPostings = 0;
  private cacheVersion = '';
  /** Per document id: the query stamp that last saw it. */
  private seen = new Uint32Array(0);
  private stamp = 0;
  private scratch = new Float64Array(0);

  constructor(
    mini: MiniSearch<never> | MiniSearch<{ id: string }>,
    private readonly options: ScoringOptions,
  ) {
    this.mini = internalsOf(mini);
    this.fields = Object.entries(this.mini._fieldIds).map(([name, fieldId]) => ({
      fieldId,
      boost: options.boost[name] ?? 1,
    }));
  }

  /** How many passages hold `term` in their most common field (0 when none). */
  documentFrequency(term: string): number {
    const data = this.mini._index.get(term);
    if (!data) return 0;
    let df = 0;
    for (const docs of data.values()) df = Math.max(df, docs.size);
    return df;
  }

  get documentCount(): number {
    return this.mini._documentCount;
  }

  search(plan: QueryPlan, options: TopKOptions): TopKHit[] {
    if (options.k <= 0) return [];
    this.checkVersion();
    const sources: string[] = [];
    const clauses = this.compile(plan, sources);
    const wordTotal = plan.wordWeights.reduce((a, b) => a + b, 0);
    const mini = this.mini;
    const stamp = this.nextStamp();
    const seen = this.seen;
    const sourceSeen = new Uint32Array(sources.length);
    let sourceStamp = 0;
    const wordHit = new Uint8Array(plan.wordWeights.length);

    // The exact score of one passage, or -1 when it misses the coverage floor.
    const score = (doc: number): number => {
      sourceStamp++;
      let distinct = 0;
      let sum = 0;
      wordHit.fill(0);
      for (const clause of clauses) {
        let clauseSum = 0;
        let complete = true;
        for (const group of clause.groups) {
          let groupSum = 0;
          for (const derived of group) groupSum += derived.weight * this.impact(derived, doc);
          if (groupSum === 0) {
            complete = false;
            break;
          }
          clauseSum += groupSum;
        }
        if (!complete) continue;
        sum += clauseSum;
        for (const w of clause.covers) wordHit[w] = 1;
        for (const group of clause.groups) {
          for (const derived of group) {
            if (sourceSeen[derived.source] === sourceStamp) continue;
            if (this.impact(derived, doc) === 0) continue;
            sourceSeen[derived.source] = sourceStamp;
            distinct++;
          }
        }
      }
      if (sum === 0) return -1;
      if (wordTotal > 0) {
        let covered = 0;
        for (let w = 0; w < wordHit.length; w++)
          if (wordHit[w]) covered += plan.wordWeights[w] ?? 0;
        if (covered / wordTotal < plan.minCoverage) return -1;
      }
      return sum * distinct;
    };

    const cost = this.lastCost;
    cost.scored = 0;
    cost.read = 0;
    const heap = new MinHeap(options.k);
    const accept = options.accept;
    const consider = (doc: number): void => {
      if (seen[doc] === stamp) return;
      seen[doc] = stamp;
      const id = mini._documentIds.get(doc);
      if (id === undefined) return; // removed, not yet vacuumed
      cost.scored++;
      const s = score(doc);
      if (s < 0 || (heap.full && s <= heap.min)) return;
      if (accept && !accept(id)) return;
      heap.push(s, doc);
    };

    // Rare terms first, whole: they hold the likely answers and raise the bar at once.
    const shortList = this.options.shortList ?? SHORT_LIST;
    const long: { derived: Derived; list: ImpactList; at: number; source: number }[] = [];
    for (const clause of clauses) {
      for (const group of clause.groups) {
        for (const derived of group) {
          if (derived.postings > shortList) {
            long.push({ derived, list: this.impactList(derived), at: 0, source: derived.source });
            continue;
          }
          for (const field of derived.fields) for (const doc of field.tfs.keys()) consider(doc);
        }
      }
    }

    // Then the frequent terms in impact order, until no passage not yet met can get in.
    const openSources = new Uint32Array(sources.length);
    let openStamp = 0;
    for (;;) {
      let bound = 0;
      let best = -1;
      let bestHead = -1;
      openStamp++;
      let open = 0;
      for (let i = 0; i < long.length; i++) {
        const cursor = long[i];
        if (cursor === undefined || cursor.at >= cursor.list.docs.length) continue;
        const head = cursor.derived.weight * (cursor.list.impacts[cursor.at] ?? 0);
        bound += head;
        if (openSources[cursor.source] !== openStamp) {
          openSources[cursor.source] = openStamp;
          open++;
        }
        if (head > bestHead) {
          bestHead = head;
          best = i;
        }
      }
      if (best < 0) break;
      if (heap.full && heap.min >= bound * open) break;
      const cursor = long[best];
      if (cursor === undefined) break;
      // Read a run from the best list before looking at the bound again.
      const end = Math.min(cursor.at + 8, cursor.list.docs.length);
      cost.read += end - cursor.at;
      while (cursor.at < end) consider(cursor.list.docs[cursor.at++] ?? 0);
    }

    const ranked = heap.sorted();
    return ranked.map(({ score: s, doc }) => ({
      documentId: mini._documentIds.get(doc) ?? '',
      score: s,
      matchedTerms: this.matchedTerms(clauses, doc),
    }));
  }

  /** The plan's terms resolved against the index: expansions found, postings looked up. */
  private compile(plan: QueryPlan, sources: string[]): CompiledClause[] {
    const sourceIds = new Map<string, number>();
    const sourceOf = (term: string): number => {
      let id = sourceIds.get(term);
      if (id === undefined) {
        id = sources.length;
        sources.push(term);
        sourceIds.set(term, id);
      }
      return id;
    };
    const index = this.mini._index;
    const { prefix: prefixWeight, fuzzy: fuzzyWeight } = plan.expansionWeights;
    return plan.clauses.map((clause) => ({
      covers: clause.covers,
      groups: clause.groups.map((group) => {
        const derived: Derived[] = [];
        for (const planTerm of group) {
          const source = sourceOf(planTerm.term);
          const add = (term: string, weight: number, data: FieldTermData | undefined) => {
            if (data) derived.push(this.derive(term, planTerm.weight * weight, source, data));
          };
          add(planTerm.term, 1, index.get(planTerm.term));
          const fuzzy =
            planTerm.fuzzy > 0 ? index.fuzzyGet(planTerm.term, planTerm.fuzzy) : undefined;
          if (planTerm.prefix) {
            for (const [term, data] of index.atPrefix(planTerm.term)) {
              const distance = term.length - planTerm.term.length;
              if (distance === 0) continue;
              // A prefix match is scored as one, even when it is a fuzzy match too.
              fuzzy?.delete(term);
              add(term, (prefixWeight * term.length) / (term.length + 0.3 * distance), data);
            }
          }
          if (fuzzy) {
            for (const [term, [data, distance]] of fuzzy) {
              if (distance === 0) continue;
              add(term, (fuzzyWeight * term.length) / (term.length + distance), data);
            }
          }
        }
        return derived;
      }),
    }));
  }

  private derive(term: string, weight: number, source: number, data: FieldTermData): Derived {
    const n = this.mini._documentCount;
    const fields: FieldPostings[] = [];
    let postings = 0;
    for (const { fieldId, boost } of this.fields) {
      const tfs = data.get(fieldId);
      if (!tfs || tfs.size === 0) continue;
      const df = tfs.size;
      fields.push({
        fieldId,
        boost,
        idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
        tfs,
        avgLength: this.mini._avgFieldLength[fieldId] ?? 1,
      });
      postings += df;
    }
    return { term, weight, source, fields, postings };
  }

  /** A term's BM25+ contribution to one passage over all fields, unweighted; 0 when absent. */
  private impact(derived: Derived, doc: number): number {
    const { k, b, d } = this.options.bm25;
    let sum = 0;
    let lengths: number[] | undefined;
    for (const field of derived.fields) {
      const tf = field.tfs.get(doc);
      if (tf === undefined) continue;
      lengths ??= this.mini._fieldLength.get(doc);
      const length = lengths?.[field.fieldId] ?? 0;
      sum +=
        field.boost *
        field.idf *
        (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / field.avgLength)));
    }
    return sum;
  }

  private impactList(derived: Derived): ImpactList {
    const cached = this.impactCache.get(derived.term);
    if (cached) return cached;
    const scratch = this.scratchFor(this.mini._nextId);
    const docs: number[] = [];
    for (const field of derived.fields) {
      for (const doc of field.tfs.keys()) {
        if (scratch[doc] !== 0) continue;
        const value = this.impact(derived, doc);
        scratch[doc] = value;
        docs.push(doc);
      }
    }
    const order = Uint32Array.from(docs.keys());
    order.sort((x, y) => (scratch[docs[y] ?? 0] ?? 0) - (scratch[docs[x] ?? 0] ?? 0));
    const list: ImpactList = {
      docs: new Int32Array(order.length),
      impacts: new Float64Array(order.length),
    };
    for (let i = 0; i < order.length; i++) {
      const doc = docs[order[i] ?? 0] ?? 0;
      list.docs[i] = doc;
      list.impacts[i] = scratch[doc] ?? 0;
    }
    for (const doc of docs) scratch[doc] = 0;
    if (this.cachedPostings + docs.length > CACHE_POSTINGS) {
      this.impactCache.clear();
      this.cachedPostings = 0;
    }
    this.impactCache.set(derived.term, list);
    this.cachedPostings += docs.length;
    return list;
  }

  private matchedTerms(clauses: readonly CompiledClause[], doc: number): string[] {
    const terms = new Set<string>();
    for (const clause of clauses) {
      const matched: string[] = [];
      let complete = true;
      for (const group of clause.groups) {
        let any = false;
        for (const derived of group) {
          if (this.impact(derived, doc) > 0) {
            matched.push(derived.term);
            any = true;
          }
        }
        if (!any) {
          complete = false;
          break;
        }
      }
      if (complete) for (const term of matched) terms.add(term);
    }
    return [...terms];
  }

  /** Impact lists hold scores of one index state: an added or removed passage voids them. */
  private checkVersion(): void {
    const version = `${this.mini._nextId}:${this.mini._documentCount}`;
    if (version === this.cacheVersion) return;
    this.cacheVersion = version;
    this.impactCache.clear();
    this.cachedPostings = 0;
  }

  private nextStamp(): number {
    const size = this.mini._nextId;
    if (this.seen.length < size) this.seen = new Uint32Array(Math.ceil(size * 1.25));
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  private scratchFor(size: number): Float64Array {
    if (this.scratch.length < size) this.scratch = new Float64Array(Math.ceil(size * 1.25));
    return this.scratch;
  }
}

function internalsOf(mini: unknown): MiniInternals {
  const m = mini as Partial<MiniInternals>;
  if (
    !m._index ||
    typeof m._index.get !== 'function' ||
    typeof m._index.atPrefix !== 'function' ||
    typeof m._index.fuzzyGet !== 'function' ||
    !(m._documentIds instanceof Map) ||
    !(m._fieldLength instanceof Map) ||
    !Array.isArray(m._avgFieldLength) ||
    typeof m._fieldIds !== 'object' ||
    typeof m._documentCount !== 'number' ||
    typeof m._nextId !== 'number'
  ) {
    // A MiniSearch upgrade moved its internals: fail at build, in the tests, not at query time.
    throw new Error('TopKRetriever: this MiniSearch version does not expose the expected index');
  }
  return m as MiniInternals;
}

/** The k best (score, document) pairs seen so far; the worst on top. */
class MinHeap {
  private readonly scores: number[] = [];
  private readonly docs: number[] = [];

  constructor(private readonly capacity: number) {}

  get full(): boolean {
    return this.scores.length >= this.capacity;
  }

  get min(): number {
    return this.scores[0] ?? 0;
  }

  push(score: number, doc: number): void {
    if (this.full) {
      if (score <= this.min) return;
      this.scores[0] = score;
      this.docs[0] = doc;
      this.down(0);
      return;
    }
    this.scores.push(score);
    this.docs.push(doc);
    this.up(this.scores.length - 1);
  }

  /** Best first; equal scores by document id, the order MiniSearch indexed them in. */
  sorted(): { score: number; doc: number }[] {
    return this.scores
      .map((score, i) => ({ score, doc: this.docs[i] ?? 0 }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private less(i: number, j: number): boolean {
    return (this.scores[i] ?? 0) < (this.scores[j] ?? 0);
  }

  private swap(i: number, j: number): void {
    const s = this.scores[i] ?? 0;
    this.scores[i] = this.scores[j] ?? 0;
    this.scores[j] = s;
    const d = this.docs[i] ?? 0;
    this.docs[i] = this.docs[j] ?? 0;
    this.docs[j] = d;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.scores.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < n && this.less(l, smallest)) smallest = l;
      if (r < n && this.less(r, smallest)) smallest = r;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
