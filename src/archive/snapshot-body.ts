/**
 * The snapshot's body: tagged, length-prefixed sections (a 4-letter tag, the payload's
 * length as 4 bytes little-endian, the payload).
 *
 * - `LOAD`: the loaded files (aliases, problems, stamps; the articles' ids and hashes; then
 *   each article) as lines of JSON, the articles parsed on first use (lazy-articles.ts);
 * - `ANLY`: the analysis answers need (names, dates, each passage's entities) as lines of
 *   JSON (analysis-text.ts), each entity's roles and mentions parsed on first use
 *   (lazy-entities.ts);
 * - `BASE`: what only an incremental reload needs (names per passage before the merge,
 *   back references, the lexicon), as columns (basis-columns.ts): read on first need, not
 *   on restore;
 * - `DIRC`: the entity directory's prepared keys as columns (`DirectoryColumns`), so that a
 *   restart does not work out every entity's keys again; left out when it cannot be stored
 *   (a key holding the separator), and then the directory is built;
 * - `MRGE`: what the live merge's restore reads of each entity (merge-section.ts), so that
 *   the first update after a restart parses no entity for it;
 * - `INDX`: the passage index as bytes (index-bytes.ts);
 * - `LEXI`: the shipped bilingual lexicon's tables as the code read them (its supplement
 *   stemmed), as lines of JSON: a restart takes them instead of reading the files again
 *   (`adoptShippedLexicon`); optional, a snapshot without it reads the files.
 *
 * The worker encodes `ANLY` and `INDX` and transfers them; the main thread decodes them
 * just as a restart decodes them from the file, and writes them after its own `LOAD`.
 */
import type { DirectoryColumns, EntityDirectory } from '../extract/entities';
import { directoryColumns } from '../extract/entities/directory-columns';
import { type KeyColumns, runSteps, runStepsAsync } from '../extract/entities/ranked-keys';
import type { Entity } from '../extract/types';
import type { LoadResult } from '../knowledge/types';
import { LEXICON_TABLES, type LexiconTables, shippedLexiconTables } from '../language/lexicon';
import type { PassageIndex } from '../search';
import {
  type AnalysisItems,
  analysisLines,
  Interner,
  loadLines,
  parseAnalysis,
  parseLoad,
  type TextLine,
} from './analysis-text';
import { readBasisColumns, writeBasisColumns } from './basis-columns';
import type { AnalysisParts } from './build';
import { ByteReader, ByteWriter } from './bytes';
import { readIndex, writeIndex } from './index-bytes';
import { passageLanguage } from './lazy-articles';
import { decodeMergeFacts, decodeMergeKeys, encodeMergeSection } from './merge-section';
import { Slicer } from './pace';

export type SectionTag = 'LOAD' | 'ANLY' | 'BASE' | 'DIRC' | 'MRGE' | 'INDX' | 'LEXI';
const TAGS: readonly SectionTag[] = ['LOAD', 'ANLY', 'BASE', 'DIRC', 'MRGE', 'INDX', 'LEXI'];
/** Entries of a lexicon table per `LEXI` line. */
const LEXICON_ENTRIES_PER_LINE = 2000;
/** Between the keys of a `DIRC` column: folded names never hold it. */
const KEY_SEPARATOR = '\u0000';
/** Directory keys encoded at once when the section is written. */
const KEYS_PER_PIECE = 4096;
/** The `DIRC` key columns that lookups read through tries (names, roles), stored first. */
const RANKED_KEY_COLUMNS = 2;
/** Numbers written or read between two looks at the pace. */
const NUMBERS_PER_LOOK = 4096;
/** Lines are gathered into pieces of about this size: no text as large as the whole. */
const PIECE_CHARS = 1 << 18;
/** The index's bytes are written in chunks of this size: never copied whole to grow. */
const INDEX_CHUNK_BYTES = 8 << 20;

/**
 * Where sections go as they are encoded. `GatheredSections` keeps their pieces (the worker
 * transfers them; a full build writes them after its own); `SnapshotFile` (snapshot.ts)
 * writes them to the file at once, so that an update's snapshot (200 MB at 400k passages)
 * is never held whole: held, its buffers were external memory that set off a full garbage
 * collection every 60-odd MB, each pausing the main thread 25-85 ms at that heap's size.
 */
