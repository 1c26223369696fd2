import pg from 'pg';

/**
 * The pools a PostgreSQL backend reads and writes through. Writes (ingest, migrations,
 * the reload lock) go to the primary; answers read from `DATABASE_READ_URL` when one is
 * given (a streaming replica), else from the primary too.
 */
export interface Pools {
  primary: pg.Pool;
  read: pg.Pool;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  url: string;
  readUrl?: string;
  /** A schema to work in instead of `public`: tests give each suite its own. */
  schema?: string;
  /** Most connections per pool; bot shards share a database, so keep it modest. */
  max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function pool(url: string, options: ConnectionOptions): pg.Pool {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`not a plain schema name: ${schema}`);
  }
  return new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    // Extensions (pg_trgm) live in public; the project's tables in the chosen schema.
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
    // A stuck query must not hold a Discord interaction past its 3 s deadline forever.
    statement_timeout: 10_000,
    connectionTimeoutMillis: 5_000,
  });
}

export function connect(options: ConnectionOptions): Pools {
  const primary = pool(options.url, options);
  const read = options.readUrl ? pool(options.readUrl, options) : primary;
  // An idle client that loses its server (a restart, a fail-over) emits 'error' on the
  // pool; without a listener Node would exit. The next query reconnects.
  primary.on('error', () => undefined);
  if (read !== primary) read.on('error', () => undefined);
  return {
    primary,
    read,
    async close() {
      await primary.end();
      if (read !== primary) await read.end();
    },
  };
}
