import type { Language } from '../knowledge/types';
import { analyzeTokens } from '../language';

/** Text split into runs; marked runs are the matched words. Renderers bold or style them. */
export interface Snippet {
  segments: { text: string; marked: boolean }[];
  /** The snippet starts inside the passage: renderers show an ellipsis. */
  cutStart: boolean;
  cutEnd: boolean;
}

/** A character range [start, end) of a text. */
export interface CharRange {
  start: number;
  end: number;
}

/** What to mark: index terms (matched case-insensitively through analysis) and/or char ranges. */
export interface SnippetMarks {
  terms?: ReadonlySet<string>;
  ranges?: readonly CharRange[];
  /** The parts of a compound term, when a part may have matched ("fred" of "fredssamtalene"). */
  partsOf?: ((term: string) => readonly string[]) | undefined;
}

/** Long enough for a sentence or two of news text, short enough for a Discord embed field. */
export const DEFAULT_SNIPPET_CHARS = 280;

// Context kept before the first mark when a sentence is too long to show whole, so the
// reader sees what leads up to the marked word.
const LEAD_CONTEXT = 60;

/**
 * The best sentence(s) of a passage around the marked words, never cut mid-word, at most
 * `maxChars` long. Without any mark in the text, the first sentence(s).
 */
export function makeSnippet(
  text: string,
  language: Language,
  mark: SnippetMarks,
  maxChars: number = DEFAULT_SNIPPET_CHARS,
): Snippet {
  const marks = findMarks(text, language, mark);
  const sentences = splitSentences(text);
  if (sentences.length === 0) return { segments: [], cutStart: false, cutEnd: false };

  const window = chooseWindow(text, sentences, marks, maxChars);
  const firstChar = sentences[0]?.start ?? 0;
  const lastChar = sentences[sentences.length - 1]?.end ?? text.length;
  return {
    segments: segmentsOf(text, window, marks),
    cutStart: window.start > firstChar,
    cutEnd: window.end < lastChar,
  };
}

/** Marked character ranges, sorted and merged. */
export function findMarks(text: string, language: Language, mark: SnippetMarks): CharRange[] {
  const ranges: CharRange[] = [];
  const terms = mark.terms;
  if (terms && terms.size > 0) {
    let whole: CharRange | undefined;
    for (const token of analyzeTokens(text, language)) {
      // Parts follow their hyphenated whole: a matching part marks the whole word, so
      // "Kreml" marks "Kreml-talsmannen" rather than half of it.
      if (!token.part) whole = { start: token.start, end: token.end };
      if (token.term === null) continue;
      const matched =
        terms.has(token.term) || (mark.partsOf?.(token.term).some((p) => terms.has(p)) ?? false);
      if (!matched) continue;
      ranges.push(token.part && whole ? whole : { start: token.start, end: token.end });
    }
  }
  for (const range of mark.ranges ?? []) {
    const start = Math.max(0, range.start);
    const end = Math.min(text.length, range.end);
    if (end > start) ranges.push({ start, end });
  }
  return mergeRanges(ranges);
}

function mergeRanges(ranges: CharRange[]): CharRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: CharRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

// Abbreviations whose full stop does not end a sentence (Norwegian and English news usage).
const ABBREVIATIONS = new Set([
  'bl.a',
  'f.eks',
  'dvs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'nr',
  'ca',
  'jf',
  'kl',
  'etc',
  'osv',
  'mv',
  'inkl',
  'evt',
  'ev',
  'pga',
  'vs',
  'no',
  'jr',
  'sr',
  'gen',
  'sen',
  'rep',
  'mill',
  'mrd',
  'tlf',
  'ant',
  'bl',
  'm.m',
  'o.l',
  'e.l',
  'p.t',
  'a.s',
  'd.d',
]);

