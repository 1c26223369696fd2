/**
 * A restored index's documents as columns, behind the three Maps MiniSearch keeps of them
 * (`_documentIds`: short id -> passage id, `_idToShortId`: the reverse, `_fieldLength`:
 * short id -> each field's length).
 *
 * Filled as Maps, those were 1.1 million entries and 375k small arrays at 400k passages:
 * most of a restart's index decode (seconds of Map growth and garbage collection on this
 * machine) and some 60 MB of heap. Here the ids are one array (slices of one decoded
 * string), the lengths one typed array, and the reverse lookup a hash table of short ids
 * built in slices; each class is a Map to MiniSearch (add, discard, replace, vacuum) and to
 * the retriever, which check nothing else. What is added after the restore goes into the
 * same columns (ids) or beside them (a new passage's lengths, which MiniSearch fills in
 * the array it put in after the `set`).
 */
import type { ColumnarFieldLengths } from '../search/postings';
import { hashOf } from './text-hash';

/**
 * The restored ids as the snapshot decoded them: each block's ids joined in one string, and
 * per short id its block, where it starts and its length (block -1: none).
 */
export interface JoinedIds {
  texts: string[];
  block: Int32Array;
  start: Int32Array;
  length: Int32Array;
}

/**
 * The passage ids by short id, shared by `DocumentIds` and `ShortIds`. A restored id stays
 * a range of its block's string until first read (then kept as its own string): sliced at
 * once, the 375k ids of 400k passages were as many strings made before serving, each
 * copied by the young generation's collections into the old one, and then held for good
 * though a search reads only its hits'. The reverse lookup hashes and compares the ranges
 * themselves.
 */
export class DocumentTable {
  /** Ids by short id once read or put; undefined where none (or not read yet: see `#joined`). */
  readonly #ids: (string | undefined)[];
  readonly #joined: JoinedIds;
  count: number;
  /** Open addressing over the ids: slot -> short id + 1, 0 empty, -1 removed. */
  #slots = new Int32Array(0);
  #used = 0;
  /** Short ids below this are in `#slots` (built in slices, see `indexSome`). */
  #indexedUpTo = 0;

  constructor(joined: JoinedIds, count: number) {
    // Room for every restored id at once (holes until read): set far past its end, an
    // empty array turns into a dictionary, slow for every search's hits.
    this.#ids = new Array<string | undefined>(joined.block.length);
    this.#joined = joined;
    this.count = count;
  }

  /** Short ids are below this. */
  get #end(): number {
    return Math.max(this.#ids.length, this.#joined.block.length);
  }

  /** The id at `shortId`, kept as its own string from now on (a search's hits). */
  idAt(shortId: number): string | undefined {
    const id = this.#ids[shortId];
    if (id !== undefined) return id;
    const joined = this.#restored(shortId);
    if (joined === undefined) return undefined;
    this.#ids[shortId] = joined;
    this.#joined.block[shortId] = -1;
    return joined;
  }

  hasId(shortId: number): boolean {
    return this.#ids[shortId] !== undefined || (this.#joined.block[shortId] ?? -1) >= 0;
  }

