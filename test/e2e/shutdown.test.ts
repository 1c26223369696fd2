/**
 * Graceful shutdown, through the real bot process against the local Discord stand-in: on
 * SIGTERM the bot stops taking new interactions (they are told it is restarting), finishes
 * what is in flight (a moderator's reload and twenty quick searches), or, past the deadline,
 * edits the reload's reply to "interrupted, nothing was lost"; then exits 0. A second
 * signal exits at once. Behaviour only: how long it takes is measured by `npm run bench:load`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { type BotProcess, startBot } from '../discord/bot-process';
import { asObjects, type JsonObject } from '../discord/json';
import { DiscordStandIn, type InteractionHandle } from '../discord/stand-in';
import { generatedArticles } from '../helpers/generated';

const EPHEMERAL = 64;
const DEFERRED = 5;
const nb = messages('nb');
const en = messages('en');

let standIn: DiscordStandIn;
let dir: string;
const bots: BotProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kilde-shutdown-'));
  // ~1,100 passages: a reload analyses them on the worker thread, and takes a while.
  writeArticles(generatedArticles(180));
  // Generous deadlines: this tests what is answered, not how fast (the machine may be busy).
  standIn = await DiscordStandIn.start({ interactionDeadlineMs: 120_000 });
});

afterAll(async () => {
  for (const bot of bots) await bot.stop(1000);
  await standIn?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function writeArticles(files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'knowledge', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** A new article naming a person nobody else in the archive has. */
function article(file: string, person: string): Record<string, string> {
  return {
    [file]: [
      '---',
      `title: ${person} åpner ny havn`,
      'date: 2023-03-14',
      'language: nb',
      '---',
      '',
      `Havnesjef ${person} åpnet tirsdag den nye havnen. – Dette er en stor dag for byen, sa ${person}.`,
      '',
    ].join('\n'),
  };
}

async function start(deadlineMs: number): Promise<BotProcess> {
  const bot = await startBot({
    standIn,
    readyTimeoutMs: 180_000,
    env: {
      KNOWLEDGE_DIR: path.join(dir, 'knowledge'),
      CACHE_DIR: path.join(dir, 'cache'),
      SHUTDOWN_TIMEOUT_MS: String(deadlineMs),
      MODERATOR_ROLE_IDS: undefined,
    },
  });
  bots.push(bot);
  await bot.waitForLog('Discord bot ready', 180_000);
  return bot;
}

async function reload(locale = 'no'): Promise<InteractionHandle> {
  const handle = await standIn.sendCommand({
    name: 'kunnskap',
    options: [{ name: 'last-inn' }],
    roles: [standIn.guild.moderatorRoleId],
    locale,
  });
  const callback = await handle.callback(60_000);
  expect(callback.type).toBe(DEFERRED);
  return handle;
}

function search(text: string, userId: string): Promise<InteractionHandle> {
  return standIn.sendCommand({ name: 'søk', options: [{ name: 'tekst', value: text }], userId });
}

const embedTitle = (data: unknown): unknown => asObjects((data as JsonObject)?.embeds)[0]?.title;

describe('SIGTERM', () => {
  it('past the deadline: the reload reply says "interrupted, nothing was lost", and the bot exits 0', async () => {
    const bot = await start(0);
    writeArticles(article('havn-a.md', 'Synnøve Arntzen'));
    const handle = await reload('en-US');
    bot.proc.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const reply = handle.original();
    expect(reply?.loading).toBe(false);
    expect(reply?.content).toBe(en.ops.interrupted);
    expect(reply?.ephemeral).toBe(true);
    // The worker was stopped, not replaced by an analysis on the main thread.
    expect(bot.logs()).not.toMatch(/analysing on the main thread/);
    expect(bot.logs()).toMatch(/"interrupted":1/);
  }, 600_000);

  it('within the deadline: the reload and twenty searches in flight are all answered, later ones told to retry, exit 0', async () => {
    const bot = await start(300_000);
    // Nothing was lost: the article whose reload was interrupted is served after the restart.
    const who = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'Synnøve Arntzen' }],
    });
    expect(embedTitle((await who.callback(60_000)).data)).toBe('Synnøve Arntzen');

    writeArticles(article('havn-b.md', 'Torbjørn Vassli'));
    const reloading = await reload();
    const searches = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        search(
          i % 2 ? 'prioritere skolen' : 'havna Bodø',
          `1000000000000000${String(i).padStart(2, '0')}`,
        ),
      ),
    );
    bot.proc.kill('SIGTERM');
    await bot.waitForLog('shutting down', 60_000);
    const late = await search('budsjettet', '200000000000000001');
    const lateCallback = await late.callback(60_000);
    expect(lateCallback.data).toMatchObject({ content: nb.ops.restarting, flags: EPHEMERAL });

    expect(await bot.exited).toBe(0);
    // Every one of the twenty was acknowledged with an answer (or, if it reached the bot
    // only after the signal, with "restarting"): none is left without a reply.
    let answered = 0;
    for (const handle of searches) {
      const { type, data } = await handle.callback(1_000);
      expect(type).toBe(4);
      const body = (data ?? {}) as JsonObject;
      if (body.content === nb.ops.restarting) continue;
      // A real answer: public, with the passages found.
      expect(body.flags ?? 0, JSON.stringify(body)).toBe(0);
      expect(asObjects(body.embeds).length).toBeGreaterThan(0);
      answered++;
    }
    console.log(
      `SIGTERM with 20 searches in flight: ${answered} answered, ${20 - answered} told to retry`,
    );
    // The reload finished and its reply shows the report with the new file.
    const report = reloading.original();
    expect(report?.loading).toBe(false);
    expect(embedTitle(report)).toBe(nb.knowledge.reloadTitle);
    expect(JSON.stringify(report?.embeds)).toContain('havn-b.md');
    expect(bot.logs()).toMatch(/"interrupted":0/);
  }, 600_000);

  it('a second signal exits at once, without waiting for the reload', async () => {
    const bot = await start(600_000);
    writeArticles(article('havn-c.md', 'Eldrid Fossum'));
    const handle = await reload();
    bot.proc.kill('SIGTERM');
    await bot.waitForLog('shutting down', 60_000);
    bot.proc.kill('SIGTERM');
    expect(await bot.exited).toBe(143);
    expect(bot.logs()).toContain('second signal: exiting now');
    // It did not wait: the reload never answered.
    expect(handle.original()?.loading).toBe(true);
  }, 600_000);
});
