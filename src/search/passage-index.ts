import { createHash } from 'node:crypto';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { z } from 'zod';
import type { Pace } from '../knowledge/pace';
import { articleIdOf, passageId, passageIdCut, positionAfter } from '../knowledge/passage-id';
import type { AliasGroup, Article, DateSpan, Language, Passage } from '../knowledge/types';
import { ANALYZER_VERSION, type AnalyzedToken, analyze, analyzeTokens, stem } from '../language';
import { CodeClass } from '../language/code-class';
import { MIN_COMPOUND_LENGTH, splitCompound } from '../language/compound';
import { type LexiconSide, prepareLexicon } from '../language/lexicon';
import { englishPhrases } from '../language/phrases';
import { PassageLanguages } from './passage-languages';
import { type PlanTerm, planQuery, type QueryPlan } from './plan';
import {
  analyseQuery,
  maxEditsFor,
  type PreparedAlias,
  prepareAliases,
  type Vocabulary,
} from './query';
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
  /**
   * The language of an article's passage (by position) without reading the article: a
   * restored index's articles are parsed on first use, and the index's language sides look
   * every passage up.
   */
  passageLanguage?: (article: Article, position: number) => Language | undefined;
  /**
   * How many passages an article has without reading it: the fingerprint an update's
   * snapshot works out would otherwise parse every restored article (90 ms steps at 400k).
   * Passage ids are `${articleId}#${position}`, so the count is all the fingerprint needs.
   */
  passageCount?: (article: Article) => number;
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

/** What a restore gives beside MiniSearch's state (archive/index-bytes.ts). */
export interface RestoredExtras {
  /**
   * The terms that may hold more than `postings` postings (a superset of them), found without
   * walking the tree: the search warm-up looks at these rather than at every term.
   */
  largeTerms?: (postings: number) => Iterable<string>;
  /**
   * Work the restore left for after the index serves (the reverse lookup an update reads,
   * which finishes at once if needed before then): one step a call, true once all is done.
   * The warm-up runs it.
   */
  stepAfterServing?: () => boolean;
}

/** The indexed fields, in MiniSearch's order (its field ids): the analysis worker writes them so. */
export const FIELDS = ['text', 'heading', 'title', 'names', 'parts'] as const;
type Field = (typeof FIELDS)[number];
type IndexedDocument = { id: string } & Record<Field, string>;

const SNAPSHOT_FORMAT = 'kilde-passage-index';
/** Bump when the indexed fields or their analysis change. */
const INDEX_VERSION = 3;

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

/**
 * Each passage as MiniSearch indexes it: analysed with its own language, fields pre-joined.
 * Exported for the PostgreSQL backend, which stores exactly these terms.
 */
export function* documentsOf(
  input: {
    articles: readonly Pick<Article, 'title' | 'language' | 'passages'>[];
    entityNames?: PassageIndexInput['entityNames'];
  },
  /** Words known beside these passages' own (an update's: the index's vocabulary). */
  alsoKnown: (term: string) => boolean = () => false,
): Generator<IndexedDocument> {
  const prepared = new PreparedDocuments(alsoKnown);
  for (const article of input.articles) prepared.add(article);
  yield* prepared.documents(input.entityNames);
}

/** A passage analysed for the index, all but its entity names. */
export interface AnalysedPassage {
  passage: Passage;
  title: string;
  /** Its terms in order: the index's text field. */
  terms: string[];
  heading: string;
  /** Terms of the words that may be compounds: not names (see `splittable`). */
  splittable: string[];
  /** The compounds' parts, once the whole archive's vocabulary is known. */
  parts?: string;
}

/**
 * The first pass over one article: each passage's terms but its compounds' parts and its
 * entity names, which need the whole archive (`CompoundSplitter`, `NameTerms`).
 */
export function firstPass(
  article: Pick<Article, 'title' | 'language' | 'passages'>,
  /** Learns each passage's terms, as the vocabulary its compounds are split against. */
  compounds?: CompoundSplitter,
): AnalysedPassage[] {
  const title = analyze(article.title, article.language).join(' ');
  return article.passages.map((passage) => {
    const terms: string[] = [];
    const splittable: string[] = [];
    const tokens = analyzeTokens(passage.text, passage.language);
    tokens.forEach((token, i) => {
      if (token.term === null) return;
      terms.push(token.term);
      if (passage.language !== 'en' && mayBeCompound(passage.text, tokens, i))
        splittable.push(token.term);
    });
    compounds?.learn(terms, passage.language);
    const heading = passage.heading ? analyze(passage.heading, passage.language).join(' ') : '';
    return { passage, title, terms, heading, splittable };
  });
}

