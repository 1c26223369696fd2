import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDateRules, extractTimeMentions } from '../../src/extract/dates';
import type { DateSpan, Language } from '../../src/knowledge/types';

const day = (iso: string): DateSpan => ({ start: iso, end: iso, granularity: 'day' });
const month = (start: string, end: string): DateSpan => ({ start, end, granularity: 'month' });

/** Mentions of a one-passage article as [text, start, end, granularity] for compact asserts. */
function found(text: string, published: DateSpan | string, language: Language = 'nb') {
  const pub = typeof published === 'string' ? day(published) : published;
  const [mentions = []] = extractTimeMentions([{ text }], language, pub);
  return mentions.map((m) => ({
    text: m.text,
    start: m.span.start,
    end: m.span.end,
    g: m.span.granularity,
    kind: m.kind,
  }));
}

/** The single mention's span as `start..end/granularity`, or 'none'. */
function one(text: string, published: DateSpan | string, language: Language = 'nb'): string {
  const all = found(text, published, language);
  if (all.length === 0) return 'none';
  expect(all, `expected exactly one mention in: ${text}`).toHaveLength(1);
  const [m] = all;
  if (!m) return 'none';
  return m.start === m.end ? `${m.start}/${m.g}` : `${m.start}..${m.end}/${m.g}`;
}

// Publication days used below (2017): Mon 20 Nov, Tue 21, Wed 22, Thu 23, Fri 24, Sat 11/25, Sun 26.
const TUE = '2017-11-21';
const THU = '2017-11-23';
const SAT = '2017-11-11';
const MON = '2017-11-20';
const SUN = '2017-11-26';
const FRI = '2017-11-24';

describe('explicit dates', () => {
  it('day and month, with and without year, nearest year when missing', () => {
    expect(one('Samtalene skal holdes i Genève den 28. november.', SAT)).toBe('2017-11-28/day');
    expect(one('Avtalen ble signert 3. mars 2009 i Oslo.', TUE)).toBe('2009-03-03/day');
    expect(one('Valget holdes 10. januar.', '2017-12-20')).toBe('2018-01-10/day');
    expect(one('Han døde 30. desember.', '2018-01-04')).toBe('2017-12-30/day');
    expect(one('Feiringen av 1. mai samlet mange.', TUE)).toBe('2017-05-01/day');
  });

  it('keeps the exact words and offsets', () => {
    const text = 'FN-samtaler skal holdes i Genève den 28. november, opplyser FN.';
    const [m] = found(text, SAT);
    expect(m?.text).toBe('den 28. november');
    const [mentions = []] = extractTimeMentions([{ text }], 'nb', day(SAT));
    const first = mentions[0];
    expect(first && text.slice(first.start, first.end)).toBe('den 28. november');
    expect(first?.kind).toBe('explicit');
  });

  it('numeric dates', () => {
    expect(one('Møtet fant sted 28.11.2017 i Bergen.', TUE)).toBe('2017-11-28/day');
    expect(one('Fristen er 21.11. for alle søkere.', '2017-11-01')).toBe('2017-11-21/day');
    expect(one('Rapporten kom 2017-11-20.', TUE)).toBe('2017-11-20/day');
    expect(one('Datoen 31.02.2017 finnes ikke.', TUE)).toBe('none');
  });

  it('month with year, bare month by tense, month with i fjor', () => {
    expect(one('Det var første gang siden oktober 2015 at han besøkte Russland.', TUE)).toBe(
      '2015-10-01..2015-10-31/month',
    );
    expect(one('Han ble valgt i mars.', TUE)).toBe('2017-03-01..2017-03-31/month');
    expect(one('Valget skal holdes i mars.', TUE)).toBe('2018-03-01..2018-03-31/month');
    expect(one('Dette skjedde i oktober i fjor.', TUE)).toBe('2016-10-01..2016-10-31/month');
    expect(one('Planen ble lagt fram i slutten av august.', TUE)).toBe(
      '2017-08-01..2017-08-31/month',
    );
  });

  it('years need a preposition; decades and seasons', () => {
    expect(one('Krigen brøt ut i 2011.', TUE)).toBe('2011-01-01..2011-12-31/year');
    expect(one('Han har vært leder siden 1999.', TUE)).toBe('1999-01-01..1999-12-31/year');
    expect(one('Hun satt i regjeringen fra 2005 til 2009.', TUE)).toBe(
      '2005-01-01..2009-12-31/year',
    );
    expect(one('Mye endret seg på 1990-tallet.', TUE)).toBe('1990-01-01..1999-12-31/year');
    // A season is not a month: granularity year, narrowed to the season's months.
    expect(one('Forhandlingene startet høsten 2015.', TUE)).toBe('2015-09-01..2015-11-30/year');
    // Written in November, a summer still to come is next year's.
    expect(one('Vi skal bygge ut i sommar.', TUE, 'nn')).toBe('2018-06-01..2018-08-31/year');
    expect(one('Prosjektet ble lagt ned i fjor høst.', TUE)).toBe('2016-09-01..2016-11-30/year');
  });

  it('holidays take the nearest year', () => {
    expect(one('Butikken holder stengt julaften.', TUE)).toBe('2017-12-24/day');
    expect(one('Det smalt mye på nyttårsaften.', '2018-01-02')).toBe('2017-12-31/day');
  });

  it('ranges of days', () => {
    expect(one('Konferansen går 20.–22. november 2017 i Oslo.', SAT)).toBe(
      '2017-11-20..2017-11-22/day',
    );
  });
});

