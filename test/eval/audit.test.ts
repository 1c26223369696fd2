import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDateSamples, DATES_SAMPLES, type DateJudgement } from '../../eval/dates';
import {
  type AuditFile,
  chooseSample,
  drawSample,
  inRule,
  inSample,
  plainKey,
  positionKey,
  positionScore,
  readAuditFile,
  scoreAudit,
  wilson,
} from '../../eval/ndt';
import { ROLES_SAMPLES, type RoleJudgement } from '../../eval/roles';

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
    const figures = scoreAudit(
      judgements,
      current,
      { seed: 'seed', threshold: 1 },
      (j, c) => j.value === c.value,
    );
    expect(figures).toMatchObject({ judged: 2, correct: 1, precision: 0.5, dropped: 1 });
    expect(figures.droppedCorrect).toBe(1);
    // The changed one and the new one (a threshold of 1 takes every position).
    expect(figures.unjudged).toBe(2);
  });
});

describe('more than one sample per kind', () => {
  const items = Array.from({ length: 400 }, (_, i) => at(i, i % 7));
  const first = drawSample(items, 'first', 60);
  const tuning = { seed: 'first', threshold: first.threshold };
  const heldout = drawSample(items, 'second', 50, [tuning]);

  it('draws a held-out sample that shares no position with the earlier one', () => {
    expect(heldout.sample).toHaveLength(50);
    const earlier = new Set(first.sample.map(positionKey));
    expect(heldout.sample.some((item) => earlier.has(positionKey(item)))).toBe(false);
    // Every item the second seed would take, apart from the excluded ones, is in it.
    const expected = items.filter(
      (item) => positionScore('second', item) < heldout.threshold && !inRule(tuning, item),
    );
    expect(heldout.sample.map(positionKey).sort()).toEqual(expected.map(positionKey).sort());
  });

  it('scores each sample only on its own positions, also for items produced later', () => {
    const definition = { seed: 'second', threshold: heldout.threshold, excluding: [tuning] };
    const judgements = heldout.sample.map((item, i) => ({
      ...item,
      verdict: i < 45 ? 'correct' : 'wrong-span',
    }));
    // A new item inside the tuning sample's region must not count against the held-out one.
    const newInTuning = items
      .map((item) => ({ ...item, start: item.start + 100 }))
      .find((item) => inRule(tuning, item) && positionScore('second', item) < heldout.threshold);
    const newInHeldout = items
      .map((item) => ({ ...item, start: item.start + 100 }))
      .find((item) => inSample(definition, item));
    expect(newInTuning).toBeDefined();
    expect(newInHeldout).toBeDefined();
    const current = [...heldout.sample, ...[newInTuning, newInHeldout].flatMap((x) => x ?? [])];
    const figures = scoreAudit(judgements, current, definition, () => true);
    expect(figures).toMatchObject({ judged: 50, correct: 45, precision: 0.9, unjudged: 1 });
    expect(figures.unjudgedItems).toEqual([newInHeldout]);
  });

  it('also leaves out positions judged earlier, whatever a caller keyed into the file', () => {
    // Roles key `file|role`: a role fixed at a judged name is a new claim hashing elsewhere.
    const judgedAt = { file: 'x.conll', sentence: 3, start: 0, end: 5 };
    const rule = { seed: 'first', threshold: 0, judged: new Set([plainKey(judgedAt)]) };
    expect(inRule(rule, { ...judgedAt, file: 'x.conll|new role' })).toBe(true);
    expect(inRule(rule, { ...judgedAt, start: 1, file: 'x.conll|new role' })).toBe(false);
    const drawn = drawSample([judgedAt, at(4, 0)], 'second', 2, [rule]);
    expect(drawn.sample).toEqual([at(4, 0)]);
  });

  it('picks a sample by --sample=name, the first otherwise', () => {
    expect(chooseSample(DATES_SAMPLES, []).name).toBe('tuning');
    expect(chooseSample(DATES_SAMPLES, ['--draw', '--sample=heldout']).name).toBe('heldout');
    expect(() => chooseSample(DATES_SAMPLES, ['--sample=nope'])).toThrow(/unknown sample/);
  });

  it('gives Wilson intervals that widen at small n and stay inside [0, 1]', () => {
    const [low, high] = wilson(109, 120);
    expect(low).toBeCloseTo(0.843, 3);
    expect(high).toBeCloseTo(0.948, 3);
    const [allLow, allHigh] = wilson(95, 95);
    expect(allHigh).toBe(1);
    expect(allLow).toBeCloseTo(0.961, 3);
    expect(wilson(0, 0)).toEqual([0, 1]);
  });
});

describe('the audit files', () => {
  for (const specs of [DATES_SAMPLES, ROLES_SAMPLES]) {
    const [tuning, heldout] = specs;
    it(`keeps ${heldout?.file ?? '?'} apart from the tuning sample`, () => {
      if (!tuning || !heldout) throw new Error('two samples expected');
      const first = readAuditFile<DateJudgement | RoleJudgement>(tuning.file);
      const second: AuditFile<DateJudgement | RoleJudgement> = readAuditFile(heldout.file);
      expect(second.seed).toBe(heldout.seed);
      expect(second.excluding).toEqual([{ seed: first.seed, threshold: first.threshold }]);
      // Roles are sampled by position and role; dates by position.
      const key = (j: DateJudgement | RoleJudgement) =>
        'role' in j ? { ...j, file: `${j.file}|${j.role}` } : j;
      expect(second.judgements.length).toBeGreaterThanOrEqual(heldout.size);
      expect(second.judgements.every((j) => inSample(second, key(j)))).toBe(true);
      const tuned = new Set(first.judgements.map(positionKey));
      expect(second.judgements.some((j) => tuned.has(positionKey(j)))).toBe(false);
    });
  }
});

describe.skipIf(!existsSync(path.join(corpusDir, 'ndt-nob')))('date audit on NDT', () => {
  it('scores both samples and keeps date precision high', async () => {
    const { tuning, heldout } = await auditDateSamples(corpusDir);
    expect(tuning?.judged).toBeGreaterThan(100);
    expect(tuning?.precision).toBeGreaterThan(0.9);
    expect(heldout?.judged).toBeGreaterThan(100);
    expect(heldout?.precision).toBeGreaterThan(0.8);
  });
});
