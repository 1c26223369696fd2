/**
 * The Discord layer in-process against the local stand-in, with a fake core: routing,
 * replies, paging, expiry, permissions, mentions and errors as Discord would see them.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kilde } from '../../src/answers/types';
import { type DiscordBot, startDiscordBot } from '../../src/discord/bot';
import { messages } from '../../src/i18n';
import { answers, fakeKilde } from './fake-kilde';
import { standInConfig } from './in-process-config';
import { asObjects, asString, type JsonObject } from './json';
import { DiscordStandIn, type InteractionHandle } from './stand-in';

const EPHEMERAL = 64;
const TTL_MS = 2500;
const nb = messages('nb');
const en = messages('en');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let standIn: DiscordStandIn;
let bot: DiscordBot;
const logLines: string[] = [];
let kilde: Kilde = fakeKilde();
// The bot holds this proxy; tests swap `kilde` to change the core's answers.
const core: Kilde = {
  who: (q) => kilde.who(q),
  whatHappened: (q, topic) => kilde.whatHappened(q, topic),
  search: (q) => kilde.search(q),
  sources: () => kilde.sources(),
  status: () => kilde.status(),
  reload: () => kilde.reload(),
  suggestNames: (p, n) => kilde.suggestNames(p, n),
  suggestDays: (p, n) => kilde.suggestDays(p, n),
  timeline: (q) => kilde.timeline(q),
  addArticle: (d, a) => kilde.addArticle(d, a),
  removeArticle: (r, a) => kilde.removeArticle(r, a),
  restoreArticle: (r, a) => kilde.restoreArticle(r, a),
  suggestArticles: (p, n) => kilde.suggestArticles(p, n),
  suggestRemoved: (p, n) => kilde.suggestRemoved(p, n),
  recordReload: (a, r) => kilde.recordReload(a, r),
};

async function until<T>(read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(20);
  }
}

function data(callback: { data?: unknown }): JsonObject {
  return (callback.data ?? {}) as JsonObject;
}

function customIds(message: { components: JsonObject[] } | undefined): string[] {
  return (message?.components ?? []).flatMap((row) =>
    asObjects(row.components).map((c) => asString(c.custom_id) ?? ''),
  );
}

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  const config = standInConfig(standIn);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'debug', base: undefined }, sink);
  bot = await startDiscordBot({ config, kilde: core, logger, sessionTtlMs: TTL_MS });
  await standIn.waitForCommands();
  await until(() => (logLines.some((l) => l.includes('Discord bot ready')) ? true : undefined));
});

afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
});

describe('registration', () => {
  it('registers every command with Norwegian names and English localizations', () => {
    const commands = standIn.registeredCommands('guild');
    const byName = new Map(commands.map((c) => [asString(c.name), c]));
    expect([...byName.keys()].sort()).toEqual([
      'hva-skjedde',
      'hvem',
      'kilder',
      'kunnskap',
      'søk',
      'tidslinje',
    ]);
    const who = byName.get('hvem');
    expect(who?.name_localizations).toMatchObject({ no: 'hvem', 'en-US': 'who', 'en-GB': 'who' });
    expect(asObjects(who?.options)[0]).toMatchObject({
      name: 'navn',
      required: true,
      autocomplete: true,
      name_localizations: { 'en-US': 'name' },
    });
    expect(byName.get('kunnskap')?.default_member_permissions).toBe('32');
    const subcommands = asObjects(byName.get('kunnskap')?.options).map((o) => o.name);
    expect(subcommands).toEqual(['last-inn', 'status', 'legg-til', 'skriv', 'fjern', 'angre']);
  });

  it('logs one ready line with servers and articles', () => {
    const ready = JSON.parse(logLines.find((l) => l.includes('Discord bot ready')) ?? '{}');
    expect(ready).toMatchObject({ servers: 1, articles: 3 });
  });
});

describe('answers', () => {
  it('/hvem answers with an embed in Norwegian, pinging nobody', async () => {
    const handle = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'falk' }],
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(4);
    const body = data(callback);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const embed = asObjects(body.embeds)[0];
    expect(embed?.title).toBe('Ingrid Falk');
    expect(asString(embed?.description)).toContain('Nevnt i 2 artikler');
  });

  it('/who in en-US answers in English', async () => {
    const handle = await standIn.sendCommand({
      name: 'hvem',
      locale: 'en-US',
      options: [{ name: 'navn', value: 'falk' }],
    });
    const embed = asObjects(data(await handle.callback()).embeds)[0];
    expect(asString(embed?.description)).toContain('Mentioned in 2 articles');
  });

  it('a query full of mentions pings nobody and shows none', async () => {
    const query = '@everyone <@123456789012345678> @here <@&123456789012345678>';
    kilde = fakeKilde({ search: async () => answers.searchNone(query) });
    const handle = await standIn.sendCommand({
      name: 'søk',
      options: [{ name: 'tekst', value: query }],
    });
    const body = data(await handle.callback());
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify([body.content ?? '', body.embeds]);
    expect(text).not.toMatch(/@everyone|@here|<@&?\d/u);
    kilde = fakeKilde();
  });

  it('a date it cannot read is an ephemeral, localized error', async () => {
    kilde = fakeKilde({ whatHappened: async (q) => answers.dayInvalid(q) });
    const handle = await standIn.sendCommand({
      name: 'hva-skjedde',
      locale: 'en-GB',
      options: [{ name: 'dato', value: 'the day after' }],
    });
    const body = data(await handle.callback());
    expect(body.flags).toBe(EPHEMERAL);
    expect(body.content).toBe(en.errors.invalidDate('the day after'));
    kilde = fakeKilde();
  });

  it('a handler that throws still answers with errors.internal, and the bot keeps running', async () => {
    kilde = fakeKilde({
      who: () => {
        throw new Error('core exploded');
      },
    });
    const handle = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'x' }],
    });
    const body = data(await handle.callback());
    expect(body).toMatchObject({ flags: EPHEMERAL, content: nb.errors.internal });
    kilde = fakeKilde();
    const again = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'falk' }],
    });
    expect((await again.callback()).type).toBe(4);
    expect(logLines.some((l) => l.includes('core exploded'))).toBe(true);
  });

  it('logs each interaction with command, locale, latency, results and outcome, never a token', () => {
    const line = logLines
      .map((l) => JSON.parse(l))
      .find((l) => l.kind === 'command' && l.command === 'hvem');
    expect(line).toMatchObject({ locale: 'no', outcome: 'answered', results: 3 });
    expect(typeof line.latencyMs).toBe('number');
    expect(logLines.join('\n')).not.toContain(standIn.token);
  });
});

describe('failures Discord reports', () => {
  it('a reply Discord refuses (too late) is logged without the interaction token', async () => {
    const handle = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'falk' }],
      deadlineMs: 0,
    });
    await handle.waitForAttempt(1);
    await until(() => (logLines.some((l) => l.includes('interaction failed')) ? true : undefined));
    const logged = logLines.join('\n');
    expect(logged).toContain('[token]');
    expect(logged).not.toContain(handle.token);
  });
});

describe('autocomplete', () => {
  it('offers names with their role as a hint', async () => {
    const handle = await standIn.sendAutocomplete({
      name: 'hvem',
      options: [{ name: 'navn', value: 'fa', focused: true }],
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(8);
    expect(data(callback).choices).toEqual([
      { name: 'Ingrid Falk — council chair', value: 'Ingrid Falk' },
    ]);
  });

  it('offers days with a preview', async () => {
    const handle = await standIn.sendAutocomplete({
      name: 'hva-skjedde',
      options: [{ name: 'dato', value: '2019', focused: true }],
    });
    expect(data(await handle.callback()).choices).toEqual([
      { name: '5. mars 2019 — Harbour council meets in Tromsø', value: '2019-03-05' },
    ]);
  });

  it('answers an empty list when the core fails', async () => {
    kilde = fakeKilde({
      suggestNames: () => {
        throw new Error('no names today');
      },
    });
    const handle = await standIn.sendAutocomplete({
      name: 'hvem',
      options: [{ name: 'navn', value: 'fa', focused: true }],
    });
    expect(data(await handle.callback()).choices).toEqual([]);
    kilde = fakeKilde();
  });
});

describe('paging and suggestions', () => {
  let handle: InteractionHandle;

  it('shows the first page with Previous disabled and Next enabled', async () => {
    kilde = fakeKilde({ search: async () => answers.searchFound(12) });
    handle = await standIn.sendCommand({
      name: 'søk',
      options: [{ name: 'tekst', value: 'harbour' }],
    });
    const body = data(await handle.callback());
    const embed = asObjects(body.embeds)[0];
    expect(embed?.footer).toMatchObject({ text: 'Side 1 av 3' });
    const buttons = asObjects(asObjects(body.components)[0]?.components);
    expect(buttons.map((b) => b.disabled)).toEqual([true, false]);
    expect(buttons.every((b) => (asString(b.custom_id) ?? '').length <= 100)).toBe(true);
    kilde = fakeKilde();
  });

  it('the asker pages forward by editing the same message', async () => {
    const message = handle.original();
    const next = customIds(message)[1] ?? '';
    const click = await standIn.clickButton({ customId: next, message: message?.id ?? '' });
    const callback = await click.callback();
    expect(callback.type).toBe(7);
    expect(asObjects(data(callback).embeds)[0]?.footer).toMatchObject({ text: 'Side 2 av 3' });
    expect(data(callback).allowed_mentions).toEqual({ parse: [] });
    expect(handle.original()?.id).toBe(message?.id);
  });

  it('someone else gets an ephemeral notYours and the page does not change', async () => {
    const message = handle.original();
    const next = customIds(message)[1] ?? '';
    const click = await standIn.clickButton({
      customId: next,
      message: message?.id ?? '',
      userId: '222222222222222222',
      locale: 'en-US',
    });
    const body = data(await click.callback());
    expect(body).toMatchObject({ flags: EPHEMERAL, content: en.errors.notYours });
    expect(asObjects(handle.original()?.embeds)[0]?.footer).toMatchObject({ text: 'Side 2 av 3' });
  });

  it('a "did you mean" button re-runs the question for the asker in the same message', async () => {
    kilde = fakeKilde({
      who: async (q) => (q === 'Ingrid Falk' ? answers.whoFound() : answers.whoUnknown(q)),
    });
    const ask = await standIn.sendCommand({
      name: 'hvem',
      options: [{ name: 'navn', value: 'fulk' }],
    });
    const body = data(await ask.callback());
    expect(asString(asObjects(body.embeds)[0]?.description)).toContain('Mente du **Ingrid Falk**?');
    const message = ask.original();
    const [suggestion] = customIds(message);
    const click = await standIn.clickButton({
      customId: suggestion ?? '',
      message: message?.id ?? '',
    });
    const callback = await click.callback();
    expect(callback.type).toBe(7);
    expect(asObjects(data(callback).embeds)[0]?.title).toBe('Ingrid Falk');
    kilde = fakeKilde();
  });

  it('expires: the buttons are removed and a late click answers errors.expired', async () => {
    const message = handle.original();
    const next = customIds(message)[1] ?? '';
    await handle.waitForEdit(1, TTL_MS + 3000);
    await until(
      () => (customIds(handle.original()).length === 0 ? true : undefined),
      TTL_MS + 3000,
    );
    const click = await standIn
      .clickButton({ customId: next, message: message?.id ?? '' })
      .catch(() => undefined);
    // Discord may refuse a click on a button that is gone; when it is delivered, it expires.
    if (click)
      expect(data(await click.callback())).toMatchObject({
        flags: EPHEMERAL,
        content: nb.errors.expired,
      });
  });
});

describe('moderators', () => {
  it('refuses a reload to a plain member, ephemerally', async () => {
    let reloaded = false;
    kilde = fakeKilde({
      reload: async () => {
        reloaded = true;
        return answers.reload();
      },
    });
    const handle = await standIn.sendCommand({
      name: 'kunnskap',
      options: [{ name: 'last-inn' }],
      permissions: 0n,
    });
    expect(data(await handle.callback())).toMatchObject({
      flags: EPHEMERAL,
      content: nb.errors.notAllowed,
    });
    expect(reloaded).toBe(false);
    kilde = fakeKilde();
  });

  it('a moderator reload defers, then edits in the report', async () => {
    const handle = await standIn.sendCommand({
      name: 'kunnskap',
      locale: 'en-US',
      options: [{ name: 'last-inn' }],
      roles: [standIn.guild.moderatorRoleId],
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(5);
    expect(data(callback).flags).toBe(EPHEMERAL);
    const edited = await handle.waitForEdit(1);
    const embed = edited.embeds[0];
    expect(embed?.title).toBe(en.knowledge.reloadTitle);
    expect(JSON.stringify(embed)).toContain('broken.md:3: the date');
    expect(JSON.stringify(embed)).toContain('is not a real calendar date');
  });

  it('status answers moderators ephemerally', async () => {
    const handle = await standIn.sendCommand({
      name: 'kunnskap',
      options: [{ name: 'status' }],
      roles: [standIn.guild.moderatorRoleId],
    });
    const body = data(await handle.callback());
    expect(body.flags).toBe(EPHEMERAL);
    expect(asObjects(body.embeds)[0]?.title).toBe(nb.knowledge.statusTitle);
  });
});

describe('gateway', () => {
  it('still answers after a reconnect', async () => {
    await standIn.forceReconnect();
    const handle = await standIn.sendCommand({ name: 'kilder' });
    const embed = asObjects(data(await handle.callback()).embeds)[0];
    expect(embed?.title).toBe(nb.sources.title);
  });
});

describe('restart', () => {
  it('a button from before a restart answers errors.expired (state is in memory)', async () => {
    kilde = fakeKilde({ search: async () => answers.searchFound(12) });
    const handle = await standIn.sendCommand({
      name: 'søk',
      options: [{ name: 'tekst', value: 'harbour' }],
    });
    await handle.callback();
    const message = handle.original();
    await bot.stop();
    const config = standInConfig(standIn, {
      DISCORD_GUILD_ID: undefined,
      REGISTER_COMMANDS_ON_START: undefined,
    });
    const identifies = standIn.identifyCount;
    bot = await startDiscordBot({ config, kilde: core, logger: pino({ level: 'silent' }) });
    await standIn.waitForIdentify(10_000, identifies + 1);
    const click = await standIn.clickButton({
      customId: customIds(message)[1] ?? '',
      message: message?.id ?? '',
      locale: 'en-US',
    });
    expect(data(await click.callback())).toMatchObject({
      flags: EPHEMERAL,
      content: en.errors.expired,
    });
    kilde = fakeKilde();
  });
});
