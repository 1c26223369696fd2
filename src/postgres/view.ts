import type pg from 'pg';
import type {
  ArticleInfo,
  DatedPassage,
  DaySuggestion,
  KnowledgeCounts,
  KnowledgeView,
} from '../backend/backend';
import { parseDateQuery } from '../extract/dates';
import { toDayNumber } from '../extract/dates/calendar';
import { editDistance, normaliseQuery, queryForms } from '../extract/entities/directory';
import type { Entity, TimeMention } from '../extract/types';
import type { AliasGroup, DateSpan, Passage, Problem } from '../knowledge/types';
import { analyzeTokens } from '../language';
import type { LexiconSide } from '../language/lexicon';
import { DEFAULT_TUNING, makeSnippet, type SearchHit } from '../search';
import { planQuery, type TermStats } from '../search/plan';
import {
  type AnalysedQuery,
  analyseQuery,
  maxEditsFor,
  type PreparedAlias,
  prepareAliases,
  type Vocabulary,
} from '../search/query';
import { foldRole } from './ingest';
import { type CorpusStats, matchersOf, parseTsvector, scoreCandidate } from './rescore';
import { FIELD_WEIGHTS, quoteLexeme } from './tsvector';

/**
 * Answers from PostgreSQL. Passages are found through the GIN index over Kilde's own
 * analysed terms and ranked by `ts_rank_cd` with the memory index's field boosts; Kilde's
 * query analysis (stems in both languages, aliases, a prefix for an unfinished last word,
 * close spellings for words the archive lacks) and its relevance rule (a hit must cover a
 * share of the query's words, weighed by rarity) run here as they do in memory, so both
 * backends answer the same questions with the same passages, ranked by their own engines.
 */

/** What one build of the database says about itself (kilde_state). */
export interface PostgresState {
  builtAt: string;
  problems: Problem[];
  aliases: AliasGroup[];
}

/** Candidates ranked by PostgreSQL before Kilde's coverage rule keeps the real answers. */
const CANDIDATES = 200;
/** How many passages the mean field lengths are estimated from. */
const SAMPLE_PASSAGES = 3000;

// ts_rank_cd takes weights in [0, 1] for {D, C, B, A}: the memory index's field boosts,
// scaled so the largest is 1.
const BOOSTS = DEFAULT_TUNING.boost;
const TOP_BOOST = Math.max(BOOSTS.text, BOOSTS.heading, BOOSTS.title, BOOSTS.names);
const RANK_WEIGHTS = `{${[BOOSTS.text, BOOSTS.heading, BOOSTS.title, BOOSTS.names]
  .map((b) => (b / TOP_BOOST).toFixed(3))
  .join(',')}}`;
// The order ts_rank_cd reads them in must match the weights the ingest gives each field.
if (FIELD_WEIGHTS.text !== 'D' || FIELD_WEIGHTS.names !== 'A') {
  throw new Error('RANK_WEIGHTS assumes text = D, heading = C, title = B, names = A');
}

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const tolerance = (length: number): number =>
  length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;

