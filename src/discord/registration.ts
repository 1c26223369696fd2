import { REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';
import type { Command } from './command';

export interface RegistrationTarget {
  token: string;
  clientId: string;
  /** A guild's commands update at once; global ones can take a while to show. */
  guildId?: string;
  /** A Discord-compatible API base (the local stand-in in tests). */
  api?: string;
}

/** The JSON Discord receives for every command. */
export function commandPayloads(
  commands: Iterable<Command>,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands].map((c) => c.data.toJSON());
}

/**
 * Registers the commands with one PUT, which replaces the whole set: running it twice
 * leaves the same commands, and a removed command file disappears from Discord too.
 */
export async function registerCommands(
  commands: Iterable<Command>,
  target: RegistrationTarget,
): Promise<{ count: number; scope: 'guild' | 'global' }> {
  const rest = new REST(target.api ? { api: target.api } : {}).setToken(target.token);
  const body = commandPayloads(commands);
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.clientId, target.guildId)
    : Routes.applicationCommands(target.clientId);
  await rest.put(route, { body });
  return { count: body.length, scope: target.guildId ? 'guild' : 'global' };
}
