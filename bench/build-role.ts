/**
 * The build process of bench/archive.ts: a moderator's reload of the knowledge folder with
 * no snapshot (worker analysis, assembled in slices), searches asked meanwhile, and the
 * snapshot written; then its figures, and this process's peak RSS, go back to the parent.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { KnowledgeStore } from '../src/archive/store';
import { createLogger } from '../src/logger';
import { actAsRole } from './role-process';
import { RssPeaks } from './rss-peaks';
import { underLoad } from './under-load';

export interface BuildInput {
  dir: string;
  cache: string;
}

export interface BuildFigures {
  fullBuildS: number;
  fullBuildStallMs: number;
  snapshotMB: number;
  /** RSS of the build process before it read anything (Node, tsx and the modules). */
  buildStartRssMB: number;
  /** Sampled every 20 ms over the build and the snapshot's write. */
  fullBuildPeakRssMB: number;
  /** The kernel's high-water mark of the build process. */
  fullBuildMaxRssMB: number;
}

async function build(input: BuildInput): Promise<BuildFigures> {
  const rss = new RssPeaks();
  try {
    const buildStartRssMB = rss.endPhase();
    const store = new KnowledgeStore(input.dir, input.cache, createLogger('warn'));
    const full = await underLoad(store, () => store.reload());
    await store.settled();
    const fullBuildPeakRssMB = rss.endPhase();
    const snapshotBytes = (await stat(join(input.cache, 'analysis-snapshot.bin'))).size;
    return {
      fullBuildS: full.ms / 1000,
      fullBuildStallMs: full.stallMs,
      snapshotMB: snapshotBytes / 2 ** 20,
      buildStartRssMB,
      fullBuildPeakRssMB,
      fullBuildMaxRssMB: RssPeaks.maxRssMB(),
    };
  } finally {
    rss.stop();
  }
}

actAsRole(build);
