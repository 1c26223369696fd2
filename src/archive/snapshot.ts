import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../knowledge/types';
import { ANALYZER_VERSION } from '../language';
import { parseAnalysis } from './analysis-text';
import type { Analysis } from './build';
import { breathe } from './pace';

/** The sha256 of bytes[from..], hashed in slices so that a large snapshot never holds up answers. */
async function checksum(bytes: Buffer, from: number): Promise<string> {
  const hash = createHash('sha256');
  for (let at = from; at < bytes.length; at += HASH_SLICE_BYTES) {
    hash.update(bytes.subarray(at, Math.min(bytes.length, at + HASH_SLICE_BYTES)));
    await breathe();
  }
  return hash.digest('hex');
}

/**
 * The analysis of a knowledge base, cached on disk under a key made of the knowledge
 * files' hashes and the code that analyses them: a restart with unchanged knowledge does
 * not re-analyse, and any change to the files or to the analysis code invalidates it.
 */
// 3: a header line (with the body's length and sha256), then the analysis as text of small
// lines (see analysis-text.ts), names per passage and the lexicon included.
const SNAPSHOT_FORMAT = 3;
/** Hashed between breaths: sha256 runs at several hundred MB/s, so a slice stays a few ms. */
const HASH_SLICE_BYTES = 4 * 1024 * 1024;
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

export async function snapshotKey(load: LoadResult): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({ SNAPSHOT_FORMAT, ANALYZER_VERSION, code: await analysisCodeHash() }),
  );
  for (const article of [...load.articles].sort((a, b) => a.id.localeCompare(b.id))) {
    hash.update(`${article.id}\0${article.hash}\0`);
  }
  hash.update(JSON.stringify(load.aliases.map((g) => g.names)));
  return hash.digest('hex').slice(0, 32);
}

const fileFor = (cacheDir: string) => join(cacheDir, 'analysis-snapshot.json');

/**
 * The cached analysis for `key`, or undefined when there is none, it was made for other
 * knowledge or code, or it is damaged. The header names the body's length and sha256: a
 * body cut short or changed on disk fails that check, and the caller analyses afresh,
 * instead of trusting whatever the file holds. Read as bytes, hashed and parsed line by
 * line, so that a restart does not hold up the event loop (a large snapshot is hundreds of MB).
 */
export async function readSnapshot(cacheDir: string, key: string): Promise<Analysis | undefined> {
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
      'sha256' in header &&
      header.sha256 === (await checksum(bytes, headerEnd + 1))
    ) {
      return await parseAnalysis(bytes, headerEnd + 1);
    }
  } catch {
    // No snapshot, or an unreadable one: analyse afresh.
  }
  return undefined;
}

/**
 * Stores an analysis's text (see analysis-text.ts) under `key`. Writes atomically (temp
 * file + rename) so a crash mid-write never leaves a corrupt cache.
 */
export async function writeSnapshot(cacheDir: string, key: string, text: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = fileFor(cacheDir);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    const body = Buffer.from(text);
    const sha256 = await checksum(body, 0);
    const header = JSON.stringify({ format: SNAPSHOT_FORMAT, key, bytes: body.length, sha256 });
    await writeFile(temp, Buffer.concat([Buffer.from(`${header}\n`), body]));
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}
