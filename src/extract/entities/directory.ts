/**
 * Finding entities by what a user types: exact names, aliases, surnames and short forms
 * first, then close spellings; autocomplete by the prefix of any word of a name or role.
 * Every lookup reads prepared structures (hash maps and `RankedKeys`), never every entity.
 */

import type { Pace } from '../../knowledge/pace';
import type { Entity } from '../types';
import { mergeKeyColumns } from './merge-columns';
import {
  type KeyColumns,
  keyColumns,
  RankedKeys,
  RankedKeysBuilder,
  runSteps,
  runStepsAsync,
} from './ranked-keys';
import { ShardedMap } from './sharded-map';
import { sortInSteps } from './sort-steps';
import { HYPHEN_PARTICLES, NAME_PARTICLES } from './tables';
import { foldName, nameKey } from './tokens';

function stripParticle(word: string): string {
  const dash = word.indexOf('-');
  return dash > 0 && HYPHEN_PARTICLES.has(word.slice(0, dash)) ? word.slice(dash + 1) : word;
}

/** Edit distance with adjacent transpositions ("mekr" ~ "merk"), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** How far off a typed name may be and still be offered: more for longer names. */
export const nameTolerance = (length: number): number =>
  length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;

/**
 * A close name of a long query must begin with the same letter: slips in the first letter
 * are rare, and holding it leaves one branch of the key trie to walk instead of all.
 */
export const sameFirstLetter = (slips: number): boolean => slips >= 2;

/** How far off a typed beginning may be for autocomplete: one slip from three letters on. */
export const prefixTolerance = (length: number): number => (length >= 3 ? 1 : 0);

/** How many close names a miss offers. */
const SUGGESTIONS = 5;

