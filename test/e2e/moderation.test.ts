/**
 * Moderation from Discord, end to end: the real bot process (real core, real discord.js)
 * against the local stand-in, which serves uploaded files' bytes at the URL it puts in the
 * interaction and delivers modal submits. Every refusal leaves the knowledge folder as it was.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import type { CommandOptionInput } from '../discord/command-options';
import { asObjects, asString, type JsonObject } from '../discord/json';
import type { InteractionHandle } from '../discord/stand-in';
import { bokmalBudget } from '../helpers/articles';
import { useBot } from './harness';

const EPHEMERAL = 64;
const MODAL = 9;
const nb = messages('nb');
const en = messages('en');

// Written for these tests: names and dates that appear in no shipped article.
const harbourArticle = `---
title: Havnestyret i Skarvik valgte ny leder
date: 2022-09-14
source: Skarvik Tidende
---
Havnestyret i Skarvik valgte onsdag Ingrid Solberg Lie som ny leder.

– Havna skal vokse, sa styreleder Ingrid Solberg Lie etter møtet.

Det nye styret møtes første gang fredag.
`;

const fisheryText = `Fiskerlaget i Vestvåg fikk ny formann.

Formann Torstein Brekkhus sier laget skal samarbeide mer med kommunen.
`;

const e2e = useBot({
  name: 'moderation',
  knowledge: { 'budsjett.md': bokmalBudget },
  env: (standIn) => ({
    MODERATOR_ROLE_IDS: standIn.guild.moderatorRoleId,
    MOD_LOG_CHANNEL_ID: standIn.guild.channelId,
  }),
});

/** The stand-in guild's moderator role. */
const moderator = () => e2e.standIn.guild.moderatorRoleId;

const files = () =>
  readdirSync(e2e.knowledgeDir)
    .filter((f) => !f.startsWith('.'))
    .sort();

function upload(filename: string, text: string | Buffer, contentType?: string): CommandOptionInput {
  return {
    name: 'fil',
    attachment: {
      filename,
      bytes: typeof text === 'string' ? Buffer.from(text) : text,
      ...(contentType ? { contentType } : {}),
    },
  };
}

async function kunnskap(
  subcommand: string,
  options: CommandOptionInput[],
  extra: { locale?: string; roles?: string[] } = {},
): Promise<InteractionHandle> {
  return e2e.standIn.sendCommand({
    name: 'kunnskap',
    options: [{ name: subcommand, options }],
    locale: extra.locale ?? 'no',
    roles: extra.roles ?? [moderator()],
  });
}

/** The final ephemeral answer of a deferred command. */
async function finalReply(handle: InteractionHandle) {
  await handle.callback(10_000);
  const message = await handle.waitForEdit(1, 30_000);
  expect(message.ephemeral).toBe(true);
  expect(message.allowedMentions).toEqual({ parse: [] });
  return { message, text: `${message.content}\n${JSON.stringify(message.embeds)}` };
}

async function ask(name: string, options: CommandOptionInput[], locale = 'no') {
  const handle = await e2e.standIn.sendCommand({ name, options, locale });
  const callback = await handle.callback(10_000);
  return JSON.stringify(callback.data ?? {});
}

describe('adding an article from an upload', () => {
  it('stores it under a derived name, reports what it found, and answers from it at once', async () => {
    const audits = e2e.standIn.channelMessages.length;
    const { text } = await finalReply(
      await kunnskap('legg-til', [
        upload('../../evil name.md', harbourArticle, 'text/markdown; charset=utf-8'),
      ]),
    );
    expect(text).toContain(nb.moderation.added.title('Havnestyret i Skarvik valgte ny leder'));
    expect(text).toContain('Ingrid Solberg Lie');
    expect(text).toContain('14. september 2022');
    expect(text).toContain(nb.moderation.added.events);
    expect(files()).toContain('2022-09-14-havnestyret-i-skarvik-valgte-ny-leder.md');
    expect(readdirSync(e2e.root).sort()).toEqual(['cache', 'knowledge']);

    // Members' questions answer from it right away.
    expect(await ask('hvem', [{ name: 'navn', value: 'Ingrid Solberg Lie' }])).toContain(
      'Havnestyret i Skarvik valgte ny leder',
    );
    expect(await ask('søk', [{ name: 'tekst', value: 'havnestyret Skarvik leder' }])).toContain(
      'Havnestyret i Skarvik',
    );

    // The audit: posted to the moderation channel, pinging nobody.
    await until(() => e2e.standIn.channelMessages.length > audits);
    const posted = e2e.standIn.channelMessages.at(-1);
    expect(posted?.allowedMentions).toEqual({ parse: [] });
    expect(posted?.content).toContain('Havnestyret i Skarvik valgte ny leder');
    expect(posted?.content).toMatch(/<@\d+>/);
    const log = readFileSync(path.join(e2e.knowledgeDir, '.audit.jsonl'), 'utf8');
    expect(log).toContain('"action":"add"');
  }, 60_000);

  it('takes title, date and source from the options for a .txt, in English', async () => {
    const { text } = await finalReply(
      await kunnskap(
        'legg-til',
        [
          upload('notes.txt', fisheryText, 'text/plain; charset=utf-8'),
          { name: 'tittel', value: 'New chairman for the Vestvåg fishers' },
          { name: 'dato', value: '2021-04-07' },
          { name: 'kilde', value: 'Lofotposten' },
        ],
        { locale: 'en-GB' },
      ),
    );
    expect(text).toContain(en.moderation.added.title('New chairman for the Vestvåg fishers'));
    expect(text).toContain('7 April 2021');
    expect(files()).toContain('2021-04-07-new-chairman-for-the-vestvaag-fishers.md');
  }, 60_000);
});

