/**
 * Sorting keys laid out as code units in one typed array (`KeyTrie`'s text), in steps:
 * the backward keys and the keys after their first character are sorted this way.
 */

/** Character reads of the backward sort between two yields. */
const READS_PER_STEP = 20_000;
/** Ranges this short are sorted by insertion, comparing whole keys. */
const SHORT_RANGE = 12;

/**
 * The indexes of keys sorted by code units (a key before those it begins), in steps; key i
 * is codes[starts[i]] up to codes[ends[i]]. Keys of the same text (the texts after the first
 * character of "anna" and "enna") go by index, so that the order is the one a comparison
 * sort by text, then index, gives: an update's snapshot merges stored orders with its
 * changed keys (`mergeKeyOrders`) and gets the order a restart would sort. A multikey quicksort (Bentley and Sedgewick): partition by one character, then
 * sort the middle part on the next one, so that the characters a range shares are read
 * once per range rather than once per comparison (a comparison sort of 90k name keys
 * spelt backwards, sharing long endings, took 200-300 ms).
 */
export function* sortKeys(
  codes: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
): Generator<void, Int32Array> {
  const count = starts.length;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  // Ranges still to sort, three numbers each (from, to, depth); deeper ranges come last.
  let stack = new Int32Array(3 * 64);
  let top = 0;
  const push = (lo: number, hi: number, depth: number): void => {
    if (hi - lo < 2) return;
    if (top + 3 > stack.length) {
      const grown = new Int32Array(stack.length * 2);
      grown.set(stack);
      stack = grown;
    }
    stack[top++] = lo;
    stack[top++] = hi;
    stack[top++] = depth;
  };
  push(0, count, 0);
  let reads = 0;
  while (top > 0) {
    const depth = stack[--top] ?? 0;
    const hi = stack[--top] ?? 0;
    const lo = stack[--top] ?? 0;
    if (hi - lo <= SHORT_RANGE) {
      for (let i = lo + 1; i < hi; i++) {
        const key = order[i] ?? 0;
        const keyStart = (starts[key] ?? 0) + depth;
        const keyEnd = ends[key] ?? 0;
        let j = i - 1;
        for (; j >= lo; j--) {
          const other = order[j] ?? 0;
          const otherEnd = ends[other] ?? 0;
          let a = (starts[other] ?? 0) + depth;
          let b = keyStart;
          while (a < otherEnd && b < keyEnd && codes[a] === codes[b]) {
            a++;
            b++;
          }
          reads += b - keyStart + 1;
          const codeA = a < otherEnd ? (codes[a] ?? 0) : -1;
          const codeB = b < keyEnd ? (codes[b] ?? 0) : -1;
          // Both ended: the same text, ordered by index (see `sortKeys`).
          if (codeA < codeB || (codeA === codeB && other < key)) break;
          order[j + 1] = other;
        }
        order[j + 1] = key;
      }
    } else {
      const middle = order[(lo + hi) >>> 1] ?? 0;
      const at = (starts[middle] ?? 0) + depth;
      const pivot = at < (ends[middle] ?? 0) ? (codes[at] ?? 0) : -1;
      // [lo, lt) below the pivot, [lt, gt) equal to it, [gt, hi) above.
      let lt = lo;
      let gt = hi;
      let i = lo;
      while (i < gt) {
        const key = order[i] ?? 0;
        const c = (starts[key] ?? 0) + depth;
        const code = c < (ends[key] ?? 0) ? (codes[c] ?? 0) : -1;
        if (code < pivot) {
          order[i++] = order[lt] ?? 0;
          order[lt++] = key;
        } else if (code > pivot) {
          order[i] = order[--gt] ?? 0;
          order[gt] = key;
        } else i++;
        // A partition of many keys (the first ones are of all 117k name keys at 400k
        // passages) goes on over several steps: in one, it was a step of 10-30 ms.
        if (++reads >= READS_PER_STEP) {
          reads = 0;
          yield;
        }
      }
      push(lo, lt, depth);
      push(gt, hi, depth);
      if (pivot >= 0) push(lt, gt, depth + 1);
      // Keys that end here have the same text: by index (see `sortKeys`).
      else if (gt - lt > 1) order.subarray(lt, gt).sort();
    }
    if (reads >= READS_PER_STEP) {
      reads = 0;
      yield;
    }
  }
  return order;
}
