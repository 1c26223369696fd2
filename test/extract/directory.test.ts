/**
 * The entity directory's answers (autocomplete, exact lookup, close names, role holders)
 * against a scan over every entity with the same keys, on random entities: the prepared
 * structures must find exactly what reading everything would.
 */
import { describe, expect, it } from 'vitest';
import {
  EntityDirectory,
  editDistance,
  looseQuery,
  nameKeysOf,
  nameTolerance,
  normaliseQuery,
  prefixTolerance,
  roleKey,
  roleKeysOf,
  sameFirstLetter,
} from '../../src/extract/entities/directory';
import { runStepsAsync } from '../../src/extract/entities/ranked-keys';
import type { Entity } from '../../src/extract/types';
import { seededRandom } from '../helpers/random';

const GIVEN = ['Anne', 'Ola', 'Kari', 'Åse', 'Øystein', 'Jens', 'Ann', 'Andreas', 'Hélène', 'Per'];
const MIDDLE = ['Scheie', 'Nes', 'Rud', 'Marie', 'al-Haj', 'de'];
const FAMILY = [
  'Huitfeldt',
  'Hansen',
  'Dahl',
  'Berg',
  'Bergé',
  'Hauge',
  'Lie',
  'Søreide',
  'Mistura',
];
const ROLES = [
  'ordfører',
  'Kreml-talsmann',
  'havnesjef',
  'den syriske presidenten',
  'utenriksminister',
];

/** Random people and organisations with overlapping names, aliases, roles and mention counts. */
function randomEntities(seed: number, count: number): Entity[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const person = random() < 0.8;
    const words = person
      ? [pick(GIVEN), ...(random() < 0.4 ? [pick(MIDDLE)] : []), pick(FAMILY)]
      : [pick(FAMILY), pick(['AS', 'Havn', 'FK', 'Stiftelse'])];
    const name = words.join(' ');
    const passages = 1 + Math.floor(random() ** 3 * 40);
    entities.push({
      id: `e${i}`,
      name,
      kind: person ? 'person' : 'organisation',
      aliases: random() < 0.3 ? [words[words.length - 1] ?? name] : [],
      roles:
        random() < 0.4
          ? [{ role: pick(ROLES), roleText: pick(ROLES), passageId: 'p0', articleId: 'a0' }]
          : [],
      mentions: Array.from({ length: passages }, (_, p) => ({
        passageId: `p${p}`,
        articleId: 'a0',
        surface: name,
        start: 0,
        end: name.length,
      })),
    });
  }
  return entities;
}

const keyCache = new Map<Entity, { names: string[]; roles: string[] }>();
/** Each entity's keys, worked out once: the scans below read them for every query. */
function keysOf(e: Entity) {
  let keys = keyCache.get(e);
  if (!keys) {
    keys = { names: [...nameKeysOf(e).reachable], roles: [...roleKeysOf(e).reachable] };
    keyCache.set(e, keys);
  }
  return keys;
}

const passagesOf = (e: Entity) => new Set(e.mentions.map((m) => m.passageId)).size;
const byRank = (a: Entity, b: Entity) =>
  passagesOf(b) - passagesOf(a) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
  (a.id < b.id ? -1 : 1);

/** Autocomplete by reading every entity: name prefix, then role prefix, then a near prefix. */
function scanSuggest(entities: readonly Entity[], partial: string, limit: number): string[] {
  const typed = normaliseQuery(partial);
  if (!typed)
    return [...entities]
      .sort(byRank)
      .slice(0, limit)
      .map((e) => e.id);
  const slips = prefixTolerance(typed.length);
  const nearPrefix = (key: string) => {
    for (let end = 0; end <= key.length; end++)
      if (editDistance(typed, key.slice(0, end), slips) <= slips) return true;
    return false;
  };
  const tiers: ((e: Entity) => boolean)[] = [
    (e) => keysOf(e).names.some((k) => k.startsWith(typed)),
    (e) => keysOf(e).roles.some((k) => k.startsWith(typed)),
    (e) => slips > 0 && keysOf(e).names.some(nearPrefix),
  ];
  const out: string[] = [];
  for (const tier of tiers) {
    if (out.length >= limit) break;
    const found = entities.filter((e) => !out.includes(e.id) && tier(e)).sort(byRank);
    out.push(...found.map((e) => e.id));
  }
  return out.slice(0, limit);
}

