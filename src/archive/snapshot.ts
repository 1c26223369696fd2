import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../knowledge/types';
import { ANALYZER_VERSION } from '../language';
import type { Analysis } from './build';

/**
 * The analysis of a knowledge base, cached on disk under a key made of the knowledge
 * files' hashes and the code that analyses them: a restart with unchanged knowledge does
 * not re-analyse, and any change to the files or to the analysis code invalidates it.
 */
const SNAPSHOT_FORMAT = 1;
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

export async function readSnapshot(cacheDir: string, key: string): Promise<Analysis | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(fileFor(cacheDir), 'utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'key' in parsed &&
      parsed.key === key &&
      'analysis' in parsed
    ) {
      return parsed.analysis as Analysis;
    }
  } catch {
    // No snapshot, or an unreadable one: analyse afresh.
  }
  return undefined;
}

/** Writes atomically (temp file + rename) so a crash mid-write never leaves a corrupt cache. */
export async function writeSnapshot(
  cacheDir: string,
  key: string,
  analysis: Analysis,
): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const target = fileFor(cacheDir);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, JSON.stringify({ key, analysis }));
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}
