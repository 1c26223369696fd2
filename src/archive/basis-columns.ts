/**
 * The snapshot's `BASE` section as columns of numbers over small string tables: what only an
 * incremental reload needs (each passage's names before the merge, its back references, the
 * archive's lexicon). As lines of JSON it took 1.2 s of a first update's main thread at 400k
 * passages, 0.8 s of it `JSON.parse`, in lines of 35-75 ms with a young collection inside
 * (the objects `JSON.parse` makes cannot be pretenured). Read as columns, each string of a
 * block is decoded once (a block's strings are one UTF-8 run, cut by lengths), and each name
 * is an object literal made at one site, which V8 allocates in the old generation once it
 * sees they all survive.
 *
 * Layout (varints, `bytes.ts`): three parts in order, names, back references, lexicon. Each is
 * a run of blocks, each block starting with its entry count; a count of 0 ends the part.
 * - A names or references block: its strings table (how many, their UTF-8 as one string,
 *   each one's length in UTF-16 units), then per passage its id and item count (the id as a
 *   place in the table), then per name: name, surface (places), start, length, kind
 *   (`KINDS`), role and role text (place + 1, 0 when absent); per back reference: role,
 *   role text, head (places), specific (0/1), start, length.
 * - The lexicon: per part in `LEXICON_PARTS` order, blocks of words (their table as above),
 *   followed in the counted parts by each word's count.
 * Then the totals (passages with names, passages with references, lexicon words), which
 * prove the section complete.
 *
 * The names are written in the order of the map given, as the `MRGE` section's keys are
 * (merge-section.ts): a restore reads the i-th passage's keys for the i-th passage here.
 */
import { ArchiveLexicon, type BackReference } from '../extract/entities';
import type { EntityKind, EntityMention } from '../extract/types';
import { type AnalysisItems, LEXICON_PARTS } from './analysis-text';
import { ByteReader, ByteWriter } from './bytes';
import { Slicer } from './pace';

/** The lexicon's parts that count their words (maps); the others are sets. */
const COUNTED_PARTS: ReadonlySet<string> = new Set(['lower', 'capital', 'names']);
/** A kind's number is its place here. */
const KINDS: readonly EntityKind[] = ['person', 'organisation', 'place', 'other'];
/** Passages per block: a block is read in one step (some 2-3k names, well under 4 ms). */
const PASSAGES_PER_BLOCK = 512;
/** Lexicon words per block. */
const WORDS_PER_BLOCK = 4096;
/** Bytes gathered before a streaming sink takes them. */
const SPILL_BYTES = 1 << 20;

/** An incremental basis as the live structures an update changes in place. */
export interface LiveBasis {
  mentions: Map<string, EntityMention[]>;
  references: Map<string, BackReference[]>;
  lexicon: ArchiveLexicon;
}

/** Where the section's bytes go (snapshot-body.ts's `SectionSink`, its payload part). */
export interface BasisSink {
  /** True when bytes given are written before the call returns (the writer may reuse them). */
  readonly streams: boolean;
  bytes(bytes: Uint8Array): void | Promise<void>;
}

/** A block's strings, each numbered as first met. */
class BlockStrings {
  readonly #places = new Map<string, number>();
  readonly list: string[] = [];

  place(value: string): number {
    let at = this.#places.get(value);
    if (at === undefined) {
      at = this.list.length;
      this.#places.set(value, at);
      this.list.push(value);
    }
    return at;
  }

  /** Place + 1, or 0 for no string. */
  optional(value: string | undefined): number {
    return value === undefined ? 0 : this.place(value) + 1;
  }
}

function writeStrings(out: ByteWriter, strings: readonly string[]): void {
  out.uint(strings.length);
  out.string(strings.join(''));
  for (const value of strings) out.uint(value.length);
}

function readStrings(reader: ByteReader): string[] {
  const count = reader.uint();
  const joined = reader.string();
  const strings = new Array<string>(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const length = reader.uint();
    strings[i] = joined.slice(at, at + length);
    at += length;
  }
  if (at !== joined.length) throw new Error('Snapshot basis: a block of strings does not add up');
  return strings;
}

function kindNumber(kind: EntityKind): number {
  const n = KINDS.indexOf(kind);
  if (n < 0) throw new Error(`Snapshot basis: unknown kind ${kind}`);
  return n;
}

