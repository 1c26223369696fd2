/**
 * Entities restored from the snapshot, their roles and mentions parsed on first use.
 *
 * A warm start needs every entity's id, name, kind and aliases (the directory and the
 * per-passage lists point at them) but its roles and mentions, most of the analysis's
 * text (tens of MB at 400k passages), only when an answer about it or an update reaches
 * it. As with articles (lazy-articles.ts), `roles` and `mentions` are own, enumerable
 * accessors that parse the entity's line once and then give way to plain values, so
 * JSON, spreading, structured cloning and equality see the entity as it was written.
 */
import type { Entity } from '../extract/types';
import type { Interner } from './analysis-text';

/** What a restored entity is known by before its line is parsed: written before the entity lines. */
export type EntityHead = [id: string, name: string, kind: Entity['kind'], aliases: string[]];

export const headOfEntity = (entity: Entity): EntityHead => [
  entity.id,
  entity.name,
  entity.kind,
  entity.aliases,
];

interface Unopened {
  bytes: Buffer;
  start: number;
  end: number;
  ids: Interner;
}

const unopened = new WeakMap<Entity, Unopened>();

function open(entity: Entity): void {
  const line = unopened.get(entity);
  if (!line) return;
  const parsed = JSON.parse(line.bytes.toString('utf8', line.start, line.end)) as Entity;
  unopened.delete(entity);
  // One string for each passage and article id, shared with the index's (see Interner).
  for (const mention of parsed.mentions) {
    mention.passageId = line.ids.get(mention.passageId);
    mention.articleId = line.ids.get(mention.articleId);
  }
  for (const key of LAZY_KEYS) {
    Object.defineProperty(entity, key, {
      value: parsed[key],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
}

const LAZY_KEYS = ['roles', 'mentions'] as const;

/** One accessor per key, shared by every restored entity. */
const ACCESSORS = new Map<(typeof LAZY_KEYS)[number], PropertyDescriptor>(
  LAZY_KEYS.map((key) => [
    key,
    {
      get(this: Entity) {
        open(this);
        return this[key];
      },
      set(this: Entity, value: unknown) {
        open(this);
        (this as unknown as Record<string, unknown>)[key] = value;
      },
      enumerable: true,
      configurable: true,
    },
  ]),
);

/** The entity of JSON `bytes[start..end]`, its roles and mentions parsed when first read. */
export function lazyEntity(
  head: EntityHead,
  bytes: Buffer,
  start: number,
  end: number,
  ids: Interner,
): Entity {
  const [id, name, kind, aliases] = head;
  const entity = { id, name, kind, aliases } as Entity;
  for (const key of LAZY_KEYS)
    Object.defineProperty(entity, key, ACCESSORS.get(key) as PropertyDescriptor);
  unopened.set(entity, { bytes, start, end, ids });
  return entity;
}

/** True while `entity` is restored and its line not parsed yet (tests). */
export function isUnopenedEntity(entity: Entity): boolean {
  return unopened.has(entity);
}
