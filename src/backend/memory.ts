/**
 * The embedded default backend: the in-memory archive (MiniSearch index, entity directory,
 * dated events) built and reloaded by the KnowledgeStore. A view wraps one immutable
 * archive, so every answer reads one build even while a reload swaps in the next.
 */
import { nearestDays, suggestDays } from '../answers/days';
import type { Archive } from '../archive/archive';
import { KnowledgeStore, type ReloadOutcome } from '../archive/store';
import { parseDateQuery } from '../extract/dates';
import { spanContains } from '../extract/dates/calendar';
import type { Entity, TimeMention } from '../extract/types';
import type { LoadOptions } from '../knowledge/load';
import type { Article, DateSpan, Passage } from '../knowledge/types';
import type { Logger } from '../logger';
import type { SearchHit } from '../search';
import {
  type ArticleInfo,
  type DatedPassage,
  type DaySuggestion,
  type KnowledgeBackend,
  type KnowledgeCounts,
  KnowledgeLoadingError,
  type KnowledgeView,
  type ReloadResult,
} from './backend';

const infoCache = new WeakMap<Article, ArticleInfo>();

/** An article without its passages (cached: the same object for the same article). */
function infoOf(article: Article): ArticleInfo {
  let info = infoCache.get(article);
  if (!info) {
    const { passages, ...rest } = article;
    info = { ...rest, passageCount: passages.length };
    infoCache.set(article, info);
  }
  return info;
}

const countsCache = new WeakMap<Archive, KnowledgeCounts>();

export function countsOf(archive: Archive): KnowledgeCounts {
  const known = countsCache.get(archive);
  if (known) return known;
  let people = 0;
  let organisations = 0;
  for (const entity of archive.entities.all()) {
    if (entity.kind === 'person') people += 1;
    else if (entity.kind === 'organisation') organisations += 1;
  }
  let datedEvents = 0;
  for (const mentions of archive.timeMentions.values()) datedEvents += mentions.length;
  const counts = {
    articles: archive.articles.length,
    passages: archive.passageById.size,
    people,
    organisations,
    datedEvents,
  };
  countsCache.set(archive, counts);
  return counts;
}

function pick<V>(ids: readonly string[], get: (id: string) => V | undefined): Map<string, V> {
  const found = new Map<string, V>();
  for (const id of ids) {
    const value = get(id);
    if (value !== undefined) found.set(id, value);
  }
  return found;
}

const parseSpan = (input: string) => {
  const parsed = parseDateQuery(input);
  return parsed.ok ? parsed.span : undefined;
};

/** Answers from one archive. */
export class ArchiveView implements KnowledgeView {
  constructor(readonly archive: Archive) {}

  get builtAt(): string {
    return this.archive.builtAt;
  }

  get problems() {
    return this.archive.problems;
  }

  async counts(): Promise<KnowledgeCounts> {
    return countsOf(this.archive);
  }

  async searchPassages(query: string, limit: number): Promise<SearchHit[]> {
    return this.archive.index.search(query, { limit });
  }

  async closeWords(query: string, limit: number): Promise<string[]> {
    return this.archive.index.closeWords(query, limit);
  }

  async passages(ids: readonly string[]): Promise<ReadonlyMap<string, Passage>> {
    return pick(ids, (id) => this.archive.passageById.get(id));
  }

  async articles(ids: readonly string[]): Promise<ReadonlyMap<string, ArticleInfo>> {
    return pick(ids, (id) => {
      const article = this.archive.articleById.get(id);
      return article && infoOf(article);
    });
  }

  async listArticles(): Promise<ArticleInfo[]> {
    return this.archive.articles.map(infoOf);
  }

  async publishedIn(span: DateSpan): Promise<{ article: ArticleInfo; lead?: Passage }[]> {
    return this.archive.articles
      .filter((a) => spanContains(span, a.published))
      .map((a) => {
        const lead = a.passages[0];
        return { article: infoOf(a), ...(lead ? { lead } : {}) };
      });
  }

  async lookupEntities(query: string): Promise<{ matches: Entity[]; suggestions: Entity[] }> {
    return this.archive.entities.lookup(query);
  }

  async suggestEntities(partial: string, limit: number): Promise<Entity[]> {
    return this.archive.entities.suggest(partial, limit);
  }

  async entitiesByRole(role: string): Promise<Entity[]> {
    return this.archive.entities.byRole(role);
  }

  async entities(ids: readonly string[]): Promise<ReadonlyMap<string, Entity>> {
    return pick(ids, (id) => this.archive.entities.get(id));
  }

  async entitiesInPassages(
    passageIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>> {
    return pick(passageIds, (id) => this.archive.entitiesByPassage.get(id));
  }

  async timeMentions(
    passageIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly TimeMention[]>> {
    return pick(passageIds, (id) => this.archive.timeMentions.get(id));
  }

  async datedWithin(span: DateSpan): Promise<DatedPassage[]> {
    const found: DatedPassage[] = [];
    for (const [passageId, mentions] of this.archive.timeMentions) {
      const inside = mentions.filter((m) => spanContains(span, m.span));
      if (inside.length > 0) found.push({ passageId, mentions: inside });
    }
    return found;
  }

  async suggestDays(partial: string, limit: number): Promise<DaySuggestion[]> {
    return suggestDays(this.archive, partial, limit, parseSpan);
  }

  async nearestDays(span: DateSpan, limit: number): Promise<DaySuggestion[]> {
    return nearestDays(this.archive, span.start, span.end, limit);
  }
}

export interface MemoryBackendOptions {
  knowledgeDir: string;
  cacheDir: string;
  logger: Logger;
  /** How knowledge files are read: the size limit, and a seam for faults in tests. */
  load?: LoadOptions;
}

/** The in-memory archive behind the backend boundary; `open` loads it the first time. */
export class MemoryBackend implements KnowledgeBackend {
  readonly store: KnowledgeStore;
  #view: ArchiveView | undefined;

  constructor(options: MemoryBackendOptions) {
    this.store = new KnowledgeStore(
      options.knowledgeDir,
      options.cacheDir,
      options.logger,
      options.load,
    );
  }

  view(): ArchiveView {
    const archive = this.store.current;
    if (!archive) throw new KnowledgeLoadingError();
    if (this.#view?.archive !== archive) this.#view = new ArchiveView(archive);
    return this.#view;
  }

  get reloading(): boolean {
    return this.store.reloading;
  }

  start(): Promise<ReloadResult> {
    return this.reload();
  }

  async reload(): Promise<ReloadResult> {
    return resultOf(await this.store.reload());
  }

  /**
   * Shutdown: a reload in flight has its analysis worker stopped (and never settles); the
   * snapshot an incremental reload is still writing lands first, so that the cache folder
   * is complete (and can be removed) once this resolves.
   */
  async close(): Promise<void> {
    this.store.close();
    await this.store.settled();
  }
}

function resultOf(outcome: ReloadOutcome): ReloadResult {
  return {
    added: outcome.added,
    changed: outcome.changed,
    removed: outcome.removed,
    kept: outcome.kept,
    counts: countsOf(outcome.archive),
    problems: [...outcome.archive.problems],
    durationMs: outcome.durationMs,
    joined: outcome.joined,
  };
}
