import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDates } from '../../eval/dates';
import { drawSample, positionScore, scoreAudit } from '../../eval/ndt';

const corpusDir = path.resolve(import.meta.dirname, '../../../shared/corpus');
const at = (sentence: number, start: number) => ({
  file: 'x.conll',
  sentence,
  start,
  end: start + 5,
});

describe('precision audit scoring', () => {
  it('samples by position, so a new item does not move the others', () => {
    const items = Array.from({ length: 50 }, (_, i) => at(i, 0));
    const { sample, threshold } = drawSample(items, 'seed', 10);
    const again = drawSample([...items, at(99, 3)], 'seed', 10);
    expect(sample).toHaveLength(10);
    expect(sample.every((item) => positionScore('seed', item) < threshold)).toBe(true);
    expect(again.sample.filter((item) => item.sentence !== 99).slice(0, 9)).toEqual(
      sample.slice(0, 9),
    );
  });

  it('counts judged, dropped, changed and new items apart', () => {
    const judgements = [
      { ...at(1, 0), verdict: 'correct', value: 'a' },
      { ...at(2, 0), verdict: 'not-a-date', value: 'b' },
      { ...at(3, 0), verdict: 'correct', value: 'c' },
      { ...at(4, 0), verdict: 'correct', value: 'd' },
    ];
    const current = [
      { ...at(1, 0), value: 'a' },
      { ...at(2, 0), value: 'b' },
      { ...at(4, 0), value: 'changed' },
      { ...at(5, 0), value: 'new' },
    ];
    const figures = scoreAudit(judgements, current, 'seed', 1, (j, c) => j.value === c.value);
    expect(figures).toMatchObject({ judged: 2, correct: 1, precision: 0.5, dropped: 1 });
    expect(figures.droppedCorrect).toBe(1);
    // The changed one and the new one (a threshold of 1 takes every position).
    expect(figures.unjudged).toBe(2);
  });
});

describe.skipIf(!existsSync(path.join(corpusDir, 'ndt-nob')))('date audit on NDT', () => {
  it('keeps date precision on the judged sample high', async () => {
    const figures = await auditDates(corpusDir);
    expect(figures.judged).toBeGreaterThan(100);
    expect(figures.precision).toBeGreaterThan(0.9);
  });
});
