import type { ArticleInfo, KnowledgeView } from '../backend/backend';
import type { TimeMention } from '../extract/types';
import type { Passage } from '../knowledge/types';
import { makeSnippet } from '../search';
import type { Dating, QuotedPassage, Snippet, SourceRef } from './types';

/** How long a quoted snippet may be: a sentence or two, enough to read at a glance. */
export const SNIPPET_CHARS = 320;

type Citable = Pick<
  ArticleInfo,
  'id' | 'title' | 'published' | 'url' | 'source' | 'file' | 'language'
>;

export function sourceOf(article: Citable): SourceRef {
  return {
    articleId: article.id,
    title: article.title,
    published: article.published,
    ...(article.url ? { url: article.url } : {}),
    ...(article.source ? { source: article.source } : {}),
    file: article.file,
    language: article.language,
  };
}

export type Mark = {
  terms?: ReadonlySet<string>;
  ranges?: readonly { start: number; end: number }[];
};

/**
 * Quotes passages with their source, marking either index terms or exact character ranges,
 * or with the snippet a search already made for it; undefined when the article is gone.
 */
export type Quote = (
  passage: Passage,
  mark: Mark,
  options?: { datings?: boolean; snippet?: Snippet },
) => QuotedPassage | undefined;

/**
 * A quoter for these passages: their articles and datings are fetched from the backend in
 * one go, so that quoting itself needs no further round trip.
 */
export async function quoter(view: KnowledgeView, passages: readonly Passage[]): Promise<Quote> {
  const [articles, datings] = await Promise.all([
    view.articles([...new Set(passages.map((p) => p.articleId))]),
    view.timeMentions(passages.map((p) => p.id)),
  ]);
  return (passage, mark, options = {}) => {
    const article = articles.get(passage.articleId);
    if (!article) return undefined;
    const dated = options.datings === false ? [] : datingsOf(datings.get(passage.id) ?? []);
    return {
      passageId: passage.id,
      ...(passage.heading ? { heading: passage.heading } : {}),
      snippet: options.snippet ?? makeSnippet(passage.text, passage.language, mark, SNIPPET_CHARS),
      source: sourceOf(article),
      ...(dated.length > 0 ? { datings: dated } : {}),
    };
  };
}

/** The resolved time expressions of a passage, in text order. */
function datingsOf(mentions: readonly TimeMention[]): Dating[] {
  return mentions.map((m) => ({ text: m.text, span: m.span, kind: m.kind }));
}

/** Newest first, then by title, so lists read the same way every time. */
export function byNewest(
  a: Pick<Citable, 'published' | 'title'>,
  b: Pick<Citable, 'published' | 'title'>,
): number {
  return b.published.start.localeCompare(a.published.start) || a.title.localeCompare(b.title);
}