function scanClose(entities: readonly Entity[], query: string, limit: number): string[] {
  const typed = looseQuery(query);
  const max = nameTolerance(typed.length);
  const sameFirst = sameFirstLetter(max);
  return entities
    .map((e) => ({
      e,
      distance: Math.min(
        ...keysOf(e)
          .names.filter((k) => !sameFirst || k[0] === typed[0])
          .map((k) => editDistance(typed, k, max)),
      ),
    }))
    .filter((x) => x.distance <= max)
    .sort((a, b) => a.distance - b.distance || byRank(a.e, b.e))
    .slice(0, limit)
    .map((x) => x.e.id);
}

describe('EntityDirectory against a scan of every entity', { timeout: 300_000 }, () => {
  // Enough entities that prefixes of one or two letters cover hundreds of keys, read best first.
  const entities = randomEntities(3, 1500);
  const directory = new EntityDirectory(entities);
  const random = seededRandom(5);
  const typed = [
    '',
    'a',
    'HUIT',
    'huitf',
    'hiutf',
    'sore',
    'store',
    'øyst',
    'helene',
    'anne h',
    'scheie h',
    'haj',
    'al-haj d',
    'kreml',
    'talsm',
    'syriske',
    'zzz',
  ];
  for (let i = 0; i < 60; i++) {
    const e = entities[Math.floor(random() * entities.length)];
    const name = normaliseQuery(e?.name ?? '');
    const from = Math.floor(random() * name.length);
    typed.push(name.slice(from, from + 1 + Math.floor(random() * 6)));
  }

  it('autocompletes exactly what a scan finds, in the same order', () => {
    for (const partial of typed) {
      for (const limit of [1, 10, 25]) {
        expect(
          directory.suggest(partial, limit).map((e) => e.id),
          `${partial} / ${limit}`,
        ).toEqual(scanSuggest(entities, partial, limit));
      }
    }
  });

  it('suggests the same close names as a scan', () => {
    for (const query of [
      ...typed,
      'huitfelt',
      'soreidde',
      'andreas hanssen',
      'mistrua',
      'oystein',
    ]) {
      expect(
        directory.closeNames(query, 5).map((e) => e.id),
        query,
      ).toEqual(scanClose(entities, query, 5));
    }
  });

  it('looks up exact names and short forms as a scan of every key would', () => {
    for (const query of ['anne huitfeldt', 'scheie huitfeldt', 'Hansen', 'mistura', 'Dahl AS']) {
      const folded = normaliseQuery(query);
      const want = entities
        .filter((e) => nameKeysOf(e).exact.has(folded))
        .sort(byRank)
        .map((e) => e.id);
      expect(
        directory.lookup(query).matches.map((e) => e.id),
        query,
      ).toEqual(want);
    }
  });

  it('finds role holders as a scan of every role would', () => {
    for (const role of ROLES) {
      const want = entities
        .filter((e) =>
          e.roles.some(
            (r) => roleKey(r.role) === roleKey(role) || roleKey(r.roleText) === roleKey(role),
          ),
        )
        .sort(byRank)
        .map((e) => e.id);
      expect(want.length).toBeGreaterThan(0);
      expect(directory.byRole(role.toUpperCase()).map((e) => e.id)).toEqual(want);
    }
  });
});

