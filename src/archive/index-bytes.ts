/**
 * The passage index (MiniSearch's own structures) as bytes for the snapshot, and back.
 *
 * MiniSearch's `toJSON` turns every posting into an object key ("4711": 2) and its
 * `loadJSAsync` parses those back with parseInt, after a JSON.parse of the whole index that
 * holds the event loop for seconds at 400k passages. Here the same state goes to varints
 * (see bytes.ts) and comes back straight into MiniSearch's maps, in slices of a few
 * milliseconds: a head (counts, field ids, average lengths) as JSON, the documents (short
 * id, passage id, field lengths), then each term with its postings per field (document-id
 * gaps and term counts). Nothing is validated entry by entry: the snapshot's checksum
 * vouches for the bytes, and the reader throws on any that run out or do not add up.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { PassageIndex, type PassageIndexInput } from '../search';
import { ByteReader, type ByteWriter } from './bytes';
import { Slicer } from './pace';

type Postings = Map<number, number>;
type TermData = Map<number, Postings>;

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
  _index: Iterable<[string, TermData]> & {
    set(term: string, data: TermData): unknown;
    readonly size: number;
  };
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
  terms: number;
}

/**
 * Writes the index's state. `pace` is awaited between slices when given (the main thread
 * writing a snapshot after an update); the worker writes without pausing.
 */
export async function writeIndex(
  index: PassageIndex,
  out: ByteWriter,
  pace?: Slicer,
): Promise<void> {
  const state = stateOf(index.searchIndex);
  const head: Head = {
    documentCount: state._documentCount,
    nextId: state._nextId,
    fieldIds: state._fieldIds,
    averageFieldLength: state._avgFieldLength,
    dirtCount: state._dirtCount,
    fingerprint: index.contentFingerprint,
    documents: state._documentIds.size,
    terms: state._index.size,
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
  }
  let terms = 0;
  for (const [term, data] of state._index) {
    out.string(term);
    out.uint(data.size);
    for (const [fieldId, postings] of data) {
      out.uint(fieldId);
      out.uint(postings.size);
      let last = 0;
      for (const [doc, count] of postings) {
        out.int(doc - last);
        last = doc;
        out.uint(count);
      }
    }
    terms++;
    if (pace?.due()) await pace.breathe();
  }
  if (terms !== head.terms) throw new Error('The index changed while it was written');
}

/**
 * Reads an index written by `writeIndex` for the articles of `input` (the snapshot's own),
 * filling MiniSearch's maps in slices. Throws when the bytes do not add up.
 */
export async function readIndex(
  bytes: Uint8Array,
  input: PassageIndexInput,
  pace = new Slicer(),
): Promise<PassageIndex> {
  const reader = new ByteReader(bytes);
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
      const id = reader.string();
      const lengths: (number | undefined)[] = [];
      const fields = reader.uint();
      for (let f = 0; f < fields; f++) {
        const stored = reader.uint();
        if (stored > 0) lengths[f] = stored - 1;
        else lengths.length = f + 1;
      }
      state._documentIds.set(shortId, id);
      state._idToShortId.set(id, shortId);
      state._fieldLength.set(shortId, lengths);
      if ((d & 0xff) === 0 && pace.due()) await pace.breathe();
    }
    for (let t = 0; t < head.terms; t++) {
      const term = reader.string();
      const data: TermData = new Map();
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
        data.set(fieldId, postings);
      }
      state._index.set(term, data);
      if ((t & 0x3f) === 0 && pace.due()) await pace.breathe();
    }
    if (!reader.done) throw new Error('Snapshot index has bytes after its last term');
  };
  return PassageIndex.restoreAsync(plain, fill, input, head.fingerprint, pace);
}
