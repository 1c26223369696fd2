import { REST, Routes, ShardingManager } from 'discord.js';
import type { Kilde } from '../answers/types';
import type { Config } from '../config';
import type { Logger } from '../logger';

/**
 * Sharding: past 2,500 guilds Discord requires one gateway session per shard, and one
 * process per shard spreads the work over cores and hosts. With SHARD_COUNT set, the
 * entry point becomes discord.js's ShardingManager, which starts this same entry once per
 * shard; those processes (SHARDING_MANAGER=true in their environment) run the bot.
 */

/** True in a process the ShardingManager started: it runs one shard of the bot. */
export function isShardProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SHARDING_MANAGER === 'true';
}

/** A reload done on one shard, relayed by the manager to the others (memory backend only). */
interface ReloadBroadcast {
  kilde: 'reloaded';
  from: string;
}

function isReloadBroadcast(message: unknown): message is ReloadBroadcast {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { kilde?: unknown }).kilde === 'reloaded' &&
    typeof (message as { from?: unknown }).from === 'string'
  );
}

/** Discord's recommended shard count, asked of the configured API (a REST proxy or Discord). */
async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN ?? '',
  );
  const answer = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  return typeof answer.shards === 'number' && answer.shards > 0 ? answer.shards : 1;
}

export async function runShardManager(config: Config, logger: Logger): Promise<ShardingManager> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell which script to start for each shard');
  const count = config.SHARD_COUNT;
  const totalShards = count === 'auto' ? await recommendedShards(config) : (count ?? 1);
  if (config.SEARCH_BACKEND === 'memory' && totalShards > 1) {
    logger.warn(
      { shards: totalShards },
      'SEARCH_BACKEND=memory: every shard holds its own copy of the archive; reloads are relayed to all shards. Use SEARCH_BACKEND=postgres to share one.',
    );
  }
  const manager = new ShardingManager(script, {
    totalShards,
    token: config.DISCORD_TOKEN,
    // Under tsx (development) the shards need its loader too; compiled, this is empty.
    execArgv: process.execArgv,
    shardArgs: process.argv.slice(2),
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard started');
    shard.on('message', (message: unknown) => {
      if (isReloadBroadcast(message)) {
        manager.broadcast(message).catch((error: unknown) => {
          logger.warn({ err: error }, 'could not relay a reload to every shard');
        });
      }
    });
  });
  await manager.spawn({ timeout: 120_000 });
  logger.info({ shards: totalShards }, 'all shards started');
  return manager;
}

/** Passes a stop signal to every shard process and resolves when all have exited (or after `graceMs`). */
export async function stopShards(
  manager: ShardingManager,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<void> {
  manager.respawn = false;
  const exits = [...manager.shards.values()].map((shard) => {
    const child = shard.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  });
  await Promise.race([
    Promise.all(exits),
    new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
  ]);
}

/**
 * For shards on the memory backend: a reload on one shard (a moderator's command) is
 * relayed through the manager, and every other shard reloads its own copy, so that all
 * answer from the same files. (On PostgreSQL, LISTEN/NOTIFY does this instead.)
 */
/** How a shard talks to its manager: the process's IPC channel, or a stand-in in tests. */
export interface ManagerChannel {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

const processChannel: ManagerChannel = {
  send: (message) => {
    process.send?.(message);
  },
  onMessage: (listener) => {
    process.on('message', listener);
  },
};

export function relayReloads<K extends Kilde>(
  kilde: K,
  logger: Logger,
  channel: ManagerChannel = processChannel,
  me: string = process.env.SHARDS ?? String(process.pid),
): K {
  channel.onMessage((message) => {
    if (!isReloadBroadcast(message) || message.from === me) return;
    kilde.reload().catch((error: unknown) => {
      logger.error({ err: error }, 'reload relayed from another shard failed');
    });
  });
  return {
    ...kilde,
    reload: async () => {
      const report = await kilde.reload();
      const broadcast: ReloadBroadcast = { kilde: 'reloaded', from: me };
      channel.send(broadcast);
      return report;
    },
  };
}
