import type { BackReference, LexiconData } from '../extract/entities';
import { listEntities } from '../extract/entities/live-merge';
import type { Entity, EntityMention, TimeMention } from '../extract/types';
import type { Article, FileStamp, LoadResult } from '../knowledge/types';
import type { AnalysisParts } from './build';
import { type ArticleHead, articleLine, headOf, lazyArticle } from './lazy-articles';
import {
  ENTITY_LINE_OPENING,
  type EntityHead,
  entityLine,
  headOfEntity,
  lazyEntity,
} from './lazy-entities';
import { Slicer } from './pace';
import { PassageListsBuilder, type PassageListsLine } from './passage-lists';

/**
 * An analysis as text: one small JSON value per line. Parsing 17 MB of JSON (the analysis
 * of 50k passages) in one JSON.parse holds the event loop for a third of a second or more;
 * line by line, the main thread parses it in slices between answers. The worker sends this
 * text, and the snapshot file stores it, so a fresh reload and a restart restore alike.
 *
 * Lines: `{"entities":[...]}`, `{"timeMentions":[...]}`, `{"mentions":[...]}` (names per
 * passage before the merge), `{"references":[...]}`, `{"lower"|"capital"|"names"|"persons"|"things":[...]}`
 * (the lexicon's parts), and last `{"end":{...counts}}`, which proves the text complete. The
 * index is not text: it goes as bytes (index-bytes.ts). The loaded files go as lines too
 * (`loadLines`): a head with aliases, problems and stamps, then one article a line.
 */
/** The lexicon's parts, in the order they are written (here and in the `BASE` columns). */
export const LEXICON_PARTS = ['lower', 'capital', 'names', 'persons', 'things'] as const;
// Each line is made (JSON.stringify) and parsed in one step on the main thread: small
// enough that either stays a few ms on a busy machine (lines of 2,000 dated passages took
// 60 ms to write there).
const LEXICON_PER_LINE = 2000;
const MENTIONS_PER_LINE = 250;

const ENTITY_HEADS_PER_LINE = 500;
const ENTITY_LINE_BYTES = Buffer.from(ENTITY_LINE_OPENING);
const TIME_MENTIONS_PER_LINE = 500;
/** Passages per `passages` line: a line is their ids as one string and three number columns. */
const PASSAGES_PER_LINE = 1024;
/** Mentions placed between two breaths when the per-passage lists are worked out. */
const STEP_ITEMS = 4096;

interface Counts {
  entities: number;
  timeMentions: number;
  mentions: number;
  lexicon: number;
  references: number;
  /** Passages with a list of the entities they mention (`passages` lines). */
  passages: number;
}

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `items` in arrays of `size` (the last shorter), each made when asked for. */
function* slices<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let slice: T[] = [];
  for (const item of items) {
    slice.push(item);
    if (slice.length >= size) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length > 0) yield slice;
}

/**
 * What `analysisLines` reads: an analysis's arrays, or the live maps and sets an update's
 * snapshot reads them from, each entry made when its line is. Copied into arrays first,
 * the entries of 400k passages' maps and their lexicon (millions of words) were millions of
 * small arrays held until the snapshot was written: each survived the young generation,
 * was copied into the old one, and brought the next full collection nearer.
 */
export interface AnalysisItems {
  entities: readonly Entity[];
  timeMentions: Iterable<[passageId: string, mentions: readonly TimeMention[]]>;
  mentions: Iterable<[passageId: string, mentions: readonly EntityMention[]]>;
  lexicon: { [K in (typeof LEXICON_PARTS)[number]]?: Iterable<unknown> };
  references: Iterable<[passageId: string, references: readonly BackReference[]]>;
  /**
   * Each passage's entity ids as the archive holds them (`entitiesByPassage`, the lists
   * `mentionMaps` makes of `entities`): when given, the `passages` lines are written from
   * them instead of placing every entity's mentions again. Placed, the mentions of 400k
   * passages were a map of a million small objects held across the section's slices: each
   * young collection copied its share into the old generation, 20-75 ms a pause.
   */
  entitiesByPassage?: Iterable<[passageId: string, ids: readonly string[]]>;
}

/**
 * Which parts of an analysis: `answers` (names and dates, which every archive needs at once,
 * the snapshot's `ANLY` section), or `all`, with the basis (names per passage before the
 * merge, back references, the lexicon), which the snapshot stores as columns instead
 * (basis-columns.ts, its `BASE` section).
 */
export type AnalysisPart = 'all' | 'answers';

