/**
 * MiniSearch's index read through typed arrays, for the retriever's hot loops.
 *
 * MiniSearch keeps a term's postings as a Map per field (document short id -> term
 * frequency) and each passage's field lengths as a Map of arrays: scoring one posting
 * from those costs a Map lookup per field plus one for the lengths, and that was most of
 * search time at 400k passages. Beside them, and derived from them only:
 *
 * - the field lengths of every passage, dense by short id (one Uint32Array per field),
 *   extended as passages are added (short ids only grow);
 * - for frequent terms, their postings as one list in short-id order (Int32Array) with a
 *   term-frequency column per field (Uint16Array, 0 where the field lacks the term), built
 *   when a query first needs them and kept in a bounded cache, least recently used out.
 *
 * Frequencies and lengths are what they are at indexing time; the BM25 figures that move
 * with every added passage (document count, idf, average lengths) are applied per query,
 * so a cached list stays exact until a passage holding its term is added. Added passages
 * get short ids above every other, so such a list is extended at its end (the new short
 * ids read from MiniSearch's maps) when next read, not built again: at 400k passages
 * rebuilding a frequent word's list was one search reply of hundreds of ms right after
 * every update. Removed passages
 * are no concern: MiniSearch leaves their postings in its own index until it vacuums, so
 * readers check that a short id is still there before returning it either way.
 */

import { PackedPostings } from './packed-postings';

/** A term's postings in one field, as MiniSearch holds them. */
export type FieldTermFrequencies = Map<number, number>;
/** A term's postings per field id. */
export type FieldTermData = Map<number, FieldTermFrequencies>;

export interface SearchableMapView extends Iterable<[string, FieldTermData]> {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): SearchableMapView;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
}

/** The parts of a MiniSearch instance read here (protected there; checked at construction). */
export interface MiniInternals {
  _index: SearchableMapView;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
}

/**
 * Field lengths kept as columns (a restored index's, archive/index-columns.ts): copied into
 * the dense lengths without a Map read and an array made per passage.
 */
export interface ColumnarFieldLengths {
  /** Puts field `fieldId`'s length of each passage in [from, to) that is there into `into`. */
  copyField(fieldId: number, from: number, to: number, into: Uint32Array): void;
}

const isColumnar = (lengths: object): lengths is ColumnarFieldLengths =>
  typeof (lengths as Partial<ColumnarFieldLengths>).copyField === 'function';

/** A term's data that counts its postings without decoding them (a restored term's). */
interface CountingTermData {
  postingCount(): number;
}

/** How many postings a term holds over all its fields. */
export function postingCount(data: FieldTermData): number {
  const counting = data as Partial<CountingTermData>;
  if (typeof counting.postingCount === 'function') return counting.postingCount();
  let count = 0;
  for (const tfs of data.values()) count += tfs.size;
  return count;
}

/** One field's column of a term's postings list. */
export interface PostingColumn {
  fieldId: number;
  /** Term frequency per posting of the list; 0 where this field lacks the term. */
  tfs: Uint16Array;
}

/**
 * Whether a term frequency can be held in a column (`PostingColumn.tfs`, 16 bits, where 0
 * means "not in this field"). A list with one that cannot is not made at all: the search
 * then scores that term from MiniSearch's own maps, exactly.
 */
function fitsColumn(tf: number): boolean {
  return tf >= 0 && tf <= 0xffff && Number.isInteger(tf);
}

/** A term's postings over all fields, in short-id order. */
export interface TermPostings {
  docs: Int32Array;
  columns: PostingColumn[];
  /** The largest unweighted contribution, overall and per block, and the BM25 figures used. */
  bound?: { key: string; max: number; blocks: Float64Array; order: Int32Array };
}

/** Bytes per posting of a cached list: its short id, and a frequency per column. */
export const postingBytes = (list: TermPostings): number =>
  list.docs.length * (4 + 2 * list.columns.length) + ((list.docs.length >> 6) + 1) * 12;