// A sentence ends at . ! ? or … (with closing quotes/brackets), followed by whitespace and
// something that can start a sentence; or at a line break.
const BOUNDARY = /([.!?…]+["»”’)\]]*)(\s+)(?=["«“‘([–—-]?\s*[\p{Lu}\p{N}])|\n+/gu;

/** Sentence ranges of a text, trimmed, in order. */
export function splitSentences(text: string): CharRange[] {
  const sentences: CharRange[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const punctuation = match[1];
    if (punctuation?.startsWith('.') && isAbbreviation(text, match.index)) {
      continue;
    }
    const end = match.index + (punctuation?.length ?? 0);
    pushTrimmed(text, start, end, sentences);
    start = match.index + match[0].length;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 12), dotIndex);
  const word = /([\p{L}.]+)$/u.exec(before)?.[1];
  if (word === undefined) return false;
  // A single capital letter is an initial ("George W. Bush").
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, out: CharRange[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text.charAt(s))) s++;
  while (e > s && /\s/u.test(text.charAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

function countMarks(range: CharRange, marks: readonly CharRange[]): number {
  let count = 0;
  for (const m of marks) if (m.start < range.end && m.end > range.start) count++;
  return count;
}

/** The passage range to show: whole sentences when they fit, else a word-aligned cut. */
function chooseWindow(
  text: string,
  sentences: readonly CharRange[],
  marks: readonly CharRange[],
  maxChars: number,
): CharRange {
  const counts = sentences.map((s) => countMarks(s, marks));
  let best = 0;
  for (let i = 1; i < counts.length; i++) if ((counts[i] ?? 0) > (counts[best] ?? 0)) best = i;
  const bestSentence = sentences[best] ?? { start: 0, end: text.length };
  if (bestSentence.end - bestSentence.start > maxChars) {
    return cutLongRange(text, bestSentence, marks, maxChars);
  }

  // Grow with neighbouring sentences that hold marks, as long as the whole still fits.
  let first = best;
  let last = best;
  const fits = (a: number, b: number) =>
    (sentences[b]?.end ?? 0) - (sentences[a]?.start ?? 0) <= maxChars;
  for (;;) {
    const prevMarks = first > 0 ? (counts[first - 1] ?? 0) : -1;
    const nextMarks = last < sentences.length - 1 ? (counts[last + 1] ?? 0) : -1;
    if (nextMarks > 0 && nextMarks >= prevMarks && fits(first, last + 1)) last++;
    else if (prevMarks > 0 && fits(first - 1, last)) first--;
    else break;
  }
  // Then fill the room left with context: the sentences after (which a reader expects),
  // then before.
  while (last < sentences.length - 1 && fits(first, last + 1)) last++;
  while (first > 0 && fits(first - 1, last)) first--;
  return { start: sentences[first]?.start ?? 0, end: sentences[last]?.end ?? text.length };
}

/** A window of at most maxChars inside a too-long range, covering as many marks as possible. */
function cutLongRange(
  text: string,
  range: CharRange,
  marks: readonly CharRange[],
  maxChars: number,
): CharRange {
  const inside = marks.filter((m) => m.start >= range.start && m.end <= range.end);
  let start = range.start;
  let bestCount = -1;
  for (const anchor of inside) {
    const candidate = Math.max(range.start, anchor.start - LEAD_CONTEXT);
    const count = countMarks({ start: candidate, end: candidate + maxChars }, inside);
    if (count > bestCount) {
      bestCount = count;
      start = candidate;
    }
  }
  // Keep the window inside the range: near the end, slide it back.
  start = Math.max(range.start, Math.min(start, range.end - maxChars));
  let s = snapStartToWord(text, start, range.start);
  let e = snapEndToWord(text, Math.min(range.end, s + maxChars), s);
  if (e <= s) {
    // One word longer than the limit: nothing to align to, so show it cut.
    s = start;
    e = Math.min(range.end, start + maxChars);
  }
  return { start: s, end: e };
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text.charAt(index));
}

/** Moves a start forward out of a word (and past following spaces/punctuation). */
function snapStartToWord(text: string, start: number, rangeStart: number): number {
  let s = start;
  if (s > rangeStart && isWordChar(text, s - 1)) {
    while (s < text.length && !/\s/u.test(text.charAt(s))) s++;
  }
  while (s < text.length && /\s/u.test(text.charAt(s))) s++;
  return s;
}

/** Moves an end back out of a word (and before preceding spaces). */
function snapEndToWord(text: string, end: number, floor: number): number {
  let e = end;
  if (isWordChar(text, e) && e > floor) {
    while (e > floor && !/\s/u.test(text.charAt(e - 1))) e--;
  }
  while (e > floor && /\s/u.test(text.charAt(e - 1))) e--;
  // Do not end on a dangling opening bracket or dash.
  while (e > floor && /[([«“–—-]/u.test(text.charAt(e - 1))) e--;
  while (e > floor && /\s/u.test(text.charAt(e - 1))) e--;
  return e;
}

function segmentsOf(
  text: string,
  window: CharRange,
  marks: readonly CharRange[],
): Snippet['segments'] {
  const segments: Snippet['segments'] = [];
  let at = window.start;
  for (const m of marks) {
    const start = Math.max(m.start, window.start);
    const end = Math.min(m.end, window.end);
    if (end <= start || start < at) continue;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < window.end) segments.push({ text: text.slice(at, window.end), marked: false });
  return segments;
}
