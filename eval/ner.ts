/**
 * Person-name precision/recall/F1 of the rule-based entity reader against the NorNE `PER`
 * tags of the Norwegian Dependency Treebank (Bokmål). Sentences are rebuilt from tokens
 * in memory; a predicted person counts only when it covers exactly the gold tokens.
 * Run: npx tsx eval/ner.ts [corpusDir] [--audit]  (`--audit`: role precision, see eval/roles.ts)
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLexicon } from '../src/extract/entities/lexicon';
import { extractEntityMentions } from '../src/extract/entities/mentions';

export interface NerScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  tp: number;
}

interface Sentence {
  text: string;
  /** Character offsets of each token in `text`. */
  starts: number[];
  ends: number[];
  /** Gold PER spans as "firstToken:lastToken". */
  gold: Set<string>;
}

const NO_SPACE_BEFORE = new Set([',', '.', ':', ';', '!', '?', ')', '%', '»', '…']);
const NO_SPACE_AFTER = new Set(['(', '«']);

/** One sentence from CoNLL rows: tokens joined the way they were written, with gold person spans. */
function buildSentence(rows: string[][]): Sentence {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const gold = new Set<string>();
  let openQuote = false;
  let previous = '';
  let spanStart = -1;
  rows.forEach((columns, index) => {
    const form = columns[1] ?? '';
    const tag = (columns[columns.length - 1] ?? '').replace(/^name=/u, '');
    const isQuote = form === '"';
    let space = index > 0;
    if (NO_SPACE_BEFORE.has(form) || NO_SPACE_AFTER.has(previous)) space = false;
    if (isQuote && openQuote) space = false;
    if (previous === '"' && openQuote) space = false;
    if (isQuote) openQuote = !openQuote;
    if (space) text += ' ';
    starts.push(text.length);
    text += form;
    ends.push(text.length);
    previous = form;
    if (tag === 'B-PER' || (tag === 'I-PER' && spanStart < 0)) {
      if (spanStart >= 0) gold.add(`${spanStart}:${index - 1}`);
      spanStart = index;
    } else if (tag !== 'I-PER' && spanStart >= 0) {
      gold.add(`${spanStart}:${index - 1}`);
      spanStart = -1;
    }
  });
  if (spanStart >= 0) gold.add(`${spanStart}:${rows.length - 1}`);
  return { text, starts, ends, gold };
}

export function readConll(content: string): Sentence[] {
  const sentences: Sentence[] = [];
  let rows: string[][] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '') {
      if (rows.length > 0) sentences.push(buildSentence(rows));
      rows = [];
    } else if (!line.startsWith('#')) rows.push(line.split('\t'));
  }
  if (rows.length > 0) sentences.push(buildSentence(rows));
  return sentences;
}

export function scoreSentences(
  sentences: readonly Sentence[],
  lexiconTexts: readonly string[],
): NerScore {
  const lexicon = buildLexicon(lexiconTexts);
  let gold = 0;
  let predicted = 0;
  let tp = 0;
  for (const sentence of sentences) {
    gold += sentence.gold.size;
    const found = new Set<string>();
    for (const mention of extractEntityMentions(sentence.text, 'nb', lexicon)) {
      if (mention.kind !== 'person') continue;
      const first = sentence.starts.indexOf(mention.start);
      const last = sentence.ends.indexOf(mention.end);
      found.add(
        first < 0 || last < 0 ? `chars:${mention.start}:${mention.end}` : `${first}:${last}`,
      );
    }
    predicted += found.size;
    for (const span of found) if (sentence.gold.has(span)) tp++;
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, tp };
}

function loadCorpus(corpusDir: string, filter: (file: string) => boolean = () => true) {
  const dir = path.join(corpusDir, 'ndt-nob');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.conll'))
    .sort();
  const all = files.map((file) => ({
    file,
    sentences: readConll(readFileSync(path.join(dir, file), 'utf8')),
  }));
  const texts = all.flatMap((f) => f.sentences.map((s) => s.text));
  const chosen = all.filter((f) => filter(f.file)).flatMap((f) => f.sentences);
  return { texts, chosen };
}

/** PER precision/recall/F1 over all NorNE files; the lexicon is built from all corpus text. */
export async function evaluateNer(corpusDir: string): Promise<NerScore> {
  const { texts, chosen } = loadCorpus(corpusDir);
  return scoreSentences(chosen, texts);
}

/** The same score on a subset of files (e.g. tuning on ap/db, checking the rest). */
export async function evaluateNerOn(
  corpusDir: string,
  filter: (file: string) => boolean,
): Promise<NerScore> {
  const { texts, chosen } = loadCorpus(corpusDir, filter);
  return scoreSentences(chosen, texts);
}

const format = (s: NerScore): string =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (gold ${s.gold}, predicted ${s.predicted}, tp ${s.tp})`;

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const argv = process.argv.slice(2);
  const corpusDir =
    argv.find((a) => !a.startsWith('--')) ?? path.resolve(here, '../../shared/corpus');
  if (!existsSync(path.join(corpusDir, 'ndt-nob'))) {
    console.log(`NER evaluation skipped: no NorNE data at ${corpusDir}/ndt-nob`);
    return;
  }
  if (argv.includes('--audit')) {
    // Role precision on the hand-judged NDT sample (eval/roles.ts).
    const { printRolesAudit } = await import('./roles');
    await printRolesAudit(corpusDir);
    return;
  }
  const tune = (f: string) => f.startsWith('ap') || f.startsWith('db');
  console.log(`tune (ap*, db*): ${format(await evaluateNerOn(corpusDir, tune))}`);
  console.log(`rest:            ${format(await evaluateNerOn(corpusDir, (f) => !tune(f)))}`);
  console.log(`all files:       ${format(await evaluateNer(corpusDir))}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
