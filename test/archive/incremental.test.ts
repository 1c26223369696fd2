import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { search } from '../../src/answers/search';
import { whatHappened } from '../../src/answers/what-happened';
import { who } from '../../src/answers/who';
import { canUpdate, updateArchive } from '../../src/archive/update';
import { MemoryBackend } from '../../src/backend/memory';
import { sortKeys } from '../../src/extract/entities/sort-keys';
import type { Article } from '../../src/knowledge/types';
import { createLogger } from '../../src/logger';
import {
  bokmalBudget,
  bokmalFollowUp,
  englishClimate,
  nynorskSchool,
  rawText,
} from '../helpers/articles';
import { tempFolder } from '../helpers/kb';

// The key sort counted: a restart from a snapshot that kept the directory's key orders sorts none.
vi.mock('../../src/extract/entities/sort-keys', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/extract/entities/sort-keys')>();
  return { sortKeys: vi.fn(original.sortKeys) };
});

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function folder(files: Record<string, string>) {
  const { root, dir, cleanup } = await tempFolder(files, 'kilde-incremental-');
  const opened: MemoryBackend[] = [];
  // Closing waits for the snapshots incremental reloads write in the background.
  cleanups.push(async () => {
    for (const backend of opened) await backend.close();
    await cleanup();
  });
  let caches = 0;
  const backend = () => {
    const made = new MemoryBackend({
      knowledgeDir: dir,
      cacheDir: join(root, `cache-${caches++}`),
      logger: createLogger('silent'),
    });
    opened.push(made);
    return made;
  };
  return { root, dir, backend };
}

/** Every kind of answer on the questions these articles raise, as plain data. */
async function answers(backend: MemoryBackend) {
  const view = backend.view();
  const names = ['Kari Nordmann', 'Nordmann', 'Rotevatn', 'Per Olav Hansen', 'Skjæran', 'Haugen'];
  const roles = ['ordfører', 'rådmann', 'Vedum'];
  const searches = ['budsjett Lillevik', 'lærere', 'fjords protection', 'kvotene', 'skule'];
  const days = ['2023-03-15', '2023-03-2', '2023-03', '2021-06', '2022-09-05', '2023-09'];
  return {
    who: await Promise.all([...names, ...roles].map((q) => who(view, q))),
    search: await Promise.all(searches.map((q) => search(view, q))),
    days: await Promise.all(days.map((q) => whatHappened(view, q))),
    names: await Promise.all(['nor', 'ro', 'ha'].map((q) => view.suggestEntities(q, 25))),
    suggestDays: await view.suggestDays('2023', 25),
    counts: await view.counts(),
    articles: (await view.listArticles()).map((a) => a.id).sort(),
  };
}

