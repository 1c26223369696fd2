/**
 * Where an incremental reload's main-thread time goes: the bench's add and remove of one
 * article (`bench/archive.ts`), under a CPU profile, printing the longest stretches the
 * event loop was held and the functions that held it (`npx tsx bench/profile-reload.ts 10k`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import type { Article } from '../src/knowledge/types';
import { createLogger } from '../src/logger';
import { readNorec, takePassages } from './corpus';

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

function markdown(article: Article): string {
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

const arg = process.argv[2] ?? '10k';
const size = Number.parseFloat(arg) * (arg.endsWith('k') ? 1000 : 1);
const articles = takePassages(await readNorec(size), size);
const root = await mkdtemp(join(tmpdir(), 'kilde-profile-reload-'));
const dir = join(root, 'knowledge');
const cache = join(root, 'cache');
const logger = createLogger('warn');
try {
  const [extra, ...rest] = articles;
  if (!extra) throw new Error('no articles');
  for (const article of rest) {
    const file = join(dir, `${article.id}.md`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, markdown(article));
  }
  const builder = new KnowledgeStore(dir, cache, logger);
  await builder.reload();
  await builder.settled();
  const store = new KnowledgeStore(dir, cache, logger);
  await store.reload();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const profileStart = performance.now();
  // Gaps between ticks, with the process CPU time spent in them: on a shared machine a
  // gap can be the scheduler's, and only CPU time says the event loop was held.
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
  const extraFile = join(dir, `${extra.id}.md`);
  let t = performance.now();
  await mkdir(dirname(extraFile), { recursive: true });
  await writeFile(extraFile, markdown(extra));
  await store.reload();
  console.log(`add answerable ${(performance.now() - t).toFixed(0)} ms`);
  await store.settled();
  t = performance.now();
  await rm(extraFile);
  await store.reload();
  console.log(`remove answerable ${(performance.now() - t).toFixed(0)} ms`);
  await store.settled();
  clearInterval(ticker);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  for (const line of stalls(profile, profileStart, gaps)) console.log(line);
  session.disconnect();
} finally {
  await rm(root, { recursive: true, force: true });
}
