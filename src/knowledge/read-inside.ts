import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { tooLargeProblem } from './article';
import type { Problem } from './types';

/**
 * Reading one knowledge file as a boundary: the file must resolve (after every link) to a
 * regular file inside the knowledge folder's real path, no bigger than the size limit.
 * Whatever goes wrong is a problem on that file alone, never an exception for the reload.
 */

/** Reads at most `maxBytes + 1` bytes of a regular file (the extra byte tells "too big"). */
export type ReadFile = (realPath: string, maxBytes: number) => Promise<Buffer>;

export type FileRead =
  | { ok: true; bytes: Buffer }
  | {
      ok: false;
      problem: Problem;
      /** A fault of the moment (vanished, unreadable, too big): the last good version stays. */
      keepLastGood: boolean;
    };

/** Thrown by a reader for a file that is bigger than allowed. */
export class FileTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`file of ${bytes} bytes is over the limit`);
  }
}

export async function readInside(
  root: string,
  relative: string,
  options: { maxBytes: number; readFile: ReadFile },
): Promise<FileRead> {
  const resolved = await resolveInside(root, relative);
  if (!resolved.ok) return resolved;
  return readResolved(resolved.real, relative, options);
}

export type Resolved = { ok: true; real: string } | Extract<FileRead, { ok: false }>;

/**
 * The real path of `relative`, when it stays inside the folder's real path `root`. Cheap (no
 * content is read), so it runs for every file on every load, also for a file whose stat
 * says it is unchanged: a file swapped for a link out of the folder is refused all the same.
 */
export async function resolveInside(root: string, relative: string): Promise<Resolved> {
  const absolute = path.join(root, ...relative.split('/'));
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    return unreadable(relative, error);
  }
  if (!isInside(root, real)) {
    return {
      ok: false,
      keepLastGood: false,
      problem: {
        file: relative,
        code: 'file-outside',
        params: {},
        reason: 'refused: it leads outside the knowledge folder (a link, say); it is never read',
        severity: 'error',
      },
    };
  }
  return { ok: true, real };
}

/** Reads a file already resolved inside the folder (see `resolveInside`), within the size limit. */
export async function readResolved(
  real: string,
  relative: string,
  options: { maxBytes: number; readFile: ReadFile },
): Promise<FileRead> {
  try {
    const bytes = await options.readFile(real, options.maxBytes);
    if (bytes.length > options.maxBytes) throw new FileTooLargeError(bytes.length);
    return { ok: true, bytes };
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      return {
        ok: false,
        keepLastGood: true,
        problem: {
          ...tooLargeProblem(error.bytes, options.maxBytes),
          file: relative,
          severity: 'error',
        },
      };
    }
    return unreadable(relative, error);
  }
}

function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function unreadable(file: string, error: unknown): Extract<FileRead, { ok: false }> {
  const code = errorCode(error);
  return {
    ok: false,
    keepLastGood: true,
    problem: {
      file,
      code: 'file-unreadable',
      params: { error: code },
      reason: `could not be read (${code}); if it had a good version, that one stays in use`,
      severity: 'error',
    },
  };
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'EIO';
}

/**
 * The real reader: opens without following a link in the last step (the path is already
 * resolved; a link swapped in since would fail here instead of being read), checks on the
 * open file that it is a regular file of allowed size, and reads no more than that.
 */
export const readRegularFile: ReadFile = async (realPath, maxBytes) => {
  const handle = await open(realPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    if (info.size > maxBytes) throw new FileTooLargeError(info.size);
    // The file may grow between stat and read: read at most one byte past the limit.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
};
