/**
 * What the names worker's `DIRC` section costs, the old way (a whole `EntityDirectory`
 * built only for its columns) against the columns worked out directly (`directoryColumns`),
 * on the entities of a built archive:
 *
 *   npx tsx bench/directory-columns.ts KNOWLEDGE_DIR CACHE_DIR [rounds]
 *
 * The archive is restored from CACHE_DIR's snapshot (or built, when there is none), its
 * entities copied into plain objects (as the worker's merge makes them), then each way is
 * run `rounds` times, alternating, on this thread's CPU clock (not wall time: the machine
 * is shared). The encoded sections of both ways are compared byte for byte.
 */
import { encodeAnalysisText } from '../src/archive/snapshot-body';
import { KnowledgeStore } from '../src/archive/store';
import { EntityDirectory } from '../src/extract/entities';
import { directoryColumns } from '../src/extract/entities/directory-columns';
import { runSteps } from '../src/extract/entities/ranked-keys';
import type { Entity } from '../src/extract/types';
import { createLogger } from '../src/logger';
import { threadCpuClock } from './thread-cpu';

const [dir, cache, roundsArg] = process.argv.slice(2);
if (!dir || !cache) throw new Error('usage: directory-columns.ts KNOWLEDGE_DIR CACHE_DIR [rounds]');
const rounds = Number(roundsArg ?? 3);

const store = new KnowledgeStore(dir, cache, createLogger('silent'));
const { archive } = await store.reload();
const entities: Entity[] = archive.entities.all().map((e) => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  aliases: [...e.aliases],
  roles: [...e.roles],
  mentions: [...e.mentions],
}));
console.log(`${entities.length} entities (thread clock exact: ${threadCpuClock.exact})`);

const timed = (label: string, work: () => unknown): number => {
  const start = threadCpuClock.now();
  work();
  const ms = threadCpuClock.now() - start;
  console.log(`  ${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms CPU`);
  return ms;
};

const old: number[] = [];
const direct: number[] = [];
for (let round = 0; round < rounds; round++) {
  old.push(
    timed('whole directory, columns', () => new EntityDirectory(entities).columns(entities)),
  );
  direct.push(timed('directoryColumns', () => runSteps(directoryColumns(entities))));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
console.log(`median: whole ${median(old).toFixed(0)} ms, direct ${median(direct).toFixed(0)} ms`);

const analysis = {
  entities,
  timeMentions: [],
  mentions: [],
  lexicon: { lower: [], capital: [], names: [], persons: [] },
  references: [],
};
const reference = Buffer.concat(
  await encodeAnalysisText(analysis, undefined, new EntityDirectory(entities)),
);
const now = Buffer.concat(await encodeAnalysisText(analysis));
console.log(`sections byte-identical: ${now.equals(reference)} (${now.length} bytes)`);
