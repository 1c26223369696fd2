/**
 * Bytes a worker sends the main thread in pieces, moved rather than copied where that is
 * safe: each piece that is the whole of its buffer is transferred (the worker reads none of
 * them again), the others (a chunk partly filled, a short text's bytes in Node's shared
 * pool, a second view of a buffer already moved) go as copies, which are small.
 */
export function transferablePieces(pieces: readonly Uint8Array[]): {
  pieces: Uint8Array[];
  transfer: ArrayBuffer[];
} {
  const transfer = new Set<ArrayBuffer>();
  const sent = pieces.map((piece) => {
    const { buffer } = piece;
    const whole = buffer instanceof ArrayBuffer && piece.byteLength === buffer.byteLength;
    // A copy (a Buffer's `slice` would be a view of the same memory).
    if (!whole || transfer.has(buffer)) return new Uint8Array(piece);
    transfer.add(buffer);
    return piece;
  });
  return { pieces: sent, transfer: [...transfer] };
}
