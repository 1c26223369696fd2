/**
 * Sorted keys read as an implicit trie: the keys under a node (a prefix) are a range, and
 * its children are sub-ranges. `walk` goes over it depth-first carrying one edit-distance
 * row per depth (restricted Damerau-Levenshtein, as `editDistance`), and leaves a branch
 * as soon as every cell of its row exceeds the bound, as soon as its keys are all too
 * short or too long, or as soon as the caller says its best rank cannot help.
 *
 * `RankedKeys` keeps two: its keys as they are, and the same keys spelt backwards, so that
 * a close whole key can be found from either end (see `Tight`).
 */

import { codeBit, RangeBits, RangeMin } from './range-min';
import { sortKeys } from './sort-keys';

/** A range of trie positions [from, to) that share a prefix of `depth` characters. */
export interface Node {
  from: number;
  to: number;
  depth: number;
}

/**
 * Pattern partitioning: a walk that only needs the keys whose first `column` characters
 * of what was typed are matched by some prefix within `allowed` edits (or, with
 * `orColumnBefore`, the first `column - 1`). A node is left once no prefix below it can
 * still do that, which prunes the bushy first levels far harder than the whole bound.
 */
export interface Tight {
  column: number;
  allowed: number;
  orColumnBefore: boolean;
}

/** How `KeyTrie.walk` goes over the implicit trie. */
export interface Walk {
  /** The most edits a reported node may be off by; read again at every node. */
  maxDistance: () => number;
  /** 'prefix' reports a node whose prefix is close enough; 'key' each whole key that is. */
  mode: 'prefix' | 'key';
  /** Only keys that begin with the same character as what was typed. */
  sameFirst: boolean;
  tight?: Tight;
  /** Whether the positions [from, to), none closer than `least` edits, could still be of use. */
  enter: (from: number, to: number, least: number) => boolean;
  report: (node: Node, distance: number) => void;
}

/**
 * The keys' characters in one typed array: the trie walk reads a character of key i at
 * depth d thousands of times a lookup, and reading it from the key strings (each its own
 * object somewhere in the heap) cost a cache miss a time.
 */
export interface KeyText {
  codes: Uint16Array;
  /** Key i is codes[offsets[i]] up to codes[offsets[i + 1]]. */
  offsets: Int32Array;
}

/** Keys laid out between two yields of a build. */
const KEYS_PER_STEP = 2_000;

export class KeyTrie {
  /** Trie nodes the walks stepped into, all walks together (the bench's count). */
  walked = 0;

  constructor(
    readonly text: KeyText,
    /** The best rank of each position's key. */
    readonly best: RangeMin,
    /** Minus the length of each position's key: the longest key of a range. */
    private readonly shortness: RangeMin,
    /** The length of each position's key: the shortest key of a range. */
    private readonly length: RangeMin,
    /** The key (its index in `RankedKeys`) at each position; none when the same. */
    private readonly keyAt?: Int32Array,
    /** Backwards: the bucket of each key's last character (its first one spelt forwards). */
    private readonly lastBits?: RangeBits,
  ) {}

  /** A trie over keys already sorted, `bestOf(i)` the best rank of key i. */
  static *sorted(keys: readonly string[], bestOf: (i: number) => number): Generator<void, KeyTrie> {
    let length = 0;
    for (const key of keys) length += key.length;
    const text = { codes: new Uint16Array(length), offsets: new Int32Array(keys.length + 1) };
    const best = new Int32Array(keys.length);
    let code = 0;
    for (let from = 0; from < keys.length; from += KEYS_PER_STEP) {
      code = layOut(
        keys,
        bestOf,
        text,
        best,
        from,
        Math.min(keys.length, from + KEYS_PER_STEP),
        code,
      );
      yield;
    }
    text.offsets[keys.length] = code;
    yield;
    return yield* KeyTrie.over(text, best);
  }

