/**
 * The passage index (MiniSearch's own structures) as bytes for the snapshot, and back.
 *
 * MiniSearch's `toJSON` turns every posting into an object key ("4711": 2) and its
 * `loadJSAsync` parses those back with parseInt, after a JSON.parse of the whole index that
 * holds the event loop for seconds at 400k passages. Here the same state goes to varints
 * (see bytes.ts) and comes back as MiniSearch's state, in slices of a few milliseconds: a
 * head (counts, field ids, average lengths) as JSON, the documents as columns a block at a
 * time (short-id gaps, the ids' lengths, the ids as one string, field counts, field
 * lengths), then the radix tree of terms depth first, each term with its postings per field
 * (document-id gaps and term counts) prefixed by their length in bytes, then a table of
 * where each inner node of the tree ends. Nothing is validated entry by entry: the
 * snapshot's checksum vouches for the bytes, and the reader throws on any that run out or
 * do not add up.
 *
 * The documents go into columns (index-columns.ts), not Maps, and the tree is opened node by
 * node on first walk (`SnapshotNode`, through the table): at 400k passages filling the
 * three document Maps and building every node was most of a restart's index decode.
 *
 * A term's postings are decoded when first used, not on restore (`SnapshotTermData`): most
 * terms of a large archive are rare and may never be asked for, and building MiniSearch's
 * two levels of maps for every one of them took most of a restart's time and garbage
 * collection. Until then they stay as their bytes, which are also smaller.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { PassageIndex, type PassageIndexInput, type RestoredExtras } from '../search';
import { PackedPostings } from '../search/packed-postings';
import { ByteReader, ByteWriter, copyInSlices } from './bytes';
import {
  DocumentIds,
  DocumentTable,
  FieldLengths,
  type JoinedIds,
  ShortIds,
} from './index-columns';
import { Slicer } from './pace';

type Postings = Map<number, number>;
type TermData = Map<number, Postings>;
type RadixNode = RadixTree<TermData>;
/** The label under which a radix-tree node holds its term's data (MiniSearch's LEAF). */
const LEAF = '';

/** A radix tree as MiniSearch keeps it: a label to a child node, or LEAF to its term's value. */
export interface RadixTree<T> extends Map<string, RadixTree<T> | T> {}

/**
 * Per inner node of a written tree, depth first: where its bytes end, how many inner nodes
 * its subtree has (itself included), and how many terms. Written after the tree
 * (`writeTreeTable`), so that a reader can open a node without reading its subtrees
 * (`SnapshotNode`), and a writer can copy a subtree never opened as it was read.
 */
export class TreeTable {
  readonly ends: number[] = [];
  readonly nodes: number[] = [];
  readonly terms: number[] = [];
}

/**
 * Writes a radix tree's shape depth first (each node's size, then each label) and yields each
 * term's value where it belongs, for the caller to write: reading it back builds the same
 * nodes directly instead of inserting every term anew. `table` gets each inner node's end
 * (`position` tells where the bytes are: `out` may have been drained meanwhile). A restored
 * subtree never opened is copied as its bytes (its terms are not yielded). The live index
 * and the build's index writer (index-writer.ts) write the same layout through it.
 */
export function* writeTreeShape<T>(
  out: ByteWriter,
  root: RadixTree<T>,
  table: TreeTable,
  position: () => number = () => out.length,
): Generator<T> {
  const stack: { entries: Iterator<[string, RadixTree<T> | T]>; node: number; terms: number }[] =
    [];
  let terms = 0;
  const enter = (node: RadixTree<T>) => {
    const number = table.ends.length;
    table.ends.push(0);
    table.nodes.push(0);
    table.terms.push(0);
    out.uint(node.size);
    stack.push({ entries: node.entries(), node: number, terms });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const next = top?.entries.next();
    if (!top || !next || next.done) {
      stack.pop();
      if (top) {
        table.ends[top.node] = position();
        table.nodes[top.node] = table.ends.length - top.node;
        table.terms[top.node] = terms - top.terms;
      }
      continue;
    }
    const [label, child] = next.value;
    out.string(label);
    if (label === LEAF) {
      terms++;
      yield child as T;
      continue;
    }
    const unopened = child instanceof SnapshotNode ? child.unopened : undefined;
    if (unopened) terms += copySubtree(out, unopened, table, position());
    else enter(child as RadixTree<T>);
  }
}

