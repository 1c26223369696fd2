/**
 * What kind of thing a name is: every rule of the kind table and of the no-name table read
 * through the whole name reader on its own example, then the cases that made people of
 * things (issue 8), on articles written here: sport, business, culture, courts; Bokmål,
 * Nynorsk and English.
 */
import { describe, expect, it } from 'vitest';
import { KIND_RULES, NO_NAME_RULES } from '../../src/extract/entities/kinds';
import { sameOfficeKey } from '../../src/extract/entities/merge';
import type { Language } from '../../src/knowledge/types';
import { archiveRoles, readNames as read } from '../helpers/extract';

const kindOf = (text: string, name: string, language: Language = 'nb') =>
  read(text, language).find((m) => m.name === name)?.kind;
const names = (text: string, language: Language = 'nb') => read(text, language).map((m) => m.name);
const persons = (text: string, language: Language = 'nb') =>
  read(text, language)
    .filter((m) => m.kind === 'person')
    .map((m) => m.name);

describe('the kind table', () => {
  it.each(KIND_RULES.map((rule) => [rule.name, rule.example] as const))(
    '%s reads its own example',
    (_name, example) => {
      expect(kindOf(example.text, example.name, example.language)).toBe(example.kind);
    },
  );

  it('has one rule per name', () => {
    expect(new Set(KIND_RULES.map((r) => r.name)).size).toBe(KIND_RULES.length);
  });
});

describe('the no-name table', () => {
  it.each(NO_NAME_RULES.map((rule) => [rule.name, rule.example] as const))(
    '%s drops its own example',
    (_name, example) => {
      expect(names(example.text, example.language)).not.toContain(example.word);
    },
  );
});

describe('things named after people are not people', () => {
  it('an oil field written as a compound, and the same name later without it', () => {
    const text =
      'Vestsokkel vil bygge ut Ragnhild Tveit-feltet i Nordsjøen. Produksjonen på Ragnhild Tveit starter i 2027.';
    expect(persons(text)).toEqual([]);
    expect(names(text)).toContain('Ragnhild Tveit');
    expect(kindOf('Gassen fra Harald Lund-plattformen går til Kårstø.', 'Harald Lund')).toBe(
      'other',
    );
  });

  it('a painting, a novel or a film after the noun that names it, with or without quotes', () => {
    expect(kindOf('Galleriet kjøpte maleriet Astrid ved fjorden for 40 millioner.', 'Astrid')).toBe(
      'other',
    );
    expect(persons('Hun leste romanen «Johanne» i ett strekk.')).toEqual([]);
    expect(persons('The gallery sold the painting Margaret at auction.', 'en')).toEqual([]);
    // The painter is still a person.
    expect(kindOf('Maleriet «Vinternatt» av Kari Lunde ble solgt.', 'Kari Lunde')).toBe('person');
  });

  it('a competition inside a compound is an event, not a place or a person', () => {
    expect(kindOf('Hun tok to gull i Lahti-VM.', 'Lahti-VM')).toBe('other');
    expect(kindOf('Han vant Holmenkollen-rennet i fjor.', 'Holmenkollen-rennet')).not.toBe(
      'person',
    );
  });
});