  /**
   * The same keys as `forward` spelt backwards, sorted again (in steps); `stored` is that
   * order as a snapshot kept it (`order`), taken instead of sorting when it is one.
   */
  static *reversed(forward: KeyTrie, stored?: Int32Array): Generator<void, KeyTrie> {
    const { codes, offsets } = forward.text;
    const count = offsets.length - 1;
    const taken = stored && isPermutation(stored, count) ? stored : undefined;
    // Each key spelt backwards where it is, so that the sort reads its characters in order;
    // with the order stored, the layout reads each key backwards instead (no copy to make).
    const spelt = taken ? undefined : new Uint16Array(codes.length);
    for (let from = 0; spelt && from < count; from += KEYS_PER_STEP) {
      spellBackwards(forward.text, spelt, from, Math.min(count, from + KEYS_PER_STEP));
      yield;
    }
    const order =
      taken ?? (yield* sortKeys(spelt ?? codes, offsets.subarray(0, count), offsets.subarray(1)));
    const text = { codes: new Uint16Array(codes.length), offsets: new Int32Array(count + 1) };
    const best = new Int32Array(count);
    const lastBits = new Int32Array(count);
    let code = 0;
    for (let from = 0; from < count; from += KEYS_PER_STEP) {
      const to = Math.min(count, from + KEYS_PER_STEP);
      code = layOutBackwards(forward, order, spelt, { text, best, lastBits }, from, to, code);
      yield;
    }
    text.offsets[count] = code;
    yield;
    const bits = new RangeBits(lastBits);
    yield;
    return yield* KeyTrie.over(text, best, order, bits);
  }