/** BM25's term-frequency and length factor, as MiniSearch writes it (plus its `d`). */
export function bm25Part(
  tf: number,
  length: number,
  avgLength: number,
  k: number,
  b: number,
  d: number,
): number {
  return d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / avgLength));
}

/**
 * The most short ids a cached list is extended over; past it (a large update) the list is
 * built again, which then costs less than looking each new short id up.
 */
const EXTEND_AT_MOST = 4096;

/** Default bound of the list cache: about 100 MB at 8 bytes a posting. */
const CACHE_BYTES = 96 * 1024 * 1024;

export class PostingStore {
  private readonly cache = new Map<string, TermPostings>();
  /** Cached lists that lack passages added from this short id on: extended when next read. */
  private readonly behind = new Map<string, number>();
  private cachedBytes = 0;
  /** Field lengths by field id, then short id. */
  private lengths: Uint32Array[] = [];
  private lengthsUpTo = 0;
  /** The short id the next added passage gets, as of the last sync: more means additions. */
  private syncedNextId: number;
  private readonly marks: { tf: Uint32Array[]; seen: Uint8Array } = {
    tf: [],
    seen: new Uint8Array(0),
  };

  constructor(
    private readonly mini: MiniInternals,
    private readonly maxBytes = CACHE_BYTES,
  ) {
    this.syncedNextId = mini._nextId;
  }

  /**
   * Terms of passages just added (or re-added under a new short id): their cached lists lack
   * those passages. Call after MiniSearch indexed them; passages added without this call
   * void the whole cache at the next read (correct, only slower).
   */
  noteIndexed(terms: Iterable<string>): void {
    const from = this.syncedNextId;
    for (const term of terms) {
      if (!this.cache.has(term)) continue;
      const since = Math.min(this.behind.get(term) ?? from, from);
      if (this.mini._nextId - since > EXTEND_AT_MOST) this.drop(term);
      else this.behind.set(term, since);
    }
    this.syncedNextId = this.mini._nextId;
  }

  /** Brings the dense lengths up to the index and voids lists it cannot vouch for. */
  sync(): void {
    const next = this.mini._nextId;
    if (next !== this.syncedNextId) {
      this.cache.clear();
      this.behind.clear();
      this.cachedBytes = 0;
      this.syncedNextId = next;
    }
    if (next < this.lengthsUpTo) {
      this.lengths = [];
      this.lengthsUpTo = 0;
    }
    if (next > this.lengthsUpTo) this.extendLengths(next);
  }

  /** Dense lengths of one field by short id (valid for every live passage after `sync`). */
  lengthsOf(fieldId: number): Uint32Array {
    return this.lengths[fieldId] ?? new Uint32Array(0);
  }

  get stats(): { lists: number; listBytes: number; lengthBytes: number } {
    return {
      lists: this.cache.size,
      listBytes: this.cachedBytes,
      lengthBytes: this.lengths.reduce((sum, a) => sum + a.byteLength, 0),
    };
  }

  has(term: string): boolean {
    return this.cache.has(term);
  }

  /** The cached lists' terms and their postings. */
  sizes(): [string, number][] {
    return [...this.cache].map(([term, list]) => [term, list.docs.length]);
  }

  /**
   * The term's list, from the cache or built now; undefined when it cannot be held exactly
   * (a frequency over 65,535) or would not fit the cache at all.
   */
  list(term: string, data: FieldTermData): TermPostings | undefined {
    let cached = this.cache.get(term);
    const since = this.behind.get(term);
    if (cached && since !== undefined) {
      this.behind.delete(term);
      const extended = extend(cached, data, since, this.mini._nextId);
      this.cachedBytes += (extended ? postingBytes(extended) : 0) - postingBytes(cached);
      cached = extended;
      if (!cached) this.cache.delete(term);
    }
    if (cached) {
      // Least recently used goes first: a Map iterates in insertion order.
      this.cache.delete(term);
      this.cache.set(term, cached);
      return cached;
    }
    const built = this.build(data);
    if (!built) return undefined;
    const size = postingBytes(built);
    if (size > this.maxBytes) return built;
    for (const [oldest, list] of this.cache) {
      if (this.cachedBytes + size <= this.maxBytes) break;
      this.cache.delete(oldest);
      this.behind.delete(oldest);
      this.cachedBytes -= postingBytes(list);
    }
    this.cache.set(term, built);
    this.cachedBytes += size;
    return built;
  }

