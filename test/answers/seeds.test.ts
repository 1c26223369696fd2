import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WhatHappenedAnswer } from '../../src/answers/types';
import { tempKnowledge } from '../helpers/kb';

/** The "done when" on the shipped knowledge base. */
describe('answers on the shipped knowledge base', () => {
  let kb: Awaited<ReturnType<typeof tempKnowledge>>;
  beforeAll(async () => {
    kb = await tempKnowledge({}, { withShipped: true });
  });
  afterAll(() => kb.cleanup());

  const eventTexts = (answer: WhatHappenedAnswer) =>
    answer.kind === 'found'
      ? answer.events.map((e) => e.passage.snippet.segments.map((s) => s.text).join(''))
      : [];
  const eventArticles = (answer: WhatHappenedAnswer) =>
    answer.kind === 'found'
      ? new Set(answer.events.map((e) => e.passage.source.articleId))
      : new Set();

  it("/hvem assad: Bashar al-Assad, Syria's president, citing both articles", async () => {
    const answer = await kb.kilde.who('assad');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.card.name).toBe('Bashar al-Assad');
    expect(answer.card.kind).toBe('person');
    expect(answer.card.roles[0]?.role).toMatch(/Syrias president/i);
    expect(answer.card.articleCount).toBe(2);
    expect(new Set(answer.card.passages.map((p) => p.source.published.start))).toEqual(
      new Set(['2017-11-11', '2017-11-21']),
    );
  });

  it('/hvem peskov: Dmitrij Peskov, Kremlin spokesman', async () => {
    const answer = await kb.kilde.who('peskov');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    expect(answer.card.name).toBe('Dmitrij Peskov');
    expect(answer.card.roles.map((r) => r.role)).toContain('Kreml-talsmann');
  });

  it('/hvem by a role the archive gives: one holder is a card, several are candidates', async () => {
    const spokesman = await kb.kilde.who('Kreml-talsmann');
    expect(spokesman.kind).toBe('found');
    if (spokesman.kind === 'found') expect(spokesman.card.name).toBe('Dmitrij Peskov');
    const ministers = await kb.kilde.who('utenriksminister');
    expect(ministers.kind).toBe('ambiguous');
    if (ministers.kind === 'ambiguous') {
      expect(ministers.candidates.map((c) => c.name).sort()).toEqual([
        'Rex Tillerson',
        'Sergej Lavrov',
      ]);
    }
  });

  it('/hva-skjedde 2017-11-20: the Putin-Assad meeting ("mandagens møte")', async () => {
    const answer = await kb.kilde.whatHappened('2017-11-20');
    expect(answer.kind).toBe('found');
    expect(eventTexts(answer).join(' ')).toMatch(/mandagens møte/i);
  });

  it('/hva-skjedde 2017-11-22: the Sochi meeting with Rouhani and Erdogan', async () => {
    const answer = await kb.kilde.whatHappened('2017-11-22');
    expect(answer.kind).toBe('found');
    expect(eventTexts(answer).join(' ')).toMatch(/Rouhani/);
  });

  it('/hva-skjedde 2017-11-28: the Geneva talks, from both articles', async () => {
    const answer = await kb.kilde.whatHappened('2017-11-28');
    expect(answer.kind).toBe('found');
    expect(eventArticles(answer).size).toBe(2);
  });

  it('/hva-skjedde 2017-11-11: the joint statement, published that day', async () => {
    const answer = await kb.kilde.whatHappened('2017-11-11');
    expect(answer.kind).toBe('found');
    if (answer.kind === 'found') expect(answer.published).toHaveLength(1);
  });

  it('/hva-skjedde 2017-11-21 lists the Putin-Assad article', async () => {
    const answer = await kb.kilde.whatHappened('2017-11-21');
    expect(answer.kind).toBe('found');
    if (answer.kind === 'found')
      expect(answer.published[0]?.source.published.start).toBe('2017-11-21');
  });

  it('/søk: "hvor mange er drept i Syria?" finds the death toll', async () => {
    const answer = await kb.kilde.search('hvor mange er drept i Syria?');
    expect(answer.kind).toBe('found');
    if (answer.kind === 'found') {
      expect(answer.hits[0]?.snippet.segments.map((s) => s.text).join('')).toContain('330.000');
    }
  });

  it('/søk answers a "when" question with dated passages first, each with its dating', async () => {
    const answer = await kb.kilde.search('Når møtte Putin Assad?');
    expect(answer.kind).toBe('found');
    if (answer.kind !== 'found') return;
    const first = answer.hits[0];
    expect(first?.datings?.map((d) => d.span.start)).toContain('2017-11-20');
    // Without the question word the same words rank an undated passage first.
    const plain = await kb.kilde.search('møtte Putin Assad');
    expect(plain.kind === 'found' && plain.hits[0]?.datings).toBeFalsy();
  });

  it('/søk with an English alias finds the Norwegian text', async () => {
    const answer = await kb.kilde.search('Kremlin');
    expect(answer.kind).toBe('found');
  });
});