describe('an EntityDirectory updated with changed entities', { timeout: 300_000 }, () => {
  /** Every kind of answer, as ids, on queries that reach the changed entities too. */
  function answers(directory: EntityDirectory, queries: readonly string[]) {
    return queries.map((q) => ({
      suggest: [1, 10, 25].map((limit) => directory.suggest(q, limit).map((e) => e.id)),
      close: directory.closeNames(q, 5).map((e) => e.id),
      lookup: directory.lookup(q).matches.map((e) => e.id),
      role: directory.byRole(q).map((e) => e.id),
      get: directory.get(q)?.name,
    }));
  }

  it('answers as a directory built whole from the same entities, and leaves the old one as it was', async () => {
    const random = seededRandom(11);
    let entities = randomEntities(7, 1500);
    let directory = new EntityDirectory(entities);
    const pace = { due: () => false, breathe: async () => undefined };
    const common = [
      '',
      'a',
      'h',
      'hans',
      'Hansen',
      'huitf',
      'sore',
      'ordf',
      'ordfører',
      'havnesjef',
    ];
    const fresh = randomEntities(8, 2500).map((e, i) => ({ ...e, id: `n${i}` }));
    for (const [round, size] of [40, 40, 200, 40, 2100, 40].entries()) {
      const removed = entities.filter(() => random() < size / entities.length);
      // Names and ids of removed entities too: lookups that would find them if left in.
      const queries = [
        ...common,
        ...removed.slice(0, 8).flatMap((e) => [e.id, e.name, e.name.slice(0, 4), `${e.name}x`]),
        ...entities.slice(0, 4).map((e) => e.id),
      ];
      const before = answers(directory, queries);
      // Changed versions of some removed ones (same id, other mentions), and new ones.
      const added = [
        ...removed
          .filter(() => random() < 0.5)
          .map((e) => ({ ...e, mentions: e.mentions.slice(0, 1 + Math.floor(random() * 30)) })),
        ...fresh.splice(0, Math.floor(size / 2)),
      ];
      const next = await directory.with(removed, added, pace);
      expect(answers(directory, queries), `round ${round}: the old directory`).toEqual(before);
      entities = [...entities.filter((e) => !removed.includes(e)), ...added];
      directory = next;
      const whole = new EntityDirectory(entities);
      // What a snapshot stores: merged from the layers, the columns built whole, the keys'
      // sort orders too (and the lookups answer the same after, the exact keys then kept as
      // columns).
      const listed = [...directory.all()].reverse();
      expect(directory.columns(listed), `round ${round}: columns`).toEqual(whole.columns(listed));
      expect(answers(directory, queries), `round ${round}`).toEqual(answers(whole, queries));
      const names = [...directory.all()].map((e) => e.id).sort();
      expect(names).toEqual(entities.map((e) => e.id).sort());
    }
  });
});

