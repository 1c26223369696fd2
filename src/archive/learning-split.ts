/**
 * Where the two analysis workers divide the lexicon's learning, decided while it runs: the
 * names worker learns from the texts in order, claiming each before it reads it; the index
 * worker, once its own first pass is done, takes the texts from some point on
 * (`ArchiveLexicon.readApart`), half of those left then. One 32-bit cell, shared, holds
 * either the names worker's next text (the split is open) or, negative, where the index
 * worker's texts begin (closed): a compare-and-exchange on it decides every race, so each
 * text is read by exactly one of them whatever the timing. The names worker, refused a
 * text, sends the other the texts it took and the counts to read them with: nothing is
 * copied when it reads every text itself (at 400k the index worker is as busy).
 */
export class LearningSplit {
  readonly #cell: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.#cell = new Int32Array(buffer, 0, 1);
  }

  /** The shared memory, to send to the other worker. */
  get buffer(): SharedArrayBuffer {
    return this.#cell.buffer as SharedArrayBuffer;
  }

  /** The names worker, before text `index` (the next in order): false once the rest went to the other. */
  claim(index: number): boolean {
    return Atomics.compareExchange(this.#cell, 0, index, index + 1) === index;
  }

  /**
   * The names worker, when `claim` said false or every text of `total` was claimed: where
   * the other worker's texts begin (`total` when it took none, and now never will).
   */
  close(total: number): number {
    const state = Atomics.compareExchange(this.#cell, 0, total, -(total + 1));
    return state === total ? total : -state - 1;
  }

  /**
   * The index worker: takes `share` of the texts not yet claimed, the last ones, and says
   * where they begin (`total` when the names worker has closed the split or read them all).
   */
  take(total: number, share: number): number {
    for (;;) {
      const state = Atomics.load(this.#cell, 0);
      if (state < 0) return -state - 1;
      const from = Math.min(total, state + Math.ceil((total - state) * (1 - share)));
      if (Atomics.compareExchange(this.#cell, 0, state, -(from + 1)) === state) return from;
    }
  }
}
