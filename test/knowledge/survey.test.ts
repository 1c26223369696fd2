/**
 * The folder survey a restart begins with, its files' `lstat`s taken on a worker thread when
 * there are many: it must see the folder exactly as the survey file by file does, links
 * (inside and out) resolved and refused alike.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FolderSurvey, surveyKnowledge } from '../../src/knowledge/load';

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'kilde-survey-'));
  dir = path.join(root, 'knowledge');
  await mkdir(path.join(dir, '2023', 'mars'), { recursive: true });
  await mkdir(path.join(root, 'outside'));
  await writeFile(path.join(root, 'outside', 'env.txt'), 'hemmelig');
  for (let i = 0; i < 12; i++)
    await writeFile(path.join(dir, i % 2 ? '2023/mars' : '.', `sak-${i}.md`), `# Sak ${i}\n`);
  await symlink(path.join(root, 'outside', 'env.txt'), path.join(dir, 'ut.md'));
  await symlink(path.join(dir, 'sak-0.md'), path.join(dir, '2023', 'lenke.md'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What a load reads of a survey: per file, its real path (or problem) and size and time. */
const seen = (survey: FolderSurvey) =>
  [...survey.sighted].map(([file, { resolved, now }]) => [
    file,
    resolved.ok ? resolved.real : resolved.problem.code,
    now ? [now.isFile(), now.size, now.mtimeMs] : undefined,
  ]);

describe('the folder survey', () => {
  it('sees the same files, links and stamps with its lstats on a worker as one by one', async () => {
    const aside = await surveyKnowledge(dir, 0);
    const alone = await surveyKnowledge(dir, Number.POSITIVE_INFINITY);
    expect(seen(aside)).toEqual(seen(alone));
    expect(aside.files).toEqual(alone.files);
    const byFile = new Map(seen(aside).map(([file, ...rest]) => [file, rest]));
    expect(byFile.get('ut.md')?.[0]).toBe('file-outside');
    expect(byFile.get('2023/lenke.md')?.[0]).toBe(path.join(aside.root, 'sak-0.md'));
    expect(byFile.get('2023/mars/sak-1.md')?.[1]).toEqual([true, 8, expect.any(Number)]);
  });

  it('lists each folder by name, a sub-folder where its name falls, links to files included', async () => {
    const survey = await surveyKnowledge(dir);
    const even = [0, 10, 2, 4, 6, 8].map((i) => `sak-${i}.md`);
    const odd = [1, 11, 3, 5, 7, 9].map((i) => `2023/mars/sak-${i}.md`);
    expect(survey.files).toEqual(['2023/lenke.md', ...odd, ...even, 'ut.md']);
  });
});
