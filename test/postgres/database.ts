import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Pools } from '../../src/postgres/connection';

/**
 * Where the PostgreSQL tests find a server. `.ci/run` starts the machine's PostgreSQL and
 * sets TEST_DATABASE_URL; on a developer machine without one the suites skip with one line
 * saying how to run them, but under CI=true an unreachable server fails them.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://kilde:kilde@127.0.0.1:5432/kilde_test';

const HOW =
  'PostgreSQL tests skipped: no server at TEST_DATABASE_URL. Run them with `bash .ci/run`, or start PostgreSQL and set TEST_DATABASE_URL (see README, "Running at scale").';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (process.env.CI === 'true') {
      throw new Error(
        `CI=true and PostgreSQL is unreachable at ${TEST_DATABASE_URL}: ${(error as Error).message}`,
      );
    }
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Resolved once per test file: whether the PostgreSQL suites run here. */
export const postgresAvailable: boolean = await reachable();
if (!postgresAvailable) process.stderr.write(`${HOW}\n`);

/** A throw-away schema in the test database, with pools whose search_path points at it. */
export async function throwawaySchema(): Promise<{
  schema: string;
  url: string;
  pools: Pools;
  drop(): Promise<void>;
}> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const pools = connect({ url: TEST_DATABASE_URL, schema, max: 4 });
  return {
    schema,
    url: TEST_DATABASE_URL,
    pools,
    async drop() {
      await pools.close();
      const cleaner = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleaner.connect();
      await cleaner.query(`drop schema if exists ${schema} cascade`);
      await cleaner.end();
    },
  };
}
