/**
 * What holds the main thread while a reload looks at and loads the knowledge folder (the
 * survey, the load with the previous load's stamps, keeping the last good, the changes):
 * the longest gaps between two ticks of a 1 ms timer, by the main thread's CPU
 * (`bench/thread-cpu.ts`), and the marks (`performance.mark`) each gap spans. Needs no
 * archive, only its folder: at 400k passages (17k files) these steps ran between the
 * update's own slices.
 *
 *   npx tsx bench/reload-load-stalls.ts DIR/knowledge
 */

import { articleChanges } from '../src/knowledge/diff';
import { loadKnowledge, surveyKnowledge } from '../src/knowledge/load';
import { retainLastGood } from '../src/knowledge/retain';
import { threadCpuMs } from './thread-cpu';

const dir = process.argv[2];
if (!dir) throw new Error('usage: reload-load-stalls.ts KNOWLEDGE_DIR');
const first = await loadKnowledge(dir);
console.log(`${first.articles.length} articles`);

const gaps: [cpu: number, from: string, to: string][] = [];
let mark = 'start';
const marked = (name: string) => {
  mark = name;
};
let lastMark = mark;
let last = threadCpuMs();
const ticker = setInterval(() => {
  const now = threadCpuMs();
  if (now - last > 5) gaps.push([now - last, lastMark, mark]);
  last = now;
  lastMark = mark;
}, 1);
for (let round = 0; round < 3; round++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
  marked('survey');
  const survey = surveyKnowledge(dir);
  const load = await loadKnowledge(dir, {}, first, undefined, survey);
  marked('retain');
  await new Promise((resolve) => setImmediate(resolve));
  const { result } = retainLastGood(first, load);
  marked('changes');
  await new Promise((resolve) => setImmediate(resolve));
  articleChanges(first.articles, result.articles);
  marked('done');
  await new Promise((resolve) => setTimeout(resolve, 20));
}
clearInterval(ticker);
for (const [cpu, from, to] of gaps.sort((a, b) => b[0] - a[0]).slice(0, 12))
  console.log(`${cpu.toFixed(1)} ms CPU, from ${from} to ${to}`);
