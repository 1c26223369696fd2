/**
 * The passage index (MiniSearch's own structures) as bytes for the snapshot, and back.
 *
 * MiniSearch's `toJSON` turns every posting into an object key ("4711": 2) and its
 * `loadJSAsync` parses those back with parseInt, after a JSON.parse of the whole index that
 * holds the event loop for seconds at 400k passages. Here the same state goes to varints
 * (see bytes.ts) and comes back straight into MiniSearch's maps, in slices of a few
 * milliseconds: a head (counts, field ids, average lengths) as JSON, the documents (short
 * id, passage id, field lengths), then each term with its postings per field (document-id
 * gaps and term counts), prefixed by their length in bytes. Nothing is validated entry by
 * entry: the snapshot's checksum vouches for the bytes, and the reader throws on any that
 * run out or do not add up.
 *
 * A term's postings are decoded when first used, not on restore (`SnapshotTermData`): most
 * terms of a large archive are rare and may never be asked for, and building MiniSearch's
 * two levels of maps for every one of them took most of a restart's time and garbage
 * collection. Until then they stay as their bytes, which are also smaller.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { PassageIndex, type PassageIndexInput } from '../search';
import type { Interner } from './analysis-text';
import { ByteReader, ByteWriter } from './bytes';
import { Slicer } from './pace';

type Postings = Map<number, number>;
type TermData = Map<number, Postings>;
type RadixNode = RadixTree<TermData>;
/** The label under which a radix-tree node holds its term's data (MiniSearch's LEAF). */
const LEAF = '';

/** A radix tree as MiniSearch keeps it: a label to a child node, or LEAF to its term's value. */
export interface RadixTree<T> extends Map<string, RadixTree<T> | T> {}

/**
 * Writes a radix tree's shape depth first (each node's size, then each label) and yields each
 * term's value where it belongs, for the caller to write: reading it back builds the same
 * nodes directly instead of inserting every term anew. The live index and the build's index
 * writer (index-writer.ts) write the same layout through it.
 */
export function* writeTreeShape<T>(out: ByteWriter, root: RadixTree<T>): Generator<T> {
  const stack: Iterator<[string, RadixTree<T> | T]>[] = [];
  const enter = (node: RadixTree<T>) => {
    out.uint(node.size);
    stack.push(node.entries());
  };
  enter(root);
  while (stack.length > 0) {
    const next = stack[stack.length - 1]?.next();
    if (!next || next.done) {
      stack.pop();
      continue;
    }
    const [label, child] = next.value;
    out.string(label);
    if (label !== LEAF) enter(child as RadixTree<T>);
    else yield child as T;
  }
}

/**
 * A term's postings per field, as MiniSearch keeps them, decoded from the snapshot's bytes
 * on first use. Every Map method opens it first, so MiniSearch (search, add, discard,
 * vacuum) and the retriever see an ordinary Map.
 */
