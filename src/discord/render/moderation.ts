import type { APIEmbed } from 'discord.js';
import type { Messages } from '../../i18n';
import { formatSpan } from '../../i18n/format';
import type { AddedArticle, MovedArticle, Refusal } from '../../moderation/types';
import { cutText, fitEmbed, fitLines, LIMITS } from '../limits';
import { COLOUR } from './common';
import { problemLine } from './knowledge';
import { escapeText, oneLine } from './text';

const REFUSED_COLOUR = 0xb3261e;

/** What an added article holds: the moderator checks that the bot read it right. */
export function renderAdded(article: AddedArticle, t: Messages): APIEmbed {
  const m = t.moderation.added;
  const names = article.names.map((n) => `• ${escapeText(n.name)} (${t.kind[n.kind]})`);
  const events = article.events.map(
    (e) => `• ${m.event(escapeText(oneLine(e.text)), formatSpan(e.span, t))}`,
  );
  return fitEmbed({
    color: COLOUR,
    title: cutText(oneLine(m.title(article.title)), LIMITS.title),
    description: m.summary(
      formatSpan(article.published, t),
      article.passages,
      escapeText(article.id),
    ),
    fields: [
      {
        name: `${m.names} (${article.names.length})`,
        value: names.length > 0 ? fitLines(names, LIMITS.fieldValue, t.discord.more) : m.noNames,
      },
      {
        name: `${m.events} (${article.events.length})`,
        value: events.length > 0 ? fitLines(events, LIMITS.fieldValue, t.discord.more) : m.noEvents,
      },
      ...(article.problems.length > 0
        ? [
            {
              name: `${t.discord.problemsTitle} (${t.knowledge.problems(article.problems.length)})`,
              value: fitLines(
                article.problems.map((p) => problemLine(p, t)),
                LIMITS.fieldValue,
                t.discord.more,
              ),
            },
          ]
        : []),
    ],
  });
}

/** Why nothing was added, removed or restored: the reason, and that nothing changed. */
export function renderRefusal(refusal: Refusal, t: Messages): APIEmbed {
  const r = t.moderation.refused;
  const description =
    refusal.code === 'invalid'
      ? [
          r.invalid,
          fitLines(
            refusal.problems.map((p) => problemLine(p, t)),
            3500,
            t.discord.more,
          ),
        ]
      : refusal.code === 'duplicate'
        ? [r.duplicate(escapeText(refusal.title), escapeText(refusal.articleId))]
        : [r.notFound(escapeText(oneLine(refusal.ref)))];
  return fitEmbed({
    color: REFUSED_COLOUR,
    description: [...description, '', r.nothingChanged].join('\n'),
  });
}

/** A refusal the Discord layer finds before the core sees anything (type, size, download). */
export function refusalText(text: string, t: Messages): string {
  return `${text}\n${t.moderation.refused.nothingChanged}`;
}

export function renderMoved(
  kind: 'removed' | 'restored',
  article: MovedArticle,
  t: Messages,
): string {
  const date = article.published ? formatSpan(article.published, t) : '';
  const title = escapeText(oneLine(article.title));
  return kind === 'removed'
    ? t.moderation.removed(title, date)
    : t.moderation.restored(title, date);
}
