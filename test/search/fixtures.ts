import type { Article, Language, Passage } from '../../src/knowledge/types';

/** A small article from paragraphs, for tests (ids `${id}#${n}`). */
export function article(
  id: string,
  title: string,
  language: Language,
  paragraphs: readonly (string | { heading: string; text: string })[],
): Article {
  const passages: Passage[] = paragraphs.map((p, index) => {
    const passage: Passage = {
      id: `${id}#${index}`,
      articleId: id,
      index,
      text: typeof p === 'string' ? p : p.text,
      line: index * 2 + 3,
      language,
    };
    if (typeof p !== 'string') passage.heading = p.heading;
    return passage;
  });
  return {
    id,
    file: id,
    title,
    published: { start: '2021-03-04', end: '2021-03-04', granularity: 'day' },
    language,
    languageDetected: false,
    tags: [],
    passages,
    hash: `hash-of-${id}-${paragraphs.length}`,
  };
}
