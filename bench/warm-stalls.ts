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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The frames that ran during each stall (a gap between two ticks of a 1 ms timer longer
 * than `minMs`), heaviest first: what to slice next.
 */
function stalls(
  profile: Profile,
  profileStart: number,
  gaps: [number, number, number][],
  minMs = 20,
): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  // Sample times in performance.now() milliseconds.
  const times: number[] = [];
  let at = profileStart;
  for (const dt of profile.timeDeltas) {
    at += dt / 1000;
    times.push(at);
  }
  return gaps
    .filter(([, , cpu]) => cpu >= minMs)
    .sort((x, y) => y[2] - x[2])
    .slice(0, 10)
    .map(([from, to, cpu]) => {
      const frames = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const t = times[i] ?? 0;
        if (t < from || t > to) return;
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const seen = new Set<string>();
        for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
          const frame = byId.get(node);
          if (!frame) break;
          const key = name(frame);
          if (seen.has(key)) continue;
          seen.add(key);
          frames.set(key, (frames.get(key) ?? 0) + dt);
        }
      });
      const top = [...frames]
        .filter(
          ([key]) =>
            !/^\(root\)|^\(program\)|processTicksAndRejections|runMicrotasks|processImmediate|listOnTimeout|processTimers/.test(
              key,
            ),
        )
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([key, ms]) => `    ${ms.toFixed(0).padStart(5)} ms ${key}`);
      return `stall ${(to - from).toFixed(0)} ms (${cpu.toFixed(0)} ms CPU):\n${top.join('\n')}`;
    });
}

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
