/**
 * Second hunt: kinds shown on the card (institutions, clubs, parties), English
 * appositions, and time expressions news writes without a day. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/knowledge/types';
import { datesIn, readNames as read } from '../helpers/extract';

const kindOf = (text: string, name: string, language: Language = 'nb') =>
  read(text, language).find((m) => m.name === name)?.kind;

const dates = (text: string, published: string) => datesIn(text, published, true);

describe('public bodies written with a lower-case institution noun', () => {
  it.each([
    ['Tallene fra Statistisk sentralbyrå viste en nedgang.', 'Statistisk sentralbyrå'],
    ['Anken skal behandles i Frostating lagmannsrett i mai.', 'Frostating lagmannsrett'],
    ['Kvinnen ble frifunnet i Bergen tingrett tirsdag.', 'Bergen tingrett'],
    ['Pasienten ble fløyet til Stavanger universitetssjukehus.', 'Stavanger universitetssjukehus'],
    ['Statens vegvesen stengte tunnelen i natt.', 'Statens vegvesen'],
    ['Budsjettet til Tromsø kommune er stramt.', 'Tromsø kommune'],
    ['Vestland fylkeskommune kutter bussruter.', 'Vestland fylkeskommune'],
    ['Det bekrefter Agder politidistrikt.', 'Agder politidistrikt'],
    ['Hun forsker ved Universitetet i Bergen.', 'Universitetet i Bergen'],
    ['Han underviser ved Høgskulen på Vestlandet.', 'Høgskulen på Vestlandet'],
  ])('%s', (text, name) => {
    expect(kindOf(text, name)).toBe('organisation');
  });

  it('one-word courts and agencies are bodies, wherever they stand', () => {
    expect(kindOf('Saken havnet til slutt i Høyesterett.', 'Høyesterett')).toBe('organisation');
    expect(kindOf('Det var Kystverket som sendte båten.', 'Kystverket')).toBe('organisation');
    expect(kindOf('Arbeidsretten ga forbundet medhold.', 'Arbeidsretten')).toBe('organisation');
  });

  it('drops the genitive of the body, and never extends a person or an adverb', () => {
    expect(read('Molde kommunes økonomi er svak.')).toContainEqual({
      name: 'Molde kommune',
      kind: 'organisation',
      role: undefined,
    });
    expect(kindOf('Hun traff Lunde rett etter møtet.', 'Lunde')).not.toBe('organisation');
    expect(read('Han ringte Kari Nordby kommune for kommune.').map((m) => m.name)).toContain(
      'Kari Nordby',
    );
  });

  it('a sentence-opening adjective and a plural noun are no body', () => {
    expect(read('Private sykehus tjener godt.')).toEqual([]);
  });
});

describe('clubs in match reports', () => {
  it('the sides of a team result are organisations, not places', () => {
    const found = read('Lillestrøm tapte 0-3 mot Sarpsborg på hjemmebane.');
    expect(found.find((m) => m.name === 'Sarpsborg')?.kind).toBe('organisation');
    expect(found.find((m) => m.name === 'Lillestrøm')?.kind).toBe('organisation');
    expect(kindOf('Odd slo Haugesund 2-1 i serien.', 'Haugesund')).toBe('organisation');
    // A city that is also a club: the result makes it the club.
    expect(kindOf('Brann tapte 1-2 mot Bergen i cupen.', 'Bergen')).toBe('organisation');
  });

  it('"mot X" without a result is neither a place nor a club', () => {
    expect(kindOf('Kritikken mot Sandvik har vokst.', 'Sandvik')).toBe('other');
    expect(kindOf('Kampen mot Strømsgodset ble utsatt.', 'Strømsgodset')).not.toBe('place');
  });

  it('individual sports, countries and people stay what they are', () => {
    expect(kindOf('Ruud tapte 6-4, 3-6, 2-6 mot Alcaraz i kveld.', 'Alcaraz')).not.toBe(
      'organisation',
    );
    expect(kindOf('Norge tapte 1-2 mot Danmark i Parken.', 'Danmark')).toBe('place');
    expect(kindOf('Laget tapte 0-1 mot Erik Hansen og co.', 'Erik Hansen')).toBe('person');
  });
});

describe('party codes in brackets', () => {
  it('marks the person and reads the bracket as the party', () => {
    const found = read('Det mener Siri Haug (Sp) og Ola Bakken (H).');
    expect(found).toContainEqual({ name: 'Siri Haug', kind: 'person', role: undefined });
    expect(found).toContainEqual({ name: 'Sp', kind: 'organisation', role: undefined });
    expect(found).toContainEqual({ name: 'Ola Bakken', kind: 'person', role: undefined });
    // A one-letter code names the party as running text does.
    expect(found).toContainEqual({ name: 'Høyre', kind: 'organisation', role: undefined });
    const more = read('Med Per Ek (V), Liv Ås (R), Tor Moe (KrF) og Ine Li (MDG).').filter(
      (m) => m.kind === 'organisation',
    );
    expect(more.map((m) => m.name)).toEqual(['Venstre', 'Rødt', 'KrF', 'MDG']);
  });

  it('a letter in brackets after anything else is nothing', () => {
    expect(read('Oppgave (A) og oppgave (B) var enkle.')).toEqual([]);
  });
});

describe('English appositions and holdings', () => {
  it('"X, the chief executive of Y, said" gives X the role and makes Y a company', () => {
    const found = read('Sara Lind, the chief executive of Polarfisk, said margins fell.', 'en');
    expect(found).toContainEqual({
      name: 'Sara Lind',
      kind: 'person',
      role: 'chief executive of Polarfisk',
    });
    expect(found.find((m) => m.name === 'Polarfisk')?.kind).toBe('organisation');
  });

  it('a role opening the sentence before a name between commas', () => {
    expect(read("The bank's chairman, Olav Rye, said the deal was off.", 'en')).toContainEqual({
      name: 'Olav Rye',
      kind: 'person',
      role: "bank's chairman",
    });
    expect(read('The head of Kystnett, Maria Dahl, resigned.', 'en')[1]).toEqual({
      name: 'Maria Dahl',
      kind: 'person',
      role: 'head of Kystnett',
    });
    // Not an apposition: the name is the subject of the main clause.
    expect(read('After meeting the chairman, Olav Rye left.', 'en')[0]?.role).toBeUndefined();
  });

  it('an age between commas before the apposition; the role never lands on the next name', () => {
    const found = read('Eva Brekke, 61, a lawyer for the families, said they would appeal.', 'en');
    expect(found).toContainEqual({
      name: 'Eva Brekke',
      kind: 'person',
      role: 'lawyer for the families',
    });
    const client = read('Eva Brekke, 61, a lawyer for Havbruk, told reporters on Monday.', 'en');
    expect(client.find((m) => m.name === 'Havbruk')?.role).toBeUndefined();
    expect(client.find((m) => m.name === 'Havbruk')?.kind).not.toBe('person');
  });

  it('shares in a company: the company is no place', () => {
    expect(kindOf('Shares in Polarfisk fell 4 percent.', 'Polarfisk', 'en')).toBe('organisation');
    expect(kindOf('Han solgte aksjene i Polarfisk i fjor.', 'Polarfisk')).toBe('organisation');
    expect(kindOf('Investment in Norway rose.', 'Norway', 'en')).toBe('place');
  });
});

describe('time expressions without a day', () => {
  // 2024-03-08 is a Friday.
  it('English abbreviated months without a full stop, capitalised only', () => {
    expect(dates('LONDON, Mar 4 (Reuters) - Oil rose.', '2024-03-08')).toEqual([
      'Mar 4=2024-03-04',
    ]);
    expect(dates('The vote is due on 12 Apr in Brussels.', '2024-03-08')).toEqual([
      '12 Apr=2024-04-12',
    ]);
    expect(dates('Jan 27 år gammel vant.', '2024-03-08')).toEqual([]);
    expect(dates('Det kostet 3 des kroner.', '2024-03-08')).toEqual([]);
  });

  it('a coming season: "til våren", "i løpet av sommeren" (past tense looks back)', () => {
    expect(dates('Butikken åpner til våren.', '2024-01-15')).toEqual([
      'til våren=2024-03-01..2024-05-31/year',
    ]);
    expect(dates('Arbeidet skal gjøres i løpet av sommeren.', '2023-10-02')).toEqual([
      'i løpet av sommeren=2024-06-01..2024-08-31/year',
    ]);
    expect(dates('I løpet av sommeren ble det solgt mye is.', '2023-10-02')).toEqual([
      'I løpet av sommeren=2023-06-01..2023-08-31/year',
    ]);
    expect(dates('Han må vente fram til sommeren.', '2024-01-15')).toEqual([]);
  });

  it('a range of years, and parts of a year that stay the year', () => {
    expect(dates('Mellom 2016 og 2018 falt salget.', '2024-03-08')).toEqual([
      'Mellom 2016 og 2018=2016-01-01..2018-12-31/year',
    ]);
    expect(dates('Det kostet mellom 2000 og 3000 kroner.', '2024-03-08')).toEqual([]);
    expect(dates('I 2016 og 2017 var det rolig.', '2024-03-08')).toEqual([
      'I 2016=2016-01-01..2016-12-31/year',
    ]);
    expect(dates('Tidlig i 2021 flyttet hun.', '2024-03-08')).toEqual([
      'Tidlig i 2021=2021-01-01..2021-12-31/year',
    ]);
    expect(dates('Anlegget skal stå klart innen utgangen av 2026.', '2024-03-08')).toEqual([
      'innen utgangen av 2026=2026-01-01..2026-12-31/year',
    ]);
    expect(dates('Work starts in late 2025.', '2024-03-08')).toEqual([
      'in late 2025=2025-01-01..2025-12-31/year',
    ]);
  });

  it('parts of a month stay the month', () => {
    expect(dates('Vi ses i midten av juni.', '2024-03-08')).toEqual([
      'i midten av juni=2024-06-01..2024-06-30/month',
    ]);
    expect(dates('Hun døde i slutten av januar.', '2024-03-08')).toEqual([
      'i slutten av januar=2024-01-01..2024-01-31/month',
    ]);
  });
});

describe('found on the second hunt (health, court, wire, obituary, weather, tech)', () => {
  it('an opening definite noun for a person before an age is no name', () => {
    expect(read('Kvinnen (43) ble dømt til ett års fengsel.')).toEqual([]);
    expect(read('Marte Eide (43) ble dømt.')[0]?.kind).toBe('person');
  });

  it('a name in «» is what is named after it, not a person', () => {
    expect(kindOf('Stormen «Solveig» veltet trær i natt.', 'Solveig')).toBe('other');
  });

  it('a single name after "opplyser" may be a body: say nothing about its kind', () => {
    expect(
      kindOf('Det er 2000 kunder uten strøm, opplyser Nettselskapet Vest.', 'Nettselskapet Vest'),
    ).not.toBe('person');
    expect(kindOf('Det opplyser Fjordnett.', 'Fjordnett')).toBe('other');
    expect(kindOf('Det sier Haugland.', 'Haugland')).toBe('person');
  });

  it('a shared first compound part stays with the role', () => {
    expect(read('Det sier kunnskaps- og integreringsminister Kari Lund (Ap).')).toContainEqual({
      name: 'Kari Lund',
      kind: 'person',
      role: 'kunnskaps- og integreringsminister',
    });
  });

  it('role adjectives that open a sentence', () => {
    expect(read('Administrerende direktør Siv Holm sier nei.')[0]?.role).toBe(
      'administrerende direktør',
    );
    expect(read('Daglig leder Tor Ask sier ja.')[0]?.role).toBe('daglig leder');
  });

  it('a job at a body written with an institution noun', () => {
    expect(read('Lise Dahl er professor ved Nord universitet.')).toContainEqual({
      name: 'Lise Dahl',
      kind: 'person',
      role: 'professor ved Nord universitet',
    });
    expect(kindOf('Varselet kom fra Meteorologisk institutt.', 'Meteorologisk institutt')).toBe(
      'organisation',
    );
  });

  it('English: a company that says "it" after a time, a dateline in capitals, an owner before the role', () => {
    const found = read(
      'BERLIN, Nov 3 (Reuters) - Kaldvik Systems said on Monday it would close a plant.',
      'en',
    );
    expect(found.find((m) => m.name === 'BERLIN')?.kind).toBe('place');
    expect(found.find((m) => m.name === 'Kaldvik Systems')?.kind).toBe('organisation');
    expect(found.map((m) => m.name)).not.toContain('Nov');
    expect(read("Finland's prime minister Petteri Orpo said no.", 'en')).toContainEqual({
      name: 'Petteri Orpo',
      kind: 'person',
      role: "Finland's prime minister",
    });
    expect(read("Ana Ruiz, the EU's trade policy chief, said so.", 'en')).toContainEqual({
      name: 'Ana Ruiz',
      kind: 'person',
      role: "EU's trade policy chief",
    });
  });

  it('"borte mot X": only teams play away', () => {
    expect(kindOf('Neste kamp er borte mot Start.', 'Start')).toBe('organisation');
  });

  it('a Norwegian noun in -ed is no English past tense ("fram til søndag" is still ahead)', () => {
    // 2024-02-01 is a Thursday.
    expect(dates('Faren for jordskred er stor fram til søndag.', '2024-02-01')).toEqual([
      'søndag=2024-02-04',
    ]);
  });
});
