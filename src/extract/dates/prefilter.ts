/**
 * A test that spares most passages the date rules: the rules' patterns read once, at start,
 * for the pieces of text every match must contain (`Tirsdag 3. mai` holds a weekday or a
 * digit; `i fjor` holds "fjor"), and a passage that holds none of any rule's pieces is
 * known to have no date without running a single pattern. About 95% of NoReC's passages
 * have none, and the patterns, one scan of the text each (~27), were the dates' cost.
 *
 * Why derived and not written down: the table of rules is the truth, and a list of words
 * kept by hand beside it would drift from it and silently lose dates. The derivation is
 * conservative: where it cannot tell (a class of letters, a repeat that may be absent), it
 * asks for nothing, and a rule that asks for nothing turns the test off for every passage.
 *
 * The patterns are read lowercased, as the text is (the rules are case-insensitive); the
 * one letter whose case folding `toLowerCase` does not follow (ſ, the long s) is mapped.
 */

/** What a piece of pattern can match: every string, when few, and pieces every match holds. */
interface Reading {
  /** All the strings it matches (lowercased), when finite and few; undefined otherwise. */
  exact: Set<string> | undefined;
  /** Strings one of which every match contains; undefined when nothing is required. */
  required: Set<string> | undefined;
  /**
   * For a repeat of an exact piece (`\d{1,2}`, `[.!?]+`): that piece's strings, with which
   * every match both begins and ends.
   */
  repeated?: Set<string>;
}

/** Beyond this many strings an exact set is given up (`\d{4}` would be 10,000). */
const MAX_EXACT = 100;

const ANYTHING: Reading = { exact: undefined, required: undefined };
const EMPTY: Reading = { exact: new Set(['']), required: undefined };

const single = (text: string): Reading => ({
  exact: new Set([text.toLowerCase()]),
  required: undefined,
});

/** What a reading guarantees every match contains (an exact set holding '' guarantees nothing). */
function requiredOf(reading: Reading): Set<string> | undefined {
  if (reading.exact) return reading.exact.has('') ? undefined : reading.exact;
  return reading.required;
}

/** The better of two guarantees: the longer shortest piece (rarer in text), then fewer pieces. */
function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a) return b;
  if (!b) return a;
  const shortest = (set: Set<string>) => Math.min(...[...set].map((s) => s.length));
  const byLength = shortest(a) - shortest(b);
  if (byLength !== 0) return byLength > 0 ? a : b;
  return a.size <= b.size ? a : b;
}

