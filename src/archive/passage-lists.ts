import type { Entity } from '../extract/types';
import type { Pace } from '../knowledge/pace';
import { hashOf } from './text-hash';

/**
 * Which entities each passage mentions, as a snapshot stores them (`passages` lines of the
 * `ANLY` section: per line, the passage ids joined in one string with their lengths, then
 * per passage how many entities and their numbers), held as columns: rows in the order
 * written, each row's id a range of its line's string, and the entity numbers of all rows
 * in one typed array. `ids` and `names` read them as the maps `mentionMaps` makes
 * (build.ts), each list made when asked for, each row found by a hash table over the ranges.
 *
 * Restored as two maps of arrays (an id list and a name list per passage, each through a
 * Set), 180k passages at 400k were a million objects made before a restart could serve,
 * every one of which survived into the old generation: 0.2-0.3 s of the main thread and
 * of its collections. Then as a map from each passage id (a string parsed for it) to its
 * row: 180k strings and pairs parsed and a map grown, 0.2-0.4 s more. Answers read the
 * lists of a few passages at a time.
 */
export class PassageLists {
  readonly ids: ReadonlyMap<string, readonly string[]>;
  readonly names: ReadonlyMap<string, readonly string[]>;

  constructor(
    rows: PassageRows,
    starts: Int32Array,
    numbers: Int32Array,
    entities: readonly Entity[],
  ) {
    this.ids = new ListView(rows, (row) => {
      const out: string[] = [];
      for (let at = starts[row] ?? 0; at < (starts[row + 1] ?? 0); at++)
        out.push(entities[numbers[at] ?? -1]?.id ?? '');
      return out;
    });
    this.names = new ListView(rows, (row) => {
      const out: string[] = [];
      for (let at = starts[row] ?? 0; at < (starts[row + 1] ?? 0); at++) {
        const name = entities[numbers[at] ?? -1]?.name ?? '';
        // Each name once, in the order first named (as `listEntities` gives them).
        if (!out.includes(name)) out.push(name);
      }
      return out;
    });
  }
}

/** The rows' passage ids: ranges of their lines' strings, found by a hash table. */
class PassageRows {
  /** Open addressing: slot -> row + 1, 0 empty. */
  readonly #slots: Int32Array;

  constructor(
    private readonly texts: readonly string[],
    /** Per row: its line's string, where its id starts there, its length. */
    private readonly text: Int32Array,
    private readonly start: Int32Array,
    private readonly length: Int32Array,
    readonly size: number,
    /** The table, filled by `insert` (in steps) before the rows are read. */
    slots: Int32Array,
  ) {
    this.#slots = slots;
  }

  /** A table with room for `size` rows. */
  static slotsFor(size: number): Int32Array {
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    return new Int32Array(capacity);
  }

  /** Puts rows [from, to) into the table by their hashes; throws on a passage listed twice. */
  insert(hashes: Int32Array, from: number, to: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let row = from; row < to; row++) {
      let slot = (hashes[row] ?? 0) & mask;
      for (;;) {
        const held = slots[slot] ?? 0;
        if (held === 0) break;
        if (this.#same(held - 1, row)) throw new Error('Analysis text: a passage is listed twice');
        slot = (slot + 1) & mask;
      }
      slots[slot] = row + 1;
    }
  }

  /** The row of `passageId`, or -1. */
  rowOf(passageId: string): number {
    const mask = this.#slots.length - 1;
    for (let slot = hashOf(passageId, 0, passageId.length) & mask; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot] ?? 0;
      if (held === 0) return -1;
      if (this.#is(held - 1, passageId)) return held - 1;
    }
  }

  /** The id of `row`, as a string of its own. */
  idOf(row: number): string {
    const from = this.start[row] ?? 0;
    return this.texts[this.text[row] ?? 0]?.slice(from, from + (this.length[row] ?? 0)) ?? '';
  }

