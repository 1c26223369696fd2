/**
 * Objects restored from a snapshot with some of their keys parsed from their line of JSON
 * on first use (restored articles, lazy-articles.ts; restored entities, lazy-entities.ts).
 * Each lazy key is an own, enumerable accessor shared by every object of its kind (no
 * closure per object); the first read or write of any of them parses the line once and
 * replaces every accessor left with a plain value, so JSON, spreading, structured cloning
 * and equality see the object as it was written (its line is a private field, `Unparsed`).
 */

/** Where an object's line of JSON lies, with what its kind needs beside it. */
export interface JsonLine {
  bytes: Buffer;
  start: number;
  end: number;
}

/**
 * What a restored object is made as: an object whose unparsed line is a private field,
 * which JSON, spreading, structured cloning, `Object.keys` and equality do not see. Kept in
 * a WeakMap instead, the lines of 90k restored objects at 400k passages cost a warm start
 * 0.1-0.2 s of main-thread CPU in the map's upkeep and in every full collection's handling
 * of its entries (ephemerons), all before the archive could serve.
 */
class Unparsed {
  #line: JsonLine | undefined;

  constructor(line: JsonLine) {
    this.#line = line;
  }

  static lineOf(target: object): JsonLine | undefined {
    return #line in target ? (target as Unparsed).#line : undefined;
  }

  static forget(target: object): void {
    if (#line in target) (target as Unparsed).#line = undefined;
  }
}

export class LazyFields<T extends object, L extends JsonLine> {
  readonly #accessors = new Map<string, PropertyDescriptor>();

  /**
   * `keys` may be lazy; `adopt` gets each parsed line before its values are taken (to
   * share strings with what is already held).
   */
  constructor(
    readonly keys: readonly (keyof T & string)[],
    private readonly adopt: (parsed: T, target: T, line: L) => void,
  ) {
    const open = (target: T) => this.open(target);
    for (const key of keys) {
      this.#accessors.set(key, {
        get(this: T) {
          open(this);
          return this[key];
        },
        set(this: T, value: unknown) {
          open(this);
          (this as Record<string, unknown>)[key] = value;
        },
        enumerable: true,
        configurable: true,
      });
    }
  }

  /**
   * A new object holding `line`, with no keys yet: give it its plain keys and `defer` its
   * lazy ones, in the order its kind's JSON has them.
   */
  make(line: L): T {
    return new Unparsed(line) as unknown as T;
  }

  /** Makes `key` (one of `keys`) of `target` (made by `make`) parse its line when first used. */
  defer(target: T, key: keyof T & string): void {
    Object.defineProperty(target, key, this.#accessors.get(key) as PropertyDescriptor);
  }

  /** `target`'s line while it is not parsed yet. */
  line(target: T): L | undefined {
    return Unparsed.lineOf(target) as L | undefined;
  }

  open(target: T): void {
    const line = this.line(target);
    if (!line) return;
    const parsed = JSON.parse(line.bytes.toString('utf8', line.start, line.end)) as T;
    // An opened one lets its line go (and with the last one, the snapshot's bytes).
    Unparsed.forget(target);
    this.adopt(parsed, target, line);
    for (const key of this.keys) {
      // Only the keys still deferred: the others are plain values already (or absent).
      if (Object.getOwnPropertyDescriptor(target, key)?.get === undefined) continue;
      Object.defineProperty(target, key, {
        value: parsed[key],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
}
