/**
 * Query sets drawn from the corpus itself, seeded so every run asks the same: frequent
 * words (the case that made MiniSearch score tens of thousands of passages), names,
 * questions, typos; names and days for the answers and autocompletes.
 */
import type { Article } from '../src/knowledge/types';
import { foldCase, isStopWord } from '../src/language';
import { seededRandom } from '../test/helpers/random';

export interface SearchQuerySets {
  frequent: string[];
  names: string[];
  questions: string[];
  typos: string[];
}

export type QuerySet = keyof SearchQuerySets;
export const QUERY_SETS: readonly QuerySet[] = ['frequent', 'names', 'questions', 'typos'];

const WORD = /\p{L}{4,}/gu;
const NAME = /(?<=[\p{Ll},] )\p{Lu}\p{Ll}{2,}(?: \p{Lu}\p{Ll}{2,})?/gu;

function sample<T>(items: readonly T[], count: number, rand: () => number): T[] {
  if (items.length === 0) return [];
  return Array.from({ length: count }, () => items[Math.floor(rand() * items.length)] as T);
}

/** Passage frequencies of content words (lower-cased surface forms), most frequent first. */
function frequentWords(articles: readonly Article[], take: number): string[] {
  const df = new Map<string, number>();
  for (const article of articles) {
    for (const passage of article.passages) {
      const seen = new Set(passage.text.match(WORD)?.map(foldCase) ?? []);
      for (const w of seen) if (!isStopWord(w, 'nb')) df.set(w, (df.get(w) ?? 0) + 1);
    }
  }
  return [...df.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, take)
    .map(([w]) => w);
}

/** One edit: a letter dropped, doubled, swapped with the next or replaced. */
function typo(word: string, rand: () => number): string {
  const at = 1 + Math.floor(rand() * (word.length - 2));
  const kind = Math.floor(rand() * 4);
  const letters = 'aeiourstnlk';
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  if (kind === 2) return word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2);
  return word.slice(0, at) + letters[Math.floor(rand() * letters.length)] + word.slice(at + 1);
}

export function searchQueries(articles: readonly Article[], perSet: number): SearchQuerySets {
  const rand = seededRandom(20240611);
  const passages = articles.flatMap((a) => a.passages);
  const frequent = frequentWords(articles, 200);
  const names: string[] = [];
  const wordsOf: string[][] = [];
  for (const passage of sample(passages, perSet * 20, rand)) {
    const found = passage.text.match(NAME);
    if (found) names.push(...found);
    wordsOf.push(passage.text.match(WORD) ?? []);
  }
  const long = wordsOf.flat().filter((w) => w.length >= 6);
  const starts = ['Hva sa', 'Hvem er', 'Hvor mange', 'Når kom', 'Hvorfor ble', 'Hva skjedde med'];
  const questions: string[] = [];
  for (const words of wordsOf) {
    if (questions.length >= perSet) break;
    if (words.length < 4) continue;
    const at = Math.floor(rand() * (words.length - 3));
    const start = starts[questions.length % starts.length];
    questions.push(`${start} ${words[at]} ${words[at + 1]} ${words[at + 3]}?`);
  }
  return {
    // A frequent word alone or with another frequent word: the worst case for scoring.
    frequent: Array.from({ length: perSet }, (_, i) => {
      const [a, b] = sample(frequent, 2, rand);
      return i % 2 === 0 ? (a ?? '') : `${a} ${b}`;
    }),
    names: sample(names, perSet, rand),
    questions,
    typos: sample(long, perSet, rand).map((w) => typo(w, rand)),
  };
}

export interface AnswerQuerySets {
  /** Names the archive knows, and misspelt ones (a miss suggests close names). */
  who: string[];
  /** Days, months and ranges over the archive's years. */
  days: string[];
  /** What a user has typed so far into the name option. */
  namePrefixes: string[];
  /** What a user has typed so far into the day option. */
  dayPrefixes: string[];
}

export function answerQueries(knownNames: readonly string[], perSet: number): AnswerQuerySets {
  const rand = seededRandom(17052005);
  const names = sample(knownNames, perSet, rand);
  const who = names.map((n, i) => (i % 4 === 3 && n.length > 4 ? typo(n, rand) : n));
  const year = () => 2005 + Math.floor(rand() * 14);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = () =>
    `${year()}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
  const days = Array.from({ length: perSet }, (_, i) => {
    if (i % 5 === 3) return `${year()}-${pad(1 + Math.floor(rand() * 12))}`;
    if (i % 5 === 4) {
      const start = day();
      return `${start}..${start.slice(0, 8)}28`;
    }
    return day();
  });
  const namePrefixes = sample(knownNames, perSet, rand).map((n) =>
    n.slice(0, 1 + Math.floor(rand() * Math.min(6, n.length))),
  );
  const dayPrefixes = Array.from({ length: perSet }, (_, i) => {
    const d = day();
    if (i % 3 === 0) return d.slice(0, 4);
    if (i % 3 === 1) return d.slice(0, 7);
    return `${Number(d.slice(8))}.${d.slice(5, 7)}`;
  });
  return { who, days, namePrefixes, dayPrefixes };
}
