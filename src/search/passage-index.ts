import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { z } from 'zod';
import type { AliasGroup, Article, DateSpan, Language, Passage } from '../knowledge/types';
import { ANALYZER_VERSION, analyze } from '../language';
import { planQuery } from './plan';
import { analyseQuery, type PreparedAlias, prepareAliases } from './query';
import { makeSnippet, type Snippet } from './snippet';
import { type RetrievalCost, TopKRetriever } from './top-k';
import { DEFAULT_TUNING, type SearchTuning } from './tuning';

export interface IndexedArticleInfo {
  id: string;
  title: string;
  published: DateSpan;
  url?: string;
  source?: string;
  language: Language;
}

export interface SearchHit {
  passageId: string;
  articleId: string;
  score: number;
  /** Index terms of the passage the query matched. */
  matchedTerms: string[];
  snippet: Snippet;
}

export interface PassageIndexInput {
  articles: readonly Article[];
  aliases: readonly AliasGroup[];
  /** Extra searchable names per passage id (entities). */
  entityNames?: ReadonlyMap<string, readonly string[]>;
}

export interface SearchOptions {
  /** Most hits returned; 10 unless given. */
  limit?: number;
  filter?: (passageId: string) => boolean;
  /**
   * The language the query is written in, when known (the user's locale). It decides which
   * query words are function words; the words are still stemmed for every language, so a
   * query finds passages in any language.
   */
  language?: Language;
}

const FIELDS = ['text', 'heading', 'title', 'names'] as const;
type Field = (typeof FIELDS)[number];
type IndexedDocument = { id: string } & Record<Field, string>;

const SNAPSHOT_FORMAT = 'kilde-passage-index';
/** Bump when the indexed fields or their analysis change. */
const INDEX_VERSION = 1;

// Every field holds terms analysed beforehand with the passage's own language (MiniSearch's
// term processor cannot know which document a term belongs to), so splitting on spaces
// is all the tokenizing MiniSearch has left to do.
const splitTerms = (text: string): string[] => text.split(' ');
const keepTerm = (term: string): string | null => (term.length > 0 ? term : null);

function miniSearchOptions(tuning: SearchTuning) {
  return {
    fields: [...FIELDS],
    storeFields: [],
    tokenize: splitTerms,
    processTerm: keepTerm,
    searchOptions: {
      boost: { ...tuning.boost },
      weights: { ...tuning.weights },
      bm25: { ...tuning.bm25 },
    },
  };
}

interface PassageEntry {
  passage: Passage;
  article: IndexedArticleInfo;
}

/** A full-text index over passages, ranking with BM25 over stemmed, per-language terms. */
/** How many passages are indexed between two yields to the event loop in `buildAsync`. */
const YIELD_EVERY = 250;

/** Each passage as MiniSearch indexes it: analysed with its own language, fields pre-joined. */
function* documentsOf(input: PassageIndexInput): Generator<IndexedDocument> {
  for (const article of input.articles) {
    const title = analyze(article.title, article.language).join(' ');
    for (const passage of article.passages) {
      const names = input.entityNames?.get(passage.id) ?? [];
      yield {
        id: passage.id,
        text: analyze(passage.text, passage.language).join(' '),
        heading: passage.heading ? analyze(passage.heading, passage.language).join(' ') : '',
        title,
        names: names.map((n) => analyze(n, passage.language).join(' ')).join(' '),
      };
    }
  }
}

export class PassageIndex {
  private readonly passages: Map<string, PassageEntry>;
  private readonly articles: Map<string, IndexedArticleInfo>;
  private readonly preparedAliases: PreparedAlias[];
  private readonly retriever: TopKRetriever;

