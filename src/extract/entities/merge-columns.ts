/**
 * Key columns of two layers as one, without building them again: each layer's keys are
 * sorted already, so the merged keys are one pass over both, and each layer's ranks are
 * moved to the merged ranking through a table (old rank -> new rank, -1 for an entity that
 * left). An update's snapshot stored its directory's columns by building the whole
 * directory again (sorting every key, laying out the tries it does not even store): at 400k
 * passages 1-2 s of steps, some 30-90 ms long. The merge reads each key and rank once.
 */
import type { KeyColumns } from './ranked-keys';

/** Keys and ranks read between two yields. */
const READS_PER_STEP = 16_384;

/**
 * `a` and `b` (keys sorted by code units, each key's ranks ascending) as one set of columns,
 * their ranks renumbered by `aRank` and `bRank`: both must keep order (a rank above another
 * stays above it), and -1 leaves a rank out. A key left with no rank is left out. The result
 * is what building the columns from the renumbered keys would give.
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
    const fromA = a.starts[i] ?? 0;
    const toA = a.starts[i + 1] ?? 0;
    const fromB = b.starts[j] ?? 0;
    const toB = b.starts[j + 1] ?? 0;
    starts[keys.length] = at;
    let key: string;
    let added: number;
    if (keyB === undefined || (keyA !== undefined && keyA < keyB)) {
      key = keyA as string;
      added = copy(a, aRank, fromA, toA);
      reads += toA - fromA;
      i++;
    } else if (keyA === undefined || keyB < keyA) {
      key = keyB;
      added = copy(b, bRank, fromB, toB);
      reads += toB - fromB;
      j++;
    } else {
      key = keyA;
      added = mergeRanks(a, aRank, fromA, toA, b, bRank, fromB, toB, ranks, at);
      at += added;
      reads += toA - fromA + toB - fromB;
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
  return {
    keys,
    starts: starts.slice(0, keys.length + 1),
    ranks: ranks.slice(0, at),
  };
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