export class PostgresView implements KnowledgeView {
  readonly builtAt: string;
  readonly problems: readonly Problem[];
  private readonly aliases: PreparedAlias[];
  #counts: Promise<KnowledgeCounts> | undefined;
  #averageLengths: Promise<[number, number, number, number]> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    state: PostgresState,
  ) {
    this.builtAt = state.builtAt;
    this.problems = state.problems;
    this.aliases = prepareAliases(state.aliases);
  }

  counts(): Promise<KnowledgeCounts> {
    this.#counts ??= this.pool
      .query<{
        articles: number;
        passages: number;
        people: number;
        organisations: number;
        dated_events: number;
      }>(
        `select (select count(*)::int from kilde_articles) as articles,
                (select count(*)::int from kilde_passages) as passages,
                (select count(*)::int from kilde_entities where kind = 'person') as people,
                (select count(*)::int from kilde_entities where kind = 'organisation') as organisations,
                (select count(*)::int from kilde_time_mentions) as dated_events`,
      )
      .then(({ rows: [row] }) => ({
        articles: row?.articles ?? 0,
        passages: row?.passages ?? 0,
        people: row?.people ?? 0,
        organisations: row?.organisations ?? 0,
        datedEvents: row?.dated_events ?? 0,
      }));
    return this.#counts;
  }

  /**
   * Words of the archive, as its passages spell them, close to the query words it does
   * not hold: what to try when a search finds nothing (as the memory index offers them).
   */
  async closeWords(query: string, limit: number): Promise<string[]> {
    const { analysed, stats } = await this.analyse(query);
    const words: string[] = [];
    for (const word of analysed.words) {
      if (word.alternatives.some((a) => stats.documentFrequency(a.term) > 0)) continue;
      const term = word.terms[0] ?? '';
      const edits = Math.max(1, maxEditsFor(term.length + 1));
      const [closest] = await this.closeTerms(term, edits);
      if (!closest) continue;
      const spelt = await this.spelling(closest);
      if (spelt && !words.includes(spelt)) words.push(spelt);
      if (words.length >= limit) break;
    }
    return words;
  }

  /** A word of a passage holding `term` that analyses to it, as the passage spells it. */
  private async spelling(term: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ body: Passage }>(
      `select body from kilde_passages where terms @@ to_tsquery('simple', $1) limit 1`,
      [quoteLexeme(term)],
    );
    const passage = rows[0]?.body;
    if (!passage) return undefined;
    return analyzeTokens(passage.text, passage.language).find((t) => t.term === term)?.text;
  }

  /**
   * The query analysis asks the archive's vocabulary (does a term exist, in which
   * language, which terms are close) synchronously, term by term. A database answers in
   * round trips, so the analysis runs against what is known so far, every term it asked
   * about is fetched in one query, and it runs again: two or three rounds settle it.
   */
  private async analyse(query: string): Promise<{ analysed: AnalysedQuery; stats: TermStats }> {
    const known = new Map<string, { passages: number; english: number }>();
    const nearby = new Map<string, string[]>();
    let analysed = analyseQuery(query, this.aliases);
    for (let round = 0; round < 4; round++) {
      const askedTerms = new Set<string>();
      const askedNear = new Map<string, { term: string; edits: number; side: LexiconSide }>();
      const stat = (term: string) => {
        const found = known.get(term);
        if (!found) askedTerms.add(term);
        return found;
      };
      const vocabulary: Vocabulary = {
        documentFrequency: (term) => stat(term)?.passages ?? 0,
        inLanguage: (term, side) => {
          const found = stat(term);
          if (!found) return false;
          return side === 'en' ? found.english > 0 : found.passages > found.english;
        },
        near: (term, edits, side) => {
          const key = `${side}\u0000${edits}\u0000${term}`;
          const found = nearby.get(key);
          if (!found) askedNear.set(key, { term, edits, side });
          return found ?? [];
        },
      };
      analysed = analyseQuery(
        query,
        this.aliases,
        undefined,
        vocabulary,
        DEFAULT_TUNING.alternatives,
      );
      for (const word of analysed.words) for (const a of word.alternatives) stat(a.term);
      for (const a of analysed.aliases) for (const t of a.names.flat(2)) stat(t);
      if (askedTerms.size === 0 && askedNear.size === 0) break;
      await this.fetchTerms([...askedTerms], known);
      for (const [key, ask] of askedNear) {
        nearby.set(key, await this.closeTerms(ask.term, ask.edits, ask.side));
      }
    }
    const documentCount = Math.max(1, (await this.counts()).passages);
    return {
      analysed,
      stats: { documentCount, documentFrequency: (term) => known.get(term)?.passages ?? 0 },
    };
  }

  async searchPassages(query: string, limit: number): Promise<SearchHit[]> {
    const { analysed, stats } = await this.analyse(query);
    if (analysed.words.length === 0) return [];
    // The same plan the memory index runs (plan.ts): which terms stand for each query word,
    // with which weight, which are prefixes or close spellings, how rare each word is.
    const plan = planQuery(analysed, stats, DEFAULT_TUNING);

    // Each group of a clause becomes the terms that satisfy it: its alternatives, their
    // close spellings in the archive (pg_trgm narrows, edit distance decides), and
    // prefixes, which PostgreSQL matches itself (`term:*`).
    const clauses: { groups: { exact: Set<string>; prefixes: string[] }[]; covers: number[] }[] =
      [];
    const closeTerms = new Map<string, string[]>();
    for (const clause of plan.clauses) {
      const groups: { exact: Set<string>; prefixes: string[] }[] = [];
      for (const group of clause.groups) {
        const exact = new Set<string>();
        const prefixes: string[] = [];
        for (const term of group) {
          exact.add(term.term);
          if (term.prefix) prefixes.push(term.term);
          if (term.fuzzy > 0) {
            const close = await this.closeTerms(term.term, term.fuzzy);
            closeTerms.set(term.term, close);
            for (const c of close) exact.add(c);
          }
        }
        groups.push({ exact, prefixes });
      }
      clauses.push({ groups, covers: clause.covers });
    }
    const tsquery = clauses
      .map(
        (clause) =>
          `(${clause.groups
            .map(
              (g) =>
                `(${[...[...g.exact].map(quoteLexeme), ...g.prefixes.map((p) => `${quoteLexeme(p)}:*`)].join(' | ')})`,
            )
            .join(' & ')})`,
      )
      .join(' | ');
    const allTerms = [...new Set(clauses.flatMap((c) => c.groups.flatMap((g) => [...g.exact])))];
    const allPrefixes = [...new Set(clauses.flatMap((c) => c.groups.flatMap((g) => g.prefixes)))];

    // The GIN index finds the matches; ts_rank_cd (field weights, no rarity) picks the
    // candidates, which are then ranked by Kilde's BM25+ (rescore.ts).
    const { rows } = await this.pool.query<{
      id: string;
      body: Passage;
      terms: string;
      matched: string[] | null;
    }>(
      `select p.id, p.body, p.terms::text as terms,
              (select array_agg(u.lexeme) from unnest(p.terms) u
                where u.lexeme = any($3) or u.lexeme like any($4)) as matched
         from (select id, ts_rank_cd($2::float4[], terms, q, 1) as rank
                 from kilde_passages, to_tsquery('simple', $1) q
                where terms @@ q
                order by rank desc, id
                limit ${CANDIDATES}) ranked
         join kilde_passages p on p.id = ranked.id
        order by ranked.rank desc, ranked.id`,
      [tsquery, RANK_WEIGHTS, allTerms, allPrefixes.map(likePrefix)],
    );
    const matchedTerms = [...new Set(rows.flatMap((row) => row.matched ?? []))];
    const termStats = new Map<string, { passages: number; english: number }>();
    await this.fetchTerms(matchedTerms, termStats);
    const corpus: CorpusStats = {
      documentCount: stats.documentCount,
      documentFrequency: (term) => termStats.get(term)?.passages ?? stats.documentFrequency(term),
      averageLengths: await this.averageFieldLengths(),
    };
    const matchers = matchersOf(plan, closeTerms);
    const ranked = rows
      .map((row, rank) => ({
        row,
        rank,
        score: scoreCandidate(parseTsvector(row.terms), matchers, corpus, DEFAULT_TUNING),
      }))
      .sort((a, b) => b.score - a.score || a.rank - b.rank);

    // Kilde's relevance rule, as in memory: the clauses a passage satisfies must cover
    // enough of the query's words, weighed by rarity.
    const wordTotal = plan.wordWeights.reduce((a, b) => a + b, 0);
    const coverage = (matched: ReadonlySet<string>) => {
      if (wordTotal <= 0) return 1;
      const has = (g: { exact: Set<string>; prefixes: string[] }) =>
        [...g.exact].some((t) => matched.has(t)) ||
        g.prefixes.some((p) => [...matched].some((t) => t.startsWith(p)));
      const words = new Set<number>();
      for (const clause of clauses) {
        if (clause.groups.every(has)) for (const w of clause.covers) words.add(w);
      }
      let sum = 0;
      for (const w of words) sum += plan.wordWeights[w] ?? 0;
      return sum / wordTotal;
    };

    // The relevance floor, as in memory: when even the best candidate matches too little of
    // what was asked, the archive has no answer.
    const covered = ranked.map(({ row }) => coverage(new Set(row.matched ?? [])));
    if (Math.max(0, ...covered) < DEFAULT_TUNING.minBestCoverage) return [];
    const hits: SearchHit[] = [];
    for (const [i, { row, score }] of ranked.entries()) {
      if (hits.length >= limit) break;
      const matched = row.matched ?? [];
      if ((covered[i] ?? 0) < plan.minCoverage) continue;
      hits.push({
        passageId: row.id,
        articleId: row.body.articleId,
        score,
        matchedTerms: matched,
        snippet: makeSnippet(row.body.text, row.body.language, { terms: new Set(matched) }),
      });
    }
    return hits;
  }

  /**
   * The mean length of each field over the archive, for BM25's length normalisation:
   * estimated once per view from a sample of about SAMPLE_PASSAGES passages (a page-level
   * sample: cheap at any size, and a mean needs no more).
   */
  private averageFieldLengths(): Promise<[number, number, number, number]> {
    this.#averageLengths ??= (async () => {
      const { passages } = await this.counts();
      const percent = Math.min(
        100,
        Math.max(0.01, (100 * SAMPLE_PASSAGES) / Math.max(1, passages)),
      );
      const sample = async (clause: string) =>
        (
          await this.pool.query<{ terms: string }>(
            `select terms::text as terms from kilde_passages ${clause}`,
          )
        ).rows;
      let rows = await sample(`tablesample system (${percent.toFixed(4)})`);
      // A small table's few pages may all be skipped: then read the first passages.
      if (rows.length < Math.min(passages, 100)) rows = await sample(`limit ${SAMPLE_PASSAGES}`);
      const totals: [number, number, number, number] = [0, 0, 0, 0];
      for (const row of rows) {
        const { lengths } = parseTsvector(row.terms);
        for (let f = 0; f < 4; f++) totals[f] = (totals[f] ?? 0) + (lengths[f] ?? 0);
      }
      const n = Math.max(1, rows.length);
      return totals.map((t) => t / n) as [number, number, number, number];
    })();
    return this.#averageLengths;
  }

  private async fetchTerms(
    terms: readonly string[],
    into: Map<string, { passages: number; english: number }>,
  ): Promise<void> {
    for (const term of terms) into.set(term, { passages: 0, english: 0 });
    if (terms.length === 0) return;
    const { rows } = await this.pool.query<{ term: string; passages: number; english: number }>(
      'select term, passages, english from kilde_term_stats where term = any($1)',
      [[...new Set(terms)]],
    );
    for (const r of rows) into.set(r.term, { passages: r.passages, english: r.english });
  }

  /**
   * Terms the archive holds within `distance` edits of a word, in passages of one language
   * when `side` is given (pg_trgm narrows, the edit distance decides).
   */
  private async closeTerms(word: string, distance: number, side?: LexiconSide): Promise<string[]> {
    const language =
      side === undefined ? '' : side === 'en' ? 'and english > 0' : 'and passages > english';
    const { rows } = await this.pool.query<{ term: string }>(
      `select term from kilde_term_stats
        where term % $1 and term <> $1 and abs(length(term) - length($1)) <= $2 ${language}
        order by similarity(term, $1) desc, passages desc
        limit 20`,
      [word, distance],
    );
    return rows.map((r) => r.term).filter((t) => editDistance(word, t, distance) <= distance);
  }

  async passages(ids: readonly string[]): Promise<ReadonlyMap<string, Passage>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; body: Passage }>(
      'select id, body from kilde_passages where id = any($1)',
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, r.body]));
  }

  async articles(ids: readonly string[]): Promise<ReadonlyMap<string, ArticleInfo>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; body: ArticleInfo }>(
      'select id, body from kilde_articles where id = any($1)',
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, r.body]));
  }

  async listArticles(): Promise<ArticleInfo[]> {
    const { rows } = await this.pool.query<{ body: ArticleInfo }>(
      'select body from kilde_articles order by id',
    );
    return rows.map((r) => r.body);
  }

  async publishedIn(span: DateSpan): Promise<{ article: ArticleInfo; lead?: Passage }[]> {
    const { rows } = await this.pool.query<{ body: ArticleInfo; lead: Passage | null }>(
      `select a.body, p.body as lead
         from kilde_articles a
         left join kilde_passages p on p.article_id = a.id and p.position = 0
        where a.published_start >= $1 and a.published_end <= $2`,
      [span.start, span.end],
    );
    return rows.map((r) => ({ article: r.body, ...(r.lead ? { lead: r.lead } : {}) }));
  }

  async lookupEntities(query: string): Promise<{ matches: Entity[]; suggestions: Entity[] }> {
    const folded = normaliseQuery(query);
    if (!folded) return { matches: [], suggestions: [] };
    for (const form of queryForms(folded)) {
      const matches = await this.entitiesWhere(
        'id in (select entity_id from kilde_entity_names where folded = $1 and exact)',
        [form],
      );
      if (matches.length > 0) return { matches, suggestions: [] };
    }
    const limit = tolerance(folded.length);
    if (limit === 0) return { matches: [], suggestions: [] };
    const { rows } = await this.pool.query<{ entity_id: string; folded: string; passages: number }>(
      `select n.entity_id, n.folded, e.passage_count as passages
         from kilde_entity_names n join kilde_entities e on e.id = n.entity_id
        where n.folded % $1
        order by similarity(n.folded, $1) desc
        limit 200`,
      [folded],
    );
    const best = new Map<string, { distance: number; passages: number }>();
    for (const row of rows) {
      const distance = editDistance(folded, row.folded, limit);
      if (distance > limit) continue;
      const known = best.get(row.entity_id);
      if (!known || distance < known.distance)
        best.set(row.entity_id, { distance, passages: row.passages });
    }
    const ranked = [...best.entries()]
      .sort((a, b) => a[1].distance - b[1].distance || b[1].passages - a[1].passages)
      .slice(0, 5)
      .map(([id]) => id);
    const found = await this.entities(ranked);
    return {
      matches: [],
      suggestions: ranked.map((id) => found.get(id)).filter((e) => e !== undefined),
    };
  }

  async suggestEntities(partial: string, limit: number): Promise<Entity[]> {
    const folded = normaliseQuery(partial);
    if (limit <= 0) return [];
    if (!folded) {
      return this.entitiesWhere('true', [], limit);
    }
    const prefixed = await this.entitiesWhere(
      'id in (select entity_id from kilde_entity_names where folded like $1)',
      [likePrefix(folded)],
      limit,
    );
    if (prefixed.length >= limit || folded.length < 3) return prefixed;
    // Then names whose words nearly start with what was typed (one edit).
    const { rows } = await this.pool.query<{ entity_id: string; folded: string }>(
      `select entity_id, folded from kilde_entity_names
        where not exact and folded % $1 limit 200`,
      [folded],
    );
    const near = new Set<string>();
    for (const row of rows) {
      const head = row.folded.slice(0, folded.length);
      const longer = row.folded.slice(0, folded.length + 1);
      if (editDistance(folded, head, 1) <= 1 || editDistance(folded, longer, 1) <= 1)
        near.add(row.entity_id);
    }
    for (const e of prefixed) near.delete(e.id);
    const more = await this.entitiesWhere('id = any($1)', [[...near]], limit - prefixed.length);
    return [...prefixed, ...more];
  }

  async entitiesByRole(role: string): Promise<Entity[]> {
    return this.entitiesWhere(
      'id in (select entity_id from kilde_entity_roles where folded_role = $1)',
      [foldRole(role)],
    );
  }

  async entities(ids: readonly string[]): Promise<ReadonlyMap<string, Entity>> {
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ id: string; body: Entity }>(
      'select id, body from kilde_entities where id = any($1)',
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, r.body]));
  }

  /** Entities matching a condition, most mentioned first (as the memory directory ranks). */
  private async entitiesWhere(
    condition: string,
    params: unknown[],
    limit = 1000,
  ): Promise<Entity[]> {
    const { rows } = await this.pool.query<{ body: Entity }>(
      `select body from kilde_entities where ${condition}
        order by passage_count desc, name limit ${Math.max(0, Math.floor(limit))}`,
      params,
    );
    return rows.map((r) => r.body);
  }

  async entitiesInPassages(
    passageIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>> {
    if (passageIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ passage_id: string; ids: string[] }>(
      `select passage_id, array_agg(entity_id order by entity_id) as ids
         from kilde_entity_passages where passage_id = any($1) group by passage_id`,
      [[...passageIds]],
    );
    return new Map(rows.map((r) => [r.passage_id, r.ids]));
  }

  async timeMentions(
    passageIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly TimeMention[]>> {
    if (passageIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ passage_id: string; mentions: TimeMention[] }>(
      `select passage_id, jsonb_agg(body order by position) as mentions
         from kilde_time_mentions where passage_id = any($1) group by passage_id`,
      [[...passageIds]],
    );
    return new Map(rows.map((r) => [r.passage_id, r.mentions]));
  }

  async datedWithin(span: DateSpan): Promise<DatedPassage[]> {
    const { rows } = await this.pool.query<{ passage_id: string; mentions: TimeMention[] }>(
      `select passage_id, jsonb_agg(body order by position) as mentions
         from kilde_time_mentions
        where span_start >= $1 and span_end <= $2
        group by passage_id`,
      [span.start, span.end],
    );
    return rows.map((r) => ({ passageId: r.passage_id, mentions: r.mentions }));
  }

  async suggestDays(partial: string, limit: number): Promise<DaySuggestion[]> {
    const typed = partial.trim();
    if (typed === '') {
      return this.days('true order by total desc, day desc', [], limit);
    }
    const prefixed = await this.days('day like $1 order by day', [likePrefix(typed)], limit);
    if (prefixed.length > 0) return prefixed;
    const parsed = parseDateQuery(typed);
    return parsed.ok ? this.nearestDays(parsed.span, limit) : [];
  }

  async nearestDays(span: DateSpan, limit: number): Promise<DaySuggestion[]> {
    const [before, inside, after] = await Promise.all([
      this.days('day < $1 order by day desc', [span.start], limit),
      this.days('day >= $1 and day <= $2 order by day', [span.start, span.end], limit),
      this.days('day > $1 order by day', [span.end], limit),
    ]);
    const from = toDayNumber(span.start);
    const to = toDayNumber(span.end);
    const distance = (d: DaySuggestion) => {
      const n = toDayNumber(d.date);
      return n < from ? from - n : n > to ? n - to : 0;
    };
    return [...before, ...inside, ...after]
      .sort((a, b) => distance(a) - distance(b) || a.date.localeCompare(b.date))
      .slice(0, limit)
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  private async days(where: string, params: unknown[], limit: number): Promise<DaySuggestion[]> {
    const { rows } = await this.pool.query<{
      day: string;
      published: number;
      events: number;
      preview: string;
    }>(
      `select day, published, events, preview from kilde_days where ${where}
        limit ${Math.max(0, Math.floor(limit))}`,
      params,
    );
    return rows.map((r) => ({
      date: r.day,
      published: r.published,
      events: r.events,
      preview: r.preview,
    }));
  }
}