  private constructor(
    private readonly mini: MiniSearch<IndexedDocument>,
    input: PassageIndexInput,
    private readonly fingerprint: string,
    private readonly tuning: SearchTuning,
  ) {
    this.passages = new Map();
    this.articles = new Map();
    for (const article of input.articles) {
      const info = articleInfo(article);
      this.articles.set(article.id, info);
      for (const passage of article.passages)
        this.passages.set(passage.id, { passage, article: info });
    }
    this.preparedAliases = prepareAliases(input.aliases);
    this.retriever = new TopKRetriever(mini, { boost: tuning.boost, bm25: tuning.bm25 });
  }

  static build(input: PassageIndexInput, tuning: SearchTuning = DEFAULT_TUNING): PassageIndex {
    const mini = new MiniSearch<IndexedDocument>(miniSearchOptions(tuning));
    for (const document of documentsOf(input)) mini.add(document);
    return new PassageIndex(mini, input, fingerprintOf(input), tuning);
  }

  /**
   * The same as `build`, yielding to the event loop every few hundred passages so that a
   * reload of a large archive never holds up the answers served meanwhile.
   */
  static async buildAsync(
    input: PassageIndexInput,
    tuning: SearchTuning = DEFAULT_TUNING,
  ): Promise<PassageIndex> {
    const mini = new MiniSearch<IndexedDocument>(miniSearchOptions(tuning));
    let added = 0;
    for (const document of documentsOf(input)) {
      mini.add(document);
      if (++added % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return new PassageIndex(mini, input, fingerprintOf(input), tuning);
  }

  /** A JSON-safe snapshot: restoring it skips all text analysis. */
  toJSON(): PassageIndexSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      indexVersion: INDEX_VERSION,
      analyzerVersion: ANALYZER_VERSION,
      fingerprint: this.fingerprint,
      mini: this.mini.toJSON(),
    };
  }

  /**
   * Restores a snapshot made from the same input. Throws when the snapshot is malformed, was
   * made by another analyzer or index version, or from other articles or entity names: the
   * caller then builds afresh.
   */
  static fromJSON(
    json: unknown,
    input: PassageIndexInput,
    tuning: SearchTuning = DEFAULT_TUNING,
  ): PassageIndex {
    const { mini, fingerprint } = checkSnapshot(json, input);
    const restored = MiniSearch.loadJS<IndexedDocument>(mini, miniSearchOptions(tuning));
    return new PassageIndex(restored, input, fingerprint, tuning);
  }

  /**
   * The same as `fromJSON`, yielding to the event loop every thousand terms (MiniSearch's
   * `loadJSAsync`), so that a restart or reload of a large archive never holds up answers.
   * It takes the parsed snapshot rather than its text, unlike MiniSearch's `loadJSONAsync`:
   * that one parses the whole text at once, and parsing the index of 50k passages alone
   * holds the event loop for hundreds of milliseconds. Callers parse it in pieces instead.
   */
  static async fromJSONAsync(
    json: unknown,
    input: PassageIndexInput,
    tuning: SearchTuning = DEFAULT_TUNING,
  ): Promise<PassageIndex> {
    const { mini, fingerprint } = checkSnapshot(json, input);
    const restored = await MiniSearch.loadJSAsync<IndexedDocument>(mini, miniSearchOptions(tuning));
    const index = new PassageIndex(restored, input, fingerprint, tuning);
    // The archive that answers is restored this way: its frequent terms are sorted in
    // the background from here on (a failure there only leaves them to the first query).
    index.warm().catch(() => undefined);
    return index;
  }

  /** What the latest search cost (passages scored, postings read in impact order). */
  get lastCost(): RetrievalCost {
    return this.retriever.lastCost;
  }

  /**
   * Prepares the frequent terms' impact order in the background (sliced), so that the
   * first queries after a build or restart cost what later ones do. Returns the lists sorted.
   */
  warm(): Promise<number> {
    return this.retriever.warm();
  }

  get size(): number {
    return this.mini.documentCount;
  }

  article(articleId: string): IndexedArticleInfo | undefined {
    return this.articles.get(articleId);
  }

