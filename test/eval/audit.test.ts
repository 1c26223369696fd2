import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDateSamples, DATES_SAMPLES, type DateJudgement } from '../../eval/dates';
import {
  type AuditFile,
  type AuditSampleSpec,
  chooseSample,
  drawSample,
  exclusionRules,
  formatPrecisionInterval,
  inRule,
  inSample,
  newestFirst,
  type Position,
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
    expect(chooseSample(ROLES_SAMPLES, ['--sample=fresh', '--draw']).name).toBe('fresh');
    expect(chooseSample(DATES_SAMPLES, ['--draw', '--sample=final']).name).toBe('final');
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

describe('a third sample, outside both earlier ones', () => {
  const items = Array.from({ length: 600 }, (_, i) => at(i, i % 11));
  const first = drawSample(items, 'first', 60);
  const tuning = { seed: 'first', threshold: first.threshold };
  const second = drawSample(items, 'second', 60, [tuning]);
  const heldout = { seed: 'second', threshold: second.threshold };
  const third = drawSample(items, 'third', 60, [tuning, heldout]);
  const fresh = { seed: 'third', threshold: third.threshold, excluding: [tuning, heldout] };

  it('shares no position with either earlier sample and takes everything else below its threshold', () => {
    expect(third.sample).toHaveLength(60);
    const earlier = new Set([...first.sample, ...second.sample].map(positionKey));
    expect(third.sample.some((item) => earlier.has(positionKey(item)))).toBe(false);
    const expected = items.filter(
      (item) =>
        positionScore('third', item) < third.threshold &&
        !inRule(tuning, item) &&
        !inRule(heldout, item),
    );
    expect(third.sample.map(positionKey).sort()).toEqual(expected.map(positionKey).sort());
    // Excluding only the tuning sample would have taken some of the held-out positions:
    // the second exclusion is doing work here, not passing by luck.
    const withoutHeldout = drawSample(items, 'third', 60, [tuning]).sample.map(positionKey);
    const heldoutKeys = new Set(second.sample.map(positionKey));
    expect(withoutHeldout.some((key) => heldoutKeys.has(key))).toBe(true);
  });

  it('does not count a later item in the held-out region against the fresh sample', () => {
    const shifted = items.map((item) => ({ ...item, start: item.start + 100 }));
    const newInHeldout = shifted.find(
      (item) =>
        inRule(heldout, item) &&
        !inRule(tuning, item) &&
        positionScore('third', item) < third.threshold,
    );
    const newInFresh = shifted.find((item) => inSample(fresh, item));
    expect(newInHeldout).toBeDefined();
    expect(newInFresh).toBeDefined();
    const judgements = third.sample.map((item) => ({ ...item, verdict: 'correct' }));
    const current = [...third.sample, ...[newInHeldout, newInFresh].flatMap((x) => x ?? [])];
    const figures = scoreAudit(judgements, current, fresh, () => true);
    expect(figures).toMatchObject({ judged: 60, correct: 60, unjudged: 1 });
    expect(figures.unjudgedItems).toEqual([newInFresh]);
  });

  it('leaves out positions judged in any earlier sample, not only the first', () => {
    const judgedInHeldout = { file: 'x.conll', sentence: 7, start: 2, end: 9 };
    const rules = [
      { seed: 'first', threshold: 0, judged: new Set<string>() },
      { seed: 'second', threshold: 0, judged: new Set([plainKey(judgedInHeldout)]) },
    ];
    const drawn = drawSample([judgedInHeldout, at(8, 0)], 'third', 2, rules);
    expect(drawn.sample).toEqual([at(8, 0)]);
  });

  it('builds the exclusion rules of every earlier sample a spec names, in order', () => {
    for (const specs of [DATES_SAMPLES, ROLES_SAMPLES]) {
      for (const spec of specs) {
        const rules = exclusionRules(specs, spec);
        const earlier = spec.excluding.map((name) => {
          const found = specs.find((s) => s.name === name);
          if (!found) throw new Error(`${name} expected`);
          return readAuditFile<Position>(found.file);
        });
        expect(rules.map((r) => r.seed)).toEqual(earlier.map((e) => e.seed));
        expect(rules.map((r) => r.judged?.size)).toEqual(
          earlier.map((e) => new Set(e.judgements.map(plainKey)).size),
        );
      }
    }
    const broken: AuditSampleSpec = {
      name: 'fresh',
      label: 'fresh',
      file: 'unused.json',
      seed: 'third',
      size: 1,
      excluding: ['heldout'],
    };
    expect(() => exclusionRules([broken], broken)).toThrow(/unknown sample heldout/);
  });
});

describe('a fourth sample, outside all three earlier ones', () => {
  const items = Array.from({ length: 800 }, (_, i) => at(i, i % 13));
  const rules: { seed: string; threshold: number }[] = [];
  const drawn = ['first', 'second', 'third', 'fourth'].map((seed) => {
    const result = drawSample(items, seed, 60, rules);
    rules.push({ seed, threshold: result.threshold });
    return result;
  });
  const [tuning, heldout, fresh] = rules;
  const fourth = drawn[3];
  if (!tuning || !heldout || !fresh || !fourth) throw new Error('four samples expected');
  const final = {
    seed: 'fourth',
    threshold: fourth.threshold,
    excluding: [tuning, heldout, fresh],
  };

  it('shares no position with any earlier sample and takes everything else below its threshold', () => {
    expect(fourth.sample).toHaveLength(60);
    const earlier = new Set(drawn.slice(0, 3).flatMap((d) => d.sample.map(positionKey)));
    expect(fourth.sample.some((item) => earlier.has(positionKey(item)))).toBe(false);
    const expected = items.filter((item) => inSample(final, item));
    expect(fourth.sample.map(positionKey).sort()).toEqual(expected.map(positionKey).sort());
    // Leaving out only the first two would have taken some of the fresh sample's positions:
    // the third exclusion is doing work here, not passing by luck.
    const withoutFresh = drawSample(items, 'fourth', 60, [tuning, heldout]).sample.map(positionKey);
    const freshKeys = new Set(drawn[2]?.sample.map(positionKey));
    expect(withoutFresh.some((key) => freshKeys.has(key))).toBe(true);
  });

  it('does not count a later item in the fresh region against the final sample', () => {
    const shifted = items.map((item) => ({ ...item, start: item.start + 100 }));
    const newInFresh = shifted.find(
      (item) =>
        inRule(fresh, item) &&
        !inRule(tuning, item) &&
        !inRule(heldout, item) &&
        positionScore('fourth', item) < fourth.threshold,
    );
    const newInFinal = shifted.find((item) => inSample(final, item));
    expect(newInFresh).toBeDefined();
    expect(newInFinal).toBeDefined();
    const judgements = fourth.sample.map((item) => ({ ...item, verdict: 'correct' }));
    const current = [...fourth.sample, ...[newInFresh, newInFinal].flatMap((x) => x ?? [])];
    const figures = scoreAudit(judgements, current, final, () => true);
    expect(figures).toMatchObject({ judged: 60, correct: 60, unjudged: 1 });
    expect(figures.unjudgedItems).toEqual([newInFinal]);
  });

  it('makes the final spec of each kind exclude all three earlier samples', () => {
    for (const specs of [DATES_SAMPLES, ROLES_SAMPLES]) {
      const finalSpec = specs.find((s) => s.name === 'final');
      expect(finalSpec?.excluding).toEqual(['tuning', 'heldout', 'fresh']);
      expect(finalSpec?.seed).toMatch(/^kilde-(dates|roles)-ndt-4$/);
      expect(finalSpec?.file).toMatch(/-ndt-final\.json$/);
    }
  });
});

describe('the sample labels', () => {
  for (const specs of [DATES_SAMPLES, ROLES_SAMPLES]) {
    it(`name the ${specs[0]?.file.includes('roles') ? 'role' : 'date'} sample to quote first`, () => {
      expect(specs.map((s) => s.name)).toEqual(['tuning', 'heldout', 'fresh', 'final']);
      const [first, ...rest] = newestFirst(specs);
      expect(first?.name).toBe('final');
      expect(first?.label).toBe('final (held out, quote this)');
      expect(rest.map((s) => s.label)).toEqual([
        'fresh (used for fixes)',
        'earlier held-out (used for fixes)',
        'tuning (used for fixes)',
      ]);
      // newestFirst must not reorder the list `--draw` and chooseSample rely on.
      expect(specs[0]?.name).toBe('tuning');
    });
  }

  it('prints n and the Wilson interval with every precision', () => {
    expect(formatPrecisionInterval(109, 120)).toBe(
      'precision 0.908, n 120 (109 correct), 95% Wilson interval 0.843-0.948',
    );
    expect(formatPrecisionInterval(0, 0)).toContain('n 0');
  });
});

describe('the audit files', () => {
  // Roles are sampled by position and role; dates by position.
  const key = (j: DateJudgement | RoleJudgement) =>
    'role' in j ? { ...j, file: `${j.file}|${j.role}` } : j;
  for (const specs of [DATES_SAMPLES, ROLES_SAMPLES]) {
    for (const spec of specs.filter((s) => s.excluding.length > 0)) {
      it(`keeps ${path.basename(spec.file)} apart from ${spec.excluding.join(' and ')}`, () => {
        const earlier = spec.excluding.map((name) => {
          const found = specs.find((s) => s.name === name);
          if (!found) throw new Error(`unknown sample ${name}`);
          return readAuditFile<DateJudgement | RoleJudgement>(found.file);
        });
        const audit: AuditFile<DateJudgement | RoleJudgement> = readAuditFile(spec.file);
        expect(audit.seed).toBe(spec.seed);
        expect(audit.excluding).toEqual(
          earlier.map(({ seed, threshold }) => ({ seed, threshold })),
        );
        expect(audit.judgements.length).toBeGreaterThanOrEqual(spec.size);
        // Inside its own sample, judged positions of the earlier samples included.
        const definition = { ...audit, excluding: exclusionRules(specs, spec) };
        expect(audit.judgements.every((j) => inSample(definition, key(j)))).toBe(true);
        const judgedBefore = new Set(earlier.flatMap((e) => e.judgements.map(positionKey)));
        expect(audit.judgements.some((j) => judgedBefore.has(positionKey(j)))).toBe(false);
        // Each position (and role) is judged once.
        expect(new Set(audit.judgements.map((j) => positionKey(key(j)))).size).toBe(
          audit.judgements.length,
        );
      });
    }
  }
});

describe.skipIf(!existsSync(path.join(corpusDir, 'ndt-nob')))('date audit on NDT', () => {
  it('scores all four samples and keeps date precision high on the final one', async () => {
    const { tuning, heldout, fresh, final } = await auditDateSamples(corpusDir);
    expect(tuning?.judged).toBeGreaterThan(100);
    expect(tuning?.precision).toBeGreaterThan(0.9);
    expect(heldout?.judged).toBeGreaterThan(100);
    expect(heldout?.precision).toBeGreaterThan(0.8);
    expect(fresh?.judged).toBeGreaterThan(100);
    expect(fresh?.precision).toBeGreaterThan(0.8);
    // The held-out figure to quote: judged once, after the last fix.
    expect(final?.judged).toBeGreaterThanOrEqual(100);
    expect(final?.precision).toBeGreaterThan(0.8);
  });
});
