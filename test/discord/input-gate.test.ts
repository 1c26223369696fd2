/**
 * The input gate, through discord.js against the stand-in: every string option is defined
 * with its `max_length`, and when a value arrives anyway (definitions drift; the stand-in's
 * `unchecked` delivery) that is missing or over its limit, the asker gets a localized,
 * ephemeral error and the core is never asked. Autocomplete reads only the allowed prefix.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clip, INPUT_LIMITS } from '../../src/answers/query-text';
import type { Kilde } from '../../src/answers/types';
import { type DiscordBot, startDiscordBot } from '../../src/discord/bot';
import { messages } from '../../src/i18n';
import { fakeKilde, falk } from './fake-kilde';
import { standInConfig } from './in-process-config';
import { asNumber, asObjects, asString, type JsonObject } from './json';
import { DiscordStandIn } from './stand-in';

const EPHEMERAL = 64;
const nb = messages('nb');
const en = messages('en');

let standIn: DiscordStandIn;
let bot: DiscordBot;
/** Every text the core was asked about, as it received it. */
const received: string[] = [];
const base = fakeKilde();
const seen = <T>(text: string, answer: T): T => {
  received.push(text);
  return answer;
};
const core: Kilde = {
  ...base,
  who: (q) => seen(q, base.who(q)),
  whatHappened: (q, topic) => seen(q, base.whatHappened(q, topic)),
  search: (q) => seen(q, base.search(q)),
  // Echoes how much of the prefix it was given, so a test can see what reached it.
  suggestNames: async (p) =>
    seen(p, [{ ...falk, name: `${p.length}:${p.slice(-8)}`, role: undefined }]),
  suggestDays: (p, n) => seen(p, base.suggestDays(p, n)),
};

const data = (callback: { data?: unknown }) => (callback.data ?? {}) as JsonObject;

beforeAll(async () => {
  standIn = await DiscordStandIn.start();
  const config = standInConfig(standIn);
  const sink = new Writable({ write: (_c, _e, done) => done() });
  bot = await startDiscordBot({ config, kilde: core, logger: pino({ level: 'silent' }, sink) });
  await standIn.waitForCommands();
});

afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
});

const huge = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);

describe('option definitions', () => {
  it('gives every string option a max_length from INPUT_LIMITS', () => {
    const limits = new Set<number>(Object.values(INPUT_LIMITS));
    const strings: JsonObject[] = [];
    const walk = (options: JsonObject[]) => {
      for (const option of options) {
        if (asNumber(option.type) === 3) strings.push(option);
        walk(asObjects(option.options));
      }
    };
    for (const command of standIn.registeredCommands('guild')) walk(asObjects(command.options));
    expect(strings.map((o) => o.name).sort()).toEqual([
      'artikkel',
      'artikkel',
      'dato',
      'dato',
      'kilde',
      'navn',
      'navn',
      'tekst',
      'tema',
      'tittel',
      'url',
    ]);
    for (const option of strings) expect(limits).toContain(asNumber(option.max_length));
    const byName = new Map(strings.map((o) => [o.name, asNumber(o.max_length)]));
    expect(byName.get('navn')).toBe(INPUT_LIMITS.name);
    expect(byName.get('dato')).toBe(INPUT_LIMITS.date);
  });

  it('the stand-in delivers nothing longer than max_length, as Discord does', async () => {
    await expect(
      standIn.sendCommand({
        name: 'hvem',
        options: [{ name: 'navn', value: 'x'.repeat(INPUT_LIMITS.name + 1) }],
      }),
    ).rejects.toThrow(/length/u);
  });
});

describe('over-long and missing values that arrive anyway', () => {
  const cases = [
    { name: 'hvem', option: 'navn', limit: INPUT_LIMITS.name },
    { name: 'hva-skjedde', option: 'dato', limit: INPUT_LIMITS.date },
    { name: 'søk', option: 'tekst', limit: INPUT_LIMITS.text },
  ];
  for (const { name, option, limit } of cases) {
    it(`/${name} with 100,000 characters: an ephemeral "too long", the core never asked`, async () => {
      received.length = 0;
      for (const [locale, t] of [
        ['no', nb],
        ['en-US', en],
      ] as const) {
        const handle = await standIn.sendCommand({
          name,
          locale,
          unchecked: true,
          options: [{ name: option, value: huge('\\*`@everyone <@&123> ') }],
        });
        const body = data(await handle.callback());
        expect(body).toMatchObject({ flags: EPHEMERAL, content: t.errors.tooLong(limit) });
      }
      expect(received).toEqual([]);
    });
  }

  it('/hva-skjedde with a topic over its limit is refused too', async () => {
    received.length = 0;
    const handle = await standIn.sendCommand({
      name: 'hva-skjedde',
      unchecked: true,
      options: [
        { name: 'dato', value: '2019-03-05' },
        { name: 'tema', value: huge('\u200f') },
      ],
    });
    expect(data(await handle.callback()).content).toBe(nb.errors.tooLong(INPUT_LIMITS.topic));
    expect(received).toEqual([]);
  });

  it('a missing required option is a localized "fill in" error, not an internal error', async () => {
    for (const [locale, t, label] of [
      ['no', nb, nb.discord.who.nameOption.name],
      ['en-GB', en, en.discord.who.nameOption.name],
    ] as const) {
      const handle = await standIn.sendCommand({ name: 'hvem', locale, unchecked: true });
      const body = data(await handle.callback());
      expect(body).toMatchObject({ flags: EPHEMERAL, content: t.errors.missingOption(label) });
    }
  });
});

describe('autocomplete', () => {
  it('reads at most the option limit of a 100,000-character prefix: same choices as the cut prefix', async () => {
    const ask = async (value: string) => {
      const handle = await standIn.sendAutocomplete({
        name: 'hvem',
        options: [{ name: 'navn', value, focused: true }],
      });
      return data(await handle.callback()).choices;
    };
    const long = huge('Ab\u200b<@1> ');
    received.length = 0;
    const choices = await ask(long);
    expect(received.map((p) => p.length)).toEqual([INPUT_LIMITS.name]);
    expect(choices).toEqual(await ask(clip(long, INPUT_LIMITS.name)));
    expect(asString(asObjects(choices)[0]?.name)).toMatch(/^100:/u);
  });
});
