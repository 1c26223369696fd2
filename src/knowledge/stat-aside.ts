import { Worker } from 'node:worker_threads';

/**
 * Many files' `lstat` on a worker thread, the answers sent back as one transferred array.
 *
 * A restart looks at every knowledge file (17k at 400k passages) to tell which are
 * unchanged; one promise-based `lstat` a file cost the main thread some 200 ms of request
 * and promise machinery, while the file system's own work is on libuv's threads anyway. The
 * worker calls `lstatSync` in a loop and transfers a Float64Array (no object per file
 * crosses threads); the main thread only sends the paths.
 */

/** What `lstat` said of a file, as the load reads it. */
export interface FileLook {
  isFile(): boolean;
  size: number;
  mtimeMs: number;
}

/** Per path: 0 unreadable, 1 a regular file, 2 anything else; then its size and mtime. */
const FIELDS = 3;

// Plain JavaScript (an eval worker runs as CommonJS): no loader, no TypeScript.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { lstatSync } = require('node:fs');
const paths = workerData;
const out = new Float64Array(paths.length * ${FIELDS});
for (let i = 0; i < paths.length; i++) {
  try {
    const info = lstatSync(paths[i]);
    out[i * ${FIELDS}] = info.isFile() ? 1 : 2;
    out[i * ${FIELDS} + 1] = info.size;
    out[i * ${FIELDS} + 2] = info.mtimeMs;
  } catch {
    out[i * ${FIELDS}] = 0;
  }
}
parentPort.postMessage(out, [out.buffer]);
`;

const isFile = () => true;

/**
 * Each path's look when it is a regular file, undefined for anything else (a link, a
 * vanished file: the caller looks at those itself); all undefined when the worker could not
 * run.
 */
export async function lstatFilesAside(paths: readonly string[]): Promise<(FileLook | undefined)[]> {
  const looks = await new Promise<Float64Array | undefined>((resolve) => {
    try {
      const worker = new Worker(WORKER, { eval: true, workerData: paths });
      worker.once('message', (out: unknown) =>
        resolve(
          out instanceof Float64Array && out.length === paths.length * FIELDS ? out : undefined,
        ),
      );
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    } catch {
      resolve(undefined);
    }
  });
  return paths.map((_, i) =>
    looks && looks[i * FIELDS] === 1
      ? { isFile, size: looks[i * FIELDS + 1] ?? 0, mtimeMs: looks[i * FIELDS + 2] ?? 0 }
      : undefined,
  );
}
