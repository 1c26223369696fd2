/**
 * Moderation through the core: an article added from bytes is validated as a file on disk,
 * written under a derived name and answered from at once; removal takes it out of the
 * answers and restore brings it back; refusals change nothing on disk.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import { articleFormatOf, composeFile } from '../../src/moderation/draft';
import { slugify } from '../../src/moderation/slug';
import type { ArticleDraft } from '../../src/moderation/types';
import { bokmalBudget, bokmalFollowUp } from '../helpers/articles';
import { tempKnowledge } from '../helpers/kb';

const moderator = { id: '111111111111111111', name: 'mod' };
const md = (text: string, overrides: ArticleDraft['overrides'] = {}): ArticleDraft => ({
  bytes: Buffer.from(text),
  format: 'md',
  overrides,
});

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function kb(files: Record<string, string> = { 'a.md': bokmalBudget }) {
  const t = await tempKnowledge(files);
  cleanup = t.cleanup;
  return t;
}

const listing = async (dir: string) => (await readdir(dir)).sort();

describe('adding an article', () => {
  it('writes it under date and title slug and answers from it at once', async () => {
    const { kilde, dir } = await kb();
    const outcome = await kilde.addArticle(md(bokmalFollowUp), moderator);
    expect(outcome.kind).toBe('added');
    if (outcome.kind !== 'added') return;
    expect(outcome.article.id).toBe('2023-03-20-lillevik-faar-nye-laerere.md');
    expect(outcome.article.passages).toBe(2);
    expect(outcome.article.names.map((n) => n.name)).toContain('Per Olav Hansen');
    expect(outcome.article.events.length).toBeGreaterThan(0);
    expect(await listing(dir)).toContain('2023-03-20-lillevik-faar-nye-laerere.md');
    const who = await kilde.who('Per Olav Hansen');
    expect(who.kind).toBe('found');
    expect(outcome.audit).toMatchObject({ action: 'add', actor: moderator });
    const audit = await readFile(join(dir, '.audit.jsonl'), 'utf8');
    expect(JSON.parse(audit.trim())).toMatchObject({
      action: 'add',
      article: { title: 'Lillevik får nye lærere' },
    });
  });

  it('takes title, date and source from overrides when a .txt has none', async () => {
    const { kilde } = await kb();
    const outcome = await kilde.addArticle(
      {
        bytes: Buffer.from('Kommunen i Nordvik fikk ny ordfører.\n\nHun heter Siri Fjellheim.\n'),
        format: 'txt',
        overrides: { title: 'Ny ordfører i Nordvik', date: '2024-02-03', source: 'NTB' },
      },
      moderator,
    );
    expect(outcome).toMatchObject({
      kind: 'added',
      article: { id: '2024-02-03-ny-ordforer-i-nordvik.md', title: 'Ny ordfører i Nordvik' },
    });
    expect(
      (await kilde.sources()).articles.find((a) => a.title === 'Ny ordfører i Nordvik')?.source,
    ).toBe('NTB');
  });

  it('gives a taken name a suffix instead of overwriting', async () => {
    const { kilde, dir } = await kb();
    await kilde.addArticle(md(bokmalFollowUp), moderator);
    const other = bokmalFollowUp.replace('tjue nye lærere', 'tretti nye lærere');
    const outcome = await kilde.addArticle(md(other), moderator);
    expect(outcome).toMatchObject({
      kind: 'added',
      article: { id: '2023-03-20-lillevik-faar-nye-laerere-2.md' },
    });
    expect(await listing(dir)).toEqual(
      expect.arrayContaining([
        '2023-03-20-lillevik-faar-nye-laerere.md',
        '2023-03-20-lillevik-faar-nye-laerere-2.md',
      ]),
    );
  });
});

describe('refusing an article, with nothing changed', () => {
  it('refuses front matter that does not validate, with the line', async () => {
    const { kilde, dir } = await kb();
    const before = await listing(dir);
    const outcome = await kilde.addArticle(
      md('---\ntitle: X\ndate: 2023-13-45\n---\nTekst her.\n'),
      moderator,
    );
    expect(outcome).toMatchObject({ kind: 'refused', refusal: { code: 'invalid' } });
    if (outcome.kind === 'refused' && outcome.refusal.code === 'invalid')
      expect(outcome.refusal.problems[0]).toMatchObject({ code: 'date-invalid', line: 3 });
    expect(await listing(dir)).toEqual(before);
  });

  it('refuses binary bytes and text already in the archive (naming it)', async () => {
    const { kilde, dir } = await kb();
    const before = await listing(dir);
    const binary = await kilde.addArticle(
      { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]), format: 'txt', overrides: {} },
      moderator,
    );
    expect(binary).toMatchObject({
      kind: 'refused',
      refusal: { code: 'invalid', problems: [{ code: 'file-binary' }] },
    });
    const twin = await kilde.addArticle(md(bokmalBudget, { source: 'NRK' }), moderator);
    expect(twin).toMatchObject({
      kind: 'refused',
      refusal: {
        code: 'duplicate',
        articleId: 'a.md',
        title: 'Bystyret i Lillevik vedtok nytt budsjett',
      },
    });
    expect(await listing(dir)).toEqual(before);
  });
});

describe('removing and restoring', () => {
  it('moves the file aside, out of the answers, and back', async () => {
    const { kilde, dir } = await kb({ 'a.md': bokmalBudget, 'b.md': bokmalFollowUp });
    expect((await kilde.who('Per Olav Hansen')).kind).toBe('found');
    const removed = await kilde.removeArticle('b.md', moderator);
    expect(removed).toMatchObject({
      kind: 'removed',
      article: { title: 'Lillevik får nye lærere' },
    });
    expect((await kilde.who('Per Olav Hansen')).kind).not.toBe('found');
    expect(await listing(dir)).not.toContain('b.md');
    expect((await loadKnowledge(dir)).articles.map((a) => a.id)).toEqual(['a.md']);
    const choices = await kilde.suggestRemoved('nye', 25);
    expect(choices).toEqual([{ id: 'b.md', title: 'Lillevik får nye lærere', date: '2023-03-20' }]);
    const restored = await kilde.restoreArticle('b.md', moderator);
    expect(restored).toMatchObject({ kind: 'restored', article: { id: 'b.md' } });
    expect((await kilde.who('Per Olav Hansen')).kind).toBe('found');
    expect(await kilde.suggestRemoved('', 25)).toEqual([]);
  });

  it('refuses an unknown article or one not removed', async () => {
    const { kilde } = await kb();
    expect(await kilde.removeArticle('../etc/passwd', moderator)).toMatchObject({
      kind: 'refused',
    });
    expect(await kilde.restoreArticle('../a.md', moderator)).toMatchObject({ kind: 'refused' });
  });
});

describe('drafts', () => {
  it('reads a file as an article by its ending, in any case, and nothing else', () => {
    expect(articleFormatOf('sak.md')).toBe('md');
    expect(articleFormatOf('Sak.MARKDOWN')).toBe('md');
    expect(articleFormatOf('notat.TXT')).toBe('txt');
    for (const name of ['rapport.pdf', 'md', 'sak.md.exe', 'x.constructor', 'x.toString'])
      expect(articleFormatOf(name)).toBeUndefined();
  });

  it('writes overrides into existing front matter, keeping the other fields', () => {
    const { bytes, format } = composeFile(
      md('---\ntitle: Gammel\nlanguage: nb\n---\nTekst.\n', {
        title: 'Ny tittel',
        url: 'https://example.org/x',
      }),
    );
    expect(format).toBe('md');
    expect(bytes.toString()).toBe(
      '---\ntitle: Ny tittel\nlanguage: nb\nurl: https://example.org/x\n---\nTekst.\n',
    );
  });

  it('slugs titles to safe ASCII names', () => {
    expect(slugify('Støre møtte Ærlige Åsmund i Tromsø!')).toBe(
      'store-motte-aerlige-aasmund-i-tromso',
    );
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('…')).toBe('artikkel');
  });
});
