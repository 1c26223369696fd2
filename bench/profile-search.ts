/**
 * Kilde's search alone at one size, for profiling and for explaining a slow query:
 *
 *   node --import tsx bench/profile-search.ts 400k [--profile /tmp/prof]
 *
 * Builds the index, warms its impact lists, runs the bench's query sets, and prints per
 * set the percentiles, the mean cost (passages scored exactly, postings read in impact
 * order: counts that do not depend on the machine's load) and the slowest queries with
 * theirs. `--profile DIR` writes a CPU profile of the queries alone (not of the build).
 * `--restored` searches the index written to the snapshot's bytes and read back, as a
 * serving bot's is (its documents in columns, its postings packed: archive/index-bytes.ts).
 * `--ab` times both, the built index (MiniSearch's Maps) and the restored one (packed), each
 * query on one then the other in turn, so that the machine's load falls on both alike.
 * `--dir DIR` searches the archive warm started from DIR (knowledge/ and cache/, as
 * profile-reload.ts --keep DIR left it) instead of building one: seconds instead of minutes
 * at 400k, and the index a serving bot holds (the query sets still come from the corpus).
 */

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { ByteWriter } from '../src/archive/bytes';
import { readIndex, writeIndex } from '../src/archive/index-bytes';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { PassageIndex } from '../src/search';
import { passageCount, readNorec, takePassages } from './corpus';
import { type SearchQuerySets, searchQueries } from './queries';
import { threadCpuMs } from './thread-cpu';
import { percentile, REPEAT } from './timing';

const argv = process.argv.slice(2);
const profileAt = argv.indexOf('--profile');
const profileDir = profileAt >= 0 ? argv[profileAt + 1] : undefined;
const dirAt = argv.indexOf('--dir');
const archiveDir = dirAt >= 0 ? argv[dirAt + 1] : undefined;
const valueAt = new Set([profileAt, dirAt].filter((at) => at >= 0).map((at) => at + 1));
const arg = argv.find((a, i) => !a.startsWith('--') && !valueAt.has(i)) ?? '50k';
const size = Math.round(Number(arg.replace(/k$/i, '')) * (/k$/i.test(arg) ? 1000 : 1));
const articles = takePassages(await readNorec(size), size);
const t0 = performance.now();
const built0 = archiveDir
  ? await warmStarted(archiveDir)
  : PassageIndex.build({ articles, aliases: [] });
const restore = async () => {
  const out = new ByteWriter(1 << 20, 8 << 20);
  await writeIndex(built0, out);
  return readIndex(Buffer.concat(out.pieces()), { articles, aliases: [] });
};
const ab = argv.includes('--ab');
const index = argv.includes('--restored') || ab ? await restore() : built0;
const built = performance.now();
const lists = await index.warm();
console.log(
  `${passageCount(articles)} passages: build ${((built - t0) / 1000).toFixed(1)} s, ` +
    `warm ${((performance.now() - built) / 1000).toFixed(1)} s (${lists} impact lists)`,
);
const cacheLine = () => {
  const { lists, listBytes, lengthBytes } = index.searchCache;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  return `typed arrays beside MiniSearch: ${lists} lists ${mb(listBytes)} MB, lengths ${mb(lengthBytes)} MB`;
};
console.log(cacheLine());
const sets = searchQueries(articles, 100);
if (ab) {
  await built0.warm();
  abTimes(sets);
  process.exit(0);
}
const session = profileDir ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (const [name, queries] of Object.entries(sets)) {
  const rows: { query: string; ms: number; scored: number; read: number }[] = [];
  for (const query of queries) {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < REPEAT; r++) {
      const c = threadCpuMs();
      index.search(query, { limit: 25 });
      best = Math.min(best, threadCpuMs() - c);
    }
    rows.push({ query, ms: best, ...index.lastCost });
  }
  rows.sort((a, b) => a.ms - b.ms);
  const times = rows.map((r) => r.ms);
  const at = (p: number) => percentile(times, p);
  const mean = (f: (r: (typeof rows)[number]) => number) =>
    Math.round(rows.reduce((s, r) => s + f(r), 0) / Math.max(1, rows.length));
  console.log(
    `${name}: p50 ${at(0.5).toFixed(2)}  p95 ${at(0.95).toFixed(2)}  p99 ${at(0.99).toFixed(2)} ms` +
      `  (mean scored ${mean((r) => r.scored)}, read ${mean((r) => r.read)})`,
  );
  for (const r of rows.slice(-3))
    console.log(`  ${r.ms.toFixed(2)} ms  scored ${r.scored}  read ${r.read}  «${r.query}»`);
}
console.log(`after the queries, ${cacheLine()}`);
if (session && profileDir) {
  const { profile } = await session.post('Profiler.stop');
  const file = path.join(profileDir, `search-${arg}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`profile of the queries: ${file}`);
}

/** Each query's fastest CPU time on the built index and on the restored one, in turns. */
function abTimes(sets: SearchQuerySets): void {
  const sides = { built: built0, restored: index };
  for (const [name, queries] of Object.entries(sets)) {
    const times = { built: [] as number[], restored: [] as number[] };
    for (const query of queries) {
      const best = { built: Number.POSITIVE_INFINITY, restored: Number.POSITIVE_INFINITY };
      for (let r = 0; r < REPEAT + 2; r++)
        for (const side of ['built', 'restored'] as const) {
          const c = threadCpuMs();
          sides[side].search(query, { limit: 25 });
          best[side] = Math.min(best[side], threadCpuMs() - c);
        }
      times.built.push(best.built);
      times.restored.push(best.restored);
    }
    const line = (side: 'built' | 'restored') => {
      const sorted = times[side].sort((a, b) => a - b);
      const at = (p: number) => percentile(sorted, p);
      return `${side} p50 ${at(0.5).toFixed(2)} p95 ${at(0.95).toFixed(2)} p99 ${at(0.99).toFixed(2)}`;
    };
    console.log(`${name}: ${line('built')} | ${line('restored')} ms`);
  }
}

/** The index of the archive warm started from `dir` (its snapshot read, not rebuilt). */
async function warmStarted(dir: string): Promise<PassageIndex> {
  const store = new KnowledgeStore(
    path.join(dir, 'knowledge'),
    path.join(dir, 'cache'),
    createLogger('warn'),
  );
  await store.reload();
  const index = store.current?.index;
  if (!index) throw new Error(`no archive in ${dir}`);
  return index;
}
