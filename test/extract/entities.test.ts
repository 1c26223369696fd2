import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildEntities,
  buildLexicon,
  EntityDirectory,
  extractEntityMentions,
  type PassageMentions,
} from '../../src/extract/entities';
import type { Language } from '../../src/knowledge/types';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');

/** Mentions of one passage, read with a lexicon built from the given archive texts. */
function read(text: string, archive: string[] = [], language: Language = 'nb') {
  return extractEntityMentions(text, language, buildLexicon([text, ...archive]));
}

function person(text: string, name: string, archive: string[] = [], language: Language = 'nb') {
  return read(text, archive, language).find((m) => m.name === name);
}

/** Articles as lists of paragraphs -> passages with mentions, the way the pipeline will feed them. */
function archive(articles: Record<string, string[]>, language: Language = 'nb'): PassageMentions[] {
  const passages = Object.entries(articles).flatMap(([articleId, paragraphs]) =>
    paragraphs.map((text, index) => ({
      passageId: `${articleId}#${index}`,
      articleId,
      text,
      language,
    })),
  );
  const lexicon = buildLexicon(passages.map((p) => p.text));
  return passages.map((p) => ({
    ...p,
    mentions: extractEntityMentions(p.text, p.language, lexicon),
  }));
}

describe('names', () => {
  it('reads multi-word names with particles', () => {
    const text =
      'Samtalene ledes av Ursula von der Leyen og Pieter van den Berg, mens Omar bin Laden og Leila al-Hassan ikke deltar.';
    const names = read(text).map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Ursula von der Leyen',
        'Pieter van den Berg',
        'Omar bin Laden',
        'Leila al-Hassan',
      ]),
    );
  });

  it('keeps den/av only inside a name', () => {
    const names = read('Hun kom fra Oslo av den grunn, sa Kari Nordmann.').map((m) => m.name);
    expect(names).toContain('Kari Nordmann');
    expect(names).not.toContain('Oslo av');
    expect(read('Margrethe av Danmark kom på besøk.').map((m) => m.name)).toContain(
      'Margrethe av Danmark',
    );
  });

  it('skips capitalised openings, headings, compounds like FN-styrte and lower-case demonyms', () => {
    const text =
      'Men møtet ble utsatt. Ifølge avisen er det enighet.\nMøtet i morgen\nDet var en FN-styrte prosess med russiske og syriske deltakere.';
    const archiveTexts = [
      'Etter møtet sa han at det ikke var mer å si, men ifølge kilder kommer det mer.',
    ];
    expect(read(text, archiveTexts)).toEqual([]);
  });

  it('strips a genitive s only when the archive has the name without it', () => {
    const archiveTexts = [
      'Regimet til Lukasjenko er hardt. Lukasjenko møtte pressen.',
      'Lars sa at Jonas kom.',
    ];
    expect(person('Lukasjenkos regime står sterkt.', 'Lukasjenko', archiveTexts)?.surface).toBe(
      'Lukasjenkos',
    );
    expect(read('Lars Holm og Jonas Dahl var enige.', archiveTexts).map((m) => m.name)).toEqual([
      'Lars Holm',
      'Jonas Dahl',
    ]);
    expect(read('I går snakket vi med Lars om saken.', archiveTexts).map((m) => m.name)).toEqual([
      'Lars',
    ]);
  });

  it('reads age and party in brackets as person signals', () => {
    expect(person('Det sier Mona Jordal (56) til avisen.', 'Mona Jordal')?.kind).toBe('person');
    expect(person('Det mener Arild Kvamsdal (Ap).', 'Arild Kvamsdal')?.kind).toBe('person');
  });

  it('tells organisations and places from people', () => {
    const mentions = read(
      'Ifølge nyhetsbyrået Reuters har Statoil ASA og Arbeiderpartiet møttes i Tromsø. Blikkboksen Holding kjøpte også.',
    );
    const kinds = Object.fromEntries(mentions.map((m) => [m.name, m.kind]));
    expect(kinds).toMatchObject({
      Reuters: 'organisation',
      'Statoil ASA': 'organisation',
      Arbeiderpartiet: 'organisation',
      Tromsø: 'place',
      'Blikkboksen Holding': 'organisation',
    });
  });
});

