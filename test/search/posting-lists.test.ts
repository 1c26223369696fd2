import { describe, expect, it } from 'vitest';
import { PackedPostings } from '../../src/search/packed-postings';
import {
  type FieldTermData,
  type MiniInternals,
  PostingStore,
  type TermPostings,
} from '../../src/search/postings';

/** A small deterministic generator, so that a failure repeats. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/** What `PostingStore` reads of an index to build lists: only its size matters here. */
const indexOf = (nextId: number): MiniInternals => ({
  _index: new Map() as unknown as MiniInternals['_index'],
  _documentIds: new Map(),
  _fieldLength: new Map(),
  _avgFieldLength: [],
  _fieldIds: {},
  _documentCount: nextId,
  _nextId: nextId,
});

/** A term's random postings per field: short id -> frequency, ascending. */
function randomFields(r: () => number, docs: number, fields: number): Map<number, number>[] {
  return Array.from({ length: fields }, () => {
    const postings = new Map<number, number>();
    const density = r();
    for (let doc = 0; doc < docs; doc++)
      if (r() < density) postings.set(doc, 1 + Math.floor(r() * r() * 40));
    return postings;
  });
}

const asMaps = (fields: Map<number, number>[]): FieldTermData =>
  new Map(fields.map((postings, fieldId) => [fieldId, new Map(postings)]));

const asPacked = (fields: Map<number, number>[]): FieldTermData =>
  new Map(
    fields.map((postings, fieldId) => [
      fieldId,
      new PackedPostings(
        Int32Array.from(postings.keys()),
        Uint16Array.from(postings.values()),
      ) as Map<number, number>,
    ]),
  );

const plain = (list: TermPostings | undefined) =>
  list && {
    docs: [...list.docs],
    columns: list.columns.map((c) => ({ fieldId: c.fieldId, tfs: [...c.tfs] })),
  };

describe("a frequent term's typed list", () => {
  it('built from packed postings (a restored term) equals the one built from Maps', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = random(seed);
      const docs = 1 + Math.floor(r() * 600);
      const fields = randomFields(r, docs, 1 + Math.floor(r() * 4));
      const fromMaps = new PostingStore(indexOf(docs)).list('t', asMaps(fields));
      const fromPacked = new PostingStore(indexOf(docs)).list('t', asPacked(fields));
      expect(plain(fromPacked), `seed ${seed}`).toEqual(plain(fromMaps));
      expect(fromPacked?.docs.length).toBe(new Set(fields.flatMap((f) => [...f.keys()])).size);
    }
  });

  it('leaves out postings removed from the packed arrays, and fields left empty', () => {
    const r = random(99);
    const fields = randomFields(r, 300, 3);
    const packed = asPacked(fields);
    const maps = asMaps(fields);
    // MiniSearch removes a discarded passage's postings when it vacuums.
    for (const [fieldId, postings] of maps) {
      for (const doc of [...postings.keys()].filter((_, i) => i % 3 === 0)) {
        postings.delete(doc);
        packed.get(fieldId)?.delete(doc);
      }
    }
    for (const doc of [...(maps.get(2)?.keys() ?? [])]) {
      maps.get(2)?.delete(doc);
      packed.get(2)?.delete(doc);
    }
    const fromPacked = new PostingStore(indexOf(300)).list('t', packed);
    expect(plain(fromPacked)).toEqual(plain(new PostingStore(indexOf(300)).list('t', maps)));
    expect(fromPacked?.columns.map((c) => c.fieldId)).toEqual([0, 1]);
  });

  it('is not built when a frequency does not fit 16 bits, from either', () => {
    const fields = [new Map([[1, 2]]), new Map([[1, 70_000]])];
    expect(new PostingStore(indexOf(4)).list('t', asMaps(fields))).toBeUndefined();
    const packed: FieldTermData = new Map([
      [0, new PackedPostings(Int32Array.of(1), Uint16Array.of(2)) as Map<number, number>],
      [1, new PackedPostings(Int32Array.of(1), Uint32Array.of(70_000)) as Map<number, number>],
    ]);
    expect(new PostingStore(indexOf(4)).list('t', packed)).toBeUndefined();
  });
});
