import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import type { LoadResult } from '../knowledge/types';
import { ANALYZER_VERSION } from '../language';
import { adoptShippedLexicon, lexiconRead } from '../language/lexicon';
import type { PassageIndex } from '../search';
import { Interner } from './analysis-text';
import type { AnalysisParts } from './build';
import { combineCrc32 } from './crc';
import { breathe } from './pace';
import {
  decodeAnalysisText,
  decodeIndex,
  decodeLexicon,
  decodeLoad,
  type SectionSink,
  type SectionTag,
  sectionsOf,
} from './snapshot-body';

/** The CRC-32 of the pieces, computed in slices so that a large snapshot never holds up answers. */
async function checksum(pieces: readonly Uint8Array[]): Promise<number> {
  let crc = 0;
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; at += CHECK_SLICE_BYTES) {
      crc = crc32(piece.subarray(at, Math.min(piece.length, at + CHECK_SLICE_BYTES)), crc);
      await breathe();
    }
  }
  return crc;
}

// Plain JavaScript (an eval worker runs as CommonJS): no loader, no TypeScript.
const CRC_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { crc32 } = require('node:zlib');
const { buffer, start, end } = workerData;
parentPort.postMessage(crc32(new Uint8Array(buffer, start, end - start)));
`;

/**
 * The CRC-32 of `bytes` (over shared memory), worked out on a worker thread while the main
 * thread decodes them: on the main thread, even in slices, it was 90-130 ms of a warm
 * start's main thread at 400k passages before any decoding. Where the worker cannot run,
 * in slices here.
 */
function checksumAside(bytes: Buffer): Promise<number> {
  return new Promise<number>((resolve) => {
    let settled = false;
    const done = (crc: number | Promise<number>) => {
      settled = true;
      resolve(crc);
    };
    // Only once the worker failed: its exit after answering must not start the check here.
    const here = () => {
      if (!settled) done(checksum([bytes]));
    };
    try {
      const worker = new Worker(CRC_WORKER, {
        eval: true,
        workerData: {
          buffer: bytes.buffer,
          start: bytes.byteOffset,
          end: bytes.byteOffset + bytes.length,
        },
      });
      worker.once('message', (crc: unknown) => (typeof crc === 'number' ? done(crc) : here()));
      worker.once('error', here);
      worker.once('exit', here);
    } catch {
      here();
    }
  });
}

/**
 * A snapshot file's bytes, in memory a worker can read too (`checksumAside`), read in large
 * chunks rather than `readFile`'s 512 KB ones: fewer turns of the event loop.
 */
async function readShared(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let done = 0;
    while (done < size) {
      const length = Math.min(READ_CHUNK_BYTES, size - done);
      const { bytesRead } = await file.read(bytes, done, length, done);
      if (bytesRead === 0) throw new Error('Snapshot file shorter than its size');
      done += bytesRead;
    }
    return bytes;
  } finally {
    await file.close();
  }
}

/**
 * The loaded knowledge and its analysis, cached on disk under a key made of the code that
 * analyses it: a restart takes the articles of unchanged files (by stat, see
 * knowledge/load.ts) and their analysis from here, and any change to the analysis code
 * invalidates it. Changed files are then applied as a reload would.
 */
// 4: a header line (with the body's length and CRC-32), then tagged sections
// (snapshot-body.ts): the loaded files, the analysis as lines, the index as bytes.
// 5: the entity directory's keys as columns (`DIRC`).
// 6: the articles' heads before the articles, which are parsed on first use; the entities'
// heads before the entities, whose roles and mentions are parsed on first use; each
// passage's entities.
// 7: what the live merge's restore reads of each entity (`MRGE`, merge-section.ts).
// 8: the index's documents as columns, and a table of the term tree's inner nodes, which a
// restart opens on first use (index-bytes.ts).
// 9: the tree table counts each subtree's terms, so that a subtree never opened is written
// again as it was read.
// 10: the `MRGE` section also holds the key of each name of the `BASE` section, so that the
// live merge's restore folds none.
// 11: the directory's name and role keys with their two sort orders (`DIRC`), so that a
// restart does not sort them again.
// 12: the shipped lexicon's tables (`LEXI`), which the key now covers with the other data
// files of the analysing code (`.tsv`), so that a restart neither reads nor stems them.
// 13: the `BASE` section as columns (basis-columns.ts), not lines of JSON.
// 14: the `LOAD` section's problems, failed files and stamps in lines of their own after its
// head (the stamps as columns), not in the head line: a restart parses them in slices.
const SNAPSHOT_FORMAT = 14;
/** Checked between breaths (where no worker can): CRC-32 runs at a few GB/s, so a slice stays a few ms. */
const CHECK_SLICE_BYTES = 8 * 1024 * 1024;
/** Read at once. */
const READ_CHUNK_BYTES = 8 * 1024 * 1024;
const srcDir = dirname(dirname(fileURLToPath(import.meta.url)));
const ANALYSIS_CODE = ['knowledge', 'language', 'extract', 'search', 'archive'];

let codeHash: Promise<string> | undefined;

async function hashSources(dir: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await hashSources(path, hash);
    // The code and its data files (the lexicons: the analysis reads them, and `LEXI` holds one).
    else if (/\.(ts|js|tsv)$/.test(entry.name))
      hash.update(entry.name).update(await readFile(path));
  }
}

function analysisCodeHash(): Promise<string> {
  codeHash ??= (async () => {
    const hash = createHash('sha256');
    for (const part of ANALYSIS_CODE) await hashSources(join(srcDir, part), hash);
    return hash.digest('hex');
  })();
  return codeHash;
}

export async function snapshotKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({ SNAPSHOT_FORMAT, ANALYZER_VERSION, code: await analysisCodeHash() }),
  );
  return hash.digest('hex').slice(0, 32);
}

const fileFor = (cacheDir: string) => join(cacheDir, 'analysis-snapshot.bin');

export interface Restored {
  load: LoadResult;
  analysis: AnalysisParts;
  index: PassageIndex;
}

/**
 * The cached knowledge for `key` (awaited once the file is read), or undefined when there is none, it was made by other
 * code, or it is damaged. The header names the body's length and CRC-32: a body cut short
 * or changed on disk fails that check, and the caller analyses afresh instead of trusting
 * whatever the file holds. Decoded in slices, so that a restart does not hold up the event
 * loop (a large snapshot is hundreds of MB).
 */
export async function readSnapshot(
  cacheDir: string,
  key: string | Promise<string>,
): Promise<Restored | undefined> {
  try {
    const bytes = await readShared(fileFor(cacheDir));
    const wanted = await key;
    const headerEnd = bytes.indexOf(10);
    if (headerEnd < 0) return undefined;
    const header: unknown = JSON.parse(bytes.toString('utf8', 0, headerEnd));
    if (
      typeof header === 'object' &&
      header !== null &&
      'format' in header &&
      header.format === SNAPSHOT_FORMAT &&
      'key' in header &&
      header.key === wanted &&
      'bytes' in header &&
      header.bytes === bytes.length - headerEnd - 1 &&
      'crc32' in header &&
      typeof header.crc32 === 'number'
    ) {
      // Checked aside while the body is decoded: a body whose check then fails is dropped
      // (bytes that make the decoding throw fail it before, as unreadable).
      const body = bytes.subarray(headerEnd + 1);
      const crc = checksumAside(body);
      const sections = sectionsOf(bytes, headerEnd + 1);
      // The analysis's references to passages and the index's: one string for each id.
      const ids = new Interner();
      const load = await decodeLoad(bytes, sections);
      // The shipped lexicon as this code read it, unless it is read already (a test's process).
      const lexicon = lexiconRead() ? undefined : await decodeLexicon(bytes, sections);
      const analysis = await decodeAnalysisText(bytes, sections, ids);
      if (lexicon) {
        // Taken once the checksum vouched for it (see `decodeLexicon`), and before the
        // index, whose restore reads the files when the lexicon has not been read.
        if ((await crc) !== header.crc32) return undefined;
        adoptShippedLexicon(lexicon);
      }
      const index = await decodeIndex(bytes, sections, load);
      if ((await crc) !== header.crc32) return undefined;
      return { load, analysis, index };
    }
  } catch {
    // No snapshot, or an unreadable one: analyse afresh.
  }
  return undefined;
}

/**
 * Stores the snapshot's sections (snapshot-body.ts) under `key`, given as their pieces.
 * Written piece by piece, never as one string, and atomically (temp file + rename) so a
 * crash mid-write never leaves a corrupt cache.
 */
export async function writeSnapshot(
  cacheDir: string,
  key: string,
  pieces: readonly Uint8Array[],
): Promise<void> {
  const file = await SnapshotFile.create(cacheDir, key);
  try {
    for (const piece of pieces) await file.raw(piece);
    await file.finish();
  } finally {
    await file.discard();
  }
}

/**
 * The header line's width: its JSON, then spaces (JSON allows them) up to the newline.
 * Written last, in place, once the body's length and CRC-32 are known.
 */
const HEADER_WIDTH = 127;
/** Bytes gathered before they go to the file in one write. */
const STAGE_BYTES = 1 << 20;
/** What `raw` checks and writes per step (a millisecond or two of CRC-32). */
const RAW_SLICE_BYTES = 4 << 20;

/**
 * A snapshot written to its file as its sections are encoded (a `SectionSink`): only a
 * megabyte is held at a time, the stage, reused. Each section's head is written as a
 * placeholder and its length put in once the section ends (in the stage if still there,
 * in the file otherwise); the body's CRC-32 is put together from the heads' and payloads'
 * (`combineCrc32`). The file is a temp file until `finish` renames it over the snapshot;
 * `discard` removes it if it is still there.
 */
export class SnapshotFile implements SectionSink {
  readonly streams = true;
  readonly #stage = Buffer.allocUnsafe(STAGE_BYTES);
  #staged = 0;
  /** Body bytes already in the file (the stage holds those after them). */
  #flushed = 0;
  /** CRC-32 of the body up to the open section's head, or of all of it when none is open. */
  #crc = 0;
  #section: { tag: SectionTag; at: number; crc: number; length: number } | undefined;
  #open = true;

  private constructor(
    private readonly file: FileHandle,
    private readonly temp: string,
    private readonly target: string,
    private readonly key: string,
  ) {}

  static async create(cacheDir: string, key: string): Promise<SnapshotFile> {
    await mkdir(cacheDir, { recursive: true });
    const target = fileFor(cacheDir);
    const temp = `${target}.${process.pid}.tmp`;
    const file = await open(temp, 'w');
    return new SnapshotFile(file, temp, target, key);
  }

  /** Body bytes so far. */
  get #length(): number {
    return this.#flushed + this.#staged;
  }

  begin(tag: SectionTag): Promise<void> {
    if (this.#section) throw new Error(`Snapshot section ${this.#section.tag} not ended`);
    this.#section = { tag, at: this.#length, crc: 0, length: 0 };
    // The head's place, filled in by `end`; not part of any CRC until then.
    return this.#put(new Uint8Array(8));
  }

  async text(text: string): Promise<void> {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (text.length * 3 > STAGE_BYTES) return this.bytes(Buffer.from(text));
    if (this.#staged + text.length * 3 > STAGE_BYTES) await this.#flush();
    const written = this.#stage.write(text, this.#staged);
    this.#counted(this.#stage.subarray(this.#staged, this.#staged + written));
    this.#staged += written;
  }

  bytes(bytes: Uint8Array): Promise<void> {
    this.#counted(bytes);
    return this.#put(bytes);
  }

  async end(): Promise<void> {
    const section = this.#section;
    if (!section) throw new Error('No snapshot section to end');
    this.#section = undefined;
    const head = Buffer.alloc(8);
    head.write(section.tag, 0, 'latin1');
    head.writeUInt32LE(section.length, 4);
    if (section.at >= this.#flushed) head.copy(this.#stage, section.at - this.#flushed);
    else await this.file.write(head, 0, 8, HEADER_WIDTH + 1 + section.at);
    this.#crc = combineCrc32(this.#crc, crc32(head), 8);
    this.#crc = combineCrc32(this.#crc, section.crc, section.length);
  }

  /**
   * Bytes of the body as they are, outside any section (sections a worker encoded), a few
   * MB between breaths: a worker's reply is one buffer (90 MB at 400k passages), and its
   * CRC-32 in one step held the main thread 33-43 ms.
   */
  async raw(bytes: Uint8Array): Promise<void> {
    for (let at = 0; at < bytes.length; at += RAW_SLICE_BYTES) {
      await this.bytes(bytes.subarray(at, Math.min(bytes.length, at + RAW_SLICE_BYTES)));
      if (at + RAW_SLICE_BYTES < bytes.length) await breathe();
    }
  }

  /** Puts the header in and the file in the snapshot's place. */
  async finish(): Promise<void> {
    if (this.#section) throw new Error(`Snapshot section ${this.#section.tag} not ended`);
    await this.#flush();
    const header = JSON.stringify({
      format: SNAPSHOT_FORMAT,
      key: this.key,
      bytes: this.#length,
      crc32: this.#crc,
    });
    if (header.length > HEADER_WIDTH) throw new Error('Snapshot header too long');
    await this.file.write(`${header.padEnd(HEADER_WIDTH)}\n`, 0, 'utf8');
    this.#open = false;
    await this.file.close();
    await rename(this.temp, this.target);
    // The string snapshot of format 3 and before, never read again: hundreds of MB at 400k.
    await rm(join(dirname(this.target), 'analysis-snapshot.json'), { force: true });
  }

  /** Closes and removes the temp file, unless `finish` put it in place. */
  async discard(): Promise<void> {
    if (this.#open) {
      this.#open = false;
      await this.file.close().catch(() => undefined);
    }
    await rm(this.temp, { force: true });
  }

  /** Payload bytes go into the open section's CRC, others straight into the body's. */
  #counted(bytes: Uint8Array): void {
    const section = this.#section;
    if (!section) this.#crc = crc32(bytes, this.#crc);
    else {
      section.crc = crc32(bytes, section.crc);
      section.length += bytes.length;
    }
  }

  async #put(bytes: Uint8Array): Promise<void> {
    if (this.#staged + bytes.length <= STAGE_BYTES) {
      this.#stage.set(bytes, this.#staged);
      this.#staged += bytes.length;
      return;
    }
    await this.#flush();
    if (bytes.length <= STAGE_BYTES / 2) {
      this.#stage.set(bytes, 0);
      this.#staged = bytes.length;
      return;
    }
    await this.#writeAll(bytes, HEADER_WIDTH + 1 + this.#flushed);
    this.#flushed += bytes.length;
  }

  async #flush(): Promise<void> {
    if (this.#staged === 0) return;
    await this.#writeAll(this.#stage.subarray(0, this.#staged), HEADER_WIDTH + 1 + this.#flushed);
    this.#flushed += this.#staged;
    this.#staged = 0;
  }

  async #writeAll(bytes: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.file.write(
        bytes,
        done,
        bytes.length - done,
        position + done,
      );
      done += bytesWritten;
    }
  }
}
