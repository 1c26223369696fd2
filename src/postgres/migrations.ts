import type pg from 'pg';

/**
 * The schema, as ordered migrations. Each runs once, in its own transaction, and is
 * recorded in `kilde_schema_version`; a process that starts while another migrates waits
 * on an advisory lock, then finds nothing left to do. Never edit a migration that has
 * shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, passages, entities, dated mentions',
    sql: `
      create extension if not exists pg_trgm with schema public;

      create table kilde_articles (
        id text primary key,
        content_hash text not null,
        title text not null,
        language text not null,
        published_start text not null,
        published_end text not null,
        -- the article as the loader read it, passages left out (they have their own rows)
        body jsonb not null
      );
      create index kilde_articles_published on kilde_articles (published_start, published_end);

      create table kilde_passages (
        id text primary key,
        article_id text not null references kilde_articles (id) on delete cascade,
        position integer not null,
        language text not null,
        body jsonb not null,
        -- Kilde's own analysed terms (the same stems, compounds and names the memory index
        -- holds), weighted by field: A names, B title, C heading, D text. 'simple' keeps
        -- them as they are, so PostgreSQL and the memory backend match the same words.
        terms tsvector not null,
        -- PostgreSQL's own analysis of the text in the passage's language, for ts_headline
        -- and for readers who query the table directly.
        native tsvector not null
      );
      create index kilde_passages_terms on kilde_passages using gin (terms);
      create index kilde_passages_article on kilde_passages (article_id, position);

      -- How many passages hold each term: what weighs a query word by its rarity.
      create table kilde_term_stats (
        term text primary key,
        passages integer not null,
        -- of which English: the query analysis asks whether a language's passages hold a term
        english integer not null
      );

      create table kilde_entities (
        id text primary key,
        name text not null,
        kind text not null,
        passage_count integer not null,
        body jsonb not null
      );

      -- What an entity is found by, folded: 'key' rows are exact lookups (names, aliases,
      -- a person's surname), 'word' rows every word of every name (prefix and fuzzy).
      create table kilde_entity_names (
        entity_id text not null references kilde_entities (id) on delete cascade,
        folded text not null,
        exact boolean not null,
        primary key (folded, entity_id, exact)
      );
      create index kilde_entity_names_prefix on kilde_entity_names (folded text_pattern_ops);
      create index kilde_entity_names_trigram on kilde_entity_names using gin (folded public.gin_trgm_ops);

      create table kilde_entity_roles (
        entity_id text not null references kilde_entities (id) on delete cascade,
        folded_role text not null
      );
      create index kilde_entity_roles_role on kilde_entity_roles (folded_role);

      create table kilde_entity_passages (
        passage_id text not null,
        entity_id text not null references kilde_entities (id) on delete cascade,
        primary key (passage_id, entity_id)
      );

      create table kilde_time_mentions (
        passage_id text not null references kilde_passages (id) on delete cascade,
        position integer not null,
        span_start text not null,
        span_end text not null,
        granularity text not null,
        body jsonb not null,
        primary key (passage_id, position)
      );
      create index kilde_time_mentions_span on kilde_time_mentions (span_start, span_end);

      -- Days with content (articles published, passages dated to exactly that day), kept
      -- by ingest so that day autocomplete is an index lookup.
      create table kilde_days (
        day text primary key,
        published integer not null,
        events integer not null,
        preview text not null,
        total integer generated always as (published + events) stored
      );
      create index kilde_days_total on kilde_days (total desc, day desc);

      -- Fuzzy matching of query words the archive does not hold.
      create index kilde_term_stats_trigram on kilde_term_stats using gin (term public.gin_trgm_ops);

      -- One row per key: aliases, problems, when the archive was built, the analyser's version.
      create table kilde_state (
        key text primary key,
        value jsonb not null
      );
    `,
  },
];

/** Any 64-bit number the project owns: the lock every migrating process takes. */
const MIGRATION_LOCK = 0x6b696c6465_01n;

export interface MigrationResult {
  /** Versions applied by this call, in order. */
  applied: number[];
  /** The schema's version afterwards. */
  version: number;
}

/** Brings the schema up to date. Safe to call from many processes at once. */
export async function migrate(
  pool: pg.Pool,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(`
      create table if not exists kilde_schema_version (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`);
    const done = await client.query<{ version: number }>(
      'select version from kilde_schema_version',
    );
    const have = new Set(done.rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (have.has(migration.version)) continue;
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into kilde_schema_version (version, name) values ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(
          `migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
        );
      }
      applied.push(migration.version);
      have.add(migration.version);
    }
    return { applied, version: Math.max(0, ...have) };
  } finally {
    await client
      .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()])
      .catch(() => undefined);
    client.release();
  }
}
