import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from 'discord.js';
import type { Messages } from '../i18n';
import { cutText, LIMITS } from './limits';
import { customId } from './paging';
import { timelineButtonId } from './timeline-button';
import type { View } from './view';

/** Nothing a user typed or an article says may ping anyone: sent on every message. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface MessagePayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: MessageMentionOptions;
  files?: { attachment: Buffer; name: string; description: string }[];
}

const MAX_SUGGESTION_ROWS = LIMITS.actionRows - 1;

/**
 * The message showing page `page` of a view. With a session id it carries Previous/Next
 * (when there is more than one page) and one button per suggestion; without one (or once
 * expired) it has no buttons.
 */
export function buildMessage(
  view: View,
  page: number,
  sessionId: string | undefined,
  t: Messages,
  withFiles = true,
): MessagePayload {
  const last = view.pages.length - 1;
  const shown = Math.min(Math.max(0, page), last);
  const embed: APIEmbed = { ...(view.pages[shown] ?? {}) };
  if (view.pages.length > 1) embed.footer = { text: t.paging.page(shown + 1, view.pages.length) };

  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  if (sessionId !== undefined) {
    if (view.pages.length > 1) {
      components.push(
        row([
          button(
            customId(sessionId, 'p', Math.max(0, shown - 1)),
            `◀ ${t.paging.previous}`,
            shown === 0,
          ),
          button(
            customId(sessionId, 'p', Math.min(last, shown + 1)),
            `${t.paging.next} ▶`,
            shown === last,
          ),
        ]),
      );
    }
    const buttons = view.suggestions
      .slice(0, MAX_SUGGESTION_ROWS * LIMITS.buttonsPerRow)
      .map((s, i) => button(customId(sessionId, 's', i), s.label, false, ButtonStyle.Primary));
    for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
      components.push(row(buttons.slice(i, i + LIMITS.buttonsPerRow)));
    }
  }
  // Stateless: the button names the entity, so it works after the session's buttons expire.
  const timelineId = view.timelineOf ? timelineButtonId(view.timelineOf) : undefined;
  if (timelineId && components.length < LIMITS.actionRows)
    components.push(row([button(timelineId, `📈 ${t.moderation.charts.timelineButton}`, false)]));
  const files =
    withFiles && view.files && view.files.length > 0
      ? {
          files: view.files.map((f) => ({
            attachment: f.data,
            name: f.name,
            description: cutText(f.description, 1024),
          })),
        }
      : {};
  return {
    embeds: view.pages.length > 0 ? [embed] : [],
    components,
    allowedMentions: NO_MENTIONS,
    ...files,
  };
}

function row(buttons: APIButtonComponent[]): APIActionRowComponent<APIComponentInMessageActionRow> {
  return { type: ComponentType.ActionRow, components: buttons };
}

function button(
  id: string,
  label: string,
  disabled: boolean,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: id,
    label: cutText(label.replace(/\s+/gu, ' ').trim(), LIMITS.buttonLabel) || '…',
    style,
    disabled,
  };
}