  /** Whether a list of this many postings would fit beside those cached without evicting. */
  fits(postings: number): boolean {
    return this.cachedBytes + postings * 8 <= this.maxBytes;
  }

  private drop(term: string): void {
    this.behind.delete(term);
    const list = this.cache.get(term);
    if (!list) return;
    this.cache.delete(term);
    this.cachedBytes -= postingBytes(list);
  }

  private build(data: FieldTermData): TermPostings | undefined {
    const packed = packedFields(data);
    if (packed) return mergePacked(packed);
    const size = this.mini._nextId;
    const marks = this.marks;
    if (marks.seen.length < size) marks.seen = new Uint8Array(Math.ceil(size * 1.25));
    const seen = marks.seen;
    const fieldIds: number[] = [];
    let docs: number[] = [];
    let exact = true;
    for (const [fieldId, tfs] of data) {
      if (tfs.size === 0) continue;
      fieldIds.push(fieldId);
      let column = marks.tf[fieldId];
      if (!column || column.length < size) {
        column = new Uint32Array(Math.ceil(size * 1.25));
        marks.tf[fieldId] = column;
      }
      const scratch = column;
      tfs.forEach((tf, doc) => {
        // MiniSearch never keeps a frequency of 0; one would read as "not in this field".
        if (tf === 0 || !fitsColumn(tf)) exact = false;
        scratch[doc] = tf;
        if (seen[doc] === 0) {
          seen[doc] = 1;
          docs.push(doc);
        }
      });
    }
    const sorted = Int32Array.from(docs).sort();
    docs = [];
    const columns: PostingColumn[] = fieldIds.map((fieldId) => {
      const scratch = marks.tf[fieldId] ?? new Uint32Array(0);
      const tfs = new Uint16Array(sorted.length);
      for (let i = 0; i < sorted.length; i++) {
        const doc = sorted[i] ?? 0;
        tfs[i] = scratch[doc] ?? 0;
        scratch[doc] = 0;
      }
      return { fieldId, tfs };
    });
    for (let i = 0; i < sorted.length; i++) seen[sorted[i] ?? 0] = 0;
    return exact ? { docs: sorted, columns } : undefined;
  }

  /**
   * Extends the dense lengths by at most `limit` passages; true when they reach the index.
   * The warm-up calls it in slices: after a restart at 400k passages the whole extension
   * is some 100 ms of Map reads, which would otherwise be one stall.
   */
  syncLengthsSome(limit: number): boolean {
    const next = this.mini._nextId;
    if (next < this.lengthsUpTo) {
      this.lengths = [];
      this.lengthsUpTo = 0;
    }
    if (next > this.lengthsUpTo) this.extendLengths(Math.min(next, this.lengthsUpTo + limit));
    return this.lengthsUpTo >= next;
  }

  /** Dense lengths for passages up to `upTo`, with room for the whole index. */
  private extendLengths(upTo: number): void {
    const next = this.mini._nextId;
    const fieldCount = Math.max(0, ...Object.values(this.mini._fieldIds).map((id) => id + 1));
    const capacity = Math.ceil(next * 1.25) + 64;
    for (let f = 0; f < fieldCount; f++) {
      const current = this.lengths[f];
      if (current && current.length >= next) continue;
      const grown = new Uint32Array(capacity);
      if (current) grown.set(current.subarray(0, this.lengthsUpTo));
      this.lengths[f] = grown;
    }
    const fieldLength = this.mini._fieldLength;
    if (isColumnar(fieldLength)) {
      for (let f = 0; f < fieldCount; f++) {
        const column = this.lengths[f];
        if (column) fieldLength.copyField(f, this.lengthsUpTo, upTo, column);
      }
      this.lengthsUpTo = upTo;
      return;
    }
    for (let doc = this.lengthsUpTo; doc < upTo; doc++) {
      const lengths = fieldLength.get(doc);
      if (!lengths) continue;
      for (let f = 0; f < fieldCount; f++) {
        const column = this.lengths[f];
        if (column) column[doc] = lengths[f] ?? 0;
      }
    }
    this.lengthsUpTo = upTo;
  }
}

