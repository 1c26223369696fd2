import type { APIEmbedField } from 'discord.js';
import type { EntityCard, EntitySummary, WhoAnswer } from '../../answers/types';
import type { Messages } from '../../i18n';
import { formatSpan } from '../../i18n/format';
import { cutText, fitLines, LIMITS } from '../limits';
import { pagesOfFields, type Rendered, type Suggestion } from '../view';
import { COLOUR, inputError } from './common';
import { escapeText, oneLine, passageMarkdown, sourceShort } from './text';

const PASSAGES_PER_PAGE = 4;
const MAX_SUGGESTIONS = 10;

export function renderWho(answer: WhoAnswer, t: Messages): Rendered {
  switch (answer.kind) {
    case 'found':
      return renderCard(answer.card, t);
    case 'ambiguous':
      return {
        pages: pagesOfFields(
          {
            color: COLOUR,
            title: cutText(oneLine(escapeText(answer.query)), LIMITS.title),
            description: [
              t.who.ambiguous(escapeText(oneLine(answer.query))),
              '',
              fitLines(
                answer.candidates.map((c) => `• ${summaryLine(c, t)}`),
                3500,
                t.discord.more,
              ),
              '',
              t.discord.suggestionHint,
            ].join('\n'),
          },
          [],
          1,
        ),
        suggestions: nameSuggestions(answer.candidates),
        results: answer.candidates.length,
        outcome: 'ambiguous',
      };
    case 'unknown': {
      const lines = [t.who.unknown(escapeText(oneLine(answer.query)))];
      if (answer.suggestions.length > 0) {
        const names = answer.suggestions.map((s) => `**${escapeText(s.name)}**`).join(', ');
        lines.push('', `${t.who.didYouMean} ${names}?`, t.discord.suggestionHint);
      }
      return {
        pages: pagesOfFields({ color: COLOUR, description: lines.join('\n') }, [], 1),
        suggestions: nameSuggestions(answer.suggestions),
        results: 0,
        outcome: 'not-found',
      };
    }
    case 'invalid':
      return { error: inputError(answer.error, t), outcome: 'invalid' };
  }
}

function nameSuggestions(entities: readonly EntitySummary[]): Suggestion[] {
  return entities
    .slice(0, MAX_SUGGESTIONS)
    .map((e) => ({ label: e.name, ask: { command: 'who' as const, query: e.name } }));
}

/** "**Name** — role · person · 12 mentions" */
function summaryLine(entity: EntitySummary, t: Messages): string {
  const name = `**${escapeText(entity.name)}**`;
  const head = entity.role ? t.discord.nameWithRole(name, escapeText(entity.role)) : name;
  return `${head} · ${t.kind[entity.kind]} · ${t.discord.mentions(entity.passageCount)}`;
}

/**
 * The card: who it is at a glance in the description (kind, main role, when the archive
 * mentions it, other names), then roles with their sources, the best passages and the
 * names it appears with. Passages continue on further pages.
 */
function renderCard(card: EntityCard, t: Messages): Rendered {
  const first = formatSpan(card.firstSeen, t);
  const last = formatSpan(card.lastSeen, t);
  const description = [
    `${t.kind[card.kind]} · ${card.role ? escapeText(card.role) : t.who.noRole}`,
    t.who.appears(card.articleCount, first, last),
  ];
  if (card.aliases.length > 0) {
    description.push(`${t.who.aliases}: ${card.aliases.map(escapeText).join(', ')}`);
  }

  const fields: APIEmbedField[] = [];
  if (card.roles.length > 0) {
    const lines = card.roles.map((r) => {
      const sources = r.sources.map((s) => sourceShort(s, t)).join('; ');
      return `• **${escapeText(r.role)}** — ${sources}`;
    });
    fields.push({ name: t.who.roles, value: fitLines(lines, LIMITS.fieldValue, t.discord.more) });
  }
  if (card.related.length > 0) {
    const names = card.related.map((r) =>
      r.role ? t.discord.nameWithRole(escapeText(r.name), escapeText(r.role)) : escapeText(r.name),
    );
    fields.push({ name: t.who.related, value: fitLines(names, LIMITS.fieldValue, t.discord.more) });
  }

  for (const passage of card.passages) {
    fields.push({
      name: passage.heading ? escapeText(oneLine(passage.heading)) : t.who.passages,
      value: passageMarkdown(passage, t),
    });
  }
  return {
    pages: pagesOfFields(
      {
        color: COLOUR,
        title: cutText(t.who.title(escapeText(oneLine(card.name))), LIMITS.title),
        description: description.join('\n'),
      },
      fields,
      PASSAGES_PER_PAGE,
    ),
    suggestions: [],
    timelineOf: card.id,
    results: card.passages.length,
    outcome: 'answered',
  };
}