  passage(passageId: string): Passage | undefined {
    return this.passages.get(passageId)?.passage;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const analysed = analyseQuery(query, this.preparedAliases, options.language);
    if (analysed.words.length === 0) return [];
    const plan = planQuery(analysed, this.retriever, this.tuning);
    const filter = options.filter;
    const found = this.retriever.search(plan, {
      k: options.limit ?? 10,
      ...(filter ? { accept: filter } : {}),
    });
    const hits: SearchHit[] = [];
    for (const result of found) {
      const entry = this.passages.get(result.documentId);
      if (!entry) continue;
      hits.push(lazySnippet(entry.passage, result.score, result.matchedTerms));
    }
    return hits;
  }
}

/**
 * A hit whose snippet is made when first read: callers often read only the first few of
 * 25 hits (or none, for a topic filter of 500), and a snippet splits and marks the
 * whole passage.
 */
function lazySnippet(passage: Passage, score: number, matchedTerms: string[]): SearchHit {
  let snippet: Snippet | undefined;
  return {
    passageId: passage.id,
    articleId: passage.articleId,
    score,
    matchedTerms,
    get snippet(): Snippet {
      snippet ??= makeSnippet(passage.text, passage.language, { terms: new Set(matchedTerms) });
      return snippet;
    },
  };
}

export interface PassageIndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  indexVersion: number;
  analyzerVersion: number;
  fingerprint: string;
  mini: AsPlainObject;
}

const SnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  indexVersion: z.number(),
  analyzerVersion: z.number(),
  fingerprint: z.string(),
  mini: z.object({
    documentCount: z.number(),
    nextId: z.number(),
    documentIds: z.record(z.string(), z.string()),
    fieldIds: z.record(z.string(), z.number()),
    fieldLength: z.custom<Record<string, number[]>>(isPlainObject),
    averageFieldLength: z.array(z.number()),
    storedFields: z.custom<Record<string, unknown>>(isPlainObject),
    dirtCount: z.number().optional(),
    index: z.custom<unknown[]>((v) => Array.isArray(v)),
    serializationVersion: z.number(),
  }),
});

/**
 * Checks that a snapshot can be restored for `input`: well formed, made by this index and
 * analyzer version, and from the same articles and entity names. Throws otherwise.
 */
function checkSnapshot(
  json: unknown,
  input: PassageIndexInput,
): { mini: AsPlainObject; fingerprint: string } {
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Not a passage index snapshot: ${parsed.error.message}`);
  const snapshot = parsed.data;
  if (snapshot.indexVersion !== INDEX_VERSION || snapshot.analyzerVersion !== ANALYZER_VERSION) {
    throw new Error('Passage index snapshot was made by another index or analyzer version');
  }
  const fingerprint = fingerprintOf(input);
  if (snapshot.fingerprint !== fingerprint) {
    throw new Error('Passage index snapshot was made from other articles or names');
  }
  // The schema checked the parts MiniSearch trusts blindly; the inverted index itself is
  // too large to check entry by entry on every restart, and the fingerprint vouches for it.
  return { mini: snapshot.mini as unknown as AsPlainObject, fingerprint };
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function articleInfo(article: Article): IndexedArticleInfo {
  const info: IndexedArticleInfo = {
    id: article.id,
    title: article.title,
    published: article.published,
    language: article.language,
  };
  if (article.url !== undefined) info.url = article.url;
  if (article.source !== undefined) info.source = article.source;
  return info;
}

/** What the indexed content depends on: article versions and the entity names. */
function fingerprintOf(input: PassageIndexInput): string {
  const hash = createHash('sha256');
  for (const article of input.articles) {
    hash.update(`${article.id}\u0000${article.hash}\u0000${article.passages.length}\u0000`);
  }
  // Sorted by passage id alone: a plain sort() turns every entry into a string on every
  // comparison, which took 170 ms at 50k passages (the restore's longest stall).
  const names = input.entityNames
    ? [...input.entityNames.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    : [];
  for (const [passageId, list] of names)
    hash.update(`${passageId}\u0001${list.join('\u0002')}\u0003`);
  return hash.digest('hex');
}
