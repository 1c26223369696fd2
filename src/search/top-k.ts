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

interface SearchableMapView extends Iterable<[string, FieldTermData]> {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): SearchableMapView;
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
   * Fuzzy matches keep this many first letters as typed (default 1): a typo in the first
   * letter is rare, and searching only under it makes MiniSearch's fuzzy walk 20-30 times
   * cheaper (16 ms for distance 3 at 50k passages, the largest share of search time).
   */
  fuzzyPrefix?: number;
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

/** How one query's passages are scored: rare terms whole, then one passage at a time. */
interface Scorer {
  /** Adds up the terms of at most `shortList` postings; returns the passages met. */
  scoreShort(shortList: number): number[];
  /** The exact score of a passage returned by `scoreShort` (-1: below the coverage floor). */
  finish(doc: number): number;
  /** The exact score of a passage none of the short lists holds. */
  scoreOne(doc: number): number;
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

/**
 * A frequent term's passages by its (unweighted) contribution, ascending: each key is the
 * contribution with the passage id written over the low 32 bits of its mantissa, so a
 * plain numeric sort orders both at once (a sort with a comparator was the slow part).
 * A key reads as its contribution to within a relative 2^-20; bounds allow for that.
 */
interface ImpactList {
  keys: Float64Array;
  /** The same buffer, to read the passage id of key i at `words[2 * i]`. */
  words: Uint32Array;
}

/** Heads read from packed keys are raised by this factor so that they stay upper bounds. */
const KEY_SLACK = 1 + 2 ** -19;
/** Up to this many index terms per query, their matches are tracked as bits of one word. */
const MASK_TERMS = 31;
const SHORT_LIST = 1024;
/** Impact lists cached, in postings, before the cache starts over (8 bytes each). */
const CACHE_POSTINGS = 8_000_000;

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
  private masks = new Uint32Array(0);

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

  /**
   * Sorts the impact lists of the index's frequent terms ahead of the queries that need
   * them (otherwise the first query with "filmen" pays for sorting its 27k postings), in
   * slices of a few milliseconds between which the event loop runs. Stops when the cache
   * is full or the index changes; returns how many lists it sorted.
   */
  async warm(sliceMs = 5): Promise<number> {
    this.checkVersion();
    const version = this.cacheVersion;
    const shortList = this.options.shortList ?? SHORT_LIST;
    let sorted = 0;
    let sliceStart = performance.now();
    for (const [term, data] of this.mini._index) {
      if (this.impactCache.has(term)) continue;
      const derived = this.derive(term, 1, 0, data);
      if (derived.postings <= shortList) continue;
      if (this.cachedPostings + derived.postings > CACHE_POSTINGS) break;
      this.impactList(derived);
      sorted++;
      if (performance.now() - sliceStart < sliceMs) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      this.checkVersion();
      if (this.cacheVersion !== version) break;
    }
    return sorted;
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
    const all = clauses.flatMap((c) => c.groups.flat());
    const cost = this.lastCost;
    cost.scored = 0;
    cost.read = 0;
    const heap = new MinHeap(options.k);
    const scorer =
      all.length <= MASK_TERMS
        ? this.maskScorer(plan, clauses, all, sources.length)
        : this.treeScorer(plan, clauses, sources.length);
    const mini = this.mini;
    const accept = options.accept;
    const stamp = this.nextStamp();
    const seen = this.seen;
    const offer = (doc: number, s: number): void => {
      if (s < 0 || (heap.full && s <= heap.min)) return;
      const id = mini._documentIds.get(doc);
      if (id === undefined) return; // removed, not yet vacuumed
      if (accept && !accept(id)) return;
      heap.push(s, doc);
    };

    // Rare terms first, whole: they hold the likely answers and raise the bar at once.
    const shortList = this.options.shortList ?? SHORT_LIST;
    const long: { derived: Derived; list: ImpactList; at: number }[] = [];
    for (const derived of all) {
      if (derived.postings > shortList)
        long.push({ derived, list: this.impactList(derived), at: 0 });
    }
    const touched = scorer.scoreShort(shortList);
    for (const doc of touched) {
      seen[doc] = stamp;
      cost.scored++;
      offer(doc, scorer.finish(doc));
    }

    // Then the frequent terms in impact order, until no passage not yet met can get in:
    // such a passage holds only terms of unfinished lists, each at most its list's head.
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
        if (cursor === undefined || cursor.at >= cursor.list.keys.length) continue;
        const at = cursor.list.keys.length - 1 - cursor.at;
        const head = cursor.derived.weight * (cursor.list.keys[at] ?? 0) * KEY_SLACK;
        bound += head;
        if (openSources[cursor.derived.source] !== openStamp) {
          openSources[cursor.derived.source] = openStamp;
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
      const { keys, words } = cursor.list;
      const end = Math.min(cursor.at + 8, keys.length);
      cost.read += end - cursor.at;
      for (; cursor.at < end; cursor.at++) {
        const doc = words[2 * (keys.length - 1 - cursor.at)] ?? 0;
        if (seen[doc] === stamp) continue;
        seen[doc] = stamp;
        cost.scored++;
        offer(doc, scorer.scoreOne(doc));
      }
    }

    return heap.sorted().map(({ score: s, doc }) => ({
      documentId: mini._documentIds.get(doc) ?? '',
      score: s,
      matchedTerms: this.matchedTerms(clauses, doc),
    }));
  }

