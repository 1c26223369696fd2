/**
 * Pictures in the console: the charts Discord attaches, written as PNG files the user
 * opens; the console prints where.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Picture } from '../charts/pictures';

/** Writes the picture into `dir` (made when missing); the file's path. */
export async function savePicture(picture: Picture, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, picture.name);
  await writeFile(file, picture.png);
  return file;
}
