/**
 * What the bench's profilers share: V8's CPU profile as `Session.post('Profiler.stop')`
 * returns it, the frames behind each stall of the event loop, and an article written as
 * the Markdown file a moderator would add.
 */
import { Session } from 'node:inspector/promises';
import type { Article } from '../src/knowledge/types';
import { threadCpuMs } from './thread-cpu';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** An article as the Markdown file a moderator adds (front matter, then its passages). */
export function articleMarkdown(article: Article): string {
  return [
    '---',
    `title: ${JSON.stringify(article.title.trim() || article.id)}`,
    `date: ${article.published.start}`,
    'language: nb',
    '---',
    ...article.passages.map((p) => `${p.text}\n`),
  ].join('\n');
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
  count = 10,
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
    .slice(0, count)
    .map(([from, to, cpu]) => {
      const frames = new Map<string, number>();
      /** Time in each frame itself (not in what it called): the work, where the above is the way to it. */
      const own = new Map<string, number>();
      profile.samples.forEach((id, i) => {
        const t = times[i] ?? 0;
        if (t < from || t > to) return;
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
        const sampled = byId.get(id);
        if (sampled) own.set(name(sampled), (own.get(name(sampled)) ?? 0) + dt);
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
      const self = [...own]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([key, ms]) => `    ${ms.toFixed(0).padStart(5)} ms self ${key}`);
      top.push(...self);
      // When, from the profile's start: which phase held it.
      const when = `at ${(from - profileStart).toFixed(0)} ms`;
      return `stall ${(to - from).toFixed(0)} ms (${cpu.toFixed(0)} ms main-thread CPU) ${when}:\n${top.join('\n')}`;
    });
}

/**
 * Starts a CPU profile (sampled every 0.5 ms) and a 1 ms ticker; `stop` ends both and gives
 * the frames behind each stall of at least `minMs` of CPU.
 */
export async function profileStalls(): Promise<{
  stop(minMs?: number, count?: number): Promise<string[]>;
}> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const profileStart = performance.now();
  // Gaps between ticks, with the main thread's CPU time spent in them: on a shared
  // machine a gap can be the scheduler's, and only CPU time says the event loop was held.
  // The main thread's own CPU (bench/thread-cpu.ts): the process's includes V8's helper threads.
  const gaps: [number, number, number][] = [];
  let last = performance.now();
  let lastCpu = threadCpuMs();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    if (now - last > 5) gaps.push([last, now, cpu - lastCpu]);
    last = now;
    lastCpu = cpu;
  }, 1);
  return {
    async stop(minMs, count) {
      clearInterval(ticker);
      const { profile } = (await session.post('Profiler.stop')) as unknown as {
        profile: Profile;
      };
      session.disconnect();
      return stalls(profile, profileStart, gaps, minMs, count);
    },
  };
}
