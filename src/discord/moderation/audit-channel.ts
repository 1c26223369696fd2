import { type Client, Routes } from 'discord.js';
import type { Messages } from '../../i18n';
import type { Logger } from '../../logger';
import type { AuditEntry } from '../../moderation/types';
import { cutText, LIMITS } from '../limits';
import { errorForLog } from '../log-safe';
import { escapeText } from '../render/text';

/** One line for the moderation channel: who (a mention that pings no one), what, when. */
export function auditLine(entry: AuditEntry, t: Messages): string {
  const m = t.moderation.audit;
  const actor = `<@${entry.actor.id}>`;
  const when = `<t:${Math.floor(Date.parse(entry.at) / 1000)}:f>`;
  const title = escapeText(entry.article?.title ?? '');
  const file = escapeText(entry.article?.id ?? '');
  const what =
    entry.action === 'add'
      ? m.add(actor, title, file)
      : entry.action === 'remove'
        ? m.remove(actor, title, file)
        : entry.action === 'restore'
          ? m.restore(actor, title, file)
          : m.reload(
              actor,
              entry.changes?.added.length ?? 0,
              entry.changes?.changed.length ?? 0,
              entry.changes?.removed.length ?? 0,
            );
  return cutText(`${what} · ${when}`, LIMITS.content);
}

/**
 * Posts an audit entry to MOD_LOG_CHANNEL_ID when it is set, with every mention disabled.
 * A failure is logged: the change has happened and the moderator has been answered.
 */
export async function postAudit(
  client: Client,
  channelId: string | undefined,
  entry: AuditEntry,
  t: Messages,
  logger: Logger,
): Promise<void> {
  if (!channelId) return;
  try {
    await client.rest.post(Routes.channelMessages(channelId), {
      body: { content: auditLine(entry, t), allowed_mentions: { parse: [] } },
    });
  } catch (error) {
    logger.warn({ err: errorForLog(error), channelId }, 'could not post to the moderation log');
  }
}