/** A typed name as lookups compare it (a mention's @ or a tag's # left out). */
export function normaliseQuery(query: string): string {
  return nameKey(query.replace(/^[@#]/u, ''));
}

/**
 * Letters that folding keeps but a keyboard without them replaces: autocomplete and close
 * names compare these spellings ("store" reaches "Støre"); exact lookups do not.
 */
const LOOSE_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
};
const LOOSE_PATTERN = /[øæœßđðłþ]/gu;

/** A folded key in the looser spelling autocomplete and close names compare. */
export function looseKey(folded: string): string {
  for (let i = 0; i < folded.length; i++) {
    // Every loose letter is U+00D8 or above: a plain ASCII key is returned as it is.
    if (folded.charCodeAt(i) >= 0xd8)
      return folded.replace(LOOSE_PATTERN, (letter) => LOOSE_LETTERS[letter] ?? letter);
  }
  return folded;
}

/** What the user typed, as autocomplete and close names compare it. */
export function looseQuery(query: string): string {
  return looseKey(normaliseQuery(query));
}

const DETERMINER = /^(den|det|de|the)\s+/u;

/** A role as a key: folded, without a leading determiner ("den syriske presidenten"). */
export function roleKey(text: string): string {
  return foldName(text).replace(DETERMINER, '');
}

/** The query and its genitive-less forms ("assads" -> "assad", "hellas'" -> "hellas"). */
export function queryForms(folded: string): string[] {
  const forms = [folded];
  const apostrophe = folded.replace(/'s?$/u, '');
  if (apostrophe !== folded) forms.push(apostrophe);
  else if (folded.endsWith('s') && folded.length > 2) forms.push(folded.slice(0, -1));
  return forms;
}

/** A person's name split where a short form may cut it: given names, then the surname with its particles. */
interface NameParts {
  words: string[];
  /** Index of the first word of the surname ("de" in "staffan de mistura"). */
  surnameAt: number;
}

function nameParts(folded: string): NameParts {
  const words = folded.split(' ');
  let surnameAt = words.length - 1;
  while (surnameAt > 1 && NAME_PARTICLES.has(words[surnameAt - 1] ?? '')) surnameAt -= 1;
  return { words, surnameAt };
}

/**
 * The short forms an exact lookup accepts for a person's name, beside the name itself.
 * Each may fit several people: the lookup then lists them all as candidates, never picks.
 */
const SHORT_FORMS: { rule: string; example: string; forms(parts: NameParts): string[] }[] = [
  {
    rule: 'surname',
    example: 'Omar al-Haddad -> "al-haddad", "haddad"',
    forms: ({ words }) => {
      const last = words[words.length - 1] ?? '';
      return words.length > 1 ? [last, stripParticle(last)] : [];
    },
  },
  {
    rule: 'surname with its particles',
    example: 'Anna van der Berg -> "van der berg"',
    forms: ({ words, surnameAt }) =>
      words.length > 1 ? [words.slice(Math.max(1, surnameAt)).join(' ')] : [],
  },
  {
    rule: 'first name and surname, middle names left out',
    example: 'Anniken Scheie Huitfeldt -> "anniken huitfeldt"',
    forms: ({ words, surnameAt }) =>
      surnameAt > 1 ? [`${words[0]} ${words.slice(surnameAt).join(' ')}`] : [],
  },
  {
    rule: 'double surname without the first name',
    example: 'Anniken Scheie Huitfeldt -> "scheie huitfeldt"',
    forms: ({ words, surnameAt }) => {
      const forms: string[] = [];
      for (let from = 1; from < surnameAt; from++) forms.push(words.slice(from).join(' '));
      return forms;
    },
  },
];

/**
 * What finds one folded name (of a person, or of anything else): its exact keys (the
 * name, and a person's short forms), and the keys a typed beginning or a slip may reach.
 * Lists that may repeat a key; an entity's keys are the union over its names.
 */
export function keysOfName(
  name: string,
  person: boolean,
): { exact: string[]; reachable: string[] } {
  const exact = [name];
  const reachable: string[] = [];
  const parts = nameParts(name);
  if (person) {
    for (const shortForm of SHORT_FORMS)
      for (const form of shortForm.forms(parts)) exact.push(form);
  }
  // Typing any word of a name finds it: every word, and the name from that word on.
  const loose = looseKey(name);
  let offset = 0;
  for (const word of loose === name ? parts.words : loose.split(' ')) {
    reachable.push(offset === 0 ? loose : loose.slice(offset));
    reachable.push(word);
    const stripped = stripParticle(word);
    if (stripped !== word) {
      reachable.push(stripped);
      reachable.push(stripped + loose.slice(offset + word.length));
    }
    offset += word.length + 1;
  }
  for (const key of exact) reachable.push(looseKey(key));
  return { exact, reachable };
}

/** What finds one entity: exact keys, and the keys a typed beginning or a slip may reach. */
export function nameKeysOf(
  entity: Entity,
  fold: (text: string) => string = nameKey,
): { exact: Set<string>; reachable: Set<string> } {
  const exact = new Set<string>();
  const reachable = new Set<string>();
  for (const text of [entity.name, ...entity.aliases]) {
    const name = fold(text);
    if (name.length === 0) continue;
    const keys = keysOfName(name, entity.kind === 'person');
    for (const key of keys.exact) exact.add(key);
    for (const key of keys.reachable) reachable.add(key);
  }
  return { exact, reachable };
}

/** A role's exact key, and the keys autocomplete reaches it by: from every word of it on ("talsmann"). */
export function roleKeys(text: string): { exact: string; reachable: string[] } {
  const exact = roleKey(text);
  const loose = looseKey(exact);
  const reachable = exact ? [loose] : [];
  for (let space = loose.indexOf(' '); space >= 0; space = loose.indexOf(' ', space + 1))
    reachable.push(loose.slice(space + 1));
  return { exact, reachable };
}

/** Every role given to an entity, as keys. */
export function roleKeysOf(
  entity: Entity,
  keysOfRole: (text: string) => { exact: string; reachable: string[] } = roleKeys,
): { exact: Set<string>; reachable: Set<string> } {
  const exact = new Set<string>();
  const reachable = new Set<string>();
  for (const given of entity.roles) {
    for (const text of [given.role, given.roleText]) {
      const keys = keysOfRole(text);
      if (!keys.exact) continue;
      exact.add(keys.exact);
      for (const key of keys.reachable) reachable.add(key);
    }
  }
  return { exact, reachable };
}

/** How much the archive says about an entity: the passages that mention it. */
export const passageCount = (entity: Entity): number =>
  new Set(entity.mentions.map((m) => m.passageId)).size;

interface Prepared {
  /** Entities by rank: most passages first, then by name. */
  ranked: Entity[];
  /** Passage counts by rank. */
  counts: Int32Array;
  /** Ranks by entity id, sharded: see `ShardedMap`. */
  byId: ShardedMap<number>;
  names: RankedKeys;
  roles: RankedKeys;
  exactNames: ExactKeys;
  exactRoles: ExactKeys;
}

/** Exact keys -> ranks (ascending): a map when built, sorted columns when restored. */
type ExactKeys = Map<string, number[]> | ExactColumns;

/** Exact keys as stored columns, found by binary search (no map of lists made on restore). */
class ExactColumns {
  constructor(readonly columns: KeyColumns) {}

  get(key: string): number[] | undefined {
    const { keys, starts, ranks } = this.columns;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    if (keys[lo] !== key) return undefined;
    return Array.from(ranks.subarray(starts[lo] ?? 0, starts[lo + 1] ?? 0));
  }
}

/**
 * A layer's exact keys as columns. A layer built whole holds them as a map: sorted into
 * columns the first time a snapshot needs them, and kept as columns from then on (the same
 * ranks for every key, in less memory), so that each later snapshot reads them as they are.
 */
function* exactColumnsOf(
  prepared: Prepared,
  which: 'exactNames' | 'exactRoles',
): Generator<void, KeyColumns> {
  const exact = prepared[which];
  if (exact instanceof ExactColumns) return exact.columns;
  const columns = yield* keyColumns(exact);
  prepared[which] = new ExactColumns(columns);
  return columns;
}

/**
 * A directory's prepared structures as columns: what the snapshot stores, so that a
 * restart does not work out every entity's keys again.
 */
export interface DirectoryColumns {
  /** For each rank, the entity's position in the list of entities stored beside. */
  order: Int32Array;
  counts: Int32Array;
  names: KeyColumns;
  roles: KeyColumns;
  exactNames: KeyColumns;
  exactRoles: KeyColumns;
}

export const ENTITIES_PER_STEP = 2000;

export function addTo(map: Map<string, number[]>, key: string, rank: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [rank]);
  else if (list[list.length - 1] !== rank) list.push(rank);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The directory's order: most passages first, then by name, then by id. */
export const compareRanked = (a: Entity, countA: number, b: Entity, countB: number): number =>
  countB - countA || compareText(a.name, b.name) || compareText(a.id, b.id);

/** `f` that works out each text once: roles repeat across entities, and so do many names (a surname as an alias). */
export function memoOf<T>(f: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text: string): T => {
    let value = known.get(text);
    if (value === undefined) {
      value = f(text);
      known.set(text, value);
    }
    return value;
  };
}

/** The build, in steps that yield every few thousand entities (see `runStepsAsync`). */
function* prepare(entities: readonly Entity[]): Generator<void, Prepared> {
  const counts = new Map<Entity, number>();
  // Counted by mentions read as well as entities: at 400k passages the most mentioned
  // names carry thousands each, so a fixed number of entities was no fixed amount of work.
  let read = 0;
  for (const entity of entities) {
    counts.set(entity, passageCount(entity));
    read += 1 + (entity.mentions.length >> 4);
    if (read >= ENTITIES_PER_STEP) {
      read = 0;
      yield;
    }
  }
  // In steps: one sort of 70k entities held the event loop 50-120 ms.
  const ranked = yield* sortInSteps(entities, (a, b) =>
    compareRanked(a, counts.get(a) ?? 0, b, counts.get(b) ?? 0),
  );
  const rankedCounts = Int32Array.from(ranked, (e) => counts.get(e) ?? 0);
  const byId = new ShardedMap<number>();
  const nameKeyOnce = memoOf(nameKey);
  const roleKeysOnce = memoOf(roleKeys);
  const names = new RankedKeysBuilder();
  const roles = new RankedKeysBuilder();
  const exactNames = new Map<string, number[]>();
  const exactRoles = new Map<string, number[]>();
  for (const [rank, entity] of ranked.entries()) {
    byId.set(entity.id, rank);
    const nameKeys = nameKeysOf(entity, nameKeyOnce);
    for (const key of nameKeys.exact) addTo(exactNames, key, rank);
    for (const key of nameKeys.reachable) names.add(key, rank);
    const givenRoles = roleKeysOf(entity, roleKeysOnce);
    for (const key of givenRoles.exact) addTo(exactRoles, key, rank);
    for (const key of givenRoles.reachable) roles.add(key, rank);
    // Each entity's keys are a dozen folds and map writes: a quarter of the step.
    if (rank % (ENTITIES_PER_STEP >> 2) === (ENTITIES_PER_STEP >> 2) - 1) yield;
  }
  return {
    ranked,
    counts: rankedCounts,
    byId,
    names: yield* names.steps(),
    roles: yield* roles.steps(),
    exactNames,
    exactRoles,
  };
}

/**
 * Prepared structures with some of their entities left out: the base of a directory that
 * an incremental reload changed. `gone` holds ranks of entities no longer in the archive.
 */
interface Layer {
  prepared: Prepared;
  gone: ReadonlySet<number>;
}

/** An entity found in a layer, with what ranks it against entities of the other layer. */
interface Found {
  entity: Entity;
  count: number;
}

const compareFound = (a: Found, b: Found): number =>
  compareRanked(a.entity, a.count, b.entity, b.count);

function found(layer: Layer, ranks: Iterable<number>): Found[] {
  const out: Found[] = [];
  for (const rank of ranks) {
    if (layer.gone.has(rank)) continue;
    const entity = layer.prepared.ranked[rank];
    // Compared, not tested for truth: that would read each entity, a cache miss a time.
    if (entity !== undefined) out.push({ entity, count: layer.prepared.counts[rank] ?? 0 });
  }
  return out;
}

/** Two lists each in directory order, as one in directory order. */
function mergeFound(a: readonly Found[], b: readonly Found[]): Found[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  const out: Found[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x && (!y || compareFound(x, y) <= 0)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  return out;
}

/**
 * When a directory updated in place of a rebuild is rebuilt whole: once the entities it
 * left out and those it holds beside its base are this many. The layer beside costs its
 * own lookups, and the entities left out wear the base's precomputed prefix lists thin
 * (the most mentioned, which changes touch most, lead those lists): past a point a prefix
 * is read whole instead.
 */
const rebuildAt = (baseSize: number): number => Math.max(1000, Math.floor(baseSize / 16));

const EMPTY: ReadonlySet<number> = new Set();

/** A directory's entities by rank and its columns by rank: `DirectoryColumns` but the order. */
interface ColumnsByRank extends Omit<DirectoryColumns, 'order'> {
  ranked: readonly Entity[];
}

const NO_KEYS: KeyColumns = { keys: [], starts: Int32Array.of(0), ranks: new Int32Array(0) };

// biome-ignore lint/correctness/useYield: no keys to work out
function* noKeys(): Generator<void, KeyColumns> {
  return NO_KEYS;
}

/** The columns of a layer built whole, nothing left out. */
function* wholeColumns(prepared: Prepared): Generator<void, ColumnsByRank> {
  return {
    ranked: prepared.ranked,
    counts: prepared.counts,
    names: prepared.names.columns(),
    roles: prepared.roles.columns(),
    exactNames: yield* exactColumnsOf(prepared, 'exactNames'),
    exactRoles: yield* exactColumnsOf(prepared, 'exactRoles'),
  };
}

/**
 * The entities of both layers (their gone ones left out) in directory order, with what each
 * layer's ranks became (-1 for gone): each layer is in that order already, so one merge
 * gives the ranking a directory built whole of them would have.
 */
function* mergedRanking(
  base: Layer,
  delta: Layer | undefined,
): Generator<
  void,
  { ranked: Entity[]; counts: Int32Array; baseRank: Int32Array; deltaRank: Int32Array }
> {
  const a = base.prepared;
  const b = delta?.prepared;
  const aSize = a.ranked.length;
  const bSize = b?.ranked.length ?? 0;
  const baseRank = new Int32Array(aSize).fill(-1);
  const deltaRank = new Int32Array(bSize).fill(-1);
  const ranked: Entity[] = [];
  const counts: number[] = [];
  const goneB = delta?.gone ?? EMPTY;
  let i = 0;
  let j = 0;
  const skip = () => {
    while (i < aSize && base.gone.has(i)) i++;
    while (j < bSize && goneB.has(j)) j++;
  };
  for (skip(); i < aSize || j < bSize; skip()) {
    const x = a.ranked[i];
    const y = b?.ranked[j];
    const countX = a.counts[i] ?? 0;
    const countY = b?.counts[j] ?? 0;
    if (x && (!y || compareRanked(x, countX, y, countY) <= 0)) {
      baseRank[i++] = ranked.length;
      ranked.push(x);
      counts.push(countX);
    } else if (y) {
      deltaRank[j++] = ranked.length;
      ranked.push(y);
      counts.push(countY);
    } else break;
    if (ranked.length % ENTITIES_PER_STEP === 0) yield;
  }
  return { ranked, counts: Int32Array.from(counts), baseRank, deltaRank };
}

export class EntityDirectory {
  readonly #base: Layer;
  /** Entities added or changed since the base was built (none when built whole). */
  readonly #delta: Layer | undefined;
  #all: readonly Entity[] | undefined;
  /** Holders of the roles asked for, kept: a common role has thousands. */
  readonly #holders = new Map<string, readonly Entity[]>();

  /** Builds at once; `create` builds in slices that let other work run between them. */
  constructor(entities: readonly Entity[], from?: Prepared | { base: Layer; delta: Layer }) {
    if (from && 'base' in from) {
      this.#base = from.base;
      this.#delta = from.delta;
      this.#all = undefined;
    } else {
      this.#base = { prepared: from ?? runSteps(prepare(entities)), gone: EMPTY };
      this.#delta = undefined;
      this.#all = entities;
    }
  }

  static async create(entities: readonly Entity[], pace: Pace): Promise<EntityDirectory> {
    return new EntityDirectory(entities, await runStepsAsync(prepare(entities), pace));
  }

  /** The directory of `entities` from its stored columns (see `columns`); throws on columns that do not fit. */
  static async restore(
    entities: readonly Entity[],
    columns: DirectoryColumns,
    pace: Pace,
  ): Promise<EntityDirectory> {
    const { order, counts } = columns;
    if (order.length !== entities.length || counts.length !== entities.length)
      throw new Error('Directory columns do not fit the entities');
    const ranked: Entity[] = [];
    const byId = new ShardedMap<number>();
    for (let from = 0; from < order.length; from += ENTITIES_PER_STEP) {
      const to = Math.min(order.length, from + ENTITIES_PER_STEP);
      if (!rankSome(entities, order, ranked, byId, from, to))
        throw new Error('Directory columns do not fit the entities');
      if (pace.due()) await pace.breathe();
    }
    const prepared: Prepared = {
      ranked,
      counts,
      byId,
      names: await runStepsAsync(RankedKeys.restore(columns.names), pace),
      roles: await runStepsAsync(RankedKeys.restore(columns.roles), pace),
      exactNames: new ExactColumns(columns.exactNames),
      exactRoles: new ExactColumns(columns.exactRoles),
    };
    return new EntityDirectory(entities, prepared);
  }

  /**
   * The directory as columns over `entities` (every entity it holds, in any order), or
   * undefined when `entities` are not the ones it holds. A directory an update made of
   * layers gives the columns its entities built whole would have, merged from the layers'.
   */
  columns(entities: readonly Entity[]): DirectoryColumns | undefined {
    return runSteps(this.columnSteps(entities));
  }

  /** `columns` in steps that yield now and then (drive with `runStepsAsync`). */
  *columnSteps(entities: readonly Entity[]): Generator<void, DirectoryColumns | undefined> {
    const whole = !this.#delta && this.#base.gone.size === 0;
    const byRank = whole ? yield* wholeColumns(this.#base.prepared) : yield* this.#mergedColumns();
    const { ranked } = byRank;
    if (ranked.length !== entities.length) return undefined;
    const position = new Map<Entity, number>();
    for (const [i, entity] of entities.entries()) {
      position.set(entity, i);
      if (i % ENTITIES_PER_STEP === ENTITIES_PER_STEP - 1) yield;
    }
    const order = new Int32Array(ranked.length);
    for (const [rank, entity] of ranked.entries()) {
      const at = position.get(entity);
      if (at === undefined) return undefined;
      order[rank] = at;
      if (rank % ENTITIES_PER_STEP === ENTITIES_PER_STEP - 1) yield;
    }
    yield;
    const { counts, names, roles, exactNames, exactRoles } = byRank;
    return { order, counts, names, roles, exactNames, exactRoles };
  }

  /**
   * The base's columns and the delta's as one directory's: the entities of both in one
   * ranking, each layer's keys merged with the other's under it (`mergeKeyColumns`). The
   * same columns as a directory built whole of the same entities, in one pass over each.
   */
  *#mergedColumns(): Generator<void, ColumnsByRank> {
    const base = this.#base;
    const delta = this.#delta;
    const { ranked, counts, baseRank, deltaRank } = yield* mergedRanking(base, delta);
    const merge = (fromBase: KeyColumns, fromDelta: KeyColumns | undefined) =>
      mergeKeyColumns(fromBase, baseRank, fromDelta ?? NO_KEYS, deltaRank);
    const deltaExact = (which: 'exactNames' | 'exactRoles') =>
      delta ? exactColumnsOf(delta.prepared, which) : noKeys();
    return {
      ranked,
      counts,
      names: yield* merge(base.prepared.names.columns(), delta?.prepared.names.columns()),
      roles: yield* merge(base.prepared.roles.columns(), delta?.prepared.roles.columns()),
      exactNames: yield* merge(
        yield* exactColumnsOf(base.prepared, 'exactNames'),
        yield* deltaExact('exactNames'),
      ),
      exactRoles: yield* merge(
        yield* exactColumnsOf(base.prepared, 'exactRoles'),
        yield* deltaExact('exactRoles'),
      ),
    };
  }

  /**
   * A directory with `removed` entities gone and `added` ones in, this one left as it is
   * (it keeps answering until the archive holding the new one takes over). Only the
   * entities changed since the last whole build are prepared again: the rest is shared.
   */
  async with(
    removed: readonly Entity[],
    added: readonly Entity[],
    pace: Pace,
  ): Promise<EntityDirectory> {
    const base = this.#base.prepared;
    const gone = new Set(this.#base.gone);
    const beside = new Set(this.#delta?.prepared.ranked ?? []);
    for (const entity of removed) {
      if (beside.delete(entity)) continue;
      const rank = base.byId.get(entity.id);
      if (rank !== undefined && base.ranked[rank] === entity) gone.add(rank);
    }
    for (const entity of added) beside.add(entity);
    if (gone.size + beside.size > rebuildAt(base.ranked.length)) {
      const all: Entity[] = [];
      for (const [rank, entity] of base.ranked.entries()) {
        if (!gone.has(rank)) all.push(entity);
        if (rank % ENTITIES_PER_STEP === 0 && pace.due()) await pace.breathe();
      }
      all.push(...beside);
      return EntityDirectory.create(all, pace);
    }
    const delta = await runStepsAsync(prepare([...beside]), pace);
    return new EntityDirectory([], {
      base: { prepared: base, gone },
      delta: { prepared: delta, gone: EMPTY },
    });
  }

  /** Entities found by ranks in each layer, in directory order. */
  #find(pick: (prepared: Prepared) => Iterable<number> | undefined): Found[] {
    const base = found(this.#base, pick(this.#base.prepared) ?? []);
    if (!this.#delta) return base;
    return mergeFound(base, found(this.#delta, pick(this.#delta.prepared) ?? []));
  }

  /**
   * The best `limit` entities a per-layer top query finds, leaving out `taken`: each layer
   * is asked for its own best `limit` (its gone ranks left out), and the two merged.
   */
  #top(
    query: (prepared: Prepared, limit: number, exclude: ReadonlySet<number>) => number[],
    limit: number,
    taken: ReadonlySet<Entity>,
  ): Entity[] {
    const layerTop = (layer: Layer): Found[] => {
      const exclude = new Set(layer.gone);
      for (const entity of taken) {
        const rank = layer.prepared.byId.get(entity.id);
        if (rank !== undefined && layer.prepared.ranked[rank] === entity) exclude.add(rank);
      }
      return found(layer, query(layer.prepared, limit, exclude.size > 0 ? exclude : EMPTY));
    };
    const base = layerTop(this.#base);
    const merged = this.#delta ? mergeFound(base, layerTop(this.#delta)) : base;
    return merged.slice(0, Math.max(0, limit)).map((f) => f.entity);
  }

  /**
   * Exact (case/diacritic-insensitive, genitive-tolerant) match on name, alias, surname or
   * short form, most mentioned first; when none, close names as suggestions.
   */
  lookup(query: string): { matches: Entity[]; suggestions: Entity[] } {
    const folded = normaliseQuery(query);
    if (!folded) return { matches: [], suggestions: [] };
    for (const form of queryForms(folded)) {
      const matches = this.#find((p) => p.exactNames.get(form));
      if (matches.length > 0) return { matches: matches.map((f) => f.entity), suggestions: [] };
    }
    return { matches: [], suggestions: this.closeNames(query, SUGGESTIONS) };
  }

  /** Names within a few edits of the query (more for longer ones), closest then most mentioned first. */
  closeNames(query: string, limit: number): Entity[] {
    const typed = looseQuery(query);
    if (!typed) return [];
    const slips = nameTolerance(typed.length);
    const wanted = Math.max(0, limit);
    const near: { found: Found; distance: number }[] = [];
    // Each layer's best `wanted`, its gone entities left out: the best of both are among them.
    for (const layer of this.#delta ? [this.#base, this.#delta] : [this.#base]) {
      const closest = layer.prepared.names.closest(typed, slips, wanted, {
        sameFirst: sameFirstLetter(slips),
        exclude: layer.gone,
      });
      for (const [rank, distance] of closest) {
        for (const f of found(layer, [rank])) near.push({ found: f, distance });
      }
    }
    return near
      .sort((a, b) => a.distance - b.distance || compareFound(a.found, b.found))
      .slice(0, wanted)
      .map(({ found }) => found.entity);
  }

  /**
   * For autocomplete, most mentioned first within each tier: a name or a word of one that
   * starts with what was typed, then a role that does, then a name that nearly does.
   */
  suggest(partial: string, limit: number): Entity[] {
    const folded = looseQuery(partial);
    const wanted = Math.max(0, limit);
    if (!folded) return this.#top((p, n, exclude) => firstRanks(p, n, exclude), wanted, EMPTY_SET);
    const picked = this.#top((p, n, exclude) => p.names.top(folded, n, exclude), wanted, EMPTY_SET);
    if (picked.length < wanted)
      picked.push(
        ...this.#top(
          (p, n, exclude) => p.roles.top(folded, n, exclude),
          wanted - picked.length,
          new Set(picked),
        ),
      );
    const slips = prefixTolerance(folded.length);
    if (picked.length < wanted && slips > 0)
      picked.push(
        ...this.#top(
          (p, n, exclude) => p.names.topNearPrefix(folded, slips, n, exclude),
          wanted - picked.length,
          new Set(picked),
        ),
      );
    return picked;
  }

  /**
   * Entities the archive gives exactly this role (case, diacritics, spacing and a leading
   * determiner ignored: "den syriske presidenten"), most mentioned first.
   */
  byRole(role: string): Entity[] {
    const key = roleKey(role);
    let holders = this.#holders.get(key);
    if (!holders) {
      holders = this.#find((p) => p.exactRoles.get(key)).map((f) => f.entity);
      // Only roles someone holds are kept: what is typed cannot grow the map past them.
      if (holders.length > 0) this.#holders.set(key, holders);
    }
    return [...holders];
  }

  /** Trie nodes the close-name and near-prefix walks stepped into so far (the bench's count). */
  get walked(): number {
    let walked = 0;
    for (const layer of this.#delta ? [this.#base, this.#delta] : [this.#base])
      walked += layer.prepared.names.walked + layer.prepared.roles.walked;
    return walked;
  }

  get(id: string): Entity | undefined {
    for (const layer of this.#delta ? [this.#delta, this.#base] : [this.#base]) {
      const rank = layer.prepared.byId.get(id);
      if (rank !== undefined && !layer.gone.has(rank)) return layer.prepared.ranked[rank];
    }
    return undefined;
  }

  all(): readonly Entity[] {
    if (!this.#all) {
      const all = this.#base.prepared.ranked.filter((_, rank) => !this.#base.gone.has(rank));
      all.push(...(this.#delta?.prepared.ranked ?? []));
      this.#all = all;
    }
    return this.#all;
  }
}

const EMPTY_SET: ReadonlySet<Entity> = new Set();

/** The best `limit` ranks of a layer, leaving out `exclude`. */
function firstRanks(prepared: Prepared, limit: number, exclude: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let rank = 0; rank < prepared.ranked.length && out.length < limit; rank++)
    if (!exclude.has(rank)) out.push(rank);
  return out;
}

/**
 * The entities of ranks [from, to) by `order` into `ranked` and `byId`; false when one is
 * missing or comes twice. A plain function called per run of ranks, so that V8 optimises its
 * loop (in the async restore that paces it, the loop ran 3-4 times slower).
 */
function rankSome(
  entities: readonly Entity[],
  order: Int32Array,
  ranked: Entity[],
  byId: ShardedMap<number>,
  from: number,
  to: number,
): boolean {
  for (let rank = from; rank < to; rank++) {
    const entity = entities[order[rank] ?? -1];
    if (!entity || byId.has(entity.id)) return false;
    ranked.push(entity);
    byId.set(entity.id, rank);
  }
  return true;
}
