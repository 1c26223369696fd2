import { mkdir, mkdtemp, readFile, rm, symlink, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { search } from '../../src/answers/search';
import { whatHappened } from '../../src/answers/what-happened';
import { who } from '../../src/answers/who';
import { MemoryBackend } from '../../src/backend/memory';
import { type ReadFile, readRegularFile } from '../../src/knowledge/read-inside';
import { createLogger } from '../../src/logger';
import { bokmalBudget, bokmalFollowUp, englishClimate, nynorskSchool } from '../helpers/articles';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Long enough ago that a stamp is trusted (a file changed just now is always read again). */
const LAST_WEEK = new Date(Date.now() - 7 * 24 * 3600 * 1000);

async function folder(files: Record<string, string>) {
  const root = await mkdtemp(join(tmpdir(), 'kilde-warm-'));
  cleanups.push(() => rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));
  const dir = join(root, 'knowledge');
  await mkdir(dir);
  const put = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    await utimes(join(dir, name), LAST_WEEK, LAST_WEEK);
  };
  for (const [name, text] of Object.entries(files)) await put(name, text);
  /** Every file whose contents were read, by name, through the loader's read seam. */
  const reads: string[] = [];
  const counting: ReadFile = (real, max) => {
    reads.push(real.slice(real.lastIndexOf('/') + 1));
    return readRegularFile(real, max);
  };
  const open = () =>
    new MemoryBackend({
      knowledgeDir: dir,
      cacheDir: join(root, 'cache'),
      logger: createLogger('silent'),
      load: { readFile: counting },
    });
  return { root, dir, put, reads, open };
}

/** Every kind of answer on the questions these articles raise, as plain data. */
async function answers(backend: MemoryBackend) {
  const view = backend.view();
  const names = ['Kari Nordmann', 'Nordmann', 'Rotevatn', 'Per Olav Hansen', 'Skjæran', 'ordfører'];
  const searches = ['budsjett Lillevik', 'lærere', 'fjords protection', 'kvotene', 'skule'];
  const days = ['2023-03-15', '2023-03', '2021-06', '2022-09-05'];
  return JSON.parse(
    JSON.stringify({
      who: await Promise.all(names.map((q) => who(view, q))),
      search: await Promise.all(searches.map((q) => search(view, q))),
      days: await Promise.all(days.map((q) => whatHappened(view, q))),
      names: await Promise.all(['nor', 'ro', 'ha'].map((q) => view.suggestEntities(q, 25))),
      suggestDays: await view.suggestDays('2023', 25),
      counts: await view.counts(),
      problems: view.problems,
      articles: (await view.listArticles()).map((a) => a.id).sort(),
    }),
  );
}

const written = {
  'budsjett.md': bokmalBudget,
  'laerere.md': bokmalFollowUp,
  'climate.md': englishClimate,
  'skule.md': nynorskSchool,
  'aliases.yml': '- Kari Nordmann = Ordføreren\n',
};