describe('clubs, leagues and sports bodies are organisations', () => {
  it('leagues are bodies, never places or people', () => {
    expect(kindOf('Laget rykket opp til Toppserien.', 'Toppserien')).toBe('organisation');
    expect(kindOf('Han spilte i Champions League i fjor.', 'Champions League')).toBe(
      'organisation',
    );
    expect(kindOf('Premier League er verdens rikeste liga.', 'Premier League')).toBe(
      'organisation',
    );
    expect(read('The Premier League fined the club.', 'en')).toContainEqual({
      name: 'Premier League',
      kind: 'organisation',
      role: undefined,
    });
  });

  it('a club named like a first name ("Odd") alone as a side of a result', () => {
    expect(kindOf('Odd slo Strandvik 2-1 i serien søndag.', 'Odd')).toBe('organisation');
    expect(kindOf('Strandvik tapte 1-2 mot Odd.', 'Odd')).toBe('organisation');
    expect(kindOf('Odd vann 3-0 borte mot Fjordby FK.', 'Odd')).toBe('organisation');
    expect(persons('Odd slo Strandvik 2-1 i serien søndag.')).toEqual([]);
    // A person with that first name stays one; two lone first names are two players.
    expect(kindOf('Odd Fjeld slo an tonen i kveld.', 'Odd Fjeld')).toBe('person');
    expect(kindOf('Magnus slo Jonas 1-0 i første parti.', 'Magnus')).toBe('person');
  });

  it("a club named like a first name where a player's clubs are listed", () => {
    expect(kindOf('Han har spilt for Aalesund og Odd.', 'Odd')).toBe('organisation');
    expect(kindOf('Han ble hentet fra Odd i fjor.', 'Odd')).toBe('organisation');
    expect(kindOf('Hun har spilt for Brann, Molde og Lyn.', 'Lyn')).toBe('organisation');
    // The same passage naming an Odd with a surname keeps the lone "Odd" a person.
    expect(kindOf('Han har spilt for Aalesund og Odd. Odd Fjeld så på.', 'Odd')).toBe('person');
  });

  it('a club with its suffix, or listed after another club', () => {
    expect(kindOf('Fjordby FK tapte igjen.', 'Fjordby FK')).toBe('organisation');
    expect(kindOf('Han har spilt for Glasgow Rangers og Strandvik.', 'Strandvik')).toBe(
      'organisation',
    );
  });

  it('"hentet til Molde av Fornavn Etternavn" is a club and the person who signed him', () => {
    const found = read('Spissen ble hentet til Strandvik av Kjetil Aasen i 2019.');
    expect(found).toContainEqual({ name: 'Strandvik', kind: 'organisation', role: undefined });
    expect(found.find((m) => m.name === 'Kjetil Aasen')?.kind).toBe('person');
    // A territory after "av" still belongs to the title's holder.
    expect(names('Prins Albert av Monaco kom også.')).toContain('Albert av Monaco');
  });

  it('English sports bodies and organisation names are never split into people', () => {
    const text =
      'Human Rights Watch and the Norwegian Institute of Public Health criticised the Football Federation.';
    expect(persons(text, 'en')).toEqual([]);
    expect(names(text, 'en')).toContain('Norwegian Institute of Public Health');
  });
});

describe('capitals that are not names', () => {
  it('a common English word opening a sentence', () => {
    const text = 'Energy prices rose on Monday. Shipping rates fell. Media reports said so.';
    expect(names(text, 'en')).toEqual([]);
  });

  it('the first word of a quote that opens a paragraph', () => {
    expect(persons('«Strålende Innsats av hele laget», sier treneren.')).toEqual([]);
    expect(persons('"Brutal Truth is what we need," the judge said.', 'en')).toEqual([]);
    // A name that opens a quote is still a name when a signal says so.
    expect(persons('«Kari Lunde er vår beste spiller», sier treneren.')).toEqual(['Kari Lunde']);
  });

  it('a name opened by an ordinary word the archive writes in lower case is no person', () => {
    const text = 'Ifølge Dagens Fiskeri vil banken kutte. Men dagens styre er delt.';
    expect(kindOf(text, 'Dagens Fiskeri')).not.toBe('person');
    // A first name that is also a word ("per", "liv") still opens a person's name.
    expect(kindOf('Per Olsen er leder. Det koster ti kroner per dag.', 'Per Olsen')).toBe('person');
  });

  it('"analysts at <firm>": where several hold a job is a body', () => {
    expect(
      kindOf('Analysts at Fjell Securities said the price was fair.', 'Fjell Securities', 'en'),
    ).toBe('organisation');
  });

  it('a Norwegian company opened by a national adjective is a body', () => {
    expect(kindOf('Aksjen til Norske Fjordbruk steg ti prosent.', 'Norske Fjordbruk')).toBe(
      'organisation',
    );
  });
});

