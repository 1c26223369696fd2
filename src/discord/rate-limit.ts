/**
 * Token buckets, one per key (a member and what they asked): up to `burst` requests at
 * once, then one more every `refillMs`. Pure and clock-injected, so tests step time by hand.
 * A normal member never meets the defaults; someone scripting a hundred searches does.
 */
export interface BucketRule {
  /** Requests allowed at once; 0 turns the limit off. */
  burst: number;
  /** One request comes back every this many milliseconds. */
  refillMs: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** More keys than this and the least recently used are forgotten. */
const MAX_KEYS = 10_000;

export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: BucketRule,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** Takes one token for `key` if there is one; otherwise says when the next one comes. */
  take(key: string): Verdict {
    const { burst, refillMs } = this.rule;
    if (burst <= 0) return { allowed: true };
    const now = this.now();
    const bucket = this.#refilled(this.#buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#store(key, bucket);
      return { allowed: true };
    }
    this.#store(key, bucket);
    // (The epsilon keeps float noise, 2000.0000000000002, from adding a millisecond.)
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) * refillMs - 1e-6) };
  }

  get size(): number {
    return this.#buckets.size;
  }

  #refilled(bucket: Bucket | undefined, now: number): Bucket {
    const { burst, refillMs } = this.rule;
    if (!bucket) return { tokens: burst, at: now };
    const gained = refillMs > 0 ? (now - bucket.at) / refillMs : burst;
    return { tokens: Math.min(burst, bucket.tokens + Math.max(0, gained)), at: now };
  }

  #store(key: string, bucket: Bucket): void {
    // Re-inserted, so the map's order is least recently used first; past the cap the least
    // recent are forgotten (their members start again with a full bucket: memory stays
    // bounded whatever the number of members).
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    for (const old of this.#buckets.keys()) {
      if (this.#buckets.size <= this.maxKeys) break;
      this.#buckets.delete(old);
    }
  }
}

/** Whole seconds to tell a member to wait (never "0 s"). */
export function retrySeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
