import type pg from 'pg';
import type { DaySuggestion } from '../answers/types';
import { HYPHEN_PARTICLES, NAME_PARTICLES } from '../extract/entities/tables';
import { nameKey } from '../extract/entities/tokens';
import type { Entity, TimeMention } from '../extract/types';
import type { AliasGroup, Article, Passage, Problem } from '../knowledge/types';
import { foldCase } from '../language';
import { tsvectorLiteral, type WeightedField } from './tsvector';

/**
 * Writes an analysed knowledge base into PostgreSQL. Everything one reload changes is
 * written in ONE transaction, under the reload lock, and announced with NOTIFY after it
 * commits: a reader sees the old archive or the new one, never half an article, and every
 * bot process listening drops its caches at once.
 */

/** The channel every bot process LISTENs on. Its payload is the new build's timestamp. */
export const RELOAD_CHANNEL = 'kilde_reload';
/** The advisory lock two writers (two shards' reloads) take in turn. */
export const RELOAD_LOCK = 0x6b696c6465_02n;

export interface IngestInput {
  /** Every article of the new build (unchanged ones included: their hash says so). */
  articles: readonly Article[];
  entities: readonly Entity[];
  timeMentions: ReadonlyMap<string, readonly TimeMention[]>;
  aliases: readonly AliasGroup[];
  problems: readonly Problem[];
  /** The analysed terms of a passage per field: the same the memory index holds. */
  terms: (article: Article, passage: Passage) => Partial<Record<WeightedField, readonly string[]>>;
  /** Days with content, as the memory archive lists them for autocomplete. */
  days: readonly DaySuggestion[];
  builtAt: string;
}

export interface IngestResult {
  added: string[];
  changed: string[];
  removed: string[];
  /** Passages written (those of added and changed articles). */
  passagesWritten: number;
}

const BATCH = 1000;

function regconfig(language: string): string {
  // Nynorsk has no snowball stemmer of its own; Bokmål's is the closest.
  return language === 'en' ? 'english' : 'norwegian';
}

function stripParticle(word: string): string {
  const dash = word.indexOf('-');
  return dash > 0 && HYPHEN_PARTICLES.has(word.slice(0, dash)) ? word.slice(dash + 1) : word;
}

/**
 * What an entity is found by, folded as the memory directory folds: exact keys (names,
 * aliases, and a person's surname with its particles: "assad", "al-assad", "de mistura")
 * and every word of every name (for prefixes and close spellings).
 */
export function entityKeys(entity: Entity): { exact: Set<string>; words: Set<string> } {
  const names = [entity.name, ...entity.aliases].map(nameKey).filter((n) => n.length > 0);
  const exact = new Set(names);
  const words = new Set<string>();
  for (const name of names) {
    const parts = name.split(' ');
    for (const part of parts) {
      words.add(part);
      words.add(stripParticle(part));
    }
    if (entity.kind === 'person' && parts.length > 1) {
      const last = parts[parts.length - 1] ?? '';
      exact.add(last);
      exact.add(stripParticle(last));
      let tail = last;
      for (let i = parts.length - 2; i > 0 && NAME_PARTICLES.has(parts[i] ?? ''); i--) {
        tail = `${parts[i]} ${tail}`;
        exact.add(tail);
      }
    }
  }
  return { exact, words };
}

/** Role texts folded as `entitiesByRole` folds a query: case, spacing and a determiner ignored. */
export function foldRole(text: string): string {
  return foldCase(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(den|det|de|the)\s+/u, '');
}

