import { describe, expect, it } from 'vitest';
import { evaluatePersons } from '../../eval/persons';

describe('"is it a person" on the articles written for it (eval/persons)', () => {
  it('judges every article, and keeps the precision it reached', async () => {
    const score = await evaluatePersons();
    expect(score.articles).toBe(8);
    expect(score.judged).toBeGreaterThan(30);
    // Before the kind table (issue 8) this read 0.727: works, fields, leagues and English
    // bodies were people. A fall below 0.85 means such a rule broke.
    expect(score.precision).toBeGreaterThan(0.85);
    expect(score.recall).toBeGreaterThan(0.9);
  });
});
