import type { Entity } from '../extract/types';

/**
 * Which entities each passage mentions, as a snapshot stores them (`byPassage` lines:
 * entity numbers per passage), held as columns: a row number per passage id, and the
 * entity numbers of all rows in one typed array. `ids` and `names` read them as the maps
 * `mentionMaps` makes (build.ts), each list made when asked for.
 *
 * Restored as two maps of arrays (an id list and a name list per passage, each through a
 * Set), 180k passages at 400k were a million objects made before a restart could serve,
 * every one of which survived into the old generation: 0.2-0.3 s of the main thread and
 * of its collections. Answers read the lists of a few passages at a time.
 */
export class PassageLists {
  readonly ids: ReadonlyMap<string, readonly string[]>;
  readonly names: ReadonlyMap<string, readonly string[]>;

  constructor(
    /** Each passage's row, in the order the lists were written. */
    rows: ReadonlyMap<string, number>,
    /** Row r's entity numbers are numbers[starts[r]] up to numbers[starts[r + 1]]. */
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

/** Collects the rows as the lines are read: entity numbers checked against the entities. */
export class PassageListsBuilder {
  readonly #rows = new Map<string, number>();
  #starts: Int32Array = new Int32Array(1024);
  #numbers: Int32Array = new Int32Array(4096);
  #used = 0;

  constructor(private readonly entities: readonly Entity[]) {}

  get size(): number {
    return this.#rows.size;
  }

  /** A passage's entity numbers; throws on a number naming no entity. */
  add(passageId: string, numbers: readonly number[]): void {
    const row = this.#rows.size;
    if (row + 2 > this.#starts.length) this.#starts = grown(this.#starts, row + 2);
    if (this.#used + numbers.length > this.#numbers.length)
      this.#numbers = grown(this.#numbers, this.#used + numbers.length);
    this.#starts[row] = this.#used;
    for (const n of numbers) {
      if (this.entities[n] === undefined)
        throw new Error('Analysis text: a passage names an unknown entity');
      this.#numbers[this.#used++] = n;
    }
    this.#rows.set(passageId, row);
    this.#starts[row + 1] = this.#used;
  }

  build(): PassageLists {
    const rows = this.#rows.size;
    return new PassageLists(
      this.#rows,
      this.#starts.slice(0, rows + 1),
      this.#numbers.slice(0, this.#used),
      this.entities,
    );
  }
}

function grown(values: Int32Array, least: number): Int32Array {
  const out = new Int32Array(Math.max(least, values.length * 2));
  out.set(values);
  return out;
}

/** A read-only map over the rows, each value made by `listOf` when read. */
class ListView implements ReadonlyMap<string, readonly string[]> {
  constructor(
    private readonly rows: ReadonlyMap<string, number>,
    private readonly listOf: (row: number) => string[],
  ) {}

  get size(): number {
    return this.rows.size;
  }

  get(passageId: string): readonly string[] | undefined {
    const row = this.rows.get(passageId);
    return row === undefined ? undefined : this.listOf(row);
  }

  has(passageId: string): boolean {
    return this.rows.has(passageId);
  }

  *entries(): MapIterator<[string, readonly string[]]> {
    for (const [passageId, row] of this.rows) yield [passageId, this.listOf(row)];
  }

  keys(): MapIterator<string> {
    return this.rows.keys();
  }

  *values(): MapIterator<readonly string[]> {
    for (const row of this.rows.values()) yield this.listOf(row);
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
