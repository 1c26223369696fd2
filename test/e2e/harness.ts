/**
 * One real bot process against a fresh Discord stand-in, for a whole test file: a temporary
 * root with `knowledge/` (a copy of the shipped folder, or articles the test writes) and
 * `cache/`, started before the file's tests and stopped, closed and removed after them.
 *
 *   const e2e = useBot({ name: 'pictures', knowledge: { 'a.md': '...' } });
 *   it('...', async () => { await e2e.standIn.sendCommand(...) });
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type BotProcess, REPO_ROOT, startBot } from '../discord/bot-process';
import { DiscordStandIn, type StandInOptions } from '../discord/stand-in';

type Environment = Record<string, string | undefined>;

export interface UseBotOptions {
  /** Names the temporary folder, to tell runs apart. */
  name: string;
  /** `'shipped'` copies the repository's `knowledge/`; an object writes those files. */
  knowledge: 'shipped' | Readonly<Record<string, string>>;
  /** Added to (or, with `undefined`, removed from) the defaults; may read the stand-in. */
  env?: Environment | ((standIn: DiscordStandIn) => Environment);
  standIn?: StandInOptions;
  /** Generous by default: the suite starts several bot processes at once on a shared machine. */
  readyTimeoutMs?: number;
}

export interface RunningBot {
  readonly standIn: DiscordStandIn;
  readonly bot: BotProcess;
  /** The temporary folder holding `knowledge/` and `cache/`. */
  readonly root: string;
  readonly knowledgeDir: string;
}

/** Starts the bot in `beforeAll` and tears it down in `afterAll`; read the fields in tests. */
export function useBot(options: UseBotOptions): RunningBot {
  let running: { standIn: DiscordStandIn; bot?: BotProcess; root: string } | undefined;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), `kilde-e2e-${options.name}-`));
    const knowledgeDir = path.join(root, 'knowledge');
    if (options.knowledge === 'shipped') {
      cpSync(path.join(REPO_ROOT, 'knowledge'), knowledgeDir, { recursive: true });
    } else {
      mkdirSync(knowledgeDir, { recursive: true });
      for (const [name, text] of Object.entries(options.knowledge)) {
        mkdirSync(path.dirname(path.join(knowledgeDir, name)), { recursive: true });
        writeFileSync(path.join(knowledgeDir, name), text);
      }
    }
    const standIn = await DiscordStandIn.start(options.standIn);
    running = { standIn, root };
    const extra = typeof options.env === 'function' ? options.env(standIn) : (options.env ?? {});
    running.bot = await startBot({
      standIn,
      waitForCommands: true,
      readyTimeoutMs,
      env: {
        KNOWLEDGE_DIR: knowledgeDir,
        CACHE_DIR: path.join(root, 'cache'),
        KNOWLEDGE_WATCH: 'false',
        DEFAULT_LOCALE: 'nb',
        MODERATOR_ROLE_IDS: undefined,
        ...extra,
      },
    });
    await running.bot.waitForLog('Discord bot ready', readyTimeoutMs);
  }, readyTimeoutMs * 2);

  afterAll(async () => {
    await running?.bot?.stop();
    await running?.standIn.close();
    if (running) rmSync(running.root, { recursive: true, force: true, maxRetries: 5 });
  });

  const started = () => {
    if (!running?.bot) throw new Error('useBot: the bot is read before beforeAll started it');
    return { ...running, bot: running.bot };
  };
  return {
    get standIn() {
      return started().standIn;
    },
    get bot() {
      return started().bot;
    },
    get root() {
      return started().root;
    },
    get knowledgeDir() {
      return path.join(started().root, 'knowledge');
    },
  };
}
