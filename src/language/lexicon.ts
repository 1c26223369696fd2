import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pace } from '../knowledge/pace';
import { foldCase } from './normalize';
import { stem } from './stem';
import { isStopWord } from './stopwords';

/**
 * The bilingual search lexicon: English <-> Norwegian, between index terms (stems), so a
 * query word analysed for one language finds passages written in the other. Two sources:
 * `lexicon/eng-nor.tsv`, generated from FreeDict (CC BY-SA 3.0, see its header and
 * `npm run lexicon:build`), and `lexicon/news-eng-nor.tsv`, a short hand-written list of news
 * words FreeDict lacks or translates only in senses news rarely means ("talks" as
 * negotiations). Nynorsk shares the Norwegian stems (one stemmer serves both).
 */
export type LexiconSide = 'en' | 'no';

export interface Lexicon {
  /** The other language's stems for a stem of `from`; empty when the lexicon has none. */
  translate(term: string, from: LexiconSide): readonly string[];
  /** Whether the lexicon knows this stem as a word of that language. */
  knows(term: string, side: LexiconSide): boolean;
  /**
   * The Norwegian stems of an English word (case-folded, as written): the hand table's
   * where it lists the word, which replace FreeDict's (their rarer senses, and the senses
   * of other words with the same stem: "evening" is not "even"); otherwise its stem's.
   */
  translateEnglish(folded: string): readonly string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const GENERATED = path.join(here, 'lexicon', 'eng-nor.tsv');
const SUPPLEMENT = path.join(here, 'lexicon', 'news-eng-nor.tsv');

function addPair(map: Map<string, string[]>, from: string, to: string): void {
  const list = map.get(from);
  if (list === undefined) map.set(from, [to]);
  else if (!list.includes(to)) list.push(to);
}

/** Lines of a lexicon file that are not comments or blank. */
function dataLines(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim().length > 0 && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** Builds a lexicon from the generated file (stems) and the supplement (words). */
export function parseLexicon(generated: string, supplement = ''): Lexicon {
  const steps = lexiconSteps(generated, supplement);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Generated lines, and supplement lines (each stemmed word by word), between two yields. */
const GENERATED_PER_STEP = 1000;
const SUPPLEMENT_PER_STEP = 25;

/** `parseLexicon` in steps of a few milliseconds (the supplement's stemming is most of it). */
function* lexiconSteps(generated: string, supplement: string): Generator<void, Lexicon> {
  const enToNo = new Map<string, string[]>();
  const noToEn = new Map<string, string[]>();
  // The supplement's words as written, for `translateEnglish`.
  const byWord = new Map<string, string[]>();
  let lines = 0;
  for (const [en, no] of dataLines(generated)) {
    if (++lines % GENERATED_PER_STEP === 0) yield;
    if (!en || !no) continue;
    for (const term of no.split(' ')) {
      addPair(enToNo, en, term);
      addPair(noToEn, term, en);
    }
  }
  // The supplement is written in plain words: "talks<TAB>samtaler forhandlinger".
  lines = 0;
  for (const [enWords, noWords] of dataLines(supplement)) {
    if (++lines % SUPPLEMENT_PER_STEP === 0) yield;
    if (!enWords || !noWords) continue;
    for (const enWord of enWords.split(' ')) {
      const en = stem(foldCase(enWord), 'en');
      for (const noWord of noWords.split(' ')) {
        const folded = foldCase(noWord);
        if (folded.length === 0 || isStopWord(folded, 'nb')) continue;
        const no = stem(folded, 'nb');
        addPair(enToNo, en, no);
        addPair(noToEn, no, en);
        addPair(byWord, foldCase(enWord), no);
      }
    }
  }
  return lexiconOf({ enToNo, noToEn, byWord });
}

/**
 * A lexicon's tables as it reads them: the generated file's pairs and the supplement's,
 * stemmed. What a snapshot stores (archive/snapshot-body.ts, `LEXI`), so that a restart
 * takes them as they are instead of reading both files and stemming the supplement again
 * (100-300 ms of its main thread at every start, the stemmers compiled for it).
 */
export interface LexiconTables {
  enToNo: ReadonlyMap<string, readonly string[]>;
  noToEn: ReadonlyMap<string, readonly string[]>;
  /** The supplement's English words as written, to Norwegian stems. */
  byWord: ReadonlyMap<string, readonly string[]>;
}

/** The names of `LexiconTables`' tables, in the order a snapshot stores them. */
export const LEXICON_TABLES = ['enToNo', 'noToEn', 'byWord'] as const;

const tablesOf = new WeakMap<Lexicon, LexiconTables>();

function lexiconOf(tables: LexiconTables): Lexicon {
  const { enToNo, noToEn, byWord } = tables;
  const made: Lexicon = {
    translate: (term, from) => (from === 'en' ? enToNo : noToEn).get(term) ?? [],
    knows: (term, side) => (side === 'en' ? enToNo : noToEn).has(term),
    translateEnglish: (folded) => byWord.get(folded) ?? enToNo.get(stem(folded, 'en')) ?? [],
  };
  tablesOf.set(made, tables);
  return made;
}

let loaded: Lexicon | undefined;
/** The shipped lexicon's parse, once begun (by `prepareLexicon` or the first `lexicon()`). */
let loading: Generator<void, Lexicon> | undefined;

const shippedSteps = (): Generator<void, Lexicon> =>
  lexiconSteps(readFileSync(GENERATED, 'utf8'), readFileSync(SUPPLEMENT, 'utf8'));

/** The shipped lexicon, read once on first use (what `prepareLexicon` left, at once). */
export function lexicon(): Lexicon {
  if (!loaded) {
    loading ??= shippedSteps();
    for (;;) {
      const next = loading.next();
      if (next.done) {
        loaded = next.value;
        break;
      }
    }
  }
  return loaded;
}

/** Whether the shipped lexicon has been read (a query then pays nothing for it). */
export const lexiconRead = (): boolean => loaded !== undefined;

/** The shipped lexicon's tables, read first in steps when not yet (what a snapshot stores). */
export async function shippedLexiconTables(pace: Pace): Promise<LexiconTables> {
  await prepareLexicon(pace);
  const tables = tablesOf.get(lexicon());
  if (!tables) throw new Error('The shipped lexicon has no tables');
  return tables;
}

/**
 * Takes `tables` (a snapshot's, made by this code from the same files: its key covers
 * them) as the shipped lexicon, unless it has been read already.
 */
export function adoptShippedLexicon(tables: LexiconTables): void {
  if (loaded) return;
  loaded = lexiconOf(tables);
  loading = undefined;
}

/**
 * Reads the shipped lexicon in steps, yielding when `pace` says, so that the first query
 * after a start does not (in one step: 100-240 ms of main-thread CPU, most of it stemming
 * the supplement's words with the stemmers not yet compiled). A search index's warm-up
 * calls it; a query that comes first finishes what is left.
 */
export async function prepareLexicon(pace: Pace): Promise<void> {
  loading ??= shippedSteps();
  while (!loaded) {
    const next = loading.next();
    if (next.done) {
      loaded = next.value;
      return;
    }
    if (pace.due()) await pace.breathe();
  }
}
