/**
 * Key columns of two layers as one, without building them again: each layer's keys are
 * sorted already, so the merged keys are one pass over both, and each layer's ranks are
 * moved to the merged ranking through a table (old rank -> new rank, -1 for an entity that
 * left). An update's snapshot stored its directory's columns by building the whole
 * directory again (sorting every key, laying out the tries it does not even store): at 400k
 * passages 1-2 s of steps, some 30-90 ms long. The merge reads each key and rank once.
 */
import type { KeyColumns, KeyOrders } from './ranked-keys';

/** Keys and ranks read between two yields. */
const READS_PER_STEP = 16_384;

/**
 * `a` and `b` (keys sorted by code units, each key's ranks ascending) as one set of columns,
 * their ranks renumbered by `aRank` and `bRank`: both must keep order (a rank above another
 * stays above it), and -1 leaves a rank out. A key left with no rank is left out. The result
 * is what building the columns from the renumbered keys would give. When both layers carry
 * their keys' sort orders (`b` with no keys needs none), the result carries the merged
 * keys' (`mergeKeyOrders`): a restart from an update's snapshot then sorts no key again.
 */
export function* mergeKeyColumns(
  a: KeyColumns,
  aRank: Int32Array,
  b: KeyColumns,
  bRank: Int32Array,
): Generator<void, KeyColumns> {
  const keys: string[] = [];
  const starts = new Int32Array(a.keys.length + b.keys.length + 1);
  const ranks = new Int32Array(a.ranks.length + b.ranks.length);
  // Where each layer's keys went among the merged ones (-1: left out, no rank left).
  const fromA = new Int32Array(a.keys.length).fill(-1);
  const fromB = new Int32Array(b.keys.length).fill(-1);
  let at = 0;
  let reads = 0;
  /** Ranks [from, to) of `column`, renumbered, appended; returns how many were. */
  const copy = (column: KeyColumns, renumber: Int32Array, from: number, to: number): number => {
    const before = at;
    for (let p = from; p < to; p++) {
      const rank = renumber[column.ranks[p] ?? 0] ?? -1;
      if (rank >= 0) ranks[at++] = rank;
    }
    return at - before;
  };
  let i = 0;
  let j = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const keyA = a.keys[i];
    const keyB = b.keys[j];
    const startA = a.starts[i] ?? 0;
    const endA = a.starts[i + 1] ?? 0;
    const startB = b.starts[j] ?? 0;
    const endB = b.starts[j + 1] ?? 0;
    starts[keys.length] = at;
    const merged = keys.length;
    let key: string;
    let added: number;
    if (keyB === undefined || (keyA !== undefined && keyA < keyB)) {
      key = keyA as string;
      added = copy(a, aRank, startA, endA);
      reads += endA - startA;
      if (added > 0) fromA[i] = merged;
      i++;
    } else if (keyA === undefined || keyB < keyA) {
      key = keyB;
      added = copy(b, bRank, startB, endB);
      reads += endB - startB;
      if (added > 0) fromB[j] = merged;
      j++;
    } else {
      key = keyA;
      added = mergeRanks(a, aRank, startA, endA, b, bRank, startB, endB, ranks, at);
      at += added;
      reads += endA - startA + endB - startB;
      if (added > 0) {
        fromA[i] = merged;
        fromB[j] = merged;
      }
      i++;
      j++;
    }
    if (added > 0) keys.push(key);
    if (++reads >= READS_PER_STEP) {
      reads = 0;
      yield;
    }
  }
  starts[keys.length] = at;
  const columns: KeyColumns = {
    keys,
    starts: starts.slice(0, keys.length + 1),
    ranks: ranks.slice(0, at),
  };
  const ordersB = b.orders ?? (b.keys.length === 0 ? NO_ORDERS : undefined);
  if (a.orders && ordersB)
    columns.orders = yield* mergeKeyOrders(keys, [
      { orders: a.orders, to: fromA },
      { orders: ordersB, to: fromB },
    ]);
  return columns;
}

const NO_ORDERS: KeyOrders = { backward: new Int32Array(0), afterFirst: new Int32Array(0) };

/** One layer's sort orders, and where its keys went among the merged ones (-1: left out). */
interface LayerOrders {
  orders: KeyOrders;
  to: Int32Array;
}

/**
 * The merged `keys`' two sort orders (`KeyOrders`: spelt backwards, and by what follows the
 * first character, the same text by index) from the two layers' own: each layer's order,
 * its keys moved to their merged indexes and those left out skipped, is still sorted, so
 * the merged order is one pass over both, a key in both taken once. The orders a sort of
 * the merged keys gives (`sortKeys`), reading only the keys where the two layers meet:
 * at 400k passages a restart after an update sorted 117k name keys again (0.4 s).
 */
