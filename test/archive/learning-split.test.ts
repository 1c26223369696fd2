import { describe, expect, it } from 'vitest';
import { LearningSplit } from '../../src/archive/learning-split';

/** The names worker's side: claims texts in order until refused, then closes. */
function learnHere(
  split: LearningSplit,
  total: number,
  upTo = total,
): { read: number; from: number } {
  let read = 0;
  while (read < upTo && read < total && split.claim(read)) read++;
  return { read, from: read < upTo ? split.close(total) : -1 };
}

describe('dividing the lexicon’s learning between the two workers', () => {
  it('gives the index worker the last share of the texts left when it comes', () => {
    const split = new LearningSplit();
    learnHere(split, 100, 40);
    // 60 left: the other takes the last 27 (45 %, rounded up), from text 73.
    const from = split.take(100, 0.45);
    expect(from).toBe(73);
    // The names worker is refused text 40 and reads on to 73 unclaimed.
    expect(split.claim(40)).toBe(false);
    expect(split.close(100)).toBe(73);
  });

  it('leaves every text to the names worker once it has read them all', () => {
    const split = new LearningSplit();
    expect(learnHere(split, 10)).toEqual({ read: 10, from: -1 });
    expect(split.close(10)).toBe(10);
    // Closed: the index worker takes nothing (and waits for no texts).
    expect(split.take(10, 0.45)).toBe(10);
  });

  it('reads each text once, whichever side is first, across threads’ views of one buffer', () => {
    for (const comesAt of [0, 1, 50, 99, 100]) {
      const here = new LearningSplit();
      const there = new LearningSplit(here.buffer);
      const { read } = learnHere(here, 100, comesAt);
      const from = there.take(100, 0.45);
      const closed = here.close(100);
      expect(closed).toBe(from);
      expect(from).toBeGreaterThanOrEqual(read);
    }
  });
});