describe('roles', () => {
  it('reads genitive owner + role + name', () => {
    const m = person(
      'Møtet ledes av Frankrikes president Emmanuel Macron i Paris.',
      'Emmanuel Macron',
    );
    expect(m).toMatchObject({
      kind: 'person',
      role: 'Frankrikes president',
      roleText: 'Frankrikes president',
    });
    expect(
      person('Det opplyser NATOs generalsekretær Jens Stoltenberg.', 'Jens Stoltenberg')?.role,
    ).toBe('NATOs generalsekretær');
  });

  it('reads role compounds before a name', () => {
    expect(person('Det bekrefter NRK-journalist Tove Bjørgaas.', 'Tove Bjørgaas')?.role).toBe(
      'NRK-journalist',
    );
    expect(
      person('I går talte forsvarsminister Ine Eriksen Søreide.', 'Ine Eriksen Søreide')?.role,
    ).toBe('forsvarsminister');
    expect(person('Statsminister Erna Solberg er fornøyd.', 'Erna Solberg')?.role).toBe(
      'statsminister',
    );
  });

  it('normalises determiner + demonym + role to the country genitive, keeping the words', () => {
    const archiveTexts = ['Det har Macron sagt før.'];
    const m = person(
      'Samtalen gjaldt den franske presidenten Emmanuel Macrons planer.',
      'Emmanuel Macron',
      archiveTexts,
    );
    expect(m).toMatchObject({ role: 'Frankrikes president', roleText: 'den franske presidenten' });
    const analyst = person('Det sier den tyske politiske forskeren Anna Weber.', 'Anna Weber');
    expect(analyst).toMatchObject({
      role: 'tysk politisk forsker',
      roleText: 'den tyske politiske forskeren',
    });
  });

  it('gives each coordinated name the singular of a plural role', () => {
    const mentions = read(
      'Avtalen ble signert av finansministrene Siv Jensen og Magdalena Andersson i går.',
    );
    expect(mentions.filter((m) => m.role === 'finansminister').map((m) => m.name)).toEqual([
      'Siv Jensen',
      'Magdalena Andersson',
    ]);
    const leaders = read('Presidentene Macron og Merkel møttes.');
    expect(leaders.map((m) => [m.name, m.role])).toEqual([
      ['Macron', 'president'],
      ['Merkel', 'president'],
    ]);
  });

  it('reads appositions and predicates', () => {
    expect(person('Kowalski, Kreml-talsmann, sier at det er uaktuelt.', 'Kowalski')?.role).toBe(
      'Kreml-talsmann',
    );
    expect(
      person('Martin Kolberg, leder i kontrollkomiteen, sier nei.', 'Martin Kolberg')?.kind,
    ).toBe('person');
    expect(person('Lukasjenko er Hviterusslands president.', 'Lukasjenko')?.role).toBe(
      'Hviterusslands president',
    );
    expect(person('Mugabe har trukket seg som Zimbabwes president.', 'Mugabe')?.role).toBe(
      'Zimbabwes president',
    );
  });

  it('reads Nynorsk roles', () => {
    const m = person(
      'Det seier utanriksminister Ine Eriksen Søreide til NRK.',
      'Ine Eriksen Søreide',
      [],
      'nn',
    );
    expect(m).toMatchObject({ kind: 'person', role: 'utanriksminister' });
  });

  it('reads English roles before and after names', () => {
    const en = (text: string, name: string) => person(text, name, [], 'en');
    expect(en('Russian President Vladimir Putin met the press.', 'Vladimir Putin')?.role).toBe(
      'Russian president',
    );
    expect(
      en('The talks were led by UN envoy Staffan de Mistura on Monday.', 'Staffan de Mistura')
        ?.role,
    ).toBe('UN envoy');
    expect(
      en(
        'Radovan Karadzic, the former Bosnian Serb political leader, was sentenced.',
        'Radovan Karadzic',
      )?.role,
    ).toBe('former Bosnian Serb political leader');
  });

  it('takes an English title-case role as a role, not as a name', () => {
    const mentions = read(
      '"It is a step," said Danish Foreign Minister Lars Løkke Rasmussen in Oslo.',
      [],
      'en',
    );
    expect(mentions.map((m) => m.name)).not.toContain('Foreign Minister');
    expect(mentions.find((m) => m.name === 'Lars Løkke Rasmussen')?.role).toBe(
      'Danish Foreign Minister',
    );
  });
});

