/**
 * Bytes for the snapshot: a growable writer and a reader of unsigned varints (7 bits a byte,
 * small numbers in one byte) and length-prefixed UTF-8 strings. Varints because the index's
 * postings are mostly small numbers (document-id gaps, term counts): a posting takes 2-3
 * bytes instead of the ~8 of its JSON, and decoding one is a few integer operations.
 */
import { Slicer } from './pace';

/** Bytes copied between two looks at the pace: a few ms. */
const COPY_SLICE_BYTES = 8 << 20;

/**
 * `bytes[start..end]` as a buffer of its own (the rest can go), copied in slices: copied at
 * once, the index's 27 MB at 400k passages held the event loop for 170 ms of page faults.
 */
export function copyInSlices(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  pace = new Slicer(),
): Promise<Buffer> {
  return joinInSlices([bytes.subarray(start, end)], pace);
}

/** `pieces` one after the other in a buffer of their own, copied in slices (see `copyInSlices`). */
export async function joinInSlices(
  pieces: readonly Uint8Array[],
  pace = new Slicer(),
): Promise<Buffer> {
  const own = Buffer.allocUnsafeSlow(pieces.reduce((n, piece) => n + piece.length, 0));
  let to = 0;
  for (const piece of pieces) {
    for (let at = 0; at < piece.length; at += COPY_SLICE_BYTES) {
      const slice = piece.subarray(at, Math.min(piece.length, at + COPY_SLICE_BYTES));
      own.set(slice, to);
      to += slice.length;
      if (pace.due()) await pace.breathe();
    }
  }
  return own;
}

export class ByteWriter {
  #bytes: Uint8Array;
  #length = 0;
  /** Chunks filled before the current one (`chunk` given): a large writer never copies itself to grow. */
  readonly #filled: Uint8Array[] = [];
  #filledLength = 0;

  /**
   * `chunk`: once the bytes reach this size, further bytes go to new chunks of it rather
   * than into a copy twice as large (copying 100 MB holds the event loop); read them with
   * `pieces()`.
   */
  constructor(
    initial = 1 << 16,
    private readonly chunk = Number.POSITIVE_INFINITY,
  ) {
    this.#bytes = new Uint8Array(initial);
  }

  get length(): number {
    return this.#filledLength + this.#length;
  }

  #room(more: number): void {
    if (this.#length + more <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + more) size *= 2;
    if (size > this.chunk && this.#length > 0) {
      this.#filled.push(this.#bytes.subarray(0, this.#length));
      this.#filledLength += this.#length;
      this.#bytes = new Uint8Array(Math.max(this.chunk, more));
      this.#length = 0;
      return;
    }
    const grown = new Uint8Array(size);
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  /** A non-negative integer below 2^53. */
  uint(value: number): void {
    this.#room(8);
    let rest = value;
    while (rest >= 0x80) {
      this.#bytes[this.#length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#bytes[this.#length++] = rest;
  }

  /** Any safe integer, zigzag-coded so that small negative numbers stay small too. */
  int(value: number): void {
    this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  string(value: string): void {
    const encoded = Buffer.from(value, 'utf8');
    this.uint(encoded.length);
    this.raw(encoded);
  }

  raw(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.#bytes.set(bytes, this.#length);
    this.#length += bytes.length;
  }

  /** Forgets what was written, keeping the room. */
  reset(): void {
    this.#filled.length = 0;
    this.#filledLength = 0;
    this.#length = 0;
  }

  /** The bytes written so far (a view: write no more once taken). */
  bytes(): Uint8Array {
    const last = this.#bytes.subarray(0, this.#length);
    return this.#filled.length === 0 ? last : Buffer.concat([...this.#filled, last]);
  }

  /** The bytes written so far, as the chunks they were written in (views). */
  pieces(): Uint8Array[] {
    return [...this.#filled, this.#bytes.subarray(0, this.#length)];
  }

  /**
   * The bytes written so far, as `pieces` gives them, and then forgets them: the next
   * bytes are written into the same room, so use these up before writing more.
   */
  drain(): Uint8Array[] {
    const pieces = this.pieces().filter((piece) => piece.length > 0);
    this.reset();
    return pieces;
  }
}

export class ByteReader {
  #at: number;
  /** The same bytes as a Buffer, whose strings decode without a view made for each. */
  readonly #text: Buffer;

  constructor(
    private readonly bytes: Uint8Array,
    from = 0,
    private readonly end = bytes.length,
  ) {
    this.#at = from;
    this.#text = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.#at;
  }

  get done(): boolean {
    return this.#at >= this.end;
  }

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.#at >= this.end) throw new Error('Snapshot bytes end inside a number');
      const byte = this.bytes[this.#at++] ?? 0;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  /** The next byte as it is. */
  byte(): number {
    if (this.#at >= this.end) throw new Error('Snapshot bytes end inside a number');
    return this.bytes[this.#at++] ?? 0;
  }

  int(): number {
    const coded = this.uint();
    return coded % 2 === 1 ? -(coded + 1) / 2 : coded / 2;
  }

  string(): string {
    const length = this.uint();
    const start = this.#at;
    this.skip(length);
    return this.#text.toString('utf8', start, start + length);
  }

  /** The next `length` bytes, as a view. */
  take(length: number): Uint8Array {
    const start = this.#at;
    this.skip(length);
    return this.bytes.subarray(start, start + length);
  }

  skip(length: number): void {
    if (this.#at + length > this.end) throw new Error('Snapshot bytes end inside a value');
    this.#at += length;
  }
}