export interface SectionSink {
  /** True when the bytes given are written before the call returns (the caller may reuse them). */
  readonly streams: boolean;
  begin(tag: SectionTag): void | Promise<void>;
  /** Payload bytes, as UTF-8. */
  text(text: string): void | Promise<void>;
  /** Payload bytes; a sink that does not stream keeps them. */
  bytes(bytes: Uint8Array): void | Promise<void>;
  /** Ends the section begun last: its head now says its length. */
  end(): void | Promise<void>;
}

/** Sections as the pieces to write, each a head (tag, payload length) and its payload's pieces. */
export class GatheredSections implements SectionSink {
  readonly streams = false;
  readonly pieces: Uint8Array[] = [];
  #head: Buffer | undefined;
  #length = 0;

  begin(tag: SectionTag): void {
    const head = Buffer.alloc(8);
    head.write(tag, 0, 'latin1');
    this.pieces.push(head);
    this.#head = head;
    this.#length = 0;
  }

  text(text: string): void {
    this.bytes(Buffer.from(text));
  }

  bytes(bytes: Uint8Array): void {
    this.pieces.push(bytes);
    this.#length += bytes.length;
  }

  end(): void {
    this.#head?.writeUInt32LE(this.#length, 4);
    this.#head = undefined;
  }
}

/** What `write` puts in a `GatheredSections`, as its pieces. */
async function gathered(write: (sink: SectionSink) => Promise<void>): Promise<Uint8Array[]> {
  const sink = new GatheredSections();
  await write(sink);
  return sink.pieces;
}

const NEWLINE = new Uint8Array([10]);

async function linesSection(
  sink: SectionSink,
  tag: SectionTag,
  lines: Iterable<TextLine | undefined>,
  pace?: Slicer,
): Promise<void> {
  await sink.begin(tag);
  let piece: string[] = [];
  let chars = 0;
  for (const line of lines) {
    // No line: a step of work between lines, after which the pace is looked at.
    if (line === undefined) {
      if (pace?.due()) await pace.breathe();
      continue;
    }
    if (typeof line !== 'string') {
      // Bytes as read from the snapshot: written as they are, after the lines before them.
      if (piece.length > 0) await sink.text(`${piece.join('\n')}\n`);
      piece = [];
      chars = 0;
      await sink.bytes(line);
      await sink.bytes(NEWLINE);
      if (pace?.due()) await pace.breathe();
      continue;
    }
    piece.push(line);
    chars += line.length + 1;
    if (chars >= PIECE_CHARS) {
      await sink.text(`${piece.join('\n')}\n`);
      piece = [];
      chars = 0;
    }
    if (pace?.due()) await pace.breathe();
  }
  if (piece.length > 0) await sink.text(`${piece.join('\n')}\n`);
  await sink.end();
}

/** The `LOAD` section. */
export function encodeLoad(load: LoadResult, pace?: Slicer): Promise<Uint8Array[]> {
  return gathered((sink) => writeLoad(sink, load, pace));
}

/** The `LOAD` section, into `sink`. */
function writeLoad(sink: SectionSink, load: LoadResult, pace?: Slicer): Promise<void> {
  return linesSection(sink, 'LOAD', loadLines(load), pace);
}

/** The sections a snapshot begins with, into `sink`: the loaded files (`LOAD`), then `LEXI`. */
export async function writeFirstSections(
  sink: SectionSink,
  load: LoadResult,
  pace?: Slicer,
): Promise<void> {
  await writeLoad(sink, load, pace);
  await writeLexicon(sink, pace);
}

/** The `ANLY`, `BASE` and `INDX` sections; `pace` slices the work when given (the main thread). */
export function encodeAnalysis(
  analysis: AnalysisToWrite,
  index: PassageIndex,
  pace?: Slicer,
  directory?: EntityDirectory,
): Promise<Uint8Array[]> {
  return gathered((sink) => writeAnalysis(sink, analysis, index, pace, directory));
}

