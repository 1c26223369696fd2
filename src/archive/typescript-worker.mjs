// Starts a worker thread whose entry is TypeScript. A Worker runs plain Node, which cannot
// load .ts, and on Node 20 it ignores tsx's `--import` loader even when it inherits it; so
// this plain module registers tsx's loader in the new thread first, then imports the entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
