/**
 * The segment trees a lookup asks about ranges of keys without reading them, against a scan
 * of the same values: a wrong node combined or a range edge off by one disagrees.
 */
import { describe, expect, it } from 'vitest';
import { codeBit, NONE, RangeBits, RangeMin } from '../../src/extract/entities/range-min';
import { seededRandom } from '../helpers/random';

const random = seededRandom(41);
// Not a power of two: the trees' last leaves are padding, which no answer may include.
const values = Int32Array.from({ length: 1000 }, () => Math.floor(random() * 5000));
const ranges: [number, number][] = [
  [0, 0],
  [0, 1],
  [0, 1000],
  [999, 1000],
  ...Array.from({ length: 300 }, (): [number, number] => {
    const a = Math.floor(random() * 1001);
    const b = Math.floor(random() * 1001);
    return [Math.min(a, b), Math.max(a, b)];
  }),
];

describe('RangeMin', () => {
  const tree = new RangeMin(values);

  it('gives each value as it was', () => {
    for (const [i, value] of values.entries()) expect(tree.at(i)).toBe(value);
  });

  it('gives the least value of any range, NONE for an empty one', () => {
    for (const [from, to] of ranges)
      expect(tree.min(from, to), `${from}..${to}`).toBe(
        from < to ? Math.min(...values.subarray(from, to)) : NONE,
      );
  });
});

describe('RangeBits', () => {
  const codes = Array.from(values, (v) => 97 + (v % 40));
  const tree = new RangeBits(Int32Array.from(codes, codeBit));

  it('says whether any value of a range is in the bucket of a character', () => {
    for (const [from, to] of ranges)
      for (const code of [97, 100, 120, 136, 200]) {
        const scan = codes.slice(from, to).some((c) => codeBit(c) === codeBit(code));
        expect(tree.any(from, to, codeBit(code)), `${from}..${to} ${code}`).toBe(scan);
      }
  });

  it('never says a range lacks a character one of its values has', () => {
    for (const [from, to] of ranges)
      for (const code of codes.slice(from, to))
        expect(tree.any(from, to, codeBit(code))).toBe(true);
  });
});
