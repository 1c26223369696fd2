import { describe, expect, it } from 'vitest';
import { mergeKeyColumns } from '../../src/extract/entities/merge-columns';
import { RankedKeysBuilder, runSteps } from '../../src/extract/entities/ranked-keys';
import { sortKeys } from '../../src/extract/entities/sort-keys';
import { compareCodeUnits } from '../../src/extract/entities/sort-steps';
import { seededRandom } from '../helpers/random';

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

/** Random keys over a few letters: many share their text after the first letter ("nna" of "anna", "enna"). */
function randomKeys(random: () => number, count: number): string[] {
  const letters = ['a', 'n', 'e', 'æ', 's'];
  const keys = new Set<string>();
  while (keys.size < count) {
    let key = '';
    const length = 1 + Math.floor(random() * 5);
    for (let c = 0; c < length; c++) key += letters[Math.floor(random() * letters.length)];
    keys.add(key);
  }
  return [...keys].sort(compareCodeUnits);
}

/** The plain way: a comparison sort by `textOf`, then index. */
function sortedPlainly(keys: readonly string[], textOf: (key: string) => string): number[] {
  return keys
    .map((_, i) => i)
    .sort((x, y) => compareCodeUnits(textOf(keys[x] ?? ''), textOf(keys[y] ?? '')) || x - y);
}

const backwards = (key: string) => [...key].reverse().join('');
const afterFirst = (key: string) => key.slice(1);

describe('keys of the same text', () => {
  it('go by index, as a comparison sort by text then index puts them', () => {
    const random = seededRandom(23);
    for (const count of [3, 40, 600]) {
      const keys = randomKeys(random, count);
      const { codes, starts, ends } = laidOut(keys);
      const tails = starts.map((start, i) => Math.min(start + 1, ends[i] ?? 0));
      expect([...runSteps(sortKeys(codes, tails, ends))]).toEqual(sortedPlainly(keys, afterFirst));
    }
  });
});

describe('sort orders merged from two layers of keys', () => {
  /** Columns of `postings` (key -> ranks) with their sort orders, as a directory builds them. */
  const columnsOf = (postings: ReadonlyMap<string, readonly number[]>) => {
    const builder = new RankedKeysBuilder();
    for (const [key, ranks] of postings) for (const rank of ranks) builder.add(key, rank);
    return runSteps(builder.steps()).columns();
  };

  it('are the orders a sort of the merged keys gives, keys gone, shared and new alike', () => {
    const random = seededRandom(29);
    for (const [baseCount, layerCount] of [
      [500, 20],
      [400, 0],
      [30, 300],
      [2000, 150],
    ] as const) {
      // A base of ranks 0..n, a layer of ranks 0..m, some of the base's entities gone.
      const base = new Map<string, number[]>();
      const layer = new Map<string, number[]>();
      const baseRanks = Math.max(1, baseCount >> 1);
      const layerRanks = Math.max(1, layerCount >> 1);
      for (const key of randomKeys(random, baseCount))
        base.set(key, [Math.floor(random() * baseRanks)]);
      for (const key of randomKeys(random, layerCount))
        layer.set(key, [Math.floor(random() * layerRanks)]);
      // Ranks renumbered into one ranking: the layer's after the base's, a tenth of the base gone.
      const baseRank = new Int32Array(baseRanks);
      let next = 0;
      for (let r = 0; r < baseRanks; r++) baseRank[r] = random() < 0.1 ? -1 : next++;
      const layerRank = Int32Array.from({ length: layerRanks }, (_, r) => next + r);
      const merged = runSteps(
        mergeKeyColumns(columnsOf(base), baseRank, columnsOf(layer), layerRank),
      );
      // The plain way: the surviving postings of both built again, and sorted.
      const plain = new Map<string, number[]>();
      for (const [postings, renumber] of [
        [base, baseRank],
        [layer, layerRank],
      ] as const)
        for (const [key, ranks] of postings)
          for (const rank of ranks) {
            const to = renumber[rank] ?? -1;
            if (to >= 0)
              plain.set(
                key,
                [...(plain.get(key) ?? []), to].sort((x, y) => x - y),
              );
          }
      const whole = columnsOf(plain);
      expect(merged.keys).toEqual(whole.keys);
      expect(merged.orders).toEqual(whole.orders);
      expect([...(merged.orders?.backward ?? [])]).toEqual(sortedPlainly(merged.keys, backwards));
      expect([...(merged.orders?.afterFirst ?? [])]).toEqual(
        sortedPlainly(merged.keys, afterFirst),
      );
    }
  });

  it('are left out when a layer with keys has none (columns that were merged before)', () => {
    const keys = columnsOf(new Map([['anna', [0]]]));
    const bare = { ...columnsOf(new Map([['enna', [0]]])), orders: undefined };
    const merged = runSteps(mergeKeyColumns(keys, Int32Array.of(0), bare, Int32Array.of(1)));
    expect(merged.keys).toEqual(['anna', 'enna']);
    expect(merged.orders).toBeUndefined();
  });
});
