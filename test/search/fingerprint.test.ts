import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/search';
import { seededRandom } from '../helpers/random';

type Versioned = { id: string; hash: string; passages: { id: string }[] };

/** Articles of 1-4 passages, ids as the loader makes them, names on about half the passages. */
function archiveOf(seed: number) {
  const random = seededRandom(seed);
  const articles: Versioned[] = [];
  const names = new Map<string, string[]>();
  for (let a = 0; a < 30; a++) {
    const id = `artikkel-${a}`;
    const count = 1 + Math.floor(random() * 4);
    const passages = Array.from({ length: count }, (_, i) => ({ id: `${id}#${i}` }));
    for (const { id: passage } of passages)
      if (random() < 0.5) names.set(passage, [`Navn ${Math.floor(random() * 9)}`]);
    articles.push({ id, hash: `h${a}`, passages });
  }
  return { articles, names };
}

/** The same article whose passages cannot be read, as a restored article not parsed yet. */
const unread = (article: Versioned): Versioned => ({
  id: article.id,
  hash: article.hash,
  get passages(): { id: string }[] {
    throw new Error(`${article.id} parsed`);
  },
});

describe("the index's fingerprint", () => {
  it("is the same from articles' passage counts as from their passages, reading no passages", () => {
    for (const seed of [1, 2, 3]) {
      const { articles, names } = archiveOf(seed);
      const counts = new Map(articles.map((a) => [a.id, a.passages.length]));
      const fromPassages = fingerprintOf({ articles, entityNames: names });
      const fromCounts = fingerprintOf({
        articles: articles.map(unread),
        entityNames: names,
        passageCount: (article) => counts.get(article.id) ?? 0,
      });
      expect(fromCounts).toBe(fromPassages);
    }
  });

  it('changes with a passage more, a version or a name', () => {
    const { articles, names } = archiveOf(4);
    const base = fingerprintOf({ articles, entityNames: names });
    const first = articles[0] as Versioned;
    const longer = [
      { ...first, passages: [...first.passages, { id: `${first.id}#9` }] },
      ...articles.slice(1),
    ];
    expect(fingerprintOf({ articles: longer, entityNames: names })).not.toBe(base);
    const newer = [{ ...first, hash: 'other' }, ...articles.slice(1)];
    expect(fingerprintOf({ articles: newer, entityNames: names })).not.toBe(base);
    const renamed = new Map(names);
    renamed.set(`${first.id}#0`, ['Et annet navn']);
    expect(fingerprintOf({ articles, entityNames: renamed })).not.toBe(base);
  });
});
