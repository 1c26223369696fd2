import { type ButtonInteraction, MessageFlags } from 'discord.js';
import type { TimelineAnswer } from '../answers/timeline';
import { timelineCaption } from '../charts/pictures';
import type { Messages } from '../i18n';
import type { BaseContext } from './command';
import { cutText, LIMITS } from './limits';
import { errorForLog } from './log-safe';
import { NO_MENTIONS } from './message';
import { COLOUR } from './render/common';
import { timelinePicture } from './render/pictures';
import { escapeText, oneLine } from './render/text';
import { sendError } from './router';

const PREFIX = 'tl:';

/** `tl:<entity id>`: stateless, so a card's timeline button works as long as the name is known. */
export function timelineButtonId(entityId: string): string | undefined {
  const id = `${PREFIX}${entityId}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

export function isTimelineButton(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

/** The timeline as a message: the picture in an embed, its alt text on the attachment. */
export function timelineMessage(answer: Extract<TimelineAnswer, { kind: 'found' }>, t: Messages) {
  const { timeline } = answer;
  const picture = timelinePicture(timeline, t);
  const c = t.moderation.charts;
  return {
    embeds: [
      {
        color: COLOUR,
        title: cutText(escapeText(oneLine(c.timelineTitle(timeline.entity.name))), LIMITS.title),
        description: escapeText(timelineCaption(timeline, t)),
        image: { url: `attachment://${picture.name}` },
      },
    ],
    files: [{ attachment: picture.data, name: picture.name, description: picture.description }],
    allowedMentions: NO_MENTIONS,
  };
}

/** The button on a `/hvem` card: the picture for whoever clicked, for them only. */
export async function handleTimelineButton(
  interaction: ButtonInteraction,
  ctx: BaseContext,
): Promise<void> {
  const started = performance.now();
  let outcome = 'answered';
  try {
    const answer = await ctx.kilde.timeline(interaction.customId.slice(PREFIX.length));
    if (answer.kind !== 'found') {
      outcome = 'expired';
      await sendError(interaction, ctx.t.errors.expired);
    } else {
      await interaction.reply({ ...timelineMessage(answer, ctx.t), flags: MessageFlags.Ephemeral });
    }
  } catch (error) {
    outcome = 'error';
    ctx.logger.error({ err: errorForLog(error) }, 'timeline button failed');
    await sendError(interaction, ctx.t.errors.internal).catch(() => undefined);
  }
  ctx.logger.info(
    {
      kind: 'button',
      customId: interaction.customId,
      locale: interaction.locale,
      latencyMs: Math.round(performance.now() - started),
      outcome,
    },
    'interaction',
  );
}
