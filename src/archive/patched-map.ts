/**
 * A map shared between archives: the new archive of an incremental reload reads the
 * previous archive's map through a small patch of what changed, instead of copying
 * hundreds of thousands of entries. Patches of successive reloads are merged (the base is
 * never changed, so the previous archive keeps its view), and once a patch grows past a
 * share of its base the map is copied flat again, in slices.
 *
 * Iteration gives the base's entries in their order (changed values in place), then the
 * added keys: not necessarily the order a full build inserts them in, so readers that
 * iterate must not depend on order.
 */
import type { Slicer } from './pace';

const GONE = Symbol('gone');
type Patch<K, V> = ReadonlyMap<K, V | typeof GONE>;

/** A patch larger than this share of its base (and `MIN_FLATTEN` entries) is merged in. */
const FLATTEN_SHARE = 1 / 16;
const MIN_FLATTEN = 1024;

export class PatchedMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly patch: Patch<K, V>,
  ) {
    let size = base.size;
    for (const [key, value] of patch) {
      const inBase = base.has(key);
      if (value === GONE) size -= inBase ? 1 : 0;
      else size += inBase ? 0 : 1;
    }
    this.size = size;
  }

  /**
   * `previous` with `changes` applied (undefined: the key is gone), `previous` left as it
   * is. Returns a plain Map when flattening was due.
   */
  static async with<K, V>(
    previous: ReadonlyMap<K, V>,
    changes: ReadonlyMap<K, V | undefined>,
    slicer: Slicer,
  ): Promise<ReadonlyMap<K, V>> {
    const base = previous instanceof PatchedMap ? (previous.base as ReadonlyMap<K, V>) : previous;
    const patch = new Map<K, V | typeof GONE>(
      previous instanceof PatchedMap ? (previous.patch as Patch<K, V>) : [],
    );
    for (const [key, value] of changes) patch.set(key, value === undefined ? GONE : value);
    const patched = new PatchedMap(base, patch);
    if (patch.size < Math.max(MIN_FLATTEN, base.size * FLATTEN_SHARE)) return patched;
    const flat = new Map<K, V>();
    await slicer.each(patched, ([key, value]) => {
      flat.set(key, value);
    });
    return flat;
  }

  get(key: K): V | undefined {
    const patched = this.patch.get(key);
    if (patched === GONE) return undefined;
    return patched !== undefined || this.patch.has(key) ? (patched as V) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.patch.has(key) ? this.patch.get(key) !== GONE : this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (!this.patch.has(key)) yield [key, value];
      else {
        const patched = this.patch.get(key);
        if (patched !== GONE) yield [key, patched as V];
      }
    }
    for (const [key, value] of this.patch) {
      if (value !== GONE && !this.base.has(key)) yield [key, value];
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
