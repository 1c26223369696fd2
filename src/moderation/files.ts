import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * File moves for moderation, all inside the knowledge directory. Writes are atomic (a
 * temporary dot-file, which the loader skips, linked into place) and never overwrite: a
 * taken name gets `-2`, `-3`, ... before its extension.
 */

/** Where removed articles wait to be restored: a dot-folder, so the loader never reads it. */
export const REMOVED_DIR = '.removed';

/** Writes `bytes` as `dir/name` or the first free variant of it; returns the name used. */
export async function writeNew(dir: string, name: string, bytes: Buffer): Promise<string> {
  const temp = path.join(dir, `.upload-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  try {
    return await placeFree(dir, name, async (target) => {
      // link() fails on an existing name, where rename() would silently overwrite it.
      await link(temp, target);
    });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Moves `from` (a path relative to `root`) to `toDir/relative`, or a free variant of it. */
export async function moveInto(root: string, relative: string, toDir: string): Promise<string> {
  const source = insideOrThrow(root, relative);
  const wanted = insideOrThrow(toDir, relative);
  await mkdir(path.dirname(wanted), { recursive: true });
  const placed = await placeFree(path.dirname(wanted), path.basename(wanted), async (target) => {
    if (await exists(target)) throw Object.assign(new Error('taken'), { code: 'EEXIST' });
    await rename(source, target);
  });
  return path.posix.join(path.posix.dirname(relative), placed);
}

/** Relative paths (forward slashes) of the files below `dir`, or none when it is missing. */
export async function listBelow(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listBelow(dir, relative)));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(relative);
  }
  return out.sort();
}

/** `root/relative`, refusing anything that would leave `root` (`..`, absolute paths). */
export function insideOrThrow(root: string, relative: string): string {
  const resolved = path.resolve(root, ...relative.split('/'));
  const back = path.relative(path.resolve(root), resolved);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back))
    throw new Error(`refusing a path outside ${root}: ${relative}`);
  return resolved;
}

async function placeFree(
  dir: string,
  name: string,
  place: (target: string) => Promise<void>,
): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
    try {
      await place(path.join(dir, candidate));
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`no free name for ${name} in ${dir}`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