/** A block of passages' names: the table first, so the reader has it before the numbers. */
function namesBlock(out: ByteWriter, block: readonly [string, readonly EntityMention[]][]): void {
  const strings = new BlockStrings();
  const numbers = new ByteWriter(1 << 14);
  for (const [passageId, names] of block) {
    numbers.uint(strings.place(passageId));
    numbers.uint(names.length);
    for (const m of names) {
      numbers.uint(strings.place(m.name));
      numbers.uint(strings.place(m.surface));
      numbers.int(m.start);
      numbers.int(m.end - m.start);
      numbers.uint(kindNumber(m.kind));
      numbers.uint(strings.optional(m.role));
      numbers.uint(strings.optional(m.roleText));
    }
  }
  out.uint(block.length);
  writeStrings(out, strings.list);
  out.raw(numbers.bytes());
}

function referencesBlock(
  out: ByteWriter,
  block: readonly [string, readonly BackReference[]][],
): void {
  const strings = new BlockStrings();
  const numbers = new ByteWriter(1 << 14);
  for (const [passageId, references] of block) {
    numbers.uint(strings.place(passageId));
    numbers.uint(references.length);
    for (const r of references) {
      numbers.uint(strings.place(r.role));
      numbers.uint(strings.place(r.roleText));
      numbers.uint(strings.place(r.head));
      numbers.uint(r.specific ? 1 : 0);
      numbers.int(r.start);
      numbers.int(r.end - r.start);
    }
  }
  out.uint(block.length);
  writeStrings(out, strings.list);
  out.raw(numbers.bytes());
}

function wordsBlock(out: ByteWriter, block: readonly unknown[], counted: boolean): void {
  out.uint(block.length);
  const words = block.map((item) => (counted ? (item as [string, number])[0] : (item as string)));
  writeStrings(out, words);
  if (counted) for (const item of block) out.uint((item as [string, number])[1]);
}

/** `items` in arrays of `size` (the last shorter). */
function* blocks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let block: T[] = [];
  for (const item of items) {
    block.push(item);
    if (block.length >= size) {
      yield block;
      block = [];
    }
  }
  if (block.length > 0) yield block;
}

/**
 * The section's payload for `analysis`'s basis, into `sink`, a block between two looks at
 * `pace` (the main thread's, for an update's snapshot; none on a worker).
 */
export async function writeBasisColumns(
  sink: BasisSink,
  analysis: Pick<AnalysisItems, 'mentions' | 'references' | 'lexicon'>,
  pace?: Slicer,
): Promise<void> {
  const out = new ByteWriter(sink.streams ? SPILL_BYTES * 2 : 1 << 16, 1 << 20);
  const step = async () => {
    if (sink.streams && out.length >= SPILL_BYTES)
      for (const piece of out.drain()) await sink.bytes(piece);
    if (pace?.due()) await pace.breathe();
  };
  const totals = { mentions: 0, references: 0, lexicon: 0 };
  for (const block of blocks(analysis.mentions, PASSAGES_PER_BLOCK)) {
    namesBlock(out, block);
    totals.mentions += block.length;
    await step();
  }
  out.uint(0);
  for (const block of blocks(analysis.references, PASSAGES_PER_BLOCK)) {
    referencesBlock(out, block);
    totals.references += block.length;
    await step();
  }
  out.uint(0);
  for (const part of LEXICON_PARTS) {
    for (const block of blocks(analysis.lexicon[part] ?? [], WORDS_PER_BLOCK)) {
      wordsBlock(out, block, COUNTED_PARTS.has(part));
      totals.lexicon += block.length;
      await step();
    }
    out.uint(0);
  }
  out.uint(totals.mentions);
  out.uint(totals.references);
  out.uint(totals.lexicon);
  for (const piece of out.drain()) if (piece.length > 0) await sink.bytes(piece);
}

/** The section's payload, gathered (tests, and a caller without a sink). */
export async function encodeBasisColumns(
  analysis: Pick<AnalysisItems, 'mentions' | 'references' | 'lexicon'>,
): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  await writeBasisColumns({ streams: false, bytes: (piece) => void pieces.push(piece) }, analysis);
  return Buffer.concat(pieces);
}

/**
 * A name as the extractor makes it, the role's fields only when it has one. Literals made
 * here, at one site per shape, so that V8 pretenures them (see the head of this file).
 */
