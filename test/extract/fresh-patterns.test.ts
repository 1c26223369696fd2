/**
 * The general rules behind the wrong answers of the fresh audit on real news, each tested
 * on sentences written for this file.
 */
import { describe, expect, it } from 'vitest';
import { archiveRoles, datesIn, readNames, storyDatesIn } from '../helpers/extract';

// Tuesday: the Thursday before is five days back, the next one two days ahead.
const TUE = '2017-11-21';

describe('dates 1: "ville" + infinitive points back', () => {
  it('reads the past of "vil" as narration of what has passed', () => {
    // Without a signal the nearest Thursday would be the 23rd.
    expect(datesIn('Torsdag ville ingen i styret antyde noe om saken.', TUE)).toEqual([
      'Torsdag=2017-11-16',
    ]);
    expect(datesIn('Statsråden ville ikke kommentere rapporten torsdag.', TUE)).toEqual([
      'torsdag=2017-11-16',
    ]);
  });

  it('"ville ha" + participle is a conditional and says nothing', () => {
    // Nearest Friday from Tuesday is the 24th; `ville` alone would make it the 17th.
    expect(datesIn('Fredag ville laget ha vunnet uten den skaden.', TUE)).toEqual([
      'Fredag=2017-11-24',
    ]);
  });

  it('the adjective "ville" is no verb', () => {
    expect(datesIn('De ville hestene samles på fjellet fredag.', TUE)).toEqual([
      'fredag=2017-11-24',
    ]);
  });
});

describe('dates 2: the present of a coming fixture points forward', () => {
  it('takes the coming day, not the nearest one', () => {
    // Saturday the 18th is nearer than the 25th, but nothing here has happened yet.
    expect(datesIn('Vålerenga er klare favoritter lørdag.', TUE)).toEqual(['lørdag=2017-11-25']);
    expect(datesIn('Kampen er lørdag, og billettene er utsolgt.', TUE)).toEqual([
      'lørdag=2017-11-25',
    ]);
  });

  it('not with a past verb, nor after a definite event noun', () => {
    expect(datesIn('Laget er favoritter igjen etter at de vant lørdag.', TUE)).toEqual([
      'lørdag=2017-11-18',
    ]);
    expect(datesIn('Treneren er fornøyd med seieren lørdag.', TUE)).toEqual(['lørdag=2017-11-18']);
    // A state left by an event (`er innlagt`) or what comes `etter` it may lie behind.
    expect(datesIn('Hun er innlagt på sykehus lørdag.', TUE)).toEqual(['lørdag=2017-11-18']);
    expect(datesIn('Han er sykmeldt etter et fall lørdag.', TUE)).toEqual(['lørdag=2017-11-18']);
  });
});

describe('dates 3: vague stretches of years', () => {
  it('says nothing for "a year or two", "a couple of years", "some years"', () => {
    expect(datesIn('Kanskje står hallen ferdig om et år eller to.', TUE)).toEqual([]);
    expect(datesIn('Om et par år kan vi se resultatene.', TUE)).toEqual([]);
    expect(datesIn('Om noen år er dette glemt.', TUE)).toEqual([]);
    expect(datesIn('For et par år siden bodde hun i Bodø.', TUE)).toEqual([]);
    expect(datesIn('For noen år siden startet han firmaet.', TUE)).toEqual([]);
    expect(datesIn('Planen er klar om to–tre år.', TUE)).toEqual([]);
  });

  it('keeps an exact count', () => {
    expect(datesIn('Hallen skal stå ferdig om to år.', TUE)).toEqual([
      'om to år=2019-01-01..2019-12-31',
    ]);
  });
});

describe('dates 4: "oppe i" / "nede i" + number is a level', () => {
  it('reads no year there', () => {
    expect(datesIn('Prisen var oppe i 2000 i sommer.', TUE).some((d) => d.includes('2000'))).toBe(
      false,
    );
    expect(datesIn('Antallet var nede i 1500 før jul.', TUE)).toEqual([]);
  });

  it('still reads "i 2000" as a year elsewhere', () => {
    expect(datesIn('Han flyttet til Tromsø i 2000.', TUE)).toEqual([
      'i 2000=2000-01-01..2000-12-31',
    ]);
  });
});