export async function ingest(pool: pg.Pool, input: IngestInput): Promise<IngestResult> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The pools cap a statement at 10 s so that no answer waits forever; a whole archive's
    // ingest legitimately takes longer (the term counts of 400k passages took more).
    await client.query('set local statement_timeout = 0');
    await client.query('select pg_advisory_xact_lock($1)', [RELOAD_LOCK.toString()]);
    const existing = await client.query<{ id: string; content_hash: string }>(
      'select id, content_hash from kilde_articles',
    );
    const before = new Map(existing.rows.map((r) => [r.id, r.content_hash]));
    const now = new Set(input.articles.map((a) => a.id));
    const added: string[] = [];
    const changed: string[] = [];
    for (const article of input.articles) {
      const hash = before.get(article.id);
      if (hash === undefined) added.push(article.id);
      else if (hash !== article.hash) changed.push(article.id);
    }
    const removed = [...before.keys()].filter((id) => !now.has(id));
    const outgoing = [...changed, ...removed];
    if (outgoing.length > 0) {
      await adjustTermStats(client, outgoing, -1);
      await client.query('delete from kilde_articles where id = any($1)', [outgoing]);
    }
    const incoming = new Set([...added, ...changed]);
    const writing = input.articles.filter((a) => incoming.has(a.id));
    const passagesWritten = await writeArticles(client, writing, input);
    if (writing.length > 0) {
      await adjustTermStats(
        client,
        writing.map((a) => a.id),
        1,
      );
    }
    await client.query('delete from kilde_term_stats where passages <= 0');
    await writeEntities(client, input.entities);
    await writeDays(client, input.days);
    await writeState(client, {
      aliases: input.aliases,
      problems: input.problems,
      builtAt: input.builtAt,
    });
    await client.query('select pg_notify($1, $2)', [RELOAD_CHANNEL, input.builtAt]);
    await client.query('commit');
    return {
      added: added.sort(),
      changed: changed.sort(),
      removed: removed.sort(),
      passagesWritten,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Adds (or, with -1, takes away) the passages of these articles from the term counts. */
async function adjustTermStats(client: pg.PoolClient, articleIds: string[], sign: 1 | -1) {
  await client.query(
    `insert into kilde_term_stats (term, passages, english)
       select u.lexeme, $2::integer * count(*)::integer,
              $2::integer * (count(*) filter (where p.language = 'en'))::integer
         from kilde_passages p, unnest(p.terms) u
        where p.article_id = any($1)
        group by u.lexeme
     on conflict (term) do update set
       passages = kilde_term_stats.passages + excluded.passages,
       english = kilde_term_stats.english + excluded.english`,
    [articleIds, sign],
  );
}

async function writeArticles(
  client: pg.PoolClient,
  articles: readonly Article[],
  input: IngestInput,
): Promise<number> {
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH);
    await client.query(
      `insert into kilde_articles (id, content_hash, title, language, published_start, published_end, body)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
      [
        batch.map((a) => a.id),
        batch.map((a) => a.hash),
        batch.map((a) => a.title),
        batch.map((a) => a.language),
        batch.map((a) => a.published.start),
        batch.map((a) => a.published.end),
        // The body is what answers cite: the article without its passages, but counting them.
        batch.map(({ passages, ...rest }) =>
          JSON.stringify({ ...rest, passageCount: passages.length }),
        ),
      ],
    );
  }
  const passages = articles.flatMap((article) => article.passages.map((p) => ({ article, p })));
  for (let i = 0; i < passages.length; i += BATCH) {
    const batch = passages.slice(i, i + BATCH);
    await client.query(
      `insert into kilde_passages (id, article_id, position, language, body, terms, native)
       select id, article_id, position, language, body, terms,
              to_tsvector(config::regconfig, plain)
         from unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::jsonb[],
                     $6::tsvector[], $7::text[], $8::text[])
           as t(id, article_id, position, language, body, terms, config, plain)`,
      [
        batch.map(({ p }) => p.id),
        batch.map(({ p }) => p.articleId),
        batch.map(({ p }) => p.index),
        batch.map(({ p }) => p.language),
        batch.map(({ p }) => JSON.stringify(p)),
        batch.map(({ article, p }) => tsvectorLiteral(input.terms(article, p))),
        batch.map(({ p }) => regconfig(p.language)),
        batch.map(({ p }) => (p.heading ? `${p.heading}\n${p.text}` : p.text)),
      ],
    );
    const mentions = batch.flatMap(({ p }) =>
      (input.timeMentions.get(p.id) ?? []).map((m, position) => ({ id: p.id, m, position })),
    );
    if (mentions.length > 0) {
      await client.query(
        `insert into kilde_time_mentions (passage_id, position, span_start, span_end, granularity, body)
         select * from unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
        [
          mentions.map((x) => x.id),
          mentions.map((x) => x.position),
          mentions.map((x) => x.m.span.start),
          mentions.map((x) => x.m.span.end),
          mentions.map((x) => x.m.span.granularity),
          mentions.map((x) => JSON.stringify(x.m)),
        ],
      );
    }
  }
  return passages.length;
}

