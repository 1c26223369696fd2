/**
 * A term's postings in one field (short id -> term frequency) as two typed arrays, in
 * short-id order, behind the Map MiniSearch and the retriever read them through.
 *
 * MiniSearch keeps them as a Map, some 20-30 bytes a posting once its table has grown:
 * at 400k passages the opened terms' Maps were the largest part of the serving heap. Here a
 * posting is 6 bytes (8 with a frequency over 65,535), and walking a list is a loop over
 * two arrays. MiniSearch's writes keep working: an added passage has the highest short id
 * yet, so `set` appends (or raises the last frequency), a vacuum's `delete` leaves a gap
 * the next append may close; a short id set below the last is put in its place.
 */
export class PackedPostings implements Map<number, number> {
  #docs: Int32Array;
  #tfs: Uint16Array | Uint32Array;
  /** Slots used in the arrays (removed ones included, their frequency 0). */
  #length: number;
  #size: number;

  /** `docs` ascending, each with its frequency (at least 1) in `tfs`, `length` of them. */
  constructor(docs: Int32Array, tfs: Uint16Array | Uint32Array, length = docs.length) {
    this.#docs = docs;
    this.#tfs = tfs;
    this.#length = length;
    this.#size = length;
  }

  get size(): number {
    return this.#size;
  }

  /**
   * The arrays themselves, ascending by short id, `length` slots used (a removed posting's
   * frequency 0): read, never written, by the retriever, which merges a frequent term's
   * fields into its typed list from them instead of collecting every posting and sorting.
   */
  get sorted(): {
    readonly docs: Int32Array;
    readonly tfs: Uint16Array | Uint32Array;
    readonly length: number;
  } {
    return { docs: this.#docs, tfs: this.#tfs, length: this.#length };
  }

  get [Symbol.toStringTag](): string {
    return 'PackedPostings';
  }

  /** The slot holding `doc`, or where it would go (as the bitwise complement). */
  #find(doc: number): number {
    const docs = this.#docs;
    let lo = 0;
    let hi = this.#length - 1;
    // Most lookups are of the newest passage (MiniSearch adding one): its slot is the last.
    if (hi >= 0 && (docs[hi] ?? 0) < doc) return ~this.#length;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = docs[mid] ?? 0;
      if (at < doc) lo = mid + 1;
      else if (at > doc) hi = mid - 1;
      else return mid;
    }
    return ~lo;
  }

  get(doc: number): number | undefined {
    const slot = this.#find(doc);
    if (slot < 0) return undefined;
    const tf = this.#tfs[slot] ?? 0;
    return tf > 0 ? tf : undefined;
  }

  has(doc: number): boolean {
    return this.get(doc) !== undefined;
  }

  set(doc: number, tf: number): this {
    // A frequency of 0 is no posting (MiniSearch deletes rather than set one).
    if (tf === 0) {
      this.delete(doc);
      return this;
    }
    const slot = this.#find(doc);
    if (slot >= 0) {
      if ((this.#tfs[slot] ?? 0) === 0) this.#size++;
      this.#store(slot, tf);
      return this;
    }
    const at = ~slot;
    this.#room(this.#length + 1, tf);
    if (at < this.#length) {
      this.#docs.copyWithin(at + 1, at, this.#length);
      this.#tfs.copyWithin(at + 1, at, this.#length);
    }
    this.#docs[at] = doc;
    this.#length++;
    this.#size++;
    this.#store(at, tf);
    return this;
  }

  delete(doc: number): boolean {
    const slot = this.#find(doc);
    if (slot < 0 || (this.#tfs[slot] ?? 0) === 0) return false;
    this.#tfs[slot] = 0;
    this.#size--;
    return true;
  }

  clear(): void {
    this.#length = 0;
    this.#size = 0;
  }

  forEach(each: (tf: number, doc: number, map: Map<number, number>) => void, self?: unknown): void {
    // The arrays as they are now: a callback that adds appends past the end, as a Map's
    // forEach would visit it, but a vacuum only removes.
    for (let slot = 0; slot < this.#length; slot++) {
      const tf = this.#tfs[slot] ?? 0;
      if (tf > 0) each.call(self, tf, this.#docs[slot] ?? 0, this);
    }
  }

  *entries(): MapIterator<[number, number]> {
    for (let slot = 0; slot < this.#length; slot++) {
      const tf = this.#tfs[slot] ?? 0;
      if (tf > 0) yield [this.#docs[slot] ?? 0, tf];
    }
  }

  *keys(): MapIterator<number> {
    for (const [doc] of this.entries()) yield doc;
  }

  *values(): MapIterator<number> {
    for (const [, tf] of this.entries()) yield tf;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  #store(slot: number, tf: number): void {
    if (!Number.isInteger(tf) || tf < 1 || tf > 0xffffffff) {
      throw new RangeError(`PackedPostings: a term frequency of ${tf}`);
    }
    if (tf > 0xffff && this.#tfs instanceof Uint16Array) {
      const wide = new Uint32Array(this.#tfs.length);
      wide.set(this.#tfs);
      this.#tfs = wide;
    }
    this.#tfs[slot] = tf;
  }

  /** Room for `length` slots, grown by half again (appends one by one stay amortised). */
  #room(length: number, tf: number): void {
    if (length <= this.#docs.length) return;
    const capacity = Math.max(4, Math.ceil(length * 1.5));
    const docs = new Int32Array(capacity);
    docs.set(this.#docs.subarray(0, this.#length));
    const wide = tf > 0xffff || this.#tfs instanceof Uint32Array;
    const tfs = wide ? new Uint32Array(capacity) : new Uint16Array(capacity);
    tfs.set(this.#tfs.subarray(0, this.#length));
    this.#docs = docs;
    this.#tfs = tfs;
  }
}
