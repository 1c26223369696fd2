import type { Archive } from '../archive/archive';
import type { Article, Passage } from '../knowledge/types';
import { makeSnippet } from '../search';
import type { Dating, QuotedPassage, Snippet, SourceRef } from './types';

/** How long a quoted snippet may be: a sentence or two, enough to read at a glance. */
export const SNIPPET_CHARS = 320;

export function sourceOf(article: Article): SourceRef {
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

/**
 * A passage quoted with its source, marking either index terms or exact character ranges,
 * or with the snippet a search already made for it.
 */
export function quote(
  archive: Archive,
  passage: Passage,
  mark: { terms?: ReadonlySet<string>; ranges?: readonly { start: number; end: number }[] },
  options: { datings?: boolean; snippet?: Snippet } = {},
): QuotedPassage | undefined {
  const article = archive.articleById.get(passage.articleId);
  if (!article) return undefined;
  const datings = options.datings === false ? [] : datingsOf(archive, passage.id);
  return {
    passageId: passage.id,
    ...(passage.heading ? { heading: passage.heading } : {}),
    snippet: options.snippet ?? makeSnippet(passage.text, passage.language, mark, SNIPPET_CHARS),
    source: sourceOf(article),
    ...(datings.length > 0 ? { datings } : {}),
  };
}

/** The resolved time expressions of a passage, in text order. */
function datingsOf(archive: Archive, passageId: string): Dating[] {
  return (archive.timeMentions.get(passageId) ?? []).map((m) => ({
    text: m.text,
    span: m.span,
    kind: m.kind,
  }));
}

/** Newest first, then by title, so lists read the same way every time. */
export function byNewest(a: Article, b: Article): number {
  return b.published.start.localeCompare(a.published.start) || a.title.localeCompare(b.title);
}
