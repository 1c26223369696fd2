/**
 * Lets long main-thread work yield to answers: call `due()` between steps and `breathe()`
 * when it says so. `Slicer` (below) is the one the archive passes down; the layers below
 * it (language, search, extraction) take only this shape.
 *
 * The breaths' queue is here, at the bottom, so that every piece of work in slices takes
 * turns in it, the folder's survey and load (knowledge/load.ts) included: breathing on
 * their own (`setImmediate`), their slices ran in the same turn of the event loop as the
 * queue's, and a warm start's turns held two slices and more.
 */
export interface Pace {
  due(): boolean;
  breathe(): Promise<void>;
}

/** Breaths waiting for their turn, oldest first; background ones give way while a reload waits. */
const waiting: { resume: () => void; background: boolean }[] = [];
/** Reloads holding background work back (`holdBackground`). */
let reloadsWaiting = 0;
let turnAhead = false;

/** One turn of the event loop: the oldest waiting breath goes on (its slice runs after this). */
function takeTurn(): void {
  turnAhead = false;
  const next = reloadsWaiting > 0 ? waiting.findIndex((breath) => !breath.background) : 0;
  const [breath] = waiting.splice(Math.max(0, next), 1);
  // The next turn is the next time round the event loop: timers and I/O (answers) first.
  if (waiting.length > 0) {
    turnAhead = true;
    setImmediate(takeTurn);
  }
  breath?.resume();
}

function queue(resume: () => void, background: boolean): void {
  waiting.push({ resume, background });
  if (!turnAhead) {
    turnAhead = true;
    setImmediate(takeTurn);
  }
}

/**
 * Yields to the event loop (timers, I/O, other answers) before going on. Work in slices
 * takes turns: one waiting breath goes on per turn of the event loop, oldest first. Each
 * breathing on its own, two or three at once (an update, the live merge's preparation,
 * the search warm-up) each ran a slice in the same turn, and at 400k passages their slices
 * together held the event loop 45-80 ms; taking turns, a turn holds one slice.
 */
export const breathe = (): Promise<void> => new Promise((resolve) => queue(resolve, false));

/**
 * A breath of work nobody waits on (the search warm-up's lists): as `breathe`, except that while a
 * reload holds background work back (`holdBackground`), it goes on only when no other
 * breath waits. After a restart, the warm-up took every other turn beside the live merge's
 * preparation (and the loading of the files) that the first add waited on.
 */
export const breatheInBackground = (): Promise<void> =>
  new Promise((resolve) => queue(resolve, true));

/** Holds background breaths back (see `breatheInBackground`) until the returned release is called. */
export function holdBackground(): () => void {
  reloadsWaiting++;
  let held = true;
  return () => {
    if (held) reloadsWaiting--;
    held = false;
  };
}

/**
 * Cuts long main-thread work into slices of about `budgetMs`: call `due()` between steps
 * and yield when it says so. Yielding after every step would cost more than the steps.
 */
export class Slicer implements Pace {
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