describe('buildEntities', () => {
  it('merges short forms with the one full name and attaches back references by role', () => {
    const passages = archive({
      a1: ['Samtalen gjaldt den franske presidenten Emmanuel Macrons planer for EU.'],
      a2: [
        'I går møtte Macron forbundskansler Merkel i Berlin.',
        'Den franske presidenten sa at samarbeidet var godt.',
      ],
      a3: ['Forbundskansler Angela Merkel var til stede.'],
    });
    const entities = buildEntities(passages, []);
    const macron = entities.find((e) => e.name === 'Emmanuel Macron');
    const merkel = entities.find((e) => e.name === 'Angela Merkel');
    expect(macron?.aliases).toContain('Macron');
    expect(macron?.roles.map((r) => [r.role, r.passageId])).toEqual([
      ['Frankrikes president', 'a1#0'],
      ['Frankrikes president', 'a2#1'],
    ]);
    // Merkel is nearer to the back reference, but not known as the French president.
    expect(merkel?.roles.map((r) => r.passageId)).toEqual(['a2#0', 'a3#0']);
    expect(merkel?.roles.every((r) => r.role === 'forbundskansler')).toBe(true);
  });

  it('never attaches a back reference when no earlier person holds that role', () => {
    const passages = archive({
      a1: [
        'Statsminister Erna Solberg møtte Jonas Gahr Støre.',
        'Den svenske statsministeren var ikke invitert.',
      ],
    });
    const entities = buildEntities(passages, []);
    expect(entities.flatMap((e) => e.roles).map((r) => r.passageId)).toEqual(['a1#0']);
  });

  it('keeps two full names with the same surname apart and lookup reports both', () => {
    const passages = archive({
      a1: ['Trener Ole Hansen var fornøyd. Hansen sa at laget spilte godt.'],
      a2: ['Professor Kari Hansen mener saken er klar.'],
      a3: ['Hansen kommenterte ikke saken.'],
    });
    const entities = buildEntities(passages, []);
    const ole = entities.find((e) => e.name === 'Ole Hansen');
    const kari = entities.find((e) => e.name === 'Kari Hansen');
    expect(ole?.mentions.map((m) => m.passageId)).toEqual(['a1#0', 'a1#0']);
    expect(kari?.mentions).toHaveLength(1);
    const { matches } = new EntityDirectory(entities).lookup('Hansen');
    expect(matches.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Ole Hansen', 'Kari Hansen']),
    );
    expect(matches.length).toBeGreaterThan(1);
  });

  it('merges alias groups under the first name of the group', () => {
    const passages = archive({
      a1: ['FN ber om våpenhvile.', 'Generalsekretæren i De forente nasjoner er bekymret.'],
      a2: ['Ifølge UN er situasjonen alvorlig.'],
    });
    const entities = buildEntities(passages, [
      { names: ['FN', 'UN', 'De forente nasjoner'], line: 1 },
    ]);
    const un = entities.filter((e) => e.name === 'FN');
    expect(un).toHaveLength(1);
    expect(un[0]?.aliases).toEqual(expect.arrayContaining(['UN', 'De forente nasjoner']));
    expect(un[0]?.mentions.map((m) => m.passageId).sort()).toEqual(['a1#0', 'a1#1', 'a2#0']);
  });
});

