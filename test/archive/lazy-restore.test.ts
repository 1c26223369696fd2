import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisLines, lineText, loadLines } from '../../src/archive/analysis-text';
import { assemble } from '../../src/archive/build';
import { isUnopened } from '../../src/archive/lazy-articles';
import { isUnopenedEntity } from '../../src/archive/lazy-entities';
import { PassagesByArticle } from '../../src/archive/passages-by-article';
import { readSnapshot, snapshotKey } from '../../src/archive/snapshot';
import { encodeLoad } from '../../src/archive/snapshot-body';
import { KnowledgeStore } from '../../src/archive/store';
import { parseArticleFile } from '../../src/knowledge/article';
import type { Article } from '../../src/knowledge/types';
import { createLogger } from '../../src/logger';
import { bokmalBudget, bokmalFollowUp, englishClimate } from '../helpers/articles';
import { tempKnowledge } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const withUrl = `---\ntitle: Med lenke\ndate: 2023-03-01\nurl: https://example.org/a\n---\n\nKari Nordmann la fram budsjettet i Lillevik.\n\nOpposisjonen var kritisk.\n`;

/** A folder built once (snapshot written), and a restart's decoded snapshot of it. */
async function builtAndRestored() {
  const kb = await tempKnowledge({
    'budsjett.md': bokmalBudget,
    'laerere.md': bokmalFollowUp,
    'climate.md': englishClimate,
    'lenke.md': withUrl,
  });
  cleanups.push(() => kb.cleanup());
  const cache = await mkdtemp(join(tmpdir(), 'kilde-lazy-'));
  cleanups.push(() => rm(cache, { recursive: true, force: true }));
  const built = new KnowledgeStore(kb.dir, cache, createLogger('silent'));
  const outcome = await built.reload();
  await built.settled();
  const restored = await readSnapshot(cache, await snapshotKey());
  if (!restored) throw new Error('no snapshot');
  return { built: outcome.archive, restored };
}

describe('a restart from the snapshot', () => {
  it('parses no article and no entity’s mentions to serve, then gives exactly what was built', async () => {
    const { built, restored } = await builtAndRestored();
    const archive = await assemble(restored.load, restored.analysis, true, restored.index);
    // Assembled and ready to answer, and still nothing parsed.
    expect(restored.load.articles.every(isUnopened)).toBe(true);
    expect(archive.entities.all().length).toBeGreaterThan(0);
    expect(archive.entities.all().every(isUnopenedEntity)).toBe(true);
    expect(archive.passageById.size).toBe(built.passageById.size);
    // An English question looks up which passages are English (every passage): from the
    // articles' heads, so only the articles of its hits are parsed.
    const hits = archive.index.search('the budget of Lillevik', { language: 'en' });
    expect(hits.length).toBeGreaterThan(0);
    const hitArticles = new Set(hits.map((hit) => hit.articleId));
    const others = restored.load.articles.filter((a) => !hitArticles.has(a.id));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every(isUnopened)).toBe(true);
    // Read as maps: the restored lists are columns, each list made when read (passage-lists.ts).
    expect(new Map(archive.entitiesByPassage)).toEqual(built.entitiesByPassage);
    expect(new Map(archive.namesByPassage)).toEqual(built.namesByPassage);
    expect(archive.entities.all().every(isUnopenedEntity)).toBe(true);
    // Reading them parses them, into what the build held.
    expect(restored.load.articles).toEqual(built.articles);
    expect(archive.entities.all()).toEqual(built.entities.all());
    expect([...archive.passageById]).toEqual([...built.passageById]);
    for (const probe of ['budsjett Lillevik', 'the budget of Lillevik', 'fjords protection']) {
      expect(archive.index.search(probe, { language: 'en' })).toEqual(
        built.index.search(probe, { language: 'en' }),
      );
    }
  });

  it('gives articles whose keys, JSON, copies and clones are those of the article read from its file', async () => {
    const { restored } = await builtAndRestored();
    const parsed = parseArticleFile('lenke.md', Buffer.from(withUrl)).article as Article;
    const plain = parseArticleFile('climate.md', Buffer.from(englishClimate)).article as Article;
    const byId = new Map(restored.load.articles.map((a) => [a.id, a]));
    const lazyWithUrl = byId.get('lenke.md') as Article;
    const lazyPlain = byId.get('climate.md') as Article;
    expect(Object.keys(lazyWithUrl)).toEqual(Object.keys(parsed));
    expect('url' in lazyPlain).toBe('url' in plain);
    expect(isUnopened(lazyWithUrl)).toBe(true);
    expect(JSON.stringify(lazyWithUrl)).toBe(JSON.stringify(parsed));
    expect(structuredClone(lazyPlain)).toEqual(plain);
    expect({ ...lazyPlain }).toEqual(plain);
  });

  it('takes a value set on an unparsed article over the one in its line', async () => {
    const { restored } = await builtAndRestored();
    const article = restored.load.articles[0] as Article;
    article.title = 'Ny tittel';
    expect(article.title).toBe('Ny tittel');
    expect(article.passages.length).toBeGreaterThan(0);
  });
});

describe('a restored archive written again', () => {
  it('writes its unparsed articles and entities as the bytes it read, parsing none', async () => {
    const { built, restored } = await builtAndRestored();
    const archive = await assemble(restored.load, restored.analysis, true, restored.index);
    expect([...loadLines(restored.load)].some((line) => line instanceof Uint8Array)).toBe(true);
    const again = Buffer.concat(await encodeLoad(restored.load));
    expect(again.equals(Buffer.concat(await encodeLoad(built.load)))).toBe(true);
    expect(restored.load.articles.every(isUnopened)).toBe(true);
    // The passages' lists given, as an update's snapshot gives them: no mention is placed.
    const entityLines = (of: typeof archive) =>
      [
        ...analysisLines(
          {
            entities: of.entities.all(),
            timeMentions: [],
            mentions: [],
            lexicon: {},
            references: [],
            entitiesByPassage: of.entitiesByPassage,
          },
          'answers',
        ),
      ].flatMap((line) => (line === undefined ? [] : [lineText(line)]));
    const written = entityLines(archive);
    expect(archive.entities.all().every(isUnopenedEntity)).toBe(true);
    expect(written).toEqual(entityLines(built));
  });
});

describe('passages by article', () => {
  it('finds, counts and lists every passage as a map of them would, and nothing else', () => {
    const articles = [
      parseArticleFile('a.md', Buffer.from(bokmalBudget)).article as Article,
      parseArticleFile('sub/b#c.md', Buffer.from(englishClimate)).article as Article,
    ];
    const view = new PassagesByArticle(new Map(articles.map((a) => [a.id, a])), articles);
    const map = new Map(articles.flatMap((a) => a.passages.map((p) => [p.id, p] as const)));
    expect(view.size).toBe(map.size);
    expect([...view]).toEqual([...map]);
    for (const [id, passage] of map) expect(view.get(id)).toBe(passage);
    for (const id of ['a.md', 'a.md#99', 'a.md#', 'sub/b#c.md#x', 'nothing#0', ''])
      expect(view.has(id)).toBe(false);
  });
});
