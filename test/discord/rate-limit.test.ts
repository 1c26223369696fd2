import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../src/discord/paging';
import { retrySeconds, TokenBuckets } from '../../src/discord/rate-limit';
import type { View } from '../../src/discord/view';

/** A clock the test moves by hand. */
function manualClock(start = 1_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('token buckets', () => {
  it('allow a burst, then refuse and say when the next token comes', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets({ burst: 5, refillMs: 3000 }, clock.now);
    for (let i = 0; i < 5; i++) expect(buckets.take('u1:søk')).toEqual({ allowed: true });
    expect(buckets.take('u1:søk')).toEqual({ allowed: false, retryAfterMs: 3000 });
    clock.advance(1000);
    expect(buckets.take('u1:søk')).toEqual({ allowed: false, retryAfterMs: 2000 });
  });

  it('refill one token per period, never above the burst', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets({ burst: 2, refillMs: 1000 }, clock.now);
    buckets.take('k');
    buckets.take('k');
    clock.advance(1000);
    expect(buckets.take('k').allowed).toBe(true);
    expect(buckets.take('k').allowed).toBe(false);
    clock.advance(60_000);
    expect(buckets.take('k').allowed).toBe(true);
    expect(buckets.take('k').allowed).toBe(true);
    expect(buckets.take('k').allowed).toBe(false);
  });

  it('keep members and commands apart: one member over the limit leaves others untouched', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets({ burst: 1, refillMs: 10_000 }, clock.now);
    expect(buckets.take('u1:søk').allowed).toBe(true);
    expect(buckets.take('u1:søk').allowed).toBe(false);
    expect(buckets.take('u1:hvem').allowed).toBe(true);
    expect(buckets.take('u2:søk').allowed).toBe(true);
  });

  it('are off with a burst of 0', () => {
    const buckets = new TokenBuckets({ burst: 0, refillMs: 1000 }, () => 0);
    for (let i = 0; i < 100; i++) expect(buckets.take('k').allowed).toBe(true);
  });

  it('remember a bounded number of members, forgetting the least recent', () => {
    const clock = manualClock();
    const buckets = new TokenBuckets({ burst: 1, refillMs: 60_000 }, clock.now, 3);
    for (const key of ['a', 'b', 'c', 'd']) buckets.take(key);
    expect(buckets.size).toBe(3);
    // 'a' was forgotten (a fresh bucket), 'd' is remembered (still empty).
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('d').allowed).toBe(false);
  });

  it('tell whole seconds, at least one', () => {
    expect(retrySeconds(1)).toBe(1);
    expect(retrySeconds(2001)).toBe(3);
    expect(retrySeconds(0)).toBe(1);
  });
});

describe('paging sessions', () => {
  const view = { pages: [], suggestions: [], outcome: 'answered', results: 0 } as unknown as View;

  it('are capped: past the cap the oldest expires (its buttons go) and answers as expired', async () => {
    const expired: string[] = [];
    const store = new SessionStore(60_000, () => {}, 3);
    const sessions = ['a', 'b', 'c', 'd', 'e'].map((owner) =>
      store.open(owner, 'nb', view, async () => void expired.push(owner)),
    );
    expect(store.size).toBe(3);
    expect(expired).toEqual(['a', 'b']);
    expect(store.get(sessions[0]?.id ?? '')).toBeUndefined();
    expect(store.get(sessions[4]?.id ?? '')?.ownerId).toBe('e');
    store.close();
  });
});
