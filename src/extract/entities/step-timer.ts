/**
 * When a generator of sliced work should yield: after a few milliseconds of work, not after a
 * count of units. Counts made steps as long as their units were: at 400k passages the live
 * merge's restore ran steps of 110-120 ms where a unit (a key with thousands of names, a
 * cluster, a long article) cost far more than the typical one. The clock is read only every
 * so many units of weight, since reading it costs more than most units.
 */
export class StepTimer {
  #weight = 0;
  #since = performance.now();

  constructor(
    /** Work between two yields, in milliseconds of wall time. */
    private readonly stepMs = 4,
    /** Units of weight between two looks at the clock. */
    private readonly look = 64,
  ) {}

  /** Counts `weight` units done; true when the step is used up (the caller then yields). */
  due(weight = 1): boolean {
    this.#weight += weight;
    if (this.#weight < this.look) return false;
    this.#weight = 0;
    const now = performance.now();
    if (now - this.#since < this.stepMs) return false;
    this.#since = now;
    return true;
  }
}
