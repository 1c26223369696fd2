/**
 * End to end, issue 8: searching across languages through the real bot process and
 * discord.js against the local Discord stand-in, on articles written here (Bokmål, Nynorsk,
 * English), in both locales.
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
