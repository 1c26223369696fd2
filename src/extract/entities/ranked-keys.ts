/**
 * Folded keys (names, their words and short forms, roles) each naming a set of items by
 * rank, 0 being the item the archive says most about. Autocomplete and close-name
 * suggestions read this instead of scanning every entity:
 *
 * - The keys are one sorted array, so the keys that start with what was typed are one
 *   contiguous range, found by binary search. The array is also an implicit trie: the
 *   keys under a node (a prefix) are a range, and its children are sub-ranges.
 * - A lookup never reads a range whole: a segment tree over each key's best rank
 *   (`RangeMin`) leads it to the best keys first and skips every part of a range whose
 *   best rank cannot enter the few it keeps (`BestRanks`), so "a" costs about what "anni"
 *   does.
 * - Close spellings walk the implicit trie carrying one edit-distance row per node
 *   (restricted Damerau-Levenshtein, as `editDistance`), and leave a branch as soon as
 *   every cell of its row exceeds the bound, or as soon as its best rank cannot beat what
 *   was found already: cost grows with the bound and the typed word, not with the number
 *   of keys.
 *
 * MiniSearch's SearchableMap (a radix tree) was the first candidate, being this project's
 * library already; it matches a whole key fuzzily but not a prefix ("mekr" for "Merkel"),
 * and ranking the items under a prefix means visiting its whole subtree. A sorted array
 * does both, in two typed arrays and one array of strings.
 */

import { BestRanks, ClosestRanks } from './best-ranks';
import { NONE, RangeMin, type RangeReader } from './range-min';
import { compareCodeUnits, sortInSteps } from './sort-steps';

/** Lets a long build yield to the event loop: `Slicer` in src/archive/pace.ts fits. */
export interface Pace {
  due(): boolean;
  breathe(): Promise<void>;
}

/** Keys laid out between two yields of the build (each yield only asks the pace). */
const KEYS_PER_STEP = 2_000;

/** Collects key -> rank postings before the keys are sorted. */
export class RankedKeysBuilder {
  readonly #postings = new Map<string, number[]>();

  add(key: string, rank: number): void {
    if (key === '') return;
    const list = this.#postings.get(key);
    if (!list) this.#postings.set(key, [rank]);
    // Callers add in rank order, so a new rank is almost always above the last one.
    else if (rank > (list[list.length - 1] ?? -1) || !list.includes(rank)) list.push(rank);
  }