describe('a warm start over unchanged files', () => {
  it('reads no article file (only the aliases), and answers exactly as before the restart', async () => {
    const kb = await folder(written);
    const first = kb.open();
    await first.start();
    expect(kb.reads.sort()).toEqual(Object.keys(written).sort());
    kb.reads.length = 0;

    const restarted = kb.open();
    const outcome = await restarted.store.reload();
    expect(outcome.archive.fromSnapshot).toBe(true);
    expect(kb.reads).toEqual(['aliases.yml']);
    expect(await answers(restarted)).toEqual(await answers(first));
  });

  it('reads a touched file again, and only that one', async () => {
    const kb = await folder(written);
    await kb.open().start();
    kb.reads.length = 0;
    await kb.put('climate.md', englishClimate.replace('Rotevatn', 'Rotevatnsen'));
    const restarted = kb.open();
    await restarted.start();
    expect(kb.reads.sort()).toEqual(['aliases.yml', 'climate.md']);
    expect((await who(restarted.view(), 'Rotevatnsen')).kind).toBe('found');
  });

  it('drops a removed file without reading the others', async () => {
    const kb = await folder(written);
    await kb.open().start();
    kb.reads.length = 0;
    await unlink(join(kb.dir, 'climate.md'));
    const restarted = kb.open();
    await restarted.start();
    expect(kb.reads).toEqual(['aliases.yml']);
    const ids = (await restarted.view().listArticles()).map((a) => a.id);
    expect(ids).not.toContain('climate.md');
    expect(ids).toContain('budsjett.md');
    expect((await who(restarted.view(), 'Rotevatn')).kind).toBe('unknown');
  });

  it('refuses a file that became a link out of the folder, though size and time match', async () => {
    const kb = await folder(written);
    await kb.open().start();
    const outside = join(kb.root, 'outside');
    await mkdir(outside);
    // The same bytes and time as the file it replaces: only the real path tells them apart.
    const target = join(outside, 'climate.md');
    await writeFile(target, englishClimate);
    await utimes(target, LAST_WEEK, LAST_WEEK);
    await unlink(join(kb.dir, 'climate.md'));
    await symlink(target, join(kb.dir, 'climate.md'));
    kb.reads.length = 0;
    const restarted = kb.open();
    const outcome = await restarted.store.reload();
    expect(kb.reads).not.toContain('climate.md');
    expect(outcome.archive.problems).toContainEqual(
      expect.objectContaining({ file: 'climate.md', code: 'file-outside' }),
    );
    expect(outcome.archive.articleById.has('climate.md')).toBe(false);
  });

  it('reads everything again when the stamps are new (a file written just now is never trusted)', async () => {
    const kb = await folder(written);
    await kb.open().start();
    // Written again with the same bytes, now: the stamp is too fresh to vouch for a next change.
    await writeFile(join(kb.dir, 'budsjett.md'), bokmalBudget);
    await kb.open().start();
    kb.reads.length = 0;
    const again = kb.open();
    await again.start();
    expect(kb.reads.sort()).toEqual(['aliases.yml', 'budsjett.md']);
  });
});

describe('a reload while the last snapshot is still being written', () => {
  it('leaves the newest archive on disk, so that a restart reads no article again', async () => {
    const kb = await folder(written);
    const live = kb.open();
    await live.start();
    await kb.put('extra.md', bokmalBudget.replace('Lillevik', 'Storevik'));
    await live.store.reload();
    // The add's snapshot is being written: this reload stops it, and must write its own.
    await live.store.reload();
    await live.store.settled();
    kb.reads.length = 0;
    const restarted = kb.open();
    const outcome = await restarted.store.reload();
    expect(outcome.archive.fromSnapshot).toBe(true);
    expect(kb.reads).toEqual(['aliases.yml']);
    expect(await answers(restarted)).toEqual(await answers(live));
  });
});

describe('a snapshot that cannot be used', () => {
  it('is rebuilt when it is of an older format, cut short or not a snapshot at all', async () => {
    const kb = await folder(written);
    const live = kb.open();
    await live.start();
    const expected = await answers(live);
    const file = join(kb.root, 'cache', 'analysis-snapshot.bin');
    const good = await readFile(file);
    const header = good.subarray(0, good.indexOf(10)).toString();
    const damaged = [
      Buffer.concat([
        // The format before this code's, whatever this code's is.
        Buffer.from(header.replace(/"format":(\d+)/, (_, n) => `"format":${Number(n) - 1}`)),
        good.subarray(header.length),
      ]),
      good.subarray(0, Math.floor(good.length / 2)),
      Buffer.from('{"entities":[]}\n'),
    ];
    for (const bytes of damaged) {
      await writeFile(file, bytes);
      const restarted = kb.open();
      const outcome = await restarted.store.reload();
      expect(outcome.archive.fromSnapshot).toBe(false);
      expect(await answers(restarted)).toEqual(expected);
    }
  });
});