/**
 * What the analysis sections are written from: the parts as arrays, or (an update's
 * snapshot) as the live maps, read as they are written; the entities as an array, which
 * the directory's columns index.
 */
export type AnalysisToWrite = AnalysisItems & { entities: readonly Entity[] };

/** Never due: work that runs to its end (a worker's, or a test's). */
const UNPACED = { due: () => false, breathe: () => Promise.resolve() };

/** The `LEXI` section (the shipped lexicon, read first in slices when not yet), into `sink`. */
export async function writeLexicon(sink: SectionSink, pace?: Slicer): Promise<void> {
  const tables = await shippedLexiconTables(pace ?? UNPACED);
  await linesSection(sink, 'LEXI', lexiconLines(tables), pace);
}

function* lexiconLines(tables: LexiconTables): Generator<string> {
  const end: Record<string, number> = {};
  for (const name of LEXICON_TABLES) {
    let line: [string, readonly string[]][] = [];
    for (const entry of tables[name]) {
      line.push(entry);
      if (line.length >= LEXICON_ENTRIES_PER_LINE) {
        yield JSON.stringify({ [name]: line });
        line = [];
      }
    }
    if (line.length > 0) yield JSON.stringify({ [name]: line });
    end[name] = tables[name].size;
  }
  yield JSON.stringify({ end });
}

/**
 * The `LEXI` section's tables, parsed in slices: undefined when the snapshot has none. Throws when they do not add up. The caller
 * adopts them (`adoptShippedLexicon`) once the snapshot's checksum vouched for them: a
 * lexicon taken from damaged bytes would be written into every later snapshot.
 */
export async function decodeLexicon(
  bytes: Buffer,
  sections: Map<SectionTag, { start: number; end: number }>,
): Promise<LexiconTables | undefined> {
  const place = sections.get('LEXI');
  if (!place) return undefined;
  const pace = new Slicer();
  const tables = { enToNo: new Map(), noToEn: new Map(), byWord: new Map() };
  let end: Record<string, unknown> | undefined;
  let at = place.start;
  while (at < place.end) {
    const found = bytes.indexOf(10, at);
    const stop = found < 0 || found > place.end ? place.end : found;
    const line = JSON.parse(bytes.toString('utf8', at, stop)) as Record<string, unknown>;
    at = stop + 1;
    const name = LEXICON_TABLES.find((table) => table in line);
    if (name) {
      const into: Map<string, string[]> = tables[name];
      for (const [key, values] of line[name] as [string, string[]][]) into.set(key, values);
    } else if (typeof line.end === 'object' && line.end !== null && !end)
      end = line.end as Record<string, unknown>;
    else throw new Error('Snapshot lexicon: a line of unknown kind');
    if (pace.due()) await pace.breathe();
  }
  if (!end || LEXICON_TABLES.some((name) => end?.[name] !== tables[name].size))
    throw new Error('Snapshot lexicon is incomplete');
  return tables;
}

/** The `ANLY`, `BASE`, `MRGE`, `DIRC` and `INDX` sections, into `sink`. */
export async function writeAnalysis(
  sink: SectionSink,
  analysis: AnalysisToWrite,
  index: PassageIndex,
  pace?: Slicer,
  directory?: EntityDirectory,
): Promise<void> {
  await writeAnalysisText(sink, analysis, pace, directory);
  await writeIndexSection(sink, index, pace);
}

/** The `ANLY`, `BASE`, `MRGE` and `DIRC` sections. */
export function encodeAnalysisText(
  analysis: AnalysisToWrite,
  pace?: Slicer,
  directory?: EntityDirectory,
): Promise<Uint8Array[]> {
  return gathered((sink) => writeAnalysisText(sink, analysis, pace, directory));
}

async function writeAnalysisText(
  sink: SectionSink,
  analysis: AnalysisToWrite,
  pace?: Slicer,
  directory?: EntityDirectory,
): Promise<void> {
  await linesSection(sink, 'ANLY', analysisLines(analysis, 'answers'), pace);
  await sink.begin('BASE');
  await writeBasisColumns(sink, analysis, pace);
  await sink.end();
  await sink.begin('MRGE');
  for (const piece of await encodeMergeSection(analysis.entities, analysis.mentions, pace))
    await sink.bytes(piece);
  await sink.end();
  const keys = await encodeDirectory(analysis.entities, directory, pace);
  if (keys.length === 0) return;
  await sink.begin('DIRC');
  for (const piece of keys) await sink.bytes(piece);
  await sink.end();
}

