import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateNer, readConll } from '../../eval/ner';

const corpusDir = path.resolve(import.meta.dirname, '../../../shared/corpus');

describe('readConll', () => {
  it('rebuilds sentence text with offsets and gold person spans', () => {
    const rows = [
      ['1', 'Det', '_', '_', '_', '_', '_', '_', '_', 'name=O'],
      ['2', 'sier', '_', '_', '_', '_', '_', '_', '_', 'name=O'],
      ['3', 'Kari', '_', '_', '_', '_', '_', '_', '_', 'name=B-PER'],
      ['4', 'Nordmann', '_', '_', '_', '_', '_', '_', '_', 'name=I-PER'],
      ['5', '.', '_', '_', '_', '_', '_', '_', '_', 'name=O'],
    ];
    const [sentence] = readConll(`${rows.map((r) => r.join('\t')).join('\n')}\n\n`);
    expect(sentence?.text).toBe('Det sier Kari Nordmann.');
    expect([...(sentence?.gold ?? [])]).toEqual(['2:3']);
    expect(sentence?.starts[2]).toBe(9);
  });
});

describe.skipIf(!existsSync(path.join(corpusDir, 'ndt-nob')))('NorNE person names', () => {
  // The whole treebank, read twice: generous, since the machine may be busy.
  it('keeps person-name F1 above the rule-based floor', { timeout: 180_000 }, async () => {
    const score = await evaluateNer(corpusDir);
    expect(score.gold).toBeGreaterThan(5000);
    expect(score.f1).toBeGreaterThan(0.75);
  });
});
