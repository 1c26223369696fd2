import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { LoadResult } from '../knowledge/types';
import { ANALYZER_VERSION } from '../language';
import type { PassageIndex } from '../search';
import { Interner } from './analysis-text';
import type { AnalysisParts } from './build';
import { breathe } from './pace';
import { decodeAnalysis, decodeLoad, sectionsOf } from './snapshot-body';

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
const SNAPSHOT_FORMAT = 6;
/** Checked between breaths: CRC-32 runs at a few GB/s, so a slice stays a few ms. */
const CHECK_SLICE_BYTES = 8 * 1024 * 1024;
const srcDir = dirname(dirname(fileURLToPath(import.meta.url)));
const ANALYSIS_CODE = ['knowledge', 'language', 'extract', 'search', 'archive'];

let codeHash: Promise<string> | undefined;

async function hashSources(dir: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await hashSources(path, hash);
    else if (/\.(ts|js)$/.test(entry.name)) hash.update(entry.name).update(await readFile(path));
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
 * The cached knowledge for `key`, or undefined when there is none, it was made by other
 * code, or it is damaged. The header names the body's length and CRC-32: a body cut short
 * or changed on disk fails that check, and the caller analyses afresh instead of trusting
 * whatever the file holds. Decoded in slices, so that a restart does not hold up the event
 * loop (a large snapshot is hundreds of MB).
 */
export async function readSnapshot(cacheDir: string, key: string): Promise<Restored | undefined> {
  try {
    const bytes = await readFile(fileFor(cacheDir));
    const headerEnd = bytes.indexOf(10);
    if (headerEnd < 0) return undefined;
    const header: unknown = JSON.parse(bytes.toString('utf8', 0, headerEnd));
    if (
      typeof header === 'object' &&
      header !== null &&
      'format' in header &&
      header.format === SNAPSHOT_FORMAT &&
      'key' in header &&
      header.key === key &&
      'bytes' in header &&
      header.bytes === bytes.length - headerEnd - 1 &&
      'crc32' in header &&
      header.crc32 === (await checksum([bytes.subarray(headerEnd + 1)]))
    ) {
      const sections = sectionsOf(bytes, headerEnd + 1);
      // The analysis's references to passages and the index's: one string for each id.
      const ids = new Interner();
      const load = await decodeLoad(bytes, sections);
      const { analysis, index } = await decodeAnalysis(bytes, sections, load, ids);
      return { load, analysis, index };
    }
  } catch {
    // No snapshot, or an unreadable one: analyse afresh.
  }
  return undefined;
}

/**
 * Stores the snapshot's sections (snapshot-body.ts) under `key`. Written piece by piece,
 * never as one string, and atomically (temp file + rename) so a crash mid-write never
 * leaves a corrupt cache.
 */
export async function writeSnapshot(
  cacheDir: string,
  key: string,
  pieces: readonly Uint8Array[],
): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = fileFor(cacheDir);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const crc = await checksum(pieces);
    const bytes = pieces.reduce((n, p) => n + p.length, 0);
    const header = JSON.stringify({ format: SNAPSHOT_FORMAT, key, bytes, crc32: crc });
    const file = await open(temp, 'w');
    try {
      await file.write(`${header}\n`);
      for (const piece of pieces) await file.write(piece);
    } finally {
      await file.close();
    }
    await rename(temp, target);
    // The string snapshot of format 3 and before, never read again: hundreds of MB at 400k.
    await rm(join(cacheDir, 'analysis-snapshot.json'), { force: true });
  } finally {
    await rm(temp, { force: true });
  }
}
