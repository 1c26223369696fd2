import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { KnowledgeLoadingError } from '../answers/kilde';
import type { Kilde } from '../answers/types';
import type { Config } from '../config';
import { type Locale, type Messages, messages, resolveLocale } from '../i18n';
import type { Logger } from '../logger';
import { runAsk } from './answers';
import type { BaseContext, Command, CommandContext, CommandResult } from './command';
import { cutText, LIMITS } from './limits';
import { errorForLog } from './log-safe';
import { buildMessage, NO_MENTIONS } from './message';
import { handleModal } from './modals';
import { refusalText } from './options';
import { parseCustomId, type SessionStore } from './paging';
import { handleTimelineButton, isTimelineButton } from './timeline-button';
import { isErrorReply, type View } from './view';

export interface RouterDeps {
  commands: ReadonlyMap<string, Command>;
  kilde: Kilde;
  config: Config;
  logger: Logger;
  sessions: SessionStore;
}

/**
 * Dispatches every interaction: slash commands, autocomplete and buttons. Each handler is
 * wrapped: a throw is logged and still answers the user (ephemeral `errors.internal`), and
 * nothing escapes to crash the bot. One log line per interaction, without its token.
 */
export function createRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await handleCommand(interaction, deps);
      else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, deps);
      else if (interaction.isButton() && isTimelineButton(interaction.customId))
        await handleTimelineButton(interaction, baseContext(interaction, deps));
      else if (interaction.isButton()) await handleButton(interaction, deps);
      else if (interaction.isModalSubmit())
        await handleModal(interaction, deps.commands, baseContext(interaction, deps));
    } catch (error) {
      // Only reached when even the error reply failed (e.g. the interaction expired).
      deps.logger.error(
        { err: errorForLog(error), interactionId: interaction.id },
        'interaction failed',
      );
    }
  };
}

function localeOf(interaction: Interaction, deps: RouterDeps): Locale {
  return resolveLocale(interaction.locale, deps.config.DEFAULT_LOCALE);
}

function baseContext(interaction: Interaction, deps: RouterDeps): BaseContext {
  const locale = localeOf(interaction, deps);
  return {
    kilde: deps.kilde,
    config: deps.config,
    logger: deps.logger,
    locale,
    t: messages(locale),
  };
}

