/**
 * The snapshot's `MRGE` section: what the live merge's restore reads of each entity
 * (`EntityFacts`: how many mentions, where the first and the last are, how many roles),
 * beside the entities, which a restart leaves unparsed (lazy-entities.ts). Without it, the
 * first update after a restart parsed every entity's mentions for those few numbers: 1.4 s
 * of main-thread CPU and tens of MB at 400k passages, while the update waited.
 *
 * It also holds each name's key (what `foldName` makes of it), in the order of the `BASE`
 * section's names: the restore looked every name up in a cache of folded names and every key
 * in the merge's map of keys (1.5M names at 400k passages, a third of its time); with the
 * keys as numbers it reads a table instead (`MergeKeyColumns`).
 *
 * Layout: the entity count, then per entity in the `ANLY` section's order its mention
 * count, role count, first and last mention's start (varints) and first and last mention's
 * passage id (strings; the last as '' when it is the first's). Then the keys: how many, each
 * key (a string; the first is '', what a name without letters folds to), how many passages
 * the `BASE` section gives names, and per such passage in its order the number of names and
 * each name's key (its place in the table, varints).
 */
import type { EntityFacts } from '../extract/entities/live-merge';
import { factsOfEntity } from '../extract/entities/live-merge';
import { foldName } from '../extract/entities/tokens';
import type { Entity, EntityMention } from '../extract/types';
import { ByteReader, ByteWriter } from './bytes';
import { type FactsSource, restoredWithFacts, storedFactsOf } from './lazy-entities';
import { Slicer } from './pace';

/** Entities written or read between two looks at the pace. */
const ENTITIES_PER_LOOK = 1024;

/** `entity`'s facts: as its snapshot gave them while it is unparsed, or read from its mentions. */
export function mergeFactsOf(entity: Entity): EntityFacts {
  return storedFactsOf(entity) ?? factsOfEntity(entity);
}

/**
 * The keys of the names of the passages the `BASE` section gives names, in its order: the
 * names of the i-th such passage have the keys `table[keys[starts[i] + j]]`.
 */
export interface MergeKeyColumns {
  table: readonly string[];
  /** Per passage, where its names' keys start in `keys`; one more at the end. */
  starts: Int32Array;
  keys: Int32Array;
}

/**
 * The section's payload for `entities` (in the order the `ANLY` section has them) and the
 * names of `mentions` (in the order the `BASE` section has them).
 */
export async function encodeMergeSection(
  entities: readonly Entity[],
  mentions: Iterable<readonly [passageId: string, mentions: readonly EntityMention[]]>,
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
  // Keys numbered as first met; a name's number found once per distinct name.
  const table = new Map<string, number>([['', 0]]);
  const numbers = new Map<string, number>();
  const keys = new ByteWriter(1 << 16, 1 << 20);
  let passages = 0;
  for (const [, names] of mentions) {
    keys.uint(names.length);
    for (const { name } of names) {
      let number = numbers.get(name);
      if (number === undefined) {
        const key = foldName(name);
        number = table.get(key);
        if (number === undefined) {
          number = table.size;
          table.set(key, number);
        }
        numbers.set(name, number);
      }
      keys.uint(number);
    }
    passages++;
    if (pace && passages % ENTITIES_PER_LOOK === 0 && pace.due()) await pace.breathe();
  }
  out.uint(table.size);
  let n = 0;
  for (const key of table.keys()) {
    out.string(key);
    if (pace && ++n % ENTITIES_PER_LOOK === 0 && pace.due()) await pace.breathe();
  }
  out.uint(passages);
  return [...out.pieces(), ...keys.pieces()];
}

/**
 * The facts of the `MRGE` section's entities as columns over its bytes, each entity's made
 * when asked for (`StoredFacts.of`). Decoded into an object per entity (and each passage id
 * into a string, looked up in the interner) on restore, they were 0.1-0.3 s of a warm
 * start's main thread at 400k passages and 70k objects for the collector, for numbers only
 * the live merge's restore reads, after serving.
 */
export class StoredFacts implements FactsSource {
  constructor(
    private readonly text: Buffer,
    private readonly mentions: Int32Array,
    private readonly roles: Int32Array,
    private readonly firstStart: Int32Array,
    private readonly lastStart: Int32Array,
    /** Where each entity's first passage id is written (its length, then its bytes). */
    private readonly firstAt: Int32Array,
    /** Where its last passage id is written; -1 when it is the first's. */
    private readonly lastAt: Int32Array,
  ) {}