  /** The build, as steps that yield now and then: drive with `runSteps` or `runStepsAsync`. */
  *steps(): Generator<void, RankedKeys> {
    // Sorted in steps, so that no single sort holds the thread long (by UTF-16 code units,
    // as `<` compares in the binary searches). One bucket per first character was not
    // enough: at 400k passages the keys under "s" alone took 100 ms or more to sort.
    const keys = yield* sortInSteps([...this.#postings.keys()], compareCodeUnits);
    let total = 0;
    let length = 0;
    for (const [i, key] of keys.entries()) {
      length += key.length;
      total += this.#postings.get(key)?.length ?? 0;
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
    const starts = new Int32Array(keys.length + 1);
    const ranks = new Int32Array(total);
    const text = { codes: new Uint16Array(length), offsets: new Int32Array(keys.length + 1) };
    const best = new Int32Array(keys.length);
    const shortness = new Int32Array(keys.length);
    const lengths = new Int32Array(keys.length);
    let at = 0;
    let code = 0;
    for (const [i, key] of keys.entries()) {
      starts[i] = at;
      const list = (this.#postings.get(key) ?? []).sort((a, b) => a - b);
      ranks.set(list, at);
      best[i] = list[0] ?? NONE;
      shortness[i] = -key.length;
      lengths[i] = key.length;
      at += list.length;
      text.offsets[i] = code;
      for (let c = 0; c < key.length; c++) text.codes[code++] = key.charCodeAt(c);
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
    starts[keys.length] = at;
    text.offsets[keys.length] = code;
    this.#postings.clear();
    yield;
    return new RankedKeys(keys, starts, ranks, text, {
      best: new RangeMin(best),
      shortness: new RangeMin(shortness),
      length: new RangeMin(lengths),
    });
  }
}

/** A `RankedKeys` as plain columns: what a snapshot stores (its precomputed lists are not). */
export interface KeyColumns {
  keys: readonly string[];
  starts: Int32Array;
  ranks: Int32Array;
}

/** Key -> ranks lists (ascending) as columns, keys sorted as `RankedKeys` sorts them (in steps). */
export function* keyColumns(
  lists: ReadonlyMap<string, readonly number[]>,
): Generator<void, KeyColumns> {
  const keys = yield* sortInSteps([...lists.keys()], compareCodeUnits);
  const starts = new Int32Array(keys.length + 1);
  let total = 0;
  for (const list of lists.values()) total += list.length;
  const ranks = new Int32Array(total);
  let at = 0;
  for (const [i, key] of keys.entries()) {
    starts[i] = at;
    const list = lists.get(key) ?? [];
    ranks.set(list, at);
    at += list.length;
    if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
  }
  starts[keys.length] = at;
  return { keys, starts, ranks };
}

/** Runs build steps to the end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs build steps, yielding to the event loop whenever the pace says a slice is used up. */
export async function runStepsAsync<T>(steps: Generator<void, T>, pace: Pace): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (pace.due()) await pace.breathe();
  }
}

/** A range of keys [from, to) that share a prefix of `depth` characters. */
interface Node {
  from: number;
  to: number;
  depth: number;
}

/** How `RankedKeys.walk` goes over the implicit trie. */
interface Walk {
  /** The most edits a reported node may be off by; read again at every node. */
  maxDistance: () => number;
  /** 'prefix' reports a node whose prefix is close enough; 'key' each whole key that is. */
  mode: 'prefix' | 'key';
  /** Only keys that begin with the same character as what was typed. */
  sameFirst: boolean;
  /** Whether the keys [from, to), none closer than `least` edits, could still be of use. */
  enter: (from: number, to: number, least: number) => boolean;
  report: (node: Node, distance: number) => void;
}

/**
 * The keys' characters in one typed array: the trie walk reads a character of key i at
 * depth d thousands of times a lookup, and reading it from the key strings (each its own
 * object somewhere in the heap) cost a cache miss a time.
 */
interface KeyText {
  codes: Uint16Array;
  /** Key i is codes[offsets[i]] up to codes[offsets[i + 1]]. */
  offsets: Int32Array;
}

/** What a lookup asks of any range of keys without reading the range. */
interface RangeBounds {
  /** The best rank of each key's postings. */
  best: RangeMin;
  /** Minus the length of each key: the longest key of a range. */
  shortness: RangeMin;
  /** The length of each key: the shortest key of a range. */
  length: RangeMin;
}

export class RankedKeys {
  /** Trie nodes the close-key walks stepped into, all lookups together (the bench's count). */
  walked = 0;
  private readonly best: RangeMin;
  private readonly shortness: RangeMin;
  private readonly length: RangeMin;

  constructor(
    private readonly keys: readonly string[],
    /** Postings of keys[i] are ranks[starts[i]] up to ranks[starts[i + 1]], ascending. */
    private readonly starts: Int32Array,
    private readonly ranks: Int32Array,
    private readonly text: KeyText,
    bounds: RangeBounds,
  ) {
    this.best = bounds.best;
    this.shortness = bounds.shortness;
    this.length = bounds.length;
  }

  /** Keys as columns were stored, with what lookups read beside them worked out again (in steps). */
  static *restore(columns: KeyColumns): Generator<void, RankedKeys> {
    const { keys, starts, ranks } = columns;
    if (starts.length !== keys.length + 1 || starts[keys.length] !== ranks.length)
      throw new Error('Ranked keys: columns do not add up');
    let length = 0;
    for (const key of keys) length += key.length;
    const text = { codes: new Uint16Array(length), offsets: new Int32Array(keys.length + 1) };
    const best = new Int32Array(keys.length);
    const shortness = new Int32Array(keys.length);
    const lengths = new Int32Array(keys.length);
    let code = 0;
    for (const [i, key] of keys.entries()) {
      const from = starts[i] ?? 0;
      best[i] = from < (starts[i + 1] ?? 0) ? (ranks[from] ?? NONE) : NONE;
      shortness[i] = -key.length;
      lengths[i] = key.length;
      text.offsets[i] = code;
      for (let c = 0; c < key.length; c++) text.codes[code++] = key.charCodeAt(c);
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
    text.offsets[keys.length] = code;
    yield;
    return new RankedKeys(keys, starts, ranks, text, {
      best: new RangeMin(best),
      shortness: new RangeMin(shortness),
      length: new RangeMin(lengths),
    });
  }

  columns(): KeyColumns {
    return { keys: this.keys, starts: this.starts, ranks: this.ranks };
  }

  get size(): number {
    return this.keys.length;
  }

  /** The ranks of one exact key, ascending. */
  exact(key: string): number[] {
    const i = this.lowerBound(key);
    if (this.keys[i] !== key) return [];
    return Array.from(this.ranks.subarray(this.at(i), this.at(i + 1)));
  }

  /** The best `limit` ranks (ascending) of keys starting with `prefix`, leaving out `exclude`. */
  top(prefix: string, limit: number, exclude: ReadonlySet<number> = new Set()): number[] {
    const node = this.rangeOf(prefix);
    if (!node) return [];
    const best = new BestRanks(limit, exclude);
    this.collect(node.from, node.to, best);
    return best.ranks();
  }

  /**
   * The best `limit` ranks (ascending) of keys with some prefix within `maxDistance` edits
   * of `typed` ("mekr" reaches "merkel" through "merk"), leaving out `exclude`. A branch
   * whose best rank cannot enter what was found already is not walked.
   */
  topNearPrefix(
    typed: string,
    maxDistance: number,
    limit: number,
    exclude: ReadonlySet<number> = new Set(),
  ): number[] {
    const best = new BestRanks(limit, exclude);
    this.walk(typed, {
      maxDistance: () => maxDistance,
      mode: 'prefix',
      sameFirst: false,
      enter: (from, to) => !best.full || this.best.min(from, to) < best.bound,
      report: (node) => this.collect(node.from, node.to, best),
    });
    return best.ranks();
  }

  /**
   * The best `limit` ranks with a whole key within `maxDistance` edits of `typed`, by
   * least distance then rank, each with its least distance, leaving out `exclude`; with
   * `sameFirst`, only keys that begin with the same character as `typed`. Once `limit`
   * are found the walk narrows to what could still beat the worst of them.
   */
  closest(
    typed: string,
    maxDistance: number,
    limit: number,
    options: { sameFirst?: boolean; exclude?: ReadonlySet<number> } = {},
  ): [rank: number, distance: number][] {
    const found = new ClosestRanks(limit, options.exclude ?? new Set());
    this.walk(typed, {
      maxDistance: () => found.maxDistance(maxDistance),
      mode: 'key',
      sameFirst: options.sameFirst ?? false,
      // Every key below has at least the row's least distance and the range's best rank.
      enter: (from, to, least) => !found.full || found.admits(least, this.best.min(from, to)),
      report: (node, distance) => {
        for (let p = this.at(node.from); p < this.at(node.from + 1); p++) {
          const rank = this.ranks[p] ?? 0;
          if (!found.admits(distance, rank)) break;
          found.add(rank, distance);
        }
      },
    });
    return found.entries();
  }

  /** Adds the ranks of keys [from, to) to `best`, best keys first, skipping keys that cannot get in. */
  private collect(from: number, to: number, best: BestRanks): void {
    this.best.each(from, to, new PostingsInto(best, this.starts, this.ranks));
  }

  /**
   * Depth-first over the implicit trie with the edit distance of each node's prefix to
   * `typed`. 'prefix' reports a node as soon as its prefix is close enough (its whole
   * range then matches); 'key' reports each whole key that is, with its distance. One row
   * per depth is reused across siblings: a branch is done before the next one starts.
   */
  private walk(typed: string, how: Walk): void {
    const { mode, sameFirst, enter, report } = how;
    const m = typed.length;
    if (this.keys.length === 0) return;
    if (mode === 'prefix' && m <= how.maxDistance()) {
      report({ from: 0, to: this.keys.length, depth: 0 }, m);
      return;
    }
    // The bound never grows during a walk: the first one sets the band of cells computed.
    const bound = how.maxDistance();
    const rows: Int32Array[] = [
      Int32Array.from({ length: m + 1 }, (_, j) => Math.min(j, bound + 1)),
    ];
    const rowAt = (depth: number): Int32Array => {
      let row = rows[depth];
      if (!row) {
        row = new Int32Array(m + 1);
        rows[depth] = row;
      }
      return row;
    };
    /** The child [child, end) with next character `code`, below a node at `depth`. */
    const step = (child: number, end: number, depth: number, code: number, lastCode: number) => {
      this.walked++;
      const row = rowAt(depth);
      const above = rowAt(Math.max(0, depth - 1));
      const next = rowAt(depth + 1);
      // Only the band of cells within `bound` of the diagonal can be within the bound;
      // those just outside it are written as over the bound, and no others are read.
      const first = Math.max(1, depth + 1 - bound);
      const last = Math.min(m, depth + 1 + bound);
      next[0] = Math.min(depth + 1, bound + 1);
      if (first > 1) next[first - 1] = bound + 1;
      if (last < m) next[last + 1] = bound + 1;
      let rowMin = next[0] ?? 0;
      for (let j = first; j <= last; j++) {
        const typedCode = typed.charCodeAt(j - 1);
        let value = Math.min(
          (row[j] ?? 0) + 1,
          (next[j - 1] ?? 0) + 1,
          (row[j - 1] ?? 0) + (typedCode === code ? 0 : 1),
        );
        // A swap of two neighbours counts one edit ("mekr" ~ "merk").
        if (depth >= 1 && j >= 2 && typedCode === lastCode && typed.charCodeAt(j - 2) === code)
          value = Math.min(value, (above[j - 2] ?? 0) + 1);
        next[j] = value;
        if (value < rowMin) rowMin = value;
      }
      const maxDistance = how.maxDistance();
      if (rowMin > maxDistance) return;
      const least =
        mode === 'key'
          ? this.leastToWholeKey(next, first - 1, last + 1, depth + 1, child, end, maxDistance)
          : rowMin;
      if (least > maxDistance || !enter(child, end, least)) return;
      const distance = m <= last + 1 ? (next[m] ?? bound + 1) : bound + 1;
      if (mode === 'prefix') {
        if (distance <= maxDistance) {
          report({ from: child, to: end, depth: depth + 1 }, distance);
          return;
        }
      } else if (this.lengthOf(child) === depth + 1 && distance <= maxDistance) {
        report({ from: child, to: child + 1, depth: depth + 1 }, distance);
      }
      visit(child, end, depth + 1, code);
    };
    const visit = (from: number, to: number, depth: number, lastCode: number): void => {
      let i = from;
      // The key ending at this node was reported by the parent.
      if (i < to && this.lengthOf(i) === depth) i += 1;
      const viable =
        sameFirst && depth === 0
          ? [typed.charCodeAt(0)]
          : this.viableCodes(
              typed,
              bound,
              rowAt(depth),
              rowAt(Math.max(0, depth - 1)),
              depth,
              lastCode,
              how.maxDistance(),
            );
      if (viable) {
        // Only these next characters can keep the branch within the bound: find each
        // child by binary search rather than trying every one.
        for (const code of viable) {
          const child = this.childStart(i, to, depth, code);
          if (child < to && this.codeAt(child, depth) === code)
            step(child, this.childEnd(child, to, depth, code), depth, code, lastCode);
        }
        return;
      }
      // The child that matches the next typed character first: the closest keys are most
      // likely below it, and once enough are found the bound they set prunes the rest.
      const next = mode === 'key' && depth < m ? typed.charCodeAt(depth) : -1;
      let first = to;
      if (next >= 0) {
        first = this.childStart(i, to, depth, next);
        if (first < to && this.codeAt(first, depth) === next) {
          const end = this.childEnd(first, to, depth, next);
          step(first, end, depth, next, lastCode);
        } else first = to;
      }
      while (i < to) {
        const code = this.codeAt(i, depth);
        const end = this.childEnd(i, to, depth, code);
        if (i !== first) step(i, end, depth, code, lastCode);
        i = end;
      }
    };
    visit(0, this.keys.length, 0, -1);
  }

  /**
   * The fewest edits any whole key in [from, to) (all sharing a prefix of `depth`
   * characters, whose row `row` is, written in cells lo..hi) can be from what was typed:
   * a key's alignment leaves the prefix at some cell j, and what is left of the key must
   * then make up for the rest of the typed word, at least the difference of their lengths.
   * So a branch whose keys are all much shorter or longer than what the row still wants
   * ("terje h" for "terje heimrudvix", below it only "terje hau") is left at once.
   * Cells outside lo..hi are over the bound and cannot lower it.
   */
  private leastToWholeKey(
    row: Int32Array,
    lo: number,
    hi: number,
    depth: number,
    from: number,
    to: number,
    maxDistance: number,
  ): number {
    // One key: its own length, no range to ask.
    const shortest = to - from === 1 ? this.lengthOf(from) : this.length.min(from, to);
    const longest = to - from === 1 ? shortest : -this.shortness.min(from, to);
    const m = row.length - 1;
    let least = maxDistance + 1;
    for (let j = Math.max(0, lo); j <= hi && j <= m; j++) {
      const wanted = m - j;
      const fewest = shortest - depth;
      const most = longest - depth;
      const gap = wanted > most ? wanted - most : wanted < fewest ? fewest - wanted : 0;
      const value = (row[j] ?? 0) + gap;
      if (value < least) least = value;
    }
    return least;
  }

  /**
   * The next characters that can keep a node whose row is `row` within `maxDistance`, when
   * the row has no slack left (no cell below the bound): then a child stays only by
   * matching a typed character (or swapping with the last one); `undefined` when any
   * character may.
   */
  private viableCodes(
    typed: string,
    band: number,
    row: Int32Array,
    above: Int32Array,
    depth: number,
    lastCode: number,
    maxDistance: number,
  ): number[] | undefined {
    const m = typed.length;
    // The row's cells were written within `band` + 1 of the diagonal; the rest are over.
    const from = Math.max(0, depth - band - 1);
    const to = Math.min(m, depth + band + 1);
    for (let j = from; j <= to; j++) if ((row[j] ?? 0) < maxDistance) return undefined;
    const codes: number[] = [];
    for (let j = from + 1; j <= to + 1 && j <= m; j++) {
      let code = -1;
      if ((row[j - 1] ?? 0) <= maxDistance) code = typed.charCodeAt(j - 1);
      if (code >= 0 && !codes.includes(code)) codes.push(code);
      // A swap with the last character ("mekr" ~ "merk") lets the typed one before it in.
      if (
        depth >= 1 &&
        j >= 2 &&
        j - 2 >= depth - band - 2 &&
        typed.charCodeAt(j - 1) === lastCode &&
        (above[j - 2] ?? 0) < maxDistance
      ) {
        code = typed.charCodeAt(j - 2);
        if (!codes.includes(code)) codes.push(code);
      }
    }
    return codes;
  }

  /**
   * Where the keys with `code` after a shared prefix of `depth` characters begin, among
   * keys [from, to) that share the prefix and each have a character after it.
   */
  private childStart(from: number, to: number, depth: number, code: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.codeAt(mid, depth) < code) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Where the keys with `code` after a shared prefix of `depth` characters end: keys in
   * [from, to) share the prefix and are sorted, and those with `code` next come first.
   */
  private childEnd(from: number, to: number, depth: number, code: number): number {
    // Galloping first: most children are a few keys, so their end is near.
    let lo = from + 1;
    let step = 1;
    while (lo + step < to && this.codeAt(lo + step, depth) === code) {
      lo += step + 1;
      step *= 2;
    }
    let hi = Math.min(to, lo + step);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.codeAt(mid, depth) === code) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The character of key i at `depth`, or -1 past its end. */
  private codeAt(i: number, depth: number): number {
    const at = (this.text.offsets[i] ?? 0) + depth;
    return at < (this.text.offsets[i + 1] ?? 0) ? (this.text.codes[at] ?? -1) : -1;
  }

  private lengthOf(i: number): number {
    return (this.text.offsets[i + 1] ?? 0) - (this.text.offsets[i] ?? 0);
  }

  /** The node holding exactly the keys that start with `prefix`. */
  private rangeOf(prefix: string): Node | undefined {
    const from = this.lowerBound(prefix);
    let lo = from;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? '').startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo > from ? { from, to: lo, depth: prefix.length } : undefined;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private at(i: number): number {
    return this.starts[i] ?? 0;
  }
}

/** Reads the postings of the keys a `RangeMin` hands over into `best`, until one cannot get in. */
class PostingsInto implements RangeReader {
  constructor(
    private readonly best: BestRanks,
    private readonly starts: Int32Array,
    private readonly ranks: Int32Array,
  ) {}

  get bound(): number {
    return this.best.bound;
  }

  read(key: number): void {
    const end = this.starts[key + 1] ?? 0;
    for (let p = this.starts[key] ?? 0; p < end; p++) {
      const rank = this.ranks[p] ?? 0;
      // Postings are ascending: the rest of this key cannot get in either.
      if (rank >= this.best.bound) return;
      this.best.add(rank);
    }
  }
}