/** An ephemeral error, sent the way the interaction's state allows. */
export async function sendError(interaction: RepliableInteraction, text: string): Promise<void> {
  const content = cutText(text, LIMITS.content);
  if (interaction.deferred && !interaction.replied) {
    // The deferral chose the visibility; the error replaces the "thinking" message.
    await interaction.editReply({
      content,
      embeds: [],
      components: [],
      allowedMentions: NO_MENTIONS,
    });
  } else if (interaction.replied || interaction.deferred) {
    await interaction.followUp({
      content,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  } else {
    await interaction.reply({
      content,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }
}

function commandContext(
  interaction: ChatInputCommandInteraction,
  deps: RouterDeps,
  base: BaseContext,
): CommandContext {
  const show = async (
    view: View,
    options: { ephemeral?: boolean } = {},
  ): Promise<CommandResult> => {
    const needsButtons = view.pages.length > 1 || view.suggestions.length > 0;
    const session = needsButtons
      ? deps.sessions.open(interaction.user.id, base.locale, view, async () => {
          await interaction.editReply({ components: [], allowedMentions: NO_MENTIONS });
        })
      : undefined;
    const payload = buildMessage(view, 0, session?.id, base.t);
    if (interaction.deferred || interaction.replied) await interaction.editReply(payload);
    else
      await interaction.reply({
        ...payload,
        ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
    return { outcome: view.outcome, results: view.results };
  };
  const fail = async (text: string, outcome: CommandResult['outcome']): Promise<CommandResult> => {
    await sendError(interaction, text);
    return { outcome, results: 0 };
  };
  return {
    ...base,
    show,
    fail,
    refuse: (refusal, option) => fail(refusalText(refusal, option, base.t), 'invalid'),
    answer: async (ask) => {
      const rendered = await runAsk(ask, deps.kilde, base.t);
      return isErrorReply(rendered) ? fail(rendered.error, rendered.outcome) : show(rendered);
    },
  };
}

async function handleCommand(
  interaction: ChatInputCommandInteraction,
  deps: RouterDeps,
): Promise<void> {
  const started = performance.now();
  const base = baseContext(interaction, deps);
  const command = deps.commands.get(interaction.commandName);
  let result: CommandResult = { outcome: 'error', results: 0 };
  try {
    if (!command) {
      await sendError(interaction, base.t.errors.unknownCommand(interaction.commandName));
    } else {
      result = await command.execute(interaction, commandContext(interaction, deps, base));
    }
  } catch (error) {
    result = await failed(interaction, error, base.t, deps.logger);
  }
  deps.logger.info(
    {
      kind: 'command',
      command: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false) ?? undefined,
      locale: interaction.locale,
      guildId: interaction.guildId ?? undefined,
      latencyMs: Math.round(performance.now() - started),
      results: result.results,
      outcome: result.outcome,
    },
    'interaction',
  );
}

/** A handler threw: the asker still gets an answer (loading, or internal error) and it is logged. */
async function failed(
  interaction: RepliableInteraction,
  error: unknown,
  t: Messages,
  logger: Logger,
): Promise<CommandResult> {
  if (error instanceof KnowledgeLoadingError) {
    await sendError(interaction, t.errors.loading);
    return { outcome: 'loading', results: 0 };
  }
  const where = interaction.isChatInputCommand() ? { command: interaction.commandName } : {};
  logger.error({ err: errorForLog(error), ...where }, 'interaction handler failed');
  await sendError(interaction, t.errors.internal);
  return { outcome: 'error', results: 0 };
}

async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  deps: RouterDeps,
): Promise<void> {
  const started = performance.now();
  const command = deps.commands.get(interaction.commandName);
  let results = 0;
  let outcome = 'answered';
  try {
    if (command?.autocomplete)
      results = await command.autocomplete(interaction, baseContext(interaction, deps));
    else await interaction.respond([]);
  } catch (error) {
    outcome = 'error';
    deps.logger.warn(
      { err: errorForLog(error), command: interaction.commandName },
      'autocomplete failed',
    );
    // Autocomplete has no error message: an empty list is the polite answer.
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
  deps.logger.debug(
    {
      kind: 'autocomplete',
      command: interaction.commandName,
      locale: interaction.locale,
      latencyMs: Math.round(performance.now() - started),
      results,
      outcome,
    },
    'interaction',
  );
}

async function handleButton(interaction: ButtonInteraction, deps: RouterDeps): Promise<void> {
  const started = performance.now();
  const { t } = baseContext(interaction, deps);
  let outcome: string = 'answered';
  let results = 0;
  let command: string | undefined;
  try {
    const parsed = parseCustomId(interaction.customId);
    const session = parsed ? deps.sessions.get(parsed.sessionId) : undefined;
    if (!parsed || !session) {
      outcome = 'expired';
      await sendError(interaction, t.errors.expired);
    } else if (session.ownerId !== interaction.user.id) {
      outcome = 'not-yours';
      await sendError(interaction, t.errors.notYours);
    } else if (parsed.action === 'p') {
      session.page = Math.min(parsed.index, session.view.pages.length - 1);
      results = session.view.results;
      await interaction.update(
        // The picture, if any, stays on the message: it is not sent again.
        buildMessage(session.view, session.page, session.id, messages(session.locale), false),
      );
    } else {
      const suggestion = session.view.suggestions[parsed.index];
      if (!suggestion) {
        outcome = 'expired';
        await sendError(interaction, t.errors.expired);
      } else {
        // The suggestion is re-run as a new question by the asker, in the asker's language.
        command = suggestion.ask.command;
        const rendered = await runAsk(suggestion.ask, deps.kilde, t);
        if (isErrorReply(rendered)) {
          outcome = rendered.outcome;
          await sendError(interaction, rendered.error);
        } else {
          deps.sessions.replace(session, rendered);
          outcome = rendered.outcome;
          results = rendered.results;
          await interaction.update(buildMessage(rendered, 0, session.id, t));
        }
      }
    }
  } catch (error) {
    outcome = (await failed(interaction, error, t, deps.logger)).outcome;
  }
  deps.logger.info(
    {
      kind: 'button',
      customId: interaction.customId,
      command,
      locale: interaction.locale,
      latencyMs: Math.round(performance.now() - started),
      results,
      outcome,
    },
    'interaction',
  );
}
