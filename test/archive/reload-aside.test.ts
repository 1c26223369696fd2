import { MessageChannel } from 'node:worker_threads';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalysisFeed,
  analyseAside,
  analyseInWorker,
  startWorkers,
  WORKER_MIN_PASSAGES,
} from '../../src/archive/analyse-aside';
import { parseAnalysis, serializeAnalysis } from '../../src/archive/analysis-text';
import { type AnalysisParts, analyse, mentionMaps } from '../../src/archive/build';
import { joinInSlices } from '../../src/archive/bytes';
import { Slicer } from '../../src/archive/pace';
import { transferablePieces } from '../../src/archive/reply-pieces';
import { decodeAnalysis, encodeAnalysis, sectionsOf } from '../../src/archive/snapshot-body';
import { loadKnowledge } from '../../src/knowledge/load';
import { bokmalBudget, bokmalFollowUp, englishClimate } from '../helpers/articles';
import { generatedArticles } from '../helpers/generated';
import { tempKnowledge } from '../helpers/kb';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function kbWith(files: Record<string, string>) {
  const kb = await tempKnowledge(files);
  cleanups.push(() => kb.cleanup());
  return kb;
}

/**
 * An analysis with the parts it left unparsed read in, as plain data; the directory's
 * stored keys left out (a restored directory answers as a built one: directory.test.ts),
 * and each passage's stored entities checked against what placing the mentions gives.
 */
async function whole(analysis: AnalysisParts): Promise<AnalysisParts> {
  const { readBasis, directory, byPassage, ...parts } = analysis;
  // Read as maps (a snapshot's lists are columns, each list made when read).
  if (byPassage)
    expect({ ids: new Map(byPassage.ids), names: new Map(byPassage.names) }).toEqual(
      await mentionMaps(parts.entities),
    );
  const basis = await readBasis?.();
  if (!basis) return parts;
  // Read as the live structures an update changes: compared as the lists they were written from.
  return {
    ...parts,
    mentions: [...basis.mentions],
    references: [...basis.references],
    lexicon: 'toJSON' in basis.lexicon ? basis.lexicon.toJSON() : basis.lexicon,
  };
}

const written = {
  'budsjett.md': bokmalBudget,
  'laerere.md': bokmalFollowUp,
  'climate.md': englishClimate,
};

describe('analysing on a worker thread', () => {
  it('gives the same analysis as on the main thread (the worker loads TypeScript under vitest)', async () => {
    const kb = await kbWith(written);
    const load = await loadKnowledge(kb.dir);
    const aside = await analyseInWorker(load);
    const { analysis: here } = await analyse(load);
    expect(await whole(aside.analysis)).toEqual(JSON.parse(JSON.stringify(here)));
    expect(aside.analysis.entities.map((e) => e.name)).toContain('Kari Nordmann');
    // The worker stores the directory's keys, so that the main thread need not build them.
    expect(aside.analysis.directory?.order.length).toBe(aside.analysis.entities.length);
    // The worker's index, decoded from its bytes, holds every passage.
    expect(aside.index.size).toBe(load.articles.reduce((n, a) => n + a.passages.length, 0));
  });

  it('splits the work over two workers and gives, byte for byte, the sections one thread gives', async () => {
    // Names found by the one worker are indexed by the other, and dates go the other way.
    const kb = await kbWith({ ...written, ...generatedArticles(30) });
    const load = await loadKnowledge(kb.dir);
    const aside = await analyseInWorker(load);
    const here = await analyse(load);
    const oneThread = Buffer.concat(await encodeAnalysis(here.analysis, here.index));
    expect(Buffer.concat(aside.body).equals(oneThread)).toBe(true);
    expect(here.analysis.timeMentions.length).toBeGreaterThan(0);
    expect(aside.index.search('Kari Nordmann').length).toBeGreaterThan(0);
  });

  it('gives up on a worker that never answers', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    const load = await loadKnowledge(kb.dir);
    const hanging = new URL('./fixtures/hanging-worker.ts', import.meta.url);
    await expect(analyseInWorker(load, hanging, 1_500)).rejects.toThrow(/no answer in 1500 ms/);
  });

  it('rejects when the worker crashes, and analyseAside then analyses on the main thread', async () => {
    const kb = await kbWith({ 'budsjett.md': bokmalBudget });
    const load = await loadKnowledge(kb.dir);
    const crashing = new URL('./fixtures/crashing-worker.ts', import.meta.url);
    await expect(analyseInWorker(load, crashing)).rejects.toThrow(/crashes on purpose/);

    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const result = await analyseAside(load, logger, {
      workerMinPassages: 0,
      inWorker: (l) => analyseInWorker(l, crashing),
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/analysis worker failed; analysing on the main thread/);
    expect(warnings[0]).toMatch(/crashes on purpose/);
    expect(result.analysis.entities.map((e) => e.name)).toContain('Kari Nordmann');
    expect(result.index?.size).toBe(load.articles.reduce((n, a) => n + a.passages.length, 0));
    const body = Buffer.concat(result.body);
    const decoded = await decodeAnalysis(body, sectionsOf(body), load);
    expect(await whole(decoded.analysis)).toEqual(JSON.parse(JSON.stringify(result.analysis)));
  });
});