describe('weekdays', () => {
  it('resolves the seed cases (published Tuesday 2017-11-21)', () => {
    expect(one('Under mandagens møte gratulerte Putin Assad.', TUE)).toBe('2017-11-20/day');
    expect(
      one(
        'Møtet skjedde i forkant av et besøk fra Irans og Tyrkias presidenter i Sotsji onsdag.',
        TUE,
      ),
    ).toBe('2017-11-22/day');
    expect(one('Tirsdag i neste uke er FN vert for nye samtaler i Genève.', TUE)).toBe(
      '2017-11-28/day',
    );
    expect(
      one('Etter mandagens møte med Assad sier Putin nå at han skal snakke med Trump.', TUE),
    ).toBe('2017-11-20/day');
  });

  it('past tense points back, future forward, even when the other side is nearer', () => {
    // Thursday publication: Monday is 3 back or 4 forward.
    expect(one('Statsministeren møtte pressen mandag.', THU)).toBe('2017-11-20/day');
    expect(one('Statsministeren skal møte pressen mandag.', THU)).toBe('2017-11-27/day');
    expect(one('Regjeringen legger fram budsjettet mandag, og det ventes kutt.', THU)).toBe(
      '2017-11-27/day',
    );
    // Tuesday publication: Friday is 3 forward or 4 back.
    expect(one('Politiet opplyste fredag at mannen er pågrepet.', TUE)).toBe('2017-11-17/day');
    expect(one('Kampen spilles fredag.', TUE)).toBe('2017-11-24/day');
    expect(one('Fredag vil hun gi sitt svar.', TUE)).toBe('2017-11-24/day');
  });

  it('a bare weekday without tense is the nearest one', () => {
    expect(one('Møtet onsdag er det første i en rekke.', TUE)).toBe('2017-11-22/day');
    expect(one('Søndag er det ventet regn.', TUE)).toBe('2017-11-26/day');
  });

  it("the publication day's own weekday is that day", () => {
    expect(one('Regjeringen ble enig tirsdag.', TUE)).toBe('2017-11-21/day');
    expect(one('Tirsdag skal regjeringen legge fram planen.', TUE)).toBe('2017-11-21/day');
  });

  it('modifiers: sist, forrige, neste, kommende, natt til, kveld, weeks', () => {
    expect(one('Det skjedde sist mandag.', TUE)).toBe('2017-11-20/day');
    expect(one('Det skjedde forrige tirsdag.', TUE)).toBe('2017-11-14/day');
    expect(one('Vi møtes kommende fredag.', TUE)).toBe('2017-11-24/day');
    expect(one('Brannen startet natt til tirsdag.', TUE)).toBe('2017-11-21/day');
    expect(one('Han ble arrestert mandag kveld.', TUE)).toBe('2017-11-20/day');
    expect(one('Saken kom opp onsdag i forrige uke.', TUE)).toBe('2017-11-15/day');
    expect(one('Vi ses torsdag neste uke.', TUE)).toBe('2017-11-30/day');
  });

  it('Nynorsk weekday forms', () => {
    expect(one('Ho vart vald måndag.', THU, 'nn')).toBe('2017-11-20/day');
    expect(one('Styret skal møtast tysdag.', THU, 'nn')).toBe('2017-11-28/day');
    expect(one('Dei kom heim laurdag.', TUE, 'nn')).toBe('2017-11-18/day');
    expect(one('Konserten er sundag.', FRI, 'nn')).toBe('2017-11-26/day');
  });

  it('needs a day anchor: a month-only publication gives no day', () => {
    const novemberOnly = month('2017-11-01', '2017-11-30');
    expect(one('Putin møtte Assad mandag.', novemberOnly)).toBe('none');
    expect(one('Det skjedde i går.', novemberOnly)).toBe('none');
    expect(one('IS ble drevet ut denne uken.', novemberOnly)).toBe('none');
    // Month and year expressions still work.
    expect(one('Tidligere denne måneden kom en uttalelse.', novemberOnly)).toBe(
      '2017-11-01..2017-11-30/month',
    );
    expect(one('Det skjedde i fjor.', novemberOnly)).toBe('2016-01-01..2016-12-31/year');
    expect(one('Møtet er 28. november.', novemberOnly)).toBe('2017-11-28/day');
  });
});