  /**
   * Scoring with each index term of the query as one bit (up to 31 terms, nearly every
   * query): rare terms are added up term at a time over their postings, frequent ones
   * looked up per passage; the bits then tell which clauses are complete, how many query
   * terms matched and which words are covered.
   */
  private maskScorer(
    plan: QueryPlan,
    clauses: readonly CompiledClause[],
    all: readonly Derived[],
    sourceCount: number,
  ): Scorer {
    const size = this.mini._nextId;
    const acc = this.scratchFor(size);
    const masks = this.masksFor(size);
    const { k, b, d } = this.options.bm25;
    const fieldLength = this.mini._fieldLength;
    const bitOf = new Map(all.map((derived, i) => [derived, 1 << i]));
    const sourceMasks = new Array<number>(sourceCount).fill(0);
    const wordMasks = new Array<number>(plan.wordWeights.length).fill(0);
    // Conjunctions (alias names of several words): per clause its groups' bits.
    const conjunctions: { groups: number[]; bits: number; derived: Derived[] }[] = [];
    for (const clause of clauses) {
      let bits = 0;
      const groups = clause.groups.map((group) => {
        let g = 0;
        for (const derived of group) {
          const bit = bitOf.get(derived) ?? 0;
          g |= bit;
          sourceMasks[derived.source] = (sourceMasks[derived.source] ?? 0) | bit;
        }
        bits |= g;
        return g;
      });
      for (const w of clause.covers) wordMasks[w] = (wordMasks[w] ?? 0) | bits;
      if (groups.length > 1) conjunctions.push({ groups, bits, derived: clause.groups.flat() });
    }
    const wordTotal = plan.wordWeights.reduce((x, y) => x + y, 0);
    const longTerms: { derived: Derived; bit: number }[] = [];

    const finishMask = (doc: number, sumIn: number, maskIn: number): number => {
      let sum = sumIn;
      let mask = maskIn;
      for (const c of conjunctions) {
        if ((mask & c.bits) === 0 || c.groups.every((g) => (mask & g) !== 0)) continue;
        // Part of an alias name is no match of it: take its words back out.
        for (const derived of c.derived) {
          const bit = bitOf.get(derived) ?? 0;
          if ((mask & bit) === 0) continue;
          sum -= derived.weight * this.impact(derived, doc);
          mask &= ~bit;
        }
      }
      if (mask === 0 || sum <= 0) return -1;
      let distinct = 0;
      for (const m of sourceMasks) if ((mask & m) !== 0) distinct++;
      if (wordTotal > 0) {
        let covered = 0;
        for (let w = 0; w < wordMasks.length; w++) {
          if ((mask & (wordMasks[w] ?? 0)) !== 0) covered += plan.wordWeights[w] ?? 0;
        }
        if (covered / wordTotal < plan.minCoverage) return -1;
      }
      return sum * distinct;
    };

    return {
      scoreShort: (shortList) => {
        const touched: number[] = [];
        all.forEach((derived, i) => {
          const bit = 1 << i;
          if (derived.postings > shortList) {
            longTerms.push({ derived, bit });
            return;
          }
          for (const field of derived.fields) {
            const scale = derived.weight * field.boost * field.idf;
            const base = k * (1 - b);
            const perLength = (k * b) / field.avgLength;
            const fieldId = field.fieldId;
            for (const [doc, tf] of field.tfs) {
              const length = fieldLength.get(doc)?.[fieldId] ?? 0;
              if (masks[doc] === 0) touched.push(doc);
              masks[doc] = (masks[doc] ?? 0) | bit;
              acc[doc] =
                (acc[doc] ?? 0) + scale * (d + (tf * (k + 1)) / (tf + base + perLength * length));
            }
          }
        });
        // The frequent terms of the passages met, looked up.
        for (const doc of touched) {
          for (const { derived, bit } of longTerms) {
            const c = this.impact(derived, doc);
            if (c === 0) continue;
            acc[doc] = (acc[doc] ?? 0) + derived.weight * c;
            masks[doc] = (masks[doc] ?? 0) | bit;
          }
        }
        return touched;
      },
      finish: (doc) => {
        const s = finishMask(doc, acc[doc] ?? 0, masks[doc] ?? 0);
        acc[doc] = 0;
        masks[doc] = 0;
        return s;
      },
      scoreOne: (doc) => {
        let sum = 0;
        let mask = 0;
        for (const { derived, bit } of longTerms) {
          const c = this.impact(derived, doc);
          if (c === 0) continue;
          sum += derived.weight * c;
          mask |= bit;
        }
        return finishMask(doc, sum, mask);
      },
    };
  }