/**
 * A line of text: a string, or UTF-8 bytes a restored snapshot held already (an unparsed
 * article or entity, written as read).
 */
export type TextLine = string | Uint8Array;

/** A line as a string. */
export const lineText = (line: TextLine): string =>
  typeof line === 'string'
    ? line
    : Buffer.from(line.buffer, line.byteOffset, line.length).toString();

/**
 * The lines of an analysis (see above), each a small JSON value, ending with the counts.
 * `undefined` between lines marks a point where a paced writer may breathe (a step of work
 * that makes no line of its own).
 */
export function* analysisLines(
  analysis: AnalysisItems,
  part: AnalysisPart = 'all',
): Generator<TextLine | undefined> {
  const end: Counts = {
    entities: 0,
    timeMentions: 0,
    mentions: 0,
    lexicon: 0,
    references: 0,
    passages: 0,
  };
  // The heads first, then one entity a line, so that a restart parses only the heads and
  // each entity's roles and mentions on first use (lazy-entities.ts).
  for (const some of slices(analysis.entities, ENTITY_HEADS_PER_LINE)) {
    yield JSON.stringify({ entityHeads: some.map(headOfEntity) });
  }
  for (const entity of analysis.entities) yield entityLine(entity);
  end.entities = analysis.entities.length;
  end.passages = yield* passageLists(analysis.entities, analysis.entitiesByPassage);
  for (const timeMentions of slices(analysis.timeMentions, TIME_MENTIONS_PER_LINE)) {
    end.timeMentions += timeMentions.length;
    yield JSON.stringify({ timeMentions });
  }
  if (part === 'all') {
    for (const mentions of slices(analysis.mentions, MENTIONS_PER_LINE)) {
      end.mentions += mentions.length;
      yield JSON.stringify({ mentions });
    }
    for (const references of slices(analysis.references, MENTIONS_PER_LINE)) {
      end.references += references.length;
      yield JSON.stringify({ references });
    }
    for (const name of LEXICON_PARTS) {
      for (const slice of slices(analysis.lexicon[name] ?? [], LEXICON_PER_LINE)) {
        end.lexicon += slice.length;
        yield JSON.stringify({ [name]: slice });
      }
    }
  }
  yield JSON.stringify({ end });
}

/** The whole text at once: for the worker, whose event loop serves no one. */
export function serializeAnalysis(analysis: AnalysisParts): string {
  const lines: string[] = [];
  for (const line of analysisLines(analysis)) if (line !== undefined) lines.push(lineText(line));
  return lines.join('\n');
}

/**
 * Which entities each passage mentions (`mentionMaps`' lists, by entity number), as lines:
 * a restart reads them instead of placing every entity's mentions again. Yields between
 * steps; returns how many passages have a list.
 */
function* passageLists(
  entities: readonly Entity[],
  byPassage?: Iterable<[passageId: string, ids: readonly string[]]>,
): Generator<string | undefined, number> {
  const numbers = new Map<string, number>();
  const placed = byPassage ? undefined : new Map<string, { start: number; entity: Entity }[]>();
  let read = 0;
  for (const [n, entity] of entities.entries()) {
    numbers.set(entity.id, n);
    if (placed) {
      for (const mention of entity.mentions) {
        const list = placed.get(mention.passageId);
        if (list) list.push({ start: mention.start, entity });
        else placed.set(mention.passageId, [{ start: mention.start, entity }]);
      }
      read += entity.mentions.length;
    }
    if (++read >= STEP_ITEMS) {
      read = 0;
      yield undefined;
    }
  }
  const lists: Iterable<[string, readonly string[]]> =
    byPassage ?? placedLists(placed ?? new Map());
  let line = emptyListsLine();
  let passages = 0;
  for (const [passageId, ids] of lists) {
    line.ids.push(passageId);
    line.lengths.push(passageId.length);
    line.counts.push(ids.length);
    for (const id of ids) line.numbers.push(numbers.get(id) ?? -1);
    passages += 1;
    if (line.ids.length >= PASSAGES_PER_LINE) {
      yield listsLine(line);
      line = emptyListsLine();
    }
  }
  if (line.ids.length > 0) yield listsLine(line);
  return passages;
}

const emptyListsLine = () => ({
  ids: [] as string[],
  lengths: [] as number[],
  counts: [] as number[],
  numbers: [] as number[],
});

/**
 * A line of passage lists as columns (`PassageListsLine`): the ids in one string, so that a
 * restart parses no string per passage (passage-lists.ts).
 */
