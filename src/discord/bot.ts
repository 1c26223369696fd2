import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Kilde } from '../answers/types';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { loadCommands } from './command';
import { type DrainReport, InteractionDrain } from './drain';
import { errorForLog } from './log-safe';
import { NO_MENTIONS } from './message';
import { SessionStore } from './paging';
import { registerCommands } from './registration';
import { createRouter } from './router';
import { throttled } from './throttle';

export interface DiscordBot {
  /**
   * The first half of a graceful shutdown: stops taking new interactions (they are told
   * to try again) and waits up to `deadlineMs` for those in flight. Still connected after.
   */
  drain(deadlineMs: number): Promise<DrainReport>;
  /** Disconnects from Discord. */
  stop(): Promise<void>;
}

/**
 * Connects to Discord and answers slash commands. Only the Guilds intent: interactions
 * arrive without any intent, and Kilde reads no messages.
 */
export async function startDiscordBot(options: {
  config: Config;
  kilde: Kilde;
  logger: Logger;
  /** How long Previous/Next and suggestion buttons work (default 10 minutes). */
  sessionTtlMs?: number;
}): Promise<DiscordBot> {
  const { config, kilde, logger } = options;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');

  const commands = await loadCommands();
  if (config.REGISTER_COMMANDS_ON_START && config.DISCORD_CLIENT_ID) {
    try {
      const { count, scope } = await registerCommands(commands.values(), {
        token,
        clientId: config.DISCORD_CLIENT_ID,
        ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
        ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
      });
      logger.info({ count, scope }, 'commands registered');
    } catch (error) {
      // The bot still answers commands registered earlier.
      logger.error({ err: errorForLog(error) }, 'registering commands failed');
    }
  }

  const sessions = new SessionStore(options.sessionTtlMs, (error) =>
    logger.warn({ err: errorForLog(error) }, 'could not remove expired buttons'),
  );
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  const route = throttled(
    createRouter({ commands, kilde, config, logger, sessions }),
    {
      commands: { burst: config.RATE_LIMIT_BURST, refillMs: config.RATE_LIMIT_REFILL_MS },
      autocomplete: {
        burst: config.AUTOCOMPLETE_LIMIT_BURST,
        refillMs: config.AUTOCOMPLETE_LIMIT_REFILL_MS,
      },
    },
    { defaultLocale: config.DEFAULT_LOCALE, logger },
  );
  const gate = new InteractionDrain(config.DEFAULT_LOCALE, logger);

  client.once(Events.ClientReady, async (ready) => {
    logger.info(
      {
        servers: ready.guilds.cache.size,
        articles: (await kilde.status()).articles,
        commands: commands.size,
      },
      'Discord bot ready',
    );
  });
  client.on(Events.InteractionCreate, (interaction) => void gate.run(interaction, route));
  client.on(Events.Error, (error) =>
    logger.error({ err: errorForLog(error) }, 'Discord client error'),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, 'gateway resumed'),
  );

  await client.login(token);

  return {
    drain: (deadlineMs) => gate.drain(deadlineMs),
    async stop() {
      sessions.close();
      await client.destroy();
    },
  };
}