/** A subtree never opened, as read: its bytes, and its rows of the table moved to `at`. */
function copySubtree(out: ByteWriter, from: UnopenedNode, table: TreeTable, at: number): number {
  const { source, node, start } = from;
  const count = source.nodes[node] ?? 1;
  const shift = at - start;
  for (let k = node; k < node + count; k++) {
    table.ends.push((source.ends[k] ?? 0) + shift);
    table.nodes.push(source.nodes[k] ?? 1);
    table.terms.push(source.terms[k] ?? 0);
  }
  out.raw(source.bytes.subarray(start, source.ends[node]));
  return source.terms[node] ?? 0;
}

/** Rows of the tree table written between two yields. */
const TABLE_ROWS_PER_STEP = 16384;

/** The table after the tree: its three columns, then how many nodes. */
export function writeTreeTable(out: ByteWriter, table: TreeTable): void {
  for (const _ of writeTreeTableSteps(out, table));
}

/**
 * `writeTreeTable` in steps of `TABLE_ROWS_PER_STEP` rows: at 400k passages the table has
 * some 240k rows, written in one step of 10-20 ms by an update's snapshot.
 */
export function* writeTreeTableSteps(out: ByteWriter, table: TreeTable): Generator<void> {
  const count = table.ends.length;
  const bytes = Buffer.allocUnsafe(count * 12 + 4);
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (const [column, values] of [table.ends, table.nodes, table.terms].entries()) {
    const at = column * count * 4;
    for (let i = 0; i < count; i++) {
      words.setUint32(at + i * 4, values[i] ?? 0, true);
      if ((i + 1) % TABLE_ROWS_PER_STEP === 0) yield;
    }
  }
  words.setUint32(count * 12, count, true);
  out.raw(bytes);
}

/** What a document column block holds: passages a block (their ids decoded as one string). */
export const DOCUMENTS_PER_BLOCK = 4096;

/** One document as written: its short id, passage id and field lengths (holes unset). */
export type WrittenDocument = readonly [
  shortId: number,
  id: string,
  lengths: readonly (number | undefined)[],
];

/**
 * Writes the documents as columns, a block at a time: the short ids' gaps, the ids' lengths
 * (UTF-16 units), the ids joined as one string, each document's field count, then its
 * lengths, each one up (0 for a field never measured). Yields after each block. The live
 * index and the build's index writer write the documents through it.
 */
export function* writeDocuments(
  out: ByteWriter,
  documents: Iterable<WrittenDocument>,
): Generator<void> {
  let previous = 0;
  let block: WrittenDocument[] = [];
  const flush = () => {
    for (const [shortId] of block) {
      out.int(shortId - previous);
      previous = shortId;
    }
    for (const [, id] of block) out.uint(id.length);
    out.string(block.map(([, id]) => id).join(''));
    for (const [, , lengths] of block) out.uint(lengths.length);
    for (const [, , lengths] of block)
      for (let f = 0; f < lengths.length; f++) out.uint((lengths[f] ?? -1) + 1);
    block = [];
  };
  for (const document of documents) {
    block.push(document);
    if (block.length >= DOCUMENTS_PER_BLOCK) {
      flush();
      yield;
    }
  }
  if (block.length > 0) flush();
}

/**
 * A Map filled from the snapshot's bytes on first use: every Map method opens it first, so
 * MiniSearch (search, add, discard, vacuum) and the retriever see an ordinary Map.
 */
abstract class OnFirstUse<K, V> extends Map<K, V> {
  #opened = false;

  /** Puts the entries in (with `super.set`-like `fillWith`), once. */
  protected abstract fill(): void;

  protected get opened(): boolean {
    return this.#opened;
  }

