import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../src/extract/entities/sharded-map';

describe('a map kept in shards', () => {
  it('finds every key it was given, and no other, as one map would', () => {
    const sharded = new ShardedMap<number>();
    const plain = new Map<string, number>();
    // Keys that share their endings (the shard is picked by them), lengths, and none at all.
    const keys = ['', 'a', 'ba', 'oslo', 'kari-nordmann', 'kari-nordmann-2', 'ola-nordmann-2'];
    for (let i = 0; i < 5000; i++) keys.push(`navn-${i}`, `${i}-navn`);
    keys.forEach((key, i) => {
      sharded.set(key, i);
      plain.set(key, i);
    });
    sharded.set('oslo', -1);
    plain.set('oslo', -1);
    expect(sharded.size).toBe(plain.size);
    for (const key of plain.keys()) {
      expect(sharded.has(key)).toBe(true);
      expect(sharded.get(key)).toBe(plain.get(key));
    }
    for (const absent of ['navn-5000', 'Oslo', 'kari-nordmann-3', ' '])
      expect([sharded.has(absent), sharded.get(absent)]).toEqual([false, undefined]);
  });
});
