import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createKilde } from '../../src/answers/kilde';
import type { KnowledgeBackend } from '../../src/backend/backend';
import { MemoryBackend } from '../../src/backend/memory';
import { createLogger } from '../../src/logger';
import { PostgresBackend } from '../../src/postgres/backend';
import { postgresAvailable, throwawaySchema } from '../postgres/database';

/**
 * The backends the conformance suite runs against: the embedded memory archive always,
 * PostgreSQL when a server is reachable (see test/postgres/database.ts: under CI=true an
 * unreachable server fails instead of skipping).
 */
export type BackendName = 'memory' | 'postgres';
export const BACKENDS: BackendName[] = postgresAvailable ? ['memory', 'postgres'] : ['memory'];

export interface Knowledge {
  dir: string;
  kilde: Awaited<ReturnType<typeof createKilde>>;
  write(files: Record<string, string>): Promise<void>;
  remove(name: string): Promise<void>;
  cleanup(): Promise<void>;
}

async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

/** A throw-away knowledge folder with these files and a Kilde over it on the named backend. */
export async function knowledgeOn(
  backend: BackendName,
  files: Record<string, string>,
): Promise<Knowledge> {
  const root = await mkdtemp(join(tmpdir(), `kilde-${backend}-`));
  const dir = join(root, 'knowledge');
  await mkdir(dir, { recursive: true });
  await writeFiles(dir, files);
  const logger = createLogger('silent');
  const cacheDir = join(root, 'cache');
  let drop: () => Promise<void> = async () => undefined;
  let store: KnowledgeBackend;
  if (backend === 'postgres') {
    const db = await throwawaySchema();
    drop = db.drop;
    store = await PostgresBackend.open({
      pools: db.pools,
      url: db.url,
      knowledgeDir: dir,
      cacheDir,
      logger,
    });
  } else {
    store = new MemoryBackend({ knowledgeDir: dir, cacheDir, logger });
  }
  const kilde = await createKilde({ knowledgeDir: dir, cacheDir, logger, backend: store });
  return {
    dir,
    kilde,
    write: (more) => writeFiles(dir, more),
    remove: (name) => rm(join(dir, name), { force: true }),
    async cleanup() {
      await kilde.close();
      await drop().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