  #is(row: number, id: string): boolean {
    return (
      this.length[row] === id.length &&
      (this.texts[this.text[row] ?? 0] ?? '').startsWith(id, this.start[row])
    );
  }

  #same(a: number, b: number): boolean {
    const length = this.length[a] ?? 0;
    if (this.length[b] !== length) return false;
    const textA = this.texts[this.text[a] ?? 0] ?? '';
    const textB = this.texts[this.text[b] ?? 0] ?? '';
    const fromA = this.start[a] ?? 0;
    const fromB = this.start[b] ?? 0;
    for (let i = 0; i < length; i++)
      if (textA.charCodeAt(fromA + i) !== textB.charCodeAt(fromB + i)) return false;
    return true;
  }
}

/** Rows put into the hash table between two looks at the pace. */
const ROWS_PER_STEP = 16384;

/** One written line of lists: what `PassageListsBuilder.addLine` takes. */
export interface PassageListsLine {
  /** The passages' ids, one after the other. */
  ids: string;
  /** Each id's length (UTF-16 units). */
  lengths: readonly number[];
  /** How many entity numbers each passage has. */
  counts: readonly number[];
  /** The entity numbers of every passage, one after the other. */
  numbers: readonly number[];
}

/** Collects the rows as the lines are read: entity numbers checked against the entities. */
export class PassageListsBuilder {
  readonly #texts: string[] = [];
  #text: Int32Array = new Int32Array(1024);
  #start: Int32Array = new Int32Array(1024);
  #length: Int32Array = new Int32Array(1024);
  #hash: Int32Array = new Int32Array(1024);
  #rows = 0;
  #starts: Int32Array = new Int32Array(1025);
  #numbers: Int32Array = new Int32Array(4096);
  #used = 0;

  constructor(private readonly entities: readonly Entity[]) {}

  /** Rows so far (a passage listed twice is refused when the lists are built). */
  get size(): number {
    return this.#rows;
  }

  /** A passage's entity numbers; throws on a number naming no entity. */
  add(passageId: string, numbers: readonly number[]): void {
    this.addLine({
      ids: passageId,
      lengths: [passageId.length],
      counts: [numbers.length],
      numbers,
    });
  }