describe('dates 5: "samme dag" and "dagen etter" need a date right before', () => {
  const show = (m: { text: string; span: { start: string } }) => `${m.text}=${m.span.start}`;

  it('dates them from a date in the same or the previous sentence', () => {
    expect(datesIn('Han ble pågrepet 3. mars i fjor. Dagen etter ble han løslatt.', TUE)).toEqual([
      '3. mars i fjor=2016-03-03',
      'Dagen etter=2016-03-04',
    ]);
    expect(
      storyDatesIn(['Brannen startet 4. juni 2015.', 'Samme dag ble hundre evakuert.'], TUE, show),
    ).toEqual([['4. juni 2015=2015-06-04'], ['Samme dag=2015-06-04']]);
  });

  it('a habit farther from any date says nothing', () => {
    expect(
      datesIn(
        'Butikken åpnet 3. mars i fjor. Den har mange kunder. Varene sendes samme dag. Pakken kommer som regel dagen etter.',
        TUE,
      ),
    ).toEqual(['3. mars i fjor=2016-03-03']);
    expect(
      storyDatesIn(
        ['Firmaet ble startet 4. juni 2015.', 'Det har vokst.', 'Svar får du samme dag.'],
        TUE,
        show,
      ),
    ).toEqual([['4. juni 2015=2015-06-04'], [], []]);
  });
});

describe('dates 6: a quoted document or e-mail from another day', () => {
  it('dates none of the relative words inside a quote after a past frame', () => {
    expect(
      datesIn(
        'Lederen skrev i et brev til de ansatte: «Vi møtes på mandag. Avtalen signeres fredag, og i neste uke starter arbeidet.»',
        TUE,
      ),
    ).toEqual([]);
  });

  it('nor inside a several-sentence quote closed by a past attribution', () => {
    expect(
      datesIn('«Vi drar mandag. Vi er hjemme igjen i morgen», skrev hun i meldingen.', TUE),
    ).toEqual([]);
  });

  it('keeps quotes with a present frame or said as of today', () => {
    expect(datesIn('Hun sier: «Vi møtes i morgen.»', TUE)).toEqual(['i morgen=2017-11-22']);
    expect(datesIn('Han sa at «vi kommer i morgen».', TUE)).toEqual(['i morgen=2017-11-22']);
  });
});

describe('roles 1: the verb slot after an opening time word', () => {
  it('a role word right after the opening time word is the verb', () => {
    const names = readNames('Torsdag innleder Kari Moe konferansen om klima.');
    expect(names.find((n) => n.name === 'Kari Moe')?.role).toBeUndefined();
    const today = readNames('I dag innleder Per Lund debatten.');
    expect(today.find((n) => n.name === 'Per Lund')?.role).toBeUndefined();
  });

  it('a role word opening the sentence is still a role', () => {
    expect(readNames('Innleder Kari Moe snakket om klima.')[0]?.role).toBe('innleder');
  });

  it('club words make a team, not a person', () => {
    const kinds = (text: string) => readNames(text).map((n) => [n.name, n.kind]);
    expect(kinds('Lørdag møter Glasgow Rangers et nytt lag.')).toContainEqual([
      'Glasgow Rangers',
      'organisation',
    ]);
    expect(kinds('Nå topper Leeds United tabellen.')).toContainEqual([
      'Leeds United',
      'organisation',
    ]);
    expect(kinds('Søndag spiller Rangers borte.')).toContainEqual(['Rangers', 'organisation']);
    expect(kinds('Han reiste til United States i fjor.')).not.toContainEqual([
      'United States',
      'organisation',
    ]);
  });
});

const roles = archiveRoles;

describe('roles 2: a generic second-person passage refers to nobody named', () => {
  it('"dommeren" in an imagined scene is not the referee named before', () => {
    const found = roles({
      a: [
        'Kampen ble ledet av dommer Eva Dahl.',
        'Se for deg at du står i mål. Dommeren blåser, og du må velge side.',
      ],
    });
    expect(found.find((e) => e.name === 'Eva Dahl')?.roles).toEqual(['dommer@a#0']);
  });

  it('still resolves back in a reported passage', () => {
    const found = roles({
      a: ['Kampen ble ledet av dommer Eva Dahl.', 'Etter pausen blåste dommeren for straffe.'],
    });
    expect(found.find((e) => e.name === 'Eva Dahl')?.roles).toEqual(['dommer@a#0', 'dommer@a#1']);
  });
});

describe('roles 3: "Da" (when) before a role is no verb slot', () => {
  it('keeps the role', () => {
    expect(readNames('Da statsminister Kari Moe kom, var salen full.')[0]?.role).toBe(
      'statsminister',
    );
  });
});
