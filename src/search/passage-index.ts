import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject, type Query, type SearchResult } from 'minisearch';
import { z } from 'zod';
import type { AliasGroup, Article, DateSpan, Language, Passage } from '../knowledge/types';
import { ANALYZER_VERSION, analyze } from '../language';
import { type AnalysedQuery, analyseQuery, type PreparedAlias, prepareAliases } from './query';
import { makeSnippet, type Snippet } from './snippet';
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
    return new PassageIndex(restored, input, fingerprint, tuning);
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
    const plan = this.plan(analysed);
    const filter = options.filter;
    const results = this.mini.search(plan.query, {
      ...(filter ? { filter: (r: SearchResult) => filter(String(r.id)) } : {}),
    });
    const hits: SearchHit[] = [];
    const limit = options.limit ?? 10;
    for (const result of results) {
      if (hits.length >= limit) break;
      if (plan.coverage(result.queryTerms) < this.tuning.minCoverage) continue;
      const entry = this.passages.get(String(result.id));
      if (!entry) continue;
      const matchedTerms = result.terms;
      hits.push({
        passageId: entry.passage.id,
        articleId: entry.passage.articleId,
        score: result.score,
        matchedTerms,
        snippet: makeSnippet(entry.passage.text, entry.passage.language, {
          terms: new Set(matchedTerms),
        }),
      });
    }
    return hits;
  }

  /** The MiniSearch query tree for an analysed query, and how to score a hit's coverage. */
  private plan(analysed: AnalysedQuery): {
    query: Query;
    coverage: (queryTerms: readonly string[]) => number;
  } {
    const tuning = this.tuning;
    const total = this.mini.documentCount;
    const termWords = new Map<string, Set<number>>();
    const note = (term: string, word: number) => {
      const set = termWords.get(term) ?? new Set<number>();
      set.add(word);
      termWords.set(term, set);
    };

    const weights: number[] = [];
    const queries: Query[] = analysed.words.map((word, i) => {
      for (const term of word.terms) note(term, i);
      const df = Math.max(...word.terms.map((t) => documentFrequency(this.mini, t)));
      // BM25's idf: coverage counts rare words more than common ones. A word the index
      // does not hold (a typo, or a word no passage uses) would dwarf the others, so it
      // weighs as much as the rarest possible known word.
      weights.push(Math.log(1 + (total - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5)));
      const head = word.terms[0] ?? '';
      // Fuzzy only for words the index does not hold: a known word is taken as meant, and
      // fuzzying it would pull in its neighbours ("Oslo" -> "Osló") and cost time.
      const fuzzy = df === 0 && head.length >= tuning.fuzzyMinLength ? tuning.fuzzy : false;
      // Likewise a prefix only for an unfinished last word: a complete word is meant as
      // typed, and expanding a short one ("stor") walks thousands of terms (bench p99).
      const prefix = word.last && df === 0 && head.length >= tuning.prefixMinLength;
      return { combineWith: 'OR', queries: [...word.terms], fuzzy, prefix };
    });

    const aliasBoost = Object.fromEntries(
      Object.entries(tuning.boost).map(([field, boost]) => [field, boost * tuning.aliasWeight]),
    );
    for (const expansion of analysed.aliases) {
      const names: Query[] = [];
      for (const name of expansion.names) {
        if (name.length === 0) continue;
        for (const alternatives of name) {
          for (const term of alternatives) for (const w of expansion.covers) note(term, w);
        }
        names.push({
          combineWith: 'AND',
          queries: name.map((alternatives) => ({ combineWith: 'OR', queries: [...alternatives] })),
        });
      }
      if (names.length > 0) queries.push({ combineWith: 'OR', boost: aliasBoost, queries: names });
    }

    const weightSum = weights.reduce((a, b) => a + b, 0);
    return {
      query: { combineWith: 'OR', queries },
      coverage: (queryTerms) => {
        if (weightSum <= 0) return 1;
        const matched = new Set<number>();
        for (const term of queryTerms) for (const w of termWords.get(term) ?? []) matched.add(w);
        let sum = 0;
        for (const w of matched) sum += weights[w] ?? 0;
        return sum / weightSum;
      },
    };
  }
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

// MiniSearch keeps its inverted index in a protected field and offers no document-frequency
// lookup; search needs one (to fuzzy only unknown words and to weigh coverage by rarity).
// Read through a narrow structural view, and treat every word as known if it ever moves.
interface IndexInternals {
  _index?: { get(term: string): Map<number, Map<number, number>> | undefined };
}

function documentFrequency(mini: MiniSearch<IndexedDocument>, term: string): number {
  const index = (mini as unknown as IndexInternals)._index;
  if (!index || typeof index.get !== 'function') return 1;
  const data = index.get(term);
  if (!data) return 0;
  let df = 0;
  for (const docs of data.values()) df = Math.max(df, docs.size);
  return df;
}
