import type MiniSearch from 'minisearch';
import { MinHeap } from './min-heap';
import type { QueryPlan } from './plan';
import {
  BLOCK_SHIFT,
  bm25Part,
  boundsOf,
  type FieldTermData,
  type FieldTermFrequencies,
  type MiniInternals,
  PostingStore,
  postingCount,
  seek,
  type TermPostings,
} from './postings';

/**
 * Top-k retrieval over MiniSearch's own inverted index, touching as few postings as the
 * query allows, with MiniSearch's scores: BM25+ per term and field, times the term's
 * weight, summed, times the number of distinct query terms matched (its coordination
 * factor), so the ranking is the one MiniSearch would give (test/search/top-k.test.ts
 * compares the two on random corpora).
 *
 * - A term held by few passages (a "short" list) is read whole, straight from MiniSearch's
 *   maps, term at a time: its passages are the likely answers and set a high bar at once.
 *   Each passage met is then completed with the frequent terms it holds (looked up in their
 *   typed lists) and scored exactly.
 * - The frequent terms' lists (postings.ts: short ids and term frequencies in typed arrays,
 *   cached) are then walked document at a time with MaxScore: each list has an upper bound
 *   (its best BM25 factor times the term's weight); the lists whose bounds together, times
 *   the number of query terms they stand for, cannot beat the k-th best score so far are
 *   not walked, only looked up (galloping) for the passages the others bring. As the bar
 *   rises, more lists stop being walked; a passage whose bound falls short is not scored.
 *
 * The cost grows with the rare terms' postings and with the frequent lists that could still
 * place a passage, not with how common a word is. Fuzzy and prefix expansions are terms like
 * the others: a frequent expansion whose bound cannot matter is never walked.
 */

/** Passages whose field lengths the warm-up copies between two yields (a few ms). */
const LENGTHS_SLICE = 20_000;

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
   * Terms with at most this many postings are read from MiniSearch's maps rather than from
   * a typed list (default 1024: below that, building and caching a list saves little).
   */
  shortList?: number;
  /** Bytes of typed lists cached (default about 96 MB). */
  cacheBytes?: number;
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

/** What the last search cost: passages scored exactly, and postings read (short and long). */
export interface RetrievalCost {
  scored: number;
  read: number;
}

/** A term's postings in one field, with what BM25 needs of the field for this query. */
interface FieldScoring {
  fieldId: number;
  /** The field's boost times the term's idf in the field. */
  factor: number;
  /** The term's weight times `factor`. */
  scale: number;
  avgLength: number;
  tfs: FieldTermFrequencies;
}

/** One index term a plan term stands for (itself, or a prefix or fuzzy expansion). */
interface QueryTerm {
  term: string;
  weight: number;
  /** What it counts as for the coordination factor (index into the query's sources). */
  source: number;
  clause: number;
  /** The clause group it is an alternative in (index over all clauses' groups). */
  unit: number;
  fields: FieldScoring[];
  /** Postings over all fields (an upper bound on the passages holding it). */
  postings: number;
}

/** A frequent term's typed list with this query's scales, in the order of its columns. */
interface LongTerm {
  index: number;
  list: TermPostings;
  scales: Float64Array;
  avgs: Float64Array;
  tfs: Uint16Array[];
  lengths: Uint32Array[];
  /** The most the term adds to a passage's sum. */
  bound: number;
  /** The most it adds per block of postings (`BLOCK_SHIFT`), unweighted. */
  blocks: Float64Array;
  /** The blocks, the best first. */
  order: Int32Array;
  /** Weighs `blocks`, with a margin for the rounding of the reordered arithmetic. */
  blockWeight: number;
}

interface CompiledQuery {
  terms: QueryTerm[];
  /** Per clause: its group units and the query words a match covers. */
  clauses: { units: number[]; covers: readonly number[] }[];
  units: number;
  sources: number;
}

const SHORT_LIST = 1024;
/**
 * The sizes of the terms priming looks for (`primingPlans`), in short lists: postings more
 * than the first and at most the second. The first a quarter of the last or less, so that it
 * is read whole beside it.
 */
const PRIMING_SIZES: readonly (readonly [least: number, most: number])[] = [
  [4, 8],
  [2, 3],
  [1, 1.5],
];
/** Terms priming looks at before it gives up (a few ms at most). */
const PRIMING_LOOKS = 5000;
/**
 * A typed list with at most 1/this of the query's longest list's postings is read whole,
 * term at a time, like a rare term's, rather than walked.
 */
const READ_WHOLE_BELOW = 4;
const NO_DOC = 0x7fffffff;

export class TopKRetriever {
  /** The cost of the latest search, for the benchmark and tests. */
  readonly lastCost: RetrievalCost = { scored: 0, read: 0 };
  private readonly mini: MiniInternals;
  private readonly store: PostingStore;
  private readonly boostOf: number[] = [];
  /** Per short id: the search stamp that met it among the short lists. */
  private seen = new Uint32Array(0);
  private head = new Int32Array(0);
  private stamp = 0;
  private hitTerm = new Int32Array(1024);
  private hitScore = new Float64Array(1024);
  private hitNext = new Int32Array(1024);

  constructor(
    mini: MiniSearch<never> | MiniSearch<{ id: string }>,
    private readonly options: ScoringOptions,
  ) {
    this.mini = internalsOf(mini);
    this.store = new PostingStore(this.mini, options.cacheBytes);
    for (const [name, fieldId] of Object.entries(this.mini._fieldIds))
      this.boostOf[fieldId] = options.boost[name] ?? 1;
  }