  open(): this {
    if (this.#opened) return this;
    this.#opened = true;
    this.fill();
    return this;
  }

  /** An entry put in while filling (the overridden `set` would open again). */
  protected fillWith(key: K, value: V): void {
    Map.prototype.set.call(this, key, value);
  }

  override get(key: K): V | undefined {
    this.open();
    return super.get(key);
  }
  override has(key: K): boolean {
    this.open();
    return super.has(key);
  }
  override set(key: K, value: V): this {
    this.open();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.open();
    return super.delete(key);
  }
  override clear(): void {
    this.#opened = true;
    super.clear();
  }
  override forEach(each: (value: V, key: K, map: Map<K, V>) => void, self?: unknown): void {
    this.open();
    super.forEach(each, self);
  }
  override keys(): MapIterator<K> {
    this.open();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.open();
    return super.values();
  }
  override entries(): MapIterator<[K, V]> {
    this.open();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.open();
    return super.entries();
  }
}

// `size` is an accessor on Map.prototype (TypeScript declares it a property, so it cannot
// be overridden in the class body): opened first, like every other member.
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get;
Object.defineProperty(OnFirstUse.prototype, 'size', {
  get(this: OnFirstUse<unknown, unknown>) {
    this.open();
    return mapSize?.call(this);
  },
});

/** A term's postings per field, as MiniSearch keeps them, decoded on first use. */
export class SnapshotTermData extends OnFirstUse<number, Postings> {
  // The index's bytes and where this term's lie: offsets rather than a view, one object less
  // for each of hundreds of thousands of terms.
  #bytes: Uint8Array | undefined;
  readonly #start: number;
  readonly #end: number;

  constructor(bytes: Uint8Array, start: number, end: number) {
    super();
    this.#bytes = bytes;
    this.#start = start;
    this.#end = end;
  }

  /** The still undecoded bytes, or undefined once opened: a snapshot writes them as they are. */
  get unopened(): Uint8Array | undefined {
    return this.opened ? undefined : this.#bytes?.subarray(this.#start, this.#end);
  }