describe('EntityDirectory', () => {
  const passages = archive({
    a1: ['Den russiske presidenten Vladimir Putin møtte Angela Merkel.', 'Putin sa lite.'],
    a2: ['Putin og Merkel møttes igjen. Putins talsmann bekreftet det.'],
    a3: ['Ifølge Putinova, som er forsker, er det uklart.'],
  });
  const directory = new EntityDirectory(buildEntities(passages, []));

  it('finds exact names, surnames and genitives regardless of case and diacritics', () => {
    expect(directory.lookup('putin').matches.map((e) => e.name)).toEqual(['Vladimir Putin']);
    expect(directory.lookup('Putins').matches.map((e) => e.name)).toEqual(['Vladimir Putin']);
    expect(directory.lookup('MERKEL').matches.map((e) => e.name)).toEqual(['Angela Merkel']);
    const id = directory.lookup('Vladimir Putin').matches[0]?.id ?? '';
    expect(directory.get(id)?.name).toBe('Vladimir Putin');
  });

  it('offers close names as suggestions, not matches', () => {
    const result = directory.lookup('merkell');
    expect(result.matches).toEqual([]);
    expect(result.suggestions.map((e) => e.name)).toContain('Angela Merkel');
  });

  it('suggests by prefix of any word, most mentioned first', () => {
    expect(directory.suggest('put', 5).map((e) => e.name)[0]).toBe('Vladimir Putin');
    expect(directory.suggest('ang', 5).map((e) => e.name)).toContain('Angela Merkel');
    expect(directory.suggest('mekr', 5).map((e) => e.name)).toContain('Angela Merkel');
  });
});

describe.skipIf(!existsSync(seedsDir))('seed articles', () => {
  const files = existsSync(seedsDir)
    ? readdirSync(seedsDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  const articles = Object.fromEntries(
    files.map((f) => [
      f,
      readFileSync(path.join(seedsDir, f), 'utf8')
        .split(/\n\s*\n/u)
        .map((p) => p.trim()),
    ]),
  );
  const passages = archive(articles);
  const entities = buildEntities(passages, [
    { names: ['IS', 'Den islamske stat', 'ISIS', 'Islamic State'], line: 1 },
  ]);
  const byName = (name: string) => entities.find((e) => e.name === name);
  const roles = (name: string) => byName(name)?.roles.map((r) => r.role) ?? [];

  it('reads the people with their roles', () => {
    expect(roles('Rex Tillerson')).toEqual(['utenriksminister']);
    expect(roles('Sergej Lavrov')).toEqual(['utenriksminister']);
    expect(roles('Dmitrij Peskov')).toEqual(['Kreml-talsmann']);
    expect(roles('Staffan de Mistura')).toEqual(['FNs spesialutsending']);
    expect(roles('Hassan Rouhani')).toEqual(['Irans president']);
    expect(roles('Recep Tayyip Erdogan')).toEqual(['Tyrkias president']);
    expect(roles('Azhdar Kurtov')).toEqual(['russisk politisk analytiker']);
    expect(roles('Putin')).toContain('president');
    expect(byName('Donald Trump')?.aliases).toContain('Trump');
  });

  it('merges Assad into Bashar al-Assad and attaches the back reference to him, not Putin', () => {
    const assad = byName('Bashar al-Assad');
    expect(assad?.kind).toBe('person');
    expect(assad?.aliases).toContain('Assad');
    const articleOf003 = files.find((f) => f.startsWith('003')) ?? '';
    const in003 = assad?.roles.filter((r) => r.articleId === articleOf003) ?? [];
    expect(in003.map((r) => [r.role, r.roleText])).toEqual([
      ['Syrias president', 'Den syriske presidenten'],
    ]);
    expect(byName('Putin')?.roles.some((r) => r.role.includes('Syria'))).toBe(false);
    expect(entities.some((e) => ['Men', 'Ifølge', 'Det', 'Møtets', 'Den'].includes(e.name))).toBe(
      false,
    );
  });

  it('joins IS and Den islamske stat', () => {
    const is = byName('IS');
    expect(is?.kind).toBe('organisation');
    expect(is?.mentions.some((m) => m.surface.startsWith('Den islamske stat'))).toBe(true);
    expect(new EntityDirectory(entities).lookup('asad').suggestions[0]?.name).toBe(
      'Bashar al-Assad',
    );
  });
});
