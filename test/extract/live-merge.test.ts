import { describe, expect, it } from 'vitest';
import {
  type BackReference,
  buildEntities,
  type PassageMentions,
} from '../../src/extract/entities';
import {
  EntitiesDoNotFit,
  type EntityFacts,
  EntityMerge,
  factsOfEntity,
  listEntities,
  type MergeChange,
  type MergeInput,
  type NameKeys,
} from '../../src/extract/entities/live-merge';
import { runSteps } from '../../src/extract/entities/ranked-keys';
import { foldName } from '../../src/extract/entities/tokens';
import type { Entity, EntityKind, EntityMention } from '../../src/extract/types';
import type { AliasGroup } from '../../src/knowledge/types';
import { seededRandom } from '../helpers/random';

/**
 * Names chosen to collide: full names sharing surnames and short forms ("Nordmann",
 * "Gahr Berge"), two spellings with one slug ("Jean-Paul Lie", "Jean Paul Lie"), a name
 * that is a person in one article and a place in another, and an alias group.
 */
const NAMES: { name: string; kinds: EntityKind[] }[] = [
  { name: 'Kari Nordmann', kinds: ['person'] },
  { name: 'Ola Nordmann', kinds: ['person'] },
  { name: 'Nordmann', kinds: ['person', 'other'] },
  { name: 'Jonas Gahr Berge', kinds: ['person'] },
  { name: 'Gahr Berge', kinds: ['person'] },
  { name: 'Berge', kinds: ['person', 'place'] },
  { name: 'Jean-Paul Lie', kinds: ['person'] },
  { name: 'Jean Paul Lie', kinds: ['person'] },
  { name: 'Lie', kinds: ['person'] },
  { name: 'Anna von Holt', kinds: ['person'] },
  { name: 'von Holt', kinds: ['person'] },
  { name: 'Holt', kinds: ['person', 'place'] },
  { name: 'Fjellbygd', kinds: ['place', 'person'] },
  { name: 'Fjellbygd IL', kinds: ['organisation'] },
  { name: 'Arbeidarpartiet', kinds: ['organisation'] },
  { name: 'Ap', kinds: ['organisation'] },
];
const ROLES = [
  'ordfører',
  'statsminister',
  'tidligere statsminister',
  'ordfører i Fjellbygd',
  'trener',
];
const REFERENCES: Omit<BackReference, 'start' | 'end'>[] = [
  { role: 'statsminister', roleText: 'statsministeren', head: 'statsminister', specific: false },
  { role: 'ordfører', roleText: 'ordføreren', head: 'ordfører', specific: false },
  { role: 'trener', roleText: 'den nye treneren', head: 'trener', specific: true },
];
const ALIASES: AliasGroup[] = [
  { names: ['Arbeidarpartiet', 'Ap'], line: 1 },
  { names: ['Den blå allianse', 'Blåalliansen'], line: 2 },
];
/** Aliases of one capitalised word each: none is looked for in the text, only among names. */
const NAME_ALIASES: AliasGroup[] = [{ names: ['Arbeidarpartiet', 'Ap'], line: 1 }];

type ArticleMentions = { id: string; passages: Omit<MergeInput, 'order' | 'articleId'>[] };

function randomArticle(rand: () => number, id: string, version: number): ArticleMentions {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const passages: ArticleMentions['passages'] = [];
  const count = 1 + Math.floor(rand() * 4);
  for (let p = 0; p < count; p++) {
    let text = '';
    const mentions: EntityMention[] = [];
    const references: BackReference[] = [];
    const words = 1 + Math.floor(rand() * 5);
    for (let w = 0; w < words; w++) {
      const roll = rand();
      text += text ? ' og så ' : '';
      if (roll < 0.6) {
        const { name, kinds } = pick(NAMES);
        const start = text.length;
        text += name;
        const mention: EntityMention = {
          name,
          surface: name,
          start,
          end: text.length,
          kind: pick(kinds),
        };
        if (mention.kind === 'person' && rand() < 0.3) mention.role = pick(ROLES);
        mentions.push(mention);
      } else if (roll < 0.85) {
        const reference = pick(REFERENCES);
        const start = text.length;
        text += reference.roleText;
        references.push({ ...reference, start, end: text.length });
      } else if (roll < 0.92) {
        text += 'Den blå allianse';
      } else text += `ord ${version}`;
    }
    passages.push({ passageId: `${id}#${p}`, text, mentions, references });
  }
  return { id, passages };
}

