/**
 * What people type, measured on NorQuAD news: the same passages asked (a) in English, as
 * an English-speaking member would ask the Norwegian question, and (b) as 2-3 keywords,
 * compounds and hyphens included. Both sets were written by hand (eval/questions/*.tsv:
 * NorQuAD ids and our texts only); the original Norwegian questions over the same ids are
 * the reference. Tune on validation only; report test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PassageIndex } from '../src/search';
import { type NorquadCorpus, type RetrievalScores, type Split, scoreRanks } from './retrieval';

export interface UnderstandingScores {
  norwegian: RetrievalScores;
  english: RetrievalScores;
  short: RetrievalScores;
}

export type UnderstandingReport = Record<Split, UnderstandingScores>;

interface Rewrite {
  id: string;
  english: string;
  short: string;
}

const QUESTIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'questions');

export function loadRewrites(split: Split): Rewrite[] {
  const text = readFileSync(path.join(QUESTIONS_DIR, `${split}.tsv`), 'utf8');
  const rewrites: Rewrite[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim().length === 0) continue;
    const [id, english, short] = line.split('\t');
    if (id && english && short) rewrites.push({ id, english, short });
  }
  return rewrites;
}

function rankOf(index: PassageIndex, query: string, wanted: string): number {
  const i = index.search(query, { limit: 10 }).findIndex((h) => h.passageId === wanted);
  return i < 0 ? Number.POSITIVE_INFINITY : i + 1;
}

export function evaluateUnderstanding(
  corpus: NorquadCorpus,
  index: PassageIndex,
  split: Split,
): UnderstandingScores {
  const byId = new Map(corpus.questions[split].map((q) => [q.id, q]));
  const ranks = { norwegian: [] as number[], english: [] as number[], short: [] as number[] };
  for (const rewrite of loadRewrites(split)) {
    const question = byId.get(rewrite.id);
    if (!question)
      throw new Error(`eval/questions/${split}.tsv: no NorQuAD question ${rewrite.id}`);
    ranks.norwegian.push(rankOf(index, question.question, question.passageId));
    ranks.english.push(rankOf(index, rewrite.english, question.passageId));
    ranks.short.push(rankOf(index, rewrite.short, question.passageId));
  }
  return {
    norwegian: scoreRanks(ranks.norwegian),
    english: scoreRanks(ranks.english),
    short: scoreRanks(ranks.short),
  };
}

export function formatUnderstandingTable(report: UnderstandingReport): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    'split       questions  asked as            MRR@10  recall@5  ratio to Norwegian MRR@10',
  ];
  for (const split of ['validation', 'test'] as const) {
    const s = report[split];
    for (const [name, scores] of [
      ['Norwegian (NorQuAD)', s.norwegian],
      ['English', s.english],
      ['2-3 keywords', s.short],
    ] as const) {
      const ratio = s.norwegian.mrr10 > 0 ? scores.mrr10 / s.norwegian.mrr10 : 0;
      lines.push(
        `${split.padEnd(10)} ${String(scores.questions).padStart(10)}  ${name.padEnd(19)} ${f(scores.mrr10).padStart(6)}  ${f(scores.recall5).padStart(8)}  ${f(ratio).padStart(6)}`,
      );
    }
  }
  return lines.join('\n');
}
