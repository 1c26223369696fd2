/**
 * A warm start until the archive serves, and nothing after it: `npx tsx bench/warm-serve.ts
 * DIR [CACHE]` (a folder `bench/warm-profile.ts build` wrote; its cache unless CACHE is
 * given, so that two versions of the code can take turns over the same files) prints the
 * wall time until `reload()` resolves, the main thread's CPU (`threadCpuMs`, what the load
 * on a shared machine changes least) and the process's, then exits at once, so that
 * `node --cpu-prof --import tsx` profiles only what stands between a restart and its first
 * answer (not the background work after).
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { threadCpuMs } from './thread-cpu';

const dir = process.argv[2];
if (!dir) throw new Error('usage: warm-serve DIR');
const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const thread0 = threadCpuMs();
const cache = process.argv[3] ?? join(dir, 'cache');
const store = new KnowledgeStore(join(dir, 'knowledge'), cache, createLogger('warn'));
const outcome = await store.reload();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
histogram.disable();
console.log(
  JSON.stringify({
    seconds: ms / 1000,
    mainThreadCpuSeconds: (threadCpuMs() - thread0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    stallMs: histogram.max / 1e6,
    fromSnapshot: outcome.archive.fromSnapshot,
    passages: outcome.archive.passageById.size,
  }),
);
process.exit(0);