/**
 * One step of a random history: an article of a dozen is added, removed (one time in three
 * when it is there) or changed; the map follows, and what went and what came is returned.
 */
function randomChange(
  rand: () => number,
  articles: Map<string, ArticleMentions>,
  step: number,
): { gone?: ArticleMentions; came?: ArticleMentions } {
  const id = `a${Math.floor(rand() * 12)}.md`;
  const gone = articles.get(id);
  const roll = rand();
  const came = !gone || roll >= 0.35 ? randomArticle(rand, id, step) : undefined;
  if (gone) articles.delete(id);
  if (came) articles.set(id, came);
  return { ...(gone ? { gone } : {}), ...(came ? { came } : {}) };
}

function inputs(article: ArticleMentions): MergeInput[] {
  return article.passages.map((p, order) => ({ ...p, articleId: article.id, order }));
}

function fullBuild(
  articles: Map<string, ArticleMentions>,
  aliases: readonly AliasGroup[] = ALIASES,
): Entity[] {
  const passages: PassageMentions[] = [];
  for (const id of [...articles.keys()].sort()) {
    for (const input of inputs(articles.get(id) as ArticleMentions)) {
      passages.push({ ...input, language: 'nb', mentions: [...input.mentions] });
    }
  }
  return buildEntities(passages, aliases);
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const byId = (entities: Iterable<Entity>) =>
  [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

function perPassage(entities: readonly Entity[]) {
  const placed = new Map<string, { start: number; entity: Entity }[]>();
  for (const entity of entities)
    for (const m of entity.mentions) {
      const list = placed.get(m.passageId) ?? [];
      list.push({ start: m.start, entity });
      placed.set(m.passageId, list);
    }
  return new Map([...placed].map(([id, list]) => [id, listEntities(list)]));
}

/** A merge after `steps` random changes, and its passages in archive order (as a restart reads them). */
function mergedHistory(seed: number, steps: number, aliases: AliasGroup[]) {
  const rand = seededRandom(seed);
  const articles = new Map<string, ArticleMentions>();
  const merge = new EntityMerge(aliases);
  for (let step = 0; step < steps; step++) {
    const { gone, came } = randomChange(rand, articles, step);
    runSteps(merge.apply(gone?.passages.map((p) => p.passageId) ?? [], came ? inputs(came) : []));
  }
  const all = [...articles.keys()]
    .sort()
    .flatMap((a) => inputs(articles.get(a) as ArticleMentions));
  return { rand, articles, merge, all };
}

/** The merge's entities, and each passage's, are those of a full merge of the articles. */
function expectFullMerge(
  merge: EntityMerge,
  articles: Map<string, ArticleMentions>,
  aliases: AliasGroup[],
  label: string,
): void {
  const expected = fullBuild(articles, aliases);
  expect(byId(merge.entities()), label).toEqual(byId(expected));
  const lists = perPassage(expected);
  for (const article of articles.values())
    for (const p of article.passages)
      expect(merge.passageEntities(p.passageId), `${label} ${p.passageId}`).toEqual(
        lists.get(p.passageId),
      );
}

describe.each([
  ['aliases found in the text', ALIASES],
  ['aliases found among names only', NAME_ALIASES],
])('the live entity merge, with %s', (_, aliases) => {
  it('equals a full merge of the same passages after random adds, changes and removals', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rand = seededRandom(seed);
      const articles = new Map<string, ArticleMentions>();
      const merge = new EntityMerge(aliases);
      let live = new Map<string, Entity>();
      for (let step = 0; step < 25; step++) {
        const { gone, came } = randomChange(rand, articles, step);
        const change = runSteps(
          merge.apply(gone?.passages.map((p) => p.passageId) ?? [], came ? inputs(came) : []),
        );
        for (const entity of change.removed) {
          expect(live.get(entity.id)).toBe(entity);
          live.delete(entity.id);
        }
        for (const entity of change.added) {
          expect(live.has(entity.id)).toBe(false);
          live.set(entity.id, entity);
        }
        const expected = fullBuild(articles, aliases);
        expect(byId(merge.entities()), `seed ${seed} step ${step}`).toEqual(byId(expected));
        expect(byId(live.values())).toEqual(byId(expected));
        const lists = perPassage(expected);
        for (const article of articles.values())
          for (const p of article.passages)
            expect(merge.passageEntities(p.passageId), `${seed}/${step} ${p.passageId}`).toEqual(
              lists.get(p.passageId),
            );
        live = new Map(live);
      }
    }
  });

  it('restored from the passages and the entities a merge made, shares them and goes on equal to a full merge', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = seededRandom(seed);
      const articles = new Map<string, ArticleMentions>();
      const merge = new EntityMerge(aliases);
      let restored: EntityMerge | undefined;
      for (let step = 0; step < 25; step++) {
        const { gone, came } = randomChange(rand, articles, step);
        const goneIds = gone?.passages.map((p) => p.passageId) ?? [];
        const cameInputs = came ? inputs(came) : [];
        runSteps(merge.apply(goneIds, cameInputs));
        if (restored) runSteps(restored.apply(goneIds, cameInputs));
        if (rand() < 0.3) {
          // A restart: the passages in archive order, and the entities the merge made.
          const all = [...articles.keys()]
            .sort()
            .flatMap((a) => inputs(articles.get(a) as ArticleMentions));
          restored = new EntityMerge(aliases);
          runSteps(restored.restore(all, merge.entities()));
          const made = new Map([...merge.entities()].map((e) => [e.id, e]));
          for (const entity of restored.entities()) expect(entity).toBe(made.get(entity.id));
        }
        if (!restored) continue;
        const expected = fullBuild(articles, aliases);
        expect(byId(restored.entities()), `seed ${seed} step ${step}`).toEqual(byId(expected));
        const lists = perPassage(expected);
        for (const article of articles.values())
          for (const p of article.passages)
            expect(restored.passageEntities(p.passageId), `${seed}/${step} ${p.passageId}`).toEqual(
              lists.get(p.passageId),
            );
      }
    }
  });

  it('restored from only the passages that name someone or point back, where it reads no texts, in any order, is the same merge', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { rand, articles, merge, all } = mergedHistory(seed, 15, aliases);
      const restored = new EntityMerge(aliases);
      // As `prepareUpdates` gives them: the passages without names or back references are
      // left out only where the merge says they cannot give it a name.
      const given = restored.readsText
        ? all
        : all.filter((p) => p.mentions.length > 0 || p.references.length > 0);
      // In any order (they come in the order of the maps of names and back references).
      const shuffled = seed % 2 === 0 ? shuffle(given, rand) : given;
      runSteps(restored.restore(shuffled, merge.entities()));
      // The next change reaches the same entities.
      const { gone, came } = randomChange(rand, articles, 99);
      const goneIds = gone?.passages.map((p) => p.passageId) ?? [];
      const cameInputs = came ? inputs(came) : [];
      runSteps(restored.apply(goneIds, cameInputs));
      expectFullMerge(restored, articles, aliases, `seed ${seed}`);
    }
  });

  it("restored with the names' keys given as numbers, as a snapshot stores them, is the same merge and goes on equal to a full merge", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { rand, articles, merge, all } = mergedHistory(seed, 15, aliases);
      // The keys numbered in an order of their own (not first met), and one passage in three
      // given none (its names folded), so that both ways meet in one key's state.
      const folded = [...new Set(all.flatMap((p) => p.mentions.map((m) => foldName(m.name))))];
      const table = shuffle(['', ...folded.filter((k) => k !== '')], rand);
      const keys: number[] = [];
      const given = all.map((input, i) => {
        const keysAt = keys.length;
        for (const m of input.mentions) keys.push(table.indexOf(foldName(m.name)));
        return i % 3 === 2 ? input : { ...input, keysAt };
      });
      const restored = new EntityMerge(aliases);
      const columns: NameKeys = { table, keys: Int32Array.from(keys) };
      runSteps(restored.restore(given, merge.entities(), factsOfEntity, columns));
      const made = new Map([...merge.entities()].map((e) => [e.id, e]));
      for (const entity of restored.entities()) expect(entity).toBe(made.get(entity.id));
      for (let step = 0; step < 5; step++) {
        const { gone, came } = randomChange(rand, articles, 100 + step);
        runSteps(
          restored.apply(gone?.passages.map((p) => p.passageId) ?? [], came ? inputs(came) : []),
        );
        expectFullMerge(restored, articles, aliases, `seed ${seed} step ${step}`);
      }
    }
  });

  it('restored taking each entity only when an update reaches its cluster, reports every change as a restore that took them all at once does, and as the merge it came from', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { rand, articles, merge, all } = mergedHistory(seed, 15, aliases);
      // As an archive gives them: the entities naming each passage (`entitiesAt`).
      const naming = new Map<string, Entity[]>();
      for (const entity of merge.entities())
        for (const { passageId } of entity.mentions) {
          const list = naming.get(passageId) ?? [];
          if (!list.includes(entity)) list.push(entity);
          naming.set(passageId, list);
        }
      const lazy = new EntityMerge(aliases);
      runSteps(
        lazy.restore(all, merge.entities(), factsOfEntity, undefined, (id) => naming.get(id) ?? []),
      );
      // Every cluster takes its entity right after the restore, as it was before.
      const eager = new EntityMerge(aliases);
      runSteps(eager.restore(all, merge.entities()));
      expect(byId(eager.entities())).toEqual(byId(merge.entities()));
      const report = (change: MergeChange, by: EntityMerge) => ({
        removed: byId(change.removed),
        added: byId(change.added),
        passages: [...change.passages].sort(),
        lists: [...change.passages].sort().map((id) => by.passageEntities(id)),
      });
      for (let step = 0; step < 8; step++) {
        const { gone, came } = randomChange(rand, articles, 100 + step);
        const goneIds = gone?.passages.map((p) => p.passageId) ?? [];
        const label = `seed ${seed} step ${step}`;
        const fromLazy = report(runSteps(lazy.apply(goneIds, came ? inputs(came) : [])), lazy);
        const fromEager = report(runSteps(eager.apply(goneIds, came ? inputs(came) : [])), eager);
        const fromMerge = report(runSteps(merge.apply(goneIds, came ? inputs(came) : [])), merge);
        expect(fromLazy, label).toEqual(fromEager);
        expect(fromLazy, label).toEqual(fromMerge);
      }
      expectFullMerge(lazy, articles, aliases, `seed ${seed}`);
    }
  });

  it('stays equal to a full merge when most names of a large cluster leave at once, and come back', () => {
    // Thirty articles naming one person by full and short name: removing 25 of them in one
    // update empties most of the key's and the cluster's lists at once.
    const article = (n: number): ArticleMentions => {
      const text = 'Kari Nordmann og Nordmann og statsministeren';
      return {
        id: `a${String(n).padStart(2, '0')}.md`,
        passages: [
          {
            passageId: `a${n}#0`,
            text,
            mentions: [
              {
                name: 'Kari Nordmann',
                surface: 'Kari Nordmann',
                start: 0,
                end: 13,
                kind: 'person',
              },
              { name: 'Nordmann', surface: 'Nordmann', start: 17, end: 25, kind: 'person' },
            ],
            references: [{ ...(REFERENCES[0] as BackReference), start: 29, end: 44 }],
          },
        ],
      };
    };
    const articles = new Map<string, ArticleMentions>();
    const merge = new EntityMerge(aliases);
    const first = Array.from({ length: 30 }, (_, n) => article(n));
    for (const a of first) articles.set(a.id, a);
    runSteps(merge.apply([], first.flatMap(inputs)));
    const leaving = first.slice(2, 27);
    for (const a of leaving) articles.delete(a.id);
    runSteps(
      merge.apply(
        leaving.flatMap((a) => a.passages.map((p) => p.passageId)),
        [],
      ),
    );
    expect(byId(merge.entities())).toEqual(byId(fullBuild(articles, aliases)));
    for (const a of leaving.slice(0, 10)) articles.set(a.id, a);
    runSteps(merge.apply([], leaving.slice(0, 10).flatMap(inputs)));
    const expected = fullBuild(articles, aliases);
    expect(byId(merge.entities())).toEqual(byId(expected));
    expect(expected.find((e) => e.name === 'Kari Nordmann')?.mentions).toHaveLength(30);
  });

  it('refuses to be restored with an entity too many or one missing, naming the one left over', () => {
    const rand = seededRandom(11);
    const articles = new Map(
      [randomArticle(rand, 'a1.md', 1), randomArticle(rand, 'a2.md', 1)].map((a) => [a.id, a]),
    );
    const all = [...articles.values()].flatMap(inputs);
    const entities = fullBuild(articles, aliases);
    const [dropped, ...rest] = entities;
    if (!dropped) throw new Error('the articles name no one');
    expect(() => runSteps(new EntityMerge(aliases).restore(all, rest))).toThrow(EntitiesDoNotFit);
    // An entity no cluster's first name starts: it is the one named.
    const stray: Entity = {
      ...dropped,
      id: 'stray',
      mentions: [{ passageId: 'a9.md#0', articleId: 'a9.md', surface: 'X', start: 0, end: 1 }],
    };
    const restore = () => runSteps(new EntityMerge(aliases).restore(all, [...entities, stray]));
    expect(restore).toThrow(EntitiesDoNotFit);
    expect(restore).toThrow(/stray/);
  });

  it('is restored from facts stored beside the entities as from the entities, and refuses facts that do not fit once it takes them', () => {
    const rand = seededRandom(5);
    const articles = new Map(
      [1, 2, 3].map((n) => randomArticle(rand, `a${n}.md`, 1)).map((a) => [a.id, a]),
    );
    const all = [...articles.keys()]
      .sort()
      .flatMap((a) => inputs(articles.get(a) as ArticleMentions));
    const entities = fullBuild(articles, aliases);
    // Facts as a snapshot gives them, read without the entities' mentions.
    const stored = new Map(entities.map((e) => [e, factsOfEntity(e)]));
    const restored = new EntityMerge(aliases);
    runSteps(restored.restore(all, entities, (e) => stored.get(e) as EntityFacts));
    expect(byId(restored.entities())).toEqual(byId(entities));
    const [some] = entities;
    if (!some) throw new Error('the articles name no one');
    const facts = stored.get(some) as EntityFacts;
    for (const wrong of [
      { ...facts, mentions: facts.mentions + 1 },
      { ...facts, lastStart: facts.lastStart + 1 },
      { ...facts, roles: facts.roles + 1 },
    ]) {
      const lying = (e: Entity) => (e === some ? wrong : (stored.get(e) as EntityFacts));
      // Found when the entity's cluster takes it: the first update that reaches it, or here
      // every cluster at once.
      const taking = new EntityMerge(aliases);
      runSteps(taking.restore(all, entities, lying));
      expect(() => [...taking.entities()]).toThrow(EntitiesDoNotFit);
    }
  });

  it('refuses to be restored with entities that another merge made', () => {
    const rand = seededRandom(7);
    const one = [randomArticle(rand, 'a1.md', 1), randomArticle(rand, 'a2.md', 1)];
    const other = [randomArticle(rand, 'a1.md', 2), randomArticle(rand, 'a2.md', 2)];
    const entities = fullBuild(new Map(other.map((a) => [a.id, a])), aliases);
    const restored = new EntityMerge(aliases);
    expect(() => runSteps(restored.restore(one.flatMap(inputs), entities))).toThrow(
      EntitiesDoNotFit,
    );
  });
});

describe("a passage's list of entities", () => {
  const entity = (id: string, name: string): Entity => ({
    id,
    name,
    kind: 'person',
    aliases: [],
    roles: [],
    mentions: [],
  });
  const kari = entity('kari-nordmann', 'Kari Nordmann');
  const ola = entity('ola-nordmann', 'Ola Nordmann');
  // Two entities with one name (a person and a place, say): one name, two ids.
  const berge = entity('berge', 'Berge');
  const bergePlace = entity('berge-sted', 'Berge');

  it('names each entity once, in the order the passage first names them, ties by id', () => {
    const lists = listEntities([
      { start: 40, entity: ola },
      { start: 0, entity: kari },
      { start: 12, entity: bergePlace },
      { start: 12, entity: berge },
      { start: 60, entity: kari },
    ]);
    expect(lists.ids).toEqual(['kari-nordmann', 'berge', 'berge-sted', 'ola-nordmann']);
    expect(lists.names).toEqual(['Kari Nordmann', 'Berge', 'Ola Nordmann']);
  });

  it('is empty for a passage that names no one', () => {
    expect(listEntities([])).toEqual({ ids: [], names: [] });
  });
});
