import os from 'node:os';
import { createKilde } from './answers/kilde';
import { ConfigError, loadConfig } from './config';
import { consoleOptions } from './console/dispatch';
import { runConsole } from './console/repl';
import { startDiscordBot } from './discord/bot';
import { errorForLog } from './discord/log-safe';
import { isShardProcess, relayReloads, runShardManager, stopShards } from './discord/shards';
import { createLogger } from './logger';
import { databaseSecrets, openPostgresBackend } from './postgres/open';

/**
 * Entry point: with DISCORD_TOKEN the bot connects to Discord; without it the same
 * commands are served in a local console, so anyone can try Kilde at once.
 */
async function main(): Promise<void> {
  const config = await loadConfig();
  // In the console the answers are the output: routine info lines would only get in the way.
  const consoleMode = !config.DISCORD_TOKEN;
  const level = consoleMode && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const logger = createLogger(level, [config.DISCORD_TOKEN, ...databaseSecrets(config)]);

  // With SHARD_COUNT this process only manages: one child per shard runs the bot.
  if (!consoleMode && config.SHARD_COUNT !== undefined && !isShardProcess()) {
    const manager = await runShardManager(config, logger);
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(128 + (os.constants.signals[signal] ?? 15));
      stopping = true;
      // Each shard shuts down gracefully on its own (finishes what is in flight); the
      // manager waits for them, a little past their own deadline, and respawns none.
      stopShards(manager, signal, config.SHUTDOWN_TIMEOUT_MS + 2000).then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }

  const backend =
    config.SEARCH_BACKEND === 'postgres' ? await openPostgresBackend(config, logger) : undefined;
  const core = await createKilde({
    knowledgeDir: config.KNOWLEDGE_DIR,
    cacheDir: config.CACHE_DIR,
    maxFileBytes: config.KNOWLEDGE_MAX_FILE_KB * 1024,
    watch: config.KNOWLEDGE_WATCH,
    logger,
    ...(backend ? { backend } : {}),
  });
  // Shards on the memory backend each hold a copy: a reload on one is relayed to all.
  const kilde =
    isShardProcess() && config.SEARCH_BACKEND === 'memory' ? relayReloads(core, logger) : core;

  if (consoleMode) {
    await runConsole(kilde, {
      locale: config.DEFAULT_LOCALE,
      args: process.argv.slice(2),
      console: consoleOptions(config),
    });
    await kilde.close();
    return;
  }

  // A last line of defence: every handler already answers its own errors, but a promise
  // that slips through must cost one log line, not the bot (Node would exit by default).
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: errorForLog(reason) }, 'unhandled rejection; the bot keeps running');
  });

  const bot = await startDiscordBot({ config, kilde, logger });
  let stopping = false;
  // A graceful stop: no new work, the work in flight finished (or told it was cut short)
  // within SHUTDOWN_TIMEOUT_MS, the analysis worker stopped, the client destroyed, exit 0.
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal: whoever sent it does not want to wait.
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    }
    stopping = true;
    logger.info({ signal, deadlineMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    const drained = await bot.drain(config.SHUTDOWN_TIMEOUT_MS);
    await kilde.close();
    await bot.stop();
    logger.info(drained, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Kilde failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
