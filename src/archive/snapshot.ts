import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../knowledge/types';
import { ANALYZER_VERSION } from '../language';
import { parseAnalysis } from './analysis-text';
import type { Analysis } from './build';

/**
 * The analysis of a knowledge base, cached on disk under a key made of the knowledge
 * files' hashes and the code that analyses them: a restart with unchanged knowledge does
 * not re-analyse, and any change to the files or to the analysis code invalidates it.
 */
// 2: a header line, then the analysis as text of small lines (see analysis-text.ts).
const SNAPSHOT_FORMAT = 2;
const srcDir = dirname(dirname(fileURLToPath(import.meta.url)));
const ANALYSIS_CODE = ['knowledge', 'language', 'extract', 'search', 'archive'];

let codeHash: Promise<string> | undefined;

async function hashSources(dir: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await hashSources(path, hash);
    else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(await readFile(path));
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
 * knowledge or code, or it is unreadable. Read as bytes and parsed line by line, so that a
 * restart does not hold up the event loop (a large archive's snapshot is tens of MB).
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
      header.key === key
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
    await writeFile(temp, `${JSON.stringify({ format: SNAPSHOT_FORMAT, key })}\n${text}`);
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}
