/**
 * Where the names worker's CPU goes, phase by phase, on one thread (no workers, no files):
 *
 *   npx tsx bench/names-phases.ts 50k
 *
 * Counting, learning (the archive-wide reading of every passage), extraction (what learning's
 * readings do not cover), the merge into entities and the names per passage: what
 * analyse-worker.ts's `names` role does, timed apart. CPU is the process's (GC helpers
 * included), so run it quietly; the wall time is printed beside it. With `node
 * --expose-gc --import tsx`, the heap after each phase is what is live then.
 */
import { performance } from 'node:perf_hooks';
import { articleDates, mentionMaps } from '../src/archive/build';
import {
  ArchiveLexicon,
  buildEntities,
  extractEntityMentions,
  LearnedReadings,
  type PassageMentions,
  passageReferences,
} from '../src/extract/entities';
import { readNorec, takePassages } from './corpus';

const sizeArg = process.argv[2] ?? '10k';
const size = Number.parseFloat(sizeArg) * (sizeArg.endsWith('k') ? 1000 : 1);
const articles = takePassages(await readNorec(size), size);
const texts = articles.flatMap((a) => a.passages.map((p) => p.text));

const rows: [string, number, number, number][] = [];
const gc = (globalThis as { gc?: () => void }).gc;
const liveMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
async function phase<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const c0 = cpuMs();
  const w0 = performance.now();
  const out = await run();
  rows.push([name, performance.now() - w0, cpuMs() - c0, liveMB()]);
  return out;
}

const lexicon = new ArchiveLexicon();
const readings = new LearnedReadings();
await phase('count', () => lexicon.count(texts));
await phase('learnPersons', () => lexicon.learnPersons(texts, readings));
let reread = 0;
const passageMentions: PassageMentions[] = [];
await phase('extract', () => {
  let index = 0;
  for (const article of articles) {
    for (const passage of article.passages) {
      let found = readings.take(index++, passage.language, lexicon);
      if (!found) {
        reread++;
        found = extractEntityMentions(passage.text, passage.language, lexicon);
      }
      const pointing = passageReferences({ ...passage, mentions: found });
      passageMentions.push({
        passageId: passage.id,
        articleId: article.id,
        text: passage.text,
        language: passage.language,
        mentions: found,
        references: pointing,
      });
    }
  }
});
const entities = await phase('buildEntities', () => buildEntities(passageMentions, []));
await phase('mentionMaps', () => mentionMaps(entities));
await phase('articleDates', () => {
  for (const article of articles) articleDates(article);
});
const heap = process.memoryUsage();
console.log(
  `${sizeArg}: ${texts.length} passages, ${reread} read again, ${entities.length} entities, heap ${Math.round(heap.heapUsed / 2 ** 20)} MB`,
);
for (const [name, wall, cpu, heap] of rows)
  console.log(
    `${name.padEnd(14)} ${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms cpu ${heap.toFixed(0).padStart(6)} MB heap after`,
  );