describe('relative expressions', () => {
  it('days', () => {
    expect(one('Det ble kjent i går.', TUE)).toBe('2017-11-20/day');
    expect(one('I dag legges planen fram.', TUE)).toBe('2017-11-21/day');
    expect(one('Avgjørelsen kommer i morgen.', TUE)).toBe('2017-11-22/day');
    expect(one('Han kom hjem i forgårs.', TUE)).toBe('2017-11-19/day');
    expect(one('Kampen i overmorgen blir avgjørende.', TUE)).toBe('2017-11-23/day');
    expect(one('Statsministeren holder tale i kveld.', TUE)).toBe('2017-11-21/day');
  });

  it('weeks and weekends (a weekend is Saturday-Sunday with day granularity)', () => {
    expect(one('IS ble denne uken drevet ut av byen.', SAT)).toBe('2017-11-06..2017-11-12/week');
    expect(one('Saken behandles i neste uke.', TUE)).toBe('2017-11-27..2017-12-03/week');
    expect(one('Det skjedde forrige uke.', TUE)).toBe('2017-11-13..2017-11-19/week');
    expect(one('Det var uro i helgen.', TUE)).toBe('2017-11-18..2017-11-19/day');
    expect(one('Det blir kaldt i helgen.', THU)).toBe('2017-11-25..2017-11-26/day');
    expect(one('Det var kaldt i helgen.', SUN)).toBe('2017-11-25..2017-11-26/day');
  });

  it('months and years', () => {
    expect(one('Tidligere denne måneden sto de bak en uttalelse.', TUE)).toBe(
      '2017-11-01..2017-11-30/month',
    );
    expect(one('Loven trer i kraft neste måned.', TUE)).toBe('2017-12-01..2017-12-31/month');
    expect(one('Salget falt forrige måned.', '2018-01-15')).toBe('2017-12-01..2017-12-31/month');
    expect(one('Han vant i fjor.', TUE)).toBe('2016-01-01..2016-12-31/year');
    expect(one('I år blir det ingen feiring.', TUE)).toBe('2017-01-01..2017-12-31/year');
  });

  it('ago and in', () => {
    expect(one('Resolusjonen ble vedtatt for to år siden.', SAT)).toBe(
      '2015-01-01..2015-12-31/year',
    );
    expect(one('Han flyttet for tre uker siden.', TUE)).toBe('2017-10-30..2017-11-05/week');
    expect(one('Det skjedde for 5 dager siden.', TUE)).toBe('2017-11-16/day');
    expect(one('Det er ventet en avgjørelse om tre uker.', TUE)).toBe(
      '2017-12-11..2017-12-17/week',
    );
    expect(one('Han ble født for tolv år siden.', TUE)).toBe('2005-01-01..2005-12-31/year');
  });

  it('dagen før / dagen etter are relative to the last date mentioned, across passages', () => {
    const passages = [
      { text: 'Valget ble holdt 10. september.' },
      { text: 'Dagen før var det stille. Dagen etter kom resultatet.' },
      { text: 'Året etter gikk han av.' },
    ];
    const result = extractTimeMentions(passages, 'nb', day(TUE));
    expect(
      result.map((ms) => ms.map((m) => `${m.text}=${m.span.start}/${m.span.granularity}`)),
    ).toEqual([
      ['10. september=2017-09-10/day'],
      ['Dagen før=2017-09-09/day', 'Dagen etter=2017-09-10/day'],
      ['Året etter=2018-01-01/year'],
    ]);
  });

  it('a clause after før/etter governs it: året før han døde is not dated', () => {
    const passages = [{ text: 'Han flyttet i 2005.' }, { text: 'Året før han døde, ble han syk.' }];
    expect(extractTimeMentions(passages, 'nb', day(TUE))[1]).toEqual([]);
  });

  it('"later" than the present is a retrospective, not a future date', () => {
    expect(
      found('I dag, seks år senere, ble hun hedret for jobben.', TUE).map((m) => m.text),
    ).toEqual(['I dag']);
  });

  it('kvelden før needs a previous day; dagen før valget is not dated', () => {
    expect(one('Kvelden før var det fest.', TUE)).toBe('none');
    const passages = [{ text: 'Møtet var 3. mai.' }, { text: 'Dagen før valget var det uro.' }];
    const result = extractTimeMentions(passages, 'nb', day(TUE));
    expect(result[1]).toEqual([]);
  });
});