  /** In steps: at 117k name keys the three trees together were one 30-45 ms step of a restart. */
  private static *over(
    text: KeyText,
    best: Int32Array,
    keyAt?: Int32Array,
    lastBits?: RangeBits,
  ): Generator<void, KeyTrie> {
    const count = text.offsets.length - 1;
    const shortness = new Int32Array(count);
    const lengths = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      lengths[i] = (text.offsets[i + 1] ?? 0) - (text.offsets[i] ?? 0);
      shortness[i] = -(lengths[i] ?? 0);
    }
    yield;
    const bestTree = new RangeMin(best);
    yield;
    const shortnessTree = new RangeMin(shortness);
    yield;
    const lengthTree = new RangeMin(lengths);
    return new KeyTrie(text, bestTree, shortnessTree, lengthTree, keyAt, lastBits);
  }

  get size(): number {
    return this.text.offsets.length - 1;
  }

  /** The key at each position, when not the position itself (a backward trie's sort order). */
  get order(): Int32Array | undefined {
    return this.keyAt;
  }

  /** The key (its index among the keys as sorted forwards) at a position. */
  key(position: number): number {
    return this.keyAt ? (this.keyAt[position] ?? 0) : position;
  }

  /**
   * Whether some key in [from, to) may end with `code` (a backwards trie: begin with it,
   * spelt forwards); a forward trie cannot tell, and says it may.
   */
  mayEndWith(from: number, to: number, code: number): boolean {
    return this.lastBits ? this.lastBits.any(from, to, codeBit(code)) : true;
  }

  /** The last character of the key at a position (a backwards trie's first one). */
  lastCode(position: number): number {
    return this.text.codes[(this.text.offsets[position + 1] ?? 0) - 1] ?? -1;
  }

  /**
   * Depth-first over the implicit trie with the edit distance of each node's prefix to
   * `typed`. 'prefix' reports a node as soon as its prefix is close enough (its whole
   * range then matches); 'key' reports each whole key that is, with its distance. One row
   * per depth is reused across siblings: a branch is done before the next one starts.
   */
  walk(typed: string, how: Walk): void {
    const { mode, sameFirst, enter, report, tight } = how;
    const m = typed.length;
    const count = this.size;
    if (count === 0) return;
    if (mode === 'prefix' && m <= how.maxDistance()) {
      report({ from: 0, to: count, depth: 0 }, m);
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
    // Whether the prefix at each depth (or one above it) has met `tight` already.
    const met: boolean[] = [tight ? this.meets(rowAt(0), 0, m, tight) : true];
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
      if (tight) {
        const lo = first - 1;
        const hi = Math.min(m, last + 1);
        const metHere = met[depth] === true || this.meets(next, lo, hi, tight);
        // Not met, and no cell up to the column within what is allowed: nothing below will.
        if (!metHere && !this.canMeet(next, lo, hi, tight)) return;
        met[depth + 1] = metHere;
      }
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
      const row = rowAt(depth);
      const above = rowAt(Math.max(0, depth - 1));
      const maxDistance = how.maxDistance();
      let viable =
        sameFirst && depth === 0
          ? [typed.charCodeAt(0)]
          : this.viableCodes(typed, bound, row, above, depth, lastCode, maxDistance);
      if (tight && met[depth] !== true) {
        // Until the tight column is met, only what keeps a cell up to it within the
        // allowed edits: the same test over those cells, with the tighter bound.
        const column = Math.min(tight.column, m);
        const held = this.viableCodes(
          typed,
          bound,
          row,
          above,
          depth,
          lastCode,
          tight.allowed,
          column,
        );
        if (held) viable = viable ? viable.filter((code) => held.includes(code)) : held;
      }
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
    visit(0, count, 0, -1);
  }

  /** Whether a row (cells lo..hi written) matches the tight column within what is allowed. */
  private meets(row: Int32Array, lo: number, hi: number, tight: Tight): boolean {
    const { column, allowed } = tight;
    if (column >= lo && column <= hi && (row[column] ?? 0) <= allowed) return true;
    const before = column - 1;
    return tight.orColumnBefore && before >= lo && before <= hi && (row[before] ?? 0) <= allowed;
  }

  /**
   * Whether some prefix below a node with this row can still meet the tight column: its
   * alignment must pass this row at a cell up to the column, and costs at least that cell.
   * Cells outside lo..hi are over the bound, so over what is allowed.
   */
  private canMeet(row: Int32Array, lo: number, hi: number, tight: Tight): boolean {
    const { column, allowed } = tight;
    if ((row[0] ?? 0) <= allowed) return true;
    for (let j = Math.max(1, lo); j <= hi && j <= column; j++)
      if ((row[j] ?? 0) <= allowed) return true;
    return false;
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
   * The next characters that can keep a node whose row is `row` within `maxDistance`
   * (over the cells up to `upTo`: the typed word's length, or a tight column), when those
   * cells have no slack left (none below the bound): then a child stays only by matching a
   * typed character (or swapping with the last one); `undefined` when any character may.
   */
  private viableCodes(
    typed: string,
    band: number,
    row: Int32Array,
    above: Int32Array,
    depth: number,
    lastCode: number,
    maxDistance: number,
    upTo = typed.length,
  ): number[] | undefined {
    const m = upTo;
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
}

/**
 * Whether `order` holds each of 0..count-1 once: a stored sort order is taken only then (a
 * snapshot's checksum vouches for its bytes, but not for code that wrote it wrongly).
 */
// The loops below are plain functions called per run of keys by the generators that pace
// them: a loop inside a generator (or an async function) that yields ran 3-4 times slower
// than V8's optimised code, at 117k name keys a third of a restart's directory restore.

/** Keys [from, to) laid out from code `code` on (their best ranks beside); returns where they end. */
function layOut(
  keys: readonly string[],
  bestOf: (i: number) => number,
  text: KeyText,
  best: Int32Array,
  from: number,
  to: number,
  code: number,
): number {
  let at = code;
  for (let i = from; i < to; i++) {
    const key = keys[i] ?? '';
    best[i] = bestOf(i);
    text.offsets[i] = at;
    for (let c = 0; c < key.length; c++) text.codes[at++] = key.charCodeAt(c);
  }
  return at;
}

/** Keys [from, to) of `text` spelt backwards where they are, into `spelt`. */
function spellBackwards(text: KeyText, spelt: Uint16Array, from: number, to: number): void {
  const { codes, offsets } = text;
  for (let key = from; key < to; key++) {
    const start = offsets[key] ?? 0;
    const last = (offsets[key + 1] ?? 0) - 1;
    for (let c = start; c <= last; c++) spelt[c] = codes[last - (c - start)] ?? 0;
  }
}

/**
 * Positions [from, to) of the backward trie laid out from code `code` on: each the key
 * `order` puts there, spelt backwards (from `spelt`, the keys spelt backwards where they
 * are, or read backwards when not given), its best rank and the bucket of its last
 * character; returns where they end.
 */
function layOutBackwards(
  forward: KeyTrie,
  order: Int32Array,
  spelt: Uint16Array | undefined,
  into: { text: KeyText; best: Int32Array; lastBits: Int32Array },
  from: number,
  to: number,
  code: number,
): number {
  const { codes, offsets } = forward.text;
  const { text, best, lastBits } = into;
  const out = text.codes;
  let at = code;
  for (let position = from; position < to; position++) {
    const key = order[position] ?? 0;
    const start = offsets[key] ?? 0;
    const end = offsets[key + 1] ?? 0;
    lastBits[position] = codeBit(codes[start] ?? 0);
    best[position] = forward.best.at(key);
    text.offsets[position] = at;
    if (spelt) for (let c = start; c < end; c++) out[at++] = spelt[c] ?? 0;
    else for (let c = end - 1; c >= start; c--) out[at++] = codes[c] ?? 0;
  }
  return at;
}

export function isPermutation(order: Int32Array, count: number): boolean {
  if (order.length !== count) return false;
  const seen = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const at = order[i] ?? -1;
    if (at < 0 || at >= count || seen[at] === 1) return false;
    seen[at] = 1;
  }
  return true;
}