describe('an incremental reload', () => {
  it('answers the same as a full build of the same files, after an add, a change and a removal', async () => {
    const kb = await folder({
      'budsjett.md': bokmalBudget,
      'climate.md': englishClimate,
      'nordvik.txt': rawText,
    });
    const live = kb.backend();
    await live.reload();

    await writeFile(join(kb.dir, 'laerere.md'), bokmalFollowUp);
    const added = await live.store.reload();
    expect(added.incremental).toBe(true);
    expect(added.added).toEqual(['laerere.md']);

    await writeFile(join(kb.dir, 'skule.md'), nynorskSchool);
    await writeFile(join(kb.dir, 'climate.md'), englishClimate.replace('historic', 'great'));
    await rm(join(kb.dir, 'nordvik.txt'));
    const mixed = await live.store.reload();
    expect(mixed.incremental).toBe(true);
    expect(mixed.added).toEqual(['skule.md']);
    expect(mixed.changed).toEqual(['climate.md']);
    expect(mixed.removed).toEqual(['nordvik.txt']);

    const full = kb.backend();
    const built = await full.store.reload();
    expect(built.incremental).toBe(false);
    expect(built.archive.fromSnapshot).toBe(false);
    const a = JSON.parse(JSON.stringify(await answers(live)));
    const b = JSON.parse(JSON.stringify(await answers(full)));
    expect(a).toEqual(b);
    // Not empty answers compared: the added article's people are there.
    expect(a.who[5].kind).toBe('found');
    expect(a.who[3].kind).toBe('found');
  });

  it('forgets a removed article everywhere: search, names, days and sources', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, 'climate.md': englishClimate });
    const live = kb.backend();
    await live.reload();
    expect((await who(live.view(), 'Rotevatn')).kind).toBe('found');
    await rm(join(kb.dir, 'climate.md'));
    const outcome = await live.store.reload();
    expect(outcome.incremental).toBe(true);
    const view = live.view();
    expect((await who(view, 'Rotevatn')).kind).not.toBe('found');
    expect((await search(view, 'fjords protection')).kind).toBe('none');
    expect((await whatHappened(view, '2021-06-10')).kind).toBe('empty');
    expect((await view.listArticles()).map((a) => a.id)).toEqual(['budsjett.md']);
    expect((await view.suggestEntities('rotev', 5)).map((e) => e.name)).not.toContain(
      'Sveinung Rotevatn',
    );
  });

  it('keeps the last good version of a file that breaks, and applies the rest', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, 'climate.md': englishClimate });
    const live = kb.backend();
    await live.reload();
    await writeFile(join(kb.dir, 'climate.md'), '---\ntitle: [unclosed\n---\nText.\n');
    await writeFile(join(kb.dir, 'laerere.md'), bokmalFollowUp);
    const outcome = await live.store.reload();
    expect(outcome.incremental).toBe(true);
    expect(outcome.kept).toEqual(['climate.md']);
    expect(outcome.added).toEqual(['laerere.md']);
    expect((await who(live.view(), 'Rotevatn')).kind).toBe('found');
    expect((await who(live.view(), 'Per Olav Hansen')).kind).toBe('found');
  });

  it('leaves a snapshot a restart restores, with the same answers', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget });
    const cache = join(kb.root, 'shared-cache');
    const open = () =>
      new MemoryBackend({ knowledgeDir: kb.dir, cacheDir: cache, logger: createLogger('silent') });
    const live = open();
    await live.reload();
    await writeFile(join(kb.dir, 'climate.md'), englishClimate);
    expect((await live.store.reload()).incremental).toBe(true);
    await live.store.settled();
    const restarted = open();
    const outcome = await restarted.store.reload();
    expect(outcome.archive.fromSnapshot).toBe(true);
    expect((await who(restarted.view(), 'Rotevatn')).kind).toBe('found');
    expect(JSON.parse(JSON.stringify(await answers(restarted)))).toEqual(
      JSON.parse(JSON.stringify(await answers(live))),
    );
  });
});

describe("the directory's key sort orders in an update's snapshot", () => {
  it('are those a full build sorts, and a restart from it sorts no key again', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, 'nordvik.txt': rawText });
    const cache = join(kb.root, 'orders-cache');
    const open = () =>
      new MemoryBackend({ knowledgeDir: kb.dir, cacheDir: cache, logger: createLogger('silent') });
    const live = open();
    await live.reload();
    // An add and a removal, each an update whose snapshot merges the directory's columns.
    await writeFile(join(kb.dir, 'climate.md'), englishClimate);
    await writeFile(join(kb.dir, 'laerere.md'), bokmalFollowUp);
    expect((await live.store.reload()).incremental).toBe(true);
    await rm(join(kb.dir, 'nordvik.txt'));
    expect((await live.store.reload()).incremental).toBe(true);
    await live.store.settled();
    vi.mocked(sortKeys).mockClear();
    const restarted = open();
    const outcome = await restarted.store.reload();
    expect(outcome.archive.fromSnapshot).toBe(true);
    expect(outcome.incremental).toBe(false);
    expect(vi.mocked(sortKeys)).not.toHaveBeenCalled();
    // The same directory as a full build of the same files: keys, ranks and sort orders.
    const full = kb.backend();
    const built = (await full.store.reload()).archive;
    expect(built.fromSnapshot).toBe(false);
    const columnsOf = (directory: typeof built.entities) => {
      const columns = directory.columns([...directory.all()]);
      return { names: columns?.names, roles: columns?.roles };
    };
    const restored = columnsOf(outcome.archive.entities);
    expect(restored.names?.orders).toBeDefined();
    expect(restored.names?.keys.length).toBeGreaterThan(10);
    expect(restored).toEqual(columnsOf(built.entities));
    expect(JSON.parse(JSON.stringify(await answers(restarted)))).toEqual(
      JSON.parse(JSON.stringify(await answers(full))),
    );
  });
});

