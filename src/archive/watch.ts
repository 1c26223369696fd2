import { type FSWatcher, watch } from 'node:fs';

/**
 * Calls `onChange` once a burst of file changes under `dir` has settled: editors write a
 * file in several steps, and a reload per step would be wasted work.
 */
export function watchDebounced(dir: string, onChange: () => void, delayMs = 500): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, delayMs);
    });
  } catch {
    return () => undefined;
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
