/**
 * The longest stalls of a warm start and of the live merge's preparation behind it, by CPU
 * time, with the frames that held them (`npx tsx bench/warm-stalls.ts DIR [MIN_MS]`, over a
 * folder `bench/warm-profile.ts build` wrote and a warm start has stamped): those of at least
 * MIN_MS (30) of main-thread CPU, each with its time from the start (the warm start's own
 * end at the time printed first). `--rekey`: DIR's snapshot taken as this code's when only
 * its key differs (bench/rekey.ts).
 */
import { join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { prepareUpdates } from '../src/archive/update';
import { createLogger } from '../src/logger';
import { profileStalls } from './cpu-profile';
import { rekey } from './rekey';

const dir = process.argv[2];
if (!dir) throw new Error('usage: warm-stalls DIR [MIN_MS]');
const minMs = Number(process.argv.slice(3).find((arg) => !arg.startsWith('--')) ?? 30);
if (process.argv.includes('--rekey')) await rekey(join(dir, 'cache', 'analysis-snapshot.bin'));
const profiling = await profileStalls();
const store = new KnowledgeStore(join(dir, 'knowledge'), join(dir, 'cache'), createLogger('warn'));
let t = performance.now();
const outcome = await store.reload();
console.log(
  `warm start ${(performance.now() - t).toFixed(0)} ms, from snapshot ${outcome.archive.fromSnapshot}`,
);
t = performance.now();
await prepareUpdates(outcome.archive);
console.log(`live merge ready ${(performance.now() - t).toFixed(0)} ms later`);
for (const line of await profiling.stop(minMs, 20)) console.log(line);
