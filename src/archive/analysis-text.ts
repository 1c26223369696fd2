import type { BackReference, LexiconData } from '../extract/entities';
import type { Entity, EntityMention, TimeMention } from '../extract/types';
import type { Article, LoadResult } from '../knowledge/types';
import type { AnalysisParts } from './build';
import { type ArticleHead, articleLine, headOf, lazyArticle } from './lazy-articles';
import { Slicer } from './pace';

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
const LEXICON_PARTS = ['lower', 'capital', 'names', 'persons', 'things'] as const;
// Each line is made (JSON.stringify) and parsed in one step on the main thread: small
// enough that either stays a few ms on a busy machine (lines of 2,000 dated passages took
// 60 ms to write there).
const LEXICON_PER_LINE = 2000;
const MENTIONS_PER_LINE = 250;

const ENTITIES_PER_LINE = 250;
const ENTITY_LINE_CHARS = 64 * 1024;
const TIME_MENTIONS_PER_LINE = 500;

interface Counts {
  entities: number;
  timeMentions: number;
  mentions: number;
  lexicon: number;
  references: number;
}

type JsonObject = Record<string, unknown>;

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Which parts of an analysis: `answers` (names and dates, which every archive needs at once),
 * `basis` (names per passage before the merge, back references, the lexicon: needed only
 * by an incremental reload, so a restart can leave them unparsed), or `all`.
 */
export type AnalysisPart = 'all' | 'answers' | 'basis';

/** The lines of an analysis (see above), each a small JSON value, ending with the counts. */
export function* analysisLines(
  analysis: AnalysisParts,
  part: AnalysisPart = 'all',
): Generator<string> {
  const answers = part !== 'basis';
  const basis = part !== 'answers';
  const end: Counts = { entities: 0, timeMentions: 0, mentions: 0, lexicon: 0, references: 0 };
  if (answers) {
    // By size as well as count: a much-mentioned name ("Norge") carries thousands of
    // mentions, and a line of 500 such would take tens of ms to parse in one go.
    let line: string[] = [];
    let chars = 0;
    for (const entity of analysis.entities) {
      const text = JSON.stringify(entity);
      line.push(text);
      chars += text.length;
      if (line.length >= ENTITIES_PER_LINE || chars >= ENTITY_LINE_CHARS) {
        yield `{"entities":[${line.join(',')}]}`;
        line = [];
        chars = 0;
      }
    }
    if (line.length > 0) yield `{"entities":[${line.join(',')}]}`;
    for (const timeMentions of slices(analysis.timeMentions, TIME_MENTIONS_PER_LINE)) {
      yield JSON.stringify({ timeMentions });
    }
    end.entities = analysis.entities.length;
    end.timeMentions = analysis.timeMentions.length;
  }
  if (basis) {
    for (const mentions of slices(analysis.mentions, MENTIONS_PER_LINE)) {
      yield JSON.stringify({ mentions });
    }
    for (const references of slices(analysis.references, MENTIONS_PER_LINE)) {
      yield JSON.stringify({ references });
    }
    for (const name of LEXICON_PARTS) {
      const items: readonly unknown[] = analysis.lexicon[name] ?? [];
      end.lexicon += items.length;
      for (const slice of slices(items, LEXICON_PER_LINE)) yield JSON.stringify({ [name]: slice });
    }
    end.mentions = analysis.mentions.length;
    end.references = analysis.references.length;
  }
  yield JSON.stringify({ end });
}

/** The whole text at once: for the worker, whose event loop serves no one. */
export function serializeAnalysis(analysis: AnalysisParts): string {
  return [...analysisLines(analysis)].join('\n');
}

/** Splits text (a string, or UTF-8 bytes as read from a file) into lines lazily. */
function* linesOf(text: string | Buffer, from: number, until = text.length): Generator<string> {
  let at = from;
  while (at < until) {
    const found = typeof text === 'string' ? text.indexOf('\n', at) : text.indexOf(10, at);
    const end = found < 0 || found > until ? until : found;
    yield typeof text === 'string' ? text.slice(at, end) : text.toString('utf8', at, end);
    at = end + 1;
  }
}

function arrayPart(line: JsonObject, key: string): unknown[] {
  const value = line[key];
  if (!Array.isArray(value)) throw new Error(`Analysis text: "${key}" is not a list`);
  return value;
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
  let end: JsonObject | undefined;
  for (const line of linesOf(text, from, until)) {
    if (end) throw new Error('Analysis text: lines after the end');
    const parsed: unknown = JSON.parse(line);
    if (!isRecord(parsed)) throw new Error('Analysis text: a line is not an object');
    if ('entities' in parsed) {
      const some = arrayPart(parsed, 'entities') as Entity[];
      for (const entity of some) {
        for (const mention of entity.mentions) {
          mention.passageId = ids.get(mention.passageId);
          mention.articleId = ids.get(mention.articleId);
        }
      }
      entities.push(...some);
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
    end.timeMentions !== timeMentions.length ||
    end.mentions !== mentions.length ||
    end.lexicon !== lexiconItems ||
    end.references !== references.length
  ) {
    throw new Error('Analysis text is incomplete');
  }
  return { entities, timeMentions, mentions, lexicon, references };
}

/**
 * One string for each passage or article id, however often the text repeats it. JSON.parse
 * makes a new string for every occurrence: an entity's mentions name their passage and
 * article each time, millions of copies at 400k passages. Given the same interner, the
 * articles and the analysis end up sharing the ids' strings.
 */
export class Interner {
  readonly #seen = new Map<string, string>();

  get(value: string): string {
    const known = this.#seen.get(value);
    if (known !== undefined) return known;
    this.#seen.set(value, value);
    return value;
  }
}

/** Article heads per line of a load's text: one JSON.parse of a few tens of KB. */
const HEADS_PER_LINE = 500;

/**
 * A load's lines: its head (all but the articles), then the articles' heads (id, hash,
 * passage count, keys; `HEADS_PER_LINE` a line), then one article a line, in that order.
 * An article restored and never used since is written as it was read (lazy-articles.ts).
 */
export function* loadLines(load: LoadResult): Generator<string> {
  const { articles, ...head } = load;
  yield JSON.stringify({ head, articles: articles.length });
  for (const some of slices(articles, HEADS_PER_LINE)) {
    yield JSON.stringify({ heads: some.map(headOf) });
  }
  for (const article of articles) yield articleLine(article);
}

/**
 * Reads a load's lines (see `loadLines`) in slices: the heads are parsed, each article
 * only when first used (`lazyArticle`). `bytes` must be the load's own (kept until every
 * article is parsed). The articles are trusted as written: the snapshot's checksum vouches
 * for them, and the counts prove none is missing.
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
  if (!isRecord(parsed) || !isRecord(parsed.head) || typeof parsed.articles !== 'number') {
    throw new Error('Snapshot load head is malformed');
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
  return { ...(parsed.head as Omit<LoadResult, 'articles'>), articles };
}