/**
 * Norwegian compounds split against the archive's own vocabulary ("fredssamtalene" is found
 * by "fred"): every passage's first pass is `learn`ed before the first is split.
 */
export class CompoundSplitter {
  readonly #norwegian = new Set<string>();
  #parts: ((term: string) => readonly string[]) | undefined;

  /**
   * `alsoKnown`: terms known beside those learnt here (an update's: the index's vocabulary;
   * the analysis worker's: all of them, marked by its index writer's term ids).
   */
  constructor(private readonly alsoKnown: (term: string) => boolean = () => false) {}

  learn(terms: readonly string[], language: Language): void {
    if (language !== 'en') for (const term of terms) this.#norwegian.add(term);
  }

  /** The parts field of a passage whose splittable terms these are. */
  parts(splittable: readonly string[]): string {
    const norwegian = this.#norwegian;
    this.#parts ??= compoundParts((term) => norwegian.has(term) || this.alsoKnown(term));
    const parts = this.#parts;
    return splittable.flatMap((t) => parts(t)).join(' ');
  }
}

/** Entity names as the names field holds them: each name analysed once per language. */
export class NameTerms {
  readonly #analysed: Record<Language, Map<string, string>> = {
    nb: new Map(),
    nn: new Map(),
    en: new Map(),
  };

  of(names: readonly string[], language: Language): string {
    const known = this.#analysed[language];
    return names
      .map((name) => {
        let terms = known.get(name);
        if (terms === undefined) {
          terms = analyze(name, language).join(' ');
          known.set(name, terms);
        }
        return terms;
      })
      .join(' ');
  }
}

/**
 * The index's documents made in two passes, the first while articles still arrive (an
 * analysis worker gets them in batches): Norwegian compounds split against the archive's
 * own vocabulary, so the whole archive's words are known before the first passage is
 * indexed. The entity names come last: they depend on the archive-wide entity merge, which
 * another thread may still be working out while the rest is prepared here.
 */
export class PreparedDocuments {
  /** Each passage's terms joined at once: one string, not many, held until the documents. */
  readonly #analysed: (Omit<AnalysedPassage, 'terms'> & { text: string })[] = [];
  readonly #compounds: CompoundSplitter;
  #split = false;

  constructor(alsoKnown: (term: string) => boolean = () => false) {
    this.#compounds = new CompoundSplitter(alsoKnown);
  }

