/**
 * The least value over any range of a fixed array (a segment tree in one typed array):
 * lets a lookup skip every range of keys whose best rank cannot enter what it has found,
 * and read the others best first. Two integers per key; built in one pass.
 */
export class RangeMin {
  /** Leaves at [size, size + n); node i covers its children 2i and 2i + 1. */
  readonly #tree: Int32Array;
  readonly #size: number;

  constructor(values: Int32Array) {
    let size = 1;
    while (size < values.length) size <<= 1;
    const tree = new Int32Array(2 * size).fill(NONE);
    tree.set(values, size);
    for (let i = size - 1; i >= 1; i--)
      tree[i] = Math.min(tree[2 * i] ?? NONE, tree[2 * i + 1] ?? NONE);
    this.#tree = tree;
    this.#size = size;
  }

  /** The value at one index. */
  at(index: number): number {
    return this.#tree[this.#size + index] ?? NONE;
  }

  /** The least value in [from, to); `NONE` when the range is empty. */
  min(from: number, to: number): number {
    const tree = this.#tree;
    let best = NONE;
    let lo = from + this.#size;
    let hi = to + this.#size;
    while (lo < hi) {
      if (lo & 1) best = Math.min(best, tree[lo++] ?? NONE);
      if (hi & 1) best = Math.min(best, tree[--hi] ?? NONE);
      lo >>= 1;
      hi >>= 1;
    }
    return best;
  }

  /**
   * Hands `reader` the indexes in [from, to) whose value is below its bound, the part with
   * the least value first; the bound is read again before each step, so a read that
   * lowers it cuts what is left.
   */
  each(from: number, to: number, reader: RangeReader): void {
    if (from >= to) return;
    const tree = this.#tree;
    const size = this.#size;
    // Depth-first with an explicit stack: at most two nodes a level wait at once.
    const stack = new Int32Array(2 * (32 - Math.clz32(size)) + 2);
    let top = 0;
    stack[top++] = 1;
    while (top > 0) {
      const node = stack[--top] ?? 1;
      if ((tree[node] ?? NONE) >= reader.bound) continue;
      const level = 31 - Math.clz32(node);
      const span = size >>> level;
      const lo = (node - (1 << level)) * span;
      if (lo + span <= from || lo >= to) continue;
      if (node >= size) {
        reader.read(node - size);
        continue;
      }
      const left = 2 * node;
      // Pushed last is read first: the child with the lesser value.
      if ((tree[left + 1] ?? NONE) < (tree[left] ?? NONE)) {
        stack[top++] = left;
        stack[top++] = left + 1;
      } else {
        stack[top++] = left + 1;
        stack[top++] = left;
      }
    }
  }
}

/** What `RangeMin.each` hands indexes to. */
export interface RangeReader {
  /** Indexes whose value is at or above this are not handed over. */
  readonly bound: number;
  read(index: number): void;
}

/** Above every rank: an empty range's least value. */
export const NONE = 0x7fffffff;

/**
 * Which of 32 buckets occur over any range of a fixed array (each value a bit, OR-ed up a
 * segment tree): lets a walk leave a range that holds no key of a wanted kind, such as no
 * key beginning with a wanted letter (bucket: the letter's code modulo 32).
 */
export class RangeBits {
  readonly #tree: Int32Array;
  readonly #size: number;

  constructor(bits: Int32Array) {
    let size = 1;
    while (size < bits.length) size <<= 1;
    const tree = new Int32Array(2 * size);
    tree.set(bits, size);
    for (let i = size - 1; i >= 1; i--) tree[i] = (tree[2 * i] ?? 0) | (tree[2 * i + 1] ?? 0);
    this.#tree = tree;
    this.#size = size;
  }

  /** Whether any value in [from, to) has a bit of `mask`. */
  any(from: number, to: number, mask: number): boolean {
    const tree = this.#tree;
    let lo = from + this.#size;
    let hi = to + this.#size;
    while (lo < hi) {
      if (lo & 1 && ((tree[lo++] ?? 0) & mask) !== 0) return true;
      if (hi & 1 && ((tree[--hi] ?? 0) & mask) !== 0) return true;
      lo >>= 1;
      hi >>= 1;
    }
    return false;
  }
}

/** The bucket bit of a character code for `RangeBits`. */
export const codeBit = (code: number): number => 1 << (code & 31);
