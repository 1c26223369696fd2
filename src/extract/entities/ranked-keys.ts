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
 *   (restricted Damerau-Levenshtein, as `editDistance`; `KeyTrie`), and leave a branch as
 *   soon as every cell of its row exceeds the bound, or as soon as its best rank cannot
 *   beat what was found already: cost grows with the bound and the typed word, not with
 *   the number of keys. Close whole keys are found from both ends (the keys are kept
 *   spelt backwards too), each walk allowed few edits until half the word is matched.
 *
 * MiniSearch's SearchableMap (a radix tree) was the first candidate, being this project's
 * library already; it matches a whole key fuzzily but not a prefix ("mekr" for "Merkel"),
 * and ranking the items under a prefix means visiting its whole subtree. A sorted array
 * does both, in typed arrays and one array of strings.
 */

import type { Pace } from '../../knowledge/pace';
import { KeysAfterFirst } from './after-first';
import { BestRanks, ClosestRanks } from './best-ranks';
import { KeyTrie, type Node, type Tight } from './key-trie';
import { NONE, type RangeReader } from './range-min';
import { compareCodeUnits, sortInSteps } from './sort-steps';

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
    for (const [i, key] of keys.entries()) {
      total += this.#postings.get(key)?.length ?? 0;
      if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
    }
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
    return yield* RankedKeys.over({ keys, starts, ranks });
  }
}

/** A `RankedKeys` as plain columns: what a snapshot stores (its precomputed lists are not). */
export interface KeyColumns {
  keys: readonly string[];
  starts: Int32Array;
  ranks: Int32Array;
  /**
   * The two sort orders of the keys that lookups read beside them, when known (a `RankedKeys`
   * built whole, or one restored with them): stored, a restart lays the keys out in them
   * instead of sorting them again (at 400k passages the two sorts of the name and role
   * keys were 0.4 s of a warm start's main thread). Columns merged from layers have them
   * merged from the layers' (`mergeKeyOrders`) when both layers had theirs.
   */
  orders?: KeyOrders;
}

/** The keys' orders spelt backwards and by what follows their first character (key indexes by position). */
export interface KeyOrders {
  backward: Int32Array;
  afterFirst: Int32Array;
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

export class RankedKeys {
  private constructor(
    private readonly keys: readonly string[],
    /** Postings of keys[i] are ranks[starts[i]] up to ranks[starts[i + 1]], ascending. */
    private readonly starts: Int32Array,
    private readonly ranks: Int32Array,
    /** The keys as they are: prefixes are ranges of it. */
    private readonly forward: KeyTrie,
    /** The same keys spelt backwards: a close key's ending is a range of it. */
    private readonly backward: KeyTrie,
    /** The same keys by what follows their first letter: a slip in it is a range. */
    private readonly afterFirst: KeysAfterFirst,
  ) {}

  /** Keys as columns, with what lookups read beside them laid out (in steps). */
  static *over(columns: KeyColumns): Generator<void, RankedKeys> {
    const { keys, starts, ranks } = columns;
    const bestOf = (i: number): number => {
      const from = starts[i] ?? 0;
      return from < (starts[i + 1] ?? 0) ? (ranks[from] ?? NONE) : NONE;
    };
    const forward = yield* KeyTrie.sorted(keys, bestOf);
    const backward = yield* KeyTrie.reversed(forward, columns.orders?.backward);
    const afterFirst = yield* KeysAfterFirst.over(
      forward.text,
      forward.best,
      columns.orders?.afterFirst,
    );
    return new RankedKeys(keys, starts, ranks, forward, backward, afterFirst);
  }

  /** Keys as columns were stored, with what lookups read beside them worked out again (in steps). */
  static *restore(columns: KeyColumns): Generator<void, RankedKeys> {
    const { keys, starts, ranks } = columns;
    if (starts.length !== keys.length + 1 || starts[keys.length] !== ranks.length)
      throw new Error('Ranked keys: columns do not add up');
    return yield* RankedKeys.over(columns);
  }

  columns(): KeyColumns {
    const backward = this.backward.order;
    const orders = backward ? { backward, afterFirst: this.afterFirst.sortOrder } : undefined;
    return { keys: this.keys, starts: this.starts, ranks: this.ranks, ...(orders && { orders }) };
  }

  get size(): number {
    return this.keys.length;
  }

