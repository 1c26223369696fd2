import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AnalysisItems, analysisLines } from '../../src/archive/analysis-text';
import { mentionMaps } from '../../src/archive/build';
import { ByteReader, ByteWriter } from '../../src/archive/bytes';
import { Slicer } from '../../src/archive/pace';
import {
  decodeAnalysisText,
  encodeAnalysis,
  encodeAnalysisText,
  sectionsOf,
} from '../../src/archive/snapshot-body';
import { KnowledgeStore } from '../../src/archive/store';
import { prepareUpdates } from '../../src/archive/update';
import { ArchiveLexicon, EntityDirectory } from '../../src/extract/entities';
import type { Entity, EntityMention, TimeMention } from '../../src/extract/types';
import { loadKnowledge } from '../../src/knowledge/load';
import { createLogger } from '../../src/logger';
import { PassageIndex } from '../../src/search';
import { bokmalBudget, bokmalFollowUp, englishClimate } from '../helpers/articles';
import { generatedArticles } from '../helpers/generated';
import { tempFolder } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function folder(files: Record<string, string>) {
  const kb = await tempFolder(files, 'kilde-snapshot-write-');
  cleanups.push(kb.cleanup);
  return kb;
}

/** A slicer that yields at every chance: the most interleaving a write can meet. */
const everyStep = () => new Slicer(0);

describe('bytes written in chunks', () => {
  it('are the bytes one growing buffer holds, whatever crosses a chunk boundary', () => {
    const whole = new ByteWriter(4);
    const chunked = new ByteWriter(4, 64);
    const big = new Uint8Array(200).map((_, i) => i);
    for (let i = 0; i < 500; i++) {
      for (const out of [whole, chunked]) {
        out.uint(i * 7919);
        out.int(-i);
        out.string(`term ${i} æøå`);
        if (i % 97 === 0) out.raw(big);
      }
    }
    expect(chunked.pieces().length).toBeGreaterThan(10);
    expect(chunked.length).toBe(whole.length);
    const joined = Buffer.concat(chunked.pieces());
    expect(joined.equals(Buffer.from(whole.bytes()))).toBe(true);
    const reader = new ByteReader(joined);
    expect([reader.uint(), reader.int(), reader.string()]).toEqual([0, 0, 'term 0 æøå']);
  });
});

describe('a snapshot encoded in slices on the main thread', () => {
  it('is byte for byte what the worker encodes in one go', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, ...generatedArticles(20) });
    const load = await loadKnowledge(kb.dir);
    const store = new KnowledgeStore(kb.dir, join(kb.root, 'cache'), createLogger('silent'));
    const { archive } = await store.reload();
    const { basis } = archive;
    await prepareUpdates(archive);
    const analysis = {
      entities: [...archive.entities.all()],
      timeMentions: [...archive.timeMentions] as [string, TimeMention[]][],
      mentions: [...basis.mentions],
      lexicon: 'toJSON' in basis.lexicon ? basis.lexicon.toJSON() : basis.lexicon,
      references: [...basis.references],
    };
    const sliced = Buffer.concat(await encodeAnalysis(analysis, archive.index, everyStep()));
    const oneGo = Buffer.concat(await encodeAnalysis(analysis, archive.index));
    expect(sliced.equals(oneGo)).toBe(true);
    expect(load.articles.length).toBeGreaterThan(20);
    // Read from the live maps and sets themselves (an update's snapshot), not copies.
    const lexicon = basis.lexicon;
    if (!(lexicon instanceof ArchiveLexicon) || !(basis.mentions instanceof Map))
      throw new Error('the basis was not made live');
    const live = {
      entities: archive.entities.all(),
      timeMentions: archive.timeMentions,
      mentions: basis.mentions,
      lexicon: {
        lower: lexicon.lowerCounts,
        capital: lexicon.capitalCounts,
        names: lexicon.nameCounts,
        persons: lexicon.personWords,
        things: lexicon.thingNames,
      },
      references: basis.references,
    };
    expect(lexicon.lowerCounts.size).toBeGreaterThan(0);
    const fromMaps = Buffer.concat(await encodeAnalysis(live, archive.index, everyStep()));
    expect(fromMaps.equals(oneGo)).toBe(true);
  });
});

describe("the directory's keys in a snapshot", () => {
  it('read back as the columns they were, their text written and read in many pieces', async () => {
    // Thousands of entities: their name keys (over 100 KB) fill several of the pieces
    // written apart, and of those read apart.
    const entities: Entity[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `e${i}`,
      name: `Åse ${i} Berg${i % 97}`,
      kind: 'person',
      aliases: [],
      roles:
        i % 5 === 0
          ? [{ role: 'ordfører', roleText: 'ordfører', passageId: 'p', articleId: 'a' }]
          : [],
      mentions: [{ passageId: `p${i}`, articleId: 'a', surface: 'x', start: 0, end: 1 }],
    }));
    const directory = new EntityDirectory(entities);
    const analysis = {
      entities,
      timeMentions: [],
      mentions: [],
      lexicon: { lower: [], capital: [], names: [], persons: [] },
      references: [],
    };
    const bytes = Buffer.concat(await encodeAnalysisText(analysis, everyStep(), directory));
    const decoded = await decodeAnalysisText(bytes, sectionsOf(bytes));
    const columns = directory.columns(entities);
    expect(columns?.names.keys.length).toBeGreaterThan(2 * 4096);
    expect(decoded.directory).toEqual(columns);
    // In one go (the worker) the same bytes.
    expect(
      Buffer.concat(await encodeAnalysisText(analysis, undefined, directory)).equals(bytes),
    ).toBe(true);
  });
});

