import pg from 'pg';
import { dayIndex } from '../answers/days';
import type { Archive } from '../archive/archive';
import { KnowledgeStore } from '../archive/store';
import {
  type KnowledgeBackend,
  KnowledgeLoadingError,
  type ReloadResult,
} from '../backend/backend';
import type { LoadOptions } from '../knowledge/load';
import type { Article, Passage } from '../knowledge/types';
import type { Logger } from '../logger';
import { documentsOf } from '../search/passage-index';
import type { Pools } from './connection';
import { type IngestResult, ingest, RELOAD_CHANNEL } from './ingest';
import { migrate } from './migrations';
import type { WeightedField } from './tsvector';
import { type PostgresState, PostgresView } from './view';

export interface PostgresBackendOptions {
  pools: Pools;
  /** The connection string of the primary, for the LISTEN connection. */
  url: string;
  /** The schema the pools use (tests); the LISTEN connection needs no schema. */
  knowledgeDir: string;
  cacheDir: string;
  logger: Logger;
  /** How knowledge files are read (the size limit), as for the memory backend. */
  load?: LoadOptions;
}

/**
 * The knowledge in PostgreSQL, shared by every bot process. Answers read from the
 * database (the read pool: a replica when one is configured) and hold no copy of the
 * index. A reload analyses the knowledge folder with the same pipeline as the memory
 * backend (incremental, cached on disk), writes what changed in one transaction, and
 * NOTIFYs: every process LISTENing (each bot shard) swaps in a fresh view at once.
 */
export class PostgresBackend implements KnowledgeBackend {
  #view: PostgresView | undefined;
  #store: KnowledgeStore | undefined;
  #running: Promise<ReloadResult> | undefined;
  #listener: pg.Client | undefined;
  #closed = false;

  private constructor(private readonly options: PostgresBackendOptions) {}

  /** Migrates the schema, starts listening for reloads, and serves what the database holds. */
  static async open(options: PostgresBackendOptions): Promise<PostgresBackend> {
    await migrate(options.pools.primary);
    const backend = new PostgresBackend(options);
    await backend.refresh();
    await backend.listen();
    return backend;
  }

  view(): PostgresView {
    if (!this.#view) throw new KnowledgeLoadingError();
    return this.#view;
  }

  get reloading(): boolean {
    return this.#running !== undefined;
  }

  /** Whether the database holds a build yet (a fresh database needs a first reload). */
  get loaded(): boolean {
    return this.#view !== undefined;
  }

  /** Reads the build the database holds now and answers from it from here on. */
  async refresh(): Promise<void> {
    const { rows } = await this.options.pools.read.query<{ key: string; value: unknown }>(
      "select key, value from kilde_state where key in ('builtAt', 'problems', 'aliases')",
    );
    const state = new Map(rows.map((r) => [r.key, r.value]));
    const builtAt = state.get('builtAt');
    if (typeof builtAt !== 'string') return;
    if (this.#view?.builtAt === builtAt) return;
    this.#view = new PostgresView(this.options.pools.read, {
      builtAt,
      problems: (state.get('problems') as PostgresState['problems'] | undefined) ?? [],
      aliases: (state.get('aliases') as PostgresState['aliases'] | undefined) ?? [],
    });
  }

  /** Serves the build the database holds; only an empty database is loaded from the folder. */
  async start(): Promise<ReloadResult> {
    const view = this.#view;
    if (!view) return this.reload();
    return {
      added: [],
      changed: [],
      removed: [],
      kept: [],
      counts: await view.counts(),
      problems: [...view.problems],
      durationMs: 0,
      joined: false,
    };
  }

  reload(): Promise<ReloadResult> {
    // In this process reloads share one run; across processes the ingest's advisory lock
    // makes the second writer wait for the first.
    this.#running ??= this.#reload().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #reload(): Promise<ReloadResult> {
    const started = performance.now();
    this.#store ??= new KnowledgeStore(
      this.options.knowledgeDir,
      this.options.cacheDir,
      this.options.logger,
      this.options.load,
    );
    const outcome = await this.#store.reload();
    const written = await ingestArchive(this.options.pools.primary, outcome.archive);
    await this.refresh();
    const view = this.view();
    return {
      added: written.added,
      changed: written.changed,
      removed: written.removed,
      kept: outcome.kept,
      counts: await view.counts(),
      problems: [...view.problems],
      durationMs: Math.round(performance.now() - started),
      joined: outcome.joined,
    };
  }

  private async listen(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({ connectionString: this.options.url });
    client.on('notification', (message) => {
      if (message.channel !== RELOAD_CHANNEL) return;
      this.refresh().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'could not read the new build after NOTIFY'),
      );
    });
    client.on('error', (error) => {
      this.options.logger.warn({ err: error }, 'LISTEN connection lost; reconnecting');
      this.#listener = undefined;
      client.end().catch(() => undefined);
      // A reload missed while disconnected is caught up by refreshing on reconnect.
      setTimeout(() => {
        this.listen()
          .then(() => this.refresh())
          .catch(() => undefined);
      }, 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${RELOAD_CHANNEL}`);
    this.#listener = client;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#running?.catch(() => undefined);
    await this.#listener?.end().catch(() => undefined);
    await this.options.pools.close();
  }
}

/** Writes a built archive (what the memory backend would serve) into the database. */
export function ingestArchive(pool: pg.Pool, archive: Archive): Promise<IngestResult> {
  return ingest(pool, {
    articles: archive.articles,
    entities: archive.entities.all(),
    timeMentions: archive.timeMentions,
    aliases: archive.aliases,
    problems: archive.problems,
    days: dayIndex(archive).all(),
    terms: termsOf(archive),
    builtAt: new Date().toISOString(),
  });
}

/**
 * The analysed terms of each passage per field: exactly what the memory index is given
 * (the same generator: text, compound parts, heading, title, and the names of the
 * entities the passage mentions).
 */
function termsOf(archive: Archive) {
  const entityNames = new Map<string, string[]>();
  for (const [passageId, ids] of archive.entitiesByPassage) {
    entityNames.set(
      passageId,
      ids.map((id) => archive.entities.get(id)?.name).filter((n): n is string => n !== undefined),
    );
  }
  const fields = new Map<string, Record<WeightedField, string[]>>();
  const split = (text: string) => (text ? text.split(' ') : []);
  for (const doc of documentsOf({ articles: archive.articles, entityNames })) {
    fields.set(doc.id, {
      text: split(doc.text),
      parts: split(doc.parts),
      heading: split(doc.heading),
      title: split(doc.title),
      names: split(doc.names),
    });
  }
  return (_article: Article, passage: Passage) => fields.get(passage.id) ?? {};
}
