/**
 * Case and accent folding. Norwegian letters are letters of their own (æ, ø, å must not
 * become a, o), but foreign accents are folded so that "Geneve" finds "Genève".
 */
const RING_ABOVE = '\u030A';

/**
 * Whether folding `word` only lowers its case: every unit ASCII or one of æ, ø, å (and
 * their capitals: æ and ø do not decompose, å keeps its ring). Most words of a Norwegian
 * archive are such; the index's first pass folds every new word.
 */
function foldsAsLowerCase(word: string): boolean {
  for (let at = 0; at < word.length; at++) {
    const unit = word.charCodeAt(at);
    if (unit < 0x80) continue;
    if (unit === 0xe6 || unit === 0xf8 || unit === 0xe5) continue;
    if (unit === 0xc6 || unit === 0xd8 || unit === 0xc5) continue;
    return false;
  }
  return true;
}

export function foldCase(word: string): string {
  if (foldsAsLowerCase(word)) return word.toLowerCase();
  const decomposed = word.toLowerCase().normalize('NFD');
  let out = '';
  for (const ch of decomposed) {
    // Keep the ring of å; drop every other combining mark (é -> e, ü -> u, ğ -> g).
    if (/\p{M}/u.test(ch) && ch !== RING_ABOVE) continue;
    out += ch;
  }
  return out.normalize('NFC');
}
