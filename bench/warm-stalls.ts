/**
 * The longest stalls of a warm start and of the live merge's preparation behind it, by CPU
 * time, with the frames that held them (`npx tsx bench/warm-stalls.ts DIR`, over a folder
 * `bench/warm-profile.ts build` wrote and a warm start has stamped).
 */
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { prepareUpdates } from '../src/archive/update';
import { createLogger } from '../src/logger';
import { type Profile, stalls } from './cpu-profile';

const dir = process.argv[2];
if (!dir) throw new Error('usage: warm-stalls DIR');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
const profileStart = performance.now();
const gaps: [number, number, number][] = [];
let last = performance.now();
let lastCpu = process.cpuUsage();
const ticker = setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  if (now - last > 5) gaps.push([last, now, (cpu.user + cpu.system) / 1000]);
  last = now;
  lastCpu = process.cpuUsage();
}, 1);
const store = new KnowledgeStore(join(dir, 'knowledge'), join(dir, 'cache'), createLogger('warn'));
let t = performance.now();
const outcome = await store.reload();
console.log(
  `warm start ${(performance.now() - t).toFixed(0)} ms, from snapshot ${outcome.archive.fromSnapshot}`,
);
t = performance.now();
await prepareUpdates(outcome.archive);
console.log(`live merge ready ${(performance.now() - t).toFixed(0)} ms later`);
clearInterval(ticker);
const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
for (const line of stalls(profile, profileStart, gaps, 30)) console.log(line);
session.disconnect();