  /**
   * Builds the typed lists of the index's frequent terms, and their bounds, ahead of the
   * queries that need them (otherwise the first query with "filmen" pays for its 27k postings), in slices of
   * a few milliseconds between which the event loop runs (`listPause`; the field lengths
   * are copied first, between `pause`s). Stops when the cache is full or passages are
   * added; returns how many lists it built.
   */
  async warm(
    sliceMs = 5,
    pause: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
    listPause: () => Promise<void> = pause,
    /** The terms that may hold more than so many postings, when known without a walk. */
    largeTerms?: (postings: number) => Iterable<string>,
  ): Promise<number> {
    while (!this.store.syncLengthsSome(LENGTHS_SLICE)) await pause();
    this.store.sync();
    const version = this.mini._nextId;
    const shortList = this.options.shortList ?? SHORT_LIST;
    let built = 0;
    let looked = 0;
    let sliceStart = performance.now();
    const index = this.mini._index;
    const terms = largeTerms ? termsWithData(largeTerms(shortList), index) : index;
    for (const [term, data] of terms) {
      const outcome = this.warmTerm(term, data, shortList);
      if (outcome === 'full') break;
      if (outcome === 'built') built++;
      // The clock is read every few hundred terms as well as after each list built: most
      // terms are rare, and thousands of them between two frequent ones made one slice.
      else if ((++looked & 511) !== 0) continue;
      if (performance.now() - sliceStart < sliceMs) continue;
      await listPause();
      sliceStart = performance.now();
      if (this.mini._nextId !== version) break;
      this.store.sync();
    }
    return built;
  }

  /**
   * Terms of the cached typed lists whose postings come closest to each of `targets`, one
   * per target and each once: frequent words of several sizes, for the search warm-up.
   */
  termsNear(targets: readonly number[]): string[] {
    const sizes = this.store.sizes();
    const picked: string[] = [];
    for (const target of targets) {
      let best: string | undefined;
      let distance = Number.POSITIVE_INFINITY;
      for (const [term, postings] of sizes) {
        if (picked.includes(term) || Math.abs(postings - target) >= distance) continue;
        best = term;
        distance = Math.abs(postings - target);
      }
      if (best !== undefined) picked.push(best);
    }
    return picked;
  }

  /**
   * Plans over the index's own frequent terms (only theirs: a restored rare term stays as
   * its bytes until a query needs it) that take every path of the frequent walks: one list
   * best blocks first, one read whole beside it, two words each too weak alone (the longer
   * with the higher bound, so the walk turns to the shorter: with k 1 or 3 the bar is soon
   * high enough for that), three words. For the search warm-up (PassageIndex.warm).
   */
  exercisePlans(): QueryPlan[] {
    const [a, b, c] = this.termsNear([12_000, 5000, 1500]);
    if (a === undefined || b === undefined || c === undefined) return [];
    return walkPlans(a, b, c);
  }

  /**
   * The same plans as `exercisePlans`, over three of the index's smaller frequent terms
   * (the first found of each size in `PRIMING_SIZES`, among `largeTerms` when known),
   * their lists built now: cheap enough to run before a restored index serves, so that the
   * list building and the walks are compiled before a user's first query needs them. Run
   * cold, the first "filmen" after a restart at 400k passages held the thread 45-75 ms.
   * Empty when the index has no such terms (a small one: its queries are cheap anyway).
   */
  primingPlans(largeTerms?: (postings: number) => Iterable<string>): QueryPlan[] {
    this.store.sync();
    const shortList = this.options.shortList ?? SHORT_LIST;
    const index = this.mini._index;
    const terms = largeTerms ? termsWithData(largeTerms(shortList), index) : index;
    const picked: ([string, FieldTermData] | undefined)[] = PRIMING_SIZES.map(() => undefined);
    let looked = 0;
    for (const [term, data] of terms) {
      const postings = postingCount(data);
      const at = PRIMING_SIZES.findIndex(
        ([least, most], i) =>
          picked[i] === undefined && postings > least * shortList && postings <= most * shortList,
      );
      if (at >= 0) picked[at] = [term, data];
      if (picked.every((t) => t !== undefined) || ++looked >= PRIMING_LOOKS) break;
    }
    // Lists built only for three found (a small index has none: it is left as it was).
    const [a, b, c] = picked;
    if (a === undefined || b === undefined || c === undefined) return [];
    if (![a, b, c].every(([term, data]) => this.store.list(term, data))) return [];
    return walkPlans(a[0], b[0], c[0]);
  }

  /** One term's typed list and bounds, if it is frequent, not cached yet, and fits. */
  private warmTerm(
    term: string,
    data: FieldTermData,
    shortList: number,
  ): 'built' | 'skipped' | 'full' {
    if (this.store.has(term)) return 'skipped';
    // Counted without opening a restored term: a rare one stays as its bytes.
    const postings = postingCount(data);
    if (postings <= shortList) return 'skipped';
    if (!this.store.fits(postings)) return 'full';
    const list = this.store.list(term, data);
    // Its bounds too: a frequent word's first query would otherwise score its whole list
    // once to find them (some 5 ms for "filmen" at 400k passages).
    if (list) this.longTerm(this.derive(term, 1, 0, 0, 0, data), 0, list);
    return 'built';
  }

  /**
   * Copies the field lengths of at most `limit` more passages into the dense columns; true
   * when they reach the index. A restore calls it in slices before the index serves: the
   * first query would otherwise copy all of them in one step (375k passages at 400k).
   */
  syncLengthsSome(limit: number): boolean {
    return this.store.syncLengthsSome(limit);
  }