  /** Trie nodes the close-key walks stepped into, all lookups together (the bench's count). */
  get walked(): number {
    return this.forward.walked + this.backward.walked;
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
   * whose best rank cannot enter what was found already is not walked. With one edit, a
   * slip in the first letter is one range each way (a wrong or an extra first letter in
   * the keys by what follows it, a missing one or the first two swapped in the keys), and
   * the walk holds the first letter.
   */
  topNearPrefix(
    typed: string,
    maxDistance: number,
    limit: number,
    exclude: ReadonlySet<number> = new Set(),
  ): number[] {
    const best = new BestRanks(limit, exclude);
    const keys = this.forward;
    const firstHeld = maxDistance === 1 && typed.length >= 2;
    if (firstHeld) {
      const rest = typed.slice(1);
      for (const [from, to] of [this.afterFirst.range(rest), this.afterFirst.range(typed)])
        this.afterFirst.best.each(
          from,
          to,
          new PostingsInto(best, this.starts, this.ranks, this.afterFirst),
        );
      for (const prefix of [rest, `${typed.charAt(1)}${typed.charAt(0)}${typed.slice(2)}`]) {
        const node = this.rangeOf(prefix);
        if (node) this.collect(node.from, node.to, best);
      }
    }
    keys.walk(typed, {
      maxDistance: () => maxDistance,
      mode: 'prefix',
      sameFirst: firstHeld,
      enter: (from, to) => !best.full || keys.best.min(from, to) < best.bound,
      report: (node) => this.collect(node.from, node.to, best),
    });
    return best.ranks();
  }

  /**
   * The best `limit` ranks with a whole key within `maxDistance` edits of `typed`, by
   * least distance then rank, each with its least distance, leaving out `exclude`; with
   * `sameFirst`, only keys that begin with the same character as `typed`. Once `limit`
   * are found the walk narrows to what could still beat the worst of them.
   *
   * Pattern partitioning: split what was typed into a beginning and an ending; a key
   * within d edits has its beginning within a edits or its ending within d - 1 - a (a
   * swap across the split counts on the ending's side). So one walk forwards that allows
   * only a edits until the beginning is matched, and one backwards (over the keys spelt
   * backwards) that allows d - 1 - a until the ending is, find every such key, and neither
   * walks the bushy first levels of the trie with all d edits to spend.
   */
  closest(
    typed: string,
    maxDistance: number,
    limit: number,
    options: { sameFirst?: boolean; exclude?: ReadonlySet<number> } = {},
  ): [rank: number, distance: number][] {
    const found = new ClosestRanks(limit, options.exclude ?? new Set());
    const sameFirst = options.sameFirst ?? false;
    /** `endsWith`: a backward walk's held first letter (a key's last there), or -1. */
    const walk = (keys: KeyTrie, text: string, tight: Tight | undefined, endsWith: number) =>
      keys.walk(text, {
        maxDistance: () => found.maxDistance(maxDistance),
        mode: 'key',
        sameFirst: sameFirst && keys === this.forward,
        tight,
        // Every key below has at least the row's least distance and the range's best rank.
        enter: (from, to, least) =>
          (endsWith < 0 || keys.mayEndWith(from, to, endsWith)) &&
          (!found.full || found.admits(least, keys.best.min(from, to))),
        report: (node, distance) => {
          // Backwards, a key's first character is its last: checked once it is reached.
          if (endsWith >= 0 && keys.lastCode(node.from) !== endsWith) return;
          const key = keys.key(node.from);
          for (let p = this.at(key); p < this.at(key + 1); p++) {
            const rank = this.ranks[p] ?? 0;
            if (!found.admits(distance, rank)) break;
            found.add(rank, distance);
          }
        },
      });
    const split = partition(typed.length, maxDistance);
    if (!split) {
      walk(this.forward, typed, undefined, -1);
      return found.entries();
    }
    const backwards = backwardsOf(typed);
    const { column, beginning, ending } = split;
    walk(this.forward, typed, { column, allowed: beginning, orColumnBefore: false }, -1);
    walk(
      this.backward,
      backwards,
      { column: typed.length - column, allowed: ending, orColumnBefore: true },
      sameFirst ? typed.charCodeAt(0) : -1,
    );
    return found.entries();
  }

  /** Adds the ranks of keys [from, to) to `best`, best keys first, skipping keys that cannot get in. */
  private collect(from: number, to: number, best: BestRanks): void {
    this.forward.best.each(from, to, new PostingsInto(best, this.starts, this.ranks));
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

/** `text` spelt backwards by UTF-16 code units, as the backward trie's keys are. */
function backwardsOf(text: string): string {
  const codes: number[] = [];
  for (let i = text.length - 1; i >= 0; i--) codes.push(text.charCodeAt(i));
  return String.fromCharCode(...codes);
}

/**
 * Where `closest` splits a typed word of `length` characters, and the edits each side may
 * take before it is matched (together one less than the bound); none when one walk is as
 * cheap (no edits, or too short to split). The beginning takes the larger share: held to
 * its first letter from 2 edits on, its walk is the narrower (on the 400k archive's names,
 * 1 and 0 for a bound of 2 instead of 0 and 1 took the p99 of /hvem misses from 947 to
 * 624 nodes).
 */
function partition(
  length: number,
  maxDistance: number,
): { column: number; beginning: number; ending: number } | undefined {
  if (maxDistance < 1 || length < 4) return undefined;
  const beginning = maxDistance >> 1;
  return { column: length >> 1, beginning, ending: maxDistance - 1 - beginning };
}

/** Reads the postings of the keys a `RangeMin` hands over into `best`, until one cannot get in. */
class PostingsInto implements RangeReader {
  constructor(
    private readonly best: BestRanks,
    private readonly starts: Int32Array,
    private readonly ranks: Int32Array,
    /** The keys at the positions handed over, when not the keys themselves. */
    private readonly order?: { key(position: number): number },
  ) {}

  get bound(): number {
    return this.best.bound;
  }

  read(position: number): void {
    const key = this.order ? this.order.key(position) : position;
    const end = this.starts[key + 1] ?? 0;
    for (let p = this.starts[key] ?? 0; p < end; p++) {
      const rank = this.ranks[p] ?? 0;
      // Postings are ascending: the rest of this key cannot get in either.
      if (rank >= this.best.bound) return;
      this.best.add(rank);
    }
  }
}
