/** A power of two (the shard is picked by masking). */
const SHARDS = 64;

/**
 * A map from strings, kept in many small maps picked by a cheap hash of the key's length
 * and last characters. One `Map` of a few hundred thousand keys grows by rehashing all of
 * them in one step (and by allocating a new table as large, which can set off a collection):
 * a restart's directory of 400k passages' entities held the event loop 50 ms in the one
 * step that filled it past a doubling. A shard's rehash is a 64th of that.
 */
export class ShardedMap<V> {
  readonly #shards: Map<string, V>[] = Array.from({ length: SHARDS }, () => new Map());

  #shard(key: string): Map<string, V> {
    const n = key.length;
    const pick =
      (n + (n > 0 ? key.charCodeAt(n - 1) * 7 : 0) + (n > 1 ? key.charCodeAt(n - 2) * 31 : 0)) &
      (SHARDS - 1);
    return this.#shards[pick] as Map<string, V>;
  }

  get(key: string): V | undefined {
    return this.#shard(key).get(key);
  }

  has(key: string): boolean {
    return this.#shard(key).has(key);
  }

  set(key: string, value: V): this {
    this.#shard(key).set(key, value);
    return this;
  }

  get size(): number {
    let size = 0;
    for (const shard of this.#shards) size += shard.size;
    return size;
  }
}
