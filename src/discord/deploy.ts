/**
 * `npm run deploy-commands`: registers the slash commands (to DISCORD_GUILD_ID when set,
 * else globally). Its own entry point so that starting the bot never changes commands
 * unless REGISTER_COMMANDS_ON_START asks for it.
 */
import { ConfigError, loadConfig } from '../config';
import { loadCommands } from './command';
import { registerCommands } from './registration';

async function deploy(): Promise<void> {
  const config = await loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    throw new ConfigError(
      'DISCORD_TOKEN and DISCORD_CLIENT_ID are both required to register commands',
    );
  }
  const commands = await loadCommands();
  const { count, scope } = await registerCommands(commands.values(), {
    token: config.DISCORD_TOKEN,
    clientId: config.DISCORD_CLIENT_ID,
    ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
    ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
  });
  const where = scope === 'guild' ? `guild ${config.DISCORD_GUILD_ID}` : 'all servers (global)';
  process.stdout.write(`Registered ${count} commands for ${where}.\n`);
}

deploy().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${error instanceof ConfigError ? 'Configuration error' : 'Registering commands failed'}: ${message}\n`,
  );
  process.exit(1);
});
