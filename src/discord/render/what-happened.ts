import type { APIEmbedField } from 'discord.js';
import { echo } from '../../answers/query-text';
import type { WhatHappenedAnswer } from '../../answers/types';
import type { Messages } from '../../i18n';
import { formatDay, formatSpan, publishedLabel } from '../../i18n/format';
import { cutText, LIMITS } from '../limits';
import { pagesOfFields, type Rendered } from '../view';
import { COLOUR } from './common';
import { periodPicture } from './pictures';
import { escapeText, oneLine, passageMarkdown, snippetMarkdown, sourceLine } from './text';

const ITEMS_PER_PAGE = 5;
const MAX_SUGGESTIONS = 5;

/** A day (or week, month): the articles published then, then the events the text dates to it. */
export function renderWhatHappened(answer: WhatHappenedAnswer, t: Messages): Rendered {
  switch (answer.kind) {
    case 'found': {
      const when = formatSpan(answer.span, t);
      const title = answer.topic
        ? t.whatHappened.topicTitle(when, escapeText(oneLine(answer.topic)))
        : t.whatHappened.title(when);
      const fields: APIEmbedField[] = [];
      for (const article of answer.published) {
        const lead = article.lead ? `${snippetMarkdown(article.lead.snippet)}\n` : '';
        fields.push({
          name: `${publishedLabel(answer.span, t)}: ${escapeText(oneLine(article.source.title))}`,
          value: `${lead}— ${sourceLine(article.source, t)}`,
        });
      }
      for (const event of answer.events) {
        fields.push({
          name: t.whatHappened.datedBy(
            escapeText(oneLine(event.dating.text)),
            formatSpan(event.dating.span, t),
          ),
          value: passageMarkdown(event.passage, t),
        });
      }
      return {
        pages: pagesOfFields(
          {
            color: COLOUR,
            title: cutText(title, LIMITS.title),
            description: t.whatHappened.summary(answer.published.length, answer.events.length),
          },
          fields,
          ITEMS_PER_PAGE,
        ),
        suggestions: [],
        ...periodPicture(answer, t),
        results: answer.published.length + answer.events.length,
        outcome: 'answered',
      };
    }
    case 'empty': {
      const lines = [t.whatHappened.empty(formatSpan(answer.span, t))];
      if (answer.nearest.length > 0) {
        lines.push('', `**${t.whatHappened.nearest}**`);
        for (const day of answer.nearest) {
          lines.push(`• ${formatDay(day.date, t)} — ${escapeText(oneLine(day.preview))}`);
        }
        lines.push('', t.discord.suggestionHint);
      }
      return {
        pages: pagesOfFields({ color: COLOUR, description: lines.join('\n') }, [], 1),
        suggestions: answer.nearest.slice(0, MAX_SUGGESTIONS).map((day) => ({
          label: formatDay(day.date, t),
          ask: {
            command: 'whatHappened' as const,
            query: day.date,
            ...(answer.topic ? { topic: answer.topic } : {}),
          },
        })),
        ...periodPicture(answer, t),
        results: 0,
        outcome: 'not-found',
      };
    }
    case 'invalid': {
      // Never more than a bounded prefix of what was typed is echoed (and escaped).
      const input = escapeText(oneLine(echo(answer.query)));
      const error =
        answer.error === 'invalid'
          ? t.errors.invalidDate(input)
          : answer.error === 'impossible'
            ? t.errors.impossibleDate(input)
            : t.errors[answer.error];
      return { error, outcome: 'invalid' };
    }
  }
}
