/**
 * Acronyms that spell a function word ("VAR", "WHO", "IT"): written in capitals inside
 * ordinary text they are names, indexed and searched as written; in a run of capitals
 * (shouting) they stay function words. Articles written here.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/language';
import { PassageIndex } from '../../src/search';
import { article } from './fixtures';

const articles = [
  article('nb/video.md', 'Videodømming i fotball', 'nb', [
    'Dommeren fikk hjelp av VAR (video assistant referee) da straffen ble vurdert på nytt.',
    'Systemet er omdiskutert fordi kampene stopper opp i flere minutter.',
  ]),
  article('nb/handel.md', 'Dyrere varer i butikken', 'nb', [
    'Prisene på mange varer steg kraftig i januar, og kundene merket det.',
    'LES OGSÅ: DET VAR EN GANG EN BUTIKK',
  ]),
  article('en/health.md', 'Vaccines for the region', 'en', [
    'The WHO said on Monday that the vaccine shipments would reach the region within weeks.',
    'Who pays for the shipments is still unclear, officials said.',
  ]),
];

const index = PassageIndex.build({ articles, aliases: [] });
const ids = (query: string) => index.search(query).map((h) => h.passageId);
const marked = (query: string) =>
  (index.search(query)[0]?.snippet.segments ?? []).filter((s) => s.marked).map((s) => s.text);

describe('an acronym that spells a function word is a name', () => {
  it('"Hva står VAR for?" finds the passage naming VAR, not the one about "varer"', () => {
    expect(ids('Hva står VAR for?')).toEqual(['nb/video.md#0']);
    expect(marked('Hva står VAR for?')).toEqual(['VAR']);
  });

  it('the same acronym asked in English finds the Norwegian passage', () => {
    expect(ids('What is VAR?')[0]).toBe('nb/video.md#0');
  });

  it('an English function word written as an acronym is indexed too: "WHO vaccine"', () => {
    expect(ids('WHO vaccine')[0]).toBe('en/health.md#0');
    // Written as the function word it is ("Who pays"), it is no name.
    expect(analyze('Who pays for the shipments', 'en')).not.toContain('Who');
  });

  it('a part of a hyphenated word keeps its capitals: "VAR-dommeren"', () => {
    expect(analyze('VAR-dommeren grep inn', 'nb')).toContain('VAR');
  });
});

describe('shouting is no acronym', () => {
  it('function words in a run of capitals stay function words', () => {
    expect(analyze('LES OGSÅ: DET VAR EN GANG EN BUTIKK', 'nb')).not.toContain('VAR');
    expect(ids('Hva står VAR for?')).not.toContain('nb/handel.md#1');
  });

  it('a function word as typed in lower case still matches nothing', () => {
    expect(ids('var')).toEqual([]);
  });
});