  /**
   * How many postings it holds over all fields, read from its bytes when not opened (the
   * search warm-up asks every term, and only a frequent one needs its postings decoded).
   */
  postingCount(): number {
    const bytes = this.#bytes;
    if (!bytes || this.opened) {
      let count = 0;
      for (const postings of this.values()) count += postings.size;
      return count;
    }
    const reader = new ByteReader(bytes, this.#start, this.#end);
    const fields = reader.uint();
    let count = 0;
    for (let f = 0; f < fields; f++) {
      reader.uint();
      const size = reader.uint();
      count += size;
      // Each posting is two numbers: a varint's last byte is the one below 0x80.
      for (let numbers = size * 2; numbers > 0; numbers--) while (reader.byte() >= 0x80);
    }
    return count;
  }

  protected fill(): void {
    const bytes = this.#bytes;
    if (!bytes) return;
    this.#bytes = undefined;
    const reader = new ByteReader(bytes, this.#start, this.#end);
    const fields = reader.uint();
    for (let f = 0; f < fields; f++) {
      const fieldId = reader.uint();
      this.fillWith(fieldId, readPostings(bytes, reader, reader.uint()));
    }
  }
}

/**
 * `size` postings (document-id gaps and counts) as `PackedPostings`; as a Map should they
 * not be in ascending order with counts of at least 1 (never so written by MiniSearch,
 * whose short ids only grow).
 */
function readPostings(bytes: Uint8Array, reader: ByteReader, size: number): Postings {
  const from = reader.offset;
  const docs = new Int32Array(size);
  let tfs: Uint16Array | Uint32Array = new Uint16Array(size);
  let packable = true;
  let doc = 0;
  for (let p = 0; p < size; p++) {
    const gap = reader.int();
    doc += gap;
    const tf = reader.uint();
    if ((p > 0 && gap <= 0) || tf < 1 || doc < 0 || doc > 0x7fffffff) packable = false;
    if (tf > 0xffff && tfs instanceof Uint16Array) tfs = Uint32Array.from(tfs);
    docs[p] = doc;
    tfs[p] = Math.min(tf, 0xffffffff);
  }
  if (packable) return new PackedPostings(docs, tfs);
  // Read again as written (the arrays above may have clipped what they could not hold).
  const again = new ByteReader(bytes, from, reader.offset);
  const postings: Postings = new Map();
  doc = 0;
  for (let p = 0; p < size; p++) {
    doc += again.int();
    postings.set(doc, again.uint());
  }
  return postings;
}

/** Where a restored tree's nodes lie: the index's bytes and the table of inner nodes. */
interface TreeSource {
  bytes: Uint8Array;
  /** Per inner node, depth first: the offset its bytes end at. */
  ends: Uint32Array;
  /** Per inner node: how many inner nodes its subtree has, itself included. */
  nodes: Uint32Array;
  /** Per inner node: how many terms its subtree has. */
  terms: Uint32Array;
}

/** A restored node not opened yet: where it lies. */
interface UnopenedNode {
  source: TreeSource;
  node: number;
  start: number;
}

/**
 * A node of MiniSearch's radix tree restored from the snapshot, its children read on first
 * use: a child node is another `SnapshotNode`, a term its `SnapshotTermData`. A search
 * opens the nodes along its terms' paths; a restart opens none.
 */
export class SnapshotNode extends OnFirstUse<string, RadixNode | TermData> {
  #source: TreeSource | undefined;

  constructor(
    source: TreeSource,
    /** Its number among the inner nodes, depth first. */
    private readonly node: number,
    private readonly start: number,
  ) {
    super();
    this.#source = source;
  }

  /** Where it lies while not opened (a snapshot copies it as it is), else undefined. */
  get unopened(): UnopenedNode | undefined {
    const source = this.#source;
    return source && !this.opened ? { source, node: this.node, start: this.start } : undefined;
  }

  protected fill(): void {
    const source = this.#source;
    if (!source) return;
    this.#source = undefined;
    const { bytes, ends, nodes } = source;
    const reader = new ByteReader(bytes, this.start, ends[this.node]);
    const children = reader.uint();
    let next = this.node + 1;
    for (let c = 0; c < children; c++) {
      const label = reader.string();
      if (label === LEAF) {
        const length = reader.uint();
        const start = reader.offset;
        reader.skip(length);
        this.fillWith(LEAF, new SnapshotTermData(bytes, start, start + length));
        continue;
      }
      const child = next;
      const end = ends[child];
      if (end === undefined) throw new Error('Snapshot index tree has too few nodes');
      this.fillWith(label, new SnapshotNode(source, child, reader.offset));
      reader.skip(end - reader.offset);
      next = child + (nodes[child] ?? 1);
    }
    if (!reader.done) throw new Error('Snapshot index tree node has bytes left over');
  }
}

/** The parts of MiniSearch this reads and writes: protected fields, as the retriever reads them. */
interface MiniState {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, (number | undefined)[]>;
  _avgFieldLength: number[];
  _dirtCount: number;
  /** MiniSearch's radix tree of terms: edges by label, a term's data under the empty label. */
  _index: { _tree: RadixNode; _size: number | undefined };
}

const stateOf = (mini: MiniSearch<never> | MiniSearch<{ id: string }>): MiniState =>
  mini as unknown as MiniState;

interface Head {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  fingerprint: string;
  documents: number;
}

/** Postings of one term written between two looks at the pace. */
const POSTINGS_PER_LOOK = 4096;

/**
 * Writes the index's state. `pace` is awaited between slices when given (the main thread
 * writing a snapshot after an update); the worker writes without pausing. With `spill`,
 * `take` is called whenever `out` holds `bytes` or more (it empties `out`).
 */
export async function writeIndex(
  index: PassageIndex,
  out: ByteWriter,
  pace?: Slicer,
  spill?: { bytes: number; take(): Promise<void> },
): Promise<void> {
  const spillAt = spill?.bytes ?? Number.POSITIVE_INFINITY;
  const fingerprint = pace ? await index.contentFingerprintAsync(pace) : index.contentFingerprint;
  const state = stateOf(index.searchIndex);
  const head: Head = {
    documentCount: state._documentCount,
    nextId: state._nextId,
    fieldIds: state._fieldIds,
    averageFieldLength: state._avgFieldLength,
    dirtCount: state._dirtCount,
    fingerprint,
    documents: state._documentIds.size,
  };
  out.string(JSON.stringify(head));
  // Drained bytes, for the tree table's offsets (relative to the section's start).
  let drained = 0;
  const take = spill
    ? async () => {
        drained += out.length;
        await spill.take();
      }
    : undefined;
  const documents = function* (): Generator<WrittenDocument> {
    for (const [shortId, id] of state._documentIds)
      yield [shortId, id, state._fieldLength.get(shortId) ?? []];
  };
  for (const _ of writeDocuments(out, documents())) {
    if (pace?.due()) await pace.breathe();
    if (out.length >= spillAt) await take?.();
  }
  // The radix tree itself, node by node (depth first), so that reading it back builds the
  // same nodes directly instead of inserting every term anew; then the count of terms.
  const scratch = new ByteWriter(1 << 12);
  const table = new TreeTable();
  const position = () => drained + out.length;
  for (const child of writeTreeShape<TermData>(out, state._index._tree, table, position)) {
    // A term never used since the last restore is written as it was read, not decoded.
    const data = child;
    const unopened = data instanceof SnapshotTermData ? data.unopened : undefined;
    if (unopened) {
      out.uint(unopened.length);
      out.raw(unopened);
    } else {
      scratch.reset();
      // A frequent word's postings (hundreds of thousands at 400k passages) were one step
      // of 50-110 ms; in steps, a look at the pace between them.
      for (const _ of termDataSteps(data, scratch)) if (pace?.due()) await pace.breathe();
      out.uint(scratch.length);
      out.raw(scratch.bytes());
    }
    if (pace?.due()) await pace.breathe();
    if (out.length >= spillAt) await take?.();
  }
  // Counted by the table: a subtree copied as it was read yields none of its terms.
  out.uint(table.terms[0] ?? 0);
  for (const _ of writeTreeTableSteps(out, table)) if (pace?.due()) await pace.breathe();
}

/**
 * A term's postings per field written to `out`, yielding every `POSTINGS_PER_LOOK`
 * postings. The term is not changed meanwhile: a reload stops the snapshot's write before
 * it changes the index.
 */
function* termDataSteps(data: TermData, out: ByteWriter): Generator<void> {
  out.uint(data.size);
  for (const [fieldId, postings] of data) {
    out.uint(fieldId);
    out.uint(postings.size);
    if (postings instanceof PackedPostings) {
      // Read from its arrays a run at a time, not through `entries`: a pair and an
      // iterator result per posting were 70 MB of garbage per snapshot at 400k passages.
      const { docs, tfs, length } = postings.sorted;
      let last = 0;
      for (let from = 0; from < length; from += POSTINGS_PER_LOOK) {
        last = writePackedRun(
          out,
          docs,
          tfs,
          from,
          Math.min(length, from + POSTINGS_PER_LOOK),
          last,
        );
        yield;
      }
      continue;
    }
    let last = 0;
    let written = 0;
    for (const [doc, count] of postings) {
      out.int(doc - last);
      last = doc;
      out.uint(count);
      if (++written % POSTINGS_PER_LOOK === 0) yield;
    }
  }
}

/**
 * Slots [from, to) of a packed list written as `termDataSteps` writes postings (the gap from
 * `last`, then the count), removed slots (count 0) left out; returns the last id written.
 */
function writePackedRun(
  out: ByteWriter,
  docs: Int32Array,
  tfs: Uint16Array | Uint32Array,
  from: number,
  to: number,
  last: number,
): number {
  let previous = last;
  for (let slot = from; slot < to; slot++) {
    const count = tfs[slot] ?? 0;
    if (count === 0) continue;
    const doc = docs[slot] ?? 0;
    out.int(doc - previous);
    previous = doc;
    out.uint(count);
  }
  return previous;
}

/**
 * Reads an index written by `writeIndex` for the articles of `input` (the snapshot's own):
 * the documents into columns in slices, the tree's root only (its nodes open on first use).
 * Throws when the bytes do not add up.
 */
export async function readIndex(
  bytes: Uint8Array,
  input: PassageIndexInput,
  pace = new Slicer(),
): Promise<PassageIndex> {
  // A copy of its own: the terms' bytes stay in use after the rest of the snapshot is gone.
  const own = await copyInSlices(bytes, 0, bytes.length, pace);
  const reader = new ByteReader(own);
  const head = JSON.parse(reader.string()) as Head;
  const plain: AsPlainObject = {
    documentCount: head.documentCount,
    nextId: head.nextId,
    documentIds: {},
    fieldIds: head.fieldIds,
    fieldLength: {},
    averageFieldLength: head.averageFieldLength,
    storedFields: {},
    dirtCount: head.dirtCount,
    index: [],
    serializationVersion: 2,
  };
  const fill = async (
    mini: MiniSearch<never> | MiniSearch<{ id: string }>,
  ): Promise<RestoredExtras> => {
    const state = stateOf(mini);
    const documents = await readDocuments(reader, head, pace);
    state._documentIds = new DocumentIds(documents.table);
    state._idToShortId = new ShortIds(documents.table);
    state._fieldLength = documents.lengths;
    const treeStart = reader.offset;
    const tree = await readTree(own, treeStart, pace);
    state._index._tree = tree.root;
    state._index._size = tree.source.terms[0];
    // The reverse lookup (passage id -> short id) an update needs, which no search reads:
    // in the warm-up's slices once the index serves (before serving, 80-100 ms of a warm
    // start's main thread at 400k passages); a lookup before then finishes it at once.
    const { table } = documents;
    return {
      // The warm-up's frequent terms, read from the bytes: walking the tree opened every node.
      largeTerms: (postings) => largeTerms(tree.source, treeStart, postings),
      stepAfterServing: () => table.indexSome(ROWS_PER_STEP),
    };
  };
  return PassageIndex.restoreAsync(plain, fill, input, head.fingerprint, pace);
}

/** Documents decoded, or short ids indexed, between two looks at the pace. */
const ROWS_PER_STEP = 4096;

/** The documents `writeDocuments` wrote, into columns. */
async function readDocuments(
  reader: ByteReader,
  head: Head,
  pace: Slicer,
): Promise<{ table: DocumentTable; lengths: FieldLengths }> {
  const stride = Object.keys(head.fieldIds).length;
  const size = head.nextId;
  // Each block's ids stay one string, each id a range of it (see `DocumentTable`).
  const ids: JoinedIds = {
    texts: [],
    block: new Int32Array(size).fill(-1),
    start: new Int32Array(size),
    length: new Int32Array(size),
  };
  const counts = new Uint8Array(size);
  const stored = new Uint32Array(size * stride);
  const columns = { ids, counts, stored, stride, shortIds: new Int32Array(DOCUMENTS_PER_BLOCK) };
  let shortId = 0;
  for (let from = 0; from < head.documents; from += DOCUMENTS_PER_BLOCK) {
    const block = Math.min(DOCUMENTS_PER_BLOCK, head.documents - from);
    // A block in its three parts, the pace looked at between them: the first blocks run
    // before V8 optimises these loops, and a whole one was a step of 25-37 ms at 400k.
    const lengths = readShortIds(reader, columns, block, shortId);
    shortId = columns.shortIds[block - 1] ?? shortId;
    if (pace.due()) await pace.breathe();
    readIds(reader, columns, lengths);
    if (pace.due()) await pace.breathe();
    readFields(reader, columns, block);
    if (pace.due()) await pace.breathe();
  }
  return {
    table: new DocumentTable(ids, head.documents),
    lengths: new FieldLengths(counts, stored, stride, head.documents),
  };
}

/** The columns one block is read into (see `readDocuments`). */
interface DocumentColumns {
  ids: JoinedIds;
  counts: Uint8Array;
  stored: Uint32Array;
  stride: number;
  /** The block's short ids, in `shortIds[0..block)`. */
  shortIds: Int32Array;
}

// The three parts of a block are plain functions called per block, so that V8 optimises
// their loops (in the async function that paces them, they ran 3-4 times slower).

/**
 * A block's short ids (counted on from `shortId`, the last one before it) into
 * `shortIds`, and its ids' lengths, which it returns.
 */
function readShortIds(
  reader: ByteReader,
  columns: DocumentColumns,
  block: number,
  shortId: number,
): Int32Array {
  const { counts, shortIds } = columns;
  const size = counts.length;
  let last = shortId;
  for (let d = 0; d < block; d++) {
    last += reader.int();
    if (last < 0 || last >= size) throw new Error('Snapshot index short id out of range');
    shortIds[d] = last;
  }
  const lengths = new Int32Array(block);
  for (let d = 0; d < block; d++) lengths[d] = reader.uint();
  return lengths;
}

/** A block's ids: one string, each id a range of it. */
function readIds(reader: ByteReader, columns: DocumentColumns, lengths: Int32Array): void {
  const { ids, shortIds } = columns;
  const joined = reader.string();
  const text = ids.texts.length;
  ids.texts.push(joined);
  let at = 0;
  for (let d = 0; d < lengths.length; d++) {
    const length = lengths[d] ?? 0;
    const id = shortIds[d] ?? 0;
    ids.block[id] = text;
    ids.start[id] = at;
    ids.length[id] = length;
    at += length;
  }
  if (at !== joined.length) throw new Error('Snapshot index ids do not add up');
}

/** A block's field counts and stored field lengths. */
function readFields(reader: ByteReader, columns: DocumentColumns, block: number): void {
  const { counts, stored, stride, shortIds } = columns;
  for (let d = 0; d < block; d++) {
    const fields = reader.uint();
    if (fields > stride) throw new Error('Snapshot index document has too many fields');
    counts[shortIds[d] ?? 0] = fields + 1;
  }
  for (let d = 0; d < block; d++) {
    const id = shortIds[d] ?? 0;
    const fields = (counts[id] ?? 1) - 1;
    for (let f = 0; f < fields; f++) stored[id * stride + f] = reader.uint();
  }
}

/**
 * The tree's root, its nodes left to open on first use (`SnapshotNode`), from the bytes
 * after the documents: the tree, its count of terms, the table of its inner nodes.
 */
async function readTree(
  bytes: Buffer,
  start: number,
  pace: Slicer,
): Promise<{ source: TreeSource; root: SnapshotNode }> {
  if (bytes.length < start + 4) throw new Error('Snapshot index has no tree');
  const count = bytes.readUInt32LE(bytes.length - 4);
  const tableStart = bytes.length - 4 - count * 12;
  if (count === 0 || tableStart < start) throw new Error('Snapshot index tree table cut short');
  // Copied out (a typed array over the buffer would need 4-byte alignment), in runs
  // between looks at the pace: the three columns at once were most of a 20 ms step.
  const column = async (c: number) => {
    const values = new Uint32Array(count);
    for (let from = 0; from < count; from += ROWS_PER_STEP) {
      readColumn(
        bytes,
        tableStart + c * count * 4,
        values,
        from,
        Math.min(count, from + ROWS_PER_STEP),
      );
      if (pace.due()) await pace.breathe();
    }
    return values;
  };
  const source: TreeSource = {
    bytes,
    ends: await column(0),
    nodes: await column(1),
    terms: await column(2),
  };
  const treeEnd = source.ends[0] ?? 0;
  if (treeEnd < start || treeEnd > tableStart || source.nodes[0] !== count)
    throw new Error('Snapshot index tree table does not add up');
  const reader = new ByteReader(bytes, treeEnd, tableStart);
  if (reader.uint() !== source.terms[0]) throw new Error('Snapshot index terms do not add up');
  if (!reader.done) throw new Error('Snapshot index has bytes after its last term');
  return { source, root: new SnapshotNode(source, 0, start) };
}

/** `values[from..to)` from the 32-bit little-endian numbers at `at` on (a plain function: V8 optimises it). */
function readColumn(
  bytes: Buffer,
  at: number,
  values: Uint32Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) values[i] = bytes.readUInt32LE(at + i * 4);
}

/**
 * The terms of a restored tree whose postings may be more than `postings` (their bytes
 * could hold them: a posting takes at least two), spelt out, read from the bytes without
 * opening a node: a subtree whose bytes are fewer is skipped whole. What the search warm-up
 * looks at instead of walking every term (which opened every node).
 */
export function* largeTerms(
  source: TreeSource,
  rootStart: number,
  postings: number,
): Generator<string> {
  const least = 2 * (postings + 1);
  const { bytes, ends, nodes } = source;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Per open node: its reader, children left, the next inner node's number, its label.
  const stack: { reader: ByteReader; left: number; next: number; label: string }[] = [];
  const enter = (node: number, start: number, label: string) => {
    const reader = new ByteReader(bytes, start, ends[node]);
    stack.push({ reader, left: reader.uint(), next: node + 1, label });
  };
  enter(0, rootStart, '');
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top || top.left === 0) {
      stack.pop();
      continue;
    }
    top.left--;
    const { reader } = top;
    const length = reader.uint();
    const labelStart = reader.offset;
    reader.skip(length);
    if (length === 0) {
      const size = reader.uint();
      reader.skip(size);
      if (size >= least) yield stack.map((s) => s.label).join('');
      continue;
    }
    const child = top.next;
    top.next = child + (nodes[child] ?? 1);
    const end = ends[child] ?? 0;
    if (end - reader.offset >= least)
      enter(child, reader.offset, text.toString('utf8', labelStart, labelStart + length));
    reader.skip(end - reader.offset);
  }
}
