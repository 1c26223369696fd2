/**
 * Objects restored from a snapshot with some of their keys parsed from their line of JSON
 * on first use (restored articles, lazy-articles.ts; restored entities, lazy-entities.ts).
 * Each lazy key is an own, enumerable accessor shared by every object of its kind (no
 * closure per object); the first read or write of any of them parses the line once and
 * replaces every accessor left with a plain value, so JSON, spreading, structured cloning
 * and equality see the object as it was written.
 */

/** Where an object's line of JSON lies, with what its kind needs beside it. */
export interface JsonLine {
  bytes: Buffer;
  start: number;
  end: number;
}

export class LazyFields<T extends object, L extends JsonLine> {
  /** The line of each object not parsed yet; an opened one leaves (its bytes can go). */
  readonly #lines = new WeakMap<T, L>();
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

  /** Gives `target` its line and makes `key` (one of `keys`) parse it when first used. */
  defer(target: T, key: keyof T & string, line: L): void {
    Object.defineProperty(target, key, this.#accessors.get(key) as PropertyDescriptor);
    this.#lines.set(target, line);
  }

  /** `target`'s line while it is not parsed yet. */
  line(target: T): L | undefined {
    return this.#lines.get(target);
  }

  open(target: T): void {
    const line = this.#lines.get(target);
    if (!line) return;
    const parsed = JSON.parse(line.bytes.toString('utf8', line.start, line.end)) as T;
    this.#lines.delete(target);
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
