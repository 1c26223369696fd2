import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Archive } from '../../src/archive/archive';
import { assemble } from '../../src/archive/build';
import { isUnopened } from '../../src/archive/lazy-articles';
import { isUnopenedEntity } from '../../src/archive/lazy-entities';
import { mergeFactsOf } from '../../src/archive/merge-section';
import { readSnapshot, snapshotKey } from '../../src/archive/snapshot';
import { KnowledgeStore } from '../../src/archive/store';
import { mergeInputs, prepareUpdates } from '../../src/archive/update';
import {
  EntitiesDoNotFit,
  EntityMerge,
  factsOfEntity,
} from '../../src/extract/entities/live-merge';
import { runSteps } from '../../src/extract/entities/ranked-keys';
import { foldName } from '../../src/extract/entities/tokens';
import type { Entity } from '../../src/extract/types';
import { createLogger } from '../../src/logger';
import {
  bokmalBudget,
  bokmalFollowUp,
  englishClimate,
  nynorskSchool,
  rawText,
} from '../helpers/articles';
import { tempFolder } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A knowledge folder, and stores over it that each keep their snapshot in a cache of their own. */
async function folder(files: Record<string, string>) {
  const kb = await tempFolder(files, 'kilde-merge-restore-');
  cleanups.push(kb.cleanup);
  const store = (cache: string) =>
    new KnowledgeStore(kb.dir, join(kb.root, cache), createLogger('silent'));
  return { ...kb, store };
}