describe('a full build fed to the workers while the files are read', () => {
  const silent = pino({ level: 'silent' });

  it('gives, byte for byte, the sections one thread gives, the workers started mid-load', async () => {
    const kb = await kbWith({ ...written, ...generatedArticles(30) });
    const feed = new AnalysisFeed({ minPassages: 20 });
    let fedWhileReading = 0;
    const load = await loadKnowledge(kb.dir, {}, undefined, (article) => {
      feed.add(article);
      fedWhileReading++;
    });
    expect(fedWhileReading).toBe(load.articles.length);
    expect(feed.holds(load)).toBe(true);
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const fed = await analyseAside(load, logger, { feed, inWorker: () => Promise.reject() });
    // The fed workers answered: no fallback to a second start or to this thread.
    expect(warnings).toEqual([]);
    const here = await analyse(load);
    const oneThread = Buffer.concat(await encodeAnalysis(here.analysis, here.index));
    expect(Buffer.concat(fed.body).equals(oneThread)).toBe(true);
    expect(fed.index.search('Kari Nordmann').length).toBeGreaterThan(0);
  });

  it('is stopped, and the load analysed afresh, when the folder lists files in another order than the ids sort in', async () => {
    // "a/x.md" is listed before "a-b.md" (the folder "a" sorts first), but sorts after it by id.
    const kb = await kbWith({
      'a-b.md': bokmalBudget,
      'a/x.md': bokmalFollowUp,
      'c.md': englishClimate,
    });
    const started: string[] = [];
    const feed = new AnalysisFeed({
      minPassages: 0,
      start: () => {
        const run = startWorkers();
        started.push('feed');
        return run;
      },
    });
    const load = await loadKnowledge(kb.dir, {}, undefined, (article) => feed.add(article));
    expect(load.articles.map((a) => a.id)).toEqual(['a-b.md', 'a/x.md', 'c.md']);
    expect(started).toEqual(['feed']);
    expect(feed.holds(load)).toBe(false);
    const result = await analyseAside(load, silent, { feed, workerMinPassages: 0 });
    const here = await analyse(load);
    const oneThread = Buffer.concat(await encodeAnalysis(here.analysis, here.index));
    expect(Buffer.concat(result.body).equals(oneThread)).toBe(true);
  });

  it('starts no worker below the threshold (the main thread analyses a small archive)', async () => {
    const kb = await kbWith(written);
    let starts = 0;
    const feed = new AnalysisFeed({
      start: () => {
        starts++;
        return startWorkers();
      },
    });
    const load = await loadKnowledge(kb.dir, {}, undefined, (article) => feed.add(article));
    const result = await analyseAside(load, silent, { feed });
    expect(starts).toBe(0);
    expect(result.analysis.entities.map((e) => e.name)).toContain('Kari Nordmann');
  });

  it('falls back to the main thread when its workers crash', async () => {
    const kb = await kbWith(written);
    const crashing = new URL('./fixtures/crashing-worker.ts', import.meta.url);
    const feed = new AnalysisFeed({ minPassages: 0, start: () => startWorkers(crashing) });
    const load = await loadKnowledge(kb.dir, {}, undefined, (article) => feed.add(article));
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const result = await analyseAside(load, logger, { feed });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/crashes on purpose/);
    expect(result.analysis.entities.map((e) => e.name)).toContain('Kari Nordmann');
  });
});

