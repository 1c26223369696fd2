/**
 * Entities restored from the snapshot, their roles and mentions parsed on first use.
 *
 * A warm start needs every entity's id, name, kind and aliases (the directory and the
 * per-passage lists point at them) but its roles and mentions, most of the analysis's
 * text (tens of MB at 400k passages), only when an answer about it or an update reaches
 * it. So `roles` and `mentions` are lazy fields (lazy-fields.ts), as articles' are.
 */
import type { EntityFacts } from '../extract/entities/live-merge';
import type { Entity } from '../extract/types';
import type { Interner } from './analysis-text';
import { type JsonLine, LazyFields } from './lazy-fields';

/** What a restored entity is known by before its line is parsed: written before the entity lines. */
export type EntityHead = [id: string, name: string, kind: Entity['kind'], aliases: string[]];

export const headOfEntity = (entity: Entity): EntityHead => [
  entity.id,
  entity.name,
  entity.kind,
  entity.aliases,
];

/** The facts of a snapshot's entities by their number (merge-section.ts, `StoredFacts`). */
export interface FactsSource {
  of(n: number): EntityFacts;
}

interface EntityLine extends JsonLine {
  ids: Interner;
  /** The snapshot's facts of its entities, once read, and this one's number among them. */
  facts: FactsSource | undefined;
  number: number;
}

const lazy = new LazyFields<Entity, EntityLine>(['roles', 'mentions'], (parsed, _entity, line) => {
  // One string for each passage and article id, shared with the index's (see Interner).
  for (const mention of parsed.mentions) {
    mention.passageId = line.ids.get(mention.passageId);
    mention.articleId = line.ids.get(mention.articleId);
  }
});

/** The entity of JSON `bytes[start..end]`, its roles and mentions parsed when first read. */
export function lazyEntity(
  head: EntityHead,
  bytes: Buffer,
  start: number,
  end: number,
  ids: Interner,
): Entity {
  const [id, name, kind, aliases] = head;
  const entity = lazy.make({ bytes, start, end, ids, facts: undefined, number: -1 });
  entity.id = id;
  entity.name = name;
  entity.kind = kind;
  entity.aliases = aliases;
  for (const key of lazy.keys) lazy.defer(entity, key);
  return entity;
}

/**
 * Lets a restored entity still unparsed answer `storedFactsOf` from `facts` (its number
 * `n` there): the facts stay in the line, which goes when the entity is parsed (its
 * mentions then give them).
 */
export function restoredWithFacts(entity: Entity, facts: FactsSource, n: number): void {
  const line = lazy.line(entity);
  if (!line) return;
  line.facts = facts;
  line.number = n;
}

/** A restored entity's facts as its snapshot stored them, while it is unparsed. */
export function storedFactsOf(entity: Entity): EntityFacts | undefined {
  const line = lazy.line(entity);
  return line?.facts?.of(line.number);
}

/** How an entity's line opens: `{"entity":` then the entity's JSON, then `}`. */
export const ENTITY_LINE_OPENING = '{"entity":';
const OPENING_BYTES = Buffer.from(ENTITY_LINE_OPENING);
const CLOSING = '}'.charCodeAt(0);

/**
 * The entity's line (`ENTITY_LINE_OPENING`, its JSON, `}`): an unparsed one's own line's
 * bytes, as read (a view), when its JSON lies in such a line. An update's snapshot
 * otherwise parsed every restored entity to write it again as it was, and decoded and
 * encoded again the lines of those never parsed.
 */
export function entityLine(entity: Entity): string | Uint8Array {
  const line = lazy.line(entity);
  if (!line) return `${ENTITY_LINE_OPENING}${JSON.stringify(entity)}}`;
  const from = line.start - OPENING_BYTES.length;
  const whole =
    from >= 0 &&
    line.bytes[line.end] === CLOSING &&
    line.bytes.compare(OPENING_BYTES, 0, OPENING_BYTES.length, from, line.start) === 0;
  return whole
    ? line.bytes.subarray(from, line.end + 1)
    : `${ENTITY_LINE_OPENING}${line.bytes.toString('utf8', line.start, line.end)}}`;
}

/** True while `entity` is restored and its line not parsed yet (tests). */
export function isUnopenedEntity(entity: Entity): boolean {
  return lazy.line(entity) !== undefined;
}
