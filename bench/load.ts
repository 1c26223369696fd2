/**
 * Load on the real bot process through the local Discord stand-in: many members asking at
 * once while a moderator's reload of a few hundred new articles runs; then a SIGTERM with
 * work in flight. Prints what was answered, late (over Discord's 3 s), lost, and the reply
 * times (p50/p99, from the interaction's dispatch to the bot's callback, as the stand-in
 * sees them). Measured, never asserted: tests assert behaviour, this measures time.
 *
 *   npm run bench:load                                   1,000 interactions, 50 members, 60 s, 300 articles
 *   npm run bench:load -- --interactions 200 --seconds 10 --articles 50     a quick run
 *   npm run bench:load -- --json
 *
 * `npm run bench` calls `measureLoad` (once, at its first corpus size: this scenario does
 * not depend on the corpus size).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { messages } from '../src/i18n';
import { type BotProcess, REPO_ROOT, startBot } from '../test/discord/bot-process';
import type { JsonObject } from '../test/discord/json';
import { DiscordStandIn, type InteractionHandle } from '../test/discord/stand-in';
import { generatedArticles } from '../test/helpers/generated';
import { percentile } from './timing';

export interface LoadOptions {
  interactions: number;
  users: number;
  seconds: number;
  /** New articles the moderator's reload picks up (about six passages each). */
  articles: number;
  /** Commands in flight when SIGTERM comes. */
  inFlightAtStop: number;
}

export const DEFAULT_LOAD: LoadOptions = {
  interactions: 1000,
  users: 50,
  seconds: 60,
  articles: 300,
  inFlightAtStop: 20,
};

const DISCORD_DEADLINE_MS = 3000;
const DEFERRED = 5;
const nb = messages('nb');

/** What a member asks: a mix like a busy channel's, autocomplete included. */
type Ask = (standIn: DiscordStandIn, userId: string, i: number) => Promise<InteractionHandle>;
const ASKS: readonly Ask[] = [
  (s, userId, i) =>
    s.sendCommand({
      name: 'søk',
      options: [{ name: 'tekst', value: i % 3 ? 'Syria' : 'prioritere skolen' }],
      userId,
    }),
  (s, userId) =>
    s.sendCommand({ name: 'hvem', options: [{ name: 'navn', value: 'assad' }], userId }),
  (s, userId) =>
    s.sendCommand({ name: 'hva-skjedde', options: [{ name: 'dato', value: '2017-11' }], userId }),
  (s, userId) =>
    s.sendAutocomplete({
      name: 'hvem',
      options: [{ name: 'navn', value: 'pe', focused: true }],
      userId,
    }),
  (s, userId, i) =>
    s.sendCommand({
      name: 'søk',
      options: [{ name: 'tekst', value: 'Putin' }],
      userId,
      locale: i % 2 ? 'en-US' : 'no',
    }),
];