  /** The first pass over one article: its passages' terms. */
  add(article: Pick<Article, 'title' | 'language' | 'passages'>): void {
    for (const { terms, ...analysed } of firstPass(article, this.#compounds))
      this.#analysed.push({ ...analysed, text: terms.join(' ') });
  }

  /** The compounds' parts of every passage added: call once the last article is in. */
  splitCompounds(): void {
    if (this.#split) return;
    this.#split = true;
    // A compound's parts are indexed besides it, in a field of their own that weighs less
    // ("fredssamtalene" is found by "fred", but less surely than a passage about "fred").
    for (const analysed of this.#analysed)
      analysed.parts = this.#compounds.parts(analysed.splittable);
  }

  /**
   * The second pass: the documents in the order their articles were added. All that does
   * not depend on the entity names is worked out before (an analysis worker does it while
   * another still merges the names), and each name is analysed once per language: the
   * same names recur in thousands of passages.
   */
  *documents(entityNames?: PassageIndexInput['entityNames']): Generator<IndexedDocument> {
    this.splitCompounds();
    const nameTerms = new NameTerms();
    for (const { passage, title, text, heading, parts } of this.#analysed) {
      const names = entityNames?.get(passage.id) ?? [];
      yield {
        id: passage.id,
        text,
        parts: parts ?? '',
        heading,
        title,
        names: nameTerms.of(names, passage.language),
      };
    }
  }
}

/**
 * Capital letters (`\p{Lu}`) by code point, from a table: the first pass asks it of the
 * first letter of every word of every Norwegian passage, most of them small ASCII letters
 * that the table answers without running the expression.
 */
const CAPITALS = new CodeClass(/^\p{Lu}$/u);

/**
 * Whether the word at `i` may be a compound to split: a capitalised word inside a sentence
 * is a name ("Vestland", "Thailand", "Kristiansand"), and a search for "land" or "sand"
 * should not find it. A sentence's first word is capitalised whatever it is, so it splits.
 */
function mayBeCompound(text: string, tokens: readonly AnalyzedToken[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined) return false;
  if (!CAPITALS.has(token.text.codePointAt(0) ?? 0)) return true;
  // "Oppsaltreneren" is a name and a word; "Vestland", "Birkeland", "Kristiansand" are names.
  if (!endsLikePlaceName(token.text)) return true;
  // A capitalised part of a hyphenated word ("Syria" of "Syria-samtaler") is a name.
  if (token.part === true) return false;
  let before = i - 1;
  while (before >= 0 && tokens[before]?.part === true) before--;
  const previous = tokens[before];
  const gap = text.slice(previous === undefined ? 0 : previous.end, token.start);
  return previous === undefined || /[.!?:«"“–—]/u.test(gap);
}

// The last parts Norwegian place names are made of ("Vest-land", "Kristian-sand",
// "Lille-hammer"): a capitalised word ending so is one name, not a compound to search by.
const PLACE_NAME_ENDINGS =
  /(?:land|landet|sand|sund|vik|viken|berg|dal|dalen|fjord|fjorden|nes|neset|øy|øya|stad|heim|hammer|vann|vatn|bygd|by|byen|haug|ås|åsen|rud|strand|mark|voll|eid|holm|holmen|sjø|elv|elva|bukt|havn|hamn|torg|gata|veien|vegen|park|senter)$/u;

function endsLikePlaceName(word: string): boolean {
  return PLACE_NAME_ENDINGS.test(word.toLowerCase());
}

/** A memoised compound splitter over a vocabulary of Norwegian stems. */
function compoundParts(known: (term: string) => boolean): (term: string) => readonly string[] {
  const memo = new Map<string, readonly string[]>();
  return (term) => {
    if (term.length < MIN_COMPOUND_LENGTH) return [];
    let split = memo.get(term);
    if (split === undefined) {
      split = splitCompound(term, known, (head) => stem(head, 'nb')) ?? [];
      memo.set(term, split);
    }
    return split;
  };
}

export class PassageIndex {
  private readonly passages: Map<string, PassageEntry>;
  private readonly articles: Map<string, IndexedArticleInfo>;
  /**
   * Articles of a restored index not registered yet, by id: each is registered when one of
   * its passages is first looked up, so a restart reads no article before it serves (a
   * restored article's text is parsed on first use).
   */
  private readonly unregistered = new Map<string, Article>();
  private readonly passageLanguage: PassageIndexInput['passageLanguage'];
  private readonly preparedAliases: PreparedAlias[];
  private readonly retriever: TopKRetriever;
  private readonly languages: PassageLanguages;

  private constructor(
    private readonly mini: MiniSearch<IndexedDocument>,
    input: PassageIndexInput,
    private fingerprint: string,
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
    this.languages = new PassageLanguages(this.internals(), (id) => this.languageOf(id));
    this.passageLanguage = input.passageLanguage;
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
    return PassageIndex.fromDocuments(documentsOf(input), input, tuning);
  }

  /**
   * The index of documents prepared beforehand (`PreparedDocuments`, for `input`'s articles
   * in their order), yielding as `buildAsync` does: an analysis worker prepares them while
   * another thread still merges the entities whose names the last pass adds.
   */
  static async fromDocuments(
    documents: Iterable<IndexedDocument>,
    input: PassageIndexInput,
    tuning: SearchTuning = DEFAULT_TUNING,
  ): Promise<PassageIndex> {
    const mini = new MiniSearch<IndexedDocument>(miniSearchOptions(tuning));
    let added = 0;
    for (const document of documents) {
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
      fingerprint: this.currentFingerprint(),
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

  /** MiniSearch itself: the archive's binary snapshot reads its state (archive/index-bytes.ts). */
  get searchIndex(): MiniSearch<IndexedDocument> {
    return this.mini;
  }

  /** What the indexed content was made from (articles and entity names), as a hash. */
  get contentFingerprint(): string {
    return this.currentFingerprint();
  }

  /** The same, worked out in slices when an update left it to do (a snapshot written on the main thread). */
  async contentFingerprintAsync(pace: Pace): Promise<string> {
    const input = this.fingerprintInput;
    if (!input) return this.fingerprint;
    const steps = fingerprintSteps(input);
    for (;;) {
      const next = steps.next();
      if (next.done) {
        // An update in between left a newer input: that one is what the index holds.
        if (this.fingerprintInput === input) {
          this.fingerprint = next.value;
          this.fingerprintInput = undefined;
        }
        return this.currentFingerprint();
      }
      if (pace.due()) await pace.breathe();
    }
  }

  /**
   * An index over MiniSearch state that the caller restores from its own snapshot, made
   * from the same input and vouched for by the snapshot's checksum (so no schema walk and no
   * fingerprint over the input here). `fill` puts the state into the empty MiniSearch made
   * from `plain`; the passages are then registered in slices, between which answers run.
   */
  static async restoreAsync(
    plain: AsPlainObject,
    fill: (mini: MiniSearch<IndexedDocument>) => Promise<RestoredExtras | undefined>,
    input: PassageIndexInput,
    fingerprint: string,
    pace: Pace,
    tuning: SearchTuning = DEFAULT_TUNING,
  ): Promise<PassageIndex> {
    const mini = MiniSearch.loadJS<IndexedDocument>(plain, miniSearchOptions(tuning));
    const extras = await fill(mini);
    const index = new PassageIndex(mini, { ...input, articles: [] }, fingerprint, tuning);
    index.largeTerms = extras?.largeTerms;
    index.stepAfterServing = extras?.stepAfterServing;
    for (const article of input.articles) {
      index.unregistered.set(article.id, article);
      if (pace.due()) await pace.breathe();
    }
    // The dense field lengths before the index serves: a query arriving before the warm-up
    // copied them copied every passage's at once (with the languages and its own list,
    // 626 ms of main-thread CPU for the first "filmen" after a restart at 400k passages).
    while (!index.retriever.syncLengthsSome(LENGTHS_PER_STEP)) {
      if (pace.due()) await pace.breathe();
    }
    // And the bilingual lexicon every query reads (a query before the warm-up read it paid
    // 100-240 ms for it): a restored archive is answering within milliseconds of serving.
    await prepareLexicon(pace);
    // The passages' languages, which query analysis reads for a word's translations: a
    // query before the warm-up looked up thousands itself (22 ms of the first "filmen").
    while (!index.languages.syncSome(LANGUAGE_SYNC_SLICE)) {
      if (pace.due()) await pace.breathe();
    }
    await index.prime(pace);
    return index;
  }

  /**
   * Runs the search code once over, before the index serves: plans over a few of its smaller
   * frequent terms through every walk of the retriever (`TopKRetriever.primingPlans`), a few
   * rounds, then a search for each of those words, with breaths between. Right after a
   * restart the first queries otherwise ran the code unoptimised and paid for it in one
   * reply: 45-75 ms of main-thread CPU for the first "filmen" at 400k passages, during the
   * first update's wait. The warm-up's exercise (`exercise`) comes much later, after every
   * frequent list is built; this is the small part of it that comes first.
   */
  private async prime(pace: Pace): Promise<void> {
    const plans = this.retriever.primingPlans(this.largeTerms);
    const some = (passageId: string) => passageId.length % 2 === 0;
    for (let round = 0; round < PRIMING_ROUNDS; round++) {
      for (const [i, plan] of plans.entries()) {
        const k = EXERCISE_KS[(round + i) % EXERCISE_KS.length] ?? 25;
        this.retriever.search(plan, { k, ...(i % 2 === round % 2 ? { accept: some } : {}) });
        if (pace.due()) await pace.breathe();
      }
    }
    // Query analysis and this index's own code once too (a first run is most of its cost:
    // the first "filmen" held 29-31 ms primed without these, 9-22 ms with them). The
    // English phrase table, which the first query reads, in a slice of its own (7-8 ms at
    // first use); each search, a first run at 3-14 ms of main-thread CPU at 400k passages,
    // after a breath: two of them in one slice were its longest hold (16-20 ms).
    await pace.breathe();
    englishPhrases();
    const words = new Set(plans.flatMap((plan) => plan.clauses.map(firstTerm)));
    for (const word of words) {
      await pace.breathe();
      this.search(word, { limit: 25 });
    }
  }

  private register(article: Article): void {
    const info = articleInfo(article);
    this.articles.set(article.id, info);
    for (const passage of article.passages)
      this.passages.set(passage.id, { passage, article: info });
  }

  /** The article's entry, registering it first when it is a restored one not looked up yet. */
  private articleEntry(articleId: string): IndexedArticleInfo | undefined {
    const article = this.unregistered.get(articleId);
    if (article) {
      this.unregistered.delete(articleId);
      this.register(article);
    }
    return this.articles.get(articleId);
  }

  /** A passage's language, from its article's head when the article is not registered yet. */
  private languageOf(passageId: string): Language | undefined {
    const found = this.passages.get(passageId);
    if (found || this.unregistered.size === 0 || !this.passageLanguage)
      return (found ?? this.entry(passageId))?.passage.language;
    const cut = passageIdCut(passageId);
    const article = cut < 0 ? undefined : this.unregistered.get(passageId.slice(0, cut));
    if (!article) return undefined;
    const language = this.passageLanguage(article, positionAfter(passageId, cut));
    // Positions are the loader's ids; one written otherwise is looked up in its article.
    return language ?? this.entry(passageId)?.passage.language;
  }

  /** The passage's entry (its article registered first when not yet: see `unregistered`). */
  private entry(passageId: string): PassageEntry | undefined {
    const found = this.passages.get(passageId);
    if (found || this.unregistered.size === 0) return found;
    const articleId = articleIdOf(passageId);
    if (articleId === undefined || !this.articleEntry(articleId)) return undefined;
    return this.passages.get(passageId);
  }

  /**
   * Applies a reload's changes in place, in one synchronous step (so no answer sees half of
   * it): the passages of `removed` articles leave, those of `added` articles come in, and
   * passages whose entity names changed (`renamed`) are indexed again. MiniSearch discards
   * and adds documents without a rebuild; the top-k retriever is told which terms the added
   * passages hold and rebuilds only those terms' cached lists when next needed. `input` is the whole new state, for the fingerprint.
   */
  update(
    change: {
      removed: readonly Article[];
      added: readonly Article[];
      renamed: readonly Passage[];
    },
    input: PassageIndexInput,
    /** The added articles' documents, when `documentsToAdd` made them ahead of this step. */
    addedDocuments: readonly IndexedDocument[] = this.documentsToAdd(change.added, input),
  ): void {
    // Passages indexed from here on get their language once the passage map has them.
    this.languages.invalidateFrom(this.internals()._nextId);
    for (const article of change.removed) {
      this.unregistered.delete(article.id);
      for (const passage of article.passages) {
        if (this.mini.has(passage.id)) this.mini.discard(passage.id);
        this.passages.delete(passage.id);
      }
      this.articles.delete(article.id);
    }
    const known = (term: string) => this.retriever.documentFrequency(term) > 0;
    // The retriever's cached lists of these terms lack the passages added here.
    const indexed = new Set<string>();
    const note = (document: IndexedDocument) => {
      for (const field of FIELDS) for (const term of splitTerms(document[field])) indexed.add(term);
    };
    for (const document of addedDocuments) {
      this.mini.add(document);
      note(document);
    }
    for (const article of change.added) {
      this.unregistered.delete(article.id);
      const info = articleInfo(article);
      this.articles.set(article.id, info);
      for (const passage of article.passages)
        this.passages.set(passage.id, { passage, article: info });
    }
    for (const passage of change.renamed) {
      const entry = this.entry(passage.id);
      if (!entry || !this.mini.has(passage.id)) continue;
      const article = { ...entry.article, passages: [passage] };
      for (const document of documentsOf({ ...input, articles: [article] }, known)) {
        this.mini.replace(document);
        note(document);
      }
    }
    this.retriever.noteIndexed(indexed);
    // Worked out when a snapshot asks for it: over every passage's names it sorts and
    // hashes the whole archive, too long a step for the commit of a reload.
    this.fingerprintInput = input;
  }

  /**
   * The documents `update` adds for these articles, analysed now: an update makes them
   * before its synchronous step, which then only puts them in. Compounds split against the
   * archive's vocabulary, as a full build would (the index's terms stand for it: discarded
   * passages' words linger there until a full build, so discarding first changes nothing).
   */
  documentsToAdd(articles: readonly Article[], input: PassageIndexInput): IndexedDocument[] {
    const known = (term: string) => this.retriever.documentFrequency(term) > 0;
    return [...documentsOf({ ...input, articles }, known)];
  }

  /** `documentsToAdd` a passage at a time, yielding when `pace` says (an article took 20-30 ms). */
  async documentsToAddAsync(
    articles: readonly Article[],
    input: PassageIndexInput,
    pace: Pace,
  ): Promise<IndexedDocument[]> {
    const known = (term: string) => this.retriever.documentFrequency(term) > 0;
    const prepared = new PreparedDocuments(known);
    // A passage at a time (with its article's title): the same documents as the article whole.
    for (const article of articles) {
      for (const passage of article.passages) {
        prepared.add({ title: article.title, language: article.language, passages: [passage] });
        if (pace.due()) await pace.breathe();
      }
    }
    const documents: IndexedDocument[] = [];
    for (const document of prepared.documents(input.entityNames)) {
      documents.push(document);
      if (pace.due()) await pace.breathe();
    }
    return documents;
  }

  /**
   * Opens the terms `documents` hold, in slices, before `update` adds them: a restored
   * index decodes a term's postings when first read, and MiniSearch reads each term it
   * adds to, so the commit of the first update after a restart decoded the postings of
   * every word of the added article in its one synchronous step (a frequent word's
   * hundreds of thousands at 400k passages). Reading changes nothing the index answers.
   */
  async openTermsAsync(documents: readonly IndexedDocument[], pace: Pace): Promise<void> {
    const terms = new Set<string>();
    for (const document of documents) {
      for (const field of FIELDS) for (const term of splitTerms(document[field])) terms.add(term);
      if (pace.due()) await pace.breathe();
    }
    const index = this.internals()._index;
    for (const term of terms) {
      // A term's data is a Map to its readers: its size opens it, each field's postings too.
      for (const postings of index.get(term)?.values() ?? []) void postings.size;
      if (pace.due()) await pace.breathe();
    }
  }

  /** What the update left to work out: the input the fingerprint stands for. */
  private fingerprintInput: PassageIndexInput | undefined;

  private currentFingerprint(): string {
    if (this.fingerprintInput) {
      this.fingerprint = fingerprintOf(this.fingerprintInput);
      this.fingerprintInput = undefined;
    }
    return this.fingerprint;
  }

  /** What the latest search cost (passages scored exactly, postings read). */
  get lastCost(): RetrievalCost {
    return this.retriever.lastCost;
  }

  /** What the retriever holds beside MiniSearch's index: typed lists cached, and bytes. */
  get searchCache(): { lists: number; listBytes: number; lengthBytes: number } {
    return this.retriever.cache;
  }

  /**
   * Builds the frequent terms' typed lists and their bounds, and looks up every passage's
   * language, in the background (sliced), so that the first queries after a build or
   * restart cost what later ones do. Returns how many lists it built. A caller that asks
   * while a warm-up runs (the store starts one after every build) shares it rather than
   * walking the vocabulary a second time beside it. `pause` is how it yields between
   * slices (the store's takes turns with its other work in slices, archive/pace.ts);
   * `listPause`, between those that build the lists, which no query waits for (a query
   * builds a list it lacks itself, but would finish the lexicon, the languages and the
   * field lengths in one go: those go first, with `pause`).
   */
  warm(
    sliceMs = 5,
    pause: () => Promise<void> = nextImmediate,
    listPause: () => Promise<void> = pause,
  ): Promise<number> {
    this.warming ??= this.warmOnce(sliceMs, pause, listPause).finally(() => {
      this.warming = undefined;
    });
    return this.warming;
  }

  private warming: Promise<number> | undefined;
  /** A restored index's terms that may be frequent, read without walking its tree. */
  private largeTerms: RestoredExtras['largeTerms'];
  private stepAfterServing: RestoredExtras['stepAfterServing'];

  private async warmOnce(
    sliceMs: number,
    pause: () => Promise<void>,
    listPause: () => Promise<void>,
  ): Promise<number> {
    // The bilingual lexicon first: every query's analysis reads it.
    let sliceStart = performance.now();
    await prepareLexicon({
      due: () => performance.now() - sliceStart >= sliceMs,
      breathe: async () => {
        await pause();
        sliceStart = performance.now();
      },
    });
    while (!this.languages.syncSome(LANGUAGE_SYNC_SLICE)) await pause();
    const step = this.stepAfterServing;
    if (step) {
      sliceStart = performance.now();
      while (!step()) {
        if (performance.now() - sliceStart < sliceMs) continue;
        await pause();
        sliceStart = performance.now();
      }
      this.stepAfterServing = undefined;
    }
    const built = await this.retriever.warm(sliceMs, pause, listPause, this.largeTerms);
    await this.exercise(listPause);
    return built;
  }

  /**
   * Runs plans over the archive's own frequent terms through every walk of the retriever
   * (`TopKRetriever.exercisePlans`), a few times each, so that V8 has compiled them, every
   * branch seen, before users' queries come: otherwise the first queries of each kind ran
   * unoptimised, several times slower (9-14 ms for two frequent words at 400k passages
   * instead of 3), and a branch met first in a user's query threw the compiled MaxScore
   * loop away again. One search between two pauses. Frequent terms only: the rare ones of
   * a restored index stay as their bytes.
   */
  private async exercise(pause: () => Promise<void>): Promise<void> {
    const version = this.internals()._nextId;
    const plans = this.retriever.exercisePlans();
    const some = (passageId: string) => passageId.length % 2 === 0;
    for (let round = 0; round < EXERCISE_ROUNDS; round++) {
      for (const [i, plan] of plans.entries()) {
        const k = EXERCISE_KS[(round + i) % EXERCISE_KS.length] ?? 25;
        this.retriever.search(plan, { k, ...(i % 2 === round % 2 ? { accept: some } : {}) });
        await pause();
        if (this.internals()._nextId !== version) return;
      }
    }
  }

  get size(): number {
    return this.mini.documentCount;
  }

  article(articleId: string): IndexedArticleInfo | undefined {
    return this.articleEntry(articleId);
  }

  passage(passageId: string): Passage | undefined {
    return this.entry(passageId)?.passage;
  }

  /** The archive's vocabulary as query analysis sees it. */
  get vocabulary(): Vocabulary {
    return {
      documentFrequency: (term) => this.retriever.documentFrequency(term),
      near: (term, maxEdits, side) => this.near(term, maxEdits, side),
      inLanguage: (term, side) => this.inLanguage(term, side),
    };
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const analysed = analyseQuery(
      query,
      this.preparedAliases,
      options.language,
      this.vocabulary,
      this.tuning.alternatives,
    );
    if (analysed.words.length === 0) return [];
    const plan = planQuery(analysed, this.retriever, this.tuning);
    const filter = options.filter;
    const found = this.retriever.search(plan, {
      k: options.limit ?? 10,
      ...(filter ? { accept: filter } : {}),
    });
    // The relevance floor: when even the best passage matches too little of what was
    // asked, the archive has no answer, and unrelated passages would only be noise.
    const best = found.reduce((m, r) => Math.max(m, coverageOf(plan, r.matchedTerms)), 0);
    if (best < this.tuning.minBestCoverage) return [];
    const parts = compoundParts((term) => this.retriever.documentFrequency(term) > 0);
    const hits: SearchHit[] = [];
    for (const result of found) {
      const entry = this.entry(result.documentId);
      if (!entry) continue;
      // A compound matched through one of its parts is marked whole.
      const partsOf = entry.passage.language === 'en' ? undefined : parts;
      hits.push(lazySnippet(entry.passage, result.score, result.matchedTerms, partsOf));
    }
    return hits;
  }

  /**
   * Words of the archive, as its passages spell them, close to the query words it does not
   * hold: what to try when a search finds nothing ("Idlb" -> "Idlib").
   */
  closeWords(query: string, limit = 3): string[] {
    const analysed = analyseQuery(query, [], undefined, this.vocabulary, this.tuning.alternatives);
    const words: string[] = [];
    for (const word of analysed.words) {
      if (word.alternatives.some((a) => this.retriever.documentFrequency(a.term) > 0)) continue;
      const term = word.terms[0] ?? '';
      const edits = Math.max(1, maxEditsFor(term.length + 1));
      const candidates = [...this.retriever.fuzzyTerms(term, edits)].sort(
        (a, b) => a[1][1] - b[1][1],
      );
      const closest = candidates[0];
      if (!closest) continue;
      const spelt = this.spelling(closest[0], closest[1][0]);
      if (spelt && !words.includes(spelt)) words.push(spelt);
      if (words.length >= limit) break;
    }
    return words;
  }

  /** A word of a passage holding `term` that analyses to it, as the passage spells it. */
  private spelling(term: string, data: TermData): string | undefined {
    const ids = this.internals()._documentIds;
    for (const docs of data.values()) {
      for (const shortId of docs.keys()) {
        const passage = this.entry(String(ids.get(shortId)))?.passage;
        if (!passage) continue;
        const token = analyzeTokens(passage.text, passage.language).find((t) => t.term === term);
        if (token) return token.text;
      }
    }
    return undefined;
  }

  /**
   * Index terms within `maxEdits` of `term`, beginning with its letter, that passages in the
   * given language hold (the lexicon's sides: English, or Norwegian for Bokmål and Nynorsk).
   */
  private near(term: string, maxEdits: number, side: LexiconSide): string[] {
    const out: string[] = [];
    for (const [candidate, [data]] of this.retriever.fuzzyTerms(term, maxEdits)) {
      if (candidate !== term && this.holdsIn(data, side)) out.push(candidate);
    }
    return out;
  }

  /** Whether passages in that language hold the term. */
  private inLanguage(term: string, side: LexiconSide): boolean {
    const data = this.internals()._index.get(term);
    return data !== undefined && this.holdsIn(data, side);
  }

  private holdsIn(data: TermData, side: LexiconSide): boolean {
    const languages = this.languages;
    if (!languages.any(side)) return false;
    let looked = 0;
    for (const docs of data.values()) {
      for (const shortId of docs.keys()) {
        if (languages.isOn(shortId, side)) return true;
        // A term thousands of passages of the other language hold and none of these:
        // treat it as theirs rather than walk its whole posting list.
        if (++looked >= LANGUAGE_LOOKUP_LIMIT) return false;
      }
    }
    return false;
  }

  // MiniSearch keeps its inverted index in protected fields; the retriever checks on
  // construction that they are there (top-k.ts), so reading them here is safe.
  private internals(): IndexInternals {
    return this.mini as unknown as IndexInternals;
  }
}

/** The first word of a plan's clause (priming searches for it). */
const firstTerm = (clause: QueryPlan['clauses'][number]): string =>
  clause.groups[0]?.[0]?.term ?? '';

/** The share of the plan's word weights that a passage matching `matchedTerms` covers. */
function coverageOf(plan: QueryPlan, matchedTerms: readonly string[]): number {
  const total = plan.wordWeights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 1;
  const matched = new Set(matchedTerms);
  const covered = new Set<number>();
  for (const clause of plan.clauses) {
    const hit = (t: PlanTerm) =>
      matched.has(t.term) || (t.prefix && matchedTerms.some((m) => m.startsWith(t.term)));
    if (clause.groups.every((group) => group.some(hit))) {
      for (const w of clause.covers) covered.add(w);
    }
  }
  let sum = 0;
  for (const w of covered) sum += plan.wordWeights[w] ?? 0;
  return sum / total;
}

type TermData = Map<number, Map<number, number>>;
interface IndexInternals {
  _index: {
    get(term: string): TermData | undefined;
  };
  _documentIds: Map<number, unknown>;
  _nextId: number;
}

/** Yields to the event loop until its next turn. */
const nextImmediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Most postings read to tell whether a term occurs in passages of one language. */
const LANGUAGE_LOOKUP_LIMIT = 2000;
/** Passages whose field lengths a restore copies between two looks at the pace. */
const LENGTHS_PER_STEP = 4096;
/** How often a restore runs each retrieval path before serving (`prime`). */
const PRIMING_ROUNDS = 3;
/** How often the warm-up runs each retrieval path (`exercise`). */
const EXERCISE_ROUNDS = 12;
/** Results asked of its plans: a small k raises the bar at once, as many passages do later. */
const EXERCISE_KS = [1, 3, 25];
/** Passages whose language the warm-up looks up between two yields (about 2 ms). */
const LANGUAGE_SYNC_SLICE = 5000;

/**
 * A hit whose snippet is made when first read: callers often read only the first few of
 * 25 hits (or none, for a topic filter of 500), and a snippet splits and marks the
 * whole passage.
 */
function lazySnippet(
  passage: Passage,
  score: number,
  matchedTerms: string[],
  partsOf?: (term: string) => readonly string[],
): SearchHit {
  let snippet: Snippet | undefined;
  return {
    passageId: passage.id,
    articleId: passage.articleId,
    score,
    matchedTerms,
    get snippet(): Snippet {
      snippet ??= makeSnippet(passage.text, passage.language, {
        terms: new Set(matchedTerms),
        partsOf,
      });
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

/** Articles, or passages' names, hashed between two yields of `fingerprintSteps`. */
const FINGERPRINT_ARTICLES_PER_STEP = 500;
const FINGERPRINT_PASSAGES_PER_STEP = 1000;

/** Of an index's input, what its fingerprint reads. */
type FingerprintArticle = Pick<Article, 'id' | 'hash'> & {
  passages: readonly Pick<Passage, 'id'>[];
};
type FingerprintInput<A extends FingerprintArticle = FingerprintArticle> = {
  articles: readonly A[];
  entityNames?: PassageIndexInput['entityNames'];
  passageCount?: (article: A) => number;
};

/**
 * What the indexed content depends on: article versions and the entity names. Exported for
 * the analysis worker, which writes the index's bytes without building a PassageIndex.
 */
export function fingerprintOf<A extends FingerprintArticle>(input: FingerprintInput<A>): string {
  const steps = fingerprintSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `fingerprintOf` in steps of a few hundred articles (a snapshot written after an update
 * works it out on the main thread). The names go in the articles' order, passage by
 * passage, which the article versions already depend on: no sort of every passage's names
 * in one step (0.4 s at 200k passages).
 */
function* fingerprintSteps<A extends FingerprintArticle>(
  input: FingerprintInput<A>,
): Generator<void, string> {
  const hash = createHash('sha256');
  // Restored articles are counted from their heads, not parsed (see `passageCount`).
  const countOf = (article: A) => input.passageCount?.(article) ?? article.passages.length;
  let n = 0;
  for (const article of input.articles) {
    hash.update(`${article.id}\u0000${article.hash}\u0000${countOf(article)}\u0000`);
    if (++n % FINGERPRINT_ARTICLES_PER_STEP === 0) yield;
  }
  const names = input.entityNames;
  if (names) {
    // By passages: 500 articles' names (some 12k passages, each a map read and a hash
    // update) were one step of 20-40 ms.
    let passages = 0;
    for (const article of input.articles) {
      const count = countOf(article);
      for (let position = 0; position < count; position++) {
        const id = passageId(article.id, position);
        const list = names.get(id);
        if (list) hash.update(`${id}\u0001${list.join('\u0002')}\u0003`);
        if (++passages % FINGERPRINT_PASSAGES_PER_STEP === 0) yield;
      }
    }
  }
  return hash.digest('hex');
}