/**
 * Entities are merged across the whole archive (a short form in one article joins a full
 * name in another), so a reload may change any of them: they are replaced as a whole, in
 * the same transaction as the articles.
 */
async function writeEntities(client: pg.PoolClient, entities: readonly Entity[]): Promise<void> {
  await client.query(
    'truncate kilde_entities, kilde_entity_names, kilde_entity_roles, kilde_entity_passages',
  );
  for (let i = 0; i < entities.length; i += BATCH) {
    const batch = entities.slice(i, i + BATCH);
    await client.query(
      `insert into kilde_entities (id, name, kind, passage_count, body)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::jsonb[])`,
      [
        batch.map((e) => e.id),
        batch.map((e) => e.name),
        batch.map((e) => e.kind),
        batch.map((e) => new Set(e.mentions.map((m) => m.passageId)).size),
        batch.map((e) => JSON.stringify(e)),
      ],
    );
    const names = batch.flatMap((e) => {
      const { exact, words } = entityKeys(e);
      return [
        ...[...exact].map((folded) => ({ id: e.id, folded, exact: true })),
        ...[...words].map((folded) => ({ id: e.id, folded, exact: false })),
      ];
    });
    await client.query(
      `insert into kilde_entity_names (entity_id, folded, exact)
       select * from unnest($1::text[], $2::text[], $3::boolean[]) on conflict do nothing`,
      [names.map((n) => n.id), names.map((n) => n.folded), names.map((n) => n.exact)],
    );
    const roles = batch.flatMap((e) => {
      const folded = new Set(e.roles.flatMap((r) => [foldRole(r.role), foldRole(r.roleText)]));
      return [...folded].map((role) => ({ id: e.id, role }));
    });
    await client.query(
      `insert into kilde_entity_roles (entity_id, folded_role)
       select * from unnest($1::text[], $2::text[])`,
      [roles.map((r) => r.id), roles.map((r) => r.role)],
    );
    const links = batch.flatMap((e) =>
      [...new Set(e.mentions.map((m) => m.passageId))].map((passageId) => ({
        id: e.id,
        passageId,
      })),
    );
    await client.query(
      `insert into kilde_entity_passages (entity_id, passage_id)
       select * from unnest($1::text[], $2::text[]) on conflict do nothing`,
      [links.map((l) => l.id), links.map((l) => l.passageId)],
    );
  }
}

async function writeDays(client: pg.PoolClient, days: readonly DaySuggestion[]): Promise<void> {
  await client.query('truncate kilde_days');
  for (let i = 0; i < days.length; i += BATCH) {
    const batch = days.slice(i, i + BATCH);
    await client.query(
      `insert into kilde_days (day, published, events, preview)
       select * from unnest($1::text[], $2::integer[], $3::integer[], $4::text[])`,
      [
        batch.map((d) => d.date),
        batch.map((d) => d.published),
        batch.map((d) => d.events),
        batch.map((d) => d.preview),
      ],
    );
  }
}

async function writeState(client: pg.PoolClient, state: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(state);
  await client.query(
    `insert into kilde_state (key, value)
     select * from unnest($1::text[], $2::jsonb[])
     on conflict (key) do update set value = excluded.value`,
    [entries.map(([k]) => k), entries.map(([, v]) => JSON.stringify(v))],
  );
}