/** The `INDX` section. */
export function encodeIndex(index: PassageIndex, pace?: Slicer): Promise<Uint8Array[]> {
  return gathered((sink) => writeIndexSection(sink, index, pace));
}

/** Index bytes gathered before a streaming sink takes them. */
const SPILL_BYTES = 1 << 20;

async function writeIndexSection(
  sink: SectionSink,
  index: PassageIndex,
  pace?: Slicer,
): Promise<void> {
  await sink.begin('INDX');
  const out = new ByteWriter(sink.streams ? SPILL_BYTES * 2 : 1 << 20, INDEX_CHUNK_BYTES);
  // A sink that writes as it goes takes the bytes a megabyte at a time, and the writer
  // then reuses its room: no index-sized buffers held.
  const spill = sink.streams
    ? {
        bytes: SPILL_BYTES,
        async take() {
          for (const piece of out.drain()) await sink.bytes(piece);
        },
      }
    : undefined;
  await writeIndex(index, out, pace, spill);
  for (const piece of out.drain()) await sink.bytes(piece);
  await sink.end();
}

/** The `INDX` section of an index an `IndexWriter` wrote (the analysis worker's). */
export function indexSection(payload: readonly Uint8Array[]): Uint8Array[] {
  const sink = new GatheredSections();
  sink.begin('INDX');
  for (const piece of payload) sink.bytes(piece);
  sink.end();
  return sink.pieces;
}

/**
 * The `DIRC` section's payload: `directory`'s columns over `entities` (merged from its
 * layers when an update made it of layers), or those of a directory built of them now when
 * there is none (the worker's); no pieces when the keys cannot be stored.
 */
async function encodeDirectory(
  entities: readonly Entity[],
  directory: EntityDirectory | undefined,
  pace?: Slicer,
): Promise<Uint8Array[]> {
  // In steps on the main thread: the exact keys are sorted into columns here.
  const columnsOf = (of: EntityDirectory) =>
    pace ? runStepsAsync(of.columnSteps(entities), pace) : of.columns(entities);
  let columns = directory ? await columnsOf(directory) : undefined;
  // Without a directory (the names worker's), only the columns are worked out: a whole
  // directory's lookup structures were most of the section's time and never read here.
  if (!columns)
    columns = pace
      ? await runStepsAsync(directoryColumns(entities), pace)
      : runSteps(directoryColumns(entities));
  if (!columns) return [];
  const keyed = [columns.names, columns.roles, columns.exactNames, columns.exactRoles];
  // The keys' text in pieces, each encoded apart between looks at the pace: joined and
  // encoded whole, the names' keys (megabytes at 400k passages) held the event loop.
  const texts: { bytes: number; pieces: Buffer[] }[] = [];
  for (const { keys } of keyed) {
    const pieces: Buffer[] = [];
    let bytes = 0;
    for (let from = 0; from < keys.length; from += KEYS_PER_PIECE) {
      const some = keys.slice(from, from + KEYS_PER_PIECE);
      if (some.some((key) => key.includes(KEY_SEPARATOR))) return [];
      const last = from + KEYS_PER_PIECE >= keys.length;
      const piece = Buffer.from(some.join(KEY_SEPARATOR) + (last ? '' : KEY_SEPARATOR));
      pieces.push(piece);
      bytes += piece.length;
      if (pace?.due()) await pace.breathe();
    }
    texts.push({ bytes, pieces });
  }
  const out = new ByteWriter(1 << 20, INDEX_CHUNK_BYTES);
  const numbers = async (values: Int32Array) => {
    out.uint(values.length);
    for (let i = 0; i < values.length; i++) {
      out.uint(values[i] ?? 0);
      if (pace && i % NUMBERS_PER_LOOK === 0 && pace.due()) await pace.breathe();
    }
  };
  await numbers(columns.order);
  await numbers(columns.counts);
  for (const [k, keys] of keyed.entries()) {
    out.uint(keys.keys.length);
    // As `ByteWriter.string` writes the joined keys: their length in bytes, then the bytes.
    const text = texts[k] ?? { bytes: 0, pieces: [] };
    out.uint(text.bytes);
    for (const piece of text.pieces) out.raw(piece);
    await numbers(keys.starts);
    await numbers(keys.ranks);
    // The lookup keys' sort orders, when known (none for the exact keys, which need none).
    if (k < RANKED_KEY_COLUMNS) {
      const orders = keys.orders;
      out.uint(orders ? 1 : 0);
      if (orders) {
        await numbers(orders.backward);
        await numbers(orders.afterFirst);
      }
    }
  }
  return out.pieces();
}

