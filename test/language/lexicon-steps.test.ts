/**
 * The shipped lexicon read in steps (a search index's warm-up) rather than in one go by
 * the first query: the same lexicon, and a query arriving half-way finishes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexicon, parseLexicon, prepareLexicon } from '../../src/language/lexicon';

const file = (name: string) =>
  readFileSync(new URL(`../../src/language/lexicon/${name}`, import.meta.url), 'utf8');

describe('the shipped lexicon, read in steps', () => {
  it('is read over many breaths, a query half-way finishing it, and answers as one read at once', async () => {
    let breaths = 0;
    let asked: ReturnType<typeof lexicon> | undefined;
    await prepareLexicon({
      due: () => true,
      breathe: async () => {
        breaths++;
        // A query in the middle of the warm-up: it reads the rest at once.
        if (breaths === 5) asked = lexicon();
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    expect(breaths).toBe(5);
    expect(lexicon()).toBe(asked);
    const whole = parseLexicon(file('eng-nor.tsv'), file('news-eng-nor.tsv'));
    for (const word of ['talks', 'evening', 'government', 'election', 'salmon'])
      expect(lexicon().translateEnglish(word)).toEqual(whole.translateEnglish(word));
    for (const stem of ['regjering', 'valg', 'laks'])
      expect(lexicon().translate(stem, 'no')).toEqual(whole.translate(stem, 'no'));
    // Once read, a warm-up has nothing left to do.
    await prepareLexicon({
      due: () => true,
      breathe: async () => {
        breaths++;
      },
    });
    expect(breaths).toBe(5);
  });
});