describe('refusals change nothing', () => {
  it('refuses a member without the moderator right', async () => {
    const before = files();
    const handle = await kunnskap(
      'legg-til',
      [upload('a.md', harbourArticle.replace('onsdag', 'tirsdag'))],
      {
        roles: [],
      },
    );
    const callback = await handle.callback();
    expect(callback.data).toMatchObject({ content: nb.errors.notAllowed, flags: EPHEMERAL });
    expect(files()).toEqual(before);
  });

  it('refuses a binary file, a file over the limit, and a file that is not text', async () => {
    const before = files();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const binary = await finalReply(
      await kunnskap('legg-til', [upload('bilde.txt', png, 'text/plain')]),
    );
    expect(binary.text).toContain(nb.moderation.refused.invalid);
    expect(binary.text).toContain(nb.problems['file-binary']({}));

    const big = `date 2020-01-01\n${'Lang tekst om ingenting. '.repeat(90_000)}`;
    const large = await finalReply(
      await kunnskap('legg-til', [upload('stor.txt', big, 'text/plain')]),
    );
    expect(large.text).toContain(
      nb.problems['file-too-large']({ bytes: Buffer.byteLength(big), limitKb: 512 }),
    );

    const pdf = await finalReply(
      await kunnskap('legg-til', [upload('sak.pdf', '%PDF-1.4', 'application/pdf')]),
    );
    expect(pdf.text).toContain(nb.moderation.refused.notText('sak.pdf'));
    for (const reply of [binary, large, pdf])
      expect(reply.text).toContain(nb.moderation.refused.nothingChanged);
    expect(files()).toEqual(before);
  }, 60_000);

  it('refuses front matter that does not validate, naming the line, in both languages', async () => {
    const before = files();
    const broken = '---\ntitle: Ødelagt\ndate: 2022-02-30\n---\nTekst om noe.\n';
    const nbReply = await finalReply(await kunnskap('legg-til', [upload('feil.md', broken)]));
    expect(nbReply.text).toContain('feil.md:3');
    expect(nbReply.text).toContain('finnes ikke');
    const enReply = await finalReply(
      await kunnskap('legg-til', [upload('feil.md', broken)], { locale: 'en-US' }),
    );
    expect(enReply.text).toContain(en.moderation.refused.invalid);
    expect(enReply.text).toContain('feil.md:3');
    expect(files()).toEqual(before);
  }, 60_000);

  it('refuses text already in the archive, saying which article has it', async () => {
    const before = files();
    const { text } = await finalReply(
      await kunnskap('legg-til', [
        upload('kopi.md', bokmalBudget),
        { name: 'kilde', value: 'NRK' },
      ]),
    );
    expect(text).toContain(
      nb.moderation.refused.duplicate('Bystyret i Lillevik vedtok nytt budsjett', 'budsjett.md'),
    );
    expect(files()).toEqual(before);
  }, 60_000);
});

describe('writing an article in a form', () => {
  it('opens a modal and adds what is submitted, with the same reply', async () => {
    const opened = await kunnskap('skriv', []);
    const callback = await opened.callback();
    expect(callback.type).toBe(MODAL);
    const form = callback.data as JsonObject;
    expect(form.title).toBe(nb.moderation.form.title);
    const submitted = await e2e.standIn.submitModal({
      openedBy: opened,
      roles: [moderator()],
      locale: 'no',
      values: {
        title: 'Fergesambandet til Holmøya legges ned',
        date: '2023-01-12',
        source: 'Kystposten',
        text: 'Fylket legger ned fergesambandet til Holmøya fra sommeren.\n\nSamferdselssjef Oddny Kvalheim sier tilbudet er for dyrt.',
      },
    });
    const { text } = await finalReply(submitted);
    expect(text).toContain(nb.moderation.added.title('Fergesambandet til Holmøya legges ned'));
    expect(text).toContain('Oddny Kvalheim');
    expect(files()).toContain('2023-01-12-fergesambandet-til-holmoya-legges-ned.md');
  }, 60_000);

  it('refuses a form with an impossible date, and a non-moderator submitting one', async () => {
    const before = files();
    const opened = await kunnskap('skriv', [], { locale: 'en-US' });
    const reply = await finalReply(
      await e2e.standIn.submitModal({
        openedBy: opened,
        roles: [moderator()],
        locale: 'en-US',
        values: { title: 'Something', date: '2023-02-30', text: 'A paragraph about something.' },
      }),
    );
    expect(reply.text).toContain(en.moderation.refused.invalid);
    const stranger = await e2e.standIn.submitModal({
      openedBy: opened,
      roles: [],
      values: { title: 'Something', date: '2023-02-03', text: 'A paragraph about something.' },
    });
    expect((await stranger.callback()).data).toMatchObject({ content: nb.errors.notAllowed });
    expect(files()).toEqual(before);
  }, 60_000);
});

