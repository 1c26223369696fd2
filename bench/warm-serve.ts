/**
 * A warm start until the archive serves, and nothing after it: `npx tsx bench/warm-serve.ts
 * DIR` (a folder `bench/warm-profile.ts build` wrote) prints the wall and CPU time until
 * `reload()` resolves, then exits at once, so that `node --cpu-prof --import tsx` profiles
 * only what stands between a restart and its first answer (not the background work after).
 */
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';

const dir = process.argv[2];
if (!dir) throw new Error('usage: warm-serve DIR');
const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const store = new KnowledgeStore(join(dir, 'knowledge'), join(dir, 'cache'), createLogger('warn'));
const outcome = await store.reload();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
histogram.disable();
console.log(
  JSON.stringify({
    seconds: ms / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    stallMs: histogram.max / 1e6,
    fromSnapshot: outcome.archive.fromSnapshot,
    passages: outcome.archive.passageById.size,
  }),
);
process.exit(0);
