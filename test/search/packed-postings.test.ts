import { describe, expect, it } from 'vitest';
import { PackedPostings } from '../../src/search/packed-postings';

/** A small deterministic generator, so that a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const packedOf = (entries: [number, number][]) =>
  new PackedPostings(
    Int32Array.from(entries.map(([doc]) => doc)),
    Uint16Array.from(entries.map(([, tf]) => tf)),
  );

describe('postings packed in typed arrays', () => {
  it('read as the Map of the same postings: get, has, size, iteration in order', () => {
    const entries: [number, number][] = [
      [0, 1],
      [3, 2],
      [17, 1],
      [4000, 9],
    ];
    const packed = packedOf(entries);
    const map = new Map(entries);
    expect(packed.size).toBe(map.size);
    for (const doc of [0, 1, 3, 16, 17, 18, 4000, 5000]) {
      expect(packed.get(doc)).toBe(map.get(doc));
      expect(packed.has(doc)).toBe(map.has(doc));
    }
    expect([...packed]).toEqual([...map]);
    expect([...packed.keys()]).toEqual([...map.keys()]);
    const visited: [number, number][] = [];
    packed.forEach((tf, doc) => {
      visited.push([doc, tf]);
    });
    expect(visited).toEqual(entries);
  });

  it('take what MiniSearch writes as a Map does: appends, raised counts, a vacuum’s removals', () => {
    const next = random(7);
    const map = new Map<number, number>();
    const packed = new PackedPostings(new Int32Array(0), new Uint16Array(0));
    let doc = 0;
    for (let step = 0; step < 5000; step++) {
      const roll = next();
      if (roll < 0.5) {
        // A new passage (the highest short id yet), or the same one's word again.
        doc += next() < 0.3 ? 0 : 1 + Math.floor(next() * 5);
        const tf = (map.get(doc) ?? 0) + 1;
        map.set(doc, tf);
        packed.set(doc, tf);
      } else if (roll < 0.8) {
        const victim = Math.floor(next() * (doc + 1));
        expect(packed.delete(victim)).toBe(map.delete(victim));
      } else {
        const any = Math.floor(next() * (doc + 2));
        expect(packed.get(any)).toBe(map.get(any));
      }
      expect(packed.size).toBe(map.size);
    }
    expect([...packed]).toEqual([...map].sort((a, b) => a[0] - b[0]));
  });

  it('holds a count over 65,535 exactly', () => {
    const packed = packedOf([[1, 2]]);
    packed.set(1, 70_000);
    packed.set(9, 100_000);
    expect([...packed]).toEqual([
      [1, 70_000],
      [9, 100_000],
    ]);
  });

  it('puts a short id set below the last in its place', () => {
    const packed = packedOf([
      [2, 1],
      [8, 1],
    ]);
    packed.set(5, 3);
    expect([...packed.keys()]).toEqual([2, 5, 8]);
    expect(packed.get(5)).toBe(3);
  });
});
