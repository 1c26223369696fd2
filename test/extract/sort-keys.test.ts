import { describe, expect, it } from 'vitest';
import { sortKeys } from '../../src/extract/entities/sort-keys';

/** Keys as `KeyTrie` lays them out: their code units in one array, each a range of it. */
function laidOut(keys: readonly string[]) {
  const codes = new Uint16Array(keys.reduce((sum, key) => sum + key.length, 0));
  const starts = new Int32Array(keys.length);
  const ends = new Int32Array(keys.length);
  let at = 0;
  keys.forEach((key, i) => {
    starts[i] = at;
    for (let c = 0; c < key.length; c++) codes[at++] = key.charCodeAt(c);
    ends[i] = at;
  });
  return { codes, starts, ends };
}

describe('keys sorted by code units in steps', () => {
  it('come out as a comparison sort puts them, however many steps a partition takes', () => {
    // Tens of thousands of distinct keys sharing few letters: the first partitions run over
    // more keys than one step reads, and go on over several.
    // Every word of 2-7 letters over a few (with 'æ' past ASCII), and their endings alike.
    const letters = ['a', 'n', 'æ', 'e', ' ', 'b'];
    const keys: string[] = [];
    for (let n = 0; keys.length < 40_000; n++) {
      let key = '';
      for (let rest = n; key.length < 2 || rest > 0; rest = Math.floor(rest / letters.length))
        key += letters[rest % letters.length];
      keys.push(key);
    }
    const list = keys;
    const { codes, starts, ends } = laidOut(list);
    const steps = sortKeys(codes, starts, ends);
    let yields = 0;
    let next = steps.next();
    while (!next.done) {
      yields++;
      next = steps.next();
    }
    expect(yields).toBeGreaterThan(10);
    const sorted = [...next.value].map((i) => list[i]);
    expect(sorted).toEqual([...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