describe('roles the reader used to miss', () => {
  it('sport positions before the name', () => {
    expect(read('Spissen Tor Aasen scoret to mål.')).toContainEqual({
      name: 'Tor Aasen',
      kind: 'person',
      role: 'spiss',
    });
    expect(read('Målvakten Siri Dahl reddet straffen.')[0]?.role).toBe('målvakt');
    expect(read('Midtbanespilleren Ola Fjell var best.')[0]?.role).toBe('midtbanespiller');
    expect(read('Striker Tom Hale scored twice.', 'en')[0]?.role).toBe('striker');
  });

  it('English roles keep the words that say where they are held', () => {
    expect(read('Museum director Anne Larsen said the painting was stolen.', 'en')).toEqual([
      { name: 'Anne Larsen', kind: 'person', role: 'Museum director' },
    ]);
    expect(read('Police chief Tom Berg and company spokesman Jon Lie declined.', 'en')).toEqual([
      { name: 'Tom Berg', kind: 'person', role: 'Police chief' },
      { name: 'Jon Lie', kind: 'person', role: 'company spokesman' },
    ]);
  });

  it('Nynorsk "Ordføraren i <kommune> <namn>", and "ordføraren" later in the article', () => {
    const entities = archiveRoles({
      a: [
        'Ordføraren i Fjellvik Ingrid Haugen seier at skulen kjem.',
        'Ordføraren var nøgd med vedtaket.',
      ],
    });
    expect(entities.find((e) => e.name === 'Ingrid Haugen')?.roles).toEqual([
      'ordførar i Fjellvik@a#0',
      'ordførar@a#1',
    ]);
  });

  it('a Nynorsk back reference finds the person a Bokmål article named in that office', () => {
    const entities = archiveRoles({
      a: ['Det sier ordfører Per Vik (Sp) til avisen.', 'Ordføraren vart ståande åleine.'],
    });
    expect(entities.find((e) => e.name === 'Per Vik')?.roles).toContain('ordførar@a#1');
  });

  it('Nynorsk players: "Odd-spelaren", "spelaren", "spelar for/i <klubb>"', () => {
    expect(read('Odd-spelaren Ola Nordmann scora to mål.', 'nn')).toContainEqual({
      name: 'Ola Nordmann',
      kind: 'person',
      role: 'Odd-spelar',
    });
    expect(read('Spelaren Kari Vik var best på banen.', 'nn')[0]?.role).toBe('spelar');
    expect(read('Kari Vik er spelar for Strandvik.', 'nn')[0]?.role).toBe('spelar for Strandvik');
    const inClub = read('Kari Vik, spelar i Strandvik, scora to gonger.', 'nn');
    expect(inClub).toContainEqual({
      name: 'Kari Vik',
      kind: 'person',
      role: 'spelar i Strandvik',
    });
    expect(inClub.find((m) => m.name === 'Strandvik')?.kind).toBe('organisation');
    // "spelar" is also the verb: a play is no player's club.
    expect(
      read('Han spelar Hamlet på teateret.', 'nn').find((m) => m.name === 'Hamlet')?.role,
    ).toBe(undefined);
  });

  it('a bare coach is not the coach named with a club', () => {
    const entities = archiveRoles({
      a: ['Det sier trener i Strandvik Ola Moe.', 'Treneren i det andre laget var sur.'],
    });
    expect(entities.find((e) => e.name === 'Ola Moe')?.roles ?? []).not.toContain('trener@a#1');
  });
});