describe('the analysis as text', () => {
  it('round-trips over many lines, and refuses text that was cut short', async () => {
    const kb = await kbWith(generatedArticles(40));
    const { analysis } = await analyse(await loadKnowledge(kb.dir));
    const text = serializeAnalysis(analysis);
    expect(text.split('\n').length).toBeGreaterThan(4);
    const parsed = await parseAnalysis(text);
    expect(parsed.byPassage?.ids.size).toBeGreaterThan(0);
    expect(await whole(parsed)).toEqual(JSON.parse(JSON.stringify(analysis)));
    const cut = text.slice(0, text.lastIndexOf('\n', text.lastIndexOf('\n') - 1));
    await expect(parseAnalysis(cut)).rejects.toThrow(/incomplete/);
    await expect(parseAnalysis(`${text}\n{"surprise":1}`)).rejects.toThrow();
  });
});

describe('answers during a reload', () => {
  // Behaviour only: how long the event loop pauses is measured by `npm run bench`.
  it('come from the old archive while the new one is built, then from the new one', async () => {
    // Above WORKER_MIN_PASSAGES: analysed on the worker, and long enough to ask meanwhile.
    const kb = await kbWith({ ...generatedArticles(200), 'budsjett.md': bokmalBudget });
    const { kilde } = kb;
    expect((await kilde.status()).passages).toBeGreaterThan(WORKER_MIN_PASSAGES);
    expect((await kilde.who('Kari Nordmann')).kind).toBe('found');
    expect((await kilde.who('Rotevatn')).kind).toBe('unknown');
    await kb.write({ 'climate.md': englishClimate });

    const seen: string[] = [];
    const reload = kilde.reload();
    let done = false;
    void reload.finally(() => {
      done = true;
    });
    // Ask while the reload runs: each round yields to the event loop, as a user's would.
    while (!done) {
      const old = (await kilde.search('budsjett Lillevik')).kind;
      const fresh = (await kilde.who('Rotevatn')).kind;
      if (!done) seen.push(`${old}|${fresh}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const report = await reload;
    expect(report.added).toEqual(['climate.md']);
    expect(seen.length).toBeGreaterThan(0);
    // Until the swap every answer came from one archive: the old one, or (at the very end) the new one.
    for (const round of seen) expect(['found|unknown', 'found|found']).toContain(round);
    expect((await kilde.who('Rotevatn')).kind).toBe('found');
  }, 300_000);
});

describe("a worker's reply in pieces", () => {
  it('arrives as the same bytes in order, whole buffers moved, shared or partial ones copied', async () => {
    const chunk = Uint8Array.from({ length: 64 }, (_, i) => i);
    const whole = Uint8Array.from({ length: 32 }, (_, i) => 200 + i);
    // A short string's bytes are a view of Node's shared pool, which must stay usable here.
    const pooled = Buffer.from('kort tekst');
    const pieces = [
      Buffer.alloc(8, 1),
      chunk.subarray(0, 10),
      pooled,
      whole,
      chunk.subarray(10),
      whole,
      Buffer.from('ø'.repeat(10_000)),
    ];
    const expected = Buffer.concat(pieces.map((piece) => Buffer.from(piece)));
    const { pieces: sent, transfer } = transferablePieces(pieces);
    // Each buffer once; the pool and the partly sent chunk stay here.
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(transfer).toContain(whole.buffer);
    expect(transfer).not.toContain(pooled.buffer);
    expect(transfer).not.toContain(chunk.buffer);
    const { port1, port2 } = new MessageChannel();
    const arrived = new Promise<Uint8Array[]>((resolve) => port2.once('message', resolve));
    port1.postMessage(sent, transfer);
    const received = await arrived;
    port1.close();
    expect(whole.byteLength).toBe(0);
    expect(Buffer.from('x').toString()).toBe('x');
    expect(Buffer.concat(received).equals(expected)).toBe(true);
    expect((await joinInSlices(received, new Slicer())).equals(expected)).toBe(true);
  });
});
