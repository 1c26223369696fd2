/**
 * Which answer holds the event loop longest: `npx tsx bench/serving-stalls.ts DIR` restores
 * the archive under DIR (knowledge/ and cache/ as bench/profile-build.ts leaves them),
 * asks every kind of answer the bench's serving-stall scenario asks (bench/pipeline.ts),
 * each call alone, and lists the slowest calls by CPU time with their kind and query.
 */
import { join } from 'node:path';
import { search } from '../src/answers/search';
import { whatHappened } from '../src/answers/what-happened';
import { who } from '../src/answers/who';
import { KnowledgeStore } from '../src/archive/store';
import { ArchiveView } from '../src/backend/memory';
import { createLogger } from '../src/logger';
import { answerQueries, searchQueries } from './queries';
import { threadCpuMs } from './thread-cpu';

const dir = process.argv[2];
if (!dir) throw new Error('usage: serving-stalls.ts DIR [answers per kind]');
const perSet = Number(process.argv[3] ?? 50);
const store = new KnowledgeStore(join(dir, 'knowledge'), join(dir, 'cache'), createLogger('warn'));
const { archive } = await store.reload();
await store.settled();
const view = new ArchiveView(archive);
const sets = answerQueries(
  archive.entities.all().map((e) => e.name),
  perSet,
);
const words = searchQueries([...archive.articles], perSet);
const searches = [...words.questions, ...words.frequent].filter((_, i) => i % 2 === 0);
const asks: [string, string, () => Promise<unknown>][] = [
  ...searches.map((q): [string, string, () => Promise<unknown>] => [
    'search',
    q,
    () => search(view, q),
  ]),
  ...sets.who.map((q): [string, string, () => Promise<unknown>] => ['who', q, () => who(view, q)]),
  ...sets.days.map((q): [string, string, () => Promise<unknown>] => [
    'what-happened',
    q,
    () => whatHappened(view, q),
  ]),
  ...sets.namePrefixes.map((q): [string, string, () => Promise<unknown>] => [
    'names',
    q,
    () => view.suggestEntities(q, 25),
  ]),
  ...sets.dayPrefixes.map((q): [string, string, () => Promise<unknown>] => [
    'days',
    q,
    () => view.suggestDays(q, 25),
  ]),
];
// Once each first (first-use caches), then each timed: its fastest of two, in CPU ms.
for (const [, , ask] of asks) await ask();
const timed: { kind: string; query: string; ms: number }[] = [];
for (const [kind, query, ask] of asks) {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 2; r++) {
    const cpu = threadCpuMs();
    await ask();
    best = Math.min(best, threadCpuMs() - cpu);
  }
  timed.push({ kind, query, ms: best });
}
timed.sort((a, b) => b.ms - a.ms);
for (const t of timed.slice(0, 15))
  console.log(`${t.ms.toFixed(1).padStart(7)} ms  ${t.kind.padEnd(14)} ${t.query}`);
