/**
 * A Unicode class of code points (`\p{L}`, `[\p{L}\p{M}\p{N}]`) asked as numbers, for the
 * scanners that read text by character codes instead of matching it with a regular
 * expression (the entity tokenizer, the language hint words): the expression is asked once
 * per code unit of the Basic Multilingual Plane, then remembered, so a scan pays for no
 * string and no match per character. Outside that plane (rare) it is asked every time.
 */
export class CodeClass {
  readonly #pattern: RegExp;
  /** Per unit below 0x10000: 0 not asked yet, 1 in the class, 2 not. */
  readonly #units = new Uint8Array(0x10000);

  /** `pattern` matches one code point, with the `u` flag (a lone surrogate is in no class). */
  constructor(pattern: RegExp) {
    this.#pattern = pattern;
    // The ASCII range filled ahead: every text meets it.
    for (let c = 0; c < 0x80; c++) this.#units[c] = pattern.test(String.fromCharCode(c)) ? 1 : 2;
  }

  /** Whether the code point `code` is in the class. */
  has(code: number): boolean {
    if (code < 0x10000) {
      let known = this.#units[code] ?? 0;
      if (known === 0) {
        known = this.#pattern.test(String.fromCharCode(code)) ? 1 : 2;
        this.#units[code] = known;
      }
      return known === 1;
    }
    return this.#pattern.test(String.fromCodePoint(code));
  }

  /** Where the run of the class's code points in `text` that starts at `at` ends (`at` when none). */
  runEnd(text: string, at: number): number {
    let end = at;
    while (end < text.length) {
      const code = text.codePointAt(end) ?? 0;
      if (!this.has(code)) break;
      end += code > 0xffff ? 2 : 1;
    }
    return end;
  }

  /** Whether `text` holds a code point of the class (what the class unanchored finds). */
  someIn(text: string): boolean {
    for (let at = 0; at < text.length; ) {
      const code = text.codePointAt(at) ?? 0;
      if (this.has(code)) return true;
      at += code > 0xffff ? 2 : 1;
    }
    return false;
  }
}

/** Letters, marks and digits (`[\p{L}\p{M}\p{N}]`): what words are made of, to both tokenizers. */
export const LETTERS_MARKS_DIGITS = new CodeClass(/^[\p{L}\p{M}\p{N}]$/u);

/** Digits of any script (`\p{N}`). */
export const NUMBERS = new CodeClass(/^\p{N}$/u);
