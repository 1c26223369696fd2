import { describe, expect, it } from 'vitest';
import {
  articleIdOf,
  passageId,
  passageIdCut,
  positionAfter,
} from '../../src/knowledge/passage-id';

describe('passage ids', () => {
  it('split back into the article and the position they were made of', () => {
    for (const [article, position] of [
      ['kultur/2017/film.md', 0],
      ['a.md', 12],
      ['nyheter/#emneknagg/sak.md', 307],
      ['sak#2.md', 4],
    ] as const) {
      const id = passageId(article, position);
      expect(articleIdOf(id)).toBe(article);
      expect(positionAfter(id, passageIdCut(id))).toBe(position);
    }
  });

  it('are not read from text that is not one', () => {
    expect(articleIdOf('no-hash.md')).toBeUndefined();
    expect(passageIdCut('no-hash.md')).toBe(-1);
    expect(positionAfter('no-hash.md', -1)).toBe(-1);
  });

  it('take a position of plain digits only', () => {
    for (const id of ['a.md#', 'a.md# 3', 'a.md#1e2', 'a.md#-1', 'a.md#3a', 'a.md#0x1']) {
      expect(positionAfter(id, passageIdCut(id)), id).toBe(-1);
    }
    expect(positionAfter('a.md#007', 4)).toBe(7);
  });
});
