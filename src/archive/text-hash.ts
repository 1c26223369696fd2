/**
 * FNV-1a over the UTF-16 code units of `text[from..to)`, mixed at the end so that a hash
 * table's slot can be its low bits. Hashes an id where it lies inside a longer string (a
 * block of ids), so the tables over restored ids make no string per id.
 */
export function hashOf(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
