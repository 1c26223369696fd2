/**
 * The snapshot's `MRGE` section: what the live merge's restore reads of each entity
 * (`EntityFacts`: how many mentions, where the first and the last are, how many roles),
 * beside the entities, which a restart leaves unparsed (lazy-entities.ts). Without it, the
 * first update after a restart parsed every entity's mentions for those few numbers: 1.4 s
 * of main-thread CPU and tens of MB at 400k passages, while the update waited.
 *
 * Layout: the entity count, then per entity in the `ANLY` section's order its mention
 * count, role count, first and last mention's start (varints) and first and last mention's
 * passage id (strings; the last as '' when it is the first's).
 */
import { type EntityFacts, factsOfEntity } from '../extract/entities/live-merge';
import type { Entity } from '../extract/types';
import type { Interner } from './analysis-text';
import { ByteReader, ByteWriter } from './bytes';
import { Slicer } from './pace';

/** Entities written or read between two looks at the pace. */
const ENTITIES_PER_LOOK = 1024;

/** The facts a snapshot gave restored entities: kept so that a snapshot written later need not parse them. */
const stored = new WeakMap<Entity, EntityFacts>();

/** `entity`'s facts: as its snapshot gave them, or read from its mentions. */
export function mergeFactsOf(entity: Entity): EntityFacts {
  return stored.get(entity) ?? factsOfEntity(entity);
}

/** The section's payload for `entities` (in the order the `ANLY` section has them). */
export async function encodeMergeFacts(
  entities: readonly Entity[],
  pace?: Slicer,
): Promise<Uint8Array[]> {
  const out = new ByteWriter(1 << 16, 1 << 20);
  out.uint(entities.length);
  for (const [n, entity] of entities.entries()) {
    const facts = mergeFactsOf(entity);
    out.uint(facts.mentions);
    out.uint(facts.roles);
    out.uint(Math.max(0, facts.firstStart));
    out.uint(Math.max(0, facts.lastStart));
    out.string(facts.firstPassage);
    out.string(facts.lastPassage === facts.firstPassage ? '' : facts.lastPassage);
    if (pace && n % ENTITIES_PER_LOOK === 0 && pace.due()) await pace.breathe();
  }
  return out.pieces();
}

/**
 * Gives `entities` (restored from the same snapshot's `ANLY` section) the facts of
 * `bytes[start..end]`, read in slices; throws when they do not add up.
 */
export async function decodeMergeFacts(
  bytes: Buffer,
  start: number,
  end: number,
  entities: readonly Entity[],
  ids: Interner,
): Promise<void> {
  const pace = new Slicer();
  const reader = new ByteReader(bytes, start, end);
  if (reader.uint() !== entities.length) throw new Error('Snapshot merge facts do not add up');
  for (const [n, entity] of entities.entries()) {
    const mentions = reader.uint();
    const roles = reader.uint();
    const firstStart = reader.uint();
    const lastStart = reader.uint();
    // One string for each passage id, shared with the index's and the entities' (Interner).
    const firstPassage = ids.get(reader.string());
    const last = reader.string();
    const lastPassage = last === '' ? firstPassage : ids.get(last);
    stored.set(entity, { mentions, roles, firstStart, lastStart, firstPassage, lastPassage });
    if (n % ENTITIES_PER_LOOK === 0 && pace.due()) await pace.breathe();
  }
  if (!reader.done) throw new Error('Snapshot merge facts have bytes left over');
}