describe('venues, trades, bands and the sides of a game are not people', () => {
  it('a name ending in a venue, a stage or a hotel word is a place, after a first name a person', () => {
    expect(kindOf('Kampen går på Nordvik Arena søndag.', 'Nordvik Arena')).toBe('place');
    expect(
      kindOf('Stykket hadde premiere på Den Vestlandske Scene.', 'Den Vestlandske Scene'),
    ).toBe('place');
    expect(kindOf('Gjestene bodde på Brakstad Hotell i tre netter.', 'Brakstad Hotell')).toBe(
      'place',
    );
    expect(kindOf('Festen var på Sjøstrand Kulturhus.', 'Sjøstrand Kulturhus')).toBe('place');
    expect(kindOf('Lisa Park vant finalen.', 'Lisa Park')).toBe('person');
    expect(kindOf('Det sier Anna Hall til avisen.', 'Anna Hall')).toBe('person');
  });

  it('a trade word ending a name makes it a company', () => {
    expect(persons('Laksen kjøpes av Havbris Sjømat i Florø.')).toEqual([]);
    expect(kindOf('Oppdraget gikk til Strandberg Bygg.', 'Strandberg Bygg')).toBe('organisation');
    expect(kindOf('Lønna i Vikane Verft er for låg.', 'Vikane Verft', 'nn')).toBe('organisation');
  });

  it('an opening "Bandet", "Klubben" or "Selskapet" says what the name after it is', () => {
    expect(read('Bandet Skodde spelte i Bergen i går.', 'nn')).toContainEqual({
      name: 'Skodde',
      kind: 'organisation',
      role: undefined,
    });
    expect(kindOf('Klubben Fjellhaug har fått ny trener.', 'Fjellhaug')).toBe('organisation');
    expect(persons('Selskapet Havbris Sjømat har fått nye eigarar.', 'nn')).toEqual([]);
    // Not a body's word: the opening is kept or dropped as before, the person stays one.
    expect(persons('Dramatikeren Tale Vik skrev stykket.')).toEqual(['Tale Vik']);
  });

  it('two plain words before a score or after a game noun are the two sides', () => {
    expect(persons('Fjellhaug Rosvik 2-1 (1-0)')).toEqual([]);
    expect(names('Det ble 2–1 i kampen Fjellhaug Rosvik.')).toEqual(['Fjellhaug', 'Rosvik']);
    expect(names('Han scoret i seriekampen Fjellhaug Rosvik søndag.')).toEqual([
      'Fjellhaug',
      'Rosvik',
    ]);
    // A person before a score keeps the whole name: a first name, or one the archive knows.
    expect(persons('Kari Lund 6-3 i første sett.')).toEqual(['Kari Lund']);
    expect(persons('Trener Casper Lund var fornøyd. Casper Lund 6-3 i første sett.')).toEqual([
      'Casper Lund',
      'Casper Lund',
    ]);
  });
});

describe('who speaks', () => {
  it('the name after "i" before a verb of saying is where the speaker is, not the speaker', () => {
    expect(kindOf('Kommunestyret i Nordvik sa nei til brua.', 'Nordvik', 'nn')).toBe('place');
    expect(persons('Styret i Havbris sier at planen står.')).toEqual([]);
    expect(persons('Per Hansen i Sparebank Vest sier at renta stiger.')).toEqual(['Per Hansen']);
    expect(persons('Etter møtet sa Aasvik at saka er avgjort.', 'nn')).toEqual(['Aasvik']);
  });
});

describe('Nynorsk roles', () => {
  it('"Analytikar", "eigar", "politikar" before a name are roles, in their Bokmål office too', () => {
    expect(read('Analytikar Kari Moe i Nordbank meiner renta vil stige.', 'nn')).toContainEqual({
      name: 'Kari Moe',
      kind: 'person',
      role: 'analytikar',
    });
    expect(read('Eigaren Per Strand vil selje garden.', 'nn')[0]?.role).toBe('eigar');
    expect(read('Politikaren Siri Holm røysta nei.', 'nn')[0]?.role).toBe('politikar');
    const inBank = read('Kari Moe, analytikar i Nordbank, seier at renta vil stige.', 'nn');
    expect(inBank.find((m) => m.name === 'Nordbank')?.kind).toBe('organisation');
    expect(sameOfficeKey('analytikar i Nordbank')).toBe(sameOfficeKey('analytiker i Nordbank'));
  });
});
