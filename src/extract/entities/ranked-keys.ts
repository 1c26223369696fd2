/**
 * Folded keys (names, their words and short forms, roles) each naming a set of items by
 * rank, 0 being the item the archive says most about. Autocomplete and close-name
 * suggestions read this instead of scanning every entity:
 *
 * - The keys are one sorted array, so the keys that start with what was typed are one
 *   contiguous range, found by binary search. The array is also an implicit trie: the
 *   keys under a node (a prefix) are a range, and its children are sub-ranges.
 * - A range small enough is read whole; for a prefix whose range holds more than
 *   `SCAN_LIMIT` postings ("a", "an", "and"), its best `KEEP` items were merged at build
 *   from its children, so no lookup reads more than a few hundred postings.
 * - Close spellings walk the implicit trie carrying one edit-distance row per node
 *   (restricted Damerau-Levenshtein, as `editDistance`), and leave a branch as soon as
 *   every cell of its row exceeds the bound: cost grows with the bound and the typed
 *   word, not with the number of keys.
 *
 * MiniSearch's SearchableMap (a radix tree) was the first candidate, being this project's
 * library already; it matches a whole key fuzzily but not a prefix ("mekr" for "Merkel"),
 * and ranking the items under a prefix means visiting its whole subtree. A sorted array
 * does both, in two typed arrays and one array of strings.
 */

/** Lets a long build yield to the event loop: `Slicer` in src/archive/pace.ts fits. */
export interface Pace {
  due(): boolean;
  breathe(): Promise<void>;
}

/**
 * The most items a precomputed prefix keeps: more than a lookup asks for (Discord offers
 * at most 25 choices), so that a list
 * still answers when some of its items are left out (entities an incremental reload
 * replaced, choices an earlier tier took) instead of reading the whole range.
 */