/** The `DIRC` section's columns, read in slices. */
async function decodeDirectory(
  bytes: Buffer,
  start: number,
  end: number,
): Promise<DirectoryColumns> {
  const pace = new Slicer();
  const reader = new ByteReader(bytes, start, end);
  const numbers = async (): Promise<Int32Array> => {
    const values = new Int32Array(reader.uint());
    for (let from = 0; from < values.length; from += NUMBERS_PER_LOOK) {
      readNumbers(reader, values, from, Math.min(values.length, from + NUMBERS_PER_LOOK));
      if (pace.due()) await pace.breathe();
    }
    return values;
  };
  const order = await numbers();
  const counts = await numbers();
  const keyed: KeyColumns[] = [];
  for (let k = 0; k < 4; k++) {
    const count = reader.uint();
    // As `ByteReader.string` reads it, but split a piece at a time.
    const text = reader.take(reader.uint());
    const keys =
      count === 0 ? [] : await keysOf(Buffer.from(text.buffer, text.byteOffset, text.length), pace);
    if (keys.length !== count) throw new Error('Snapshot directory keys do not add up');
    const columns: KeyColumns = { keys, starts: await numbers(), ranks: await numbers() };
    if (k < RANKED_KEY_COLUMNS && reader.uint() === 1)
      columns.orders = { backward: await numbers(), afterFirst: await numbers() };
    keyed.push(columns);
  }
  if (!reader.done) throw new Error('Snapshot directory has bytes left over');
  const [names, roles, exactNames, exactRoles] = keyed as [
    KeyColumns,
    KeyColumns,
    KeyColumns,
    KeyColumns,
  ];
  return { order, counts, names, roles, exactNames, exactRoles };
}

/** Bytes of a `DIRC` key column's text decoded and split at once. */
const KEY_BYTES_PER_STEP = 64 << 10;

/**
 * A key column's text (UTF-8, `KEY_SEPARATOR` between the keys) as its keys, decoded and
 * split a piece at a time, each piece ending at a separator (a zero byte is one in UTF-8):
 * the names' keys of 400k passages (117k, 1.5 MB) decoded and split whole were one step
 * of 15-30 ms of a restart.
 */
async function keysOf(text: Buffer, pace: Slicer): Promise<string[]> {
  const keys: string[] = [];
  let at = 0;
  for (;;) {
    const cut =
      at + KEY_BYTES_PER_STEP >= text.length ? -1 : text.indexOf(0, at + KEY_BYTES_PER_STEP);
    for (const key of text.toString('utf8', at, cut < 0 ? text.length : cut).split(KEY_SEPARATOR))
      keys.push(key);
    if (cut < 0) return keys;
    at = cut + 1;
    if (pace.due()) await pace.breathe();
  }
}

/**
 * `values[from..to)` read from `reader`. A plain function called per run of numbers, so that
 * V8 optimises its loop: in the async function that paces it, the loop ran 3-4 times slower.
 */
function readNumbers(reader: ByteReader, values: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) values[i] = reader.uint();
}

