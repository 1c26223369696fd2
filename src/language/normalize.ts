/**
 * Case and accent folding. Norwegian letters are letters of their own (æ, ø, å must not
 * become a, o), but foreign accents are folded so that "Geneve" finds "Genève".
 */
const RING_ABOVE = '\u030A';

export function foldCase(word: string): string {
  const decomposed = word.toLowerCase().normalize('NFD');
  let out = '';
  for (const ch of decomposed) {
    // Keep the ring of å; drop every other combining mark (é -> e, ü -> u, ğ -> g).
    if (/\p{M}/u.test(ch) && ch !== RING_ABOVE) continue;
    out += ch;
  }
  return out.normalize('NFC');
}
