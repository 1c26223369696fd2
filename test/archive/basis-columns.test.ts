import { afterAll, describe, expect, it } from 'vitest';
import { encodeBasisColumns, readBasisColumns } from '../../src/archive/basis-columns';
import { analyse } from '../../src/archive/build';
import { ArchiveLexicon, type BackReference } from '../../src/extract/entities';
import type { EntityMention } from '../../src/extract/types';
import { loadKnowledge } from '../../src/knowledge/load';
import { generatedArticles } from '../helpers/generated';
import { tempKnowledge } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function analysed(articles: number) {
  const kb = await tempKnowledge(generatedArticles(articles));
  cleanups.push(() => kb.cleanup());
  return (await analyse(await loadKnowledge(kb.dir))).analysis;
}

/** A basis written by hand: roles present and absent, a name read as each kind, odd text. */
const mentions: [string, EntityMention[]][] = [
  [
    'a#0',
    [
      { name: 'Jonas Gahr Støre', surface: 'Jonas Gahr Støres', start: 0, end: 17, kind: 'person' },
      {
        name: 'Støre',
        surface: 'Støre',
        start: 40,
        end: 45,
        kind: 'person',
        role: 'statsminister',
        roleText: 'statsministeren',
      },
      { name: 'NRK', surface: 'NRK', start: 60, end: 63, kind: 'organisation', role: '' },
    ],
  ],
  ['a#1', []],
  ['b#3', [{ name: 'Genève 😀', surface: 'Genève 😀', start: 5, end: 13, kind: 'place' }]],
  ['c#0', [{ name: 'X', surface: 'X', start: 0, end: 1, kind: 'other' }]],
];
const references: [string, BackReference[]][] = [
  [
    'a#1',
    [
      {
        role: 'statsminister',
        roleText: 'statsministeren',
        head: 'statsminister',
        specific: true,
        start: 0,
        end: 15,
      },
      { role: 'sjef', roleText: 'sjefen', head: 'sjef', specific: false, start: 30, end: 36 },
    ],
  ],
];
const lexicon = {
  lower: [
    ['mann', 3],
    ['dag', 1],
  ] as [string, number][],
  capital: [['Oslo', 2]] as [string, number][],
  names: [] as [string, number][],
  persons: ['Kari'],
  things: ['Kon-Tiki'],
};

describe('the basis as columns', () => {
  it('reads back what was written: every name, reference and lexicon word, in order', async () => {
    const bytes = await encodeBasisColumns({ mentions, references, lexicon });
    const basis = await readBasisColumns(bytes);
    // The map's order is the order written: the MRGE section's keys follow it.
    expect([...basis.mentions]).toStrictEqual(mentions);
    expect([...basis.references]).toStrictEqual(references);
    expect(basis.lexicon.toJSON()).toEqual(ArchiveLexicon.fromJSON(lexicon).toJSON());
  });

  it("round-trips an analysis's basis over many blocks", async () => {
    const analysis = await analysed(60);
    // Many passages and words: more than one block of each.
    const mentionsOf = [...analysis.mentions];
    const many = Array.from({ length: 5 }, (_, copy) =>
      mentionsOf.map(([id, names]): [string, EntityMention[]] => [`${copy}-${id}`, names]),
    ).flat();
    expect(many.length).toBeGreaterThan(1024);
    const bytes = await encodeBasisColumns({ ...analysis, mentions: many });
    const basis = await readBasisColumns(bytes);
    expect(basis.mentions).toEqual(new Map(many));
    expect(basis.references).toEqual(new Map(analysis.references));
    expect(basis.lexicon.toJSON()).toEqual(ArchiveLexicon.fromJSON(analysis.lexicon).toJSON());
  });

  it('is written again from what it read as the same bytes (a restart writes what a build wrote)', async () => {
    const analysis = await analysed(20);
    const bytes = await encodeBasisColumns(analysis);
    const basis = await readBasisColumns(bytes);
    const { lexicon: live } = basis;
    const again = await encodeBasisColumns({
      mentions: basis.mentions,
      references: basis.references,
      // As an update's snapshot gives it: the live lexicon's maps and sets.
      lexicon: {
        lower: live.lowerCounts,
        capital: live.capitalCounts,
        names: live.nameCounts,
        persons: live.personWords,
        things: live.thingNames,
      },
    });
    expect(again.equals(bytes)).toBe(true);
  });

  it('refuses bytes cut short, with bytes after the end, or damaged', async () => {
    const bytes = await encodeBasisColumns({ mentions, references, lexicon });
    await expect(readBasisColumns(bytes.subarray(0, bytes.length - 1))).rejects.toThrow();
    await expect(readBasisColumns(bytes.subarray(0, bytes.length >> 1))).rejects.toThrow();
    await expect(readBasisColumns(Buffer.concat([bytes, Buffer.from([0])]))).rejects.toThrow(
      /incomplete/,
    );
    // Each byte in turn set to its largest value: read, or refused with an error, never a
    // hang or anything thrown but an Error (the snapshot's checksum catches the rest).
    for (let at = 0; at < bytes.length; at++) {
      const damaged = Buffer.from(bytes);
      damaged[at] = 0xff;
      const outcome = await readBasisColumns(damaged).then(
        () => 'read',
        (error: unknown) => (error instanceof Error ? 'refused' : 'thrown something else'),
      );
      expect(outcome).not.toBe('thrown something else');
    }
  });
});
