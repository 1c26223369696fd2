import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/archive/analysis-text';
import { headOfEntity, isUnopenedEntity, lazyEntity } from '../../src/archive/lazy-entities';
import {
  decodeMergeFacts,
  decodeMergeKeys,
  encodeMergeSection,
  mergeFactsOf,
} from '../../src/archive/merge-section';
import { factsOfEntity } from '../../src/extract/entities/live-merge';
import { foldName } from '../../src/extract/entities/tokens';
import type { Entity, EntityMention } from '../../src/extract/types';

const mention = (name: string, start: number): EntityMention => ({
  name,
  surface: name,
  start,
  end: start + name.length,
  kind: 'person',
});

/** Names chosen so that several fold to one key, and one folds to nothing. */
const NAMES: [passageId: string, mentions: EntityMention[]][] = [
  ['b.md#0', [mention('Kari Nordmann', 0), mention('KARI NORDMANN', 20), mention('Ola', 40)]],
  ['a.md#2', [mention('Støre', 3)]],
  ['a.md#0', []],
  ['c.md#1', [mention('Ola', 0), mention('—', 9), mention('Kari  Nordmann', 12)]],
];

const entity = (id: string, mentions: Entity['mentions']): Entity => ({
  id,
  name: id,
  kind: 'person',
  aliases: [],
  roles: [],
  mentions,
});

const ENTITIES: Entity[] = [
  entity('kari-nordmann', [
    { passageId: 'b.md#0', articleId: 'b.md', surface: 'Kari', start: 0, end: 4 },
    { passageId: 'c.md#1', articleId: 'c.md', surface: 'Kari', start: 12, end: 16 },
  ]),
  entity('ola', [{ passageId: 'b.md#0', articleId: 'b.md', surface: 'Ola', start: 40, end: 43 }]),
];

/** Entities as a restart reads them from the `ANLY` section: unparsed until first used. */
function restoredEntities(): Entity[] {
  const ids = new Interner();
  return ENTITIES.map((e) => {
    const line = Buffer.from(JSON.stringify(e));
    return lazyEntity(headOfEntity(e), line, 0, line.length, ids);
  });
}

async function roundTrip(names: typeof NAMES) {
  const pieces = await encodeMergeSection(ENTITIES, names);
  const bytes = Buffer.concat(pieces);
  const restored = restoredEntities();
  const keysAt = await decodeMergeFacts(bytes, 0, bytes.length, restored);
  return { restored, keys: await decodeMergeKeys(bytes, keysAt, bytes.length) };
}

describe("the MRGE section's names' keys", () => {
  it("give each name of each passage, in the names' order, the key it folds to", async () => {
    const { keys } = await roundTrip(NAMES);
    expect(keys.starts.length).toBe(NAMES.length + 1);
    NAMES.forEach(([, mentions], p) => {
      const start = keys.starts[p] ?? -1;
      expect((keys.starts[p + 1] ?? -1) - start).toBe(mentions.length);
      mentions.forEach((m, j) => {
        expect(keys.table[keys.keys[start + j] ?? -1]).toBe(foldName(m.name));
      });
    });
    // One entry per distinct key: names folding alike share it.
    expect(new Set(keys.table).size).toBe(keys.table.length);
    expect(keys.table.length).toBe(
      new Set(['', ...NAMES.flatMap(([, ms]) => ms.map((m) => foldName(m.name)))]).size,
    );
  });

  it('leave the facts of the entities beside them as they were, without parsing them', async () => {
    const { restored } = await roundTrip(NAMES);
    restored.forEach((e, i) => {
      expect(mergeFactsOf(e)).toEqual(factsOfEntity(ENTITIES[i] as Entity));
    });
    expect(restored.every(isUnopenedEntity)).toBe(true);
  });

  it('give an entity parsed since its restore the facts of its own mentions', async () => {
    const { restored } = await roundTrip(NAMES);
    const [first] = restored;
    if (!first) throw new Error('no entity');
    first.mentions = first.mentions.slice(1);
    expect(isUnopenedEntity(first)).toBe(false);
    expect(mergeFactsOf(first)).toEqual(factsOfEntity(first));
    expect(mergeFactsOf(first).mentions).toBe(1);
  });

  it('are read from names given as a live map, as from a list', async () => {
    const fromList = await roundTrip(NAMES);
    const fromMap = await roundTrip([...new Map(NAMES)]);
    expect(fromMap.keys).toEqual(fromList.keys);
  });

  it('refuse bytes that do not add up', async () => {
    const bytes = Buffer.concat(await encodeMergeSection(ENTITIES, NAMES));
    const keysAt = await decodeMergeFacts(bytes, 0, bytes.length, restoredEntities());
    await expect(decodeMergeKeys(bytes, keysAt, bytes.length - 1)).rejects.toThrow();
    await expect(
      decodeMergeKeys(Buffer.concat([bytes, Buffer.from([0])]), keysAt, bytes.length + 1),
    ).rejects.toThrow(/left over/);
  });
});
