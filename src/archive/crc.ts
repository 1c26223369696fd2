/**
 * The CRC-32 of two byte runs joined, from the CRC of each and the second's length (zlib's
 * `crc32_combine`, which Node does not expose). A snapshot written to its file as it is
 * encoded learns each section's length, which its head holds, only after the payload went
 * out: the body's CRC is put together from the heads' and the payloads' instead of reading
 * the file back.
 */
const POLY = 0xedb88320;

/** a × b modulo the CRC polynomial, bits reflected (the first bit is x^0). */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  let factor = b;
  while (m !== 0) {
    if ((a & m) !== 0) {
      p ^= factor;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    factor = factor & 1 ? (factor >>> 1) ^ POLY : factor >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0..31. */
const X2N: number[] = [];
{
  let p = 0x40000000; // x^1
  X2N.push(p);
  for (let k = 1; k < 32; k++) {
    p = multiplyModP(p, p);
    X2N.push(p);
  }
}

/** x^(n × 2^k) modulo the polynomial. */
function powerOfX(n: number, k: number): number {
  let p = 0x80000000; // x^0
  let rest = n;
  let bit = k;
  while (rest > 0) {
    if (rest % 2 === 1) p = multiplyModP(X2N[bit & 31] ?? 0, p);
    rest = Math.floor(rest / 2);
    bit++;
  }
  return p;
}

/** The CRC-32 of `first` then `second`, given each one's CRC-32 and `second`'s length in bytes. */
export function combineCrc32(first: number, second: number, secondLength: number): number {
  return (multiplyModP(powerOfX(secondLength, 3), first) ^ second) >>> 0;
}
