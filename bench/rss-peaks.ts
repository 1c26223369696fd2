/**
 * The process's peak resident set size, sampled every 20 ms, over the whole run and per
 * phase (a reload's peak is what must fit beside the serving archive), and the kernel's own
 * high-water mark (`maxRSS`), which a 20 ms sample can miss a short spike of.
 */
const MB = 2 ** 20;

export class RssPeaks {
  #peak = process.memoryUsage().rss;
  #phase = this.#peak;
  readonly #sampler = setInterval(() => this.#sample(), 20);

  #sample(): number {
    const rss = process.memoryUsage().rss;
    this.#peak = Math.max(this.#peak, rss);
    this.#phase = Math.max(this.#phase, rss);
    return rss;
  }

  /** The peak since the last call, in MB; the next phase starts now. */
  endPhase(): number {
    const now = this.#sample();
    const peak = this.#phase;
    this.#phase = now;
    return peak / MB;
  }

  /** The peak since this sampler started, in MB. */
  get peakMB(): number {
    this.#sample();
    return this.#peak / MB;
  }

  /** The kernel's peak RSS of this process over its whole life, in MB. */
  static maxRssMB(): number {
    return (process.resourceUsage().maxRSS * 1024) / MB;
  }

  stop(): void {
    clearInterval(this.#sampler);
  }
}