function listsLine(line: ReturnType<typeof emptyListsLine>): string {
  const { ids, lengths, counts, numbers } = line;
  return JSON.stringify({ passages: { ids: ids.join(''), lengths, counts, numbers } });
}

/** Each passage's entity ids from the mentions placed in it, as `mentionMaps` lists them. */
function* placedLists(
  placed: ReadonlyMap<string, { start: number; entity: Entity }[]>,
): Generator<[string, readonly string[]]> {
  for (const [passageId, list] of placed) yield [passageId, listEntities(list).ids];
}

/** Where each line of `text[from..until]` lies (a string, or UTF-8 bytes as read from a file). */
function* lineRanges(
  text: string | Buffer,
  from: number,
  until = text.length,
): Generator<[start: number, end: number]> {
  let at = from;
  while (at < until) {
    const found = typeof text === 'string' ? text.indexOf('\n', at) : text.indexOf(10, at);
    const end = found < 0 || found > until ? until : found;
    yield [at, end];
    at = end + 1;
  }
}

function arrayPart(line: JsonObject, key: string): unknown[] {
  const value = line[key];
  if (!Array.isArray(value)) throw new Error(`Analysis text: "${key}" is not a list`);
  return value;
}

/** A `passages` line's columns, their kinds checked (their contents are `addLine`'s to check). */
function listsPart(part: JsonObject): PassageListsLine {
  const { ids, lengths, counts, numbers } = part;
  if (
    typeof ids !== 'string' ||
    !Array.isArray(lengths) ||
    !Array.isArray(counts) ||
    !Array.isArray(numbers)
  )
    throw new Error('Analysis text: passage lists are malformed');
  return { ids, lengths, counts, numbers };
}

function recordPart(line: JsonObject, key: string): JsonObject {
  const value = line[key];
  if (!isRecord(value)) throw new Error(`Analysis text: "${key}" is not an object`);
  return value;
}

/**
 * Parses an analysis's text line by line, yielding to the event loop between slices.
 * `from` skips a leading part of the text (the snapshot file's header). Throws when the
 * text is malformed or incomplete.
 */
export async function parseAnalysis(
  text: string | Buffer,
  from = 0,
  until = text.length,
  ids: Interner = new Interner(),
): Promise<AnalysisParts> {
  const slicer = new Slicer();
  const entities: Entity[] = [];
  const timeMentions: [string, TimeMention[]][] = [];
  const mentions: [string, EntityMention[]][] = [];
  const references: [string, BackReference[]][] = [];
  const lexicon: Required<LexiconData> = {
    lower: [],
    capital: [],
    names: [],
    persons: [],
    things: [],
  };
  let lexiconItems = 0;
  const heads: EntityHead[] = [];
  const byPassage = new PassageListsBuilder(entities);
  let end: JsonObject | undefined;
  for (const [start, stop] of lineRanges(text, from, until)) {
    if (end) throw new Error('Analysis text: lines after the end');
    // An entity line of a snapshot's bytes is kept as bytes, parsed on first use.
    const head = typeof text === 'string' ? undefined : heads[entities.length];
    if (head && isEntityLine(text as Buffer, start, stop)) {
      entities.push(
        lazyEntity(head, text as Buffer, start + ENTITY_LINE_BYTES.length, stop - 1, ids),
      );
      if (slicer.due()) await slicer.breathe();
      continue;
    }
    const line =
      typeof text === 'string' ? text.slice(start, stop) : text.toString('utf8', start, stop);
    const parsed: unknown = JSON.parse(line);
    if (!isRecord(parsed)) throw new Error('Analysis text: a line is not an object');
    if ('entityHeads' in parsed) {
      heads.push(...(arrayPart(parsed, 'entityHeads') as EntityHead[]));
    } else if ('entity' in parsed) {
      const entity = recordPart(parsed, 'entity') as unknown as Entity;
      for (const mention of entity.mentions) {
        mention.passageId = ids.get(mention.passageId);
        mention.articleId = ids.get(mention.articleId);
      }
      entities.push(entity);
    } else if ('passages' in parsed) {
      byPassage.addLine(listsPart(recordPart(parsed, 'passages')));
    } else if ('timeMentions' in parsed) {
      timeMentions.push(...(arrayPart(parsed, 'timeMentions') as [string, TimeMention[]][]));
    } else if ('mentions' in parsed) {
      mentions.push(...(arrayPart(parsed, 'mentions') as [string, EntityMention[]][]));
    } else if ('references' in parsed) {
      references.push(...(arrayPart(parsed, 'references') as [string, BackReference[]][]));
    } else if (LEXICON_PARTS.some((part) => part in parsed)) {
      const part = LEXICON_PARTS.find((p) => p in parsed) ?? 'persons';
      const items = arrayPart(parsed, part);
      (lexicon[part] as unknown[]).push(...items);
      lexiconItems += items.length;
    } else if ('end' in parsed) end = recordPart(parsed, 'end');
    else throw new Error('Analysis text: a line of unknown kind');
    if (slicer.due()) await slicer.breathe();
  }
  if (
    !end ||
    end.entities !== entities.length ||
    (heads.length > 0 && heads.length !== entities.length) ||
    end.timeMentions !== timeMentions.length ||
    end.mentions !== mentions.length ||
    end.lexicon !== lexiconItems ||
    end.references !== references.length ||
    end.passages !== byPassage.size
  ) {
    throw new Error('Analysis text is incomplete');
  }
  const parts: AnalysisParts = { entities, timeMentions, mentions, lexicon, references };
  // Only an analysis with entities has lists to give (the basis part has neither).
  if (end.entities > 0) parts.byPassage = await byPassage.buildAsync(slicer);
  return parts;
}

