import type { SourcesAnswer } from '../../answers/types';
import type { Messages } from '../../i18n';
import { pagesOfLines, type View } from '../view';
import { COLOUR } from './common';
import { sourceLine } from './text';

const ARTICLES_PER_PAGE = 10;

/** The archive's articles, newest first, ten to a page. */
export function renderSources(answer: SourcesAnswer, t: Messages): View {
  const intro =
    answer.articles.length === 0 ? t.sources.empty : t.sources.count(answer.articles.length);
  const lines = answer.articles.map(
    (a) => `• ${sourceLine(a, t)} · ${t.sources.passages(a.passages)}`,
  );
  return {
    pages: pagesOfLines({ color: COLOUR, title: t.sources.title }, intro, lines, ARTICLES_PER_PAGE),
    suggestions: [],
    results: answer.articles.length,
    outcome: 'answered',
  };
}