  /** A line's passages; throws on a number naming no entity or counts that do not add up. */
  addLine(line: PassageListsLine): void {
    const { ids, lengths, counts, numbers } = line;
    const rows = lengths.length;
    if (counts.length !== rows) throw new Error('Analysis text: passage lists do not add up');
    this.#room(rows, numbers.length);
    const text = this.#texts.length;
    this.#texts.push(ids);
    const idsEnd = addRows(
      ids,
      text,
      lengths,
      counts,
      this.#rows,
      {
        text: this.#text,
        start: this.#start,
        length: this.#length,
        hash: this.#hash,
        starts: this.#starts,
      },
      this.#used,
    );
    if (!addNumbers(numbers, this.#numbers, this.#used, this.entities))
      throw new Error('Analysis text: a passage names an unknown entity');
    const numbersEnd = this.#used + numbers.length;
    if (idsEnd !== ids.length || this.#starts[this.#rows + rows] !== numbersEnd)
      throw new Error('Analysis text: passage lists do not add up');
    this.#rows += rows;
    this.#used = numbersEnd;
  }

  build(): PassageLists {
    const rows = this.#rowsTable();
    rows.insert(this.#hash, 0, this.#rows);
    return this.#lists(rows);
  }

  /**
   * `build` with the hash table filled in steps of `ROWS_PER_STEP` rows, `pace` looked at
   * between them: at 180k passages, in one step, 20-25 ms of a restart's main thread.
   */
  async buildAsync(pace: Pace): Promise<PassageLists> {
    const rows = this.#rowsTable();
    for (let from = 0; from < this.#rows; from += ROWS_PER_STEP) {
      rows.insert(this.#hash, from, Math.min(this.#rows, from + ROWS_PER_STEP));
      if (pace.due()) await pace.breathe();
    }
    return this.#lists(rows);
  }

  #rowsTable(): PassageRows {
    const size = this.#rows;
    return new PassageRows(
      this.#texts,
      this.#text,
      this.#start,
      this.#length,
      size,
      PassageRows.slotsFor(size),
    );
  }

  #lists(rows: PassageRows): PassageLists {
    return new PassageLists(
      rows,
      this.#starts.slice(0, this.#rows + 1),
      this.#numbers.slice(0, this.#used),
      this.entities,
    );
  }

  #room(rows: number, numbers: number): void {
    const least = this.#rows + rows;
    if (least > this.#text.length) {
      this.#text = grown(this.#text, least);
      this.#start = grown(this.#start, least);
      this.#length = grown(this.#length, least);
      this.#hash = grown(this.#hash, least);
    }
    if (least + 1 > this.#starts.length) this.#starts = grown(this.#starts, least + 1);
    if (this.#used + numbers > this.#numbers.length)
      this.#numbers = grown(this.#numbers, this.#used + numbers);
  }
}

/**
 * Puts a line's rows in from row `first` on (ids at their places in `text`, hashed; the
 * numbers' starts from `used` on); returns where the ids end. A plain function, called once
 * a line, so that V8 optimises its loop.
 */
function addRows(
  ids: string,
  text: number,
  lengths: readonly number[],
  counts: readonly number[],
  first: number,
  columns: {
    text: Int32Array;
    start: Int32Array;
    length: Int32Array;
    hash: Int32Array;
    starts: Int32Array;
  },
  used: number,
): number {
  let at = 0;
  let numbers = used;
  for (let r = 0; r < lengths.length; r++) {
    const row = first + r;
    const length = lengths[r] ?? 0;
    columns.text[row] = text;
    columns.start[row] = at;
    columns.length[row] = length;
    columns.hash[row] = hashOf(ids, at, at + length);
    columns.starts[row] = numbers;
    at += length;
    numbers += counts[r] ?? 0;
  }
  columns.starts[first + lengths.length] = numbers;
  return at;
}

/** Copies `numbers` into `into` from `at` on; false when one names no entity. */
function addNumbers(
  numbers: readonly number[],
  into: Int32Array,
  at: number,
  entities: readonly Entity[],
): boolean {
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i] ?? -1;
    if (entities[n] === undefined) return false;
    into[at + i] = n;
  }
  return true;
}

function grown(values: Int32Array, least: number): Int32Array {
  const out = new Int32Array(Math.max(least, values.length * 2));
  out.set(values);
  return out;
}

/** A read-only map over the rows, each value made by `listOf` when read. */
class ListView implements ReadonlyMap<string, readonly string[]> {
  constructor(
    private readonly rows: PassageRows,
    private readonly listOf: (row: number) => string[],
  ) {}

  get size(): number {
    return this.rows.size;
  }

  get(passageId: string): readonly string[] | undefined {
    const row = this.rows.rowOf(passageId);
    return row < 0 ? undefined : this.listOf(row);
  }

  has(passageId: string): boolean {
    return this.rows.rowOf(passageId) >= 0;
  }

  *entries(): MapIterator<[string, readonly string[]]> {
    for (let row = 0; row < this.rows.size; row++) yield [this.rows.idOf(row), this.listOf(row)];
  }

  *keys(): MapIterator<string> {
    for (let row = 0; row < this.rows.size; row++) yield this.rows.idOf(row);
  }

  *values(): MapIterator<readonly string[]> {
    for (let row = 0; row < this.rows.size; row++) yield this.listOf(row);
  }

  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.entries();
  }

  forEach(
    callback: (
      list: readonly string[],
      passageId: string,
      map: ReadonlyMap<string, readonly string[]>,
    ) => void,
    thisArg?: unknown,
  ): void {
    for (const [passageId, list] of this.entries()) callback.call(thisArg, list, passageId, this);
  }
}