export class SnapshotTermData extends Map<number, Postings> {
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
    return this.#bytes?.subarray(this.#start, this.#end);
  }

  open(): this {
    const bytes = this.#bytes;
    if (!bytes) return this;
    this.#bytes = undefined;
    const reader = new ByteReader(bytes, this.#start, this.#end);
    const fields = reader.uint();
    for (let f = 0; f < fields; f++) {
      const fieldId = reader.uint();
      const size = reader.uint();
      const postings: Postings = new Map();
      let doc = 0;
      for (let p = 0; p < size; p++) {
        doc += reader.int();
        postings.set(doc, reader.uint());
      }
      super.set(fieldId, postings);
    }
    return this;
  }

  override get(key: number): Postings | undefined {
    this.open();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.open();
    return super.has(key);
  }
  override set(key: number, value: Postings): this {
    this.open();
    return super.set(key, value);
  }
  override delete(key: number): boolean {
    this.open();
    return super.delete(key);
  }
  override clear(): void {
    this.#bytes = undefined;
    super.clear();
  }
  override forEach(
    each: (value: Postings, key: number, map: Map<number, Postings>) => void,
    self?: unknown,
  ): void {
    this.open();
    super.forEach(each, self);
  }
  override keys(): MapIterator<number> {
    this.open();
    return super.keys();
  }
  override values(): MapIterator<Postings> {
    this.open();
    return super.values();
  }
  override entries(): MapIterator<[number, Postings]> {
    this.open();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[number, Postings]> {
    this.open();
    return super.entries();
  }
}

// `size` is an accessor on Map.prototype (TypeScript declares it a property, so it cannot
// be overridden in the class body): opened first, like every other member.
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get;
Object.defineProperty(SnapshotTermData.prototype, 'size', {
  get(this: SnapshotTermData) {
    this.open();
    return mapSize?.call(this);
  },
});

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
  let previous = 0;
  for (const [shortId, id] of state._documentIds) {
    out.int(shortId - previous);
    previous = shortId;
    out.string(id);
    const lengths = state._fieldLength.get(shortId) ?? [];
    out.uint(lengths.length);
    // Stored one up, so that a field never measured (a hole) comes back as a hole.
    for (let f = 0; f < lengths.length; f++) out.uint((lengths[f] ?? -1) + 1);
    if (pace?.due()) await pace.breathe();
    if (out.length >= spillAt) await spill?.take();
  }
  // The radix tree itself, node by node (depth first), so that reading it back builds the
  // same nodes directly instead of inserting every term anew; then the count of terms.
  let terms = 0;
  const scratch = new ByteWriter(1 << 12);
  for (const child of writeTreeShape<TermData>(out, state._index._tree)) {
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
    terms++;
    if (pace?.due()) await pace.breathe();
    if (out.length >= spillAt) await spill?.take();
  }
  out.uint(terms);
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
 * Reads an index written by `writeIndex` for the articles of `input` (the snapshot's own),
 * filling MiniSearch's maps in slices. Throws when the bytes do not add up.
 */
export async function readIndex(
  bytes: Uint8Array,
  input: PassageIndexInput,
  pace = new Slicer(),
  ids?: Interner,
): Promise<PassageIndex> {
  // A copy of its own: the terms' bytes stay in use after the rest of the snapshot is gone.
  const own = Buffer.from(bytes);
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
  const fill = async (mini: MiniSearch<never> | MiniSearch<{ id: string }>): Promise<void> => {
    const state = stateOf(mini);
    let shortId = 0;
    for (let d = 0; d < head.documents; d++) {
      shortId += reader.int();
      const id = ids ? ids.get(reader.string()) : reader.string();
      const fields = reader.uint();
      // Sized up front: an array grown from [] by assignment keeps room for 17 (184 bytes a
      // passage instead of 80; 9 MB at 100k passages). Unset fields stay holes.
      const lengths = new Array<number | undefined>(fields);
      for (let f = 0; f < fields; f++) {
        const stored = reader.uint();
        if (stored > 0) lengths[f] = stored - 1;
      }
      state._documentIds.set(shortId, id);
      state._idToShortId.set(id, shortId);
      state._fieldLength.set(shortId, lengths);
      if ((d & 0xff) === 0 && pace.due()) await pace.breathe();
    }
    const root: RadixNode = new Map();
    const stack: { node: RadixNode; left: number }[] = [{ node: root, left: reader.uint() }];
    let terms = 0;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top || top.left === 0) {
        stack.pop();
        continue;
      }
      top.left--;
      const label = reader.string();
      if (label !== LEAF) {
        const child: RadixNode = new Map();
        top.node.set(label, child);
        stack.push({ node: child, left: reader.uint() });
        continue;
      }
      const length = reader.uint();
      const start = reader.offset;
      reader.skip(length);
      top.node.set(LEAF, new SnapshotTermData(own, start, start + length));
      if ((++terms & 0xff) === 0 && pace.due()) await pace.breathe();
    }
    if (reader.uint() !== terms) throw new Error('Snapshot index terms do not add up');
    state._index._tree = root;
    state._index._size = undefined;
    if (!reader.done) throw new Error('Snapshot index has bytes after its last term');
  };
  return PassageIndex.restoreAsync(plain, fill, input, head.fingerprint, pace);
}
