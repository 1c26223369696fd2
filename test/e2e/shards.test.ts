/**
 * Beyond one machine, end to end: the real bot started with SHARD_COUNT=2 (discord.js's
 * ShardingManager and two shard processes) against a sharded Discord stand-in, both shards
 * answering from ONE PostgreSQL archive. A moderator's reload in a guild on shard 0 makes a
 * new article answerable in a guild on shard 1 (the writer commits, then NOTIFYs; every
 * shard LISTENs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBot } from '../discord/bot-process';
import { asObjects, asString, type JsonObject } from '../discord/json';
import { DiscordStandIn } from '../discord/stand-in';
import { postgresAvailable, throwawaySchema } from '../postgres/database';

const article = (title: string, date: string, body: string) =>
  ['---', `title: ${title}`, `date: ${date}`, 'language: nb', '---', '', body, ''].join('\n');

describe.runIf(postgresAvailable)('two shard processes on one PostgreSQL archive', () => {
  let standIn: DiscordStandIn;
  let bot: BotProcess | undefined;
  let dir: string;
  let knowledgeDir: string;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kilde-shards-'));
    knowledgeDir = path.join(dir, 'knowledge');
    await mkdir(knowledgeDir, { recursive: true });
    writeFileSync(
      path.join(knowledgeDir, 'bru.md'),
      article(
        'Ny bru over Storelva',
        '2024-05-06',
        'Brusjef Oda Kvamme åpnet mandag den nye brua over Storelva i Elvdal.',
      ),
    );
    const db = await throwawaySchema();
    drop = db.drop;
    standIn = await DiscordStandIn.start({ shardCount: 2, guildCount: 2 });
    const url = `${db.url}?options=${encodeURIComponent(`-c search_path=${db.schema},public`)}`;
    bot = await startBot({
      standIn,
      readyTimeoutMs: 60_000,
      env: {
        SHARD_COUNT: '2',
        SEARCH_BACKEND: 'postgres',
        DATABASE_URL: url,
        KNOWLEDGE_DIR: knowledgeDir,
        CACHE_DIR: path.join(dir, 'cache'),
        // Global commands: both guilds see them.
        DISCORD_GUILD_ID: undefined,
        MODERATOR_ROLE_IDS: standIn.guilds.map((g) => g.moderatorRoleId).join(','),
      },
    });
    await standIn.waitForIdentify(60_000, 2);
    await bot.waitForLog('all shards started', 60_000);
  }, 120_000);

  afterAll(async () => {
    // The manager passes SIGTERM on, waits for both shards to shut down, then exits 0.
    expect(await bot?.stop(20_000)).toBe(0);
    await standIn?.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function search(guildId: string, text: string): Promise<string> {
    const handle = await standIn.sendCommand({
      name: 'søk',
      options: [{ name: 'tekst', value: text }],
      locale: 'no',
      guildId,
    });
    const callback = await handle.callback(10_000);
    const data = (callback.data ?? {}) as JsonObject;
    return JSON.stringify(asObjects(data.embeds as JsonObject[] | undefined));
  }

  it('answers in guilds on both shards, and one reload reaches both', async () => {
    const [first, second] = standIn.guilds;
    if (!first || !second) throw new Error('two guilds expected');
    expect(standIn.shardOf(first.id)).not.toBe(standIn.shardOf(second.id));
    expect(await search(first.id, 'brua over Storelva')).toContain('Storelva');
    expect(await search(second.id, 'brua over Storelva')).toContain('Storelva');

    writeFileSync(
      path.join(knowledgeDir, 'ferje.md'),
      article(
        'Ferja til Holmøy legges ned',
        '2024-06-03',
        'Ferjesjef Jon Aasvik sier at ferja til Holmøy går for siste gang i juni.',
      ),
    );
    const reload = await standIn.sendCommand({
      name: 'kunnskap',
      options: [{ name: 'last-inn' }],
      roles: [first.moderatorRoleId],
      guildId: first.id,
    });
    await reload.callback(10_000);
    const report = await reload.waitForEdit(1, 60_000);
    expect(JSON.stringify(report.embeds)).toContain('ferje.md');

    // The other shard learns of the reload by NOTIFY, within moments.
    let answer = '';
    for (let tries = 0; tries < 50 && !answer.includes('Holmøy'); tries++) {
      answer = await search(second.id, 'ferja til Holmøy');
      if (!answer.includes('Holmøy')) await new Promise((r) => setTimeout(r, 200));
    }
    expect(answer).toContain('Holmøy');
    expect(asString(JSON.parse(answer)[0]?.title) ?? '').not.toBe('');
  });
});
