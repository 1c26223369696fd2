/**
 * The boundary between the answers and where the knowledge lives. The answers (src/answers)
 * ask these questions and nothing else, so the embedded in-memory archive (./memory.ts) and
 * an external engine (PostgreSQL) can each serve them. Every method returns a Promise: an
 * external engine answers over the network.
 *
 * The questions are answer-shaped (search with snippets, time mentions inside a span, entity
 * lookups), not a view into one implementation's maps, so that each backend can answer them
 * with its own structures and indexes.
 */
import type { DaySuggestion } from '../answers/types';
import type { Entity, TimeMention } from '../extract/types';
import type { Article, DateSpan, Passage, Problem } from '../knowledge/types';
import type { SearchHit } from '../search';

export type { DaySuggestion, Entity, Passage, SearchHit, TimeMention };

/** An article without its passages: what lists and citations need. */
export type ArticleInfo = Omit<Article, 'passages'> & { passageCount: number };

/** What a knowledge base holds, for status and reload reports. */
export interface KnowledgeCounts {
  articles: number;
  passages: number;
  people: number;
  organisations: number;
  datedEvents: number;
}

/** A passage with the time mentions of it that lie inside an asked span, in text order. */
export interface DatedPassage {
  passageId: string;
  mentions: TimeMention[];
}

/**
 * One consistent state of the knowledge: every call on one view answers from the same
 * build, so an answer never mixes two (a reload swaps in a new view, it does not change
 * this one). Take a fresh view per answer.
 */
export interface KnowledgeView {
  /** When this build started serving (ISO timestamp), and the problems found loading it. */
  readonly builtAt: string;
  readonly problems: readonly Problem[];
  counts(): Promise<KnowledgeCounts>;

  /** Passages best matching free text (a question works), best first, each with a snippet. */
  searchPassages(query: string, limit: number): Promise<SearchHit[]>;
  /** Words of the archive, as its passages spell them, close to query words it lacks. */
  closeWords(query: string, limit: number): Promise<string[]>;
  /** The passages with these ids that exist. */
  passages(ids: readonly string[]): Promise<ReadonlyMap<string, Passage>>;
  /** The articles with these ids that exist. */
  articles(ids: readonly string[]): Promise<ReadonlyMap<string, ArticleInfo>>;
  /** Every article, in no particular order. */
  listArticles(): Promise<ArticleInfo[]>;
  /** Articles whose publication date lies wholly inside `span`, with their first passage. */
  publishedIn(span: DateSpan): Promise<{ article: ArticleInfo; lead?: Passage }[]>;

  /** Exact name, alias or surname matches; when none, close spellings as suggestions. */
  lookupEntities(query: string): Promise<{ matches: Entity[]; suggestions: Entity[] }>;
  /** Autocomplete over names: prefix first, then near misses, most mentioned first. */
  suggestEntities(partial: string, limit: number): Promise<Entity[]>;
  /**
   * Entities the archive gives exactly this role (case, spacing and a leading determiner
   * ignored: "den syriske presidenten"), most mentioned first.
   */
  entitiesByRole(role: string): Promise<Entity[]>;
  entities(ids: readonly string[]): Promise<ReadonlyMap<string, Entity>>;
  /** Ids of the entities each of these passages mentions. */
  entitiesInPassages(
    passageIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;

  /** The resolved time expressions of these passages, in text order. */
  timeMentions(passageIds: readonly string[]): Promise<ReadonlyMap<string, readonly TimeMention[]>>;
  /** Every passage with time mentions whose whole span lies inside `span`. */
  datedWithin(span: DateSpan): Promise<DatedPassage[]>;
  /** Autocomplete for a date: days with content whose ISO form starts with, or lie nearest to, what was typed. */
  suggestDays(partial: string, limit: number): Promise<DaySuggestion[]>;
  /** The days with content nearest to a span, in date order. */
  nearestDays(span: DateSpan, limit: number): Promise<DaySuggestion[]>;
}

/** What one reload did, by article id; each list sorted. */
export interface ReloadResult {
  added: string[];
  changed: string[];
  removed: string[];
  /** Articles whose new version failed to parse and that kept their last good version. */
  kept: string[];
  counts: KnowledgeCounts;
  problems: Problem[];
  durationMs: number;
  /** True when a reload was already running and this call waited for it. */
  joined: boolean;
}

/** A store of knowledge the answers read from: the embedded archive, or an external engine. */
export interface KnowledgeBackend {
  /** The current state to answer from; throws KnowledgeLoadingError before the first load. */
  view(): KnowledgeView;
  /**
   * Makes the first view available. The memory backend loads the knowledge folder; an
   * external engine serves what it already holds (every bot process starts this way) and
   * loads the folder only when it holds nothing yet.
   */
  start(): Promise<ReloadResult>;
  /** Re-reads the knowledge folder and swaps the result in; concurrent calls share one run. */
  reload(): Promise<ReloadResult>;
  readonly reloading: boolean;
  close(): Promise<void>;
}

/** Thrown when an answer is asked for before the first knowledge base has loaded. */
export class KnowledgeLoadingError extends Error {
  constructor() {
    super('the knowledge base is still loading');
  }
}
