/**
 * An incremental reload against a full build of the same files, on random sequences of
 * added, changed and removed articles written here: people who share surnames and short
 * forms, roles that back references ("statsministeren", "ordføreren") point at, aliases,
 * dated events. After every step the updated archive must hold what a full merge of the
 * same passages gives (entities with their roles, short forms and passages, each passage's
 * entities and names, dated events, directory lookups and autocomplete) and answer
 * searches the same; at the end it must also answer as an archive built from scratch.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dayIndex } from '../../src/answers/days';
import type { Archive } from '../../src/archive/archive';
import { mentionMaps } from '../../src/archive/build';
import { MemoryBackend } from '../../src/backend/memory';
import { buildEntities, EntityDirectory, type PassageMentions } from '../../src/extract/entities';
import type { Entity } from '../../src/extract/types';
import { createLogger } from '../../src/logger';
import { seededRandom } from '../helpers/random';

const PEOPLE = [
  'Kari Nordmann',
  'Ola Nordmann',
  'Jonas Gahr Berge',
  'Per Olav Hansen',
  'Anne Hansen',
  'Jean-Paul Lie',
  'Jean Paul Lie',
  'Ingrid von Holt',
];
const SURNAMES = ['Nordmann', 'Berge', 'Gahr Berge', 'Hansen', 'Lie', 'von Holt'];
const PLACES = ['Lillevik', 'Fjellbygd', 'Nordvik', 'Bergen'];
const ROLES = ['statsminister', 'ordfører', 'finansminister', 'rådmann'];

function article(rand: () => number, version: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const day = 1 + Math.floor(rand() * 27);
  const paragraphs: string[] = [];
  const count = 2 + Math.floor(rand() * 4);
  for (let i = 0; i < count; i++) {
    const roll = rand();
    const person = pick(PEOPLE);
    const place = pick(PLACES);
    if (roll < 0.25)
      paragraphs.push(
        `${pick(ROLES).replace(/^./u, (c) => c.toUpperCase())} ${person} besøkte ${place} ${day}. mars 2023.`,
      );
    else if (roll < 0.4) paragraphs.push(`– Dette er viktig, sier ${pick(SURNAMES)} til avisen.`);
    else if (roll < 0.55)
      paragraphs.push(
        `${pick(['Statsministeren', 'Ordføreren', 'Rådmannen'])} sa i går at saken er avgjort.`,
      );
    else if (roll < 0.65)
      paragraphs.push(`Han sier at Arbeiderpartiet og Ap står sammen i ${place}.`);
    else if (roll < 0.75)
      paragraphs.push(`${person} (Ap) møter fylkesrådet fredag ${day + 1}. april 2023 i ${place}.`);
    else if (roll < 0.85) paragraphs.push(`Den islamske stat ble nevnt av ${person} i ${place}.`);
    else
      paragraphs.push(
        `Budsjettet for ${place} er på ${version} millioner kroner, opplyser ${person}.`,
      );
  }
  return `---\ntitle: Saken om ${pick(PLACES)} ${version}\ndate: 2023-03-${String(day).padStart(2, '0')}\nlanguage: nb\n---\n${paragraphs.join('\n\n')}\n`;
}

const ALIASES = '- Arbeiderpartiet = Ap\n- IS = Den islamske stat\n';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const sortedEntries = <V>(map: ReadonlyMap<string, V>) =>
  [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const byId = (entities: Iterable<Entity>) =>
  [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const QUERIES = [
  '',
  'n',
  'nord',
  'Nordmann',
  'hansen',
  'Lie',
  'jean',
  'berge',
  'gahr',
  'ap',
  'statsm',
  'ordfører',
  'nordman',
  'holt',
];

/** What the directory answers: lookups, close names, autocomplete, role holders, by id. */
function directoryAnswers(directory: EntityDirectory, entities: readonly Entity[]) {
  return {
    queries: QUERIES.map((q) => ({
      lookup: directory.lookup(q).matches.map((e) => e.id),
      suggestions: directory.lookup(q).suggestions.map((e) => e.id),
      suggest: directory.suggest(q, 25).map((e) => e.id),
      role: directory.byRole(q).map((e) => e.id),
    })),
    get: entities.map((e) => directory.get(e.id) === e),
  };
}

