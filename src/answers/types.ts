/**
 * What the answering core returns: plain data, no sentences and no Discord. The console
 * and the Discord layer each render these in the user's language.
 */
import type { EntityKind } from '../extract/types';
import type { DateSpan, Language, Problem } from '../knowledge/types';
import type {
  Actor,
  AddOutcome,
  ArticleChoice,
  ArticleDraft,
  AuditEntry,
  MoveOutcome,
} from '../moderation/types';
import type { Snippet } from '../search/snippet';
import type { TimelineAnswer } from './timeline';

export type { Snippet };

/** Where a passage comes from: enough to cite it. */
export interface SourceRef {
  articleId: string;
  title: string;
  published: DateSpan;
  url?: string;
  source?: string;
  /** The knowledge file, for citing when there is no url. */
  file: string;
  language: Language;
}

/** Words in a passage that date what it tells, and the span they resolve to. */
export interface Dating {
  text: string;
  span: DateSpan;
  kind: 'explicit' | 'weekday' | 'relative';
}

/** A quoted passage with its source and the words to highlight. */
export interface QuotedPassage {
  passageId: string;
  heading?: string;
  snippet: Snippet;
  source: SourceRef;
  /** When the passage's events happened, as its own words date them (answers "when?"). */
  datings?: Dating[];
}

export interface EntitySummary {
  id: string;
  name: string;
  kind: EntityKind;
  /** The role the archive gives it most often, when it gives one. */
  role?: string;
  /** How many passages mention it: how much the archive says about it. */
  passageCount: number;
}

export interface EntityCard extends EntitySummary {
  aliases: string[];
  /** Distinct roles, most attested first, each with the articles that give it. */
  roles: { role: string; roleText: string; sources: SourceRef[] }[];
  articleCount: number;
  firstSeen: DateSpan;
  lastSeen: DateSpan;
  /** The best passages about it, one article after another, best first. */
  passages: QuotedPassage[];
  /** Names that appear in the same passages most often. */
  related: EntitySummary[];
}

export type InputError = 'empty' | 'too-long' | 'invalid' | 'impossible';

export type WhoAnswer =
  | { kind: 'found'; query: string; card: EntityCard }
  | { kind: 'ambiguous'; query: string; candidates: EntitySummary[] }
  | { kind: 'unknown'; query: string; suggestions: EntitySummary[] }
  | { kind: 'invalid'; query: string; error: InputError };

/** A passage the text dates to the asked span, with the words that dated it. */
export interface DatedEvent {
  passage: QuotedPassage;
  /** The words that dated it ("Tirsdag i neste uke") and what they resolved to. */
  dating: Dating;
}

export interface PublishedArticle {
  source: SourceRef;
  /** The article's opening passage, as a preview. */
  lead?: QuotedPassage;
}

/** One day of a period: articles published that day, events the text dates to it. */
export interface DayCount {
  date: string;
  published: number;
  events: number;
}

/** Counted per day when the asked period is longer than a day (and at most a quarter). */
export interface PerDay {
  days?: DayCount[];
  /** The days with most events (then articles), busiest first; at most three. */
  busiest?: string[];
}

export type WhatHappenedAnswer =
  | ({
      kind: 'found';
      query: string;
      span: DateSpan;
      topic?: string;
      published: PublishedArticle[];
      events: DatedEvent[];
    } & PerDay)
  | ({
      kind: 'empty';
      query: string;
      span: DateSpan;
      topic?: string;
      nearest: DaySuggestion[];
    } & PerDay)
  | { kind: 'invalid'; query: string; error: InputError };

export type SearchAnswer =
  | { kind: 'found'; query: string; hits: QuotedPassage[] }
  | { kind: 'none'; query: string; suggestions: string[] }
  | { kind: 'invalid'; query: string; error: InputError };

export interface SourcesAnswer {
  /** Newest first. */
  articles: (SourceRef & { passages: number })[];
}

/** A day the archive has something on, for autocomplete and "nearest days". */
export interface DaySuggestion {
  /** ISO day (YYYY-MM-DD). */
  date: string;
  published: number;
  events: number;
  /** A few words about the day (an article title or the dated words' passage). */
  preview: string;
}

export interface KnowledgeStatus {
  articles: number;
  passages: number;
  people: number;
  organisations: number;
  datedEvents: number;
  /** ISO timestamp of the build now serving answers. */
  loadedAt: string;
  reloading: boolean;
  problems: Problem[];
}

export interface ReloadReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Articles whose new version failed to parse and that kept their last good version. */
  kept: string[];
  articles: number;
  passages: number;
  people: number;
  datedEvents: number;
  problems: Problem[];
  durationMs: number;
  /** True when the knowledge base was already being reloaded and this call waited for it. */
  joined: boolean;
}

/**
 * Everything the console and the Discord layer may ask of the core. Asynchronous: the
 * answers read through a KnowledgeBackend, which may be an external engine.
 */
export interface Kilde {
  who(query: string): Promise<WhoAnswer>;
  whatHappened(query: string, topic?: string): Promise<WhatHappenedAnswer>;
  search(query: string): Promise<SearchAnswer>;
  sources(): Promise<SourcesAnswer>;
  status(): Promise<KnowledgeStatus>;
  reload(): Promise<ReloadReport>;
  suggestNames(partial: string, limit: number): Promise<EntitySummary[]>;
  suggestDays(partial: string, limit: number): Promise<DaySuggestion[]>;
  /** When a name is mentioned, per period, and the events dated for it: a picture's data. */
  timeline(query: string): Promise<TimelineAnswer>;
  /** Moderators: validates, stores and loads an article; refused with nothing changed. */
  addArticle(draft: ArticleDraft, actor: Actor): Promise<AddOutcome>;
  /** Moderators: takes an article out of the answers (kept aside, restorable). */
  removeArticle(ref: string, actor: Actor): Promise<MoveOutcome>;
  restoreArticle(ref: string, actor: Actor): Promise<MoveOutcome>;
  suggestArticles(partial: string, limit: number): Promise<ArticleChoice[]>;
  suggestRemoved(partial: string, limit: number): Promise<ArticleChoice[]>;
  /** Moderators: a reload they asked for, in the audit log with what it changed. */
  recordReload(actor: Actor, report: ReloadReport): Promise<AuditEntry>;
}
