/**
 * The knowledge folder is a boundary, and a fault on one file stays on that file:
 * links leading outside are refused and reported (their text never indexed, never shown),
 * non-text and over-size files are refused, and a file that vanishes or cannot be read
 * mid-reload keeps its last good version while the rest of the reload applies.
 */
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKilde } from '../../src/answers/kilde';
import { loadKnowledge } from '../../src/knowledge/load';
import { type ReadFile, readRegularFile } from '../../src/knowledge/read-inside';
import { createLogger } from '../../src/logger';
import { bokmalBudget, englishClimate } from '../helpers/articles';

const SECRET = 'DISCORD_TOKEN=MTIzNDU2Nzg5MDEyMzQ1Njc4.hemmelig.lekkasje-fra-utsiden\n';

let root: string;
let dir: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kilde-boundary-'));
  dir = path.join(root, 'knowledge');
  outside = path.join(root, 'outside');
  await mkdir(dir, { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(
    path.join(outside, 'env.txt'),
    ` date 2023-03-15 ${SECRET}\nMer hemmelig tekst.\n`,
  );
});

afterEach(async () => {
  // A snapshot written in the background after a reload may still be landing: retry.
  await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const put = async (relative: string, content: string | Buffer) => {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
};

const kildeOver = (readFile?: ReadFile, maxFileBytes?: number) =>
  createKilde({
    knowledgeDir: dir,
    cacheDir: path.join(root, 'cache'),
    logger: createLogger('silent'),
    ...(readFile ? { readFile } : {}),
    ...(maxFileBytes ? { maxFileBytes } : {}),
  });

describe('the folder is a boundary', () => {
  it('refuses a link to a file outside, reports it by name, and never indexes it', async () => {
    await put('budsjett.md', bokmalBudget);
    await symlink(path.join(outside, 'env.txt'), path.join(dir, 'env.txt'));
    await mkdir(path.join(dir, 'sub'));
    await symlink('../../outside/env.txt', path.join(dir, 'sub', 'relativ.txt'));
    const load = await loadKnowledge(dir);
    expect(load.articles.map((a) => a.id)).toEqual(['budsjett.md']);
    const outsideProblems = load.problems.filter((p) => p.code === 'file-outside');
    expect(outsideProblems.map((p) => p.file).sort()).toEqual(['env.txt', 'sub/relativ.txt']);
    expect(JSON.stringify(load)).not.toContain('DISCORD_TOKEN');
  });

  it('follows a link that stays inside the folder', async () => {
    await put('ekte/budsjett.md', bokmalBudget);
    await symlink(path.join(dir, 'ekte', 'budsjett.md'), path.join(dir, 'lenke.md'));
    const load = await loadKnowledge(dir);
    expect(load.articles.map((a) => a.id).sort()).toEqual(['ekte/budsjett.md', 'lenke.md']);
    expect(load.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('through the core: /søk never shows the linked lines, the reload report names the link, and an article replaced by such a link is dropped, not kept', async () => {
    await put('budsjett.md', bokmalBudget);
    await put('klima.md', englishClimate);
    const kilde = await kildeOver();
    try {
      await unlink(path.join(dir, 'klima.md'));
      await symlink(path.join(outside, 'env.txt'), path.join(dir, 'klima.md'));
      await symlink(path.join(outside, 'env.txt'), path.join(dir, 'env.txt'));
      const report = await kilde.reload();
      const named = report.problems.filter((p) => p.code === 'file-outside').map((p) => p.file);
      expect(named.sort()).toEqual(['env.txt', 'klima.md']);
      expect(report.removed).toContain('klima.md');
      expect(report.kept).toEqual([]);
      for (const query of ['DISCORD_TOKEN', 'hemmelig tekst', 'lekkasje fra utsiden']) {
        const answer = await kilde.search(query);
        expect(answer.kind).not.toBe('found');
        const shown = answer.kind === 'none' ? answer.suggestions : [];
        expect(JSON.stringify(shown)).not.toMatch(/DISCORD_TOKEN|hemmelig|lekkasje/iu);
      }
      expect((await kilde.sources()).articles.map((a) => a.file)).toEqual(['budsjett.md']);
    } finally {
      await kilde.close();
    }
  });

  it('refuses binary, non-UTF-8 and over-size files, each with its own problem', async () => {
    await put('budsjett.md', bokmalBudget);
    await put('binær.txt', Buffer.from([0x64, 0x61, 0x74, 0x65, 0x00, 0x01, 0x02]));
    await put('latin1.txt', Buffer.from(' date 2023-03-15 Bl\xe5b\xe6r og r\xf8d\n', 'latin1'));
    await put('stor.md', `${bokmalBudget}\n${'Lang tekst. '.repeat(200)}`);
    const load = await loadKnowledge(dir, { maxFileBytes: 2048 });
    expect(load.articles.map((a) => a.id)).toEqual(['budsjett.md']);
    const codes = Object.fromEntries(load.problems.map((p) => [p.file, p.code]));
    expect(codes).toMatchObject({
      'binær.txt': 'file-binary',
      'latin1.txt': 'file-not-utf8',
      'stor.md': 'file-too-large',
    });
    expect(load.problems.find((p) => p.file === 'stor.md')?.params).toMatchObject({ limitKb: 2 });
  });
});

describe('a fault on one file stays on that file', () => {
  it('a file deleted between listing and reading keeps its last good version; a new article in the same reload is added', async () => {
    await put('budsjett.md', bokmalBudget);
    let deleteBeforeReading: string | undefined;
    // The hook runs after the folder was listed, just before the file is read.
    const reader: ReadFile = async (real, max) => {
      if (deleteBeforeReading && real.endsWith(deleteBeforeReading)) await unlink(real);
      return readRegularFile(real, max);
    };
    const kilde = await kildeOver(reader);
    try {
      await put('klima.md', englishClimate);
      deleteBeforeReading = 'budsjett.md';
      const report = await kilde.reload();
      expect(report.added).toEqual(['klima.md']);
      expect(report.kept).toEqual(['budsjett.md']);
      expect(report.problems).toContainEqual(
        expect.objectContaining({
          file: 'budsjett.md',
          code: 'file-unreadable',
          params: { error: 'ENOENT' },
        }),
      );
      expect((await kilde.who('Kari Nordmann')).kind).toBe('found');
      expect((await kilde.who('Sveinung Rotevatn')).kind).toBe('found');
      // Once it is really gone (not listed any more), the next reload removes it.
      deleteBeforeReading = undefined;
      expect((await kilde.reload()).removed).toEqual(['budsjett.md']);
    } finally {
      await kilde.close();
    }
  });

  it('a file that cannot be read, or grows past the limit while read, is that file’s problem alone', async () => {
    await put('budsjett.md', bokmalBudget);
    await put('klima.md', englishClimate);
    let fault: 'EACCES' | 'grows' | undefined;
    const reader: ReadFile = async (real, max) => {
      if (fault && real.endsWith('budsjett.md')) {
        if (fault === 'grows') return Buffer.alloc(max + 1, 0x61);
        throw Object.assign(new Error('permission denied'), { code: fault });
      }
      return readRegularFile(real, max);
    };
    const kilde = await kildeOver(reader);
    try {
      for (const [which, code] of [
        ['EACCES', 'file-unreadable'],
        ['grows', 'file-too-large'],
      ] as const) {
        fault = which;
        await put('ny.md', bokmalBudget.replace('Lillevik', 'Storvik'));
        const report = await kilde.reload();
        expect(report.kept).toEqual(['budsjett.md']);
        expect(report.problems.map((p) => [p.file, p.code])).toContainEqual(['budsjett.md', code]);
        const files = (await kilde.sources()).articles.map((a) => a.file);
        expect(files.sort()).toEqual(['budsjett.md', 'klima.md', 'ny.md']);
        await unlink(path.join(dir, 'ny.md'));
      }
    } finally {
      await kilde.close();
    }
  });

  it('an unreadable aliases.yml keeps the last good aliases instead of failing the reload', async () => {
    await put('budsjett.md', bokmalBudget);
    await put('aliases.yml', '- Kari Nordmann = Ordføreren\n');
    let fail = false;
    const reader: ReadFile = async (real, max) => {
      if (fail && real.endsWith('aliases.yml')) {
        throw Object.assign(new Error('gone'), { code: 'ENOENT' });
      }
      return readRegularFile(real, max);
    };
    const kilde = await kildeOver(reader);
    try {
      fail = true;
      const report = await kilde.reload();
      const codes = report.problems.map((p) => p.code);
      expect(codes).toContain('file-unreadable');
      expect(codes).toContain('aliases-kept-last-good');
    } finally {
      await kilde.close();
    }
  });
});