  /** A restored id not read yet, sliced from its block (not kept); undefined otherwise. */
  #restored(shortId: number): string | undefined {
    const { texts, block, start, length } = this.#joined;
    const b = block[shortId] ?? -1;
    if (b < 0) return undefined;
    const from = start[shortId] ?? 0;
    return texts[b]?.slice(from, from + (length[shortId] ?? 0));
  }

  /** The hash of the id at `shortId` (one there), read in place. */
  #hashAt(shortId: number): number {
    const id = this.#ids[shortId];
    if (id !== undefined) return hashOf(id, 0, id.length);
    const { texts, block, start, length } = this.#joined;
    const from = start[shortId] ?? 0;
    return hashOf(texts[block[shortId] ?? 0] ?? '', from, from + (length[shortId] ?? 0));
  }

  /** Whether the id at `shortId` is `id`, read in place. */
  #isAt(shortId: number, id: string): boolean {
    const held = this.#ids[shortId];
    if (held !== undefined) return held === id;
    const { texts, block, start, length } = this.#joined;
    const b = block[shortId] ?? -1;
    return (
      b >= 0 && length[shortId] === id.length && (texts[b] ?? '').startsWith(id, start[shortId])
    );
  }

  /**
   * Puts at most `limit` more short ids into the reverse lookup; true once all are. A
   * restore calls it in slices; a lookup before then finishes it at once.
   */
  indexSome(limit: number): boolean {
    if (this.#slots.length === 0) this.#resize(Math.max(16, this.count * 2));
    const end = this.#end;
    const to = Math.min(end, this.#indexedUpTo + limit);
    for (let shortId = this.#indexedUpTo; shortId < to; shortId++) {
      if (this.hasId(shortId)) this.#insert(shortId);
      this.#indexedUpTo = shortId + 1;
    }
    return this.#indexedUpTo >= end;
  }

  shortIdOf(id: string): number | undefined {
    this.#indexAll();
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let slot = hashOf(id, 0, id.length) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot] ?? 0;
      if (held === 0) return undefined;
      if (held > 0 && this.#isAt(held - 1, id)) return held - 1;
    }
  }

  put(shortId: number, id: string): void {
    if (this.#isAt(shortId, id)) return;
    if (this.hasId(shortId)) this.remove(shortId);
    this.#ids[shortId] = id;
    this.count++;
    // Beyond what is indexed yet: the slices reach it in turn.
    if (shortId < this.#indexedUpTo) this.#insert(shortId);
  }

  remove(shortId: number): boolean {
    if (!this.hasId(shortId)) return false;
    if (shortId < this.#indexedUpTo) {
      const slots = this.#slots;
      const mask = slots.length - 1;
      for (let slot = this.#hashAt(shortId) & mask; ; slot = (slot + 1) & mask) {
        const held = slots[slot] ?? 0;
        if (held === 0) break;
        if (held === shortId + 1) {
          slots[slot] = -1;
          break;
        }
      }
    }
    this.#ids[shortId] = undefined;
    if (shortId < this.#joined.block.length) this.#joined.block[shortId] = -1;
    this.count--;
    return true;
  }

  clear(): void {
    this.#ids.length = 0;
    this.#joined.block.fill(-1);
    this.count = 0;
    this.#slots = new Int32Array(0);
    this.#used = 0;
    this.#indexedUpTo = 0;
  }

  /** Every id by short id; restored ones not read yet are sliced for the caller, not kept. */
  *entries(): MapIterator<[number, string]> {
    const end = this.#end;
    for (let shortId = 0; shortId < end; shortId++) {
      const id = this.#ids[shortId] ?? this.#restored(shortId);
      if (id !== undefined) yield [shortId, id];
    }
  }

  #indexAll(): void {
    if (this.#indexedUpTo < this.#end || this.#slots.length === 0)
      this.indexSome(Number.POSITIVE_INFINITY);
  }

  #insert(shortId: number): void {
    // Kept at most half full (removed slots count): a probe stays short.
    if ((this.#used + 1) * 2 > this.#slots.length) this.#resize(Math.max(16, this.count * 4));
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = this.#hashAt(shortId) & mask;
    while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    slots[slot] = shortId + 1;
    this.#used++;
  }

  /** A table of at least `size` slots holding what the current one holds (removed slots dropped). */
  #resize(size: number): void {
    let capacity = 16;
    while (capacity < size) capacity *= 2;
    const old = this.#slots;
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    let used = 0;
    for (const held of old) {
      if (held <= 0) continue;
      let slot = this.#hashAt(held - 1) & mask;
      while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots[slot] = held;
      used++;
    }
    this.#slots = slots;
    this.#used = used;
  }
}

/**
 * A Map whose every method is given by the subclass: the Map's own storage stays empty.
 * (`size` is an accessor on Map.prototype, which a class body cannot override: see below.)
 */
abstract class MapView<K, V> extends Map<K, V> {
  abstract override get(key: K): V | undefined;
  abstract override has(key: K): boolean;
  abstract override set(key: K, value: V): this;
  abstract override delete(key: K): boolean;
  abstract override clear(): void;
  abstract override entries(): MapIterator<[K, V]>;
  abstract get count(): number;

  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }
  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  override forEach(each: (value: V, key: K, map: Map<K, V>) => void, self?: unknown): void {
    for (const [key, value] of this.entries()) each.call(self, value, key, this);
  }
}

Object.defineProperty(MapView.prototype, 'size', {
  get(this: MapView<unknown, unknown>) {
    return this.count;
  },
});

/** MiniSearch's `_documentIds`: short id -> passage id. */
export class DocumentIds extends MapView<number, string> {
  constructor(readonly table: DocumentTable) {
    super();
  }
  get count(): number {
    return this.table.count;
  }
  override get(shortId: number): string | undefined {
    return this.table.idAt(shortId);
  }
  override has(shortId: number): boolean {
    return this.table.hasId(shortId);
  }
  override set(shortId: number, id: string): this {
    this.table.put(shortId, id);
    return this;
  }
  override delete(shortId: number): boolean {
    return this.table.remove(shortId);
  }
  override clear(): void {
    this.table.clear();
  }
  override entries(): MapIterator<[number, string]> {
    return this.table.entries();
  }
}

/** MiniSearch's `_idToShortId`: passage id -> short id, through the table's hash index. */
export class ShortIds extends MapView<string, number> {
  constructor(readonly table: DocumentTable) {
    super();
  }
  get count(): number {
    return this.table.count;
  }
  override get(id: string): number | undefined {
    return this.table.shortIdOf(id);
  }
  override has(id: string): boolean {
    return this.table.shortIdOf(id) !== undefined;
  }
  override set(id: string, shortId: number): this {
    this.table.put(shortId, id);
    return this;
  }
  override delete(id: string): boolean {
    const shortId = this.table.shortIdOf(id);
    return shortId !== undefined && this.table.remove(shortId);
  }
  override clear(): void {
    this.table.clear();
  }
  override *entries(): MapIterator<[string, number]> {
    for (const [shortId, id] of this.table.entries()) yield [id, shortId];
  }
}

type Lengths = (number | undefined)[];

/**
 * MiniSearch's `_fieldLength`: short id -> each field's length (a hole where a field was
 * never measured). The restored passages' in one typed array, `stride` fields a passage,
 * each length stored one up (0: a hole); a passage's own field count beside it (0: none
 * there). Passages added later keep the array MiniSearch gives them, which it fills after
 * putting it in.
 */
export class FieldLengths extends MapView<number, Lengths> implements ColumnarFieldLengths {
  readonly #added = new Map<number, Lengths>();
  #count: number;

  constructor(
    /** Per short id: its field count plus one, 0 where the passage is not (or no longer) here. */
    private readonly counts: Uint8Array,
    private readonly stored: Uint32Array,
    private readonly stride: number,
    count: number,
  ) {
    super();
    this.#count = count;
  }

  get count(): number {
    return this.#count + this.#added.size;
  }

  override get(shortId: number): Lengths | undefined {
    const added = this.#added.get(shortId);
    if (added) return added;
    const fields = (this.counts[shortId] ?? 0) - 1;
    if (fields < 0) return undefined;
    const lengths: Lengths = new Array(fields);
    const at = shortId * this.stride;
    for (let f = 0; f < fields; f++) {
      const stored = this.stored[at + f] ?? 0;
      if (stored > 0) lengths[f] = stored - 1;
    }
    return lengths;
  }

  override has(shortId: number): boolean {
    return this.#added.has(shortId) || (this.counts[shortId] ?? 0) > 0;
  }

  override set(shortId: number, lengths: Lengths): this {
    this.#forget(shortId);
    this.#added.set(shortId, lengths);
    return this;
  }

  override delete(shortId: number): boolean {
    return this.#added.delete(shortId) || this.#forget(shortId);
  }

  override clear(): void {
    this.counts.fill(0);
    this.#count = 0;
    this.#added.clear();
  }

  override *entries(): MapIterator<[number, Lengths]> {
    for (let shortId = 0; shortId < this.counts.length; shortId++) {
      if ((this.counts[shortId] ?? 0) === 0) continue;
      const lengths = this.get(shortId);
      if (lengths) yield [shortId, lengths];
    }
    yield* this.#added.entries();
  }

  copyField(fieldId: number, from: number, to: number, into: Uint32Array): void {
    const { counts, stored, stride } = this;
    const end = Math.min(to, counts.length);
    for (let shortId = from; shortId < end; shortId++) {
      const fields = (counts[shortId] ?? 0) - 1;
      if (fields < 0) continue;
      const value = fieldId < fields ? (stored[shortId * stride + fieldId] ?? 0) : 0;
      into[shortId] = value > 0 ? value - 1 : 0;
    }
    for (const [shortId, lengths] of this.#added)
      if (shortId >= from && shortId < to) into[shortId] = lengths[fieldId] ?? 0;
  }

  #forget(shortId: number): boolean {
    if ((this.counts[shortId] ?? 0) === 0) return false;
    this.counts[shortId] = 0;
    this.#count--;
    return true;
  }
}