describe('English', () => {
  const en = (text: string, pub: string) => one(text, pub, 'en');
  it('weekdays by tense', () => {
    expect(en('The ministers met on Wednesday.', TUE)).toBe('2017-11-15/day');
    expect(en('The ministers will meet on Wednesday.', TUE)).toBe('2017-11-22/day');
    expect(en('He said on Monday that talks had failed.', THU)).toBe('2017-11-20/day');
    expect(en('Talks are scheduled for Monday.', THU)).toBe('2017-11-27/day');
    expect(en('The vote is next Tuesday.', TUE)).toBe('2017-11-28/day');
    expect(en('It happened last Tuesday.', TUE)).toBe('2017-11-14/day');
  });
  it('a reporting verb away from the weekday does not decide its tense', () => {
    expect(en('The deal will be signed in Oslo on Friday, the minister said.', THU)).toBe(
      '2017-11-24/day',
    );
    expect(one('Avtalen skal undertegnes i Oslo fredag, opplyste ministeren.', THU)).toBe(
      '2017-11-24/day',
    );
    // Right next to the weekday, the reporting verb is the event: he spoke on Monday.
    expect(one('Statsministeren sa mandag at avtalen skal undertegnes.', THU)).toBe(
      '2017-11-20/day',
    );
  });
  it('a participle after "be" has no tense of its own', () => {
    expect(en('The bridge will be opened on Saturday.', THU)).toBe('2017-11-25/day');
  });

  it('explicit and relative', () => {
    expect(en('Talks resume on November 28.', SAT)).toBe('2017-11-28/day');
    expect(en('The treaty was signed on 28 November 2017.', '2018-02-01')).toBe('2017-11-28/day');
    expect(en('The massacre happened in July 1995.', TUE)).toBe('1995-07-01..1995-07-31/month');
    expect(en('Prices rose last week.', TUE)).toBe('2017-11-13..2017-11-19/week');
    expect(en('He resigned yesterday.', TUE)).toBe('2017-11-20/day');
    expect(en('The resolution was adopted two years ago.', SAT)).toBe(
      '2015-01-01..2015-12-31/year',
    );
    expect(en('He may resign in May.', TUE)).toBe('2018-05-01..2018-05-31/month');
  });

  it('the following year is relative to the last date mentioned', () => {
    const result = extractTimeMentions(
      [{ text: 'He was convicted in 2012. The following year he was released.' }],
      'en',
      day(TUE),
    );
    expect(result[0]?.map((m) => `${m.text}=${m.span.start}`)).toEqual([
      'in 2012=2012-01-01',
      'The following year=2013-01-01',
    ]);
  });
});

