/**
 * Where a full build from files goes, main thread and analysis worker:
 *
 *   node --cpu-prof --cpu-prof-dir=DIR/prof --import tsx bench/profile-build.ts 50k DIR
 *   npx tsx bench/profile-build.ts report DIR
 *
 * The first writes the corpus under DIR (once), builds it from files with no snapshot (as
 * a moderator's reload does: read, analyse on the worker, assemble, snapshot write), and
 * lists the event-loop stalls over 20 ms with the time of each; `--cpu-prof` writes one
 * profile per thread. The second reads those profiles: each thread's time by function
 * (self and total), and the frames that held the main thread during each stall.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { readNorec, takePassages } from './corpus';
import { articleMarkdown as markdown, type Profile, type ProfileNode } from './cpu-profile';
import { threadCpuClock } from './thread-cpu';

/** Microseconds on the clock V8's profiles use (monotonic, as process.hrtime). */
const micros = (): number => Number(process.hrtime.bigint() / 1000n);

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * Each thread's CPU so far, from /proc (Node 20 has no per-thread CPU clock): what a thread
 * did does not depend on how busy the machine is, unlike its wall time.
 */
function threadCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (in brackets): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(tid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return cpu;
}

async function build(sizeArg: string, root: string): Promise<void> {
  const dir = join(root, 'knowledge');
  if (!existsSync(dir)) {
    const size = Number.parseFloat(sizeArg) * (sizeArg.endsWith('k') ? 1000 : 1);
    for (const article of takePassages(await readNorec(size), size)) {
      const file = join(dir, `${article.id}.md`);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, markdown(article));
    }
  }
  const cache = join(root, 'cache');
  await rm(cache, { recursive: true, force: true });
  // Each gap's main-thread CPU too: on a loaded machine a wall gap is mostly waiting for a
  // core, and the CPU is what this thread held the event loop for.
  const gaps: { from: number; to: number; cpuMs: number }[] = [];
  let last = micros();
  let lastCpu = threadCpuClock.now();
  const ticker = setInterval(() => {
    const now = micros();
    const cpu = threadCpuClock.now();
    if (now - last > 20_000) gaps.push({ from: last, to: now, cpuMs: cpu - lastCpu });
    last = now;
    lastCpu = cpu;
  }, 1);
  const marks: [string, number][] = [];
  const t0 = micros();
  // Per thread: CPU seconds, and when (s after t0) it last grew: when the thread finished.
  const threads = new Map<string, { cpu: number; busyUntil: number }>();
  const before = threadCpu();
  const sampleThreads = () => {
    for (const [tid, total] of threadCpu()) {
      const cpu = total - (before.get(tid) ?? 0);
      const known = threads.get(tid);
      if (known && known.cpu === cpu) continue;
      threads.set(tid, { cpu, busyUntil: (micros() - t0) / 1e6 });
    }
  };
  // RSS over time (s after t0, MB): where the peak falls among the phases.
  const rss: [number, number][] = [];
  let peakRss = 0;
  const sampleRss = () => {
    const mb = process.memoryUsage.rss() / 2 ** 20;
    peakRss = Math.max(peakRss, mb);
    const at = (micros() - t0) / 1e6;
    const last = rss[rss.length - 1];
    if (!last || at - last[0] >= 1 || Math.abs(mb - last[1]) >= 64) rss.push([at, Math.round(mb)]);
  };
  const threadSampler = setInterval(() => {
    sampleThreads();
    sampleRss();
  }, 100);
  const store = new KnowledgeStore(dir, cache, createLogger('warn'), {});
  const outcome = await store.reload();
  marks.push(['answerable', micros()]);
  await store.settled();
  marks.push(['snapshot written', micros()]);
  clearInterval(ticker);
  clearInterval(threadSampler);
  sampleThreads();
  const cpu = process.cpuUsage();
  const summary = {
    passages: outcome.archive.passageById.size,
    seconds: (micros() - t0) / 1e6,
    marks: marks.map(([name, at]) => [name, (at - t0) / 1e6]),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    longestStallMs: Math.max(0, ...gaps.map((g) => (g.to - g.from) / 1000)),
    // The same stalls by this thread's CPU (not inflated by load), the longest few.
    longestStallsCpuMs: gaps
      .map((g) => Math.round(g.cpuMs))
      .sort((a, b) => b - a)
      .slice(0, 5),
    peakRssMB: Math.round(peakRss),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    // The threads that worked over a second (the main thread first): CPU s, busy until s.
    threads: [...threads]
      .filter(([, t]) => t.cpu >= 1)
      .map(([tid, t]) => [Number(tid) === process.pid ? 'main' : tid, t.cpu, t.busyUntil]),
  };
  console.log(JSON.stringify(summary));
  await writeFile(join(root, 'gaps.json'), JSON.stringify({ t0, gaps }));
  await writeFile(join(root, 'rss.json'), JSON.stringify(rss));
}

