import { describe, expect, it } from 'vitest';
import {
  articleChanges,
  articleChangesByMaps,
  changedIds,
  diffKnowledge,
} from '../../src/knowledge/diff';
import type { Article } from '../../src/knowledge/types';
import { seededRandom } from '../helpers/random';

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

/** The report by definition, each id looked up in the other load: the reference. */
function plainDiff(before: readonly Article[], after: readonly Article[]) {
  const hashBefore = new Map(before.map((a) => [a.id, a.hash]));
  const idsAfter = new Set(after.map((a) => a.id));
  const present = after.filter((a) => hashBefore.has(a.id));
  return {
    added: after
      .filter((a) => !hashBefore.has(a.id))
      .map((a) => a.id)
      .sort(),
    changed: present
      .filter((a) => hashBefore.get(a.id) !== a.hash)
      .map((a) => a.id)
      .sort(),
    removed: before
      .filter((a) => !idsAfter.has(a.id))
      .map((a) => a.id)
      .sort(),
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

  it('reports everything as added from empty, sorted whatever the order given', () => {
    const ids = ['b.md', 'a.md', 'c/z.md', 'c/a.md', 'B.md'];
    expect(
      diffKnowledge(
        [],
        ids.map((id) => article(id, '1')),
      ).added,
    ).toEqual([...ids].sort());
    const sorted = [...ids].sort();
    expect(
      diffKnowledge(
        [],
        sorted.map((id) => article(id, '1')),
      ).added,
    ).toEqual(sorted);
  });
});

describe("a reload's report of what changed", () => {
  it('is the plain diff of the two loads, in any order, sorted or not', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 50; round++) {
      const pick = () => Array.from({ length: 12 }, (_, i) => i).filter(() => random() < 0.6);
      const before = pick().map((i) => article(`${i}.md`, String(Math.floor(random() * 2))));
      const after = pick().map((i) => article(`${i}.md`, String(Math.floor(random() * 2))));
      expect(diffKnowledge(before, after), `round ${round}`).toEqual(plainDiff(before, after));
      expect(changedIds(articleChanges(before, after)), `round ${round}`).toEqual(
        plainDiff(before, after),
      );
    }
  });
});

describe('the changes between two loads sorted by id', () => {
  it('are those found by looking every id up, in the same order', () => {
    const random = seededRandom(11);
    const ids = Array.from({ length: 30 }, (_, i) => `sak-${i}.md`).sort();
    for (let round = 0; round < 50; round++) {
      const pick = () =>
        ids.filter(() => random() < 0.6).map((id) => article(id, String(Math.floor(random() * 2))));
      const before = pick();
      const after = pick();
      const walked = articleChanges(before, after);
      expect(walked, `round ${round}`).toEqual(articleChangesByMaps(before, after));
      expect(changedIds(walked)).toEqual(plainDiff(before, after));
    }
  });
});
