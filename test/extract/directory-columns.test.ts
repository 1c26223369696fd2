import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Slicer } from '../../src/archive/pace';
import { encodeAnalysisText } from '../../src/archive/snapshot-body';
import { KnowledgeStore } from '../../src/archive/store';
import { EntityDirectory } from '../../src/extract/entities';
import { directoryColumns } from '../../src/extract/entities/directory-columns';
import { runSteps } from '../../src/extract/entities/ranked-keys';
import type { Entity } from '../../src/extract/types';
import { createLogger } from '../../src/logger';
import { tempFolder } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Articles with short names, roles, names several people share, particles and ø/æ. */
const articles: Record<string, string> = {
  'kommune.md': `---
title: Ny ordfører i Tindvik
date: 2024-02-01
language: nb
---
Ordfører Kari Nordmann (Ap) gikk av torsdag, og Ola Nordmann tar over som ordfører i Tindvik.

– Vi har mye å gjøre, sier Nordmann til avisen.

Rådmann Bo Li og statsminister Jonas Gahr Støre var til stede. Statsministeren takket Kari Nordmann.
`,
  'utenriks.md': `---
title: Samtaler i Genève
date: 2024-02-03
language: nb
---
Den syriske presidenten Omar al-Haddad møtte FN-utsending Anna van der Berg i Genève.

– Samtalene var nyttige, sa al-Haddad etter møtet. Van der Berg ville ikke kommentere.

Også utenriksminister Ærling Øye og Ida Li deltok. Li er ny i rollen.
`,
  'sport.md': `---
title: Li vant igjen
date: 2024-02-05
language: nb
---
Ida Li vant sprinten foran Bo Li og Ola Nordmann. Trener Anniken Scheie Huitfeldt var fornøyd.

– Ida Li er i toppform, sa Huitfeldt.
`,
};

async function builtEntities(): Promise<Entity[]> {
  const kb = await tempFolder(articles, 'kilde-directory-columns-');
  cleanups.push(kb.cleanup);
  const store = new KnowledgeStore(kb.dir, join(kb.root, 'cache'), createLogger('silent'));
  const { archive } = await store.reload();
  return [...archive.entities.all()];
}

const analysisOf = (entities: readonly Entity[]) => ({
  entities,
  timeMentions: [],
  mentions: [],
  lexicon: { lower: [], capital: [], names: [], persons: [] },
  references: [],
});

/** Made by hand: equal counts and names (the id decides), keys equal after their first letter. */
function tiedEntities(): Entity[] {
  const person = (id: string, name: string, passages: number, roles: string[] = []): Entity => ({
    id,
    name,
    kind: 'person',
    aliases: id === 'e3' ? ['Lise'] : [],
    roles: roles.map((role) => ({
      role,
      roleText: `den ${role}`,
      passageId: 'p0',
      articleId: 'a',
    })),
    mentions: Array.from({ length: passages }, (_, i) => ({
      passageId: `p${i % 3}`,
      articleId: 'a',
      surface: name,
      start: 0,
      end: name.length,
    })),
  });
  return [
    person('e2', 'Ali Ås', 2, ['leder']),
    person('e1', 'Ali Ås', 2, ['leder']),
    person('e3', 'Bli Øs', 2),
    person('e4', 'Cli Ås', 5, ['nestleder']),
    person('e0', 'Li', 1),
  ];
}

describe("the directory's columns worked out without a directory", () => {
  it('are the columns of a whole directory of the same entities, in any order given', async () => {
    const entities = await builtEntities();
    expect(entities.length).toBeGreaterThan(8);
    // A name several people share is in the archive: the short form lists them all.
    expect(new EntityDirectory(entities).lookup('Nordmann').matches.length).toBeGreaterThan(1);
    for (const given of [entities, [...entities].reverse(), tiedEntities()]) {
      const whole = new EntityDirectory(given).columns(given);
      expect(runSteps(directoryColumns(given))).toEqual(whole);
    }
  });

  it('encode to the same DIRC bytes as a whole directory, in one go and in slices', async () => {
    for (const entities of [await builtEntities(), tiedEntities()]) {
      const analysis = analysisOf(entities);
      // The reference: the section as it was written from a whole directory.
      const reference = Buffer.concat(
        await encodeAnalysisText(analysis, undefined, new EntityDirectory(entities)),
      );
      const oneGo = Buffer.concat(await encodeAnalysisText(analysis));
      const sliced = Buffer.concat(await encodeAnalysisText(analysis, new Slicer(0)));
      expect(oneGo.equals(reference)).toBe(true);
      expect(sliced.equals(reference)).toBe(true);
    }
  });

  it('carry both sort orders of the lookup keys, so that a restart sorts nothing again', () => {
    const columns = runSteps(directoryColumns(tiedEntities()));
    for (const keyed of [columns.names, columns.roles]) {
      const count = keyed.keys.length;
      expect(count).toBeGreaterThan(0);
      expect([...(keyed.orders?.backward ?? [])].sort((a, b) => a - b)).toEqual(
        Array.from({ length: count }, (_, i) => i),
      );
      expect(keyed.orders?.afterFirst.length).toBe(count);
    }
  });
});
