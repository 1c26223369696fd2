/**
 * Retrieval quality on NorQuAD (news part): index every distinct article of the validation
 * and test files as passages, ask each question, and score where the passage holding the
 * answer ranks. Kilde's index against MiniSearch with its default options over the same
 * passages. Tune on validation only; report test.
 *
 * Run directly: `npx tsx eval/retrieval.ts [corpusDir]`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import type { Article, Passage } from '../src/knowledge/types';
import { detectLanguage } from '../src/language/detect';
import { PassageIndex } from '../src/search';
import { DEFAULT_TUNING, type SearchTuning } from '../src/search/tuning';
import {
  evaluateUnderstanding,
  formatUnderstandingTable,
  loadRewrites,
  type UnderstandingReport,
} from './understanding';

export type Split = 'validation' | 'test';

export interface RetrievalScores {
  mrr10: number;
  recall5: number;
  recall1: number;
  questions: number;
}

export interface RetrievalReport {
  validation: RetrievalScores;
  test: RetrievalScores;
  baseline: { validation: RetrievalScores; test: RetrievalScores };
  passages: number;
  articles: number;
  /** English and keyword versions of the same questions (eval/understanding.ts). */
  understanding: UnderstandingReport;
  /** The Norwegian questions with one slip of the keys each (`withSlip`). */
  slips: { validation: RetrievalScores; test: RetrievalScores };
  /** What the relevance floor is for: questions asked of an archive without their articles. */
  unrelated: { validation: UnrelatedScores; test: UnrelatedScores };
}

/**
 * Questions asked of an archive that lacks their articles (the other split's): the share
 * that still get passages, which the relevance floor exists to keep low. Another story on
 * the same topic may share words with a question, so 0 is not the aim; lower is better at
 * the same retrieval figures.
 */
export interface UnrelatedScores {
  /** Share answered: NorQuAD's own questions, and the English and keyword rewrites. */
  norwegian: number;
  english: number;
  short: number;
  questions: number;
  passages: number;
}

interface SquadFile {
  data: {
    paragraphs: {
      context: string;
      qas: { id: string; question: string; answers: { answer_start: number; text: string }[] }[];
    }[];
  }[];
}

export interface Question {
  /** NorQuAD's question id; a repeated id (a few are) gets "#2" on its second use. */
  id: string;
  question: string;
  /** The passage holding the answer's start. */
  passageId: string;
}

export interface NorquadCorpus {
  articles: Article[];
  questions: Record<Split, Question[]>;
}

const MAX_HEADING_CHARS = 60;

/**
 * An article context as passages, like the knowledge loader cuts plain text: one paragraph
 * a line; the first line is the title; a short line without a final stop followed by more
 * text is a sub-heading. Returns, per character offset, the passage that holds it (a title
 * or heading line maps to the passage after it, where it is indexed).
 */
