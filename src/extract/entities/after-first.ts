/**
 * The keys sorted by what follows their first character: the keys with any first letter
 * and then a given beginning are one range. A typed beginning with a slip in its first
 * letter ("xllen" or "xellen" for "ellen") is then two binary searches, where the trie walk
 * stepped into every first letter of every key and down each with what was typed; those
 * branches were over half of the near-prefix walk's nodes.
 */

import { isPermutation, type KeyText } from './key-trie';
import { RangeMin } from './range-min';
import { sortKeys } from './sort-keys';

export class KeysAfterFirst {
  private constructor(
    private readonly text: KeyText,
    /** The key (its index in the forward order) at each position. */
    private readonly order: Int32Array,
    /** Where each key's text after its first character starts. */
    private readonly starts: Int32Array,
    /** The best rank of each position's key. */
    readonly best: RangeMin,
  ) {}

  /**
   * Over the keys of `text`, `best` each key's best rank (in steps); `stored` is their
   * order as a snapshot kept it (`sortOrder`), taken instead of sorting when it is one.
   */
  static *over(
    text: KeyText,
    best: RangeMin,
    stored?: Int32Array,
  ): Generator<void, KeysAfterFirst> {
    const { codes, offsets } = text;
    const count = offsets.length - 1;
    const starts = new Int32Array(count);
    for (let i = 0; i < count; i++)
      starts[i] = Math.min((offsets[i] ?? 0) + 1, offsets[i + 1] ?? 0);
    const order =
      stored && isPermutation(stored, count)
        ? stored
        : yield* sortKeys(codes, starts, offsets.subarray(1));
    const ranks = new Int32Array(count);
    for (let position = 0; position < count; position++)
      ranks[position] = best.at(order[position] ?? 0);
    yield;
    return new KeysAfterFirst(text, order, starts, new RangeMin(ranks));
  }

  /** The keys (their indexes in the forward order) by position: what a snapshot stores. */
  get sortOrder(): Int32Array {
    return this.order;
  }

  /** The key (its index in the forward order) at a position. */
  key(position: number): number {
    return this.order[position] ?? 0;
  }

  /** The positions [from, to) of the keys whose text after the first character begins with `prefix`. */
  range(prefix: string): [from: number, to: number] {
    return [this.bound(prefix, false), this.bound(prefix, true)];
  }

  /**
   * The first position whose text after the first character is not below `prefix`, or
   * (`past`) does not begin with it.
   */
  private bound(prefix: string, past: boolean): number {
    const { codes, offsets } = this.text;
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.order[mid] ?? 0;
      const end = offsets[key + 1] ?? 0;
      let at = this.starts[key] ?? 0;
      // Compares the key's text after its first letter with the prefix, as far as the prefix goes.
      let order = 0;
      for (let j = 0; j < prefix.length; j++, at++) {
        const code = at < end ? (codes[at] ?? 0) : -1;
        const wanted = prefix.charCodeAt(j);
        if (code !== wanted) {
          order = code < wanted ? -1 : 1;
          break;
        }
      }
      if (order < 0 || (past && order === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
