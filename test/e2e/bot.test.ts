/**
 * End to end: the real bot process (src/main.ts, real core, real discord.js) against the
 * local Discord stand-in, on a temporary copy of `knowledge/`. Assertions read what the
 * bot sent Discord: callback types, flags, embeds, components and allowed_mentions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { asObjects, asString, type JsonObject } from '../discord/json';
import type { InteractionHandle, RecordedMessage } from '../discord/stand-in';
import { useBot } from './harness';

const EPHEMERAL = 64;
const CHANNEL_MESSAGE = 4;
const DEFERRED = 5;
const UPDATE = 7;
const AUTOCOMPLETE = 8;
const nb = messages('nb');
const en = messages('en');
const OTHER_USER = '345678901234567890';

const e2e = useBot({ name: 'bot', knowledge: 'shipped' });

function body(callback: { data?: unknown }): JsonObject {
  return (callback.data ?? {}) as JsonObject;
}

function firstEmbed(source: { embeds?: unknown } | RecordedMessage | undefined): JsonObject {
  return asObjects((source as JsonObject | undefined)?.embeds as JsonObject[] | undefined)[0] ?? {};
}

function buttonIds(message: RecordedMessage | undefined): string[] {
  return (message?.components ?? []).flatMap((row) =>
    asObjects(row.components).map((c) => asString(c.custom_id) ?? ''),
  );
}

async function ask(
  name: string,
  options: { name: string; value?: string; options?: { name: string; value: string }[] }[],
  extra: { locale?: string; roles?: string[]; userId?: string } = {},
): Promise<{ handle: InteractionHandle; type: number; data: JsonObject }> {
  const handle = await e2e.standIn.sendCommand({
    name,
    options,
    locale: extra.locale ?? 'no',
    ...extra,
  });
  const callback = await handle.callback();
  const data = body(callback);
  // Every message the bot sends, in every state, pings nobody.
  if (callback.type !== DEFERRED) expect(data.allowed_mentions).toEqual({ parse: [] });
  return { handle, type: callback.type, data };
}

describe('registration', () => {
  it('registers the commands to the guild with nb names and English localizations', () => {
    const commands = e2e.standIn.registeredCommands('guild');
    const get = (name: string) => commands.find((c) => c.name === name);
    expect(commands.map((c) => c.name).sort()).toEqual([
      'hva-skjedde',
      'hvem',
      'kilder',
      'kunnskap',
      'søk',
      'tidslinje',
    ]);
    expect(get('hvem')?.name_localizations).toMatchObject({
      'en-US': 'who',
      'en-GB': 'who',
      no: 'hvem',
    });
    expect(get('hva-skjedde')?.name_localizations).toMatchObject({ 'en-US': 'what-happened' });
    expect(get('søk')?.name_localizations).toMatchObject({ 'en-US': 'search' });
    expect(get('kilder')?.name_localizations).toMatchObject({ 'en-US': 'sources' });
    expect(get('kunnskap')?.name_localizations).toMatchObject({ 'en-US': 'knowledge' });
    expect(get('kunnskap')?.description_localizations).toMatchObject({
      'en-US': en.discord.knowledge.description,
    });
    const dateOptions = asObjects(get('hva-skjedde')?.options);
    expect(dateOptions.map((o) => [o.name, (o.name_localizations as JsonObject)['en-GB']])).toEqual(
      [
        ['dato', 'date'],
        ['tema', 'topic'],
      ],
    );
  });
});

describe('questions in both languages', () => {
  it('/hvem assad: a card for Bashar al-Assad citing both articles', async () => {
    const { type, data } = await ask('hvem', [{ name: 'navn', value: 'assad' }]);
    expect(type).toBe(CHANNEL_MESSAGE);
    const embed = firstEmbed(data);
    expect(embed.title).toBe('Bashar al-Assad');
    expect(asString(embed.description)).toContain('Syrias president');
    expect(asString(embed.description)).toContain('Nevnt i 2 artikler');
    const text = JSON.stringify(embed);
    expect(text).toContain('Putin møtte Assad i Sotsji');
    expect(text).toContain('USA og Russland enige om felles uttalelse om Syria');
    expect(data.flags ?? 0).toBe(0);
  });

  it('/who assad in en-US: the same card in English', async () => {
    const { data } = await ask('hvem', [{ name: 'navn', value: 'assad' }], { locale: 'en-US' });
    const embed = firstEmbed(data);
    expect(embed.title).toBe('Bashar al-Assad');
    expect(asString(embed.description)).toContain('Mentioned in 2 articles');
    expect(JSON.stringify(embed)).toContain('"name":"Roles"');
  });

  it('/hva-skjedde 2017-11-21 lists the Putin–Assad article', async () => {
    const { data } = await ask('hva-skjedde', [{ name: 'dato', value: '2017-11-21' }]);
    const embed = firstEmbed(data);
    expect(embed.title).toBe('Hva skjedde 21. november 2017');
    expect(JSON.stringify(embed.fields)).toContain('Putin møtte Assad i Sotsji');
  });

  it('/what-happened in en-US dates events with their words', async () => {
    const { data } = await ask('hva-skjedde', [{ name: 'dato', value: '2017-11-28' }], {
      locale: 'en-US',
    });
    const embed = firstEmbed(data);
    expect(embed.title).toBe('What happened 28 November 2017');
    expect(JSON.stringify(embed.fields)).toMatch(/"\\"[^"]+\\" → 28 November 2017"/u);
  });

  it('/søk and /search find passages with the matched words in bold', async () => {
    const no = await ask('søk', [{ name: 'tekst', value: 'Genève' }]);
    expect(firstEmbed(no.data).title).toBe('Søk: «Genève»');
    expect(JSON.stringify(firstEmbed(no.data).fields)).toContain('**Genève**');
    const english = await ask('søk', [{ name: 'tekst', value: 'Genève' }], { locale: 'en-US' });
    expect(firstEmbed(english.data).title).toBe('Search: "Genève"');
  });

  it('/kilder and /sources list the articles newest first', async () => {
    const no = firstEmbed((await ask('kilder', [])).data);
    expect(no.title).toBe(nb.sources.title);
    const description = asString(no.description) ?? '';
    expect(description.indexOf('Putin møtte Assad')).toBeLessThan(
      description.indexOf('USA og Russland'),
    );
    expect(firstEmbed((await ask('kilder', [], { locale: 'en-US' })).data).title).toBe(
      en.sources.title,
    );
  });

  it('a date it cannot read is an ephemeral error naming the input', async () => {
    const { type, data } = await ask('hva-skjedde', [{ name: 'dato', value: 'blåmandag' }], {
      locale: 'en-US',
    });
    expect(type).toBe(CHANNEL_MESSAGE);
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.content).toBe(en.errors.invalidDate('blåmandag'));
  });

  it('a query full of mentions pings nobody and shows no mention', async () => {
    const query = '@everyone <@123456789012345678> @here';
    const { data } = await ask('søk', [{ name: 'tekst', value: query }]);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify([data.content ?? '', data.embeds ?? []])).not.toMatch(
      /@everyone|@here|<@\d/u,
    );
  });
});

describe('autocomplete', () => {
  it('/hvem as offers Bashar al-Assad with his role as a hint', async () => {
    const handle = await e2e.standIn.sendAutocomplete({
      name: 'hvem',
      options: [{ name: 'navn', value: 'as', focused: true }],
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(AUTOCOMPLETE);
    expect(body(callback).choices).toContainEqual({
      name: 'Bashar al-Assad — Syrias president',
      value: 'Bashar al-Assad',
    });
  });

  it('/hva-skjedde offers days with content', async () => {
    const handle = await e2e.standIn.sendAutocomplete({
      name: 'hva-skjedde',
      options: [{ name: 'dato', value: '2017-11', focused: true }],
    });
    const choices = asObjects(body(await handle.callback()).choices as JsonObject[]);
    expect(choices.map((c) => c.value)).toContain('2017-11-21');
    expect(choices.length).toBeLessThanOrEqual(25);
  });
});

describe('paging', () => {
  it('only the asker can page, and paging edits the same message', async () => {
    const { handle } = await ask('søk', [{ name: 'tekst', value: 'Syria' }]);
    const message = handle.original();
    const ids = buttonIds(message);
    expect(ids).toHaveLength(2);
    expect(firstEmbed(message).footer).toMatchObject({
      text: expect.stringMatching(/^Side 1 av \d+$/u),
    });

    const other = await e2e.standIn.clickButton({
      customId: ids[1] ?? '',
      message: message?.id ?? '',
      userId: OTHER_USER,
    });
    expect(body(await other.callback())).toMatchObject({
      flags: EPHEMERAL,
      content: nb.errors.notYours,
    });

    const mine = await e2e.standIn.clickButton({
      customId: ids[1] ?? '',
      message: message?.id ?? '',
    });
    const callback = await mine.callback();
    expect(callback.type).toBe(UPDATE);
    expect(body(callback).allowed_mentions).toEqual({ parse: [] });
    expect(firstEmbed(handle.original()).footer).toMatchObject({
      text: expect.stringMatching(/^Side 2 av \d+$/u),
    });
    expect(handle.original()?.id).toBe(message?.id);
  });
});

describe('knowledge base', () => {
  it('refuses a reload to a member who is not a moderator, ephemerally', async () => {
    const { data } = await ask('kunnskap', [{ name: 'last-inn' }]);
    expect(data).toMatchObject({ flags: EPHEMERAL, content: nb.errors.notAllowed });
  });

  it('status for a moderator, in English', async () => {
    const { data } = await ask('kunnskap', [{ name: 'status' }], {
      locale: 'en-US',
      roles: [e2e.standIn.guild.moderatorRoleId],
    });
    expect(data.flags).toBe(EPHEMERAL);
    expect(firstEmbed(data).title).toBe(en.knowledge.statusTitle);
    expect(asString(firstEmbed(data).description)).toContain('2 articles');
  });

  async function reload(): Promise<RecordedMessage> {
    const { handle, type, data } = await ask('kunnskap', [{ name: 'last-inn' }], {
      roles: [e2e.standIn.guild.moderatorRoleId],
    });
    expect(type).toBe(DEFERRED);
    expect(data.flags).toBe(EPHEMERAL);
    return handle.waitForEdit(1, 120_000);
  }

  it('a new article file appears after a moderator reload', async () => {
    writeFileSync(
      path.join(e2e.knowledgeDir, '2019-06-14-bodo-havn.md'),
      [
        '---',
        'title: Bodø åpner ny havn',
        'date: 2019-06-14',
        'language: nb',
        '---',
        '',
        'Ordfører Kari Nordvik åpnet fredag den nye havnen i Bodø. – Dette er en stor dag for byen, sa Kari Nordvik til Avisa Nordland.',
        '',
        'Havnesjef Per Strand sier at de første skipene legger til kai mandag.',
        '',
      ].join('\n'),
    );
    const report = await reload();
    const embed = firstEmbed(report);
    expect(embed.title).toBe(nb.knowledge.reloadTitle);
    expect(JSON.stringify(embed.fields)).toContain('2019-06-14-bodo-havn.md');

    const who = await ask('hvem', [{ name: 'navn', value: 'nordvik' }]);
    expect(firstEmbed(who.data).title).toBe('Kari Nordvik');
    const day = await ask('hva-skjedde', [{ name: 'dato', value: '2019-06-14' }]);
    expect(JSON.stringify(firstEmbed(day.data).fields)).toContain('Bodø åpner ny havn');
  });

  it('a broken article keeps its last good version and the report names file and line', async () => {
    const file = path.join(e2e.knowledgeDir, '2017-11-11-usa-russland-syria-uttalelse.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('date: 2017-11-11', 'date: [2017-11-11'),
    );
    const report = JSON.stringify(firstEmbed(await reload()));
    expect(report).toMatch(/2017-11-11-usa-russland-syria-uttalelse\.md:\d+: /u);
    expect(report).toContain(nb.knowledge.kept);

    const who = await ask('hvem', [{ name: 'navn', value: 'assad' }]);
    expect(JSON.stringify(firstEmbed(who.data))).toContain(
      'USA og Russland enige om felles uttalelse om Syria',
    );
  });
});

describe('gateway', () => {
  it('still answers after a reconnect', async () => {
    await e2e.standIn.forceReconnect();
    const { data } = await ask('hvem', [{ name: 'navn', value: 'assad' }], { locale: 'en-GB' });
    expect(firstEmbed(data).title).toBe('Bashar al-Assad');
  });

  it('never logged the token', () => {
    expect(e2e.bot.logs()).not.toContain(e2e.standIn.token);
    expect(e2e.bot.logs()).toContain('"outcome":"answered"');
  });
});

describe('shutdown', () => {
  it('stops cleanly on SIGTERM', async () => {
    expect(await e2e.bot.stop()).toBe(0);
    expect(e2e.bot.logs()).toContain('shutting down');
  });
});
