/**
 * What `/hvem` offers while a name is typed, and after a miss, on directories large enough
 * that a lookup must not read whole ranges: the best-ranked names first under a prefix
 * thousands of names share, a slipped beginning still finding its name, close names for a
 * miss within a bounded number of edits, and nothing for a string near no name.
 */
import { describe, expect, it } from 'vitest';
import { EntityDirectory } from '../../src/extract/entities';
import type { Entity } from '../../src/extract/types';

/** A person mentioned in `passages` passages. */
function person(id: string, name: string, passages: number, aliases: string[] = []): Entity {
  return {
    id,
    name,
    kind: 'person',
    aliases,
    roles: [],
    mentions: Array.from({ length: passages }, (_, p) => ({
      passageId: `${id}-p${p}`,
      articleId: `${id}-a${p}`,
      surface: name,
      start: 0,
      end: name.length,
    })),
  };
}

// Syllables for made-up surnames: thousands of distinct names, many sharing a beginning.
const SYLLABLES = ['ha', 'ber', 'sol', 'vik', 'nes', 'rud', 'dal', 'mo', 'lie', 'strand'];

/** 3,000 people all called Hans, each with a made-up surname and 1-3,000 mentions. */
function crowd(): Entity[] {
  return Array.from({ length: 3000 }, (_, i) => {
    const surname = [i % 10, Math.floor(i / 10) % 10, Math.floor(i / 100) % 10, i % 7]
      .map((s) => SYLLABLES[s])
      .join('');
    // Mentions from the index, scrambled, so that the best are spread over the alphabet.
    const mentions = 1 + ((i * 7919) % 3000);
    return person(`h${i}`, `Hans ${surname[0]?.toUpperCase()}${surname.slice(1)}`, mentions);
  });
}

const names = (entities: readonly Entity[]) => entities.map((e) => e.name);

describe('a prefix thousands of names share', () => {
  const entities = crowd();
  const directory = new EntityDirectory(entities);
  const byMentions = [...entities].sort((a, b) => b.mentions.length - a.mentions.length);

  it('offers the most mentioned names first, in order', () => {
    for (const typed of ['h', 'ha', 'hans', 'Hans ']) {
      expect(names(directory.suggest(typed, 25)), typed).toEqual(names(byMentions.slice(0, 25)));
    }
  });

  it('offers the most mentioned of those starting with a longer beginning', () => {
    const typed = 'hans haber';
    const starting = byMentions.filter((e) => e.name.toLowerCase().startsWith(typed));
    expect(starting.length).toBeGreaterThan(25);
    expect(names(directory.suggest(typed, 25))).toEqual(names(starting.slice(0, 25)));
  });

  it('offers the next best once the best are gone from an updated directory', async () => {
    const pace = { due: () => false, breathe: async () => {} };
    const updated = await directory.with(byMentions.slice(0, 3), [], pace);
    expect(names(updated.suggest('h', 25))).toEqual(names(byMentions.slice(3, 28)));
    // The directory it was made from answers as before.
    expect(names(directory.suggest('h', 25))).toEqual(names(byMentions.slice(0, 25)));
  });
});

describe('a beginning with a slip', () => {
  const directory = new EntityDirectory([
    ...crowd(),
    person('huitfeldt', 'Anniken Huitfeldt', 40),
    person('store', 'Jonas Gahr Støre', 90),
  ]);

  it('still finds the name a swap of two letters hides', () => {
    expect(names(directory.suggest('hiutf', 25))).toContain('Anniken Huitfeldt');
    expect(names(directory.suggest('anniken hiut', 25))).toContain('Anniken Huitfeldt');
  });

  it('still finds the name a wrong or missing letter hides', () => {
    expect(names(directory.suggest('huotfeld', 25))).toContain('Anniken Huitfeldt');
    expect(names(directory.suggest('gar stør', 25))).toContain('Jonas Gahr Støre');
  });

  it('offers names that start with what was typed before those that nearly do', () => {
    const offered = names(directory.suggest('store', 25));
    expect(offered[0]).toBe('Jonas Gahr Støre');
  });
});

