/**
 * A few short function words ("the", "and"; "og", "ikke") looked for in a passage, to
 * hint that it may be in another language than its article. Every passage of every file
 * is asked while the folder is read, on the thread that answers: the words are found by a
 * scanner over character codes, where `text.toLowerCase().matchAll(/\p{L}+/gu)` made a
 * match array for every word of the archive (a tenth of a full build's read).
 */

import { CodeClass } from '../language/code-class';

const LETTERS = new CodeClass(/^\p{L}$/u);

/**
 * How many code units the letter at `at` takes (2 for a letter outside the Basic
 * Multilingual Plane), or 0 when no letter starts there.
 */
function letterWidth(text: string, at: number): number {
  if (at >= text.length) return 0;
  const unit = text.charCodeAt(at);
  if (unit < 0x80) return (unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) ? 1 : 0;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return LETTERS.has(text.codePointAt(at) ?? 0) ? 2 : 0;
  }
  // A lone surrogate is no letter, as `\p{L}` with the u flag reads it.
  return LETTERS.has(unit) ? 1 : 0;
}

export class HintWords {
  readonly #words: ReadonlySet<string>;
  /** No longer word can be one of them: it is not cut out of the text to ask. */
  readonly #longest: number;

  constructor(words: Iterable<string>) {
    this.#words = new Set(words);
    this.#longest = Math.max(0, ...[...this.#words].map((word) => word.length));
  }

  /**
   * Whether the lower-cased `text` holds at least `enough` of the words, counting each
   * occurrence (its words are the runs of letters, `\p{L}+`). It stops at the last one needed.
   */
  reached(text: string, enough: number): boolean {
    const lower = text.toLowerCase();
    const end = lower.length;
    let count = 0;
    let at = 0;
    while (at < end) {
      const width = letterWidth(lower, at);
      if (width === 0) {
        at++;
        continue;
      }
      const start = at;
      at += width;
      for (let next = letterWidth(lower, at); next > 0; next = letterWidth(lower, at)) at += next;
      if (at - start <= this.#longest && this.#words.has(lower.slice(start, at))) {
        if (++count >= enough) return true;
      }
    }
    return false;
  }
}
