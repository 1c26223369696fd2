import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { englishBaseForm } from './english-forms';
import { foldCase } from './normalize';
import { stem } from './stem';

/**
 * English phrases whose meaning is not the sum of their words' ("who is behind" is "står
 * bak", "take part" is "delta", "dig in his heels" is "sette seg på bakbeina"), from
 * `lexicon/english-phrases-nor.tsv`. A phrase found in a query stands for its Norwegian
 * words, and its own words are not translated one by one.
 */

/** One entry of the phrase table. */
export interface PhraseEntry {
  /** The English words as index keys (base form, stemmed); `*` stands for any one word. */
  english: string[];
  /**
   * The Norwegian words, each a list of forms any of which may stand for it; none for a
   * phrase of function words ("be going to", "have to").
   */
  norwegian: string[][];
}

/** A phrase found in a sequence of words. */
export interface PhraseMatch {
  /** Index of the phrase's first word. */
  start: number;
  /** Index after its last word. */
  end: number;
  norwegian: string[][];
}

const FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'lexicon',
  'english-phrases-nor.tsv',
);

/** The key a written English word is matched by: its base form's stem. */
export function englishPhraseKey(folded: string): string {
  return stem(englishBaseForm(folded), 'en');
}

/** Parses "english phrase<TAB>norsk/norske ord" lines. */
export function parsePhrases(text: string): PhraseEntry[] {
  const entries: PhraseEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim().length === 0) continue;
    const [english, norwegian] = line.split('\t');
    if (!english || !norwegian) continue;
    const words = foldCase(english.trim())
      .split(/\s+/u)
      .map((w) => (w === '*' ? w : englishPhraseKey(w)));
    // "-": a phrase of function words ("be going to"), which stands for no word at all.
    const slots =
      norwegian.trim() === '-'
        ? []
        : norwegian
            .trim()
            .split(/\s+/u)
            .map((slot) => slot.split('/').map(foldCase));
    // A phrase starts with a word of its own (entries are looked up by their first word).
    if (words.length >= 2 && words[0] !== '*') entries.push({ english: words, norwegian: slots });
  }
  return entries;
}

/** Entries by their first English word, so each query word looks at its own few. */
const byFirstWord = new WeakMap<readonly PhraseEntry[], Map<string, PhraseEntry[]>>();

function entriesByFirstWord(entries: readonly PhraseEntry[]): Map<string, PhraseEntry[]> {
  let map = byFirstWord.get(entries);
  if (map === undefined) {
    map = new Map();
    for (const entry of entries) {
      const first = entry.english[0] ?? '';
      const list = map.get(first);
      if (list === undefined) map.set(first, [entry]);
      else list.push(entry);
    }
    byFirstWord.set(entries, map);
  }
  return map;
}

/**
 * The phrases in a sequence of case-folded words, left to right, the longest where two
 * start at the same word; a matched phrase's words are not searched for another.
 */
export function findPhrases(
  entries: readonly PhraseEntry[],
  folded: readonly string[],
): PhraseMatch[] {
  const byFirst = entriesByFirstWord(entries);
  const keys = folded.map(englishPhraseKey);
  const matches: PhraseMatch[] = [];
  let i = 0;
  while (i < keys.length) {
    let best: PhraseEntry | undefined;
    for (const entry of byFirst.get(keys[i] ?? '') ?? []) {
      if (best && entry.english.length <= best.english.length) continue;
      if (i + entry.english.length > keys.length) continue;
      if (entry.english.every((w, j) => w === '*' || w === keys[i + j])) best = entry;
    }
    if (best) {
      matches.push({ start: i, end: i + best.english.length, norwegian: best.norwegian });
      i += best.english.length;
    } else i++;
  }
  return matches;
}

let loaded: PhraseEntry[] | undefined;

/** The shipped phrase table, read once on first use. */
export function englishPhrases(): readonly PhraseEntry[] {
  loaded ??= parsePhrases(readFileSync(FILE, 'utf8'));
  return loaded;
}
