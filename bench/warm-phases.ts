/**
 * Where a warm start's time goes, phase by phase (`npx tsx bench/warm-phases.ts DIR`, over a
 * folder `bench/warm-profile.ts build` wrote): the snapshot read and decoded, the archive
 * assembled, the folder looked at again, and the live merge an update needs prepared. Each
 * phase with its wall time, the main thread's CPU (`threadCpuMs`) and the process's CPU
 * (all threads: V8's helper threads collect garbage concurrently).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Interner } from '../src/archive/analysis-text';
import { assemble } from '../src/archive/build';
import { readSnapshot, snapshotKey } from '../src/archive/snapshot';
import {
  decodeAnalysisText,
  decodeIndex,
  decodeLoad,
  sectionsOf,
} from '../src/archive/snapshot-body';
import { prepareUpdates } from '../src/archive/update';
import { loadKnowledge } from '../src/knowledge/load';
import { threadCpuMs } from './thread-cpu';

const dir = process.argv[2];
if (!dir) throw new Error('usage: warm-phases DIR');
const cache = join(dir, 'cache');
const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const t = performance.now();
  const thread = threadCpuMs();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  const ms = (value: number) => value.toFixed(0).padStart(6);
  console.log(
    `${label.padEnd(24)} ${ms(performance.now() - t)} ms, main thread CPU ${ms(threadCpuMs() - thread)} ms, process CPU ${ms((used.user + used.system) / 1000)} ms`,
  );
  return result;
};
const key = await timed('snapshot key', () => snapshotKey());
const bytes = await timed('read file', () => readFile(join(cache, 'analysis-snapshot.bin')));
const headerEnd = bytes.indexOf(10);
const sections = sectionsOf(bytes, headerEnd + 1);
const ids = new Interner();
const load = await timed('decode load', () => decodeLoad(bytes, sections));
await timed('decode analysis', () => decodeAnalysisText(bytes, sections, ids));
await timed('decode index', () => decodeIndex(bytes, sections, load));
// The whole read, checksum included, when the snapshot was made by this code.
const restored = await timed('whole readSnapshot', () => readSnapshot(cache, key));
if (!restored) throw new Error('the snapshot is not this code’s');
const archive = await timed('assemble', () =>
  assemble(restored.load, restored.analysis, true, restored.index),
);
await timed('load knowledge', () => loadKnowledge(join(dir, 'knowledge'), {}, restored.load));
await timed('basis read', async () => archive.basis.read?.());
await timed('prepare updates', () => prepareUpdates(archive));
