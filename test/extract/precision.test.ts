/**
 * The general rules behind the wrong answers the hand-judged NDT audits found
 * (eval/audit/*.json), each tested on sentences written for this file.
 */
import { describe, expect, it } from 'vitest';
import {
  buildEntities,
  buildLexicon,
  extractEntityMentions,
  type PassageMentions,
} from '../../src/extract/entities';
import { datesIn, storyDatesIn } from '../helpers/extract';

const TUE = '2017-11-21';

/** Dates of a multi-passage article: `words=start[..]` per passage. */
const storyDates = (passages: string[], published: string) =>
  storyDatesIn(passages, published, (m) =>
    m.span.start === m.span.end ? `${m.text}=${m.span.start}` : `${m.text}=${m.span.start}..`,
  );

describe('i dag: the day, or nowadays', () => {
  it('says nothing for a state that holds nowadays', () => {
    expect(datesIn('Byen er i dag et yndet reisemål for turister.', TUE)).toEqual([]);
    expect(datesIn('I dag er utvalget av brød langt større.', TUE)).toEqual([]);
    expect(datesIn('Ungdommen bruker i dag mer engelsk enn før.', TUE)).toEqual([]);
  });

  it('still dates an event today, with a tense or a verb of saying', () => {
    expect(datesIn('I dag skal regjeringen legge fram budsjettet.', TUE)).toEqual([`I dag=${TUE}`]);
    expect(datesIn('Det var lokalavisen som i dag kunne melde nyheten.', TUE)).toEqual([
      `i dag=${TUE}`,
    ]);
    expect(datesIn('Det skriver Bergensavisen i dag.', TUE)).toEqual([`i dag=${TUE}`]);
    expect(datesIn('I dag innledes det offisielle besøket i Bern.', TUE)).toEqual([`I dag=${TUE}`]);
  });
});

describe('explicit dates', () => {
  it('reads a decade or a century, never its first year', () => {
    expect(datesIn('Krisen er den verste siden 1930-årene.', TUE, true)).toEqual([
      '1930-årene=1930-01-01..1939-12-31/year',
    ]);
    expect(datesIn('Striden har pågått siden slutten av 1800-tallet.', TUE, true)).toEqual([
      '1800-tallet=1800-01-01..1899-12-31/year',
    ]);
    expect(datesIn('Mye har endret seg på 2000-tallet.', TUE)).toEqual([]);
  });

  it('gives a name built on a date no date', () => {
    expect(datesIn('22. juni-utvalget leverte sin innstilling.', TUE)).toEqual([]);
    expect(datesIn('Hun gikk i 17. mai-toget.', TUE)).toEqual([]);
  });

  it('reads "august i 2007" as that August, and "26. juli i 1984" as that day', () => {
    expect(datesIn('Partiet sto sterkt de første ukene i august i 2007.', TUE, true)).toEqual([
      'august i 2007=2007-08-01..2007-08-31/month',
    ]);
    expect(datesIn('Det skjedde 26. juli i 1984.', TUE)).toEqual(['26. juli i 1984=1984-07-26']);
  });

  it('drops a weekday and date that do not fit the year they would get', () => {
    // 3 May 2017 was a Wednesday.
    expect(datesIn('Han ble funnet søndag 3. mai.', TUE)).toEqual([]);
    expect(datesIn('Han ble funnet onsdag 3. mai.', TUE)).toEqual(['onsdag 3. mai=2017-05-03']);
  });

  it('does not date an idiom or a habit', () => {
    expect(datesIn('Seieren kom som julaften på kjerringa.', TUE)).toEqual([]);
    expect(datesIn('Hun trener med laget hver fredag kveld.', TUE)).toEqual([]);
    expect(datesIn('Butikken holder stengt julaften.', TUE)).toEqual(['julaften=2017-12-24']);
  });

  it('does not date a day months ahead that nothing points forward to', () => {
    expect(datesIn('5. april går politiet inn i leiligheten.', TUE)).toEqual([]);
    expect(datesIn('Valget skal holdes 5. april.', TUE)).toEqual(['5. april=2018-04-05']);
  });
});

describe('a story told from another time', () => {
  it('reads no bare weekday after a day months from publication', () => {
    expect(
      storyDates(
        ['Torsdag 2. mars 2017 hadde han sin siste arbeidsdag.', 'På mandag ble han syk.'],
        TUE,
      ),
    ).toEqual([['Torsdag 2. mars 2017=2017-03-02'], []]);
  });

  it('still reads it after a date a few weeks back', () => {
    expect(storyDates(['Valget ble holdt 6. november.', 'Mandag møtte han pressen.'], TUE)).toEqual(
      [['6. november=2017-11-06'], ['Mandag=2017-11-20']],
    );
  });

  it('counts nothing from an older date after an expression it could not date', () => {
    expect(
      storyDates(
        ['Det skjedde 1. november.', '5. april går politiet inn.', 'Dagen etter var det stille.'],
        TUE,
      ),
    ).toEqual([['1. november=2017-11-01'], [], []]);
  });
});

/** Articles as lists of paragraphs, read the way the pipeline reads them. */
function archive(articles: Record<string, string[]>, extra: string[] = []): PassageMentions[] {
  const passages = Object.entries(articles).flatMap(([articleId, paragraphs]) =>
    paragraphs.map((text, index) => ({
      passageId: `${articleId}#${index}`,
      articleId,
      text,
      language: 'nb' as const,
    })),
  );
  const lexicon = buildLexicon([...passages.map((p) => p.text), ...extra]);
  return passages.map((p) => ({ ...p, mentions: extractEntityMentions(p.text, 'nb', lexicon) }));
}

describe('roles', () => {
  it('attaches a bare back reference only to someone known in that very role', () => {
    const passages = archive({
      a1: [
        'Tapet var bittert, sier Molde-trener Ola Brekke.',
        'Gjestene vant likevel, selv om treneren var syk.',
      ],
    });
    const brekke = buildEntities(passages, []).find((e) => e.name === 'Ola Brekke');
    expect(brekke?.roles.map((r) => r.role)).toEqual(['Molde-trener']);
  });

  it('keeps a bare back reference when exactly one earlier person holds the role', () => {
    const passages = archive({
      a1: [
        'Saken ble tatt opp av rektor Kari Lunde.',
        'Rektoren svarte at skolen hadde fulgt opp.',
      ],
    });
    const lunde = buildEntities(passages, []).find((e) => e.name === 'Kari Lunde');
    expect(lunde?.roles.map((r) => r.passageId)).toEqual(['a1#0', 'a1#1']);
  });

  it('does not take the definite form of a common noun opening a sentence for a name', () => {
    const passages = archive({ a1: ['Unntaket er familiens fastlege, som kjente saken.'] }, [
      'Det finnes ett unntak fra regelen.',
    ]);
    expect(passages[0]?.mentions.some((m) => m.name === 'Unntaket')).toBe(false);
  });

  it('leaves descriptive participles out of a role, but keeps those that qualify an office', () => {
    const lexicon = buildLexicon([]);
    const [smiling] = extractEntityMentions(
      'Bildet viser den smilende BBC-journalisten Tom Hale i Gaza.',
      'nb',
      lexicon,
    ).filter((m) => m.kind === 'person');
    expect(smiling?.role).toBe('BBC-journalist');
    const [then] = extractEntityMentions(
      'Det fastslo daværende politimester Per Holt i et brev.',
      'nb',
      lexicon,
    ).filter((m) => m.kind === 'person');
    expect(then?.role).toBe('daværende politimester');
  });
});
