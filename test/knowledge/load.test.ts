import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load';
import { retainLastGood } from '../../src/knowledge/retain';

const GOOD_MD = `---
title: Ny bro over fjorden
date: 2022-05-04
---

Veivesenet åpnet onsdag den nye broen over fjorden. Den er 900 meter lang.

Trafikken

Det ventes 5000 biler i døgnet.
`;

const GOOD_TXT = ` date 2022-06 Regjeringen la fram statsbudsjettet i dag. Det var ventet.

Opposisjonen var kritisk.
`;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kilde-knowledge-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(relative: string, content: string | Buffer): Promise<void> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

describe('loadKnowledge', () => {
  it('reads articles recursively, skips README, dotfiles and unknown types', async () => {
    await put('bro.md', GOOD_MD);
    await put('2022/budsjett.txt', GOOD_TXT);
    await put('2022/README.md', '# Notes\n\nNot an article.');
    await put('README.md', '# Readme');
    await put('.utkast.md', GOOD_MD);
    await put('.git/x.md', GOOD_MD);
    await put('bilde.jpg', 'not text');
    await put('aliases.yml', '- Vegvesenet = Statens vegvesen\n');

    const result = await loadKnowledge(dir);
    expect(result.articles.map((article) => article.id)).toEqual(['2022/budsjett.txt', 'bro.md']);
    expect(result.aliases).toEqual([{ names: ['Vegvesenet', 'Statens vegvesen'], line: 1 }]);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'bilde.jpg', severity: 'warning', code: 'file-ignored' }),
    ]);
    expect(result.failedFiles).toEqual([]);
    const bro = result.articles[1];
    expect(bro?.passages.map((passage) => [passage.heading, passage.line])).toEqual([
      [undefined, 6],
      ['Trafikken', 10],
    ]);
  });

  it('keeps loading when one file and aliases.yml are broken', async () => {
    await put('bro.md', GOOD_MD);
    await put('uten-dato.txt', 'Bare tekst uten dato.');
    await put('aliases.yml', '- A = B\n- [C, D\n');
    const result = await loadKnowledge(dir);
    expect(result.articles.map((article) => article.id)).toEqual(['bro.md']);
    expect(result.failedFiles).toEqual(['uten-dato.txt']);
    expect(result.aliasesFailed).toBe(true);
    expect(
      result.problems.filter((problem) => problem.severity === 'error').map((p) => p.file),
    ).toEqual(['aliases.yml', 'uten-dato.txt']);
    expect(result.problems.map((p) => p.code)).toEqual(['yaml-syntax', 'date-missing']);
  });

  it('warns about the same content saved twice', async () => {
    await put('a.md', GOOD_MD);
    await put('kopi/a.md', GOOD_MD);
    const result = await loadKnowledge(dir);
    expect(result.articles).toHaveLength(2);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'kopi/a.md',
        severity: 'warning',
        code: 'file-duplicate',
        params: { original: 'a.md' },
      }),
    ]);
  });
});

describe('loadKnowledge again, over files written just before the last load', () => {
  it('takes over the article of a file whose bytes are the same, with its problems, and parses a changed one', async () => {
    await put('bro.md', GOOD_MD);
    // No title in its front matter: a warning that belongs to the file.
    await put('budsjett.md', GOOD_MD.replace('title: Ny bro over fjorden\n', ''));
    // Just written: no stamp vouches for these files, so the next load reads them again.
    const first = await loadKnowledge(dir);
    expect(first.stamps).toEqual([]);
    await put('bro.md', GOOD_MD.replace('900 meter', '950 meter'));
    const second = await loadKnowledge(dir, {}, first);
    const before = new Map(first.articles.map((a) => [a.id, a]));
    const after = new Map(second.articles.map((a) => [a.id, a]));
    expect(after.get('budsjett.md')).toBe(before.get('budsjett.md'));
    expect(second.problems.filter((p) => p.file === 'budsjett.md')).toEqual(
      first.problems.filter((p) => p.file === 'budsjett.md'),
    );
    expect(second.problems.some((p) => p.file === 'budsjett.md')).toBe(true);
    expect(after.get('bro.md')).not.toBe(before.get('bro.md'));
    expect(
      after
        .get('bro.md')
        ?.passages.map((p) => p.text)
        .join(' '),
    ).toContain('950 meter');
  });
});

describe('retainLastGood', () => {
  it('keeps the last good version of an article whose file broke', async () => {
    await put('bro.md', GOOD_MD);
    await put('budsjett.md', GOOD_TXT);
    await put('aliases.yml', '- A = B\n');
    const first = await loadKnowledge(dir);

    await put('bro.md', GOOD_MD.replace('date: 2022-05-04', 'date: 2022-05-40'));
    await put('ny.txt', 'Ny fil uten dato.');
    await unlink(path.join(dir, 'budsjett.md'));
    await put('aliases.yml', '- A = B\n- [C\n');
    const second = await loadKnowledge(dir);

    const { result, kept } = retainLastGood(first, second);
    expect(kept).toEqual(['bro.md']);
    expect(result.articles.map((article) => article.id)).toEqual(['bro.md']);
    expect(result.articles[0]).toBe(first.articles.find((article) => article.id === 'bro.md'));
    expect(result.aliases).toEqual(first.aliases);
    // The new file's error and the broken date's error stay visible, with a note for each kept item.
    const files = result.problems.map((problem) => `${problem.file}:${problem.severity}`);
    expect(files).toEqual(
      expect.arrayContaining([
        'bro.md:error',
        'bro.md:warning',
        'ny.txt:error',
        'aliases.yml:error',
        'aliases.yml:warning',
      ]),
    );
    const codes = result.problems.map((problem) => `${problem.file}:${problem.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['bro.md:kept-last-good', 'aliases.yml:aliases-kept-last-good']),
    );
  });

  it('takes the new version once it parses again, and has nothing to keep without a past', async () => {
    await put('bro.md', GOOD_MD);
    const first = await loadKnowledge(dir);
    await put('bro.md', GOOD_MD.replace('900 meter', '950 meter'));
    const second = await loadKnowledge(dir);
    const { result, kept } = retainLastGood(first, second);
    expect(kept).toEqual([]);
    expect(result.articles[0]?.passages[0]?.text).toMatch(/950 meter/);
    expect(retainLastGood(undefined, second)).toEqual({ result: second, kept: [] });
  });
});