const KEEP = 64;
/** Up to this many postings a range is read whole; above it its top list is precomputed. */
const SCAN_LIMIT = 512;
/** Keys laid out between two yields of the build. */
const KEYS_PER_STEP = 10_000;

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
    // Sorted in buckets by first character so that no single sort holds the thread long.
    const buckets = new Map<number, string[]>();
    let seen = 0;
    for (const key of this.#postings.keys()) {
      const first = key.charCodeAt(0);
      const bucket = buckets.get(first);
      if (bucket) bucket.push(key);
      else buckets.set(first, [key]);
      if (++seen % KEYS_PER_STEP === 0) yield;
    }
    const keys: string[] = [];
    for (const first of [...buckets.keys()].sort((a, b) => a - b)) {
      // The default sort compares UTF-16 code units, as `<` does in the binary searches.
      for (const key of (buckets.get(first) ?? []).sort()) keys.push(key);
      yield;
    }
    let total = 0;
    for (const list of this.#postings.values()) total += list.length;
    const starts = new Int32Array(keys.length + 1);
    const ranks = new Int32Array(total);
    let at = 0;
    for (const [i, key] of keys.entries()) {
      starts[i] = at;
      const list = (this.#postings.get(key) ?? []).sort((a, b) => a - b);
      ranks.set(list, at);
      at += list.length;
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
    starts[keys.length] = at;
    this.#postings.clear();
    yield;
    const built = new RankedKeys(keys, starts, ranks);
    yield* built.precompute();
    return built;
  }
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

export class RankedKeys {
  readonly #heavy = new Map<string, Int32Array>();

  constructor(
    private readonly keys: readonly string[],
    /** Postings of keys[i] are ranks[starts[i]] up to ranks[starts[i + 1]], ascending. */
    private readonly starts: Int32Array,
    private readonly ranks: Int32Array,
  ) {}

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
    return node ? this.topOf(node, prefix, limit, exclude) : [];
  }

  /**
   * The best `limit` ranks (ascending) of keys with some prefix within `maxDistance` edits
   * of `typed` ("mekr" reaches "merkel" through "merk"), leaving out `exclude`.
   */
  topNearPrefix(
    typed: string,
    maxDistance: number,
    limit: number,
    exclude: ReadonlySet<number> = new Set(),
  ): number[] {
    const found = new Set<number>();
    this.walk(typed, maxDistance, 'prefix', false, (node) => {
      const prefix = (this.keys[node.from] ?? '').slice(0, node.depth);
      for (const rank of this.topOf(node, prefix, limit, exclude)) found.add(rank);
    });
    return [...found].sort((a, b) => a - b).slice(0, limit);
  }

  /**
   * Every rank with a whole key within `maxDistance` edits of `typed`, with its least
   * distance; with `sameFirst`, only keys that begin with the same character as `typed`.
   */
  near(typed: string, maxDistance: number, sameFirst = false): Map<number, number> {
    const best = new Map<number, number>();
    this.walk(typed, maxDistance, 'key', sameFirst, (node, distance) => {
      for (let p = this.at(node.from); p < this.at(node.from + 1); p++) {
        const rank = this.ranks[p] ?? 0;
        const known = best.get(rank);
        if (known === undefined || distance < known) best.set(rank, distance);
      }
    });
    return best;
  }

  /** Build step: the top list of every prefix whose range is too large to read per lookup. */
  *precompute(): Generator<void, void> {
    if (this.keys.length > 0) yield* this.topUnder({ from: 0, to: this.keys.length, depth: 0 });
  }

  private *topUnder(node: Node): Generator<void, number[]> {
    if (this.postingCount(node) <= SCAN_LIMIT) return this.scan(node, KEEP, new Set());
    const merged = new Set<number>();
    for (const child of this.children(node)) {
      const childTop =
        child.depth === node.depth
          ? this.scan(child, KEEP, new Set())
          : yield* this.topUnder(child);
      for (const rank of childTop) merged.add(rank);
    }
    const top = [...merged].sort((a, b) => a - b).slice(0, KEEP);
    if (node.depth > 0)
      this.#heavy.set((this.keys[node.from] ?? '').slice(0, node.depth), Int32Array.from(top));
    yield;
    return top;
  }

  private topOf(node: Node, prefix: string, limit: number, exclude: ReadonlySet<number>): number[] {
    const precomputed = this.#heavy.get(prefix);
    if (precomputed) {
      const out: number[] = [];
      for (const rank of precomputed) {
        if (out.length >= limit) break;
        if (!exclude.has(rank)) out.push(rank);
      }
      // The list is the range's best KEEP: enough when it filled the request or is all there is.
      if (out.length >= limit || precomputed.length < KEEP) return out;
    }
    // Small ranges, and large ones asked for more than was precomputed, are read whole.
    return this.scan(node, limit, exclude);
  }

  private scan(node: Node, limit: number, exclude: ReadonlySet<number>): number[] {
    const slice = this.ranks.slice(this.at(node.from), this.at(node.to)).sort();
    const out: number[] = [];
    let last = -1;
    for (const rank of slice) {
      if (out.length >= limit) break;
      if (rank === last) continue;
      last = rank;
      if (!exclude.has(rank)) out.push(rank);
    }
    return out;
  }

  /**
   * Depth-first over the implicit trie with the edit distance of each node's prefix to
   * `typed`. 'prefix' reports a node as soon as its prefix is close enough (its whole
   * range then matches); 'key' reports each whole key that is, with its distance. One row
   * per depth is reused across siblings: a branch is done before the next one starts.
   */
  private walk(
    typed: string,
    maxDistance: number,
    mode: 'prefix' | 'key',
    sameFirst: boolean,
    report: (node: Node, distance: number) => void,
  ): void {
    const m = typed.length;
    if (this.keys.length === 0) return;
    if (mode === 'prefix' && m <= maxDistance) {
      report({ from: 0, to: this.keys.length, depth: 0 }, m);
      return;
    }
    const rows: Int32Array[] = [Int32Array.from({ length: m + 1 }, (_, j) => j)];
    const rowAt = (depth: number): Int32Array => {
      let row = rows[depth];
      if (!row) {
        row = new Int32Array(m + 1);
        rows[depth] = row;
      }
      return row;
    };
    const visit = (from: number, to: number, depth: number, lastCode: number): void => {
      const row = rowAt(depth);
      const above = rowAt(Math.max(0, depth - 1));
      const next = rowAt(depth + 1);
      let i = from;
      // The key ending at this node was reported by the parent.
      if (i < to && (this.keys[i] ?? '').length === depth) i += 1;
      while (i < to) {
        const code = (this.keys[i] ?? '').charCodeAt(depth);
        const end = this.childEnd(i, to, depth, code);
        const child = i;
        i = end;
        if (sameFirst && depth === 0 && code !== typed.charCodeAt(0)) continue;
        next[0] = depth + 1;
        let rowMin = depth + 1;
        for (let j = 1; j <= m; j++) {
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
        if (rowMin > maxDistance) continue;
        const distance = next[m] ?? maxDistance + 1;
        if (mode === 'prefix') {
          if (distance <= maxDistance) {
            report({ from: child, to: end, depth: depth + 1 }, distance);
            continue;
          }
        } else if ((this.keys[child] ?? '').length === depth + 1 && distance <= maxDistance) {
          report({ from: child, to: child + 1, depth: depth + 1 }, distance);
        }
        visit(child, end, depth + 1, code);
      }
    };
    visit(0, this.keys.length, 0, -1);
  }

  /**
   * The children of a node: first the key that ends at the node, if any (a range of one
   * at the same depth), then one range per next character.
   */
  private *children(node: Node): Generator<Node> {
    let i = node.from;
    if (i < node.to && (this.keys[i] ?? '').length === node.depth) {
      yield { from: i, to: i + 1, depth: node.depth };
      i += 1;
    }
    while (i < node.to) {
      const end = this.childEnd(
        i,
        node.to,
        node.depth,
        (this.keys[i] ?? '').charCodeAt(node.depth),
      );
      yield { from: i, to: end, depth: node.depth + 1 };
      i = end;
    }
  }

  /**
   * Where the keys with `code` after a shared prefix of `depth` characters end: keys in
   * [from, to) share the prefix and are sorted, and those with `code` next come first.
   */
  private childEnd(from: number, to: number, depth: number, code: number): number {
    let lo = from + 1;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] ?? '').charCodeAt(depth) === code) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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

  private postingCount(node: Node): number {
    return this.at(node.to) - this.at(node.from);
  }

  private at(i: number): number {
    return this.starts[i] ?? 0;
  }
}
