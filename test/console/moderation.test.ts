/**
 * The console serves the moderators' commands and the pictures too: `/kunnskap legg-til`
 * from a path on the host, `fjern` and `angre` (listing the choices when given none),
 * `/tidslinje` and a month's `/hva-skjedde` written as PNG files. Articles written here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleOptions, dispatch } from '../../src/console/dispatch';
import { plainStyle } from '../../src/console/render';
import { messages } from '../../src/i18n';
import { tempKnowledge } from '../helpers/kb';

const nb = messages('nb');
const en = messages('en');

function coachArticle(day: string, i: number): string {
  return `---\ntitle: Fjordby IL før kamp ${i}\ndate: ${day}\n---\nTrener Solveig Haugland tar ut laget til kampen på lørdag.\n\n– Vi er klare, sier Solveig Haugland.\n`;
}

const bridgeArticle = `---
title: Ny bru over Vestsundet
date: 2021-03-18
source: Fjordby Avis
---
Ordfører Torleif Grimsrud åpnet den nye brua over Vestsundet torsdag.

– Dette har vi ventet på i tjue år, sa Torleif Grimsrud.
`;

let kb: Awaited<ReturnType<typeof tempKnowledge>>;
let outside: string;
let options: ConsoleOptions;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(async () => {
  kb = await tempKnowledge({
    'trener-1.md': coachArticle('2021-03-05', 1),
    'trener-2.md': coachArticle('2021-03-12', 2),
    'trener-3.md': coachArticle('2021-04-09', 3),
  });
  outside = await mkdtemp(path.join(tmpdir(), 'kilde-console-files-'));
  options = {
    picturesDir: path.join(outside, 'pictures'),
    actor: { id: 'console:tester', name: 'tester' },
    maxFileBytes: 4096,
  };
});

afterAll(async () => {
  await kb?.cleanup();
  if (outside) await rm(outside, { recursive: true, force: true });
});

const run = (line: string, locale: 'nb' | 'en' = 'nb') =>
  dispatch(line, kb.kilde, locale, plainStyle, options);

describe('adding an article from a file on the host', () => {
  it('validates, stores it under a name of its own and answers from it at once', async () => {
    const file = path.join(outside, 'bru.md');
    await writeFile(file, bridgeArticle);
    const reply = await run(`/kunnskap legg-til ${file}`);
    expect(reply.outcome).toBe('found');
    expect(reply.text).toContain(nb.moderation.added.title('Ny bru over Vestsundet'));
    expect(reply.text).toContain('Torleif Grimsrud');
    expect(readdirSync(kb.dir)).toContain('2021-03-18-ny-bru-over-vestsundet.md');
    const who = await run('/hvem torleif grimsrud');
    expect(who.outcome).toBe('found');
    expect(who.text).toContain('Ny bru over Vestsundet');
    // The same text again is a duplicate: refused, nothing written.
    const again = await run(`/kunnskap add ${file}`, 'en');
    expect(again.outcome).toBe('bad-input');
    expect(again.text).toContain(en.moderation.refused.nothingChanged);
    expect(readdirSync(kb.dir).filter((f) => f.includes('vestsundet'))).toHaveLength(1);
  });

  it('refuses what is not a text file, a missing file and a file over the size limit', async () => {
    const before = readdirSync(kb.dir).sort();
    const pdf = await run(`/kunnskap legg-til ${path.join(outside, 'rapport.pdf')}`);
    expect(pdf).toEqual({
      text: `${nb.moderation.refused.notText('rapport.pdf')}\n${nb.moderation.refused.nothingChanged}`,
      outcome: 'bad-input',
    });
    const missing = path.join(outside, 'finnes-ikke.md');
    expect((await run(`/knowledge add ${missing}`, 'en')).text).toContain(
      en.console.fileUnreadable(missing),
    );
    const big = path.join(outside, 'stor.md');
    await writeFile(big, `---\ntitle: Stor\ndate: 2021-01-01\n---\n${'ord '.repeat(5000)}\n`);
    const tooBig = await run(`/kunnskap legg-til ${big}`);
    expect(tooBig.outcome).toBe('bad-input');
    expect(tooBig.text).toContain(nb.moderation.refused.invalid);
    expect((await run('/kunnskap legg-til')).text).toBe(nb.console.addUsage);
    expect((await run('/kunnskap skriv')).text).toBe(nb.console.writeInFile);
    expect(readdirSync(kb.dir).sort()).toEqual(before);
  });
});

describe('removing and restoring', () => {
  it('lists the choices when given none, removes by file name and puts it back', async () => {
    const listed = await run('/kunnskap fjern');
    expect(listed.text.split('\n')[0]).toBe(nb.console.pickArticle);
    expect(listed.text).toContain('trener-3.md – Fjordby IL før kamp 3');

    const removed = await run('/kunnskap fjern trener-3.md');
    expect(removed.outcome).toBe('found');
    expect(removed.text).toContain('Fjordby IL før kamp 3');
    expect(existsSync(path.join(kb.dir, 'trener-3.md'))).toBe(false);
    expect((await run('/kilder')).text).not.toContain('kamp 3');

    expect((await run('/kunnskap angre')).text).toContain('trener-3.md');
    const restored = await run('/knowledge restore trener-3.md', 'en');
    expect(restored.text).toContain('Fjordby IL før kamp 3');
    expect((await run('/kilder')).text).toContain('kamp 3');

    const unknown = await run('/kunnskap fjern finnes-ikke.md');
    expect(unknown.outcome).toBe('bad-input');
    expect(unknown.text).toContain(nb.moderation.refused.notFound('finnes-ikke.md'));
  });
});

describe('pictures as files', () => {
  it('/tidslinje writes the name’s timeline as a PNG and says where', async () => {
    const reply = await run('/tidslinje solveig haugland');
    expect(reply.outcome).toBe('found');
    const saved = reply.text.split('\n').at(-1) ?? '';
    const file = saved.slice(saved.indexOf(options.picturesDir));
    expect(saved).toBe(nb.console.pictureSaved(file));
    expect(readFileSync(file).subarray(0, 8).equals(PNG)).toBe(true);
  });

  it('a name that is not one person gets /hvem’s answer, and no picture', async () => {
    const reply = await run('/timeline Xyzzy Qwerty', 'en');
    expect(reply.outcome).toBe('nothing');
    expect(reply.text).toContain(en.who.unknown('Xyzzy Qwerty'));
  });

  it('a month’s /hva-skjedde comes with its days as a picture', async () => {
    const reply = await run('/hva-skjedde 2021-03');
    expect(reply.outcome).toBe('found');
    expect(reply.text).toContain(
      nb.console.pictureSaved(path.join(options.picturesDir, '2021-03-01-2021-03-31.png')),
    );
    const day = await run('/hva-skjedde 2021-03-05');
    expect(day.text).not.toContain(nb.console.pictureSaved(''));
  });
});