function isEntityLine(bytes: Buffer, start: number, end: number): boolean {
  return (
    end - start > ENTITY_LINE_BYTES.length &&
    bytes.compare(
      ENTITY_LINE_BYTES,
      0,
      ENTITY_LINE_BYTES.length,
      start,
      start + ENTITY_LINE_BYTES.length,
    ) === 0
  );
}

/** A power of two (the shard is picked by masking). */
const INTERNER_SHARDS = 64;

/**
 * One string for each passage or article id, however often the text repeats it. JSON.parse
 * makes a new string for every occurrence: an entity's mentions name their passage and
 * article each time, millions of copies at 400k passages. Given the same interner, the
 * articles and the analysis end up sharing the ids' strings.
 */
export class Interner {
  /**
   * Kept in many small maps, picked by a cheap hash of the string's end: one map of 400k
   * ids grew by rehashing all of them in one step (37-108 ms of a full build's main thread
   * at 400k passages, in whichever `get` found it full); a shard's rehash is a 64th of that.
   */
  readonly #shards: Map<string, string>[] = Array.from(
    { length: INTERNER_SHARDS },
    () => new Map(),
  );

  get(value: string): string {
    const n = value.length;
    const pick =
      (n + (n > 0 ? value.charCodeAt(n - 1) * 7 : 0) + (n > 1 ? value.charCodeAt(n - 2) : 0)) &
      (INTERNER_SHARDS - 1);
    const seen = this.#shards[pick] as Map<string, string>;
    const known = seen.get(value);
    if (known !== undefined) return known;
    seen.set(value, value);
    return value;
  }
}

/** Article heads per line of a load's text: one JSON.parse of a few tens of KB. */
const HEADS_PER_LINE = 500;

/**
 * The load's lists that grow with the folder, written after the head in lines of at most
 * `per` items each: in the head line, the stamps of 17k files at 400k passages made one
 * line of 1.2 MB, whose JSON.parse (10-25 ms) held a warm start's first turn beside the
 * folder's survey. `line` makes a line's value of some items, `items` takes them back
 * (undefined when the value is not such a line).
 */
interface LoadList<T> {
  per: number;
  line(items: readonly T[]): unknown;
  items(line: unknown): T[] | undefined;
}

const asItIs = <T>(per: number): LoadList<T> => ({
  per,
  line: (items) => items,
  items: (line) => (Array.isArray(line) ? (line as T[]) : undefined),
});

/** The stamps as three columns a line (files, sizes, times): a third of the objects to parse. */
const STAMP_COLUMNS: LoadList<FileStamp> = {
  per: 1000,
  line: (stamps) => [
    stamps.map((stamp) => stamp.file),
    stamps.map((stamp) => stamp.size),
    stamps.map((stamp) => stamp.mtimeMs),
  ],
  items: (line) => {
    const [files, sizes, times] = Array.isArray(line) ? line : [];
    if (!Array.isArray(files) || !Array.isArray(sizes) || !Array.isArray(times)) return undefined;
    if (sizes.length !== files.length || times.length !== files.length) return undefined;
    return files.map((file: string, i) => ({ file, size: sizes[i], mtimeMs: times[i] }));
  },
};

type ListKey = 'problems' | 'failedFiles' | 'stamps';
type LoadLists = { [K in ListKey]: LoadList<NonNullable<LoadResult[K]>[number]> };

