/**
 * An entity directory's columns (what a snapshot's `DIRC` section stores) worked out from
 * the entities directly: the ranking, each key's ranks and the two sort orders of the name
 * and role keys, without the lookup structures (`RankedKeys`' tries and range trees, the
 * ranks by id) that a whole `EntityDirectory` builds and the columns never read. The names
 * worker writes its section this way: at 400k passages building a whole directory only to
 * read its columns was 6 s of the build's critical path.
 *
 * The columns are the same, value for value, as `new EntityDirectory(entities).columns(entities)`
 * (a test compares the encoded bytes): the same ranking, key folds, sorts and key orders.
 */

import type { Entity } from '../types';
import {
  addTo,
  compareRanked,
  type DirectoryColumns,
  ENTITIES_PER_STEP,
  keysOfName,
  memoOf,
  passageCount,
  roleKeys,
} from './directory';
import type { KeyColumns } from './ranked-keys';
import { sortKeys } from './sort-keys';
import { nameKey } from './tokens';

/** Keys laid out between two yields. */
const KEYS_PER_STEP = 2_000;

/** The columns of a directory of `entities`, in steps (drive with `runSteps` or `runStepsAsync`). */
export function* directoryColumns(entities: readonly Entity[]): Generator<void, DirectoryColumns> {
  const counts = new Int32Array(entities.length);
  let read = 0;
  for (const [i, entity] of entities.entries()) {
    counts[i] = passageCount(entity);
    read += 1 + (entity.mentions.length >> 4);
    if (read >= ENTITIES_PER_STEP) {
      read = 0;
      yield;
    }
  }
  // Positions sorted, not entities: the rank's position is then the order column itself.
  // One native sort (the worker's thread serves nothing, so no step needs to be short),
  // stable like `sortInSteps` and with the same comparison: the directory's ranking.
  const positions = Array.from(entities, (_, i) => i);
  const sorted = positions.sort((a, b) =>
    compareRanked(entities[a] as Entity, counts[a] ?? 0, entities[b] as Entity, counts[b] ?? 0),
  );
  const order = Int32Array.from(sorted);
  const rankedCounts = Int32Array.from(sorted, (i) => counts[i] ?? 0);
  // Keys by name, worked out once per name: aliases and surnames repeat across entities.
  // Added straight to the lists: a rank added twice in a row is kept once (`addTo`), so an
  // entity's keys need no set of their own.
  const nameKeyOnce = memoOf(nameKey);
  const personKeys = memoOf((name) => keysOfName(name, true));
  const otherKeys = memoOf((name) => keysOfName(name, false));
  const roleKeysOnce = memoOf(roleKeys);
  const names = new Map<string, number[]>();
  const roles = new Map<string, number[]>();
  const exactNames = new Map<string, number[]>();
  const exactRoles = new Map<string, number[]>();
  const addNameKeys = (text: string, person: boolean, rank: number): void => {
    const name = nameKeyOnce(text);
    if (name.length === 0) return;
    const keys = person ? personKeys(name) : otherKeys(name);
    for (const key of keys.exact) addTo(exactNames, key, rank);
    for (const key of keys.reachable) if (key !== '') addTo(names, key, rank);
  };
  for (let rank = 0; rank < order.length; rank++) {
    const entity = entities[order[rank] ?? 0];
    if (!entity) continue;
    const person = entity.kind === 'person';
    addNameKeys(entity.name, person, rank);
    for (const alias of entity.aliases) addNameKeys(alias, person, rank);
    for (const given of entity.roles) {
      for (const text of [given.role, given.roleText]) {
        const keys = roleKeysOnce(text);
        if (!keys.exact) continue;
        addTo(exactRoles, keys.exact, rank);
        for (const key of keys.reachable) if (key !== '') addTo(roles, key, rank);
      }
    }
    if (rank % (ENTITIES_PER_STEP >> 2) === (ENTITIES_PER_STEP >> 2) - 1) yield;
  }
  return {
    order,
    counts: rankedCounts,
    names: yield* withOrders(yield* sortedColumns(names)),
    roles: yield* withOrders(yield* sortedColumns(roles)),
    exactNames: yield* sortedColumns(exactNames),
    exactRoles: yield* sortedColumns(exactRoles),
  };
}

/**
 * Key -> ranks lists as columns, as `keyColumns` makes them: its keys sorted by one native
 * sort, which compares strings by UTF-16 code units as `compareCodeUnits` does (the keys
 * are distinct, so the order is the same), in a fraction of the time of a sort that calls
 * a comparison for each pair.
 */
function* sortedColumns(
  lists: ReadonlyMap<string, readonly number[]>,
): Generator<void, KeyColumns> {
  const keys = [...lists.keys()].sort();
  yield;
  const starts = new Int32Array(keys.length + 1);
  let total = 0;
  for (const list of lists.values()) total += list.length;
  const ranks = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    starts[i] = at;
    const list = lists.get(keys[i] ?? '') ?? [];
    ranks.set(list, at);
    at += list.length;
    if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
  }
  starts[keys.length] = at;
  return { keys, starts, ranks };
}

/**
 * Lookup keys with the two sort orders `RankedKeys` lays them out in (spelt backwards, and
 * by what follows the first character), sorted exactly as `KeyTrie.reversed` and
 * `KeysAfterFirst.over` sort them: the same text, the same `sortKeys`.
 */
function* withOrders(columns: KeyColumns): Generator<void, KeyColumns> {
  const { keys } = columns;
  const count = keys.length;
  let length = 0;
  for (const key of keys) length += key.length;
  const codes = new Uint16Array(length);
  const spelt = new Uint16Array(length);
  const offsets = new Int32Array(count + 1);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const key = keys[i] ?? '';
    offsets[i] = at;
    const last = at + key.length - 1;
    for (let c = 0; c < key.length; c++) {
      const code = key.charCodeAt(c);
      codes[at + c] = code;
      spelt[last - c] = code;
    }
    at += key.length;
    if (i % KEYS_PER_STEP === KEYS_PER_STEP - 1) yield;
  }
  offsets[count] = at;
  const ends = offsets.subarray(1);
  const backward = yield* sortKeys(spelt, offsets.subarray(0, count), ends);
  const starts = new Int32Array(count);
  for (let i = 0; i < count; i++) starts[i] = Math.min((offsets[i] ?? 0) + 1, offsets[i + 1] ?? 0);
  const afterFirst = yield* sortKeys(codes, starts, ends);
  return { ...columns, orders: { backward, afterFirst } };
}