/** A term's non-empty fields, when every one is packed (a restored term's): else undefined. */
function packedFields(data: FieldTermData): [fieldId: number, PackedPostings][] | undefined {
  const fields: [number, PackedPostings][] = [];
  for (const [fieldId, tfs] of data) {
    if (!(tfs instanceof PackedPostings)) return undefined;
    if (tfs.size > 0) fields.push([fieldId, tfs]);
  }
  return fields;
}

/**
 * The list `build` makes, of packed fields: their arrays are each in short-id order
 * already, so they are merged, a pass over them, rather than every posting collected and
 * the short ids sorted. A search reply that met a frequent word's list before the warm-up
 * built it (right after a restart) spent 78 ms at 400k passages building it the other way,
 * most of it in that sort. Undefined when a frequency cannot be held in 16 bits, as `build`.
 */
function mergePacked(
  fields: readonly [fieldId: number, PackedPostings][],
): TermPostings | undefined {
  const sources: { docs: Int32Array; tfs: Uint16Array | Uint32Array }[] = [];
  for (const [, postings] of fields) {
    const source = livePostings(postings);
    if (!source) return undefined;
    sources.push(source);
  }
  // The union of the fields' short ids, two sorted lists at a time (tight loops over typed
  // arrays, which V8 optimises within the first list: this runs cold, right after a restart).
  let docs: Int32Array = new Int32Array(0);
  for (const source of sources) docs = union(docs, source.docs);
  const columns = fields.map(([fieldId], f) => {
    const tfs = new Uint16Array(docs.length);
    const source = sources[f];
    if (source) spread(docs, source.docs, source.tfs, tfs);
    return { fieldId, tfs };
  });
  return { docs, columns };
}

/**
 * A field's postings without removed slots (frequency 0), as views of its arrays when it has
 * none; undefined when a frequency does not fit 16 bits (`build` then gives no list either).
 */
function livePostings(
  postings: PackedPostings,
): { docs: Int32Array; tfs: Uint16Array | Uint32Array } | undefined {
  const { docs, tfs, length } = postings.sorted;
  if (tfs instanceof Uint32Array)
    for (let i = 0; i < length; i++) if (!fitsColumn(tfs[i] ?? 0)) return undefined;
  if (postings.size === length)
    return { docs: docs.subarray(0, length), tfs: tfs.subarray(0, length) };
  const liveDocs = new Int32Array(postings.size);
  const liveTfs = new Uint16Array(postings.size);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const tf = tfs[i] ?? 0;
    if (tf === 0) continue;
    liveDocs[n] = docs[i] ?? 0;
    liveTfs[n] = tf;
    n++;
  }
  return { docs: liveDocs, tfs: liveTfs };
}

/** The short ids in `a` or `b` (each ascending, without repeats), ascending. */
function union(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length === 0) return b.slice();
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++] as number;
  while (j < b.length) out[n++] = b[j++] as number;
  return n === out.length ? out : out.slice(0, n);
}

/** Puts each of a field's frequencies at its short id's place in `docs` (a superset, sorted). */
function spread(
  docs: Int32Array,
  fieldDocs: Int32Array,
  fieldTfs: Uint16Array | Uint32Array,
  into: Uint16Array,
): void {
  let at = 0;
  for (let i = 0; i < fieldDocs.length; i++) {
    const doc = fieldDocs[i] as number;
    while ((docs[at] as number) < doc) at++;
    into[at] = fieldTfs[i] as number;
  }
}