/** The archive-wide parts, as a full build makes them from the archive's cached names. */
async function fullMerge(archive: Archive) {
  const mentions =
    archive.basis.mentions instanceof Map
      ? archive.basis.mentions
      : new Map(archive.basis.mentions);
  const references =
    archive.basis.references instanceof Map
      ? archive.basis.references
      : new Map(archive.basis.references);
  const passages: PassageMentions[] = archive.articles.flatMap((a) =>
    a.passages.map((p) => ({
      passageId: p.id,
      articleId: a.id,
      text: p.text,
      language: p.language,
      mentions: mentions.get(p.id) ?? [],
      references: references.get(p.id) ?? [],
    })),
  );
  const entities = buildEntities(passages, archive.aliases);
  const maps = await mentionMaps(entities);
  return { entities, maps, directory: new EntityDirectory(entities) };
}

async function expectSameAsFullMerge(archive: Archive, label: string) {
  const full = await fullMerge(archive);
  expect(byId(archive.entities.all()), label).toEqual(byId(full.entities));
  expect(sortedEntries(archive.entitiesByPassage), label).toEqual(sortedEntries(full.maps.ids));
  expect(sortedEntries(archive.namesByPassage), label).toEqual(sortedEntries(full.maps.names));
  const live = byId(archive.entities.all());
  expect(directoryAnswers(archive.entities, live), label).toEqual(
    directoryAnswers(
      full.directory,
      byId(full.entities).map((e) => full.directory.get(e.id) ?? e),
    ),
  );
  expect(archive.passageById.size, label).toBe(
    archive.articles.reduce((n, a) => n + a.passages.length, 0),
  );
  for (const a of archive.articles) {
    expect(archive.articleById.get(a.id), label).toBe(a);
    for (const p of a.passages) expect(archive.passageById.get(p.id), label).toBe(p);
  }
}

/** Answers from the archive as data: searches, dated events, days. */
function archiveAnswers(archive: Archive) {
  return {
    // Which passages a search finds; not their order, which BM25 statistics of
    // discarded documents shift until MiniSearch vacuums.
    search: ['Nordmann', 'budsjettet Lillevik', 'fylkesrådet', 'statsministeren'].map((q) =>
      archive.index
        .search(q, { limit: 500 })
        .map((h) => h.passageId)
        .sort(),
    ),
    dated: sortedEntries(archive.timeMentions),
    days: dayIndex(archive).nearest('2023-03-01', '2023-04-30', 40),
    entities: byId(archive.entities.all()),
    ids: sortedEntries(archive.entitiesByPassage),
  };
}

describe('an incremental reload after random adds, changes and removals', () => {
  it('holds what a full build of the same files holds', { timeout: 240_000 }, async () => {
    for (const seed of [1, 2, 3]) {
      const rand = seededRandom(seed);
      const root = await mkdtemp(join(tmpdir(), 'kilde-incremental-random-'));
      cleanups.push(() => rm(root, { recursive: true, force: true }));
      const dir = join(root, 'knowledge');
      await mkdir(dir);
      await writeFile(join(dir, 'aliases.yml'), ALIASES);
      const files = new Set<string>();
      for (let i = 0; i < 4; i++) {
        await writeFile(join(dir, `a${i}.md`), article(rand, i));
        files.add(`a${i}.md`);
      }
      const open = (cache: string) =>
        new MemoryBackend({
          knowledgeDir: dir,
          cacheDir: join(root, cache),
          logger: createLogger('silent'),
        });
      const live = open('cache-live');
      await live.reload();
      for (let step = 0; step < 10; step++) {
        const changes = 1 + Math.floor(rand() * 2);
        for (let c = 0; c < changes; c++) {
          const name = `a${Math.floor(rand() * 8)}.md`;
          if (files.has(name) && rand() < 0.35 && files.size > 1) {
            await rm(join(dir, name));
            files.delete(name);
          } else {
            await writeFile(join(dir, name), article(rand, 100 * seed + 10 * step + c));
            files.add(name);
          }
        }
        const outcome = await live.store.reload();
        expect(outcome.incremental, `seed ${seed} step ${step}`).toBe(true);
        await expectSameAsFullMerge(outcome.archive, `seed ${seed} step ${step}`);
      }
      const fresh = open(`cache-full-${seed}`);
      const built = await fresh.store.reload();
      expect(built.incremental).toBe(false);
      const archive = live.store.current as Archive;
      // MiniSearch keeps a discarded document's term statistics until it vacuums, which
      // shifts which passages pass the coverage floor: a limit of the index's own update,
      // not of the merge (see the report on issue 7). Vacuumed, the two must agree.
      await (archive.index as unknown as { mini: { vacuum(): Promise<void> } }).mini.vacuum();
      expect(archiveAnswers(archive)).toEqual(archiveAnswers(built.archive));
      await live.close();
      await fresh.close();
    }
  });
});