function frameName(n: ProfileNode): string {
  return `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
}

/** Self and total milliseconds per frame name, for samples whose time is in [from, to]. */
function tally(profile: Profile, from = -Infinity, to = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (leaf) self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const frame = byId.get(node);
      if (!frame) break;
      const key = frameName(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  return { self, total };
}

const NOISE =
  /^\(root\)|^\(program\)|^\(idle\)|processTicksAndRejections|runMicrotasks|processImmediate|listOnTimeout|processTimers/;

function top(map: Map<string, number>, n: number): string[] {
  return [...map]
    .filter(([key]) => !NOISE.test(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `  ${ms.toFixed(0).padStart(7)} ms ${key}`);
}

/**
 * The phases of a build, by the functions that make them (any thread): where each ran, its
 * first and last sample (s after the build began), and its total (ms, the profile's clock).
 */
const PHASES = [
  'loadKnowledge',
  'take',
  'count',
  'firstPass',
  'articleDates',
  'extractNames',
  'learnPersons',
  'buildEntities',
  'mentionMaps',
  'encodeAnalysisText',
  'parts',
  'addField',
  'fromDocuments',
  'write',
  'encodeIndex',
  'encodeLoad',
  'decodeAnalysisText',
  'decodeIndex',
  'assemble',
  'writeSnapshot',
  'prepareUpdates',
  'restore',
  'warm',
  '(garbage collector)',
];

function phases(profile: Profile, t0: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const found = new Map<string, { ms: number; first: number; last: number }>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = byId.get(node)?.callFrame.functionName ?? '';
      if (!PHASES.includes(name) || seen.has(name)) continue;
      seen.add(name);
      const s = (at - t0) / 1e6;
      const known = found.get(name) ?? { ms: 0, first: s, last: s };
      known.ms += dt;
      known.last = s;
      found.set(name, known);
    }
  });
  return PHASES.filter((name) => found.has(name)).map((name) => {
    const p = found.get(name) ?? { ms: 0, first: 0, last: 0 };
    return `  ${name.padEnd(20)} ${p.ms.toFixed(0).padStart(7)} ms  ${p.first.toFixed(1).padStart(6)} -> ${p.last.toFixed(1)} s`;
  });
}

async function report(root: string): Promise<void> {
  const profDir = join(root, 'prof');
  const files = (await readdir(profDir)).filter((f) => f.endsWith('.cpuprofile')).sort();
  const { gaps, t0 } = JSON.parse(await readFile(join(root, 'gaps.json'), 'utf8')) as {
    gaps: { from: number; to: number; cpuMs?: number }[];
    t0: number;
  };
  for (const file of files) {
    const profile = JSON.parse(await readFile(join(profDir, file), 'utf8')) as Profile;
    const { self, total } = tally(profile);
    const ms = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
    console.log(`\n== ${file}: ${(ms / 1000).toFixed(1)} s profiled`);
    console.log('phases (ms, first -> last sample):');
    for (const line of phases(profile, t0)) console.log(line);
    console.log('self:');
    for (const line of top(self, 25)) console.log(line);
    console.log('total:');
    for (const line of top(total, 45)) console.log(line);
    // Stalls are the main thread's: its profile is the one whose span holds them all.
    const main = gaps.every((g) => g.from >= profile.startTime);
    if (!main || gaps.length === 0) continue;
    // Longest by CPU where known (a loaded machine stretches every wall gap).
    const length = (g: (typeof gaps)[number]) => g.cpuMs ?? (g.to - g.from) / 1000;
    const longest = [...gaps].sort((a, b) => length(b) - length(a)).slice(0, 12);
    for (const gap of longest) {
      const { total: held } = tally(profile, gap.from, gap.to);
      const cpu = gap.cpuMs === undefined ? '' : ` (${gap.cpuMs.toFixed(0)} ms CPU)`;
      console.log(
        `stall ${((gap.to - gap.from) / 1000).toFixed(0)} ms${cpu} at ${((gap.from - profile.startTime) / 1e6).toFixed(1)} s:`,
      );
      for (const line of top(held, 8)) console.log(`  ${line}`);
    }
  }
}

const [mode, a] = process.argv.slice(2);
if (mode === 'report' && a) await report(a);
else if (mode && a) await build(mode, a);
else console.log('usage: profile-build.ts SIZE DIR | report DIR');