describe('things that are not dates', () => {
  it.each([
    'Rundt 330.000 mennesker er blitt drept.',
    'De viser til FN-resolusjon 2254 som retningslinje.',
    'Kampen endte 2-1 til hjemmelaget.',
    'Møtet starter kl. 14.30 i dag'.replace(' i dag', '.'),
    'Han møtte kl. 10.11. presis.',
    'Laget rykket opp til 1. divisjon.',
    'Mona Jordal (56) er ny leder.',
    'De seks årene med krig har gjort millioner hjemløse.',
    'Budsjettet er på 2015 millioner kroner.',
    'Det kom 2017 søknader i 2016 kroner.'.replace(' i 2016 kroner', '.'),
    'Han fikk 1999 stemmer.',
    'Det skjer to ganger i året.',
    'Boken handler om tre dager i Paris.',
    'I vår tid er det annerledes.',
    'Romsonden skal til Mars.',
    'Prices may fall sharply.',
    'Riket levde videre i 1000 år etter at Roma falt.',
    'Han levde i håp om en dag å bli tatt på alvor.',
  ])('%s', (text) => {
    expect(found(text, TUE)).toEqual([]);
  });
});

const repoRoot = path.resolve(import.meta.dirname, '../..');
const seeds = path.resolve(repoRoot, '../shared/seeds');

describe.skipIf(!existsSync(seeds))('seed articles', () => {
  const read = (file: string, published: string) => {
    const raw = readFileSync(path.join(seeds, file), 'utf8').replace(/^date \d{4}-\d{2}\s*/, '');
    const passages = raw.split(/\n\s*\n/).map((text) => ({ text }));
    return extractTimeMentions(passages, 'nb', day(published))
      .flat()
      .map((m) => `${m.text}=${m.span.start}..${m.span.end}/${m.span.granularity}`);
  };

  it('000 (published Saturday 2017-11-11)', () => {
    const all = read('000_99b457c8a2d927a1.txt', SAT);
    expect(all).toContain('den 28. november=2017-11-28..2017-11-28/day');
    expect(all).toContain('denne uken=2017-11-06..2017-11-12/week');
    expect(all).toContain('for to år siden=2015-01-01..2015-12-31/year');
    expect(all.some((m) => m.startsWith('2254') || m.includes('2254'))).toBe(false);
  });

  it('003 (published Tuesday 2017-11-21)', () => {
    const all = read('003_75780b4d9157d0e0.txt', TUE);
    expect(all).toContain('mandagens=2017-11-20..2017-11-20/day');
    expect(all).toContain('onsdag=2017-11-22..2017-11-22/day');
    expect(all).toContain('Tirsdag i neste uke=2017-11-28..2017-11-28/day');
    expect(all).toContain('oktober 2015=2015-10-01..2015-10-31/month');
    expect(all).toContain('Tidligere denne måneden=2017-11-01..2017-11-30/month');
    expect(all.filter((m) => m.startsWith('onsdag')).every((m) => m.includes('2017-11-22'))).toBe(
      true,
    );
    expect(all.some((m) => m.includes('330'))).toBe(false);
  });
});

// Monday publication, for the record of the weekday table.
describe('Monday publication', () => {
  it('søndag with past tense is yesterday', () => {
    expect(one('Hun døde søndag.', MON)).toBe('2017-11-19/day');
  });
});

describe('the date rules compiled ahead, a rule at a time', () => {
  it('read the same dates afterwards, and when stopped half-way', () => {
    const text =
      'Mandag 3. mars 2023 kom rapporten, og dagen før møttes de. Neste uke i april 2024.';
    const before = found(text, '2023-03-05');
    expect(before.length).toBeGreaterThan(1);
    const steps = compileDateRules([text, `${text} \u2013`]);
    for (let i = 0; i < 7; i++) steps.next();
    expect(found(text, '2023-03-05')).toEqual(before);
    for (const _ of steps);
    expect(found(text, '2023-03-05')).toEqual(before);
  });
});
