import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/postgres/migrations';
import { postgresAvailable, throwawaySchema } from './database';

describe.runIf(postgresAvailable)('schema migrations', () => {
  const drops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const drop of drops.splice(0)) await drop();
  });

  it('applies every migration once, in order, and records the version', async () => {
    const db = await throwawaySchema();
    drops.push(db.drop);
    const first = await migrate(db.pools.primary);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
    const again = await migrate(db.pools.primary);
    expect(again.applied).toEqual([]);
    expect(again.version).toBe(first.version);
    const tables = await db.pools.primary.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1',
      [db.schema],
    );
    expect(tables.rows.map((r) => r.table_name)).toContain('kilde_passages');
  });

  it('lets processes that start together migrate once between them', async () => {
    const db = await throwawaySchema();
    drops.push(db.drop);
    const results = await Promise.all([1, 2, 3].map(() => migrate(db.pools.primary)));
    const applied = results.flatMap((r) => r.applied);
    expect(applied.sort()).toEqual(MIGRATIONS.map((m) => m.version).sort());
  });

  it('rolls a failing migration back whole and names it', async () => {
    const db = await throwawaySchema();
    drops.push(db.drop);
    await migrate(db.pools.primary);
    const broken = [
      ...MIGRATIONS,
      { version: 999, name: 'half done', sql: 'create table kilde_half (x int); select 1/0;' },
    ];
    await expect(migrate(db.pools.primary, broken)).rejects.toThrow(/migration 999 \(half done\)/);
    const half = await db.pools.primary.query(
      "select 1 from information_schema.tables where table_schema = $1 and table_name = 'kilde_half'",
      [db.schema],
    );
    expect(half.rowCount).toBe(0);
    expect((await migrate(db.pools.primary)).applied).toEqual([]);
  });
});
