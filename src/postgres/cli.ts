/**
 * `npm run ingest`: loads the knowledge folder into the PostgreSQL backend once and exits,
 * for deployments where a job (not a bot shard) keeps the shared archive up to date.
 * Every bot process LISTENing picks the new build up at once.
 */
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { databaseSecrets, openPostgresBackend } from './open';

async function main(): Promise<void> {
  const config = await loadConfig();
  const logger = createLogger(config.LOG_LEVEL, databaseSecrets(config));
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL: required for npm run ingest');
  const backend = await openPostgresBackend(config, logger);
  try {
    const result = await backend.reload();
    process.stdout.write(
      `${JSON.stringify({
        added: result.added.length,
        changed: result.changed.length,
        removed: result.removed.length,
        kept: result.kept.length,
        ...result.counts,
        problems: result.problems.length,
        ms: result.durationMs,
      })}\n`,
    );
  } finally {
    await backend.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `ingest failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