/** Where each section's payload lies in `bytes[from..until]`; throws on a cut or unknown one. */
export function sectionsOf(
  bytes: Buffer,
  from = 0,
  until = bytes.length,
): Map<SectionTag, { start: number; end: number }> {
  const found = new Map<SectionTag, { start: number; end: number }>();
  let at = from;
  while (at < until) {
    if (at + 8 > until) throw new Error('Snapshot section head cut short');
    const tag = bytes.toString('latin1', at, at + 4) as SectionTag;
    if (!TAGS.includes(tag) || found.has(tag)) throw new Error(`Snapshot section ${tag} unknown`);
    const start = at + 8;
    const end = start + bytes.readUInt32LE(at + 4);
    if (end > until) throw new Error(`Snapshot section ${tag} cut short`);
    found.set(tag, { start, end });
    at = end;
  }
  return found;
}

function need(
  sections: Map<SectionTag, { start: number; end: number }>,
  tag: SectionTag,
): { start: number; end: number } {
  const place = sections.get(tag);
  if (!place) throw new Error(`Snapshot has no ${tag} section`);
  return place;
}

/**
 * The `LOAD` section's load, its articles parsed on first use (lazy-articles.ts) from the
 * snapshot's bytes. Those are read, not copied: the sections read later (`LOAD`, `ANLY`,
 * `BASE`, 180 of the 200 MB at 400k passages) are done with at about the same time (the live
 * merge's preparation parses every article and entity, and reads the basis), and a copy of
 * each was 250 ms of a restart's main thread (page faults of fresh memory) and as much
 * memory again until the snapshot's buffer went. Only the index copies its bytes, which it
 * keeps for good.
 */
export async function decodeLoad(
  bytes: Buffer,
  sections: Map<SectionTag, { start: number; end: number }>,
): Promise<LoadResult> {
  const { start, end } = need(sections, 'LOAD');
  return parseLoad(bytes, start, end);
}

/**
 * The analysis and the index of `load`'s articles, from the `ANLY` and `INDX` sections; the
 * `BASE` section is kept as bytes (a view, see `decodeLoad`) and parsed on first need.
 */
export async function decodeAnalysis(
  bytes: Buffer,
  sections: Map<SectionTag, { start: number; end: number }>,
  load: Pick<LoadResult, 'articles' | 'aliases'>,
  ids = new Interner(),
): Promise<{ analysis: AnalysisParts; index: PassageIndex }> {
  const analysis = await decodeAnalysisText(bytes, sections, ids);
  const index = await decodeIndex(bytes, sections, load);
  return { analysis, index };
}

/** The analysis from the `ANLY` section, with the `BASE` one kept as bytes to parse on first need. */
export async function decodeAnalysisText(
  bytes: Buffer,
  sections: Map<SectionTag, { start: number; end: number }>,
  ids = new Interner(),
): Promise<AnalysisParts> {
  const text = need(sections, 'ANLY');
  // Restored entities parse their lines from these bytes on first use (a view, see `decodeLoad`).
  const analysis = await parseAnalysis(bytes, text.start, text.end, ids);
  const base = need(sections, 'BASE');
  // A view, as the other sections (see `decodeLoad`).
  const basisBytes = bytes.subarray(base.start, base.end);
  const keys = sections.get('DIRC');
  if (keys) analysis.directory = await decodeDirectory(bytes, keys.start, keys.end);
  const facts = need(sections, 'MRGE');
  const keysAt = await decodeMergeFacts(bytes, facts.start, facts.end, analysis.entities);
  // The names' keys, which only the live merge's restore reads, with the names they belong to.
  const mergeBytes = bytes.subarray(keysAt, facts.end);
  analysis.readBasis = async () => ({
    ...(await readBasisColumns(basisBytes)),
    mergeKeys: await decodeMergeKeys(mergeBytes, 0, mergeBytes.length),
  });
  return analysis;
}

/** The index of `load`'s articles from the `INDX` section. */
export function decodeIndex(
  bytes: Buffer,
  sections: Map<SectionTag, { start: number; end: number }>,
  load: Pick<LoadResult, 'articles' | 'aliases'>,
): Promise<PassageIndex> {
  const place = need(sections, 'INDX');
  // The index's language sides read the passages' languages from the articles' heads.
  const input = { ...load, passageLanguage };
  return readIndex(bytes.subarray(place.start, place.end), input);
}