describe('close names for a miss', () => {
  const hans = crowd();
  const directory = new EntityDirectory([
    ...hans,
    person('huitfeldt', 'Anniken Huitfeldt', 40),
    person('hutfeldt', 'Anne Hutfeldt', 2),
    person('merkel', 'Angela Merkel', 300),
    person('merkle', 'Angela Merkle', 3),
    person('long', 'Jean-Claude Juncker-Fontainebleau', 5),
  ]);

  it('suggests the close name for a miss', () => {
    expect(directory.lookup('Anniken Huitfeltd').matches).toEqual([]);
    expect(names(directory.lookup('Anniken Huitfeltd').suggestions)[0]).toBe('Anniken Huitfeldt');
    // Within two edits (seven letters): "merkel" one away, "merkle" two.
    expect(names(directory.closeNames('merkell', 5))).toEqual(['Angela Merkel', 'Angela Merkle']);
  });

  it('puts the nearest first, and of names as near, the more mentioned', () => {
    // One edit from "hutfeldt", two from "huitfeldt": the nearer wins though less mentioned.
    expect(names(directory.closeNames('hutfeld', 5))).toEqual([
      'Anne Hutfeldt',
      'Anniken Huitfeldt',
    ]);
    // One edit from both.
    expect(names(directory.closeNames('merkl', 5))).toEqual(['Angela Merkel', 'Angela Merkle']);
  });

  it('finds a long name through slips anywhere in it, up to the bound', () => {
    // Three edits apart, at its start, middle and end.
    expect(names(directory.closeNames('Jean-Calude Junker-Fontainebleu', 5))).toContain(
      'Jean-Claude Juncker-Fontainebleau',
    );
    // Four are too many.
    expect(names(directory.closeNames('Jean-Calude Junker-Fontaineblxu', 5))).not.toContain(
      'Jean-Claude Juncker-Fontainebleau',
    );
  });

  it('offers at most the number asked for, the most mentioned of thousands as near', () => {
    // "hanz" is one edit from the word every one of the 3,000 shares.
    const byMentions = [...hans].sort((a, b) => b.mentions.length - a.mentions.length);
    expect(names(directory.closeNames('hanz', 3))).toEqual(names(byMentions.slice(0, 3)));
    expect(directory.closeNames('merkell', 0)).toEqual([]);
  });

  it('suggests nothing for a string near no name', () => {
    expect(directory.lookup('Qwxyzzy Plork').suggestions).toEqual([]);
    expect(directory.closeNames('zzqx', 5)).toEqual([]);
    expect(directory.suggest('qwxz', 25)).toEqual([]);
  });
});

describe('the holders of a role', () => {
  const mayor = (id: string, passages: number): Entity => ({
    ...person(id, `Ordfører ${id}`, passages),
    roles: [{ role: 'ordfører', roleText: 'ordfører', passageId: `${id}-p0`, articleId: 'a' }],
  });
  const directory = new EntityDirectory([mayor('b', 2), mayor('a', 9), ...crowd().slice(0, 50)]);

  it('are the same when asked again, whatever the caller did with the first answer', () => {
    const first = directory.byRole('Ordfører');
    expect(first.map((e) => e.id)).toEqual(['a', 'b']);
    first.reverse();
    first.pop();
    expect(directory.byRole('den ordfører').map((e) => e.id)).toEqual(['a', 'b']);
    expect(directory.byRole('havnesjef')).toEqual([]);
  });
});

describe('a name written with full stops or commas', () => {
  const directory = new EntityDirectory([
    person('k', 'Todd A. Kessler', 4),
    person('r', 'Anna R.E. Dahl', 2),
    person('o', 'Ola Nordmann', 9),
  ]);

  it('is found by the name autocomplete offers, and as people type it without them', () => {
    for (const typed of ['Todd A. Kessler', 'todd a kessler', 'Todd A Kessler?', 'Kessler']) {
      expect(names(directory.lookup(typed).matches), typed).toEqual(['Todd A. Kessler']);
    }
    // What autocomplete offers is the value /hvem then looks up.
    for (const offered of directory.suggest('anna r', 25)) {
      expect(names(directory.lookup(offered.name).matches)).toEqual([offered.name]);
    }
    expect(names(directory.lookup('anna r e dahl').matches)).toEqual(['Anna R.E. Dahl']);
  });
});