  /** Scoring clause by clause, for queries of more index terms than bits (wide expansions). */
  private treeScorer(
    plan: QueryPlan,
    clauses: readonly CompiledClause[],
    sourceCount: number,
  ): Scorer {
    const wordTotal = plan.wordWeights.reduce((a, b) => a + b, 0);
    const sourceSeen = new Uint32Array(sourceCount);
    let sourceStamp = 0;
    const wordHit = new Uint8Array(plan.wordWeights.length);
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
    const all = clauses.flatMap((c) => c.groups.flat());
    return {
      scoreShort: (shortList) => {
        const touched = new Set<number>();
        for (const derived of all) {
          if (derived.postings > shortList) continue;
          for (const field of derived.fields) for (const doc of field.tfs.keys()) touched.add(doc);
        }
        return [...touched];
      },
      finish: score,
      scoreOne: score,
    };
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
          const source = sourceOf(planTerm.source ?? planTerm.term);
          const add = (term: string, weight: number, data: FieldTermData | undefined) => {
            if (data) derived.push(this.derive(term, planTerm.weight * weight, source, data));
          };
          add(planTerm.term, 1, index.get(planTerm.term));
          const fuzzy =
            planTerm.fuzzy > 0 ? this.fuzzyGet(planTerm.term, planTerm.fuzzy) : undefined;
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

  /** Index terms within `distance` edits of `term`, sharing its first letters. */
  private fuzzyGet(term: string, distance: number): Map<string, [FieldTermData, number]> {
    const keep = this.options.fuzzyPrefix ?? 1;
    if (term.length <= keep) return this.mini._index.fuzzyGet(term, distance);
    const head = term.slice(0, keep);
    const found = new Map<string, [FieldTermData, number]>();
    for (const [rest, match] of this.mini._index
      .atPrefix(head)
      .fuzzyGet(term.slice(keep), distance))
      found.set(head + rest, match);
    return found;
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
    const marks = this.masksFor(this.mini._nextId);
    const docs: number[] = [];
    for (const field of derived.fields) {
      for (const doc of field.tfs.keys()) {
        if (marks[doc] !== 0) continue;
        marks[doc] = 1;
        docs.push(doc);
      }
    }
    const keys = new Float64Array(docs.length);
    const words = new Uint32Array(keys.buffer);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] ?? 0;
      marks[doc] = 0;
      keys[i] = this.impact(derived, doc);
      // Little-endian: the even word holds the mantissa's low 32 bits.
      words[2 * i] = doc;
    }
    keys.sort();
    const list: ImpactList = { keys, words };
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

  /** Per document id, zero between uses. */
  private masksFor(size: number): Uint32Array {
    if (this.masks.length < size) this.masks = new Uint32Array(Math.ceil(size * 1.25));
    return this.masks;
  }

  /** Per document id, zero between uses. */
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
