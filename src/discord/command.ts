import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { Kilde } from '../answers/types';
import type { Config } from '../config';
import type { Locale, Messages } from '../i18n';
import type { Logger } from '../logger';
import type { Refusal, TextOption } from './options';
import type { Ask, Outcome, View } from './view';

/** What a command returns, for the interaction's log line. */
export interface CommandResult {
  outcome: Outcome;
  results: number;
}

/** What every handler gets: the core and the asker's language. */
export interface BaseContext {
  kilde: Kilde;
  config: Config;
  logger: Logger;
  locale: Locale;
  t: Messages;
}

/** What the router gives a command: the base context and ways to answer. */
export interface CommandContext extends BaseContext {
  /** Runs a question through the core and shows its answer (or its error, ephemeral). */
  answer(ask: Ask): Promise<CommandResult>;
  /** Shows a view: reply, or edit the deferred reply; buttons when it has more pages. */
  show(view: View, options?: { ephemeral?: boolean }): Promise<CommandResult>;
  /** An ephemeral error for the asker only. */
  fail(text: string, outcome: Outcome): Promise<CommandResult>;
  /** The ephemeral "missing" or "too long" error for an option the input gate refused. */
  refuse(refusal: Refusal, option: TextOption): Promise<CommandResult>;
}

/** One slash command: its definition (with localizations) and its handlers. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<CommandResult>;
  /** Answers autocomplete; returns how many choices it offered. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BaseContext): Promise<number>;
  /** Handlers for the modals it opens, by the modal's custom_id. */
  modals?: Record<
    string,
    (interaction: ModalSubmitInteraction, ctx: BaseContext) => Promise<CommandResult>
  >;
}

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

/** Shape check for a command module's default export (a module is plain JavaScript at runtime). */
const commandSchema = z.object({
  data: z.object({
    name: z.string().regex(/^[-_\p{L}\p{N}]{1,32}$/u, 'must be a valid Discord command name'),
    toJSON: z.custom<() => unknown>(isFunction, 'must be a function'),
  }),
  execute: z.custom<() => unknown>(isFunction, 'must be a function'),
  autocomplete: z.custom<() => unknown>(isFunction, 'must be a function').optional(),
  modals: z
    .record(z.string(), z.custom<() => unknown>(isFunction, 'must be a function'))
    .optional(),
});

export function isCommand(value: unknown): value is Command {
  return commandSchema.safeParse(value).success;
}

/** The repository's `commands/` folder. */
export const COMMANDS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../commands',
);

/**
 * Every command module in `dir` (adding a command is adding a file). A module whose default
 * export is not a command stops start-up with its file name: better than a silent gap.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = (await readdir(dir))
    .filter((f) => /\.(ts|js|mjs)$/u.test(f) && !f.endsWith('.d.ts') && !f.includes('.test.'))
    .sort();
  const commands = new Map<string, Command>();
  for (const file of files) {
    const module: { default?: unknown } = await import(pathToFileURL(path.join(dir, file)).href);
    const parsed = commandSchema.safeParse(module.default);
    if (!parsed.success || !isCommand(module.default)) {
      const why = parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`commands/${file}: not a command (${why ?? 'bad shape'})`);
    }
    const command = module.default;
    if (commands.has(command.data.name)) {
      throw new Error(`commands/${file}: the command name "${command.data.name}" is taken`);
    }
    commands.set(command.data.name, command);
  }
  return commands;
}