  /**
   * Terms of passages just added to the index (PassageIndex.update calls this): their
   * cached lists are rebuilt when next needed, the others stay.
   */
  noteIndexed(terms: Iterable<string>): void {
    this.store.noteIndexed(terms);
  }

  /** What the typed arrays beside MiniSearch's index hold: lists cached, and their bytes. */
  get cache(): { lists: number; listBytes: number; lengthBytes: number } {
    return this.store.stats;
  }

  /** Whether the term's typed list is cached (for tests of the invalidation). */
  isCached(term: string): boolean {
    return this.store.has(term);
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
    this.store.sync();
    const query = this.compile(plan);
    const { terms } = query;
    const cost = this.lastCost;
    cost.scored = 0;
    cost.read = 0;
    const mini = this.mini;
    const results = new Results(options.k, mini._documentIds, options.accept);
    const scorer = new PlanScorer(plan, query);
    const stamp = this.nextStamp();
    const seen = this.seen;
    const { k: bk, b: bb, d: bd } = this.options.bm25;
    const shortList = this.options.shortList ?? SHORT_LIST;
    const long: LongTerm[] = [];
    const short: number[] = [];
    // Typed lists far shorter than the query's longest are read whole with the rare terms:
    // then a word's frequent form is often the only list left to walk (its block bounds
    // used best first), or two words' lists are the only ones, each too weak alone.
    const largest = terms.reduce((most, term) => Math.max(most, term.postings), 0);
    const walkedFrom = largest / READ_WHOLE_BELOW;
    const whole: LongTerm[] = [];
    terms.forEach((term, index) => {
      const data = term.postings > shortList ? mini._index.get(term.term) : undefined;
      const list = data ? this.store.list(term.term, data) : undefined;
      if (!list) short.push(index);
      else if (term.postings > walkedFrom) long.push(this.longTerm(term, index, list));
      else whole.push(this.longTerm(term, index, list));
    });
    // A passage has at most a hit per rare term and field, and one per frequent term.
    const perDoc = terms.length * (this.boostOf.length + 1) + 1;
    const gatherTerms = new Int32Array(perDoc);
    const gatherScores = new Float64Array(perDoc);

    // 1. Rare terms whole, term at a time: each posting becomes a hit of its passage.
    let hits = 0;
    const touched: number[] = [];
    const head = this.headFor(mini._nextId);
    for (const index of short) {
      const term = terms[index];
      if (!term) continue;
      for (const field of term.fields) {
        if (hits + field.tfs.size > this.hitTerm.length) this.growHits(hits + field.tfs.size);
        const hitTerm = this.hitTerm;
        const hitScore = this.hitScore;
        const hitNext = this.hitNext;
        const lengths = this.store.lengthsOf(field.fieldId);
        const { scale, avgLength } = field;
        field.tfs.forEach((tf, doc) => {
          if (seen[doc] !== stamp) {
            seen[doc] = stamp;
            head[doc] = -1;
            touched.push(doc);
          }
          hitTerm[hits] = index;
          hitScore[hits] = scale * bm25Part(tf, lengths[doc] ?? 0, avgLength, bk, bb, bd);
          hitNext[hits] = head[doc] ?? -1;
          head[doc] = hits;
          hits++;
        });
        cost.read += field.tfs.size;
      }
    }
    for (const term of whole) {
      const docs = term.list.docs;
      if (hits + docs.length > this.hitTerm.length) this.growHits(hits + docs.length);
      const hitTerm = this.hitTerm;
      const hitScore = this.hitScore;
      const hitNext = this.hitNext;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] ?? 0;
        const c = contribution(term, i, doc, bk, bb, bd);
        // Only removed passages hold it in no live field.
        if (c <= 0) continue;
        if (seen[doc] !== stamp) {
          seen[doc] = stamp;
          head[doc] = -1;
          touched.push(doc);
        }
        hitTerm[hits] = term.index;
        hitScore[hits] = c;
        hitNext[hits] = head[doc] ?? -1;
        head[doc] = hits;
        hits++;
      }
      cost.read += docs.length;
    }
    // The frequent terms of the passages met, looked up in short-id order.
    if (touched.length > 0 && long.length > 0) {
      const order = Int32Array.from(touched).sort();
      for (const term of long) {
        const docs = term.list.docs;
        let at = 0;
        if (hits + order.length > this.hitTerm.length) this.growHits(hits + order.length);
        for (let i = 0; i < order.length && at < docs.length; i++) {
          const doc = order[i] ?? 0;
          at = seek(docs, at, doc);
          cost.read++;
          if (at >= docs.length || docs[at] !== doc) continue;
          const c = contribution(term, at, doc, bk, bb, bd);
          if (c <= 0) continue;
          this.hitTerm[hits] = term.index;
          this.hitScore[hits] = c;
          this.hitNext[hits] = head[doc] ?? -1;
          head[doc] = hits;
          hits++;
        }
      }
    }
    for (const doc of touched) {
      let n = 0;
      for (let h = head[doc] ?? -1; h >= 0; h = this.hitNext[h] ?? -1) {
        gatherTerms[n] = this.hitTerm[h] ?? 0;
        gatherScores[n] = this.hitScore[h] ?? 0;
        n++;
      }
      cost.scored++;
      results.offer(doc, scorer.score(gatherTerms, gatherScores, n));
    }

    // 2. Passages holding only frequent terms: one list best blocks first, several with
    // MaxScore, unless their words cover too little of the query to place alone.
    const sorted = [...long].sort((a, b) => a.bound - b.bound);
    const uncovered = coverageShort(sorted, plan, query);
    if (sorted.length === 1 && uncovered === 0) {
      const only = sorted[0] as LongTerm;
      this.walkByImpact(only, results, scorer, stamp, gatherTerms, gatherScores);
    } else if (sorted.length > 1 && uncovered < sorted.length)
      this.maxScore(sorted, uncovered, query, results, scorer, stamp, gatherTerms, gatherScores);

    return results.heap.sorted().map(({ score: s, doc }) => ({
      documentId: mini._documentIds.get(doc) ?? '',
      score: s,
      matchedTerms: this.matchedTerms(query, [...long, ...whole], doc),
    }));
  }

  /**
   * A single frequent list (a frequent word alone, its rare alternatives read already), best
   * blocks first: a passage only it holds scores at most its own contribution, so once the
   * best block left cannot reach the k-th score, no passage after it can, and the walk
   * stops. Blocks are met out of id order, so equal scores are ranked by id as they enter.
   */
  private walkByImpact(
    term: LongTerm,
    results: Results,
    scorer: PlanScorer,
    stamp: number,
    gatherTerms: Int32Array,
    gatherScores: Float64Array,
  ): void {
    const cost = this.lastCost;
    const seen = this.seen;
    const heap = results.heap;
    const { k: bk, b: bb, d: bd } = this.options.bm25;
    const docs = term.list.docs;
    const order = term.order;
    const blocks = term.blocks;
    for (let o = 0; o < order.length; o++) {
      const block = order[o] ?? 0;
      if (heap.full && (blocks[block] ?? 0) * term.blockWeight < heap.min) break;
      const start = block << BLOCK_SHIFT;
      const end = Math.min(docs.length, start + (1 << BLOCK_SHIFT));
      cost.read += end - start;
      for (let i = start; i < end; i++) {
        const doc = docs[i] ?? 0;
        if (seen[doc] === stamp) continue;
        const c = contribution(term, i, doc, bk, bb, bd);
        if (c <= 0 || (heap.full && c < heap.min)) continue;
        gatherTerms[0] = term.index;
        gatherScores[0] = c;
        cost.scored++;
        results.offerRanked(doc, scorer.score(gatherTerms, gatherScores, 1));
      }
    }
  }

  /**
   * Document at a time over the frequent lists (`long`, lowest bound first). The first
   * lists, whose bounds summed and times the query terms they stand for stay at or under
   * the k-th best score (or, the first `uncovered`, whose words cover too little of the
   * query), are "non-essential": a passage only they hold cannot place, so they are only
   * looked up for passages the essential lists bring. When every passage that can place
   * must hold one word (two frequent words, each too weak alone once the bar is known),
   * that word's lists are walked instead if they are shorter (`rearrange`): the walk is
   * then the intersection, driven by the rarer word.
   */
  private maxScore(
    long: LongTerm[],
    uncovered: number,
    query: CompiledQuery,
    results: Results,
    scorer: PlanScorer,
    stamp: number,
    gatherTerms: Int32Array,
    gatherScores: Float64Array,
  ): void {
    const cost = this.lastCost;
    const seen = this.seen;
    const heap = results.heap;
    const { k: bk, b: bb, d: bd } = this.options.bm25;
    const n = long.length;
    const walk = new Walk(long, query);
    const { at, prefixBound, prefixSources } = walk;
    const sourcesTotal = query.sources;
    let essential = walk.partition(uncovered, heap);
    if (heap.full) essential = walk.rearrange(essential, heap, -1);
    // When one list is walked: what the others could add to a passage of its current block,
    // from their own blocks over the same range of passages (tighter than their maxima).
    let restBlock = -1;
    let restEssential = -1;
    let restBound = 0;
    for (;;) {
      // One list left to walk (a frequent word alone, or beside lists that cannot place a
      // passage): skip its blocks whose best passage could not place either.
      // (Every typed-array read below stays within bounds: a read past the end makes V8
      // throw away this loop's optimised code, and the next queries run it unoptimised,
      // several times slower, until it is compiled again.)
      if (essential === n - 1 && heap.full) {
        const term = long[essential] as LongTerm;
        const i = at[essential] ?? 0;
        if (i < term.list.docs.length) {
          const block = i >> BLOCK_SHIFT;
          if (block !== restBlock || essential !== restEssential) {
            restBound = restBoundOver(long, essential, at, term.list.docs, block);
            // Two seeks in each other list, counted as the lookups they are.
            cost.read += 2 * essential;
            restBlock = block;
            restEssential = essential;
          }
          const best = (term.blocks[block] ?? 0) * term.blockWeight;
          const sources = Math.min(sourcesTotal, 1 + (prefixSources[essential] ?? 0));
          if ((best + restBound) * sources <= heap.min) {
            at[essential] = (block + 1) << BLOCK_SHIFT;
            continue;
          }
        }
      }
      let doc = NO_DOC;
      for (let j = essential; j < n; j++) {
        const term = long[j] as LongTerm;
        const i = at[j] ?? 0;
        if (i < term.list.docs.length) {
          const d = term.list.docs[i] ?? NO_DOC;
          if (d < doc) doc = d;
        }
      }
      if (doc === NO_DOC) break;
      let found = 0;
      let sum = 0;
      for (let j = essential; j < n; j++) {
        const term = long[j] as LongTerm;
        const i = at[j] ?? 0;
        if (i >= term.list.docs.length || term.list.docs[i] !== doc) continue;
        at[j] = i + 1;
        cost.read++;
        if (seen[doc] === stamp) continue;
        const c = contribution(term, i, doc, bk, bb, bd);
        if (c <= 0) continue;
        gatherTerms[found] = term.index;
        gatherScores[found] = c;
        sum += c;
        found++;
      }
      // A passage of the rare terms' lists was scored whole already.
      if (seen[doc] === stamp || found === 0) continue;
      if (heap.full) {
        const sources = Math.min(sourcesTotal, found + (prefixSources[essential] ?? 0));
        const rest =
          restEssential === essential && restBlock === ((at[essential] ?? 1) - 1) >> BLOCK_SHIFT
            ? restBound
            : (prefixBound[essential] ?? 0);
        if ((sum + rest) * sources <= heap.min) continue;
      }
      // Look the passage up in the non-essential lists, the most promising first, while
      // what they could still add might place it.
      let placed = true;
      for (let j = essential - 1; j >= 0; j--) {
        if (heap.full) {
          const sources = Math.min(sourcesTotal, found + (prefixSources[j + 1] ?? 0));
          if ((sum + (prefixBound[j + 1] ?? 0)) * sources <= heap.min) {
            placed = false;
            break;
          }
        }
        const term = long[j] as LongTerm;
        const docs = term.list.docs;
        const i = seek(docs, at[j] ?? 0, doc);
        at[j] = i;
        cost.read++;
        if (i >= docs.length || docs[i] !== doc) continue;
        const c = contribution(term, i, doc, bk, bb, bd);
        if (c <= 0) continue;
        gatherTerms[found] = term.index;
        gatherScores[found] = c;
        sum += c;
        found++;
      }
      // Every list holding the passage is known now: it cannot place unless its sum, times
      // the terms it matched, beats the bar.
      if (!placed || (heap.full && sum * Math.min(sourcesTotal, found) <= heap.min)) continue;
      cost.scored++;
      if (!results.offer(doc, scorer.score(gatherTerms, gatherScores, found)) || !heap.full)
        continue;
      const before = essential;
      const reorders = walk.reorders;
      essential = walk.rearrange(walk.partition(essential, heap), heap, doc);
      if (essential !== before || walk.reorders !== reorders) restBlock = -1;
    }
  }

  /** A frequent term's list with this query's per-column scales and its bound. */
  private longTerm(term: QueryTerm, index: number, list: TermPostings): LongTerm {
    const { k, b, d } = this.options.bm25;
    const columns = list.columns.length;
    const scales = new Float64Array(columns);
    const factors = new Float64Array(columns);
    const avgs = new Float64Array(columns);
    const tfs: Uint16Array[] = [];
    const lengths: Uint32Array[] = [];
    list.columns.forEach((column, c) => {
      // A field the live index no longer holds the term in holds only removed passages.
      const field = term.fields.find((f) => f.fieldId === column.fieldId);
      scales[c] = field?.scale ?? 0;
      factors[c] = field?.factor ?? 0;
      avgs[c] = this.mini._avgFieldLength[column.fieldId] ?? 1;
      tfs.push(column.tfs);
      lengths.push(this.store.lengthsOf(column.fieldId));
    });
    const { max, blocks, order } = boundsOf(list, factors, avgs, lengths, k, b, d);
    // The bounds are the same arithmetic as the scores, with the weight applied after: allow
    // for the rounding of that reordering.
    const blockWeight = term.weight * (1 + 1e-12);
    return {
      index,
      list,
      scales,
      avgs,
      tfs,
      lengths,
      bound: max * blockWeight,
      blocks,
      order,
      blockWeight,
    };
  }

  /** The plan's terms resolved against the index: expansions found, BM25 figures taken. */
  private compile(plan: QueryPlan): CompiledQuery {
    const sourceIds = new Map<string, number>();
    const sourceOf = (term: string): number => {
      let id = sourceIds.get(term);
      if (id === undefined) {
        id = sourceIds.size;
        sourceIds.set(term, id);
      }
      return id;
    };
    const index = this.mini._index;
    const { prefix: prefixWeight, fuzzy: fuzzyWeight } = plan.expansionWeights;
    const terms: QueryTerm[] = [];
    const clauses: CompiledQuery['clauses'] = [];
    let units = 0;
    plan.clauses.forEach((clause, clauseIndex) => {
      const clauseUnits: number[] = [];
      for (const group of clause.groups) {
        const unit = units++;
        clauseUnits.push(unit);
        for (const planTerm of group) {
          const source = sourceOf(planTerm.source ?? planTerm.term);
          const add = (term: string, weight: number, data: FieldTermData | undefined) => {
            if (!data) return;
            terms.push(
              this.derive(term, planTerm.weight * weight, source, clauseIndex, unit, data),
            );
          };
          add(planTerm.term, 1, index.get(planTerm.term));
          const fuzzy =
            planTerm.fuzzy > 0 ? this.fuzzyTerms(planTerm.term, planTerm.fuzzy) : undefined;
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
      }
      clauses.push({ units: clauseUnits, covers: clause.covers });
    });
    return { terms, clauses, units, sources: sourceIds.size };
  }

  /**
   * Index terms within `distance` edits of `term` that share its first letter (see
   * `fuzzyPrefix`), with their postings and distance. Query analysis finds a typo's
   * neighbours with it too: MiniSearch's walk of every term for distance 2 cost 15 ms
   * for a long word at 400k passages, the most of a typo query.
   */
  fuzzyTerms(term: string, distance: number): Map<string, [FieldTermData, number]> {
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

  private derive(
    term: string,
    weight: number,
    source: number,
    clause: number,
    unit: number,
    data: FieldTermData,
  ): QueryTerm {
    const n = this.mini._documentCount;
    const fields: FieldScoring[] = [];
    let postings = 0;
    for (const [fieldId, tfs] of data) {
      const boost = this.boostOf[fieldId];
      if (boost === undefined || tfs.size === 0) continue;
      const df = tfs.size;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      fields.push({
        fieldId,
        factor: boost * idf,
        scale: weight * boost * idf,
        avgLength: this.mini._avgFieldLength[fieldId] ?? 1,
        tfs,
      });
      postings += df;
    }
    return { term, weight, source, clause, unit, fields, postings };
  }

  /** Whether the passage holds the term (in any field). */
  private holds(query: CompiledQuery, long: readonly LongTerm[], index: number, doc: number) {
    const typed = long.find((t) => t.index === index);
    if (typed) {
      const docs = typed.list.docs;
      const at = seek(docs, 0, doc);
      return at < docs.length && docs[at] === doc;
    }
    return query.terms[index]?.fields.some((f) => f.tfs.has(doc)) ?? false;
  }

  private matchedTerms(query: CompiledQuery, long: readonly LongTerm[], doc: number): string[] {
    const byUnit = new Map<number, number[]>();
    query.terms.forEach((term, index) => {
      if (!this.holds(query, long, index, doc)) return;
      const list = byUnit.get(term.unit);
      if (list) list.push(index);
      else byUnit.set(term.unit, [index]);
    });
    const matched = new Set<string>();
    for (const clause of query.clauses) {
      if (!clause.units.every((u) => byUnit.has(u))) continue;
      for (const u of clause.units)
        for (const index of byUnit.get(u) ?? []) matched.add(query.terms[index]?.term ?? '');
    }
    return [...matched];
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

  private headFor(size: number): Int32Array {
    if (this.head.length < size) this.head = new Int32Array(Math.ceil(size * 1.25));
    return this.head;
  }

  private growHits(needed: number): void {
    const capacity = Math.max(needed, this.hitTerm.length * 2);
    const grow = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.hitTerm = grow(this.hitTerm, new Int32Array(capacity));
    this.hitScore = grow(this.hitScore, new Float64Array(capacity));
    this.hitNext = grow(this.hitNext, new Int32Array(capacity));
  }
}

/** A frequent term's weighted BM25 contribution to the passage at position `at` of its list. */
/**
 * The most the lists before `essential` can add to a passage of block `block` of `docs`:
 * per list, the best of its blocks over that block's range of passages. Moves each list's
 * cursor to the range's first passage, which no later lookup goes below.
 */
function restBoundOver(
  long: readonly LongTerm[],
  essential: number,
  at: Int32Array,
  docs: Int32Array,
  block: number,
): number {
  const start = block << BLOCK_SHIFT;
  const end = Math.min(docs.length, start + (1 << BLOCK_SHIFT));
  const first = docs[start] ?? 0;
  const last = docs[end - 1] ?? 0;
  let rest = 0;
  for (let j = 0; j < essential; j++) {
    const term = long[j] as LongTerm;
    const from = seek(term.list.docs, at[j] ?? 0, first);
    at[j] = from;
    const to = seek(term.list.docs, from, last + 1);
    let best = 0;
    for (let b = from >> BLOCK_SHIFT; b <= (to - 1) >> BLOCK_SHIFT; b++)
      if ((term.blocks[b] ?? 0) > best) best = term.blocks[b] ?? 0;
    rest += best * term.blockWeight;
  }
  return rest;
}

function contribution(
  term: LongTerm,
  at: number,
  doc: number,
  k: number,
  b: number,
  d: number,
): number {
  let sum = 0;
  for (let c = 0; c < term.tfs.length; c++) {
    const tf = term.tfs[c]?.[at] ?? 0;
    if (tf === 0) continue;
    const length = term.lengths[c]?.[doc] ?? 0;
    sum += (term.scales[c] ?? 0) * bm25Part(tf, length, term.avgs[c] ?? 1, k, b, d);
  }
  return sum;
}

/**
 * A passage's score from its hits (query term, weighted contribution): the sum over the
 * clauses it satisfies, times the distinct sources it matched there; -1 when it matches
 * too little of the query (MiniSearch's coordination, the plan's coverage floor). A class,
 * not a closure made per search: the hot loops call one function, which V8 keeps inlined
 * from one search to the next (a new closure each time made it throw that code away).
 */
class PlanScorer {
  private readonly unitOf: Int32Array;
  private readonly clauseOf: Int32Array;
  private readonly sourceOf: Int32Array;
  private readonly clauseUnits: Int32Array[];
  private readonly clauseCovers: Int32Array[];
  private readonly unitSeen: Uint32Array;
  private readonly clauseDone: Uint32Array;
  private readonly sourceSeen: Uint32Array;
  private readonly wordSeen: Uint32Array;
  private readonly wordWeights: Float64Array;
  private readonly wordTotal: number;
  private readonly minCoverage: number;
  private stamp = 0;

  constructor(plan: QueryPlan, query: CompiledQuery) {
    const { terms, clauses } = query;
    this.unitOf = Int32Array.from(terms, (t) => t.unit);
    this.clauseOf = Int32Array.from(terms, (t) => t.clause);
    this.sourceOf = Int32Array.from(terms, (t) => t.source);
    this.clauseUnits = clauses.map((c) => Int32Array.from(c.units));
    this.clauseCovers = clauses.map((c) => Int32Array.from(c.covers));
    this.unitSeen = new Uint32Array(query.units);
    this.clauseDone = new Uint32Array(clauses.length);
    this.sourceSeen = new Uint32Array(query.sources);
    this.wordSeen = new Uint32Array(plan.wordWeights.length);
    this.wordWeights = Float64Array.from(plan.wordWeights);
    this.wordTotal = plan.wordWeights.reduce((x, y) => x + y, 0);
    this.minCoverage = plan.minCoverage;
  }

  score(hitTerms: Int32Array, hitScores: Float64Array, count: number): number {
    const stamp = ++this.stamp;
    const { unitOf, clauseOf, sourceOf, unitSeen, clauseDone, sourceSeen } = this;
    for (let i = 0; i < count; i++) unitSeen[unitOf[hitTerms[i] ?? 0] ?? 0] = stamp;
    const clauses = this.clauseUnits;
    for (let c = 0; c < clauses.length; c++) {
      const units = clauses[c] as Int32Array;
      let complete = true;
      for (let u = 0; u < units.length; u++) {
        if (unitSeen[units[u] ?? 0] !== stamp) {
          complete = false;
          break;
        }
      }
      if (complete) clauseDone[c] = stamp;
    }
    let sum = 0;
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      const t = hitTerms[i] ?? 0;
      if (clauseDone[clauseOf[t] ?? 0] !== stamp) continue;
      sum += hitScores[i] ?? 0;
      const s = sourceOf[t] ?? 0;
      if (sourceSeen[s] !== stamp) {
        sourceSeen[s] = stamp;
        distinct++;
      }
    }
    if (distinct === 0 || sum <= 0) return -1;
    if (this.wordTotal > 0) {
      const { wordSeen, wordWeights } = this;
      let covered = 0;
      for (let c = 0; c < clauses.length; c++) {
        if (clauseDone[c] !== stamp) continue;
        const covers = this.clauseCovers[c] as Int32Array;
        for (let i = 0; i < covers.length; i++) {
          const w = covers[i] ?? 0;
          if (wordSeen[w] === stamp) continue;
          wordSeen[w] = stamp;
          covered += wordWeights[w] ?? 0;
        }
      }
      if (covered / this.wordTotal < this.minCoverage) return -1;
    }
    return sum * distinct;
  }
}

/** One search's best passages so far, and which passages may enter. */
class Results {
  readonly heap: MinHeap;

  constructor(
    k: number,
    private readonly ids: Map<number, string>,
    private readonly accept: ((documentId: string) => boolean) | undefined,
  ) {
    this.heap = new MinHeap(k);
  }

  /** Keeps the passage if its score places; met in id order, an equal score does not. */
  offer(doc: number, score: number): boolean {
    const heap = this.heap;
    if (score < 0 || (heap.full && score <= heap.min)) return false;
    if (!this.admits(doc)) return false;
    heap.push(score, doc);
    return true;
  }

  /** The same for passages met out of id order: an equal score places by the lower id. */
  offerRanked(doc: number, score: number): boolean {
    const heap = this.heap;
    if (score < 0) return false;
    if (!heap.placesRanked(score, doc)) return false;
    if (!this.admits(doc)) return false;
    return heap.pushRanked(score, doc);
  }

  private admits(doc: number): boolean {
    const id = this.ids.get(doc);
    if (id === undefined) return false; // removed, not yet vacuumed
    return this.accept === undefined || this.accept(id);
  }
}

/**
 * How many of the frequent lists (lowest bound first) never need walking because passages
 * holding only them cover too little of the query for the plan's floor ("lite" of
 * "spillet lite" alone is no answer).
 */
function coverageShort(long: readonly LongTerm[], plan: QueryPlan, query: CompiledQuery): number {
  let uncovered = 0;
  const wordTotal = plan.wordWeights.reduce((x, y) => x + y, 0);
  if (wordTotal <= 0 || plan.minCoverage <= 0) return 0;
  const covered = new Uint8Array(plan.wordWeights.length);
  let share = 0;
  for (let j = 0; j < long.length; j++) {
    const clause = query.clauses[query.terms[(long[j] as LongTerm).index]?.clause ?? 0];
    for (const w of clause?.covers ?? []) {
      if (covered[w]) continue;
      covered[w] = 1;
      share += plan.wordWeights[w] ?? 0;
    }
    // With a margin for summing in another order than the scorer.
    if ((share * (1 + 1e-9)) / wordTotal >= plan.minCoverage) break;
    uncovered = j + 1;
  }
  return uncovered;
}

/**
 * The order a MaxScore walk reads its frequent lists in, and each list's cursor: lists
 * [0, essential) are looked up, the others walked. Per prefix of that order, the summed
 * bounds and the distinct sources (query words) among them.
 */
class Walk {
  readonly at: Int32Array;
  readonly prefixBound: Float64Array;
  readonly prefixSources: Int32Array;
  /** How often the lists were put in another order (figures kept per order go stale). */
  reorders = 0;
  private readonly sourceOf: Int32Array;
  private readonly sourceSeen: Uint8Array;
  private readonly sourceBound: Float64Array;
  private readonly sourceLeft: Float64Array;
  private readonly sourceLists: Int32Array;

  constructor(
    private readonly long: LongTerm[],
    query: CompiledQuery,
  ) {
    const n = long.length;
    this.at = new Int32Array(n);
    this.prefixBound = new Float64Array(n + 1);
    this.prefixSources = new Int32Array(n + 1);
    this.sourceOf = Int32Array.from(long, (t) => query.terms[t.index]?.source ?? 0);
    this.sourceSeen = new Uint8Array(query.sources);
    this.sourceBound = new Float64Array(query.sources);
    this.sourceLeft = new Float64Array(query.sources);
    this.sourceLists = new Int32Array(query.sources);
    this.prefixes();
  }

  /** `essential` moved past the lists whose passages can no longer place on their own. */
  partition(essential: number, heap: MinHeap): number {
    if (!heap.full) return essential;
    const theta = heap.min;
    const n = this.long.length;
    while (
      essential < n &&
      (this.prefixBound[essential + 1] ?? 0) * (this.prefixSources[essential + 1] ?? 0) <= theta
    )
      essential++;
    return essential;
  }

  /**
   * When every passage that can still place must hold one query word (the others' lists
   * together, times their words, stay at or under the k-th score) and that word's lists
   * have clearly fewer postings left than those walked now, walks them instead: the others
   * become lookups, and the lists newly walked start after `lastDoc`, the last passage
   * met. Returns the new `essential`.
   */
  rearrange(essential: number, heap: MinHeap, lastDoc: number): number {
    const { long, at, sourceOf, sourceBound, sourceLeft, sourceLists } = this;
    const n = long.length;
    if (essential >= n || !heap.full) return essential;
    const theta = heap.min;
    let walked = 0;
    for (let j = essential; j < n; j++)
      walked += (long[j] as LongTerm).list.docs.length - (at[j] ?? 0);
    sourceBound.fill(0);
    sourceLeft.fill(0);
    sourceLists.fill(0);
    let total = 0;
    let distinct = 0;
    for (let j = 0; j < n; j++) {
      const term = long[j] as LongTerm;
      const s = sourceOf[j] ?? 0;
      if (sourceLists[s] === 0) distinct++;
      sourceLists[s] = (sourceLists[s] ?? 0) + 1;
      sourceBound[s] = (sourceBound[s] ?? 0) + term.bound;
      sourceLeft[s] = (sourceLeft[s] ?? 0) + term.list.docs.length - (at[j] ?? 0);
      total += term.bound;
    }
    let best = -1;
    // Only for a clear gain: each change of order costs a seek per list.
    let bestLeft = walked * 0.75;
    for (let s = 0; s < sourceLists.length; s++) {
      if ((sourceLists[s] ?? 0) === 0 || (sourceLeft[s] ?? 0) >= bestLeft) continue;
      if ((total - (sourceBound[s] ?? 0)) * (distinct - 1) > theta) continue;
      best = s;
      bestLeft = sourceLeft[s] ?? 0;
    }
    if (best < 0) return essential;
    const positions = Array.from({ length: n }, (_, j) => j);
    const byBound = (a: number, b: number) =>
      (long[a] as LongTerm).bound - (long[b] as LongTerm).bound;
    const others = positions.filter((j) => sourceOf[j] !== best).sort(byBound);
    const own = positions.filter((j) => sourceOf[j] === best).sort(byBound);
    const order = [...others, ...own];
    const terms = order.map((j) => long[j] as LongTerm);
    const cursors = order.map((j) => at[j] ?? 0);
    const sources = order.map((j) => sourceOf[j] ?? 0);
    for (let j = 0; j < n; j++) {
      long[j] = terms[j] as LongTerm;
      at[j] = cursors[j] ?? 0;
      sourceOf[j] = sources[j] ?? 0;
    }
    const first = others.length;
    for (let j = first; j < n; j++)
      at[j] = seek((long[j] as LongTerm).list.docs, at[j] ?? 0, lastDoc + 1);
    this.prefixes();
    this.reorders++;
    return first;
  }

  private prefixes(): void {
    const { long, prefixBound, prefixSources, sourceOf, sourceSeen } = this;
    sourceSeen.fill(0);
    for (let j = 0; j < long.length; j++) {
      const source = sourceOf[j] ?? 0;
      prefixBound[j + 1] = (prefixBound[j] ?? 0) + (long[j] as LongTerm).bound;
      prefixSources[j + 1] = (prefixSources[j] ?? 0) + (sourceSeen[source] ? 0 : 1);
      sourceSeen[source] = 1;
    }
  }
}

/**
 * Plans that take every path of the frequent walks over three frequent terms, `a` the
 * longest and `c` short beside it (a quarter of its postings or fewer, read whole): one
 * list best blocks first, one read whole beside it, two words each too weak alone (the
 * longer with the higher bound, so the walk turns to the shorter: with k 1 or 3 the bar is
 * soon high enough for that), three words.
 */
function walkPlans(a: string, b: string, c: string): QueryPlan[] {
  const term = (t: string, weight = 1, source?: string) => ({
    term: t,
    weight,
    prefix: false,
    fuzzy: 0,
    ...(source ? { source } : {}),
  });
  const plan = (...words: ReturnType<typeof term>[][]): QueryPlan => ({
    clauses: words.map((group, i) => ({ groups: [group], covers: [i] })),
    wordWeights: words.map(() => 1),
    minCoverage: 0.25,
    expansionWeights: { prefix: 0.375, fuzzy: 0.45 },
  });
  return [
    plan([term(a)]),
    plan([term(a), term(c, 0.5, a)]),
    plan([term(a)], [term(b, 0.5)]),
    plan([term(a, 2)], [term(b, 0.3)]),
    plan([term(b, 2)], [term(a, 0.3)]),
    plan([term(a), term(c, 0.5, a)], [term(b)]),
    plan([term(c)], [term(a)], [term(b)]),
  ];
}

/** Each of `terms` the index holds, with its data. */
function* termsWithData(
  terms: Iterable<string>,
  index: MiniInternals['_index'],
): Generator<[string, FieldTermData]> {
  for (const term of terms) {
    const data = index.get(term);
    if (data) yield [term, data];
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