export interface LoadFigures {
  sent: number;
  answered: number;
  /** Answered with the ephemeral "try again in N s" (the abuse limit), counted in answered. */
  throttled: number;
  late: number;
  lost: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  reloadMs: number;
  reloadArticles: number;
  /** The SIGTERM phase. */
  stopInFlight: number;
  stopAnswered: number;
  stopExitCode: number;
  stopMs: number;
  loadAverage: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLoad(options: LoadOptions, log: (line: string) => void) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kilde-load-'));
  const knowledge = path.join(dir, 'knowledge');
  cpSync(path.join(REPO_ROOT, 'knowledge'), knowledge, { recursive: true });
  // Discord's real deadline would turn a late reply into an error; a long one lets the
  // bench see how late it was. "Late" is then counted against Discord's 3 s.
  const standIn = await DiscordStandIn.start({ interactionDeadlineMs: 120_000 });
  let bot: BotProcess | undefined;
  try {
    bot = await startBot({
      standIn,
      readyTimeoutMs: 120_000,
      env: {
        KNOWLEDGE_DIR: knowledge,
        CACHE_DIR: path.join(dir, 'cache'),
        LOG_LEVEL: 'warn',
        MODERATOR_ROLE_IDS: undefined,
        SHUTDOWN_TIMEOUT_MS: '10000',
        // The production defaults of the abuse limits (the test harness turns them off).
        RATE_LIMIT_BURST: undefined,
        AUTOCOMPLETE_LIMIT_BURST: undefined,
      },
    });
    log('bot ready; writing the new articles and starting the reload …');
    for (const [name, content] of Object.entries(generatedArticles(options.articles))) {
      const file = path.join(knowledge, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    const reloadStarted = performance.now();
    const reload = await standIn.sendCommand({
      name: 'kunnskap',
      options: [{ name: 'last-inn' }],
      roles: [standIn.guild.moderatorRoleId],
    });
    const reloadDone = reload.waitForEdit(1, 600_000).then(() => performance.now() - reloadStarted);

    log(
      `${options.interactions} interactions from ${options.users} members over ${options.seconds} s …`,
    );
    const handles: InteractionHandle[] = [];
    const gapMs = (options.seconds * 1000) / options.interactions;
    const start = performance.now();
    for (let i = 0; i < options.interactions; i++) {
      const due = start + i * gapMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const userId = `5000000000000${String(i % options.users).padStart(5, '0')}`;
      // Each member goes through the whole mix, one kind after another.
      const ask = ASKS[(i + Math.floor(i / options.users)) % ASKS.length] as Ask;
      handles.push(await ask(standIn, userId, i));
    }
    log('waiting for the last replies …');
    const settled = await Promise.allSettled(handles.map((h) => h.callback(30_000)));
    const reloadMs = await reloadDone;
    const reloadReport = JSON.stringify(reload.original()?.embeds ?? []);

    const times: number[] = [];
    let throttled = 0;
    let late = 0;
    for (const [i, result] of settled.entries()) {
      if (result.status !== 'fulfilled') continue;
      const accepted = (handles[i] as InteractionHandle)
        .attempts()
        .find((a) => a.status >= 200 && a.status < 300);
      const ms = accepted?.afterMs ?? 0;
      times.push(ms);
      if (ms > DISCORD_DEADLINE_MS) late++;
      const content = String(((result.value.data ?? {}) as JsonObject).content ?? '');
      if (content.startsWith(nb.ops.slowDown(7).split('7')[0] ?? '-')) throttled++;
      if (content.startsWith(messages('en').ops.slowDown(7).split('7')[0] ?? '-')) throttled++;
    }
    times.sort((a, b) => a - b);

    log(`SIGTERM with ${options.inFlightAtStop} commands in flight …`);
    const inFlight: InteractionHandle[] = [];
    for (let i = 0; i < options.inFlightAtStop; i++) {
      inFlight.push(
        await standIn.sendCommand({
          name: 'søk',
          options: [{ name: 'tekst', value: 'Syria' }],
          userId: `6000000000000${String(i).padStart(5, '0')}`,
        }),
      );
    }
    const stopStarted = performance.now();
    bot.proc.kill('SIGTERM');
    const exitCode = await bot.exited;
    const stopMs = performance.now() - stopStarted;
    const stopAnswered = inFlight.filter((h) => {
      const data = h.attempts().find((a) => a.status >= 200 && a.status < 300);
      return data !== undefined && data.type !== DEFERRED;
    }).length;

    const figures: LoadFigures = {
      sent: handles.length,
      answered: times.length,
      throttled,
      late,
      lost: handles.length - times.length,
      p50Ms: percentile(times, 0.5),
      p99Ms: percentile(times, 0.99),
      maxMs: times[times.length - 1] ?? 0,
      reloadMs: Math.round(reloadMs),
      reloadArticles: reloadReport.includes(nb.knowledge.reloadTitle) ? options.articles : 0,
      stopInFlight: inFlight.length,
      stopAnswered,
      stopExitCode: exitCode ?? -1,
      stopMs: Math.round(stopMs),
      loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
    };
    return figures;
  } finally {
    await bot?.stop(2000);
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let ran = false;

/** For `npm run bench`: runs the scenario once (the corpus size does not change it). */
export async function measureLoad(): Promise<Record<string, number>> {
  if (ran) return {};
  ran = true;
  return { ...(await runLoad(DEFAULT_LOAD, (line) => console.error(line))) };
}

function parseArgs(argv: readonly string[]): LoadOptions & { json: boolean } {
  const number = (flag: string, fallback: number): number => {
    const i = argv.indexOf(flag);
    const value = i >= 0 ? Number(argv[i + 1]) : Number.NaN;
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    interactions: number('--interactions', DEFAULT_LOAD.interactions),
    users: number('--users', DEFAULT_LOAD.users),
    seconds: number('--seconds', DEFAULT_LOAD.seconds),
    articles: number('--articles', DEFAULT_LOAD.articles),
    inFlightAtStop: number('--in-flight', DEFAULT_LOAD.inFlightAtStop),
    json: argv.includes('--json'),
  };
}

function table(figures: LoadFigures, options: LoadOptions): string {
  const rows: [string, string][] = [
    ['interactions sent', `${figures.sent} (${options.users} members, ${options.seconds} s)`],
    [
      'answered',
      `${figures.answered} (of which "try again" by the abuse limit: ${figures.throttled})`,
    ],
    ['late (> 3 s)', String(figures.late)],
    ['lost (no reply in 30 s)', String(figures.lost)],
    ['reply time p50 / p99 / max', `${figures.p50Ms} / ${figures.p99Ms} / ${figures.maxMs} ms`],
    ['reload meanwhile', `${options.articles} new articles, replied after ${figures.reloadMs} ms`],
    [
      'SIGTERM',
      `${figures.stopAnswered}/${figures.stopInFlight} in flight answered, exit ${figures.stopExitCode} after ${figures.stopMs} ms`,
    ],
    ['load average (1 min) at the end', String(figures.loadAverage)],
  ];
  return rows.map(([k, v]) => `${k.padEnd(32)} ${v}`).join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string) => {
    if (!options.json) console.error(line);
  };
  runLoad(options, log)
    .then((figures) => {
      console.log(options.json ? JSON.stringify(figures, null, 2) : table(figures, options));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
