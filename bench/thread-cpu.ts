import { WASI } from 'node:wasi';

/**
 * CPU time of the calling thread alone, in milliseconds, to the microsecond.
 *
 * Why not `process.cpuUsage`: it counts every thread of the process, and V8 marks and
 * sweeps a large heap on helper threads concurrently with JavaScript. At 400k passages a
 * query that ran while a marking cycle was under way was billed for it (CPU p99 above wall
 * p99 in every set, and 15-36 ms for the same code from one run to the next). What a query
 * costs is what its own thread spends: the main thread's CPU, scavenges and the marking
 * steps it does itself included.
 *
 * Node 20 has no per-thread clock (`process.threadCpuUsage` came in Node 23), and
 * `/proc/self/task/<tid>/schedstat` is only brought up to date at scheduler ticks (4 ms
 * steps here). WASI's `clock_time_get` on the thread CPU clock is `clock_gettime(
 * CLOCK_THREAD_CPUTIME_ID)` inside Node, so a 200-byte WebAssembly module that calls it
 * and returns the nanoseconds is the clock; a call costs about 2 µs. Where WASI or that
 * clock is missing, the process clock is the fallback, and `threadCpuClock.exact` says so.
 */

/** (import "wasi_snapshot_preview1" "clock_time_get") and `now() -> i64` reading clock 3. */
const name = (text: string): number[] => [text.length, ...Buffer.from(text, 'latin1')];
const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // magic, version 1
  // types: (i32 clock, i64 precision, i32 out) -> i32 errno; () -> i64
  ...[0x01, 0x0c, 0x02, 0x60, 0x03, 0x7f, 0x7e, 0x7f, 0x01, 0x7f, 0x60, 0x00, 0x01, 0x7e],
  ...[0x02, 0x29, 0x01, ...name('wasi_snapshot_preview1'), ...name('clock_time_get'), 0x00, 0x00],
  ...[0x03, 0x02, 0x01, 0x01], // one function, of type 1
  ...[0x05, 0x03, 0x01, 0x00, 0x01], // one page of memory (WASI writes the time into it)
  ...[0x07, 0x10, 0x02, ...name('memory'), 0x02, 0x00, ...name('now'), 0x00, 0x01],
  // now: clock_time_get(3 = thread CPU, precision 1, at 0); drop errno; i64.load at 0
  ...[0x0a, 0x12, 0x01, 0x10, 0x00, 0x41, 0x03, 0x42, 0x01, 0x41, 0x00, 0x10, 0x00, 0x1a],
  ...[0x41, 0x00, 0x29, 0x03, 0x00, 0x0b],
]);

const processCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The little of WebAssembly used here (the project's TypeScript libs do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

function wasiThreadClock(): (() => number) | undefined {
  try {
    const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
    const wasi = new WASI({ version: 'preview1' });
    const instance = new wasm.Instance(new wasm.Module(MODULE), wasi.getImportObject());
    wasi.initialize(instance);
    const now = instance.exports.now as () => bigint;
    const read = (): number => Number(now()) / 1e6;
    // A clock that does not move (errno ignored above) is no clock.
    const start = read();
    let spin = 0;
    while (read() === start && spin < 1e6) spin++;
    return read() > start ? read : undefined;
  } catch {
    return undefined;
  }
}

const wasiClock = wasiThreadClock();

export const threadCpuClock: { readonly exact: boolean; readonly now: () => number } = {
  exact: wasiClock !== undefined,
  now: wasiClock ?? processCpuMs,
};

/** This thread's CPU milliseconds so far (the process's where no thread clock exists). */
export const threadCpuMs = (): number => threadCpuClock.now();