export function* mergeKeyOrders(
  keys: readonly string[],
  [a, b]: readonly [LayerOrders, LayerOrders],
): Generator<void, KeyOrders> {
  const backward = yield* mergeOrder(a.orders.backward, a.to, b.orders.backward, b.to, (x, y) =>
    compareBackwards(keys[x] ?? '', keys[y] ?? ''),
  );
  const afterFirst = yield* mergeOrder(
    a.orders.afterFirst,
    a.to,
    b.orders.afterFirst,
    b.to,
    (x, y) => compareAfterFirst(keys[x] ?? '', keys[y] ?? '') || x - y,
  );
  return { backward, afterFirst };
}

/** Merged positions written between two yields of `mergeOrder`. */
const POSITIONS_PER_STEP = 4_096;

/** Two orders of keys, moved through `toA` and `toB`, merged by `compare` (equal: one key). */
function* mergeOrder(
  orderA: Int32Array,
  toA: Int32Array,
  orderB: Int32Array,
  toB: Int32Array,
  compare: (x: number, y: number) => number,
): Generator<void, Int32Array> {
  const merge = new OrderMerge(orderA, toA, orderB, toB, compare);
  while (!merge.run(POSITIONS_PER_STEP)) yield;
  return merge.out.slice(0, merge.at);
}

/**
 * The state of `mergeOrder`, its loop a method run a bounded number of positions at a
 * time: a loop inside a generator ran 3-4 times slower than V8's optimised code (see
 * key-trie.ts), and this one runs once per update's snapshot, mostly not optimised yet.
 */
class OrderMerge {
  readonly out: Int32Array;
  at = 0;
  #p: number;
  #q: number;

  constructor(
    private readonly orderA: Int32Array,
    private readonly toA: Int32Array,
    private readonly orderB: Int32Array,
    private readonly toB: Int32Array,
    private readonly compare: (x: number, y: number) => number,
  ) {
    this.out = new Int32Array(orderA.length + orderB.length);
    this.#p = kept(orderA, toA, 0);
    this.#q = kept(orderB, toB, 0);
  }

  /** Writes up to `count` more positions; true once both orders are read. */
  run(count: number): boolean {
    const { orderA, toA, orderB, toB, compare, out } = this;
    let p = this.#p;
    let q = this.#q;
    let at = this.at;
    const stop = at + count;
    while ((p < orderA.length || q < orderB.length) && at < stop) {
      const x = p < orderA.length ? (toA[orderA[p] ?? 0] ?? -1) : -1;
      const y = q < orderB.length ? (toB[orderB[q] ?? 0] ?? -1) : -1;
      const order = x < 0 ? 1 : y < 0 ? -1 : x === y ? 0 : compare(x, y);
      out[at++] = order <= 0 ? x : y;
      if (order <= 0) p = kept(orderA, toA, p + 1);
      if (order >= 0) q = kept(orderB, toB, q + 1);
    }
    this.#p = p;
    this.#q = q;
    this.at = at;
    return p >= orderA.length && q >= orderB.length;
  }
}

/** The first position from `from` on whose key was kept (`to` it is not -1), or the end. */
function kept(order: Int32Array, to: Int32Array, from: number): number {
  let i = from;
  while (i < order.length && (to[order[i] ?? 0] ?? -1) < 0) i++;
  return i;
}

/** Keys compared spelt backwards, by code units (a key before those it ends). */
function compareBackwards(x: string, y: string): number {
  let i = x.length - 1;
  let j = y.length - 1;
  for (; i >= 0 && j >= 0; i--, j--) {
    const diff = x.charCodeAt(i) - y.charCodeAt(j);
    if (diff !== 0) return diff;
  }
  return i - j;
}

/** Keys compared by what follows their first character, by code units. */
function compareAfterFirst(x: string, y: string): number {
  const length = Math.min(x.length, y.length);
  for (let c = 1; c < length; c++) {
    const diff = x.charCodeAt(c) - y.charCodeAt(c);
    if (diff !== 0) return diff;
  }
  return Math.max(x.length, 1) - Math.max(y.length, 1);
}

/** Two ascending runs of ranks, renumbered, merged into `out` from `at`; returns how many. */
function mergeRanks(
  a: KeyColumns,
  aRank: Int32Array,
  fromA: number,
  toA: number,
  b: KeyColumns,
  bRank: Int32Array,
  fromB: number,
  toB: number,
  out: Int32Array,
  at: number,
): number {
  const start = at;
  let p = fromA;
  let q = fromB;
  let x = -1;
  let y = -1;
  // The next rank of each run still in (-1 when its entity left), read ahead.
  const nextA = (): number => {
    while (p < toA) {
      const rank = aRank[a.ranks[p++] ?? 0] ?? -1;
      if (rank >= 0) return rank;
    }
    return -1;
  };
  const nextB = (): number => {
    while (q < toB) {
      const rank = bRank[b.ranks[q++] ?? 0] ?? -1;
      if (rank >= 0) return rank;
    }
    return -1;
  };
  x = nextA();
  y = nextB();
  while (x >= 0 || y >= 0) {
    if (y < 0 || (x >= 0 && x < y)) {
      out[at++] = x;
      x = nextA();
    } else {
      out[at++] = y;
      y = nextB();
    }
  }
  return at - start;
}
