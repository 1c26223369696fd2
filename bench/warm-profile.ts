/**
 * Profiling aid for the warm start: `npx tsx bench/warm-profile.ts build 50k DIR` writes the
 * corpus under DIR and builds (writing the snapshot); `... warm DIR` restarts over it once,
 * printing the time, the longest event-loop stall and the peak RSS. Run the second under
 * `node --cpu-prof` to see where a warm start goes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { KnowledgeStore } from '../src/archive/store';
import { STAMP_SETTLE_MS } from '../src/knowledge/load';
import { createLogger } from '../src/logger';
import { readNorec, takePassages } from './corpus';

const [mode, a, b] = process.argv.slice(2);
const logger = createLogger('warn');
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
if (mode === 'build' && a && b) {
  const size = Number.parseFloat(a) * (a.endsWith('k') ? 1000 : 1);
  const articles = takePassages(await readNorec(size), size);
  for (const article of articles) {
    const file = join(b, 'knowledge', `${article.id}.md`);
    await mkdir(dirname(file), { recursive: true });
    const body = article.passages.map((p) => `${p.text}\n`).join('\n');
    await writeFile(
      file,
      `---\ntitle: ${JSON.stringify(article.title.trim() || article.id)}\ndate: ${article.published.start}\nlanguage: nb\n---\n${body}`,
    );
  }
}
// Files written this shortly before a load get no stamp (see bench/archive.ts): wait it out.
if (mode === 'build') await new Promise((resolve) => setTimeout(resolve, STAMP_SETTLE_MS + 100));
const dir = mode === 'build' ? b : a;
if (!dir) throw new Error('usage: build SIZE DIR | warm DIR');
const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const store = new KnowledgeStore(join(dir, 'knowledge'), join(dir, 'cache'), logger);
const outcome = await store.reload();
await store.settled();
const ms = performance.now() - t0;
histogram.disable();
clearInterval(sampler);
console.log(
  JSON.stringify({
    mode,
    seconds: ms / 1000,
    // CPU of every thread (main, worker, GC): a figure that depends less on the load.
    cpuSeconds: (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6,
    stallMs: histogram.max / 1e6,
    peakRssMB: Math.round(peak / 2 ** 20),
    fromSnapshot: outcome.archive.fromSnapshot,
    passages: outcome.archive.passageById.size,
  }),
);
