import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/archive/bytes';
import {
  readIndex,
  SnapshotNode,
  SnapshotTermData,
  TreeTable,
  writeIndex,
  writeTreeTableSteps,
} from '../../src/archive/index-bytes';
import type { Article, Passage } from '../../src/knowledge/types';
import { PassageIndex, type PassageIndexInput } from '../../src/search';
import { PackedPostings } from '../../src/search/packed-postings';

/** An article of paragraphs, some under a sub-heading. */
function article(id: string, paragraphs: { text: string; heading?: string }[]): Article {
  const passages: Passage[] = paragraphs.map((p, index) => ({
    id: `${id}#${index}`,
    articleId: id,
    index,
    text: p.text,
    line: index + 1,
    language: 'nb',
    ...(p.heading ? { heading: p.heading } : {}),
  }));
  return {
    id,
    file: `${id}.md`,
    title: `Saken om ${id}`,
    published: { start: '2017-11-21', end: '2017-11-21', granularity: 'day' },
    language: 'nb',
    languageDetected: false,
    tags: [],
    passages,
    hash: id,
  };
}

type FieldLengths = Map<number, (number | undefined)[]>;
const fieldLengths = (index: PassageIndex): FieldLengths =>
  (index.searchIndex as unknown as { _fieldLength: FieldLengths })._fieldLength;

/** Each passage's lengths with its unset fields spelt out, so that a hole is not a value. */
const spelt = (lengths: FieldLengths) =>
  [...lengths].map(([id, list]) => [
    id,
    list.length,
    Array.from({ length: list.length }, (_, f) => (f in list ? list[f] : 'unset')),
  ]);

describe('an index written to bytes and read back', () => {
  const input: PassageIndexInput = {
    articles: [
      article('valg', [
        { text: 'Statsministeren la fram statsbudsjettet i Stortinget onsdag.' },
        { text: 'Opposisjonen kalte budsjettet uansvarlig.', heading: 'Kritikk' },
      ]),
      article('fotball', [
        { text: 'Rosenborg vant seriefinalen mot Molde.', heading: 'Eliteserien' },
        { text: 'Treneren roste forsvaret etter kampen.' },
        { text: 'Neste kamp spilles i Bergen.' },
      ]),
    ],
    aliases: [],
    entityNames: new Map([['valg#0', ['Stortinget']]]),
  };

  it('gives every passage the field lengths it had, a field it never had still unset', async () => {
    const built = PassageIndex.build(input);
    // MiniSearch leaves a field it was given no value for unset: one passage's second field
    // and another's last, as such a passage would have them.
    const lengths = fieldLengths(built);
    const [first, second] = [...lengths.values()];
    if (!first || !second) throw new Error('too few passages');
    delete first[1];
    delete second[second.length - 1];
    const out = new ByteWriter(256);
    await writeIndex(built, out);
    const restored = await readIndex(out.bytes(), input);
    expect(spelt(fieldLengths(restored))).toEqual(spelt(lengths));
    expect(JSON.stringify(spelt(fieldLengths(restored)))).toContain('unset');
  });

  it('answers as the index it was written from', async () => {
    const built = PassageIndex.build(input);
    const out = new ByteWriter(256);
    await writeIndex(built, out);
    const restored = await readIndex(out.bytes(), input);
    // Its dense field lengths copied before it serves (no warm-up ran, no query came): the
    // first query after a restart does not copy every passage's at once.
    expect(restored.searchCache.lengthBytes).toBeGreaterThan(0);
    for (const query of ['budsjettet', 'Rosenborg kamp', 'Stortinget', 'kritikk']) {
      const ids = (index: PassageIndex) => index.search(query).map((h) => [h.passageId, h.score]);
      expect(ids(restored)).toEqual(ids(built));
    }
  });
});

