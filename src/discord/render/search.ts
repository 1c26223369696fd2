import type { SearchAnswer } from '../../answers/types';
import type { Messages } from '../../i18n';
import { cutText, LIMITS } from '../limits';
import { pagesOfFields, type Rendered } from '../view';
import { COLOUR } from './common';
import { escapeText, oneLine, passageMarkdown } from './text';

const HITS_PER_PAGE = 5;
const MAX_SUGGESTIONS = 5;

export function renderSearch(answer: SearchAnswer, t: Messages): Rendered {
  switch (answer.kind) {
    case 'found':
      return {
        pages: pagesOfFields(
          {
            color: COLOUR,
            title: cutText(t.search.title(escapeText(oneLine(answer.query))), LIMITS.title),
          },
          answer.hits.map((hit) => ({
            name: escapeText(oneLine(hit.heading ?? hit.source.title)),
            value: passageMarkdown(hit, t),
          })),
          HITS_PER_PAGE,
        ),
        suggestions: [],
        results: answer.hits.length,
        outcome: 'answered',
      };
    case 'none': {
      const lines = [t.search.none(escapeText(oneLine(answer.query)))];
      if (answer.suggestions.length > 0) {
        const words = answer.suggestions.map((s) => `**${escapeText(s)}**`).join(', ');
        lines.push('', `${t.search.didYouMean}: ${words}`, t.discord.suggestionHint);
      }
      return {
        pages: pagesOfFields({ color: COLOUR, description: lines.join('\n') }, [], 1),
        suggestions: answer.suggestions
          .slice(0, MAX_SUGGESTIONS)
          .map((s) => ({ label: s, ask: { command: 'search' as const, query: s } })),
        results: 0,
        outcome: 'not-found',
      };
    }
    case 'invalid':
      return {
        error: answer.error === 'empty' ? t.errors.emptyQuery : t.errors[answer.error],
        outcome: 'invalid',
      };
  }
}
