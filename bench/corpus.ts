/**
 * The benchmark corpus: NoReC reviews as articles of paragraph passages, each article
 * given a publication day spread over 2005-2018 (NoReC's own years), so that the day
 * answers and autocomplete see an archive's spread of dates.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import type { Article, Passage } from '../src/knowledge/types';
import { seededRandom } from '../test/helpers/random';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const corpusDir = path.resolve(repoRoot, '../shared/corpus');
export const norecFile = path.join(corpusDir, 'norec/norec.jsonl.gz');

export const hasNorec = (): boolean => existsSync(norecFile);

const FIRST_DAY = Date.UTC(2005, 0, 1);
const LAST_DAY = Date.UTC(2018, 11, 31);
const DAY_MS = 86_400_000;

/** Reads reviews until `limit` paragraph passages are collected. */
export async function readNorec(limit: number): Promise<Article[]> {
  const articles: Article[] = [];
  const rand = seededRandom(2005);
  const days = Math.round((LAST_DAY - FIRST_DAY) / DAY_MS);
  let count = 0;
  const lines = createInterface({
    input: createReadStream(norecFile).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (count >= limit) break;
    if (line.trim().length === 0) continue;
    const review = JSON.parse(line) as { id: string | number; title?: string; text: string };
    const id = `norec/${review.id}`;
    const passages: Passage[] = [];
    for (const paragraph of review.text.split(/\n+/)) {
      const text = paragraph.trim();
      if (text.length === 0 || count >= limit) continue;
      passages.push({
        id: `${id}#${passages.length}`,
        articleId: id,
        index: passages.length,
        text,
        line: passages.length + 1,
        language: 'nb',
      });
      count++;
    }
    if (passages.length === 0) continue;
    const day = new Date(FIRST_DAY + Math.floor(rand() * (days + 1)) * DAY_MS)
      .toISOString()
      .slice(0, 10);
    articles.push({
      id,
      file: `${id}.txt`,
      title: review.title ?? '',
      published: { start: day, end: day, granularity: 'day' },
      language: 'nb',
      languageDetected: false,
      tags: [],
      passages,
      hash: id,
    });
  }
  lines.close();
  return articles;
}

/** The first `size` passages of the corpus, cutting the last article short when needed. */
export function takePassages(articles: readonly Article[], size: number): Article[] {
  const out: Article[] = [];
  let count = 0;
  for (const a of articles) {
    if (count >= size) break;
    const passages = a.passages.slice(0, size - count);
    count += passages.length;
    out.push(passages.length === a.passages.length ? a : { ...a, passages });
  }
  return out;
}

export function passageCount(articles: readonly Article[]): number {
  return articles.reduce((n, a) => n + a.passages.length, 0);
}
