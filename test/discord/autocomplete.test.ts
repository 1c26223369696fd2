/**
 * `/hvem` and `/hva-skjedde` autocomplete through discord.js against the local Discord
 * stand-in, with the real answering core over articles written for the test, for a
 * Norwegian and an English user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../src/discord/bot';
import { createLogger } from '../../src/logger';
import { tempKnowledge } from '../helpers/kb';
import { namesArticles } from '../helpers/names-articles';
import { standInConfig } from './in-process-config';
import type { JsonObject } from './json';
import { DiscordStandIn } from './stand-in';

let standIn: DiscordStandIn;
let bot: DiscordBot;
let kb: Awaited<ReturnType<typeof tempKnowledge>>;

beforeAll(async () => {
  kb = await tempKnowledge(namesArticles);
  standIn = await DiscordStandIn.start();
  const config = standInConfig(standIn);
  bot = await startDiscordBot({ config, kilde: kb.kilde, logger: createLogger('silent') });
  await standIn.waitForCommands();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await standIn?.close();
  await kb?.cleanup();
});

async function choices(name: string, option: string, value: string, locale: string) {
  const handle = await standIn.sendAutocomplete({
    name,
    locale,
    options: [{ name: option, value, focused: true }],
  });
  const callback = await handle.callback();
  expect(callback.type).toBe(8);
  return ((callback.data ?? {}) as JsonObject).choices;
}

describe.each(['nb', 'en-US'])('autocomplete for a %s user', (locale) => {
  it('completes any word of a name, labelled with its role', async () => {
    expect(await choices('hvem', 'navn', 'huit', locale)).toEqual([
      { name: 'Anniken Scheie Huitfeldt — utenriksminister', value: 'Anniken Scheie Huitfeldt' },
    ]);
    expect(await choices('hvem', 'navn', 'anniken h', locale)).toEqual([
      { name: 'Anniken Scheie Huitfeldt — utenriksminister', value: 'Anniken Scheie Huitfeldt' },
    ]);
  });

  it('takes a name without its diacritics, or with a slip', async () => {
    expect(await choices('hvem', 'navn', 'sore', locale)).toEqual([
      { name: 'Ådne Søreide — fiskeriminister', value: 'Ådne Søreide' },
    ]);
    expect(await choices('hvem', 'navn', 'hiutf', locale)).toEqual([
      { name: 'Anniken Scheie Huitfeldt — utenriksminister', value: 'Anniken Scheie Huitfeldt' },
    ]);
  });

  it('completes days from their beginning', async () => {
    // The label says the day the reader's way; the value stays the ISO day.
    const day = (nb: string, en: string) => (locale === 'nb' ? nb : en);
    expect(await choices('hva-skjedde', 'dato', '2024-03', locale)).toEqual([
      {
        name: `${day('1. mars 2024', '1 March 2024')} — Ordføreren i Bakkeby gikk av`,
        value: '2024-03-01',
      },
      {
        name: `${day('5. mars 2024', '5 March 2024')} — Ny plan for Strandvik`,
        value: '2024-03-05',
      },
    ]);
  });
});
