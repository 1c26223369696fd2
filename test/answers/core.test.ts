import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kilde } from '../../src/answers/types';
import {
  bokmalBudget,
  bokmalFollowUp,
  englishClimate,
  nynorskSchool,
  rawText,
} from '../helpers/articles';
import { tempKnowledge } from '../helpers/kb';

function passagesText(answer: Awaited<ReturnType<Kilde['who']>>): string {
  if (answer.kind !== 'found') return '';
  return answer.card.passages.map((p) => p.snippet.segments.map((s) => s.text).join('')).join('\n');
}

describe('the answering core on articles it has never seen', () => {
  let kb: Awaited<ReturnType<typeof tempKnowledge>>;
  beforeAll(async () => {
    kb = await tempKnowledge({
      'lillevik-budsjett.md': bokmalBudget,
      'lillevik-laerere.md': bokmalFollowUp,
      'climate.md': englishClimate,
      'nordvik.txt': rawText,
      'fjellbygd.md': nynorskSchool,
    });
  });
  afterAll(() => kb.cleanup());

  it('reads all four formats into articles', async () => {
    const sources = await kb.kilde.sources();
    expect(sources.articles.find((a) => a.file === 'fjellbygd.md')?.language).toBe('nn');
    expect(
      sources.articles.filter((a) => a.file !== 'fjellbygd.md').map((a) => a.published.start),
    ).toEqual(['2023-03-20', '2023-03-15', '2022-09-05', '2021-06-10']);
    const raw = sources.articles.find((a) => a.file === 'nordvik.txt');
    expect(raw?.title).toMatch(/^Fiskerne i Nordvik protesterte/);
  });

  it('/hvem merges a surname with the full name and cites both articles', async () => {
    const answer = await kb.kilde.who('nordmann');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.card.name).toBe('Kari Nordmann');
    expect(answer.card.kind).toBe('person');
    expect(answer.card.roles.map((r) => r.role.toLowerCase())).toContain('ordfører');
    expect(answer.card.articleCount).toBe(2);
    expect(answer.card.firstSeen.start).toBe('2023-03-15');
    expect(answer.card.lastSeen.start).toBe('2023-03-20');
    expect(new Set(answer.card.passages.map((p) => p.source.articleId))).toEqual(
      new Set(['lillevik-budsjett.md', 'lillevik-laerere.md']),
    );
    // The passages mark the name itself.
    expect(
      answer.card.passages.some((p) =>
        p.snippet.segments.some((s) => s.marked && /Nordmann/.test(s.text)),
      ),
    ).toBe(true);
  });

  it('/hvem reads a compound role and a full name with three parts', async () => {
    const answer = await kb.kilde.who('Vedum');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.card.name).toBe('Trygve Slagsvold Vedum');
    expect(answer.card.roles.map((r) => r.role.toLowerCase())).toContain('finansminister');
    expect(passagesText(answer)).toContain('Finansminister Trygve Slagsvold Vedum');
  });

  it('/who reads an English role before the name', async () => {
    const answer = await kb.kilde.who('Rotevatn');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.card.name).toBe('Sveinung Rotevatn');
    expect(answer.card.roles.map((r) => r.role).join(' ')).toMatch(/Climate Minister/i);
  });

  it('/hvem on an unknown name says so, and suggests a close name for a typo', async () => {
    const unknown = await kb.kilde.who('Zxqwerty');
    expect(unknown.kind).toBe('unknown');
    const typo = await kb.kilde.who('Nordman');
    if (typo.kind === 'found') {
      expect(typo.card.name).toBe('Kari Nordmann');
    } else {
      expect(typo.kind).toBe('unknown');
      if (typo.kind === 'unknown')
        expect(typo.suggestions.map((s) => s.name)).toContain('Kari Nordmann');
    }
  });

  it('reads a Nynorsk article: the mayor with her role, "i går" and a future "måndag"', async () => {
    const mayor = await kb.kilde.who('Haugen');
    expect(mayor.kind).toBe('found');
    if (mayor.kind === 'found') {
      expect(mayor.card.name).toBe('Ingrid Haugen');
      expect(mayor.card.roles.map((r) => r.role)).toContain('ordførar');
    }
    const yesterday = await kb.kilde.whatHappened('2023-09-13');
    expect(yesterday.kind === 'found' && yesterday.events[0]?.dating.text).toBe('i går');
    const monday = await kb.kilde.whatHappened('2023-09-18');
    expect(monday.kind === 'found' && monday.events[0]?.dating.text).toBe('måndag');
    expect((await kb.kilde.search('skulen')).kind).toBe('found');
  });

  it('/hvem rejects empty and overlong input', async () => {
    expect((await kb.kilde.who('   ')).kind).toBe('invalid');
    expect((await kb.kilde.who('x'.repeat(500))).kind).toBe('invalid');
  });

  it('/hva-skjedde dates "i går" to the day before publication', async () => {
    const answer = await kb.kilde.whatHappened('2023-03-14');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.published).toHaveLength(0);
    expect(answer.events.map((e) => e.dating.text.toLowerCase())).toContain('i går');
  });

  it('/hva-skjedde resolves weekdays back and forth from the publication day', async () => {
    const monday = await kb.kilde.whatHappened('13.03.2023');
    expect(monday.kind).toBe('found');
    if (monday.kind === 'found')
      expect(monday.events[0]?.dating.text.toLowerCase()).toContain('mandagens');
    const friday = await kb.kilde.whatHappened('17. mars 2023');
    expect(friday.kind).toBe('found');
    if (friday.kind === 'found')
      expect(friday.events.map((e) => e.dating.text.toLowerCase())).toContain('fredag');
    // "torsdag i neste uke" in an article of Monday 2023-03-20 is Thursday 2023-03-30.
    const nextWeek = await kb.kilde.whatHappened('2023-03-30');
    expect(nextWeek.kind).toBe('found');
    if (nextWeek.kind === 'found')
      expect(nextWeek.events[0]?.dating.text.toLowerCase()).toBe('torsdag i neste uke');
  });

  it('/hva-skjedde reads English weekdays: "on Tuesday" before, "on Friday" after publication', async () => {
    const tuesday = await kb.kilde.whatHappened('8 June 2021');
    expect(tuesday.kind).toBe('found');
    const friday = await kb.kilde.whatHappened('2021-06-11');
    expect(friday.kind).toBe('found');
    if (friday.kind === 'found')
      expect(friday.events[0]?.passage.source.title).toBe('Ministers agree on fjord protection');
  });

  it('/hva-skjedde lists the articles published that day, and a month holds all of them', async () => {
    const day = await kb.kilde.whatHappened('2023-03-15');
    expect(day.kind).toBe('found');
    if (day.kind === 'found')
      expect(day.published.map((p) => p.source.title)).toEqual([
        'Bystyret i Lillevik vedtok nytt budsjett',
      ]);
    const month = await kb.kilde.whatHappened('2023-03');
    expect(month.kind).toBe('found');
    if (month.kind === 'found') expect(month.published).toHaveLength(2);
  });

  it('/hva-skjedde on an empty day names the nearest days that have something', async () => {
    const answer = await kb.kilde.whatHappened('2023-03-25');
    expect(answer.kind).toBe('empty');
    if (answer.kind === 'empty') {
      expect(answer.nearest.length).toBeGreaterThan(0);
      expect(answer.nearest.map((d) => d.date)).toContain('2023-03-20');
    }
  });

  it('/hva-skjedde rejects what is not a date, and dates that do not exist', async () => {
    expect((await kb.kilde.whatHappened('i morgen tidlig kanskje')).kind).toBe('invalid');
    const impossible = await kb.kilde.whatHappened('2023-02-30');
    expect(impossible.kind).toBe('invalid');
    if (impossible.kind === 'invalid') expect(impossible.error).toBe('impossible');
  });

  it('/søk finds inflected forms and marks the matched words', async () => {
    const answer = await kb.kilde.search('lærer');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    const marked = answer.hits.flatMap((h) =>
      h.snippet.segments.filter((s) => s.marked).map((s) => s.text.toLowerCase()),
    );
    expect(marked).toContain('lærere');
  });

  it('/søk answers nothing rather than noise', async () => {
    expect((await kb.kilde.search('kvantedatamaskin')).kind).toBe('none');
  });

  it('suggests names and days for autocomplete', async () => {
    expect((await kb.kilde.suggestNames('nord', 25)).map((s) => s.name)).toContain('Kari Nordmann');
    expect((await kb.kilde.suggestDays('2023-03', 25)).map((d) => d.date)).toContain('2023-03-15');
  });
});
