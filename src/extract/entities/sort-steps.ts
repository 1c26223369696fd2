/**
 * A sort that yields between steps (drive it with `runStepsAsync`): sorting the 70k
 * entities of a 400k archive, or its hundreds of thousands of name keys, with one
 * `Array.prototype.sort` held the event loop for 50-300 ms on the shared machine while a
 * snapshot was written. Runs of RUN items are sorted at once, then merged pairwise a
 * bounded number of items a step. Stable, like `Array.prototype.sort`: equal items keep
 * their order, so the result is the same as one sort with the same comparison.
 */

/** Items sorted at once, and items merged, between two yields. */
const RUN = 2048;

/** `items` sorted by `compare` into a new array, yielding every few thousand items. */
export function* sortInSteps<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
): Generator<void, T[]> {
  let from: T[] = [];
  for (let start = 0; start < items.length; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (const item of run) from.push(item);
    yield;
  }
  let to: T[] = new Array<T>(from.length);
  for (let width = RUN; width < from.length; width *= 2) {
    let done = 0;
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      let k = left;
      while (i < middle && j < end) {
        // `<= 0` takes the left one first on a tie: stable.
        const a = from[i] as T;
        const b = from[j] as T;
        if (compare(a, b) <= 0) {
          to[k++] = a;
          i++;
        } else {
          to[k++] = b;
          j++;
        }
        if (++done % RUN === 0) yield;
      }
      while (i < middle) to[k++] = from[i++] as T;
      while (j < end) to[k++] = from[j++] as T;
    }
    [from, to] = [to, from];
    yield;
  }
  return from;
}

/** Compares strings by UTF-16 code units, as the default sort and `<` do. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
