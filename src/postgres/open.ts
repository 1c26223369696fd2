import type { Config } from '../config';
import type { Logger } from '../logger';
import { PostgresBackend } from './backend';
import { connect } from './connection';

/** The PostgreSQL backend as the configuration describes it (SEARCH_BACKEND=postgres). */
export async function openPostgresBackend(
  config: Config,
  logger: Logger,
): Promise<PostgresBackend> {
  const url = config.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const pools = connect({
    url,
    ...(config.DATABASE_READ_URL ? { readUrl: config.DATABASE_READ_URL } : {}),
  });
  return PostgresBackend.open({
    pools,
    url,
    knowledgeDir: config.KNOWLEDGE_DIR,
    cacheDir: config.CACHE_DIR,
    load: { maxFileBytes: config.KNOWLEDGE_MAX_FILE_KB * 1024 },
    logger,
  });
}

/** Passwords in the database URLs, for the logger to scrub. */
export function databaseSecrets(config: Config): string[] {
  return [config.DATABASE_URL, config.DATABASE_READ_URL]
    .filter((u): u is string => u !== undefined)
    .map((u) => decodeURIComponent(new URL(u).password))
    .filter((p) => p.length > 0);
}
