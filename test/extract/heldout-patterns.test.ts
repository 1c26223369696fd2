/**
 * The general rules behind the wrong answers of the held-out NDT audit, each tested on
 * sentences written for this file (none taken from the treebank).
 */
import { describe, expect, it } from 'vitest';
import { archiveRoles, datesIn, readNames, storyDatesIn } from '../helpers/extract';

const TUE = '2017-11-21';
const SUN = '2017-11-26';

const storyDates = (passages: string[], published: string) =>
  storyDatesIn(passages, published, (m) => `${m.text}=${m.span.start}..${m.span.end}`);

describe('dates 1: i dag meaning "nowadays"', () => {
  it('says nothing next to a present of state or in a general claim', () => {
    expect(datesIn('Skolen trenger flere lærere enn dem vi har i dag.', TUE)).toEqual([]);
    expect(datesIn('Han mener at byen i dag har for få sykkelveier.', TUE)).toEqual([]);
    expect(datesIn('I dag antas det at brua ble bygd av munker.', TUE)).toEqual([]);
    expect(datesIn('Jeg tror systemet vi har i dag, fungerer godt, sier rådmannen.', TUE)).toEqual(
      [],
    );
  });

  it('still dates today with an event verb, a perfect, or "per i dag"', () => {
    expect(datesIn('Regjeringen har i dag lagt fram et nytt forslag.', TUE)).toEqual([
      `i dag=${TUE}`,
    ]);
    expect(datesIn('I dag, tre år etter brannen, åpnet kirken igjen.', TUE)).toEqual([
      `I dag=${TUE}`,
    ]);
    expect(datesIn('Laget ligger per i dag på tredjeplass.', TUE)).toEqual([`i dag=${TUE}`]);
  });
});

describe('dates 2: habits, greetings and titles', () => {
  it('a habit marker before a relative word makes it "whichever"', () => {
    expect(datesIn('Vi vet aldri om det blir penger til strømregningen neste måned.', TUE)).toEqual(
      [],
    );
    expect(datesIn('Hun trener alltid i helgen.', TUE)).toEqual([]);
    // The marker after the day word qualifies something else.
    expect(datesIn('Han takket i går sin alltid trofaste trener.', TUE)).toEqual([
      'i går=2017-11-20',
    ]);
  });

  it('a greeting names no day', () => {
    expect(datesIn('Ha en fin lørdag!', TUE)).toEqual([]);
    expect(datesIn('God søndag til alle lesere.', TUE)).toEqual([]);
    expect(datesIn('Riktig god julaften!', TUE)).toEqual([]);
    // An event on a good Sunday is still a day.
    expect(datesIn('Brann fikk en god søndag da laget vant 3-0.', SUN)).toEqual([`søndag=${SUN}`]);
  });

  it('a time word inside a «title» is no date, a quoted sentence still is', () => {
    expect(
      datesIn('Bandet spilte låter fra plata «Bedre enn i morgen» på konserten.', TUE),
    ).toEqual([]);
    expect(datesIn('Filmen «Neste uke i Paris» får god kritikk.', TUE)).toEqual([]);
    expect(datesIn('Han sa at «vi kommer i morgen».', TUE)).toEqual(['i morgen=2017-11-22']);
  });
});

describe('dates 3: a story told far from publication', () => {
  it('a holiday after an explicit month-and-year belongs to that story', () => {
    expect(
      storyDates(
        ['I desember 1955 reiste hun til Kairo.', 'Julaften satt hun alene på hotellet.'],
        TUE,
      ),
    ).toEqual([['desember 1955=1955-12-01..1955-12-31'], ['Julaften=1955-12-24..1955-12-24']]);
  });

  it('weekdays and bare months in that story say nothing', () => {
    expect(
      storyDates(
        ['Det var i mars 1990 at familien flyttet.', 'Fredag fikk han jobb.', 'I mai ble han syk.'],
        TUE,
      ),
    ).toEqual([['mars 1990=1990-03-01..1990-03-31'], [], []]);
  });

  it('a day far from the story month says nothing rather than guess its year', () => {
    expect(storyDates(['I januar 1980 åpnet butikken.', '17. august ble den solgt.'], TUE)).toEqual(
      [['januar 1980=1980-01-01..1980-01-31'], []],
    );
  });

  it('the present is back once something is dated near publication', () => {
    expect(
      storyDates(
        ['I oktober 2001 var han soldat.', 'I går fikk han en medalje.', 'Mandag skjedde det.'],
        TUE,
      ),
    ).toEqual([
      ['oktober 2001=2001-10-01..2001-10-31'],
      ['I går=2017-11-20..2017-11-20'],
      ['Mandag=2017-11-20..2017-11-20'],
    ]);
  });

  it('a forward word still counts from publication, and a year in passing is background', () => {
    expect(storyDates(['Han ble født i 1960.', 'I januar skal han pensjonere seg.'], TUE)).toEqual([
      ['i 1960=1960-01-01..1960-12-31'],
      ['I januar=2018-01-01..2018-01-31'],
    ]);
  });
});

