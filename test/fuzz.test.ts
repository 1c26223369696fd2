/**
 * The fuzz properties of `npm run fuzz` (fuzz/properties.ts), with fewer cases and no
 * timing: every handler answers hostile input within Discord's limits, pinging nobody, and
 * its core never receives more than the option's limit; every parser survives any bytes.
 * Boundedness is shown by structure, not by the clock: the core's input is capped, and a
 * 100,000-character autocomplete prefix answers exactly as its cut prefix does.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, nameChoicesFor, PROPERTIES, type World } from '../fuzz/properties';
import { clip, INPUT_LIMITS } from '../src/answers/query-text';

const RUNS = 150;
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

afterAll(async () => {
  await world?.close();
});

describe('fuzz properties (few cases; npm run fuzz runs 10,000 each, timed)', () => {
  for (const property of PROPERTIES) {
    it(property.name, async () => {
      await property.assert(world, RUNS);
    }, 120_000);
  }

  it('a 100,000-character autocomplete prefix answers as its cut prefix', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), async (unit) => {
        const typed = unit.repeat(Math.ceil(100_000 / unit.length));
        const cut = clip(typed, INPUT_LIMITS.name);
        expect(await nameChoicesFor(world, typed)).toBe(await nameChoicesFor(world, cut));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
