import { open } from 'node:fs/promises';
import { snapshotKey } from '../src/archive/snapshot';

/**
 * Puts this code's key in the snapshot's header line, in place (a key is 32 hex digits
 * either way): only for code whose snapshot bytes are those of the code that wrote it.
 */
export async function rekey(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const end = head.subarray(0, bytesRead).indexOf(10);
    const text = head.toString('utf8', 0, end);
    const header = JSON.parse(text) as { key: string };
    const key = await snapshotKey();
    if (header.key === key) return;
    // The key in place in the line as it is (a header may be padded with spaces).
    const line = text.replace(header.key, key);
    if (Buffer.byteLength(line) !== end) throw new Error('rekey: the header changed length');
    await file.write(line, 0, 'utf8');
    console.log(`snapshot rekeyed ${header.key} -> ${key}`);
  } finally {
    await file.close();
  }
}