describe('a restored index, its documents in columns and its tree opened on first use', () => {
  /** Many passages, so that the documents span several blocks and the tree many nodes. */
  const many: PassageIndexInput = {
    articles: Array.from({ length: 30 }, (_, a) =>
      article(
        `sak-${a}-æøå`,
        Array.from({ length: 300 }, (_, p) => ({
          text: `Kommunestyret i kommune${a} vedtok budsjett${p % 17} for skole${p % 5} og vei${p}.`,
          ...(p % 7 === 0 ? { heading: `Møte ${p}` } : {}),
        })),
      ),
    ),
    aliases: [],
  };
  const bytesOf = async (index: PassageIndex) => {
    const out = new ByteWriter(256);
    await writeIndex(index, out);
    return Buffer.from(out.bytes());
  };
  const answers = (index: PassageIndex) =>
    ['budsjett3 skole2', 'kommune7', 'vei299 møte', 'kommunestyret vei1*'].map((q) =>
      index.search(q, { limit: 25 }).map((h) => [h.passageId, h.score]),
    );

  it('writes back, unsearched, the very bytes it was read from', async () => {
    const written = await bytesOf(PassageIndex.build(many));
    const restored = await readIndex(written, many);
    expect((await bytesOf(restored)).equals(written)).toBe(true);
  });

  it('answers as the built index, and writes the same bytes after its searches', async () => {
    const built = PassageIndex.build(many);
    const written = await bytesOf(built);
    const restored = await readIndex(written, many);
    expect(answers(restored)).toEqual(answers(built));
    expect((await bytesOf(restored)).equals(written)).toBe(true);
  });

  it('takes an update (passages removed, added, renamed) as the built index does', async () => {
    const built = PassageIndex.build(many);
    const restored = await readIndex(await bytesOf(built), many);
    const removed = many.articles.slice(0, 2);
    const added = [
      article('ny-sak', [{ text: 'Kommunestyret vedtok budsjett3 for skole2 i kveld.' }]),
    ];
    const after: PassageIndexInput = {
      articles: [...many.articles.slice(2), ...added],
      aliases: [],
      entityNames: new Map([['sak-5-æøå#3', ['Rådmannen']]]),
    };
    const renamed = many.articles[5]?.passages.slice(3, 4) ?? [];
    for (const index of [built, restored]) index.update({ removed, added, renamed }, after);
    expect(answers(restored)).toEqual(answers(built));
    expect(restored.search('rådmannen').map((h) => h.passageId)).toEqual(['sak-5-æøå#3']);
    expect((await bytesOf(restored)).equals(await bytesOf(built))).toBe(true);
    const again = await readIndex(await bytesOf(restored), after);
    expect(answers(again)).toEqual(answers(built));
  });

  it('writes an opened list with postings removed from it as the Map of those left', async () => {
    const built = PassageIndex.build(many);
    const restored = await readIndex(await bytesOf(built), many);
    // A frequent term's lists (thousands of postings, several runs of the write), opened in
    // the restored index as packed arrays; every third posting removed from both, and the
    // last, as a vacuum removes them (a packed list keeps the slots, their count 0).
    type Lists = Map<number, Map<number, number>>;
    const treeOf = (index: PassageIndex) =>
      (index.searchIndex as unknown as { _index: Map<string, Lists> })._index;
    let term = '';
    let most = 0;
    for (const [key, lists] of treeOf(built)) {
      const size = [...lists.values()].reduce((sum, list) => sum + list.size, 0);
      if (size > most) [term, most] = [key, size];
    }
    const postingsOf = (index: PassageIndex) => treeOf(index).get(term);
    const lists = [...(postingsOf(restored)?.values() ?? [])];
    expect(lists.some((list) => list instanceof PackedPostings && list.size > 4096)).toBe(true);
    for (const index of [built, restored])
      for (const list of postingsOf(index)?.values() ?? []) {
        const docs = [...list.keys()];
        for (const [i, doc] of docs.entries())
          if (i % 3 === 1 || i === docs.length - 1) list.delete(doc);
      }
    expect((await bytesOf(restored)).equals(await bytesOf(built))).toBe(true);
  });

  it('opens the terms an update adds to ahead of it, in slices, and then takes the update alike', async () => {
    const built = PassageIndex.build(many);
    const restored = await readIndex(await bytesOf(built), many);
    const added = [article('ny-sak', [{ text: 'Kommunestyret vedtok budsjett3 for skole2.' }])];
    const after: PassageIndexInput = { articles: [...many.articles, ...added], aliases: [] };
    const documents = await restored.documentsToAddAsync(added, after, {
      due: () => true,
      breathe: async () => undefined,
    });
    let breaths = 0;
    await restored.openTermsAsync(documents, {
      due: () => true,
      breathe: async () => void breaths++,
    });
    expect(breaths).toBeGreaterThan(3);
    // Walking the tree opens its nodes, not its terms' postings.
    const tree = (restored.searchIndex as unknown as { _index: Iterable<[string, unknown]> })
      ._index;
    const opened = new Set<string>();
    for (const [term, data] of tree) {
      if (!(data instanceof SnapshotTermData)) throw new Error(`${term} is not restored`);
      if (data.unopened === undefined) opened.add(term);
    }
    expect([...opened].some((term) => term.startsWith('budsjett3'))).toBe(true);
    expect([...opened].some((term) => term.startsWith('skole2'))).toBe(true);
    expect(opened.has('vei17')).toBe(false);
    restored.update({ removed: [], added, renamed: [] }, after, documents);
    built.update({ removed: [], added, renamed: [] }, after);
    expect(answers(restored)).toEqual(answers(built));
    expect((await bytesOf(restored)).equals(await bytesOf(built))).toBe(true);
  });

  /** Every node of a restored tree, read without opening any (Map's own methods). */
  const nodesOf = (index: PassageIndex) => {
    const root = (index.searchIndex as unknown as { _index: { _tree: Map<string, unknown> } })
      ._index._tree;
    const all: { node: Map<string, unknown>; opened: boolean }[] = [];
    const visit = (node: Map<string, unknown>) => {
      const opened = !(node instanceof SnapshotNode) || node.unopened === undefined;
      all.push({ node, opened });
      for (const [label, child] of Map.prototype.entries.call(node))
        if (label !== '' && child instanceof Map) visit(child);
    };
    visit(root);
    return all;
  };

  it('keeps rare terms as their bytes and most nodes unopened through the search warm-up', async () => {
    const restored = await readIndex(await bytesOf(PassageIndex.build(many)), many);
    const tree = (restored.searchIndex as unknown as { _index: Iterable<[string, unknown]> })
      ._index;
    // Read after the warm-up (this walk opens every node).
    const terms = () =>
      [...tree].map(([term, data]) => {
        if (!(data instanceof SnapshotTermData)) throw new Error(`${term} is not restored`);
        return { term, opened: data.unopened === undefined, postings: data.postingCount() };
      });
    // The restore (priming the search code) looked up frequent terms only: the nodes it
    // opened are some of those the warm-up opens.
    const primed = nodesOf(restored)
      .filter((n) => n.opened)
      .map((n) => n.node);
    await restored.warm();
    // Only the frequent terms' paths were walked: the rest of the tree is as read.
    const openedNodes = nodesOf(restored)
      .filter((n) => n.opened)
      .map((n) => n.node);
    // By identity: a deep comparison would open the nodes' terms.
    expect(primed.filter((node) => !openedNodes.includes(node))).toHaveLength(0);
    const opened = openedNodes.length;
    // The frequent terms (over 1,024 postings: their typed lists) were opened, and no other.
    const after = terms();
    expect(opened).toBeLessThan(nodesOf(restored).length / 4);
    expect(after.filter((t) => t.opened).map((t) => t.term)).toEqual(
      after.filter((t) => t.postings > 1024).map((t) => t.term),
    );
    expect(after.filter((t) => t.postings > 1024).length).toBeGreaterThan(3);
    expect(after.filter((t) => !t.opened).length).toBeGreaterThan(100);
    restored.search('vei299');
    expect(terms().find((t) => t.term === 'vei299')?.opened).toBe(true);
  });

  it('is refused when its tree table does not add up', async () => {
    const written = await bytesOf(PassageIndex.build(many));
    const cut = written.subarray(0, written.length - 9);
    await expect(readIndex(cut, many)).rejects.toThrow();
  });
});

describe("the index tree's table", () => {
  it('is written in steps as its three columns of little-endian words, then its row count', () => {
    const table = new TreeTable();
    const rows = 40_000;
    for (let i = 0; i < rows; i++) {
      table.ends.push(i * 7 + 3);
      table.nodes.push((i % 5) + 1);
      table.terms.push(i % 11);
    }
    const out = new ByteWriter();
    let steps = 0;
    for (const _ of writeTreeTableSteps(out, table)) steps++;
    expect(steps).toBeGreaterThan(2);
    const bytes = Buffer.from(out.bytes());
    expect(bytes.length).toBe(rows * 12 + 4);
    for (const i of [0, 1, 16_383, 16_384, rows - 1]) {
      expect(bytes.readUInt32LE(i * 4)).toBe(i * 7 + 3);
      expect(bytes.readUInt32LE((rows + i) * 4)).toBe((i % 5) + 1);
      expect(bytes.readUInt32LE((2 * rows + i) * 4)).toBe(i % 11);
    }
    expect(bytes.readUInt32LE(rows * 12)).toBe(rows);
  });
});
