import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/archive/bytes';
import { combineCrc32 } from '../../src/archive/crc';
import { DOCUMENTS_PER_BLOCK, writeIndex } from '../../src/archive/index-bytes';
import { Slicer } from '../../src/archive/pace';
import { SnapshotFile, writeSnapshot } from '../../src/archive/snapshot';
import { GatheredSections, type SectionSink, sectionsOf } from '../../src/archive/snapshot-body';
import type { Article } from '../../src/knowledge/types';
import { PassageIndex } from '../../src/search';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function cacheDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kilde-snapshot-file-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const KEY = 'a'.repeat(32);

/** Sections of every size that matters to the file: empty, small, and past its 1 MB stage. */
async function someSections(sink: SectionSink): Promise<void> {
  await sink.begin('LOAD');
  await sink.text('{"head":true}\n');
  for (let i = 0; i < 40; i++) await sink.text(`${'æøå line '.repeat(3000)}${i}\n`);
  await sink.end();
  await sink.begin('ANLY');
  await sink.end();
  await sink.begin('INDX');
  await sink.bytes(randomBytes(3 << 20));
  await sink.bytes(randomBytes(10));
  await sink.text('x'.repeat(400_000));
  await sink.end();
  await sink.begin('BASE');
  await sink.bytes(randomBytes(100));
  await sink.end();
}

/** The file's header (JSON, padding allowed) and body, as readSnapshot reads them. */
async function readBack(dir: string) {
  const bytes = await readFile(join(dir, 'analysis-snapshot.bin'));
  const end = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString('utf8', 0, end)) as {
    format: number;
    key: string;
    bytes: number;
    crc32: number;
  };
  return { header, body: bytes.subarray(end + 1) };
}

describe('a snapshot written to its file as it is encoded', () => {
  it('holds the bytes the same sections gathered in memory make, with their length and CRC', async () => {
    const dir = await cacheDir();
    const file = await SnapshotFile.create(dir, KEY);
    // The same random bytes both ways: record them once.
    const recorded: [kind: 'begin' | 'text' | 'bytes' | 'end', value: unknown][] = [];
    const recorder: SectionSink = {
      streams: true,
      begin: (tag) => void recorded.push(['begin', tag]),
      text: (text) => void recorded.push(['text', text]),
      bytes: (bytes) => void recorded.push(['bytes', Buffer.from(bytes)]),
      end: () => void recorded.push(['end', undefined]),
    };
    await someSections(recorder);
    const gathered = new GatheredSections();
    for (const sink of [file, gathered] as SectionSink[]) {
      for (const [kind, value] of recorded) {
        if (kind === 'begin') await sink.begin(value as 'LOAD');
        else if (kind === 'text') await sink.text(value as string);
        else if (kind === 'bytes') await sink.bytes(value as Buffer);
        else await sink.end();
      }
    }
    await file.finish();
    const expected = Buffer.concat(gathered.pieces);
    const { header, body } = await readBack(dir);
    expect(body.equals(expected)).toBe(true);
    expect(header).toEqual({
      format: expect.any(Number),
      key: KEY,
      bytes: expected.length,
      crc32: crc32(expected),
    });
    expect([...sectionsOf(body).keys()]).toEqual(['LOAD', 'ANLY', 'INDX', 'BASE']);
    expect(await readdir(dir)).toEqual(['analysis-snapshot.bin']);
  });

  it('leaves the snapshot on disk as it was, and no temp file, when discarded half-way', async () => {
    const dir = await cacheDir();
    await writeSnapshot(dir, KEY, [Buffer.from('LOAD\u0003\u0000\u0000\u0000abc', 'latin1')]);
    const before = await readFile(join(dir, 'analysis-snapshot.bin'));
    const file = await SnapshotFile.create(dir, 'b'.repeat(32));
    await file.begin('LOAD');
    await file.bytes(randomBytes(2 << 20));
    await file.discard();
    expect((await readFile(join(dir, 'analysis-snapshot.bin'))).equals(before)).toBe(true);
    expect(await readdir(dir)).toEqual(['analysis-snapshot.bin']);
  });

  it('writes pieces made elsewhere (a worker) as they are, and removes the old JSON snapshot', async () => {
    const dir = await cacheDir();
    await writeFile(join(dir, 'analysis-snapshot.json'), '{}');
    const gathered = new GatheredSections();
    await someSections(gathered);
    await writeSnapshot(dir, KEY, gathered.pieces);
    const { header, body } = await readBack(dir);
    expect(body.equals(Buffer.concat(gathered.pieces))).toBe(true);
    expect(header.crc32).toBe(crc32(body));
    expect(await readdir(dir)).toEqual(['analysis-snapshot.bin']);
  });
});

describe('CRC-32 of joined bytes from the parts', () => {
  it('is the CRC-32 of the whole, for empty, small and large parts', () => {
    for (const [a, b] of [
      [0, 0],
      [5, 0],
      [0, 5],
      [8, 1000],
      [100_000, 3 << 20],
    ]) {
      const first = randomBytes(a ?? 0);
      const second = randomBytes(b ?? 0);
      expect(combineCrc32(crc32(first), crc32(second), second.length)).toBe(
        crc32(Buffer.concat([first, second])),
      );
    }
  });
});

describe("an index's bytes written in steps", () => {
  it('are the same bytes, a frequent term written in many steps and spilled a piece at a time', async () => {
    // Three terms in 6,000 passages each: their postings are written 4,096 at a time.
    const articles: Article[] = Array.from({ length: 60 }, (_, a) => ({
      id: `a${a}.md`,
      file: `a${a}.md`,
      title: `Sak ${a}`,
      published: { start: '2020-01-01', end: '2020-01-01', granularity: 'day' },
      language: 'nb',
      languageDetected: false,
      tags: [],
      hash: `h${a}`,
      passages: Array.from({ length: 100 }, (_, p) => ({
        id: `a${a}.md#${p}`,
        articleId: `a${a}.md`,
        index: p,
        line: p + 5,
        text: `Kommunen vedtok budsjettet ${a * 100 + p}.`,
        language: 'nb',
      })),
    }));
    const index = PassageIndex.build({ articles, aliases: [] });
    // Opened (as a search or an update opens them), so written from the maps.
    index.search('kommunen budsjettet');
    const oneGo = new ByteWriter(1 << 10);
    await writeIndex(index, oneGo);
    const stepped = new ByteWriter(1 << 10);
    const spilled: Buffer[] = [];
    // A slicer always due breathes after each block of documents and each term: the
    // breaths past those came inside a term's postings.
    let breaths = 0;
    const pace = new Slicer(0);
    const breathe = pace.breathe.bind(pace);
    pace.breathe = () => {
      breaths++;
      return breathe();
    };
    await writeIndex(index, stepped, pace, {
      bytes: 4096,
      async take() {
        for (const piece of stepped.drain()) spilled.push(Buffer.from(piece));
      },
    });
    spilled.push(...stepped.drain().map((piece) => Buffer.from(piece)));
    expect(spilled.length).toBeGreaterThan(5);
    expect(Buffer.concat(spilled).equals(Buffer.from(oneGo.bytes()))).toBe(true);
    const blocks = Math.ceil(index.size / DOCUMENTS_PER_BLOCK);
    const inside = breaths - blocks - index.searchIndex.termCount;
    expect(inside).toBeGreaterThanOrEqual(3);
  });
});
