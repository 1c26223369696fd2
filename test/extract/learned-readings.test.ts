import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/archive/build';
import { buildLexicon, extractEntityMentions, LearnedReadings } from '../../src/extract/entities';
import { parseArticleFile } from '../../src/knowledge/load';
import type { Article, Language } from '../../src/knowledge/types';
import { generatedArticles } from '../helpers/generated';

// Learning reads "Solvik" before the archive's later passage names her with a title, and
// "Johan Castberg" before a later passage writes it as a field: the finished lexicon answers
// both questions otherwise than learning's reading was answered, so those must be read again.
const TEXTS = [
  'Solvik var fornøyd med avtalen.',
  'Produksjonen på Johan Castberg økte kraftig i fjor.',
  'Statsminister Kari Solvik talte i Stortinget.',
  'Johan Castberg-feltet er i drift.',
  'Ordfører Per Hansen i Bergen åpnet brua.',
];

describe('names read while learning the lexicon, taken over by the extraction', () => {
  it('are taken over only where a fresh reading with the finished lexicon gives the same', () => {
    const readings = new LearnedReadings();
    const lexicon = buildLexicon(TEXTS, readings);
    const taken = TEXTS.map((text, i) => ({
      text,
      taken: readings.take(i, 'nb', lexicon),
      fresh: extractEntityMentions(text, 'nb', lexicon),
    }));
    for (const { taken: names, fresh } of taken) if (names) expect(names).toEqual(fresh);
    // The two readings learning got other answers for are read again; the rest are taken over.
    expect(taken.filter((t) => t.taken === undefined).map((t) => t.text)).toEqual([
      TEXTS[0],
      TEXTS[1],
    ]);
    // Without the re-reading, the first passage would keep learning's answer for "Solvik".
    expect(taken[0]?.fresh.find((m) => m.name === 'Solvik')?.kind).toBe('person');
  });

  it('are read again for a passage in another language than learning reads in', () => {
    for (const language of ['en', 'nn'] satisfies Language[]) {
      const readings = new LearnedReadings();
      const lexicon = buildLexicon(TEXTS, readings);
      expect(readings.take(4, language, lexicon)).toBeUndefined();
    }
  });

  it('are given up once taken (each passage is extracted once)', () => {
    const readings = new LearnedReadings();
    const lexicon = buildLexicon(TEXTS, readings);
    expect(readings.take(4, 'nb', lexicon)).toBeDefined();
    expect(readings.take(4, 'nb', lexicon)).toBeUndefined();
  });

  it('leave a full build’s names as reading every passage again would give them', async () => {
    const files: Record<string, string> = { ...generatedArticles(40) };
    TEXTS.forEach((text, i) => {
      files[`lest-${i}.md`] = `---\ntitle: Lest ${i}\ndate: 2020-01-0${i + 1}\n---\n\n${text}\n`;
    });
    const articles = Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, body]) => parseArticleFile(name, Buffer.from(body)).article)
      .filter((a): a is Article => a !== undefined);
    const passages = articles.flatMap((a) => a.passages);
    const lexicon = buildLexicon(passages.map((p) => p.text));
    const fresh = passages
      .map((p) => [p.id, extractEntityMentions(p.text, p.language, lexicon)] as const)
      .filter(([, found]) => found.length > 0);
    const names = await extractNames({ articles, aliases: [] });
    expect(names.mentions).toEqual(fresh);
    expect(names.lexicon).toEqual(lexicon.toJSON());
  });
});
