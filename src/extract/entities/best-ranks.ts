/**
 * What a lookup keeps while it reads postings: only the best few, never a sorted copy of
 * everything it read. Both collectors tell what a posting must beat to get in, so that
 * readers skip whole ranges that cannot. Called per posting: no closures on this path.
 */

/** The best `limit` distinct ranks seen (lowest first), leaving out `exclude`. */
export class BestRanks {
  readonly #ranks: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly exclude: ReadonlySet<number>,
  ) {}

  get full(): boolean {
    return this.#ranks.length >= this.limit;
  }

  /** A rank at or above this cannot get in (it is in already, or worse than all kept). */
  get bound(): number {
    return this.full
      ? (this.#ranks[this.limit - 1] ?? Number.POSITIVE_INFINITY)
      : Number.POSITIVE_INFINITY;
  }

  add(rank: number): void {
    if (this.limit <= 0 || rank >= this.bound || this.exclude.has(rank)) return;
    const ranks = this.#ranks;
    let lo = 0;
    let hi = ranks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ranks[mid] ?? 0) < rank) lo = mid + 1;
      else hi = mid;
    }
    if (ranks[lo] === rank) return;
    ranks.splice(lo, 0, rank);
    if (ranks.length > this.limit) ranks.pop();
  }

  /** The kept ranks, ascending. */
  ranks(): number[] {
    return [...this.#ranks];
  }
}

/**
 * The best `limit` ranks by (least distance, rank), each rank with its least distance,
 * leaving out `exclude`.
 */
export class ClosestRanks {
  /** Kept entries, closest then lowest rank first. */
  readonly #ranks: number[] = [];
  readonly #distances: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly exclude: ReadonlySet<number>,
  ) {}

  get full(): boolean {
    return this.#ranks.length >= this.limit;
  }

  /** Whether (distance, rank) would get in, were the rank not kept already. */
  admits(distance: number, rank: number): boolean {
    if (this.limit <= 0) return false;
    if (!this.full) return true;
    const worstDistance = this.#distances[this.limit - 1] ?? 0;
    return (
      distance < worstDistance ||
      (distance === worstDistance && rank < (this.#ranks[this.limit - 1] ?? 0))
    );
  }

  /** The most edits anything still to get in may have. */
  maxDistance(bound: number): number {
    return this.full ? Math.min(bound, this.#distances[this.limit - 1] ?? bound) : bound;
  }

  add(rank: number, distance: number): void {
    if (this.exclude.has(rank) || !this.admits(distance, rank)) return;
    const ranks = this.#ranks;
    const distances = this.#distances;
    const known = ranks.indexOf(rank);
    if (known >= 0) {
      if ((distances[known] ?? 0) <= distance) return;
      ranks.splice(known, 1);
      distances.splice(known, 1);
    }
    let at = 0;
    while (
      at < ranks.length &&
      ((distances[at] ?? 0) < distance ||
        ((distances[at] ?? 0) === distance && (ranks[at] ?? 0) < rank))
    )
      at++;
    ranks.splice(at, 0, rank);
    distances.splice(at, 0, distance);
    if (ranks.length > this.limit) {
      ranks.pop();
      distances.pop();
    }
  }

  /** The kept ranks with their distances, closest then lowest rank first. */
  entries(): [rank: number, distance: number][] {
    return this.#ranks.map((rank, i) => [rank, this.#distances[i] ?? 0]);
  }
}