  of(n: number): EntityFacts {
    const firstPassage = this.#passage(this.firstAt[n] ?? -1);
    const last = this.lastAt[n] ?? -1;
    return {
      mentions: this.mentions[n] ?? 0,
      roles: this.roles[n] ?? 0,
      firstStart: this.firstStart[n] ?? 0,
      lastStart: this.lastStart[n] ?? 0,
      firstPassage,
      lastPassage: last < 0 ? firstPassage : this.#passage(last),
    };
  }

  #passage(at: number): string {
    if (at < 0) return '';
    const reader = new ByteReader(this.text, at);
    return reader.string();
  }
}

/**
 * Reads the facts of `entities` (restored from the same snapshot's `ANLY` section) from
 * `bytes[start..end]` into columns, in slices, and gives them to those entities still
 * unparsed (lazy-entities.ts); throws when they do not add up. Returns where the keys
 * begin, which `decodeMergeKeys` reads when an update first needs them.
 */
export async function decodeMergeFacts(
  bytes: Buffer,
  start: number,
  end: number,
  entities: readonly Entity[],
): Promise<number> {
  const pace = new Slicer();
  const reader = new ByteReader(bytes, start, end);
  const count = reader.uint();
  if (count !== entities.length) throw new Error('Snapshot merge facts do not add up');
  const columns = {
    mentions: new Int32Array(count),
    roles: new Int32Array(count),
    firstStart: new Int32Array(count),
    lastStart: new Int32Array(count),
    firstAt: new Int32Array(count),
    lastAt: new Int32Array(count),
  };
  let at = reader.offset;
  for (let from = 0; from < count; from += ENTITIES_PER_LOOK) {
    at = readFacts(bytes, at, end, columns, from, Math.min(count, from + ENTITIES_PER_LOOK));
    if (pace.due()) await pace.breathe();
  }
  const facts = new StoredFacts(
    bytes,
    columns.mentions,
    columns.roles,
    columns.firstStart,
    columns.lastStart,
    columns.firstAt,
    columns.lastAt,
  );
  for (let from = 0; from < count; from += ENTITIES_PER_LOOK) {
    giveFacts(entities, facts, from, Math.min(count, from + ENTITIES_PER_LOOK));
    if (pace.due()) await pace.breathe();
  }
  return at;
}

/**
 * The facts of entities [from, to) into `columns`, from `at` on; returns where they end. A
 * plain function called once per run of entities, so that V8 optimises it (a loop in an
 * async function ran in slower code: 3-4 times the time).
 */
function readFacts(
  bytes: Buffer,
  at: number,
  end: number,
  columns: Record<
    'mentions' | 'roles' | 'firstStart' | 'lastStart' | 'firstAt' | 'lastAt',
    Int32Array
  >,
  from: number,
  to: number,
): number {
  const reader = new ByteReader(bytes, at, end);
  for (let n = from; n < to; n++) {
    columns.mentions[n] = reader.uint();
    columns.roles[n] = reader.uint();
    columns.firstStart[n] = reader.uint();
    columns.lastStart[n] = reader.uint();
    columns.firstAt[n] = reader.offset;
    reader.skip(reader.uint());
    const last = reader.offset;
    const length = reader.uint();
    reader.skip(length);
    columns.lastAt[n] = length === 0 ? -1 : last;
  }
  return reader.offset;
}

function giveFacts(
  entities: readonly Entity[],
  facts: FactsSource,
  from: number,
  to: number,
): void {
  for (let n = from; n < to; n++) {
    const entity = entities[n];
    if (entity) restoredWithFacts(entity, facts, n);
  }
}

/** The keys of `bytes[start..end]` (see `decodeMergeFacts`), read in slices; throws when they do not add up. */
export async function decodeMergeKeys(
  bytes: Uint8Array,
  start: number,
  end: number,
): Promise<MergeKeyColumns> {
  const pace = new Slicer();
  const reader = new ByteReader(bytes, start, end);
  const table: string[] = new Array(reader.uint());
  for (let i = 0; i < table.length; i++) {
    table[i] = reader.string();
    if (i % ENTITIES_PER_LOOK === 0 && pace.due()) await pace.breathe();
  }
  const passages = reader.uint();
  const starts = new Int32Array(passages + 1);
  // At most one name per byte left: sliced to what was read at the end.
  let keys = new Int32Array(end - reader.offset);
  let at = 0;
  for (let p = 0; p < passages; p++) {
    starts[p] = at;
    const count = reader.uint();
    for (let j = 0; j < count; j++) {
      const key = reader.uint();
      if (key >= table.length) throw new Error('Snapshot merge keys do not add up');
      keys[at++] = key;
    }
    if (p % ENTITIES_PER_LOOK === 0 && pace.due()) await pace.breathe();
  }
  starts[passages] = at;
  if (!reader.done) throw new Error('Snapshot merge keys have bytes left over');
  keys = keys.slice(0, at);
  return { table, starts, keys };
}