function mentionOf(
  name: string,
  surface: string,
  start: number,
  end: number,
  kind: EntityKind,
  role: string | undefined,
  roleText: string | undefined,
): EntityMention {
  if (role === undefined && roleText === undefined) return { name, surface, start, end, kind };
  const mention: EntityMention = { name, surface, start, end, kind };
  if (role !== undefined) mention.role = role;
  if (roleText !== undefined) mention.roleText = roleText;
  return mention;
}

/** `table[n]`, checked: a number outside the table is damage, not a name. */
function stringAt(table: readonly string[], n: number): string {
  const value = table[n];
  if (value === undefined) throw new Error('Snapshot basis: a string out of its table');
  return value;
}

const optionalAt = (table: readonly string[], n: number): string | undefined =>
  n === 0 ? undefined : stringAt(table, n - 1);

function kindAt(n: number): EntityKind {
  const kind = KINDS[n];
  if (kind === undefined) throw new Error('Snapshot basis: an unknown kind');
  return kind;
}

/** One block of names into `into` (a plain function, so that V8 optimises its loop). */
function readNamesBlock(
  reader: ByteReader,
  passages: number,
  into: Map<string, EntityMention[]>,
): void {
  const table = readStrings(reader);
  for (let p = 0; p < passages; p++) {
    const id = stringAt(table, reader.uint());
    const count = reader.uint();
    const names = new Array<EntityMention>(count);
    for (let i = 0; i < count; i++) {
      const name = stringAt(table, reader.uint());
      const surface = stringAt(table, reader.uint());
      const start = reader.int();
      const end = start + reader.int();
      const kind = kindAt(reader.uint());
      const role = optionalAt(table, reader.uint());
      const roleText = optionalAt(table, reader.uint());
      names[i] = mentionOf(name, surface, start, end, kind, role, roleText);
    }
    into.set(id, names);
  }
}

function readReferencesBlock(
  reader: ByteReader,
  passages: number,
  into: Map<string, BackReference[]>,
): void {
  const table = readStrings(reader);
  for (let p = 0; p < passages; p++) {
    const id = stringAt(table, reader.uint());
    const count = reader.uint();
    const references = new Array<BackReference>(count);
    for (let i = 0; i < count; i++) {
      const role = stringAt(table, reader.uint());
      const roleText = stringAt(table, reader.uint());
      const head = stringAt(table, reader.uint());
      const specific = reader.uint() === 1;
      const start = reader.int();
      const end = start + reader.int();
      references[i] = { role, roleText, head, specific, start, end };
    }
    into.set(id, references);
  }
}

function readWordsBlock(
  reader: ByteReader,
  words: number,
  into: Map<string, number> | Set<string>,
): void {
  const table = readStrings(reader);
  if (table.length !== words) throw new Error('Snapshot basis: a block of words does not add up');
  if (into instanceof Map) for (const word of table) into.set(word, reader.uint());
  else for (const word of table) into.add(word);
}

/**
 * The section's basis straight into the live maps and lexicon an update changes, a block at a
 * time between breaths. Throws when the bytes are malformed or incomplete.
 */
export async function readBasisColumns(bytes: Buffer): Promise<LiveBasis> {
  const slicer = new Slicer();
  const reader = new ByteReader(bytes);
  const basis: LiveBasis = {
    mentions: new Map(),
    references: new Map(),
    lexicon: new ArchiveLexicon(),
  };
  for (let n = reader.uint(); n > 0; n = reader.uint()) {
    readNamesBlock(reader, n, basis.mentions);
    if (slicer.due()) await slicer.breathe();
  }
  for (let n = reader.uint(); n > 0; n = reader.uint()) {
    readReferencesBlock(reader, n, basis.references);
    if (slicer.due()) await slicer.breathe();
  }
  let words = 0;
  for (const part of LEXICON_PARTS) {
    const into = basis.lexicon.partOf(part);
    for (let n = reader.uint(); n > 0; n = reader.uint()) {
      readWordsBlock(reader, n, into);
      words += n;
      if (slicer.due()) await slicer.breathe();
    }
  }
  const totals = [reader.uint(), reader.uint(), reader.uint()];
  const read = [basis.mentions.size, basis.references.size, words];
  if (!reader.done || totals.some((total, i) => total !== read[i]))
    throw new Error('Snapshot basis is incomplete');
  return basis;
}