function toArticle(
  context: string,
  id: string,
): { article: Article; passageAt: (offset: number) => string } {
  const lines: { text: string; start: number }[] = [];
  let offset = 0;
  for (const line of context.split('\n')) {
    if (line.trim().length > 0) lines.push({ text: line.trim(), start: offset });
    offset += line.length + 1;
  }
  const title = lines[0]?.text ?? id;
  const language = detectLanguage(context).language;
  const passages: Passage[] = [];
  // Line starts paired with the passage index that holds each line.
  const owners: { start: number; passage: number }[] = [];
  let heading: string | undefined;
  lines.forEach((line, i) => {
    const isLast = i === lines.length - 1;
    const isHeading =
      i > 0 && !isLast && line.text.length <= MAX_HEADING_CHARS && !/[.!?:»"”]$/u.test(line.text);
    // A title or heading line is indexed with the passage that follows it.
    owners.push({ start: line.start, passage: passages.length });
    if (i === 0) return;
    if (isHeading) {
      heading = line.text;
      return;
    }
    const passage: Passage = {
      id: `${id}#${passages.length}`,
      articleId: id,
      index: passages.length,
      text: line.text,
      line: i + 1,
      language,
    };
    if (heading !== undefined) passage.heading = heading;
    passages.push(passage);
  });
  if (passages.length === 0) {
    passages.push({ id: `${id}#0`, articleId: id, index: 0, text: title, line: 1, language });
  }
  const article: Article = {
    id,
    file: `${id}.txt`,
    title,
    published: { start: '2019-01-01', end: '2019-01-01', granularity: 'day' },
    language,
    languageDetected: true,
    tags: [],
    passages,
    hash: createHash('sha256').update(context).digest('hex'),
  };
  const passageAt = (at: number): string => {
    let owner = 0;
    for (const o of owners) if (o.start <= at) owner = o.passage;
    return `${id}#${Math.min(owner, passages.length - 1)}`;
  };
  return { article, passageAt };
}

export function loadNorquad(corpusDir: string): NorquadCorpus {
  const articles: Article[] = [];
  const byContext = new Map<string, (offset: number) => string>();
  const questions: Record<Split, Question[]> = { validation: [], test: [] };
  for (const split of ['validation', 'test'] as const) {
    const seen = new Map<string, number>();
    const file = path.join(corpusDir, 'norquad-news', `${split}.json`);
    const squad = JSON.parse(readFileSync(file, 'utf8')) as SquadFile;
    for (const item of squad.data) {
      for (const paragraph of item.paragraphs) {
        let passageAt = byContext.get(paragraph.context);
        if (!passageAt) {
          const built = toArticle(paragraph.context, `norquad/${byContext.size}`);
          articles.push(built.article);
          passageAt = built.passageAt;
          byContext.set(paragraph.context, passageAt);
        }
        for (const qa of paragraph.qas) {
          const answer = qa.answers[0];
          if (answer === undefined) continue;
          const uses = (seen.get(String(qa.id)) ?? 0) + 1;
          seen.set(String(qa.id), uses);
          questions[split].push({
            id: uses === 1 ? String(qa.id) : `${qa.id}#${uses}`,
            question: qa.question,
            passageId: passageAt(answer.answer_start),
          });
        }
      }
    }
  }
  return { articles, questions };
}

/** Ranks of the answer passage (1-based; Infinity when not in the top 10). */
export function scoreRanks(ranks: readonly number[]): RetrievalScores {
  const n = ranks.length;
  if (n === 0) return { mrr10: 0, recall5: 0, recall1: 0, questions: 0 };
  let mrr = 0;
  let r5 = 0;
  let r1 = 0;
  for (const rank of ranks) {
    if (rank <= 10) mrr += 1 / rank;
    if (rank <= 5) r5++;
    if (rank <= 1) r1++;
  }
  return { mrr10: mrr / n, recall5: r5 / n, recall1: r1 / n, questions: n };
}

function rankOf(ids: readonly string[], wanted: string): number {
  const i = ids.indexOf(wanted);
  return i < 0 ? Number.POSITIVE_INFINITY : i + 1;
}

export function evaluateKilde(
  corpus: NorquadCorpus,
  split: Split,
  tuning: SearchTuning = DEFAULT_TUNING,
  index?: PassageIndex,
): RetrievalScores {
  const built = index ?? PassageIndex.build({ articles: corpus.articles, aliases: [] }, tuning);
  const ranks = corpus.questions[split].map((q) =>
    rankOf(
      built.search(q.question, { limit: 10 }).map((h) => h.passageId),
      q.passageId,
    ),
  );
  return scoreRanks(ranks);
}

/**
 * A question as typed in haste: two middle letters of its longest word (five letters or
 * more) swapped ("hendelsen" -> "henedlsen"), which no one-letter fuzzy match repairs.
 * Deterministic, so the set is the same on every run. Undefined when no word is that long.
 */
export function withSlip(question: string): string | undefined {
  const words = question.match(/\p{L}+/gu) ?? [];
  const longest = words.filter((w) => w.length >= 5).sort((a, b) => b.length - a.length)[0];
  if (longest === undefined) return undefined;
  const m = Math.floor(longest.length / 2);
  const swapped = `${longest.slice(0, m - 1)}${longest[m]}${longest[m - 1]}${longest.slice(m + 1)}`;
  return question.replace(longest, swapped);
}

/** Retrieval of the questions with a slip each (`withSlip`). */
export function evaluateSlips(
  corpus: NorquadCorpus,
  split: Split,
  index: PassageIndex,
): RetrievalScores {
  const ranks: number[] = [];
  for (const q of corpus.questions[split]) {
    const slipped = withSlip(q.question);
    if (slipped === undefined) continue;
    ranks.push(
      rankOf(
        index.search(slipped, { limit: 10 }).map((h) => h.passageId),
        q.passageId,
      ),
    );
  }
  return scoreRanks(ranks);
}

/** MiniSearch with its defaults (its tokenizer, lowercase only) over the same fields. */
export function buildBaseline(articles: readonly Article[]): MiniSearch {
  const mini = new MiniSearch({ fields: ['text', 'heading', 'title'] });
  for (const article of articles) {
    for (const passage of article.passages) {
      mini.add({
        id: passage.id,
        text: passage.text,
        heading: passage.heading ?? '',
        title: article.title,
      });
    }
  }
  return mini;
}

export function evaluateBaseline(
  corpus: NorquadCorpus,
  split: Split,
  baseline?: MiniSearch,
): RetrievalScores {
  const mini = baseline ?? buildBaseline(corpus.articles);
  const ranks = corpus.questions[split].map((q) =>
    rankOf(
      mini
        .search(q.question)
        .slice(0, 10)
        .map((r) => String(r.id)),
      q.passageId,
    ),
  );
  return scoreRanks(ranks);
}

export function evaluateUnrelated(corpus: NorquadCorpus, split: Split): UnrelatedScores {
  const asked = new Set(corpus.questions[split].map((q) => q.passageId.split('#')[0]));
  const others = corpus.articles.filter((a) => !asked.has(a.id));
  const index = PassageIndex.build({ articles: others, aliases: [] });
  const answered = (questions: readonly string[]) =>
    questions.length === 0
      ? 0
      : questions.filter((q) => index.search(q, { limit: 10 }).length > 0).length /
        questions.length;
  const rewrites = loadRewrites(split);
  return {
    norwegian: answered(corpus.questions[split].map((q) => q.question)),
    english: answered(rewrites.map((r) => r.english)),
    short: answered(rewrites.map((r) => r.short)),
    questions: corpus.questions[split].length,
    passages: index.size,
  };
}

export async function evaluateRetrieval(
  corpusDir: string,
  opts: { split?: Split } = {},
): Promise<RetrievalReport> {
  const corpus = loadNorquad(corpusDir);
  const index = PassageIndex.build({ articles: corpus.articles, aliases: [] });
  const baseline = buildBaseline(corpus.articles);
  const empty = scoreRanks([]);
  const wants = (split: Split) => opts.split === undefined || opts.split === split;
  return {
    validation: wants('validation')
      ? evaluateKilde(corpus, 'validation', DEFAULT_TUNING, index)
      : empty,
    test: wants('test') ? evaluateKilde(corpus, 'test', DEFAULT_TUNING, index) : empty,
    baseline: {
      validation: wants('validation') ? evaluateBaseline(corpus, 'validation', baseline) : empty,
      test: wants('test') ? evaluateBaseline(corpus, 'test', baseline) : empty,
    },
    passages: index.size,
    articles: corpus.articles.length,
    understanding: {
      validation: evaluateUnderstanding(corpus, index, 'validation'),
      test: evaluateUnderstanding(corpus, index, 'test'),
    },
    slips: {
      validation: wants('validation') ? evaluateSlips(corpus, 'validation', index) : empty,
      test: wants('test') ? evaluateSlips(corpus, 'test', index) : empty,
    },
    unrelated: {
      validation: evaluateUnrelated(corpus, 'validation'),
      test: evaluateUnrelated(corpus, 'test'),
    },
  };
}

export function formatRetrievalTable(report: RetrievalReport): string {
  const pct = (x: number) => x.toFixed(3);
  const rows: [string, RetrievalScores][] = [
    ['Kilde      validation', report.validation],
    ['  with a slip', report.slips.validation],
    ['MiniSearch validation', report.baseline.validation],
    ['Kilde      test', report.test],
    ['  with a slip', report.slips.test],
    ['MiniSearch test', report.baseline.test],
  ];
  const lines = [
    `NorQuAD news: ${report.articles} articles, ${report.passages} passages`,
    'index                  questions  MRR@10  recall@1  recall@5',
    ...rows.map(
      ([name, s]) =>
        `${name.padEnd(22)} ${String(s.questions).padStart(9)}  ${pct(s.mrr10).padStart(6)}  ${pct(s.recall1).padStart(8)}  ${pct(s.recall5).padStart(8)}`,
    ),
  ];
  const share = (x: number) => `${(100 * x).toFixed(1)} %`;
  lines.push(
    '',
    "'with a slip': each question with two middle letters of its longest word swapped.",
    '',
    "Unrelated questions: each split asked of an archive of the other split's articles only",
    '(what the relevance floor is for; share answered with passages, lower is better):',
    ...(['validation', 'test'] as const).map((split) => {
      const u = report.unrelated[split];
      return `  ${split.padEnd(10)} ${u.questions} questions, ${u.passages} passages: Norwegian ${share(u.norwegian)}, English ${share(u.english)}, keywords ${share(u.short)}`;
    }),
    '',
    'The same passages asked in English and as 2-3 keywords (eval/questions; ratio: to the',
    'Norwegian questions of the same ids; targets English >= 0.85, keywords >= 0.9):',
    formatUnderstandingTable(report.understanding),
  );
  return lines.join('\n');
}

export const DEFAULT_CORPUS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/corpus',
);

const runDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runDirectly) {
  const dir = process.argv[2] ?? DEFAULT_CORPUS_DIR;
  if (!existsSync(path.join(dir, 'norquad-news'))) {
    console.log(`Skipping retrieval evaluation: ${path.join(dir, 'norquad-news')} is absent.`);
  } else {
    console.log(formatRetrievalTable(await evaluateRetrieval(dir)));
  }
}
