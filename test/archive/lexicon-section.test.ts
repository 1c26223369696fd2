/**
 * The shipped lexicon in the snapshot (`LEXI`): a restart takes its tables as this code read
 * them, the supplement stemmed, rather than reading and stemming the files again. (A file
 * of its own: the lexicon is read once per process, and these tests read it fresh.)
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  decodeLexicon,
  GatheredSections,
  sectionsOf,
  writeLexicon,
} from '../../src/archive/snapshot-body';
import { KnowledgeStore } from '../../src/archive/store';
import { LEXICON_TABLES, shippedLexiconTables } from '../../src/language/lexicon';
import { createLogger } from '../../src/logger';
import { bokmalBudget, englishClimate } from '../helpers/articles';
import { tempFolder } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const UNPACED = { due: () => false, breathe: () => Promise.resolve() };
/** Words of the generated file, the hand-written supplement, and neither. */
const ENGLISH = ['talks', 'evening', 'government', 'election', 'salmon', 'killed', 'zzzq'];
const NORWEGIAN = ['regjering', 'valg', 'laks', 'samtal', 'drep', 'zzzq'];

async function lexiconBytes(): Promise<Buffer> {
  const sink = new GatheredSections();
  await writeLexicon(sink);
  return Buffer.concat(sink.pieces);
}

describe("the snapshot's lexicon section", () => {
  it('decodes to the tables the shipped lexicon was read into, entry for entry', async () => {
    const bytes = await lexiconBytes();
    const decoded = await decodeLexicon(bytes, sectionsOf(bytes));
    const shipped = await shippedLexiconTables(UNPACED);
    for (const name of LEXICON_TABLES) {
      expect(shipped[name].size).toBeGreaterThan(0);
      expect([...(decoded?.[name] ?? [])]).toEqual([...shipped[name]]);
    }
  });

  it('is refused when cut short or when a line is not the lexicon’s', async () => {
    const bytes = await lexiconBytes();
    const lines = bytes.subarray(8).toString().trimEnd().split('\n');
    const section = (text: string) => {
      const payload = Buffer.from(text);
      const head = Buffer.alloc(8);
      head.write('LEXI', 0, 'latin1');
      head.writeUInt32LE(payload.length, 4);
      return Buffer.concat([head, payload]);
    };
    for (const damaged of [
      section(lines.slice(1).join('\n')),
      section(lines.slice(0, -1).join('\n')),
      section([...lines.slice(0, -1), '{"other":[]}', ...lines.slice(-1)].join('\n')),
    ]) {
      await expect(decodeLexicon(damaged, sectionsOf(damaged))).rejects.toThrow();
    }
  });

  it('gives a process that has not read the lexicon one that answers as the files read', async () => {
    const bytes = await lexiconBytes();
    const decoded = await decodeLexicon(bytes, sectionsOf(bytes));
    const { lexicon: read } = await import('../../src/language/lexicon');
    vi.resetModules();
    const fresh = await import('../../src/language/lexicon');
    expect(fresh.lexiconRead()).toBe(false);
    if (!decoded) throw new Error('no lexicon section');
    fresh.adoptShippedLexicon(decoded);
    expect(fresh.lexiconRead()).toBe(true);
    for (const word of ENGLISH) {
      expect(fresh.lexicon().translateEnglish(word)).toEqual(read().translateEnglish(word));
      expect(fresh.lexicon().knows(word, 'en')).toBe(read().knows(word, 'en'));
    }
    for (const stem of NORWEGIAN) {
      expect(fresh.lexicon().translate(stem, 'no')).toEqual(read().translate(stem, 'no'));
      expect(fresh.lexicon().knows(stem, 'no')).toBe(read().knows(stem, 'no'));
    }
  });

  it('is written by a full build and by an update', async () => {
    const kb = await tempFolder({ 'budsjett.md': bokmalBudget }, 'kilde-lexicon-section-');
    cleanups.push(kb.cleanup);
    const cache = join(kb.root, 'cache');
    const sectionsOnDisk = async () => {
      const file = await readFile(join(cache, 'analysis-snapshot.bin'));
      return [...sectionsOf(file, file.indexOf(10) + 1).keys()];
    };
    const store = new KnowledgeStore(kb.dir, cache, createLogger('silent'));
    await store.reload();
    await store.settled();
    expect(await sectionsOnDisk()).toContain('LEXI');
    await kb.write({ 'climate.md': englishClimate });
    const update = await store.reload();
    await store.settled();
    expect(update.incremental).toBe(true);
    expect(await sectionsOnDisk()).toContain('LEXI');
  });
});
