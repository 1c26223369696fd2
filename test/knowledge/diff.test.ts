import { describe, expect, it } from 'vitest';
import { diffKnowledge } from '../../src/knowledge/diff';
import type { Article } from '../../src/knowledge/types';

function article(id: string, hash: string): Article {
  return {
    id,
    file: id,
    title: id,
    published: { start: '2020-01-01', end: '2020-01-01', granularity: 'day' },
    language: 'nb',
    languageDetected: false,
    tags: [],
    passages: [],
    hash,
  };
}

describe('diffKnowledge', () => {
  it('reports added, changed and removed articles by id and hash', () => {
    const before = [article('a.md', '1'), article('b.md', '2'), article('c.md', '3')];
    const after = [article('d.md', '4'), article('b.md', '2'), article('a.md', '9')];
    expect(diffKnowledge(before, after)).toEqual({
      added: ['d.md'],
      changed: ['a.md'],
      removed: ['c.md'],
    });
  });

  it('reports nothing for identical sets and everything from empty', () => {
    const set = [article('a.md', '1')];
    expect(diffKnowledge(set, set)).toEqual({ added: [], changed: [], removed: [] });
    expect(diffKnowledge([], set)).toEqual({ added: ['a.md'], changed: [], removed: [] });
  });
});
