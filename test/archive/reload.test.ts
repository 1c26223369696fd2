import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../src/archive/build';
import {
  encodeAnalysis,
  GatheredSections,
  writeFirstSections,
} from '../../src/archive/snapshot-body';
import { KnowledgeStore } from '../../src/archive/store';
import { plainStyle, renderReload as renderConsoleReload } from '../../src/console/render';
import { renderReload as renderDiscordReload } from '../../src/discord/render/knowledge';
import { messages } from '../../src/i18n';
import { createLogger } from '../../src/logger';
import { bokmalBudget, bokmalFollowUp, englishClimate } from '../helpers/articles';
import { tempKnowledge } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function kbWith(files: Record<string, string>) {
  const kb = await tempKnowledge(files);
  cleanups.push(() => kb.cleanup());
  return kb;
}

describe('reloading the knowledge base', () => {
  it('adds a new article and answers about it', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    expect((await kb.kilde.who('Rotevatn')).kind).toBe('unknown');
    await kb.write({ 'climate.md': englishClimate });
    const report = await kb.kilde.reload();
    expect(report.added).toEqual(['climate.md']);
    expect(report.changed).toEqual([]);
    expect(report.articles).toBe(2);
    expect((await kb.kilde.who('Rotevatn')).kind).toBe('found');
  });

  it('keeps the last good version of an article whose new version is broken', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    await kb.write({ 'budsjett.md': bokmalBudget.replace('date: 2023-03-15', 'date: 2023-13-45') });
    const report = await kb.kilde.reload();
    expect(report.kept).toEqual(['budsjett.md']);
    expect(report.problems.some((p) => p.file === 'budsjett.md' && p.line === 3)).toBe(true);
    expect((await kb.kilde.who('Nordmann')).kind).toBe('found');
    expect((await kb.kilde.whatHappened('2023-03-15')).kind).toBe('found');
  });

  it('words the report of a broken date in the reader language, Norwegian or English', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    await kb.write({ 'budsjett.md': bokmalBudget.replace('date: 2023-03-15', 'date: 2023-13-45') });
    const report = await kb.kilde.reload();
    expect(report.problems.map((p) => p.code)).toEqual(['date-invalid', 'kept-last-good']);

    const norwegian = [
      JSON.stringify(renderDiscordReload(report, messages('nb'))),
      renderConsoleReload(report, messages('nb'), plainStyle),
    ];
    for (const text of norwegian) {
      expect(text).toContain('budsjett.md:3: datoen «2023-13-45» finnes ikke');
      expect(text).toContain('ny versjon kunne ikke leses; forrige gode versjon brukes fortsatt');
      for (const problem of report.problems) expect(text).not.toContain(problem.reason);
    }

    const english = [
      JSON.stringify(renderDiscordReload(report, messages('en'))),
      renderConsoleReload(report, messages('en'), plainStyle),
    ];
    for (const text of english) {
      expect(text).toContain('2023-13-45');
      expect(text).toContain('is not a real calendar date');
      expect(text).toContain('the last good version is still in use');
      expect(text).not.toMatch(/finnes ikke|forrige gode versjon/);
    }
  });

  it('leaves a new broken file out and reports it, losing nothing else', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    await kb.write({ 'broken.md': '---\ntitle: [unclosed\ndate: 2023-01-01\n---\nTekst.\n' });
    const report = await kb.kilde.reload();
    expect(report.added).toEqual([]);
    expect(report.articles).toBe(1);
    expect(report.problems.some((p) => p.file === 'broken.md' && p.severity === 'error')).toBe(
      true,
    );
    expect((await kb.kilde.who('Nordmann')).kind).toBe('found');
  });

  it('removes a deleted article', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget, 'laerere.md': bokmalFollowUp });
    await kb.remove('laerere.md');
    const report = await kb.kilde.reload();
    expect(report.removed).toEqual(['laerere.md']);
    expect((await kb.kilde.sources()).articles).toHaveLength(1);
  });

  it('keeps serving the previous knowledge base when the directory vanishes, and says why', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    await rename(kb.dir, `${kb.dir}-moved`);
    const report = await kb.kilde.reload();
    expect(report.articles).toBe(1);
    expect(report.removed).toEqual([]);
    expect(report.problems[0]?.reason).toMatch(/does not exist/);
    expect(report.problems[0]).toMatchObject({
      code: 'knowledge-dir-missing',
      params: { dir: kb.dir },
    });
    expect((await kb.kilde.who('Nordmann')).kind).toBe('found');
    await rename(`${kb.dir}-moved`, kb.dir);
    const back = await kb.kilde.reload();
    expect(back.problems).toEqual([]);
  });

  it('starts with an empty archive and a clear problem when the directory is missing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kilde-nodir-'));
    cleanups.push(() => rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
    const store = new KnowledgeStore(
      join(root, 'missing'),
      join(root, 'cache'),
      createLogger('silent'),
    );
    const { archive } = await store.reload();
    expect(archive.articles).toEqual([]);
    expect(archive.problems.map((p) => p.severity)).toEqual(['error']);
  });

  it('serialises concurrent reloads: the second waits and sees every change', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    const first = kb.kilde.reload();
    await kb.write({ 'climate.md': englishClimate });
    const second = kb.kilde.reload();
    const third = kb.kilde.reload();
    const [, b, c] = await Promise.all([first, second, third]);
    expect(b.articles).toBe(2);
    expect(c.joined).toBe(true);
    expect((await kb.kilde.who('Rotevatn')).kind).toBe('found');
  });
});

