/** Yields to the event loop (timers, I/O, other answers) before going on. */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Cuts long main-thread work into slices of about `budgetMs`: call `due()` between steps
 * and yield when it says so. Yielding after every step would cost more than the steps.
 */
export class Slicer {
  #sliceStart = performance.now();

  /** With `signal`, work that no longer matters stops at its next breath (it throws there). */
  constructor(
    private readonly budgetMs = 8,
    private readonly signal?: AbortSignal,
  ) {}

  due(): boolean {
    return performance.now() - this.#sliceStart >= this.budgetMs;
  }

  async breathe(): Promise<void> {
    await breathe();
    this.signal?.throwIfAborted();
    this.#sliceStart = performance.now();
  }

  /** Runs `step` over every item, yielding whenever a slice's budget is used up. */
  async each<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
    for (const item of items) {
      step(item);
      if (this.due()) await this.breathe();
    }
  }

  /** The items of `items` as an array, copied between breaths. */
  async collect<T>(items: Iterable<T>): Promise<T[]> {
    const out: T[] = [];
    let n = 0;
    for (const item of items) {
      out.push(item);
      if ((++n & 0x3ff) === 0 && this.due()) await this.breathe();
    }
    return out;
  }
}
