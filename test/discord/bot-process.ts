/**
 * Starts the bot as a child process (`node --import tsx <entry>`, or compiled JavaScript) pointed at a Discord
 * stand-in, the way it runs in production, so end-to-end tests exercise config, startup,
 * command registration and shutdown for real.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiscordStandIn } from './stand-in';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface StartBotOptions {
  standIn: DiscordStandIn;
  /** Extra or overriding environment (KNOWLEDGE_DIR, LOG_LEVEL, ...). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Script to run, relative to `cwd`; default `src/main.ts`. */
  entry?: string;
  /** Node flags before the entry; default `--import tsx` (pass [] for compiled JavaScript). */
  nodeArgs?: string[];
  /** How long the bot may take to IDENTIFY (and register commands, if asked). */
  readyTimeoutMs?: number;
  /** Also wait until the bot has PUT its commands (when REGISTER_COMMANDS_ON_START is on). */
  waitForCommands?: boolean;
}

export interface BotProcess {
  proc: ChildProcess;
  /** Resolves with the exit code (null if killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
  /** Everything the bot wrote to stdout and stderr so far. */
  logs(): string;
  waitForLog(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null if killed). */
  stop(graceMs?: number): Promise<number | null>;
}

/** The environment the bot gets: the parent's minus any real Discord settings, plus the stand-in's. */
export function botEnvironment(
  standIn: DiscordStandIn,
  extra: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // A developer's real token in the shell must never reach a test bot.
    if (!key.startsWith('DISCORD_')) env[key] = value;
  }
  Object.assign(env, {
    DISCORD_TOKEN: standIn.token,
    DISCORD_CLIENT_ID: standIn.applicationId,
    DISCORD_GUILD_ID: standIn.guildId,
    DISCORD_API_URL: standIn.apiUrl,
    REGISTER_COMMANDS_ON_START: 'true',
    LOG_LEVEL: 'info',
    // Tests ask quickly as one member; the abuse limits are tested where they are set.
    RATE_LIMIT_BURST: '0',
    AUTOCOMPLETE_LIMIT_BURST: '0',
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export async function startBot(options: StartBotOptions): Promise<BotProcess> {
  const { standIn } = options;
  const cwd = options.cwd ?? REPO_ROOT;
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const identifiesBefore = standIn.identifyCount;
  const registrationsBefore = standIn.commandRegistrationCount;

  const proc = spawn(
    process.execPath,
    [...(options.nodeArgs ?? ['--import', 'tsx']), options.entry ?? 'src/main.ts'],
    {
      cwd,
      env: botEnvironment(standIn, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const logWaiters = new Set<() => void>();
  const onOutput = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const waiter of [...logWaiters]) waiter();
  };
  proc.stdout?.on('data', onOutput);
  proc.stderr?.on('data', onOutput);
  const exited = new Promise<number | null>((resolve) => {
    proc.once('exit', (code) => resolve(code));
  });

  const bot: BotProcess = {
    proc,
    exited,
    logs: () => output,
    waitForLog: (pattern, waitMs = 30_000) =>
      new Promise<string>((resolve, reject) => {
        const matches = (): boolean =>
          typeof pattern === 'string' ? output.includes(pattern) : pattern.test(output);
        if (matches()) {
          resolve(output);
          return;
        }
        const timer = setTimeout(() => {
          logWaiters.delete(check);
          reject(
            new Error(`bot did not log ${String(pattern)} within ${waitMs} ms. Logs:\n${output}`),
          );
        }, waitMs);
        const check = (): void => {
          if (!matches()) return;
          clearTimeout(timer);
          logWaiters.delete(check);
          resolve(output);
        };
        logWaiters.add(check);
      }),
    stop: async (graceMs = 5000) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(killer);
      }
    },
  };

  const ready = (async () => {
    await standIn.waitForIdentify(timeoutMs, identifiesBefore + 1);
    if (options.waitForCommands) await standIn.waitForCommands(timeoutMs, registrationsBefore + 1);
  })();
  const early = exited.then((code) => {
    throw new Error(`bot exited with code ${code} before it was ready. Logs:\n${output}`);
  });
  try {
    await Promise.race([ready, early]);
  } catch (error) {
    await bot.stop(1000);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.includes('Logs:') ? message : `${message}. Logs:\n${output}`);
  } finally {
    // `early` must not become an unhandled rejection once the bot exits normally later.
    early.catch(() => undefined);
  }
  return bot;
}