/** In the order they are written. */
const LOAD_LISTS: LoadLists = {
  problems: asItIs(500),
  failedFiles: asItIs(2000),
  stamps: STAMP_COLUMNS,
};
const LIST_KEYS = Object.keys(LOAD_LISTS) as ListKey[];

/**
 * A load's lines: its head (aliases, the lists' lengths), each of `LOAD_LISTS` in lines,
 * then the articles' heads (id, hash, passage count, keys; `HEADS_PER_LINE` a line), then
 * one article a line, in that order. An article restored and never used since is written
 * as it was read (lazy-articles.ts).
 */
export function* loadLines(load: LoadResult): Generator<TextLine> {
  const { articles, problems, failedFiles, stamps, ...head } = load;
  const lists: { [K in ListKey]: readonly unknown[] | undefined } = {
    problems,
    failedFiles,
    stamps,
  };
  // A list the load leaves out stays out (no count), so that it round-trips as it was.
  const counts: Partial<Record<ListKey, number>> = {};
  for (const key of LIST_KEYS) counts[key] = lists[key]?.length;
  yield JSON.stringify({ head, articles: articles.length, lists: counts });
  for (const key of LIST_KEYS) {
    const items = lists[key] ?? [];
    const { per, line } = LOAD_LISTS[key] as LoadList<unknown>;
    for (let from = 0; from < items.length; from += per) {
      yield JSON.stringify({ [key]: line(items.slice(from, from + per)) });
    }
  }
  for (const some of slices(articles, HEADS_PER_LINE)) {
    yield JSON.stringify({ heads: some.map(headOf) });
  }
  for (const article of articles) yield articleLine(article);
}

/**
 * Reads a load's lines (see `loadLines`) in slices: the head and the lists are parsed, each
 * article only when first used (`lazyArticle`). `bytes` must be the load's own (kept until
 * every article is parsed). The articles are trusted as written: the snapshot's checksum
 * vouches for them, and the counts prove none is missing.
 */
export async function parseLoad(bytes: Buffer, from: number, until: number): Promise<LoadResult> {
  const slicer = new Slicer();
  const lineEnd = (at: number) => {
    const found = bytes.indexOf(10, at);
    return found < 0 || found > until ? until : found;
  };
  let at = from;
  const nextLine = (): unknown => {
    if (at >= until) throw new Error('Snapshot load is cut short');
    const end = lineEnd(at);
    const parsed: unknown = JSON.parse(bytes.toString('utf8', at, end));
    at = end + 1;
    return parsed;
  };
  const parsed = nextLine();
  if (
    !isRecord(parsed) ||
    !isRecord(parsed.head) ||
    typeof parsed.articles !== 'number' ||
    !isRecord(parsed.lists)
  ) {
    throw new Error('Snapshot load head is malformed');
  }
  const load: LoadResult = {
    ...(parsed.head as Omit<LoadResult, 'articles' | ListKey>),
    articles: [],
    problems: [],
  };
  const lists: { [K in ListKey]?: unknown[] } = load;
  for (const key of LIST_KEYS) {
    const count = parsed.lists[key];
    if (count === undefined) continue;
    if (typeof count !== 'number') throw new Error('Snapshot load head is malformed');
    const { items } = LOAD_LISTS[key] as LoadList<unknown>;
    const found: unknown[] = [];
    while (found.length < count) {
      const line = nextLine();
      const some = isRecord(line) ? items(line[key]) : undefined;
      if (!some || some.length === 0) throw new Error(`Snapshot load ${key} are malformed`);
      for (const item of some) found.push(item);
      if (slicer.due()) await slicer.breathe();
    }
    if (found.length !== count) throw new Error(`Snapshot load ${key} do not add up`);
    lists[key] = found;
  }
  const count = parsed.articles;
  const heads: ArticleHead[] = [];
  while (heads.length < count) {
    const line = nextLine();
    if (!isRecord(line) || !Array.isArray(line.heads) || line.heads.length === 0)
      throw new Error('Snapshot load heads are malformed');
    heads.push(...(line.heads as ArticleHead[]));
    if (slicer.due()) await slicer.breathe();
  }
  if (heads.length !== count) throw new Error('Snapshot load heads do not add up');
  const articles: Article[] = [];
  for (const head of heads) {
    if (at >= until) throw new Error('Snapshot load is incomplete');
    const end = lineEnd(at);
    articles.push(lazyArticle(head, bytes, at, end));
    at = end + 1;
    if (slicer.due()) await slicer.breathe();
  }
  if (at < until) throw new Error('Snapshot load has lines after its last article');
  load.articles = articles;
  return load;
}