/**
 * `list` with the postings of short ids [from, to) appended from MiniSearch's maps (all
 * above the list's own), in short-id order; undefined when a field the list has no column
 * for now holds the term, or a frequency cannot be held exactly: then it is built again.
 * Its bounds are left to be worked out again.
 */
function extend(
  list: TermPostings,
  data: FieldTermData,
  from: number,
  to: number,
): TermPostings | undefined {
  for (const [fieldId, tfs] of data)
    if (tfs.size > 0 && !list.columns.some((c) => c.fieldId === fieldId)) return undefined;
  const fields = list.columns.map((c) => data.get(c.fieldId));
  const docs: number[] = [];
  const tfs: number[][] = list.columns.map(() => []);
  const last = list.docs.length > 0 ? (list.docs[list.docs.length - 1] ?? -1) : -1;
  for (let doc = Math.max(from, last + 1); doc < to; doc++) {
    let found = false;
    for (const field of fields) if ((field?.get(doc) ?? 0) > 0) found = true;
    if (!found) continue;
    docs.push(doc);
    for (const [c, field] of fields.entries()) {
      const tf = field?.get(doc) ?? 0;
      if (!fitsColumn(tf)) return undefined;
      tfs[c]?.push(tf);
    }
  }
  if (docs.length === 0) return list;
  const n = list.docs.length;
  const grown = new Int32Array(n + docs.length);
  grown.set(list.docs);
  grown.set(docs, n);
  return {
    docs: grown,
    columns: list.columns.map((column, c) => {
      const extended = new Uint16Array(n + docs.length);
      extended.set(column.tfs);
      extended.set(tfs[c] ?? [], n);
      return { fieldId: column.fieldId, tfs: extended };
    }),
  };
}

/** Postings per block of a list's block bounds (a power of two: block of posting i is i >> 6). */
export const BLOCK_SHIFT = 6;

/**
 * The largest unweighted contribution of the term to one passage (BM25 summed over its
 * fields, each times `factors[c]`: the field's boost times the term's idf there), over the
 * whole list and per block of 64 postings: its bounds for pruning; and the blocks in the
 * order of those bounds, the best first. Kept with the list until
 * the figures they depend on (idf, average lengths) move, then recomputed in one pass of
 * arithmetic.
 */
export function boundsOf(
  list: TermPostings,
  factors: Float64Array,
  avgs: Float64Array,
  lengths: readonly Uint32Array[],
  k: number,
  b: number,
  d: number,
): { max: number; blocks: Float64Array; order: Int32Array } {
  const key = `${factors.join(',')}|${avgs.join(',')}`;
  if (list.bound?.key === key) return list.bound;
  const { docs, columns } = list;
  const blocks = new Float64Array((docs.length >> BLOCK_SHIFT) + 1);
  let max = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] ?? 0;
    let sum = 0;
    for (let c = 0; c < columns.length; c++) {
      const tf = columns[c]?.tfs[i] ?? 0;
      if (tf === 0) continue;
      sum += (factors[c] ?? 0) * bm25Part(tf, lengths[c]?.[doc] ?? 0, avgs[c] ?? 1, k, b, d);
    }
    const block = i >> BLOCK_SHIFT;
    if (sum > (blocks[block] ?? 0)) blocks[block] = sum;
    if (sum > max) max = sum;
  }
  // The blocks best first, for walking a frequent word alone (top-k.ts, walkByImpact).
  const order = Int32Array.from(blocks.keys()).sort(
    (a, b) => (blocks[b] ?? 0) - (blocks[a] ?? 0) || a - b,
  );
  list.bound = { key, max, blocks, order };
  return list.bound;
}

/** The first index at or after `from` whose short id is at least `doc` (galloping search). */
export function seek(docs: Int32Array, from: number, doc: number): number {
  const n = docs.length;
  if (from >= n || (docs[from] ?? 0) >= doc) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < n && (docs[hi] ?? 0) < doc) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > n) hi = n;
  // docs[lo] < doc, and docs[hi] >= doc or hi === n.
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] ?? 0) < doc) lo = mid;
    else hi = mid;
  }
  return hi;
}
