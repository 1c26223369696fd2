import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { threadCpuMs } from './thread-cpu';

/**
 * Latency percentiles of a call over a set of inputs, in CPU and wall milliseconds. Each
 * input is timed REPEAT times and its fastest time kept: on this machine, shared with
 * other work, the same query's CPU time varies tenfold between runs (cache and scheduler
 * noise), and the fastest is the call's own cost. The percentiles are across inputs.
 */
export let REPEAT = 3;

/** Fewer repeats make a large run affordable when a call takes hundreds of ms. */
export function setRepeat(n: number): void {
  REPEAT = Math.max(1, Math.floor(n));
}

export interface Latency {
  /** CPU time per call of the thread that made it (bench/thread-cpu.ts says why not the process's). */
  p50: number;
  p95: number;
  p99: number;
  /** Wall time per call (fastest of the repeats), which other work on the machine inflates. */
  wallP99: number;
  max: number;
  count: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function summarise(cpu: number[], wall: number[]): Latency {
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  return {
    p50: percentile(cpu, 0.5),
    p95: percentile(cpu, 0.95),
    p99: percentile(cpu, 0.99),
    wallP99: percentile(wall, 0.99),
    max: cpu[cpu.length - 1] ?? 0,
    count: cpu.length,
  };
}

/** The fastest CPU and wall time of each input's REPEAT timed calls. */
class BestTimes {
  readonly #cpu: number[] = [];
  readonly #wall: number[] = [];
  #bestCpu = Number.POSITIVE_INFINITY;
  #bestWall = Number.POSITIVE_INFINITY;
  #cpuAt = 0;
  #wallAt = 0;

  start(): void {
    this.#wallAt = performance.now();
    this.#cpuAt = threadCpuMs();
  }

  stop(): void {
    this.#bestCpu = Math.min(this.#bestCpu, threadCpuMs() - this.#cpuAt);
    this.#bestWall = Math.min(this.#bestWall, performance.now() - this.#wallAt);
  }

  /** Closes one input: its best times join the samples. */
  next(): void {
    this.#cpu.push(this.#bestCpu);
    this.#wall.push(this.#bestWall);
    this.#bestCpu = Number.POSITIVE_INFINITY;
    this.#bestWall = Number.POSITIVE_INFINITY;
  }

  summary(): Latency {
    return summarise(this.#cpu, this.#wall);
  }
}

let collector: (() => void) | undefined;

/**
 * A full garbage collection, now (V8's `gc`, exposed at run time): after a build, so that
 * the garbage it left is not collected while queries are timed. Not before every set: at
 * 400k a forced collection there made V8 mark again sooner, and `process.cpuUsage` billed
 * the marking threads' CPU to the queries beside them (frequent-word p99 25-36 ms against
 * 5.6 without), before the bench timed the calling thread alone.
 */
export function settleHeap(): void {
  if (!collector) {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    collector = typeof gc === 'function' ? (gc as () => void) : () => {};
  }
  collector();
}

export function latencyOf<T>(inputs: readonly T[], call: (input: T) => unknown): Latency {
  const times = new BestTimes();
  for (const input of inputs) {
    for (let r = 0; r < REPEAT; r++) {
      times.start();
      call(input);
      times.stop();
    }
    times.next();
  }
  return times.summary();
}

/** The same for calls that may answer asynchronously (answers behind a backend). */
export async function latencyOfAsync<T>(
  inputs: readonly T[],
  call: (input: T) => unknown,
): Promise<Latency> {
  const times = new BestTimes();
  for (const input of inputs) {
    for (let r = 0; r < REPEAT; r++) {
      times.start();
      await call(input);
      times.stop();
    }
    times.next();
  }
  return times.summary();
}
