import { describe, expect, it } from 'vitest';
import { runSteps } from '../../src/extract/entities/ranked-keys';
import { compareCodeUnits, sortInSteps } from '../../src/extract/entities/sort-steps';
import { seededRandom } from '../helpers/random';

describe('sortInSteps', () => {
  const random = seededRandom(5);
  const words = Array.from({ length: 9000 }, () =>
    Array.from(
      { length: 1 + Math.floor(random() * 6) },
      () => 'abøé Z'[Math.floor(random() * 6)],
    ).join(''),
  );

  it('sorts as the default sort does, by UTF-16 code units', () => {
    expect(runSteps(sortInSteps(words, compareCodeUnits))).toEqual([...words].sort());
  });

  it('keeps equal items in their order, as the built-in sort does', () => {
    const items = words.map((word, i) => ({ word, i }));
    const byLength = (a: { word: string }, b: { word: string }) => a.word.length - b.word.length;
    expect(runSteps(sortInSteps(items, byLength))).toEqual([...items].sort(byLength));
  });

  it('yields between runs, and leaves its input as it was', () => {
    const copy = [...words];
    const steps = sortInSteps(words, compareCodeUnits);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThan(4);
    expect(words).toEqual(copy);
  });

  it('sorts nothing and one item', () => {
    expect(runSteps(sortInSteps([], compareCodeUnits))).toEqual([]);
    expect(runSteps(sortInSteps(['x'], compareCodeUnits))).toEqual(['x']);
  });
});
