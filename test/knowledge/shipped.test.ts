import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src/knowledge/article';
import { loadKnowledge } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const knowledgeDir = path.join(repoRoot, 'knowledge');
const seedsDir = path.resolve(repoRoot, '../shared/seeds');

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The article's words in reading order: each heading once, before its first paragraph. */
function readingText(article: Article): string {
  const parts: string[] = [];
  let heading: string | undefined;
  for (const passage of article.passages) {
    if (passage.heading !== undefined && passage.heading !== heading) parts.push(passage.heading);
    heading = passage.heading;
    parts.push(passage.text);
  }
  return normalise(parts.join(' '));
}

describe('shipped knowledge/', () => {
  it('loads both seed articles with their publication dates and no problems', async () => {
    const result = await loadKnowledge(knowledgeDir);
    expect(result.problems).toEqual([]);
    expect(result.articles.map((article) => article.published)).toEqual([
      { start: '2017-11-11', end: '2017-11-11', granularity: 'day' },
      { start: '2017-11-21', end: '2017-11-21', granularity: 'day' },
    ]);
    for (const article of result.articles) {
      expect(article.language).toBe('nb');
      expect(article.title.length).toBeGreaterThan(10);
      expect(article.passages.length).toBeGreaterThan(10);
      for (const passage of article.passages) {
        expect(passage.text).not.toMatch(/Foto:/);
        expect(passage.heading ?? '').not.toMatch(/Foto:/);
      }
    }
    const all = result.articles
      .flatMap((article) => article.passages.map((p) => p.text))
      .join('\n');
    expect(all).toContain('Kreml-talsmann Dmitrij Peskov');
    expect(all).toContain('Tirsdag i neste uke er FN vert for nye Syria-samtaler i Genève.');
    expect(
      result.aliases.some((group) => group.names.includes('FN') && group.names.includes('UN')),
    ).toBe(true);
  });
});

describe.skipIf(!existsSync(seedsDir))('shipped knowledge/ against the seed files', () => {
  const seedFiles = existsSync(seedsDir)
    ? readdirSync(seedsDir)
        .filter((name) => name.endsWith('.txt'))
        .sort()
    : [];

  it('preserves every seed text apart from the date token and the photo credits', async () => {
    const result = await loadKnowledge(knowledgeDir);
    const shipped = result.articles.map(readingText);
    expect(seedFiles).toHaveLength(2);
    for (const name of seedFiles) {
      const seed = readFileSync(path.join(seedsDir, name), 'utf8')
        .replace(/^\s*date \d{4}-\d{2}(-\d{2})?\s+/, '')
        .replace(/ Foto: [^\n]*/g, '');
      expect(shipped).toContain(normalise(seed));
    }
  });

  it('reads the raw seed files: a date token gives a month, no date is an error', () => {
    const [first, second] = seedFiles;
    const undated = parseArticleFile(first ?? '', readFileSync(path.join(seedsDir, first ?? '')));
    expect(undated.article).toBeUndefined();
    expect(undated.problems[0]?.reason).toMatch(/no publication date/);

    const monthDated = parseArticleFile(
      second ?? '',
      readFileSync(path.join(seedsDir, second ?? '')),
    );
    expect(monthDated.article?.published).toEqual({
      start: '2017-11-01',
      end: '2017-11-30',
      granularity: 'month',
    });
    expect(monthDated.article?.passages[0]?.text.startsWith('Møtet skjedde')).toBe(true);
    expect(monthDated.article?.title).not.toMatch(/date/);
  });
});
