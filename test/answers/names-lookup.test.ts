/**
 * `/hvem` and its autocomplete through the answering core, on articles written here:
 * short forms of names with a middle name, prefixes of any word, diacritics, slips, role
 * holders and how candidates are labelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempKnowledge } from '../helpers/kb';
import { namesArticles } from '../helpers/names-articles';

describe('/hvem names through the answers', () => {
  let kb: Awaited<ReturnType<typeof tempKnowledge>>;
  beforeAll(async () => {
    kb = await tempKnowledge(namesArticles);
  });
  afterAll(() => kb.cleanup());

  const suggested = async (typed: string) =>
    (await kb.kilde.suggestNames(typed, 25)).map((e) => e.name);
  const found = async (query: string) => {
    const answer = await kb.kilde.who(query);
    return answer.kind === 'found' ? answer.card.name : answer.kind;
  };

  describe('short forms of a name with a middle name', () => {
    it('finds the person by first name and surname, and by the double surname', async () => {
      expect(await found('anniken huitfeldt')).toBe('Anniken Scheie Huitfeldt');
      expect(await found('Scheie Huitfeldt')).toBe('Anniken Scheie Huitfeldt');
      expect(await found('hvem er Anniken Huitfeldt?')).toBe('Anniken Scheie Huitfeldt');
    });

    it('lists both people when a short form fits two, instead of picking one', async () => {
      const answer = await kb.kilde.who('ola dahl');
      expect(answer.kind).toBe('ambiguous');
      if (answer.kind !== 'ambiguous') return;
      expect(answer.candidates.map((c) => c.name).sort()).toEqual(['Ola Nes Dahl', 'Ola Rud Dahl']);
    });

    it('does not take a first name and a middle name for the person', async () => {
      expect((await kb.kilde.who('anniken scheie')).kind).toBe('unknown');
    });
  });

  describe('candidates labelled by role', () => {
    it('labels every holder with the role asked for, not their most given one', async () => {
      const answer = await kb.kilde.who('ordfører');
      expect(answer.kind).toBe('ambiguous');
      if (answer.kind !== 'ambiguous') return;
      expect(answer.candidates.map((c) => [c.name, c.role]).sort()).toEqual([
        ['Marte Lie', 'ordfører'],
        ['Ola Nes Dahl', 'ordfører'],
      ]);
    });

    it('labels a name match with the role given in most articles', async () => {
      const answer = await kb.kilde.who('dahl');
      expect(answer.kind).toBe('ambiguous');
      if (answer.kind !== 'ambiguous') return;
      expect(Object.fromEntries(answer.candidates.map((c) => [c.name, c.role]))).toEqual({
        'Ola Nes Dahl': 'ordfører',
        'Ola Rud Dahl': 'havnesjef',
      });
      // Marte Lie is "partileder" in two articles, "styreleder" three times in one that
      // was read first, and "ordfører" once.
      const lie = (await kb.kilde.suggestNames('marte', 5))[0];
      expect([lie?.name, lie?.role]).toEqual(['Marte Lie', 'partileder']);
    });

    it('finds the one holder of a role, whatever its case', async () => {
      expect(await found('HAVNESJEF')).toBe('Ola Rud Dahl');
    });
  });

  describe('autocomplete', () => {
    it('completes any word of a name, the most mentioned first', async () => {
      expect(await suggested('huit')).toEqual(['Anniken Scheie Huitfeldt']);
      expect(await suggested('sche')).toEqual(['Anniken Scheie Huitfeldt']);
      expect(await suggested('anniken h')).toEqual(['Anniken Scheie Huitfeldt']);
      expect(await suggested('ola')).toEqual(['Ola Nes Dahl', 'Ola Rud Dahl']);
    });

    it('ignores case and diacritics, and takes o for ø', async () => {
      expect(await suggested('HUIT')).toEqual(['Anniken Scheie Huitfeldt']);
      expect(await suggested('adne')).toEqual(['Ådne Søreide']);
      expect(await suggested('søre')).toEqual(['Ådne Søreide']);
      expect(await suggested('sore')).toEqual(['Ådne Søreide']);
    });

    it('completes a role to its holders after the names', async () => {
      expect(await suggested('havnes')).toEqual(['Ola Rud Dahl']);
    });

    it('still offers a name typed with a slip', async () => {
      expect(await suggested('hiutf')).toEqual(['Anniken Scheie Huitfeldt']);
      expect(await suggested('qqqq')).toEqual([]);
    });
  });

  describe('a miss', () => {
    it('suggests the close names and only them', async () => {
      const answer = await kb.kilde.who('Huitfelt');
      expect(answer.kind).toBe('unknown');
      if (answer.kind !== 'unknown') return;
      expect(answer.suggestions.map((s) => s.name)).toEqual(['Anniken Scheie Huitfeldt']);
      const far = await kb.kilde.who('Zqxwvy');
      expect(far.kind === 'unknown' && far.suggestions).toEqual([]);
    });
  });
});
