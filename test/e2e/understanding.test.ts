/**
 * End to end, issue 8: searching across languages, and the names and dates the issue found
 * wrong, through the real bot process and discord.js against the local Discord stand-in, on
 * articles written here (Bokmål, Nynorsk, English), in both locales.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { asObjects, asString, type JsonObject } from '../discord/json';
import { useBot } from './harness';

const ARTICLES: Record<string, string> = {
  'idlib.md': `---
title: Flyangrep i Idlib
date: 2024-02-12
language: nb
---

Minst 30 mennesker er drept i Syria etter et flyangrep mot en markedsplass i Idlib, melder observatører.

Nye Syria-samtaler i Genève skal begynne mandag, opplyser FN-utsendingen.
`,
  'voss.md': `---
title: Ny skule på Voss
date: 2023-08-30
language: nn
---

Ordføraren på Voss seier at kommunen skal byggje ein ny skule til hausten.
`,
  'salmon.md': `---
title: Salmon exports at a record
date: 2022-04-05
language: en
---

Norwegian salmon exports reached a record in March, the seafood council said.
`,
  'seriekamp.md': `---
title: Tre poeng til Odd i Skien
date: 2024-05-13
language: nn
---

Odd slo Strandvik 2-1 på Skagerak Arena søndag.

Odd-spelaren Ola Nordmann scora begge måla. Han har tidlegare spela for Aalesund.
`,
  'dom.md': `---
title: Saka mot rederiet
date: 2024-05-13
language: nb
---

Saken startet 12. mars 2019, da politiet ransaket kontoret til rederiet.

Dommen faller på torsdag, opplyser tingretten.
`,
  'festival.md': `---
title: Rekordår for festivalen i Molde
date: 2024-07-20
language: nb
---

Over 40 band deltok på jazzfestivalen i Molde i år, flere enn noen gang.
`,
};

const e2e = useBot({ name: 'understanding', knowledge: ARTICLES });

async function search(text: string, locale: string): Promise<JsonObject> {
  const handle = await e2e.standIn.sendCommand({
    name: 'søk',
    options: [{ name: 'tekst', value: text }],
    locale,
  });
  const callback = await handle.callback();
  const data = (callback.data ?? {}) as JsonObject;
  expect(data.allowed_mentions).toEqual({ parse: [] });
  return asObjects(data.embeds as JsonObject[] | undefined)[0] ?? {};
}

describe('/search across languages through Discord', () => {
  it('an English /search finds the Norwegian passage and bolds the Norwegian words it matched', async () => {
    const embed = await search('killed in Syria', 'en-US');
    expect(embed.title).toBe('Search: "killed in Syria"');
    const fields = JSON.stringify(embed.fields);
    expect(fields).toContain('**drept**');
    expect(fields).toContain('**Syria**');
    expect(fields).toContain('Flyangrep i Idlib');
  });

  it('a Norwegian /søk finds the English article', async () => {
    const embed = await search('laks eksport rekord', 'no');
    expect(embed.title).toBe('Søk: «laks eksport rekord»');
    const fields = JSON.stringify(embed.fields);
    expect(fields).toContain('**salmon**');
    expect(fields).toContain('Salmon exports at a record');
  });

  it('an English phrase finds the Norwegian word for it: "took part" bolds "deltok"', async () => {
    const embed = await search('How many bands took part in the jazz festival?', 'en-US');
    const fields = JSON.stringify(embed.fields);
    expect(fields).toContain('**deltok**');
    expect(fields).toContain('Rekordår for festivalen i Molde');
  });

  it('/søk with a compound the text writes apart finds it', async () => {
    const embed = await search('Genève-samtaler', 'no');
    expect(JSON.stringify(embed.fields)).toContain('**Syria-samtaler**');
  });

  it('a question with no real match says nothing was found, in each locale', async () => {
    const english = await search('Who won the chess championship in Tromsø?', 'en-US');
    expect(asString(english.description)).toContain(
      messages('en').search.none('Who won the chess championship in Tromsø'),
    );
    expect(english.fields ?? []).toEqual([]);
    const norwegian = await search('Hvem vant sjakkturneringen i Tromsø?', 'no');
    expect(asString(norwegian.description)).toContain(
      messages('nb').search.none('Hvem vant sjakkturneringen i Tromsø'),
    );
  });
});

async function ask(
  name: string,
  options: { name: string; value: string }[],
  locale = 'no',
): Promise<JsonObject> {
  const handle = await e2e.standIn.sendCommand({ name, options, locale });
  const callback = await handle.callback();
  const data = (callback.data ?? {}) as JsonObject;
  return asObjects(data.embeds as JsonObject[] | undefined)[0] ?? {};
}

describe('names and dates the issue found wrong, through Discord', () => {
  it('/hvem Odd: a club that wins 2-1 is an organisation, not a person', async () => {
    const embed = await ask('hvem', [{ name: 'navn', value: 'Odd' }]);
    expect(embed.title).toBe('Odd');
    expect(asString(embed.description)).toContain(messages('nb').kind.organisation);
    expect(asString(embed.description)).not.toContain(messages('nb').kind.person);
  });

  it('/hvem Ola Nordmann: the Nynorsk "Odd-spelaren" is his role', async () => {
    const embed = await ask('hvem', [{ name: 'navn', value: 'Ola Nordmann' }], 'en-US');
    expect(embed.title).toBe('Ola Nordmann');
    expect(asString(embed.description)).toContain('Odd-spelar');
  });

  it('/hva-skjedde on the Thursday: "Dommen faller på torsdag" after an old date is dated', async () => {
    // Published Monday 13 May 2024; the Thursday is 16 May.
    const embed = await ask('hva-skjedde', [{ name: 'dato', value: '2024-05-16' }]);
    const fields = JSON.stringify(embed.fields);
    expect(fields).toContain('Saka mot rederiet');
    expect(fields).toContain('torsdag');
  });
});