describe('dates 4: a relative day in speech said on another day', () => {
  it('says nothing with a past attribution', () => {
    expect(datesIn('- Vi reiser hjem i morgen, fortalte treneren.', TUE)).toEqual([]);
    expect(datesIn('- Jeg spiller igjen i morgen, lovet hun.', TUE)).toEqual([]);
    expect(datesIn('«Vi kommer tilbake i morgen», sa ordføreren.', TUE)).toEqual([]);
  });

  it('keeps it with a present attribution or none', () => {
    expect(datesIn('- Vi reiser hjem i morgen, sier treneren.', TUE)).toEqual([
      'i morgen=2017-11-22',
    ]);
    expect(datesIn('- Vi reiser hjem i morgen, fordi vi er slitne.', TUE)).toEqual([
      'i morgen=2017-11-22',
    ]);
  });
});

const roles = archiveRoles;

describe('roles 5: places and interjections hold no office', () => {
  it('a country or a city next to a role noun gets no role', () => {
    const names = readNames('Laget må slå regjerende mester Frankrike i semifinalen.');
    expect(names.find((n) => n.name === 'Frankrike')?.role).toBeUndefined();
    const oslo = readNames('Prisen gikk til vertsbyen Oslo som arrangør.');
    expect(oslo.every((n) => n.role === undefined)).toBe(true);
  });

  it('an interjection opening a reply is no name', () => {
    const names = readNames('- Javisst, svensk fotograf.');
    expect(names.some((n) => n.role !== undefined)).toBe(false);
    // A name with an apposition that goes on with a verb still gets its role.
    expect(
      readNames('Solheim, partileder, sier nei.').find((n) => n.name === 'Solheim')?.role,
    ).toBe('partileder');
  });
});

describe('roles 6: "X & Y" is one firm', () => {
  it('joins the two names and gives no one a role', () => {
    const names = readNames('Huset er tegnet av arkitektene Berg & Holm i fjor.');
    expect(names.map((n) => [n.name, n.kind])).toContainEqual(['Berg & Holm', 'organisation']);
    expect(names.every((n) => n.role === undefined)).toBe(true);
  });
});

describe('roles 7: "som <role>" is the subject\'s capacity', () => {
  it('gives it to no name standing right before "som"', () => {
    const names = readNames('I fjor besøkte Ola Nordmann Sverige som Norges statsminister.');
    expect(names.find((n) => n.name === 'Sverige')?.role).toBeUndefined();
  });

  it('still gives it to the subject before its verb', () => {
    const names = readNames('Kari Hansen har trukket seg som Norges statsminister.');
    expect(names.find((n) => n.name === 'Kari Hansen')?.role).toBe('Norges statsminister');
  });
});

describe('roles 8: evaluative adjectives and ages stay out of roles', () => {
  it('keeps the office and drops how the writer sees it', () => {
    expect(readNames('Han spiller den hensynsløse smuglerlederen Tor Vik.')[0]?.role).toBe(
      'smuglerleder',
    );
    expect(readNames('Der møtte vi den kjente forfatteren Liv Strand.')[0]?.role).toBe('forfatter');
    expect(readNames('Hun danset med den 84 år gamle kongen Olav Rud.')[0]?.role).toBe('konge');
  });

  it('keeps classifying adjectives', () => {
    expect(readNames('Det sa den tidligere svenske statsministeren Per Lind.')[0]?.role).toBe(
      'tidligere svensk statsminister',
    );
    expect(readNames('Det sa daglig leder Anne Moe.')[0]?.role).toBe('daglig leder');
  });
});

describe('roles 9: a hyphenated name in the genitive is not cut', () => {
  it('reads "Park Sung-hos" as Park Sung-ho', () => {
    const names = readNames('Delegasjonen hedret den tidligere presidenten Park Sung-hos minne.');
    expect(names[0]?.name).toBe('Park Sung-ho');
  });
});

describe('roles 10: back references skip people named only as former holders', () => {
  it('"statsråden" does not go to a former minister', () => {
    const found = roles({
      a: [
        'Saken ble lagt fram av tidligere statsråd Eva Dahl i fjor.',
        'Spørsmålet nå er om statsråden vil svare.',
      ],
    });
    const dahl = found.find((e) => e.name === 'Eva Dahl');
    expect(dahl?.roles).toEqual(['tidligere statsråd@a#0']);
  });

  it('still goes to a minister named in the present', () => {
    const found = roles({
      a: ['Statsråd Eva Dahl svarte på spørsmålene.', 'Senere sa statsråden at saken er løst.'],
    });
    expect(found.find((e) => e.name === 'Eva Dahl')?.roles).toEqual([
      'statsråd@a#0',
      'statsråd@a#1',
    ]);
  });
});
