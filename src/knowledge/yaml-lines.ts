import { type Document, isMap, isScalar, type Node, parseDocument } from 'yaml';
import type { ProblemDetail } from './types';

/**
 * Thin helpers over the `yaml` package that keep source positions, so every problem a
 * moderator sees can name the line to fix.
 */

export interface YamlError {
  /** 1-based line within the YAML text. */
  line: number;
  /**
   * What to tell the moderator: the parser's own words (`yaml-syntax`, English and
   * untranslatable, framed by the catalog), or our refusal of a text too large or too
   * deeply nested to parse (`yaml-too-large`, `yaml-too-deep`, worded by the catalogs).
   */
  detail: Extract<ProblemDetail, { code: 'yaml-syntax' | 'yaml-too-large' | 'yaml-too-deep' }>;
  reason: string;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  errors: YamlError[];
  lineOf: (offset: number) => number;
}

/**
 * YAML here is a few lines of front matter or a list of aliases. Past these bounds it is
 * refused before parsing: the parser's cost on hostile input grows fast (deeply nested
 * flow or explicit keys, thousands of errors each building an Error) and 16,000 nested
 * `? ` exhaust its memory and crash the process.
 */
export const YAML_MAX_CHARS = 8192;
export const YAML_MAX_DEPTH = 16;

type YamlRefusal = Extract<ProblemDetail, { code: 'yaml-too-large' | 'yaml-too-deep' }>;

export function parseYaml(text: string): ParsedYaml {
  const lineOf = lineIndex(text);
  const refused = refuseComplex(text);
  if (refused) {
    const reason =
      refused.code === 'yaml-too-large'
        ? `YAML too large: ${refused.params.chars} characters, at most ${refused.params.maxChars}`
        : `YAML nested too deeply: more than ${refused.params.maxDepth} levels`;
    return { doc: parseDocument(''), errors: [{ line: 1, detail: refused, reason }], lineOf };
  }
  // prettyErrors off: we want the bare message and compute the line ourselves. No stack
  // traces while parsing: the parser makes one Error per problem, and nobody reads them.
  const savedLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } finally {
    Error.stackTraceLimit = savedLimit;
  }
  const errors = doc.errors.map((error) => {
    const message = firstLine(error.message);
    return {
      line: lineOf(error.pos[0]),
      detail: { code: 'yaml-syntax' as const, params: { message } },
      reason: `YAML syntax error: ${message}`,
    };
  });
  return { doc, errors, lineOf };
}

/**
 * One line of the plainest front matter: a key, one space, and a quoted text with nothing to
 * unescape, a date, or a word of letters. What the parser makes of such a line is the
 * text between the quotes or the plain word itself, a string in every case (a date is no
 * type of its own in YAML 1.2, and `true`, `false` and `null` are refused below).
 */
const PLAIN_LINE =
  /^([A-Za-z][A-Za-z_-]*): (?:"([^"\\\p{Cc}\u2028\u2029\ufeff[{]*)"|'([^'\p{Cc}\u2028\u2029\ufeff[{]*)'|(\d{4}-\d{2}-\d{2}|[A-Za-zÆØÅæøå]+))$/u;

/** Plain words and keys the parser reads as a boolean or null, not as a string. */
const NOT_A_STRING = /^(?:true|false|null)$/i;

/**
 * `mapEntries(parseYaml(text))` for front matter made of plain lines only (`PLAIN_LINE`,
 * and empty lines), without the parser; undefined for anything else, which the parser
 * then reads (with its errors and refusals). Every file of a folder is read on the thread
 * that answers, and the parser took a fifth of that for a title, a date and a language.
 */
export function plainEntries(
  text: string,
): { key: string; value: string; line: number }[] | undefined {
  if (text.length > YAML_MAX_CHARS) return undefined;
  const entries: { key: string; value: string; line: number }[] = [];
  const keys = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const match = PLAIN_LINE.exec(line);
    const key = match?.[1];
    const value = match?.[2] ?? match?.[3] ?? match?.[4];
    if (key === undefined || value === undefined || NOT_A_STRING.test(key)) return undefined;
    // A repeated key is the parser's error to report.
    if (keys.has(key) || (match?.[4] !== undefined && NOT_A_STRING.test(value))) return undefined;
    keys.add(key);
    entries.push({ key, value, line: i + 1 });
  }
  return entries;
}

/** Why `text` is too big or too deeply nested to hand to the parser, or undefined. */
function refuseComplex(text: string): YamlRefusal | undefined {
  if (text.length > YAML_MAX_CHARS) {
    return { code: 'yaml-too-large', params: { chars: text.length, maxChars: YAML_MAX_CHARS } };
  }
  const tooDeep: YamlRefusal = { code: 'yaml-too-deep', params: { maxDepth: YAML_MAX_DEPTH } };
  let flow = 0;
  for (const line of text.split('\n')) {
    // Block indicators opening one line ("- - - x", "? ? ? x") nest one level each.
    const indicators = /^(?:[ \t]*[-?:](?=[ \t]|$))*/u.exec(line)?.[0] ?? '';
    if (indicators.replace(/[ \t]/gu, '').length > YAML_MAX_DEPTH) return tooDeep;
    for (const c of line) {
      if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
      if (flow > YAML_MAX_DEPTH) return tooDeep;
    }
  }
  return undefined;
}

/** The 1-based line of a node's start, when the parser kept its range. */
export function nodeLine(node: unknown, lineOf: (offset: number) => number): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineOf(range[0]) : undefined;
}

/** Top-level `key: value` pairs with the line of each key, in source order. */
export function mapEntries(
  parsed: ParsedYaml,
): { key: string; value: unknown; line: number }[] | undefined {
  const contents = parsed.doc.contents;
  if (contents === null) return [];
  if (!isMap(contents)) return undefined;
  return contents.items.map((pair) => {
    const keyNode = pair.key;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const value = isNodeLike(pair.value) ? pair.value.toJSON() : pair.value;
    return { key, value, line: nodeLine(keyNode, parsed.lineOf) ?? 1 };
  });
}

function isNodeLike(value: unknown): value is { toJSON: () => unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'toJSON' in value &&
    typeof (value as { toJSON: unknown }).toJSON === 'function'
  );
}

/** Offset -> 1-based line, by binary search over newline positions. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
}