describe("an index's fingerprint after an update", () => {
  it('is the same worked out in slices as in one step, and follows the entity names', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, 'climate.md': englishClimate });
    const before = await loadKnowledge(kb.dir);
    await writeFile(join(kb.dir, 'laerere.md'), bokmalFollowUp);
    const after = await loadKnowledge(kb.dir);
    const added = after.articles.filter((a) => !before.articles.some((b) => b.id === a.id));
    const names = new Map([[after.articles[0]?.passages[0]?.id ?? '', ['Kari Nordmann']]]);
    const input = { articles: after.articles, aliases: after.aliases, entityNames: names };
    const updated = () => {
      const index = PassageIndex.build(before);
      index.update({ removed: [], added, renamed: [] }, input);
      return index;
    };
    const sliced = await updated().contentFingerprintAsync(everyStep());
    expect(sliced).toBe(updated().contentFingerprint);
    expect(sliced).toBe(PassageIndex.build(input).contentFingerprint);
    const renamed = PassageIndex.build({ ...input, entityNames: new Map() }).contentFingerprint;
    expect(renamed).not.toBe(sliced);
  });
});

describe('answers while a snapshot is written after an update', () => {
  it('come from the complete updated archive between every slice', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, ...generatedArticles(20) });
    const store = new KnowledgeStore(kb.dir, join(kb.root, 'cache'), createLogger('silent'));
    await store.reload();
    await store.settled();
    await writeFile(join(kb.dir, 'laerere.md'), bokmalFollowUp);
    const outcome = await store.reload();
    expect(outcome.incremental).toBe(true);
    const ask = () => store.current?.index.search('lærere Kari Nordmann', { limit: 5 });
    const expected = JSON.stringify(ask());
    expect(expected).toContain('laerere.md');
    let writing = true;
    const written = store.settled().then(() => {
      writing = false;
    });
    let asked = 0;
    while (writing) {
      expect(JSON.stringify(ask())).toBe(expected);
      asked++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await written;
    expect(asked).toBeGreaterThan(1);
  });
});

describe('analysis lines read from live maps', () => {
  it('are the lines of copies of them, across many lines of each part', () => {
    const lower = new Map(Array.from({ length: 5000 }, (_, i) => [`ord${i}`, i] as const));
    const persons = new Set(Array.from({ length: 4100 }, (_, i) => `navn${i}`));
    const mentions = new Map<string, EntityMention[]>(
      Array.from({ length: 600 }, (_, i) => [
        `p${i}`,
        [{ name: `Kari ${i}`, surface: `Kari ${i}`, start: 0, end: 6, kind: 'person' }],
      ]),
    );
    const live: AnalysisItems = {
      entities: [],
      timeMentions: new Map(),
      mentions,
      lexicon: { lower, capital: new Map(), names: new Map(), persons },
      references: new Map(),
    };
    const copies: AnalysisItems = {
      entities: [],
      timeMentions: [],
      mentions: [...mentions],
      lexicon: { lower: [...lower], capital: [], names: [], persons: [...persons] },
      references: [],
    };
    const lines = [...analysisLines(live)];
    expect(lines).toEqual([...analysisLines(copies)]);
    // 3 + 3 mention and lexicon lines, and the counts.
    expect(lines.length).toBe(3 + 3 + 3 + 1);
    expect(lines.at(-1)).toBe(
      '{"end":{"entities":0,"timeMentions":0,"mentions":600,"lexicon":9100,"references":0,"passages":0}}',
    );
  });
});

describe("the entities of each passage in an update's snapshot", () => {
  it('are written from the archive’s lists and read back as its entities place them', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, ...generatedArticles(30) });
    const cache = join(kb.root, 'cache');
    const store = new KnowledgeStore(kb.dir, cache, createLogger('silent'));
    await store.reload();
    await store.settled();
    // An add, then a removal: the lists are the first archive's seen through two patches.
    await writeFile(join(kb.dir, 'laerere.md'), bokmalFollowUp);
    expect((await store.reload()).incremental).toBe(true);
    await rm(join(kb.dir, 'budsjett.md'));
    const outcome = await store.reload();
    expect(outcome.incremental).toBe(true);
    await store.settled();
    const live = outcome.archive;
    const sorted = (map: ReadonlyMap<string, readonly string[]>) =>
      [...map].sort(([a], [b]) => (a < b ? -1 : 1));
    const placed = await mentionMaps(live.entities.all());
    expect(sorted(live.entitiesByPassage)).toEqual(sorted(placed.ids));
    expect(placed.ids.size).toBeGreaterThan(10);
    const restarted = new KnowledgeStore(kb.dir, cache, createLogger('silent'));
    const restored = (await restarted.reload()).archive;
    expect(restored.fromSnapshot).toBe(true);
    expect(sorted(restored.entitiesByPassage)).toEqual(sorted(placed.ids));
  });

  it('are the lines worked out from the entities’ mentions, given as the lists', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, ...generatedArticles(30) });
    const store = new KnowledgeStore(kb.dir, join(kb.root, 'cache'), createLogger('silent'));
    const { archive } = await store.reload();
    const parts = {
      entities: archive.entities.all(),
      timeMentions: [],
      mentions: [],
      lexicon: {},
      references: [],
    };
    const placed = [...analysisLines(parts, 'answers')];
    const given = [
      ...analysisLines({ ...parts, entitiesByPassage: archive.entitiesByPassage }, 'answers'),
    ];
    expect(
      given.filter((line) => typeof line === 'string' && line.includes('"passages"')).length,
    ).toBeGreaterThan(0);
    expect(given).toEqual(placed);
  });
});
