/**
 * English questions in words Norwegian says otherwise: phrases ("is behind" as "står bak",
 * "took part" as "deltok"), irregular verbs, light verbs, and words spelt alike in both
 * languages, through the passage index, on articles written here.
 */
import { describe, expect, it } from 'vitest';
import { PassageIndex } from '../../src/search';
import { analyseQuery } from '../../src/search/query';
import { article } from './fixtures';

const articles = [
  article('nb/ran.md', 'Ran i Bergen', 'nb', [
    'Politiet mener at en kjent bande står bak ranet av gullsmeden i Bergen.',
    'Ranerne kom seg unna bak butikken, og gullsmeden ble sittende igjen med tapet.',
  ]),
  article('nb/renn.md', 'Rekord i Birkebeinerrennet', 'nb', [
    'Over 3000 skiløpere deltok i Birkebeinerrennet lørdag.',
    'En del av løypa var stengt, og rennet fikk en annen del av traseen i år.',
  ]),
  article('nb/slank.md', 'Slankekurer', 'nb', [
    'For ti år siden trodde mange at pulverkurer var løsningen for å gå ned i vekt.',
    'Ernæringsfysiologen anbefaler heller vanlig mat og mosjon.',
  ]),
  article('nb/konsert.md', 'Konsert i parken', 'nb', [
    'Konserten i parken trakk fulle hus mandag kveld.',
    'Billettsalget har gått jevnt og trutt hele uka, sier arrangøren om konserten.',
  ]),
  article('nb/ferje.md', 'Ferja innstilt', 'nb', [
    'All transport over fjorden stanset da ferja ble innstilt 17. mai.',
    'Passasjerene ble ført i land med en mindre båt.',
  ]),
];

const index = PassageIndex.build({ articles, aliases: [] });
const ids = (query: string) => index.search(query).map((h) => h.passageId);
const marked = (query: string) =>
  (index.search(query)[0]?.snippet.segments ?? []).filter((s) => s.marked).map((s) => s.text);
const analysed = (query: string) => analyseQuery(query, [], 'en', index.vocabulary);

describe('an English phrase finds the Norwegian phrase', () => {
  it('"who is behind" finds "står bak", not a passage where "bak" means a place', () => {
    expect(ids('Who is behind the robbery?')[0]).toBe('nb/ran.md#0');
    expect(marked('Who is behind the robbery?')).toEqual(expect.arrayContaining(['står', 'bak']));
  });

  it('"took part" (an irregular past) finds "deltok", not "del"', () => {
    expect(ids('How many skiers took part in the race?')[0]).toBe('nb/renn.md#0');
    expect(marked('How many skiers took part in the race?')).toContain('deltok');
  });

  it('a phrase takes its words: "part" is not translated on its own', () => {
    const words = analysed('Who took part?').words;
    expect(words.flatMap((w) => w.alternatives.map((a) => a.term))).not.toContain('del');
  });

  it('a phrase the archive has no word of leaves its words to the lexicon', () => {
    const words = analysed('the team dug in its heels').words;
    expect(words.map((w) => w.text)).toEqual(['team', 'dug', 'heels']);
  });
});

describe('English verbs and words spelt alike', () => {
  it('a light verb\'s past ("made", "took") is a function word like its base', () => {
    expect(analysed('When was the decision made?').words.map((w) => w.text)).toEqual(['decision']);
  });

  it('a word spelt alike in Norwegian ("transport") weighs as its translations, not as a chance spelling', () => {
    const word = analysed('transport across the fjord').words[0];
    const typed = word?.alternatives.find((a) => a.source === 'typed' && a.term === 'transport');
    const translated = word?.alternatives.find((a) => a.source === 'translated');
    expect(translated).toBeDefined();
    expect(typed?.weight).toBeCloseTo(translated?.weight ?? 0);
    expect(ids('transport across the fjord')[0]).toBe('nb/ferje.md#0');
  });
});

describe('English numbers', () => {
  it('an ordinal ("17th") is the number Norwegian writes with a stop ("17.")', () => {
    const word = analysed('the 17th').words[0];
    expect(word?.alternatives.map((a) => a.term)).toContain('17');
  });
});

describe('English function words never reach the index', () => {
  it('an auxiliary the stop list lacks ("may", "can\'t") and a function phrase ("going to")', () => {
    expect(analysed('the ferry may be late').words.map((w) => w.text)).toEqual(['ferry', 'late']);
    expect(analysed("the ferry can't sail").words.map((w) => w.text)).toEqual(['ferry', 'sail']);
    expect(analysed('who is the mayor going to meet').words.map((w) => w.text)).toEqual([
      'mayor',
      'meet',
    ]);
  });

  it('an adverb whose dictionary senses are other words\' ("just", "quite") stands for nothing', () => {
    expect(analysed('the ferry was just quite late').words.map((w) => w.text)).toEqual([
      'ferry',
      'late',
    ]);
  });

  it('"May" written as a name is the month, not an auxiliary', () => {
    expect(analysed('the ferry in May').words.map((w) => w.text)).toEqual(['ferry', 'May']);
  });
});

describe('two English words reach the Norwegian compound their translations make', () => {
  it('"powder diets" finds "pulverkurer" though the stem of "pulver" is "pulv"', () => {
    expect(ids('When were powder diets popular?')[0]).toBe('nb/slank.md#0');
    expect(marked('When were powder diets popular?')).toContain('pulverkurer');
  });
});

describe("the hand table's news senses replace the dictionary's", () => {
  it('"evening" is "kveld", not the "jevn" of "even", which shares its English stem', () => {
    const terms = analysed('concert evening').words[1]?.alternatives.map((a) => a.term);
    expect(terms).toContain('kveld');
    expect(terms).not.toContain('jevnt');
    expect(ids('the concert on Monday evening')[0]).toBe('nb/konsert.md#0');
  });
});