describe('the analysis snapshot', () => {
  it('is reused when nothing changed, and not when a file changed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kilde-snap-'));
    cleanups.push(() => rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
    const dir = join(root, 'knowledge');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir);
    await writeFile(join(dir, 'budsjett.md'), bokmalBudget);
    const logger = createLogger('silent');
    const first = await new KnowledgeStore(dir, join(root, 'cache'), logger).reload();
    expect(first.archive.fromSnapshot).toBe(false);
    const restarted = await new KnowledgeStore(dir, join(root, 'cache'), logger).reload();
    expect(restarted.archive.fromSnapshot).toBe(true);
    expect(restarted.archive.entities.all().map((e) => e.name)).toEqual(
      first.archive.entities.all().map((e) => e.name),
    );
    await writeFile(join(dir, 'budsjett.md'), bokmalBudget.replace('lange', 'korte'));
    const changed = await new KnowledgeStore(dir, join(root, 'cache'), logger).reload();
    expect(changed.archive.fromSnapshot).toBe(false);
  });

  it('of a full build is the loaded files and the lexicon, written while it analyses, then the analysis: the bytes of its sections gathered', async () => {
    const kb = await kbWith({
      'budsjett.md': bokmalBudget,
      'laerere.md': bokmalFollowUp,
      'climate.md': englishClimate,
    });
    const cache = join(kb.dir, '..', 'cache-full');
    cleanups.push(() => rm(cache, { recursive: true, force: true }));
    const built = await new KnowledgeStore(kb.dir, cache, createLogger('silent')).reload();
    const file = await readFile(join(cache, 'analysis-snapshot.bin'));
    const first = new GatheredSections();
    await writeFirstSections(first, built.archive.load);
    const { analysis, index } = await analyse(built.archive.load);
    const sections = [...first.pieces, ...(await encodeAnalysis(analysis, index))];
    expect(file.subarray(file.indexOf(10) + 1).equals(Buffer.concat(sections))).toBe(true);
    expect(await readdir(cache)).toEqual(['analysis-snapshot.bin']);
  });

  it('is not begun, and leaves no file behind, when the program shuts down during a full build', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    const cache = join(kb.dir, '..', 'cache-stopped');
    cleanups.push(() => rm(cache, { recursive: true, force: true }));
    const store = new KnowledgeStore(kb.dir, cache, createLogger('silent'));
    let settled = false;
    void store.reload().finally(() => {
      settled = true;
    });
    store.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A shut-down build never settles (the process is exiting) and writes nothing.
    expect(settled).toBe(false);
    expect(await readdir(cache).catch(() => [])).toEqual([]);
  });
});