describe('removing and restoring', () => {
  it('offers titles, takes the article out of the answers, and puts it back', async () => {
    const auto = await e2e.standIn.sendAutocomplete({
      name: 'kunnskap',
      roles: [moderator()],
      options: [{ name: 'fjern', options: [{ name: 'artikkel', value: 'havne', focused: true }] }],
    });
    const choices = asObjects(((await auto.callback()).data as JsonObject).choices);
    const choice = choices.find((c) => asString(c.name)?.startsWith('Havnestyret i Skarvik'));
    expect(choice?.value).toBe('2022-09-14-havnestyret-i-skarvik-valgte-ny-leder.md');

    const removed = await finalReply(
      await kunnskap('fjern', [{ name: 'artikkel', value: asString(choice?.value) ?? '' }]),
    );
    expect(removed.text).toContain(
      nb.moderation.removed('Havnestyret i Skarvik valgte ny leder', '14. september 2022'),
    );
    expect(await ask('hvem', [{ name: 'navn', value: 'Ingrid Solberg Lie' }])).not.toContain(
      'Havnestyret i Skarvik valgte ny leder',
    );
    expect(files()).not.toContain('2022-09-14-havnestyret-i-skarvik-valgte-ny-leder.md');

    const undo = await e2e.standIn.sendAutocomplete({
      name: 'kunnskap',
      roles: [moderator()],
      locale: 'en-US',
      options: [{ name: 'angre', options: [{ name: 'artikkel', value: '', focused: true }] }],
    });
    const removedChoices = asObjects(((await undo.callback()).data as JsonObject).choices);
    expect(removedChoices.map((c) => c.value)).toEqual([
      '2022-09-14-havnestyret-i-skarvik-valgte-ny-leder.md',
    ]);

    const restored = await finalReply(
      await kunnskap(
        'angre',
        [{ name: 'artikkel', value: asString(removedChoices[0]?.value) ?? '' }],
        {
          locale: 'en-US',
        },
      ),
    );
    expect(restored.text).toContain(
      en.moderation.restored('Havnestyret i Skarvik valgte ny leder', '14 September 2022'),
    );
    expect(await ask('hvem', [{ name: 'navn', value: 'Ingrid Solberg Lie' }])).toContain(
      'Havnestyret i Skarvik valgte ny leder',
    );
  }, 60_000);

  it('refuses an article that is not there, and offers non-moderators nothing', async () => {
    const { text } = await finalReply(
      await kunnskap('fjern', [{ name: 'artikkel', value: 'finnes-ikke.md' }]),
    );
    expect(text).toContain(nb.moderation.refused.notFound('finnes-ikke.md'));
    const auto = await e2e.standIn.sendAutocomplete({
      name: 'kunnskap',
      roles: [],
      options: [{ name: 'fjern', options: [{ name: 'artikkel', value: '', focused: true }] }],
    });
    expect(((await auto.callback()).data as JsonObject).choices).toEqual([]);
  }, 60_000);
});

describe('a reload racing an upload', () => {
  it('both finish, and the upload is in the answers afterwards', async () => {
    writeFileSync(
      path.join(e2e.knowledgeDir, 'annen.md'),
      '---\ntitle: Brua over Straumen åpnet\ndate: 2020-06-02\n---\nBrua over Straumen ble åpnet av ordfører Hallvard Myrmo.\n',
    );
    const reload = await kunnskap('last-inn', []);
    const add = await kunnskap('legg-til', [
      upload(
        'x.md',
        '---\ntitle: Skolen i Straumen får nytt tak\ndate: 2020-06-03\n---\nRektor Gunvor Teigland er fornøyd med det nye taket.\n',
      ),
    ]);
    const [reloaded, added] = await Promise.all([finalReply(reload), finalReply(add)]);
    expect(reloaded.text).toContain(nb.knowledge.reloadTitle);
    expect(added.text).toContain(nb.moderation.added.title('Skolen i Straumen får nytt tak'));
    expect(await ask('hvem', [{ name: 'navn', value: 'Gunvor Teigland' }])).toContain(
      'Skolen i Straumen',
    );
    expect(await ask('hvem', [{ name: 'navn', value: 'Hallvard Myrmo' }])).toContain(
      'Brua over Straumen',
    );
  }, 60_000);
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
