import { describe, expect, it } from 'vitest';
import { DocumentIds, DocumentTable, ShortIds } from '../../src/archive/index-columns';
import { seededRandom } from '../helpers/random';

/** A table over ids restored as ranges of joined block strings, as a snapshot's reader makes it. */
function restored(ids: (string | undefined)[], perBlock: number): DocumentTable {
  const joined = {
    texts: [] as string[],
    block: new Int32Array(ids.length).fill(-1),
    start: new Int32Array(ids.length),
    length: new Int32Array(ids.length),
  };
  let count = 0;
  for (let from = 0; from < ids.length; from += perBlock) {
    let text = '';
    for (let shortId = from; shortId < Math.min(ids.length, from + perBlock); shortId++) {
      const id = ids[shortId];
      if (id === undefined) continue;
      joined.block[shortId] = joined.texts.length;
      joined.start[shortId] = text.length;
      joined.length[shortId] = id.length;
      text += id;
      count++;
    }
    joined.texts.push(text);
  }
  return new DocumentTable(joined, count);
}

describe('a restored index’s document ids', () => {
  it('answers as the maps of ids and short ids it stands for, through reads, puts and removals', () => {
    const random = seededRandom(7);
    const ids = Array.from({ length: 500 }, (_, i) =>
      random() < 0.1 ? undefined : `sak-${i % 37}.md#${i}`,
    );
    const table = restored(ids, 64);
    const byShortId = new DocumentIds(table);
    const byId = new ShortIds(table);
    const model = new Map<number, string>();
    for (const [shortId, id] of ids.entries()) if (id !== undefined) model.set(shortId, id);
    const check = () => {
      expect(byShortId.size).toBe(model.size);
      expect([...byShortId]).toEqual([...model].sort((a, b) => a[0] - b[0]));
      for (let shortId = 0; shortId < 560; shortId++) {
        expect(byShortId.get(shortId)).toBe(model.get(shortId));
        expect(byShortId.has(shortId)).toBe(model.has(shortId));
      }
      for (const [shortId, id] of model) expect(byId.get(id)).toBe(shortId);
      for (const gone of ['sak-0.md#1000', 'sak-1.md#', '', 'sak-0.md#0x'])
        expect(byId.has(gone)).toBe(false);
    };
    // Some read before the reverse lookup is built, the rest left as ranges.
    for (let shortId = 0; shortId < 500; shortId += 3) byShortId.get(shortId);
    check();
    for (let round = 0; round < 200; round++) {
      const shortId = Math.floor(random() * 560);
      if (random() < 0.5) {
        byShortId.delete(shortId);
        model.delete(shortId);
      } else {
        const id = `ny-${round}.md#${shortId}`;
        byShortId.set(shortId, id);
        model.set(shortId, id);
      }
    }
    check();
    expect(byId.delete('ny-does-not-exist')).toBe(false);
  });
});
