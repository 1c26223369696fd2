import type { ModalSubmitInteraction } from 'discord.js';
import type { BaseContext, Command, CommandResult } from './command';
import { errorForLog } from './log-safe';
import { sendError } from './router';

/**
 * A submitted modal goes to the command that opened it (its `modals` handler for that
 * custom_id). Like every handler: a throw is logged and the user still gets an answer.
 */
export async function handleModal(
  interaction: ModalSubmitInteraction,
  commands: ReadonlyMap<string, Command>,
  ctx: BaseContext,
): Promise<void> {
  const started = performance.now();
  let result: CommandResult = { outcome: 'error', results: 0 };
  try {
    const handler = [...commands.values()].find((c) => c.modals?.[interaction.customId])?.modals?.[
      interaction.customId
    ];
    if (!handler) {
      result = { outcome: 'invalid', results: 0 };
      await sendError(interaction, ctx.t.errors.expired);
    } else {
      result = await handler(interaction, ctx);
    }
  } catch (error) {
    ctx.logger.error(
      { err: errorForLog(error), modal: interaction.customId },
      'modal handler failed',
    );
    await sendError(interaction, ctx.t.errors.internal).catch(() => undefined);
  }
  ctx.logger.info(
    {
      kind: 'modal',
      customId: interaction.customId,
      locale: interaction.locale,
      latencyMs: Math.round(performance.now() - started),
      results: result.results,
      outcome: result.outcome,
    },
    'interaction',
  );
}