const byId = (entities: Iterable<Entity>) =>
  [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What an archive says of its names, as plain data. */
const namesOf = (archive: Archive) => ({
  entities: JSON.parse(JSON.stringify(byId(archive.entities.all()))) as unknown,
  byPassage: [...archive.entitiesByPassage].sort(),
  names: [...archive.namesByPassage].sort(),
});

const FILES = {
  'budsjett.md': bokmalBudget,
  'laerere.md': bokmalFollowUp,
  'climate.md': englishClimate,
};

describe("the live merge's restore after a restart", () => {
  it('reads each entity as the snapshot gave it, parsing no article and no entity, and takes the entities as they are', async () => {
    const kb = await folder(FILES);
    const built = await kb.store('cache').reload();
    const restored = await readSnapshot(join(kb.root, 'cache'), await snapshotKey());
    if (!restored) throw new Error('no snapshot');
    const archive = await assemble(restored.load, restored.analysis, true, restored.index);
    const entities = archive.entities.all();
    expect(entities.length).toBeGreaterThan(0);
    // What the snapshot stored of each entity is what its mentions and roles say.
    const builtById = new Map(built.archive.entities.all().map((e) => [e.id, e]));
    for (const entity of entities)
      expect(mergeFactsOf(entity)).toEqual(factsOfEntity(builtById.get(entity.id) as Entity));
    expect(entities.every(isUnopenedEntity)).toBe(true);

    const { mentions, references } = await (async () => {
      await archive.basis.read?.();
      return {
        mentions: new Map(archive.basis.mentions),
        references: new Map(archive.basis.references),
      };
    })();
    const merge = new EntityMerge(archive.aliases);
    runSteps(
      merge.restore(
        mergeInputs(archive, mentions, references, merge.readsText),
        entities,
        mergeFactsOf,
      ),
    );
    expect(archive.articles.every(isUnopened)).toBe(true);
    expect(entities.every(isUnopenedEntity)).toBe(true);
    // Every entity taken as it is: the same objects, shared with the archive.
    const taken = new Set(merge.entities());
    expect(taken.size).toBe(entities.length);
    for (const entity of entities) expect(taken.has(entity)).toBe(true);
  });

  it("takes the names' keys the snapshot stored once, and folds every name instead where they do not fit", async () => {
    const kb = await folder(FILES);
    await kb.store('cache').reload();
    const restart = async () => {
      const restored = await readSnapshot(join(kb.root, 'cache'), await snapshotKey());
      if (!restored) throw new Error('no snapshot');
      const archive = await assemble(restored.load, restored.analysis, true, restored.index);
      await archive.basis.read?.();
      return archive;
    };
    const archive = await restart();
    const keys = archive.basis.mergeKeys;
    if (!keys) throw new Error('no keys');
    // Each passage's names in the basis's order, each with the key it folds to.
    const names = [...new Map(archive.basis.mentions).values()];
    expect(names.length).toBeGreaterThan(0);
    expect(keys.starts.length).toBe(names.length + 1);
    names.forEach((list, p) => {
      list.forEach((m, j) => {
        expect(keys.table[keys.keys[(keys.starts[p] ?? 0) + j] ?? -1]).toBe(foldName(m.name));
      });
    });
    const merge = await prepareUpdates(archive);
    // Taken once: updates change the names after the restore.
    expect(archive.basis.mergeKeys).toBeUndefined();
    const entities = archive.entities.all();
    expect(new Set(merge.entities())).toEqual(new Set(entities));

    // Keys that do not fit their names (another table): the restore folds the names.
    const other = await restart();
    const stored = other.basis.mergeKeys;
    if (!stored) throw new Error('no keys');
    other.basis.mergeKeys = { ...stored, table: [...stored.table].reverse() };
    const folded = await prepareUpdates(other);
    expect(new Set(folded.entities())).toEqual(new Set(other.entities.all()));
    expect(byId(folded.entities())).toEqual(byId(merge.entities()));
  });

  it('builds in full where an update finds a restored entity that does not fit', async () => {
    const kb = await folder(FILES);
    await kb.store('cache').reload();
    const restarted = kb.store('cache');
    expect((await restarted.reload()).archive.fromSnapshot).toBe(true);
    // As a restored cluster throws when the entity it takes does not fit (`#take`).
    const apply = vi.spyOn(EntityMerge.prototype, 'apply').mockImplementationOnce(() => {
      throw new EntitiesDoNotFit('kari-nordmann');
    });
    try {
      await kb.write({ 'skule.md': nynorskSchool });
      const added = await restarted.reload();
      expect(apply).toHaveBeenCalled();
      expect(added.incremental).toBe(false);
      const full = await kb.store('cache-full').reload();
      expect(namesOf(added.archive)).toEqual(namesOf(full.archive));
    } finally {
      apply.mockRestore();
    }
  });

  it('goes on to updates that hold what a full build of the same files holds, and whose snapshots restore alike', async () => {
    const kb = await folder(FILES);
    await kb.store('cache').reload();
    // A restart, then an add and a change: each an update of the restored archive.
    const restarted = kb.store('cache');
    expect((await restarted.reload()).archive.fromSnapshot).toBe(true);
    await kb.write({ 'skule.md': nynorskSchool });
    const added = await restarted.reload();
    expect(added.incremental).toBe(true);
    await kb.write({ 'laerere.md': rawText });
    const changed = await restarted.reload();
    expect(changed.incremental).toBe(true);
    await restarted.settled();
    const full = await kb.store('cache-full').reload();
    expect(full.incremental).toBe(false);
    expect(namesOf(changed.archive)).toEqual(namesOf(full.archive));

    // The updated archive's snapshot (its entities partly restored and never parsed):
    // restarted again, the merge's restore takes every entity, and the next update agrees.
    const again = kb.store('cache');
    const restored = await again.reload();
    expect(restored.archive.fromSnapshot).toBe(true);
    expect(namesOf(restored.archive)).toEqual(namesOf(changed.archive));
    for (const entity of restored.archive.entities.all()) {
      const same = full.archive.entities.all().find((e) => e.id === entity.id) as Entity;
      expect(mergeFactsOf(entity)).toEqual(factsOfEntity(same));
    }
    await rm(join(kb.dir, 'budsjett.md'));
    const removed = await again.reload();
    expect(removed.incremental).toBe(true);
    await again.settled();
    const fullAfter = await kb.store('cache-full-2').reload();
    expect(namesOf(removed.archive)).toEqual(namesOf(fullAfter.archive));
  });
});
