/**
 * The configuration of a bot started inside the test process (`startDiscordBot`) against a
 * stand-in: its token, ids and API address, commands registered to the guild on start.
 */
import { type Config, parseConfig } from '../../src/config';
import type { DiscordStandIn } from './stand-in';

export function standInConfig(
  standIn: DiscordStandIn,
  extra: Record<string, string | undefined> = {},
): Config {
  return parseConfig({
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_GUILD_ID: standIn.guildId,
    DISCORD_API_URL: standIn.apiUrl,
    REGISTER_COMMANDS_ON_START: 'true',
    DEFAULT_LOCALE: 'nb',
    // One member asks everything here, quickly: the abuse limits have their own tests.
    RATE_LIMIT_BURST: '0',
    AUTOCOMPLETE_LIMIT_BURST: '0',
    ...extra,
  });
}
