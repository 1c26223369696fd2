import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKilde } from '../../src/answers/kilde';
import { createLogger } from '../../src/logger';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const shippedKnowledge = join(repoRoot, 'knowledge');
export const sharedDir = resolve(repoRoot, '../shared');

/**
 * A throw-away folder whose `knowledge/` holds the given files; a cache beside it (under
 * `root`) is the caller's to name.
 */
export async function tempFolder(files: Record<string, string>, prefix = 'kilde-test-') {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const dir = join(root, 'knowledge');
  await writeKnowledge(dir, files);
  return {
    root,
    dir,
    write: (more: Record<string, string>) => writeKnowledge(dir, more),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** A throw-away knowledge directory with the given files, and a Kilde over it. */
export async function tempKnowledge(
  files: Record<string, string>,
  options: { withShipped?: boolean } = {},
) {
  const root = await mkdtemp(join(tmpdir(), 'kilde-test-'));
  const dir = join(root, 'knowledge');
  if (options.withShipped) await cp(shippedKnowledge, dir, { recursive: true });
  await writeKnowledge(dir, files);
  const kilde = await createKilde({
    knowledgeDir: dir,
    cacheDir: join(root, 'cache'),
    logger: createLogger('silent'),
  });
  return {
    dir,
    kilde,
    write: (more: Record<string, string>) => writeKnowledge(dir, more),
    remove: (name: string) => rm(join(dir, name), { force: true }),
    async cleanup() {
      // Closing waits for a snapshot an incremental reload may still be writing.
      await kilde.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function writeKnowledge(dir: string, files: Record<string, string>): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}