describe('an update that fails half-way', () => {
  it('leaves the previous archive answering as before, and the next reload builds in full', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, 'climate.md': englishClimate });
    const live = kb.backend();
    await live.reload();
    await writeFile(join(kb.dir, 'laerere.md'), bokmalFollowUp);
    expect((await live.store.reload()).incremental).toBe(true);
    const previous = live.store.current;
    if (!previous) throw new Error('no archive');
    const before = JSON.parse(JSON.stringify(await answers(live)));
    // An article whose passages cannot be read once the update is under way: after the
    // live merge and the directory took the change in (the fifth read).
    const good = previous.articles.find((a) => a.id === 'laerere.md') as Article;
    let reads = 0;
    const poisoned = {
      ...good,
      id: 'skule.md',
      get passages() {
        if (++reads > 4) throw new Error('unreadable');
        return good.passages;
      },
    } as Article;
    const load = { ...previous.load, articles: [...previous.articles, poisoned] };
    const changes = { gone: [previous.articles[0] as Article], came: [poisoned] };
    await expect(updateArchive(previous, load, changes)).rejects.toThrow('unreadable');
    expect(JSON.parse(JSON.stringify(await answers(live)))).toEqual(before);
    expect(canUpdate(previous, load, changes)).toBe(false);

    await writeFile(join(kb.dir, 'skule.md'), nynorskSchool);
    const next = await live.store.reload();
    expect(next.incremental).toBe(false);
    const full = kb.backend();
    await full.reload();
    expect(JSON.parse(JSON.stringify(await answers(live)))).toEqual(
      JSON.parse(JSON.stringify(await answers(full))),
    );
  });
});

describe('closing the backend', () => {
  it('waits for the snapshot an incremental reload writes in the background', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget });
    const cache = join(kb.root, 'cache');
    const open = () =>
      new MemoryBackend({ knowledgeDir: kb.dir, cacheDir: cache, logger: createLogger('silent') });
    const live = open();
    await live.reload();
    await writeFile(join(kb.dir, 'climate.md'), englishClimate);
    expect((await live.store.reload()).incremental).toBe(true);
    // No settled() here: close alone must leave the snapshot complete.
    await live.close();
    const restarted = open();
    const outcome = await restarted.store.reload();
    expect(outcome.archive.fromSnapshot).toBe(true);
    expect((await who(restarted.view(), 'Rotevatn')).kind).toBe('found');
    await restarted.close();
    // Nothing is written into the folder any more: removing it needs no retries.
    await rm(kb.root, { recursive: true });
  });
});

describe('a damaged snapshot', () => {
  it('fails its checksum and is rebuilt, whether a byte changed or the end is cut off', async () => {
    const kb = await folder({ 'budsjett.md': bokmalBudget, 'climate.md': englishClimate });
    const cache = join(kb.root, 'cache');
    const file = join(cache, 'analysis-snapshot.bin');
    const open = () =>
      new MemoryBackend({ knowledgeDir: kb.dir, cacheDir: cache, logger: createLogger('silent') });
    await open().reload();
    const good = await readFile(file);
    const bodyStart = good.indexOf(10) + 1;

    // One byte changed inside a name: still well-formed JSON, only the checksum can tell.
    const at = good.indexOf('Rotevatn', bodyStart);
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(good);
    flipped[at] = 'X'.charCodeAt(0);
    await writeFile(file, flipped);
    const afterFlip = open();
    const rebuilt = await afterFlip.store.reload();
    expect(rebuilt.archive.fromSnapshot).toBe(false);
    expect((await who(afterFlip.view(), 'Rotevatn')).kind).toBe('found');

    await writeFile(file, good.subarray(0, good.length - 100));
    const afterCut = await open().store.reload();
    expect(afterCut.archive.fromSnapshot).toBe(false);

    // The rebuild wrote a good snapshot again.
    expect((await open().store.reload()).archive.fromSnapshot).toBe(true);
  });
});
