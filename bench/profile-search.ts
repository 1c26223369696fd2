/**
 * Kilde's search alone at one size, for profiling and for explaining a slow query:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-search.ts 400k
 *
 * Builds the index, warms its impact lists, runs the bench's query sets, and prints per
 * set the percentiles and the slowest queries with what they cost (passages scored
 * exactly, postings read in impact order).
 */

import { PassageIndex } from '../src/search';
import { passageCount, readNorec, takePassages } from './corpus';
import { searchQueries } from './queries';
import { REPEAT } from './timing';

const arg = process.argv[2] ?? '50k';
const size = Math.round(Number(arg.replace(/k$/i, '')) * (/k$/i.test(arg) ? 1000 : 1));
const articles = takePassages(await readNorec(size), size);
const t0 = performance.now();
const index = PassageIndex.build({ articles, aliases: [] });
const built = performance.now();
const lists = await index.warm();
console.log(
  `${passageCount(articles)} passages: build ${((built - t0) / 1000).toFixed(1)} s, ` +
    `warm ${((performance.now() - built) / 1000).toFixed(1)} s (${lists} impact lists)`,
);
const sets = searchQueries(articles, 100);
for (const [name, queries] of Object.entries(sets)) {
  const rows: { query: string; ms: number; scored: number; read: number }[] = [];
  for (const query of queries) {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < REPEAT; r++) {
      const c = process.cpuUsage();
      index.search(query, { limit: 25 });
      const u = process.cpuUsage(c);
      best = Math.min(best, (u.user + u.system) / 1000);
    }
    rows.push({ query, ms: best, ...index.lastCost });
  }
  rows.sort((a, b) => a.ms - b.ms);
  const at = (p: number) =>
    rows[Math.min(rows.length - 1, Math.ceil(p * rows.length) - 1)]?.ms ?? 0;
  console.log(
    `${name}: p50 ${at(0.5).toFixed(2)}  p95 ${at(0.95).toFixed(2)}  p99 ${at(0.99).toFixed(2)} ms`,
  );
  for (const r of rows.slice(-3))
    console.log(`  ${r.ms.toFixed(2)} ms  scored ${r.scored}  read ${r.read}  «${r.query}»`);
}