function product(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

const DIGITS = new Set('0123456789');

/** A recursive-descent reading of the pattern syntax the rules use (see rules.ts). */
class PatternReader {
  #at = 0;

  constructor(private readonly source: string) {}

  read(): Reading {
    const reading = this.#alternation();
    if (this.#at < this.source.length) throw new Error(`unread pattern at ${this.#at}`);
    return reading;
  }

  #peek(): string {
    return this.source[this.#at] ?? '';
  }

  #alternation(): Reading {
    const branches = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#at++;
      branches.push(this.#sequence());
    }
    if (branches.length === 1) return branches[0] ?? ANYTHING;
    let exact: Set<string> | undefined = new Set();
    let required: Set<string> | undefined = new Set();
    for (const branch of branches) {
      if (exact && branch.exact) for (const s of branch.exact) exact.add(s);
      else exact = undefined;
      const own = requiredOf(branch);
      if (required && own) for (const s of own) required.add(s);
      else required = undefined;
    }
    if (exact && exact.size > MAX_EXACT) exact = undefined;
    return { exact, required };
  }

  #sequence(): Reading {
    // The exact strings of the run of exact pieces so far (`for` of f, o, r), and the
    // best guarantee seen: a run's strings, or a piece's own guarantee.
    let run: Set<string> = new Set(['']);
    let whole: Set<string> | undefined = new Set(['']);
    let best: Set<string> | undefined;
    const closeRun = () => {
      best = better(best, requiredOf({ exact: run, required: undefined }));
      run = new Set(['']);
    };
    const pieces: Reading[] = [];
    while (this.#at < this.source.length && this.#peek() !== '|' && this.#peek() !== ')') {
      const piece = this.#quantified();
      pieces.push(piece);
      whole = whole && piece.exact ? product(whole, piece.exact) : undefined;
      if (piece.exact) {
        const grown = product(run, piece.exact);
        if (grown) {
          run = grown;
          continue;
        }
        // Too many strings together: the run so far is one guarantee, this piece starts the next.
        closeRun();
        run = piece.exact;
        continue;
      }
      if (piece.repeated) {
        // `\d{4}` after `i `: its match begins and ends with a digit, so the run goes on
        // into its first character, and a new run begins with its last.
        const into = product(run, piece.repeated);
        if (into) run = into;
        closeRun();
        best = better(best, requiredOf(piece));
        run = piece.repeated;
        continue;
      }
      closeRun();
      best = better(best, requiredOf(piece));
    }
    closeRun();
    // One piece (a group's only content) is that piece, repeat and all.
    if (pieces.length === 1 && pieces[0]) return pieces[0];
    return { exact: whole, required: best };
  }

  #quantified(): Reading {
    const atom = this.#atom();
    const quantifier = this.#quantifier();
    if (!quantifier) return atom;
    const { min, max } = quantifier;
    if (min === 0) {
      if (max === 1 && atom.exact) {
        const exact = new Set(atom.exact);
        exact.add('');
        return { exact, required: undefined };
      }
      return ANYTHING;
    }
    let exact: Set<string> | undefined;
    if (min === max && atom.exact) {
      exact = atom.exact;
      for (let i = 1; i < min && exact; i++) exact = product(exact, atom.exact);
    }
    // `\d{4}`: too many strings to list, but every match holds two digits in a row.
    let required = requiredOf(atom);
    if (!exact && min >= 2 && atom.exact && !atom.exact.has('')) {
      required = product(atom.exact, atom.exact) ?? required;
    }
    return { exact, required, repeated: exact ? undefined : atom.exact };
  }

  #quantifier(): { min: number; max: number } | undefined {
    const c = this.#peek();
    let found: { min: number; max: number } | undefined;
    if (c === '?') found = { min: 0, max: 1 };
    else if (c === '*') found = { min: 0, max: Infinity };
    else if (c === '+') found = { min: 1, max: Infinity };
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.#at));
      if (!match) return undefined;
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : Infinity;
      this.#at += match[0].length - 1;
      found = { min, max };
    }
    if (!found) return undefined;
    this.#at++;
    if (this.#peek() === '?') this.#at++; // lazy: matches the same strings
    return found;
  }

  #atom(): Reading {
    const c = this.#peek();
    if (c === '(') return this.#group();
    if (c === '[') return this.#characterClass();
    if (c === '\\') return this.#escape();
    this.#at++;
    if (c === '.') return ANYTHING;
    if (c === '^' || c === '$') return EMPTY;
    const code = c.codePointAt(0) ?? 0;
    // A character outside the basic plane: both halves are one character.
    if (code >= 0xd800 && code <= 0xdbff) {
      const pair = c + this.#peek();
      this.#at++;
      return single(pair);
    }
    return single(c);
  }

  #group(): Reading {
    this.#at++;
    const rest = this.source.slice(this.#at);
    const lookaround = /^\?(<=|<!|=|!)/.exec(rest);
    if (lookaround) {
      // Looks around without consuming: the match holds none of it.
      this.#at += lookaround[0].length;
      this.#alternation();
      this.#expect(')');
      return EMPTY;
    }
    const prefix = /^\?(:|<[A-Za-z_$][\w$]*>)/.exec(rest);
    if (prefix) this.#at += prefix[0].length;
    else if (rest.startsWith('?')) throw new Error(`unknown group at ${this.#at}`);
    const inner = this.#alternation();
    this.#expect(')');
    return inner;
  }

  #expect(c: string): void {
    if (this.#peek() !== c) throw new Error(`expected ${c} at ${this.#at}`);
    this.#at++;
  }

  /** `[...]`: exact when it lists a few characters; anything else (ranges, \p, negation) asks nothing. */
  #characterClass(): Reading {
    this.#at++;
    const chars = new Set<string>();
    let plain = this.#peek() !== '^';
    while (this.#at < this.source.length && this.#peek() !== ']') {
      const c = this.#peek();
      if (c === '\\') {
        const escaped = this.#escape();
        if (escaped.exact) for (const s of escaped.exact) chars.add(s);
        else plain = false;
        continue;
      }
      this.#at++;
      if (c === '-' && chars.size > 0 && this.#peek() !== ']') plain = false;
      else chars.add(c.toLowerCase());
    }
    this.#expect(']');
    return plain && chars.size > 0 && chars.size <= MAX_EXACT
      ? { exact: chars, required: undefined }
      : ANYTHING;
  }

  #escape(): Reading {
    this.#at++;
    const c = this.#peek();
    this.#at++;
    if (c === 'p' || c === 'P') {
      this.#expect('{');
      while (this.#at < this.source.length && this.#peek() !== '}') this.#at++;
      this.#expect('}');
      return ANYTHING;
    }
    if (c === 'd') return { exact: DIGITS, required: undefined };
    if (c === 'b' || c === 'B') return EMPTY;
    if (c === 'k' && this.#peek() === '<') {
      // A back reference: the group's text again, which asks nothing new.
      while (this.#at < this.source.length && this.#peek() !== '>') this.#at++;
      this.#expect('>');
      return ANYTHING;
    }
    if (c === 'n') return single('\n');
    if (c === 't') return single('\t');
    if (c === 'r') return single('\r');
    if (c === 'u' || c === 'x') {
      const match = /^\{([0-9a-fA-F]+)\}|^[0-9a-fA-F]{4}|^[0-9a-fA-F]{2}/.exec(
        this.source.slice(this.#at),
      );
      const hex = match?.[1] ?? match?.[0];
      if (!match || !hex || (c === 'x' && match[0].length !== 2)) return ANYTHING;
      this.#at += match[0].length;
      return single(String.fromCodePoint(Number.parseInt(hex, 16)));
    }
    // \s \S \w \W \D, back references and anything unknown: nothing asked.
    if (/[A-Za-z0-9]/.test(c)) return ANYTHING;
    return single(c);
  }
}

/**
 * The pieces (lowercased) one of which every match of `pattern` contains, or undefined
 * when the pattern guarantees none (or uses syntax this reader does not know).
 */
export function requiredPieces(pattern: RegExp): ReadonlySet<string> | undefined {
  try {
    return requiredOf(new PatternReader(pattern.source).read());
  } catch {
    return undefined;
  }
}

/** The text as the pieces are looked for in: lowercased, the long s as an s (as /iu folds it). */
export function foldedForPieces(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

/** The same key for the same pieces: several rules ask for the same (a month's names). */
const piecesKey = (pieces: ReadonlySet<string>): string => [...pieces].sort().join('\n');

/**
 * The pieces tests of several patterns, answered together in one scan of the folded text:
 * at each character, a table of the pieces' first two characters says whether any piece
 * may begin there (most places: none), and only then are those pieces compared. One
 * alternation per set of pieces (~24 sets) scanned the text once each: most of the
 * prefilter's cost.
 */
export class PiecesFilter {
  /** Per pattern, its set's number; a pattern that asks for nothing has none. */
  readonly #setOf = new Map<RegExp, number>();
  #sets = 0;
  /** One-character pieces: per character, the sets that hold it. */
  readonly #single = new Map<number, number[]>();
  /** Longer pieces by their first two characters (`c0 * 65536 + c1`): each with its sets. */
  readonly #byStart = new Map<number, { piece: string; sets: number[] }[]>();
  /** Whether a piece begins with these two characters, both below 256 (`c0 * 256 + c1`). */
  readonly #starts = new Uint8Array(1 << 16);

  constructor(patterns: readonly RegExp[]) {
    const byKey = new Map<string, number>();
    for (const pattern of patterns) {
      const pieces = requiredPieces(pattern);
      if (!pieces) continue;
      const key = piecesKey(pieces);
      let set = byKey.get(key);
      if (set === undefined) {
        set = this.#sets++;
        byKey.set(key, set);
        for (const piece of pieces) this.#add(piece, set);
      }
      this.#setOf.set(pattern, set);
    }
  }

  #add(piece: string, set: number): void {
    const c0 = piece.charCodeAt(0);
    if (piece.length === 1) {
      const sets = this.#single.get(c0) ?? [];
      sets.push(set);
      this.#single.set(c0, sets);
      return;
    }
    const c1 = piece.charCodeAt(1);
    const start = c0 * 65536 + c1;
    const list = this.#byStart.get(start) ?? [];
    const known = list.find((entry) => entry.piece === piece);
    if (known) known.sets.push(set);
    else list.push({ piece, sets: [set] });
    this.#byStart.set(start, list);
    if (c0 < 256 && c1 < 256) this.#starts[c0 * 256 + c1] = 1;
  }

  /** For `text`: whether a pattern may match it (false: it cannot). */
  forText(text: string): (pattern: RegExp) => boolean {
    const present = this.#present(foldedForPieces(text));
    return (pattern) => {
      const set = this.#setOf.get(pattern);
      return set === undefined || present[set] === 1;
    };
  }

  /** Per set of pieces, 1 when the folded text holds one of them. */
  #present(folded: string): Uint8Array {
    const present = new Uint8Array(this.#sets);
    const starts = this.#starts;
    const single = this.#single.size > 0 ? this.#single : undefined;
    for (let i = 0; i < folded.length; i++) {
      const c0 = folded.charCodeAt(i);
      if (single) for (const set of single.get(c0) ?? []) present[set] = 1;
      const c1 = folded.charCodeAt(i + 1);
      // NaN past the end: no piece begins in the last character.
      if (Number.isNaN(c1)) break;
      if (c0 < 256 && c1 < 256 && starts[c0 * 256 + c1] === 0) continue;
      const list = this.#byStart.get(c0 * 65536 + c1);
      if (!list) continue;
      for (const { piece, sets } of list) {
        if (!folded.startsWith(piece, i)) continue;
        for (const set of sets) present[set] = 1;
      }
    }
    return present;
  }
}
