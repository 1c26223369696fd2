import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { KnowledgeStore } from '../src/archive/store';

export interface UnderLoad<T> {
  result: T;
  ms: number;
  /** The event loop's longest delay meanwhile. */
  stallMs: number;
  slowestReplyMs: number;
  replies: number;
}

const WORDS = ['filmen', 'musikk', 'best', 'Oslo', 'skuespiller'];

/** Runs `work` while searches are asked every 20 ms; the longest stall and slowest reply. */
export async function underLoad<T>(
  store: KnowledgeStore,
  work: () => Promise<T>,
): Promise<UnderLoad<T>> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let slowest = 0;
  let replies = 0;
  const ask = setInterval(() => {
    const t = performance.now();
    store.current?.index.search(WORDS[replies % WORDS.length] ?? 'film', { limit: 25 });
    slowest = Math.max(slowest, performance.now() - t);
    replies++;
  }, 20);
  histogram.enable();
  const t0 = performance.now();
  try {
    const result = await work();
    return {
      result,
      ms: performance.now() - t0,
      stallMs: histogram.max / 1e6,
      slowestReplyMs: slowest,
      replies,
    };
  } finally {
    histogram.disable();
    clearInterval(ask);
  }
}
