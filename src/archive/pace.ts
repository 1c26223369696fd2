/** Breaths waiting for their turn, oldest first. */
const waiting: (() => void)[] = [];
let turnAhead = false;

/** One turn of the event loop: the oldest waiting breath goes on (its slice runs after this). */
function takeTurn(): void {
  turnAhead = false;
  const resume = waiting.shift();
  // The next turn is the next time round the event loop: timers and I/O (answers) first.
  if (waiting.length > 0) {
    turnAhead = true;
    setImmediate(takeTurn);
  }
  resume?.();
}

/**
 * Yields to the event loop (timers, I/O, other answers) before going on. Work in slices
 * takes turns: one waiting breath goes on per turn of the event loop, oldest first. Each
 * breathing on its own, two or three at once (an update, the live merge's preparation,
 * the search warm-up) each ran a slice in the same turn, and at 400k passages their slices
 * together held the event loop 45-80 ms; taking turns, a turn holds one slice.
 */
export const breathe = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    if (!turnAhead) {
      turnAhead = true;
      setImmediate(takeTurn);
    }
  });

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