describe('an EntityDirectory restored from its columns', { timeout: 300_000 }, () => {
  const pace = { due: () => false, breathe: async () => undefined };
  const queries = ['', 'a', 'h', 'hans', 'Hansen', 'huitf', 'hiutf', 'sore', 'ordf', 'ordfører'];
  const answers = (directory: EntityDirectory, extra: readonly string[]) =>
    [...queries, ...extra].map((q) => ({
      suggest: [1, 10, 25].map((limit) => directory.suggest(q, limit).map((e) => e.id)),
      close: directory.closeNames(q, 5).map((e) => e.id),
      lookup: directory.lookup(q).matches.map((e) => e.id),
      role: directory.byRole(q).map((e) => e.id),
      get: directory.get(q)?.name,
    }));

  it('answers as the directory stored, over the entities in another order', async () => {
    const entities = randomEntities(13, 1500);
    const built = new EntityDirectory(entities);
    // The entities as a snapshot lists them need not be in the directory's order.
    const listed = [...entities].reverse();
    const columns = built.columns(listed);
    if (!columns) throw new Error('a directory built whole has columns');
    const restored = await EntityDirectory.restore(listed, columns, pace);
    const extra = entities
      .slice(0, 12)
      .flatMap((e) => [e.id, e.name, ...e.roles.map((r) => r.role)]);
    expect(answers(restored, extra)).toEqual(answers(built, extra));
    expect([...restored.all()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...entities].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  it('gives the columns of the directory built whole once an update made it of layers', async () => {
    const entities = randomEntities(17, 600);
    const built = new EntityDirectory(entities);
    // Gone only, added only, both: the base's ranks and the layer's merged under one ranking.
    const fresh = randomEntities(18, 60).map((e, i) => ({ ...e, id: `n${i}` }));
    const cases = [
      { removed: entities.slice(0, 3), added: [] },
      { removed: [], added: fresh.slice(0, 20) },
      { removed: entities.filter((_, i) => i % 7 === 0), added: fresh.slice(20) },
    ];
    for (const { removed, added } of cases) {
      const changed = await built.with(removed, added, pace);
      const kept = [...entities.filter((e) => !removed.includes(e)), ...added];
      const columns = await runStepsAsync(changed.columnSteps(kept), pace);
      // The keys' sort orders too, merged from the layers': those a sort would give.
      expect(columns).toEqual(new EntityDirectory(kept).columns(kept));
      // Restored from them, it answers as the layers did, and takes the orders as they are
      // rather than sorting the keys again.
      if (!columns) throw new Error('an updated directory has columns');
      const restored = await EntityDirectory.restore(kept, columns, pace);
      const again = restored.columns(kept);
      for (const which of ['names', 'roles'] as const) {
        expect(columns[which].orders).toBeDefined();
        expect(again?.[which].orders?.backward).toBe(columns[which].orders?.backward);
        expect(again?.[which].orders?.afterFirst).toBe(columns[which].orders?.afterFirst);
      }
      const extra = [...removed, ...added].slice(0, 12).flatMap((e) => [e.id, e.name]);
      expect(answers(restored, extra)).toEqual(answers(changed, extra));
      // Over entities it does not hold: none.
      expect(changed.columns(entities)).toBeUndefined();
    }
  });

  it('stores the keys’ sort orders when built whole, and restored from them answers as when it sorts them again', async () => {
    const entities = randomEntities(19, 900);
    const built = new EntityDirectory(entities);
    const columns = built.columns(entities);
    if (!columns) throw new Error('a directory built whole has columns');
    const count = columns.names.keys.length;
    expect(columns.names.orders?.backward.length).toBe(count);
    expect(columns.names.orders?.afterFirst.length).toBe(count);
    expect(columns.roles.orders).toBeDefined();
    const extra = entities.slice(0, 12).flatMap((e) => [e.id, e.name]);
    const withOrders = await EntityDirectory.restore(entities, columns, pace);
    // Without them (columns an update merged before it kept them), or with an order that is no permutation of
    // the keys, the restore sorts the keys again: the same answers.
    const unsorted = (keys: typeof columns.names) => ({ ...keys, orders: undefined });
    const broken = (keys: typeof columns.names) => ({
      ...keys,
      orders: { backward: new Int32Array(count), afterFirst: new Int32Array(count) },
    });
    for (const variant of [unsorted, broken]) {
      const again = await EntityDirectory.restore(
        entities,
        { ...columns, names: variant(columns.names), roles: variant(columns.roles) },
        pace,
      );
      expect(answers(again, extra)).toEqual(answers(withOrders, extra));
      // The orders it sorted are the ones stored.
      expect(again.columns(entities)?.names.orders).toEqual(columns.names.orders);
    }
    expect(answers(withOrders, extra)).toEqual(answers(built, extra));
  });

  it('refuses columns of other entities', async () => {
    const entities = randomEntities(17, 300);
    const built = new EntityDirectory(entities);
    const columns = built.columns(entities);
    if (!columns) throw new Error('a directory built whole has columns');
    await expect(EntityDirectory.restore(entities.slice(1), columns, pace)).rejects.toThrow();
  });
});
