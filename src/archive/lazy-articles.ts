/**
 * Articles restored from the snapshot, each parsed from its line of JSON on first use.
 *
 * A warm start needs every article's id and hash at once (the folder's stamps are checked
 * against them, changes found by them), but the rest of an article (title, passages, their
 * texts) only when an answer, the index's warm-up or an update reaches it. Parsing all of
 * them before serving was a fifth of a warm start at 400k passages (95 MB of JSON, millions
 * of objects that every collection then walks). So a restored article is an ordinary object
 * whose `id` and `hash` are plain values and whose other keys are lazy fields
 * (lazy-fields.ts), own and enumerable in the loader's key order.
 */
import type { Article, Language } from '../knowledge/types';
import { type JsonLine, LazyFields } from './lazy-fields';

/** Every key an article may have, in the order `parseArticleFile` writes them. */
const ARTICLE_KEYS = [
  'id',
  'file',
  'title',
  'published',
  'url',
  'source',
  'language',
  'languageDetected',
  'tags',
  'passages',
  'hash',
] as const;
type ArticleKey = (typeof ARTICLE_KEYS)[number];
// A key added to `Article` must be listed above, or restored articles would lose it.
const everyKeyListed: Exclude<keyof Article, ArticleKey> extends never ? true : never = true;
void everyKeyListed;

/**
 * What a restored article is known by before it is parsed: written before the article
 * lines. `languages` has one letter per passage (`LETTERS`): the index's language sides
 * look every passage up (a first query, or its warm-up), which must not parse them all.
 */
export type ArticleHead = [id: string, hash: string, keys: number, languages: string];

const LETTERS: Record<Language, string> = { nb: 'b', nn: 'n', en: 'e' };
const LANGUAGES = new Map<string, Language>(
  Object.entries(LETTERS).map(([language, letter]) => [letter, language as Language]),
);

interface ArticleLine extends JsonLine {
  languages: string;
}

/** Every key but the id and hash, which a head holds. */
const lazy = new LazyFields<Article, ArticleLine>(
  ARTICLE_KEYS.filter((key) => key !== 'id' && key !== 'hash'),
  // One string for the article's id, as a load from the files gives.
  (parsed, article) => {
    for (const passage of parsed.passages) passage.articleId = article.id;
  },
);

/** The head of `article` as the snapshot stores it (the keys as bits over `ARTICLE_KEYS`). */
export function headOf(article: Article): ArticleHead {
  let keys = 0;
  for (const [bit, key] of ARTICLE_KEYS.entries()) {
    if (Object.hasOwn(article, key)) keys |= 1 << bit;
  }
  const line = lazy.line(article);
  const languages = line
    ? line.languages
    : article.passages.map((passage) => LETTERS[passage.language]).join('');
  return [article.id, article.hash, keys, languages];
}

/** The article of line `bytes[start..end]`, parsed when any key but its id and hash is read. */
export function lazyArticle(head: ArticleHead, bytes: Buffer, start: number, end: number): Article {
  const [id, hash, keys, languages] = head;
  const article = lazy.make({ bytes, start, end, languages });
  for (const [bit, key] of ARTICLE_KEYS.entries()) {
    if ((keys & (1 << bit)) === 0) continue;
    if (key === 'id') article.id = id;
    else if (key === 'hash') article.hash = hash;
    else lazy.defer(article, key);
  }
  return article;
}

/** How many passages `article` has, without parsing it. */
export function passageCount(article: Article): number {
  return lazy.line(article)?.languages.length ?? article.passages.length;
}

/** The language of `article`'s passage at `position`, without parsing it. */
export function passageLanguage(article: Article, position: number): Language | undefined {
  const line = lazy.line(article);
  if (!line) return article.passages[position]?.language;
  return LANGUAGES.get(line.languages.charAt(position));
}

/**
 * The article as its line of JSON: an unparsed one's own bytes as read (a view, written as
 * they are: decoded to a string and encoded again, the 90 MB of a snapshot's articles at
 * 400k passages were most of what an update's snapshot did on the main thread).
 */
export function articleLine(article: Article): string | Uint8Array {
  const line = lazy.line(article);
  return line ? line.bytes.subarray(line.start, line.end) : JSON.stringify(article);
}

/** True while `article` is restored and not parsed yet (tests). */
export function isUnopened(article: Article): boolean {
  return lazy.line(article) !== undefined;
}
