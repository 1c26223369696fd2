/**
 * Run the date extractor over the dated news articles of the Norwegian Dependency Treebank
 * (`../shared/corpus/ndt-nob` + `ndt-nob-refs`) and count what it finds. There is no gold
 * standard for dates, so this reports volumes per kind and granularity plus samples to read;
 * it catches crashes, runaway rules and obvious false positives on real text.
 *
 * `npx tsx eval/dates.ts [corpusDir] [--samples]`
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTimeMentions } from '../src/extract/dates';
import type { TimeMention } from '../src/extract/types';
import type { DateSpan } from '../src/knowledge/types';

export interface DatesReport {
  articles: number;
  /** Articles whose title could be matched in the treebank and that got a publication date. */
  dated: number;
  sentences: number;
  mentions: number;
  byKind: Record<TimeMention['kind'], number>;
  byGranularity: Record<DateSpan['granularity'], number>;
  /** Up to `sampleSize` mentions with their sentence, for reading. */
  samples: { published: string; text: string; span: string; sentence: string }[];
  milliseconds: number;
}

const GROUP_PREFIX: Record<string, string> = {
  Aftenposten: 'ap',
  'Bergens Tidende': 'bt',
  Dagbladet: 'db',
  Klassekampen: 'kk',
  'Sunnmørsposten-bm': 'sp-bm',
  'Verdens Gang': 'vg',
};

interface RefArticle {
  date: string;
  title: string;
}

/** Group file prefix (`ap001`) -> its articles in order, from the references list. */
function readReferences(content: string): Map<string, RefArticle[]> {
  const groups = new Map<string, RefArticle[]>();
  let current: RefArticle[] | undefined;
  let date = '';
  for (const line of content.split('\n')) {
    const group = /^(.+) (\d{3})$/.exec(line.trim());
    const prefix = group?.[1] ? GROUP_PREFIX[group[1]] : undefined;
    if (group && prefix) {
      current = [];
      groups.set(`${prefix}${group[2]}`, current);
      continue;
    }
    const dateMatch = /^Date: (\d{4}-\d{2}-\d{2})/.exec(line);
    if (dateMatch?.[1]) date = dateMatch[1];
    const title = /^Title: (.*)$/.exec(line);
    if (title?.[1] !== undefined && current) current.push({ date, title: title[1] });
  }
  return groups;
}

interface Sentence {
  text: string;
  heading: boolean;
}

/** CoNLL sentences back to text; `<overskrift>` on the last token marks a heading. */
function readSentences(content: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of content.split(/\n\s*\n/)) {
    const rows = block
      .split('\n')
      .map((row) => row.split('\t'))
      .filter((cols) => cols.length >= 6 && /^\d+$/.test(cols[0] ?? ''));
    if (rows.length === 0) continue;
    const words = rows.map((cols) => cols[1] ?? '');
    const text = words
      .join(' ')
      .replace(/\s+([.,:;!?)»])/g, '$1')
      .replace(/([(«])\s+/g, '$1')
      .replace(/\s*\|\s*$/, '');
    const heading = (rows.at(-1)?.[5] ?? '').includes('<overskrift>');
    sentences.push({ text, heading });
  }
  return sentences;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export async function evaluateDates(corpusDir: string, sampleSize = 40): Promise<DatesReport> {
  const began = performance.now();
  const treebank = path.join(corpusDir, 'ndt-nob');
  const refs = readReferences(
    await readFile(path.join(corpusDir, 'ndt-nob-refs', 'references_newspaper_nob.txt'), 'utf8'),
  );
  const files = (await readdir(treebank)).filter((f) => f.endsWith('.conll')).sort();
  const report: DatesReport = {
    articles: 0,
    dated: 0,
    sentences: 0,
    mentions: 0,
    byKind: { explicit: 0, weekday: 0, relative: 0 },
    byGranularity: { day: 0, week: 0, month: 0, year: 0 },
    samples: [],
    milliseconds: 0,
  };
  const every = new Map<string, number>();
  for (const [group, articles] of refs) {
    report.articles += articles.length;
    // `db001` is split into `db001a` and `db001b`; all files of a group in order.
    const groupFiles = files.filter((f) => f.replace(/[ab]?_\d+\.conll$/, '') === group);
    const sentences: Sentence[] = [];
    for (const file of groupFiles)
      sentences.push(...readSentences(await readFile(path.join(treebank, file), 'utf8')));
    let next = 0;
    let body: { text: string }[] = [];
    let published: string | undefined;
    const flush = () => {
      if (published && body.length > 0) {
        report.dated += 1;
        report.sentences += body.length;
        const pub: DateSpan = { start: published, end: published, granularity: 'day' };
        const found = extractTimeMentions(body, 'nb', pub);
        found.forEach((mentions, index) => {
          for (const mention of mentions) {
            report.mentions += 1;
            report.byKind[mention.kind] += 1;
            report.byGranularity[mention.span.granularity] += 1;
            const seen = every.get(mention.text.toLowerCase()) ?? 0;
            every.set(mention.text.toLowerCase(), seen + 1);
            if (seen === 0 && report.samples.length < sampleSize) {
              report.samples.push({
                published: pub.start,
                text: mention.text,
                span: `${mention.span.start}..${mention.span.end}/${mention.span.granularity}`,
                sentence: body[index]?.text ?? '',
              });
            }
          }
        });
      }
      body = [];
    };
    for (const sentence of sentences) {
      const expected = articles[next];
      if (sentence.heading && expected && normalise(sentence.text) === normalise(expected.title)) {
        flush();
        published = expected.date;
        next += 1;
        continue;
      }
      if (!sentence.heading) body.push({ text: sentence.text });
    }
    flush();
  }
  report.milliseconds = Math.round(performance.now() - began);
  return report;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const corpusDir =
    argv.find((a) => !a.startsWith('--')) ?? path.resolve(repoRoot, '../shared/corpus');
  if (!existsSync(path.join(corpusDir, 'ndt-nob'))) {
    console.log(`Skipping date evaluation: ${corpusDir}/ndt-nob is absent.`);
  } else {
    const report = await evaluateDates(corpusDir, argv.includes('--samples') ? 400 : 40);
    const { samples, ...figures } = report;
    console.log(JSON.stringify(figures, null, 2));
    for (const s of samples)
      console.log(`${s.published}  ${s.text}  ->  ${s.span}\n    ${s.sentence}`);
  }
}
