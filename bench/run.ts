/**
 * Scale benchmark on NoReC (reviews as dated articles of paragraph passages).
 *
 * Per size: each search engine (Kilde, MiniSearch defaults, FlexSearch with a Norwegian
 * encoder, a plain BM25 over Kilde's terms) is built over the same passages and asked four
 * query sets (frequent words, names, questions, typos); each engine's NorQuAD MRR@10 is
 * measured once, so speed is never read apart from the answers. Then the archive is built
 * from files as a moderator's reload builds it, in a build process of its own, and served
 * by another process from its snapshot, as the bot is deployed (bench/archive.ts): warm
 * start, incremental add and remove, stalls, each process's peak RSS; then, on the served
 * archive settled, Kilde's search over the same query sets and its answers (`/søk`,
 * `/hvem`, `/hva-skjedde`, both autocompletes; bench/pipeline.ts). The engines above share
 * this process with the corpus and each other; the serving process's heap holds only its
 * archive. Load on the real bot process (bench/load.ts) runs once.
 *
 * Latencies are CPU time per call of the calling thread (bench/thread-cpu.ts: not V8's
 * garbage-collector threads beside it), which a machine shared with other
 * work disturbs less than wall time, each call's fastest of three (bench/timing.ts);
 * wall-time p99 is in the JSON.
 *
 *   npm run bench                                  10k, 50k, 200k, 400k passages
 *   npm run bench -- --sizes 10k,50k               a quick run
 *   npm run bench -- --queries 50 --no-answers     fewer queries; no answer timings
 *   npm run bench -- --engines kilde,plain --no-load   some engines; no load on the bot
 *   npm run bench -- --no-archive                  search engines only (no archive, no answers)
 *   npm run bench -- --answer-queries 30 --repeat 1   fewer answer calls, each timed once
 *   npm run bench -- --json                        JSON on stdout instead of tables
 *   npm run bench -- --table [file.json]           the tables of a saved run
 *
 * Writes bench/results/latest.json (the same JSON) unless --no-write.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNorquad, scoreRanks } from '../eval/retrieval';
import type { Article } from '../src/knowledge/types';
import { measureArchive } from './archive';
import { corpusDir, hasNorec, passageCount, readNorec, takePassages } from './corpus';
import { ENGINES, type Engine } from './engines';
import { measureLoad } from './load';
import type { PipelineMeasurement } from './pipeline';
import { QUERY_SETS, type QuerySet, searchQueries } from './queries';
import { type Latency, latencyOf, setRepeat, settleHeap } from './timing';

const DEFAULT_SIZES = [10_000, 50_000, 200_000, 400_000];
const DEFAULT_QUERIES = 100;
/** Per answer kind: today a name miss scans every name, 0.2 s a call at 400k. */
const DEFAULT_ANSWER_QUERIES = 50;
const SEARCH_K = 25;
const benchDir = path.dirname(fileURLToPath(import.meta.url));

interface EngineMeasurement {
  engine: string;
  passages: number;
  buildMs: number;
  /** Kilde: sorting the frequent terms' impact lists, sliced, after the build. */
  warmMs: number;
  heapMB: number;
  search: Record<QuerySet, Latency>;
}

/** Kilde's search in the serving process, where the heap holds the served archive alone. */
interface ServedSearch {
  passages: number;
  /** V8's heap used by the settled serving process, after a full collection. */
  heapMB: number;
  /** The serving process's peak RSS: warm start, add and remove, these timings. */
  peakRssMB: number;
  search: Record<QuerySet, Latency>;
}

interface Quality {
  engine: string;
  mrr10: number;
  recall5: number;
  questions: number;
}

interface Report {
  corpus: string;
  machine: { cpus: number; model: string; memoryGB: number; node: string };
  loadAverage: { start: number[]; end: number[] };
  startedAt: string;
  queriesPerSet: number;
  answerQueries: number;
  repeat: number;
  k: number;
  quality: Quality[];
  engines: EngineMeasurement[];
  answers: PipelineMeasurement[];
  /** Absent in reports from before the roles ran in processes of their own. */
  served?: ServedSearch[];
  archive: { passages: number; figures: Record<string, number> }[];
  load: { passages: number; figures: Record<string, number> }[];
  /** How a report put together from several runs was made. */
  notes?: string[];
}

/** NorQuAD news test MRR@10 and recall@5 of each engine, the same questions for all. */
function measureQuality(engines: readonly Engine[]): Quality[] {
  if (!existsSync(path.join(corpusDir, 'norquad-news'))) return [];
  const corpus = loadNorquad(corpusDir);
  return engines.map((engine) => {
    const searcher = engine.build(corpus.articles);
    const ranks = corpus.questions.test.map((q) => {
      const at = searcher.search(q.question, 10).indexOf(q.passageId);
      return at < 0 ? Number.POSITIVE_INFINITY : at + 1;
    });
    const scores = scoreRanks(ranks);
    return {
      engine: engine.name,
      mrr10: scores.mrr10,
      recall5: scores.recall5,
      questions: scores.questions,
    };
  });
}

async function measureEngine(
  engine: Engine,
  articles: readonly Article[],
  sets: Record<QuerySet, string[]>,
  gc: () => void,
): Promise<EngineMeasurement> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const searcher = engine.build(articles);
  const buildMs = performance.now() - t0;
  const w0 = performance.now();
  await searcher.warm?.();
  const warmMs = performance.now() - w0;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const search = {} as Record<QuerySet, Latency>;
  for (const set of QUERY_SETS) {
    const queries = sets[set];
    // Warm up (JIT, stem memo) on other queries of the set, so no set is timed cold.
    for (const q of queries.slice(0, 10)) searcher.search(`${q} ${q}`, SEARCH_K);
    search[set] = latencyOf(queries, (q) => searcher.search(q, SEARCH_K));
  }
  return { engine: engine.name, passages: passageCount(articles), buildMs, warmMs, heapMB, search };
}

function parseArgs(argv: readonly string[]) {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const sizesText = value('--sizes');
  const sizes = sizesText
    ? sizesText
        .split(',')
        .map((s) => Math.round(Number(s.replace(/k$/i, '')) * (/k$/i.test(s) ? 1000 : 1)))
    : DEFAULT_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`Bad --sizes: ${sizesText}`);
  const queries = Number(value('--queries') ?? DEFAULT_QUERIES);
  if (!Number.isInteger(queries) || queries <= 0) throw new Error('Bad --queries');
  const answerQueries = Number(value('--answer-queries') ?? DEFAULT_ANSWER_QUERIES);
  if (!Number.isInteger(answerQueries) || answerQueries <= 0)
    throw new Error('Bad --answer-queries');
  const repeat = Number(value('--repeat') ?? 3);
  if (!Number.isInteger(repeat) || repeat <= 0) throw new Error('Bad --repeat');
  return {
    sizes: [...sizes].sort((a, b) => a - b),
    queries,
    answerQueries,
    repeat,
    json: argv.includes('--json'),
    answers: !argv.includes('--no-answers'),
    load: !argv.includes('--no-load'),
    archive: !argv.includes('--no-archive'),
    // --engines kilde,bm25: names matched by lower-case prefix; every engine by default.
    engines: (value('--engines') ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter((e) => e.length > 0),
    write: !argv.includes('--no-write'),
  };
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const triple = (l: Latency) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;

function markdown(cells: string[][], header: string[]): string {
  const line = (row: string[]) => `| ${row.join(' | ')} |`;
  const rule = `| ${header.map((_h, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

function formatReport(report: Report): string {
  const quality = new Map(report.quality.map((q) => [q.engine, q]));
  const out: string[] = [];
  const { machine, loadAverage } = report;
  out.push(
    `NoReC, ${report.queriesPerSet} search queries per set and ${report.answerQueries} per answer, top ${report.k}; ` +
      `CPU ms per call (fastest of ${report.repeat}), p50 / p95 / p99. ` +
      `${machine.cpus} × ${machine.model}, ${machine.memoryGB} GB, Node ${machine.node}; ` +
      `load average ${loadAverage.start[0]?.toFixed(1)} at start, ${loadAverage.end[0]?.toFixed(1)} at end.`,
  );
  for (const note of report.notes ?? []) out.push(note);
  out.push('');
  out.push(
    markdown(
      report.engines.map((e) => {
        const q = quality.get(e.engine);
        return [
          e.passages.toLocaleString('en'),
          e.engine,
          q ? `${q.mrr10.toFixed(3)} / ${q.recall5.toFixed(3)}` : '–',
          e.warmMs > 1
            ? `${(e.buildMs / 1000).toFixed(1)} + ${(e.warmMs / 1000).toFixed(1)}`
            : (e.buildMs / 1000).toFixed(1),
          Number.isFinite(e.heapMB) ? e.heapMB.toFixed(0) : '–',
          ...QUERY_SETS.map((s) => triple(e.search[s])),
        ];
      }),
      [
        'passages',
        'engine',
        'NorQuAD MRR@10 / R@5',
        'build (+ warm) s',
        'heap MB',
        'search: frequent words',
        'names',
        'questions',
        'typos',
      ],
    ),
  );
  const served = report.served ?? [];
  if (served.length > 0) {
    out.push('');
    out.push("Kilde's search in the serving process (the served archive alone in its heap)");
    out.push(
      markdown(
        served.map((s) => [
          s.passages.toLocaleString('en'),
          s.heapMB.toFixed(0),
          s.peakRssMB.toFixed(0),
          ...QUERY_SETS.map(
            (set) => `${triple(s.search[set])} (wall ${ms(s.search[set].wallP99)})`,
          ),
        ]),
        [
          'passages',
          'heap MB',
          'peak RSS MB',
          'search: frequent words (wall p99)',
          'names',
          'questions',
          'typos',
        ],
      ),
    );
  }
  if (report.answers.length > 0) {
    out.push('');
    out.push(
      markdown(
        report.answers.map((a) => [
          a.passages.toLocaleString('en'),
          `${(a.buildMs / 1000).toFixed(1)} (${a.buildStallMs.toFixed(0)} ms)`,
          a.entities.toLocaleString('en'),
          triple(a.search),
          triple(a.who),
          triple(a.whatHappened),
          triple(a.nameAutocomplete),
          triple(a.dayAutocomplete),
          a.servingStallMs === undefined ? '–' : a.servingStallMs.toFixed(1),
        ]),
        [
          'passages',
          'full build s (longest stall)',
          'names',
          '/søk answer',
          '/hvem',
          '/hva-skjedde',
          'name autocomplete',
          'day autocomplete',
          'longest stall serving, ms',
        ],
      ),
    );
  }
  for (const [title, rows] of [
    ['Archive (bench/archive.ts)', report.archive],
    ['Load (bench/load.ts)', report.load],
  ] as const) {
    if (rows.length === 0) continue;
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r.figures)))];
    out.push('');
    out.push(title);
    out.push(
      markdown(
        rows.map((r) => [
          r.passages.toLocaleString('en'),
          ...keys.map((k) => {
            const v = r.figures[k];
            return v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(2);
          }),
        ]),
        ['passages', ...keys],
      ),
    );
  }
  return out.join('\n');
}

async function save(report: Report, write: boolean): Promise<string> {
  const json = JSON.stringify(report, null, 2);
  if (write) {
    const dir = path.join(benchDir, 'results');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'latest.json'), `${json}\n`);
  }
  return json;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const saved = argv.indexOf('--table');
  if (saved >= 0) {
    // Prints the tables of a saved run (bench/results/latest.json by default).
    const file = argv[saved + 1] ?? path.join(benchDir, 'results', 'latest.json');
    console.log(formatReport(JSON.parse(await readFile(file, 'utf8')) as Report));
    return;
  }
  const args = parseArgs(argv);
  const log = (text: string) => {
    if (!args.json) console.error(text);
  };
  if (!hasNorec()) {
    const message = 'Skipping benchmark: ../shared/corpus/norec/norec.jsonl.gz is absent.';
    console.log(args.json ? JSON.stringify({ skipped: message }) : message);
    return;
  }
  setRepeat(args.repeat);
  const gc = settleHeap;
  const report: Report = {
    corpus: 'NoReC paragraphs, articles dated over 2005-2018',
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.versions.node,
    },
    loadAverage: { start: os.loadavg(), end: [] },
    startedAt: new Date().toISOString(),
    queriesPerSet: args.queries,
    answerQueries: args.answerQueries,
    repeat: args.repeat,
    k: SEARCH_K,
    quality: [],
    engines: [],
    answers: [],
    served: [],
    archive: [],
    load: [],
  };
  log('NorQuAD quality of each engine …');
  const engines = ENGINES.filter(
    (e) =>
      args.engines.length === 0 || args.engines.some((n) => e.name.toLowerCase().startsWith(n)),
  );
  report.quality = measureQuality(engines);

  const all = await readNorec(Math.max(...args.sizes));
  const available = passageCount(all);
  for (const size of args.sizes) {
    if (size > available) {
      log(`(only ${available} passages in the corpus; skipping ${size})`);
      continue;
    }
    const articles = takePassages(all, size);
    const sets = searchQueries(articles, args.queries);
    const engines = ENGINES.filter(
      (e) =>
        args.engines.length === 0 || args.engines.some((n) => e.name.toLowerCase().startsWith(n)),
    );
    for (const engine of engines) {
      log(`${engine.name} at ${size} passages …`);
      report.engines.push(await measureEngine(engine, articles, sets, gc));
    }
    // The archive's figures: a build process, then a serving process that also times the
    // answers once settled (the answers' row takes its build figures from the build's).
    gc();
    const searches = [...sets.questions, ...sets.frequent]
      .filter((_, i) => i % 2 === 0)
      .slice(0, args.answerQueries);
    if (args.archive) {
      log(`archive figures at ${size} passages (full build, warm start, add, remove, answers) …`);
      const measured = await measureArchive({
        articles,
        passages: size,
        ...(args.answers
          ? {
              timing: {
                searchSets: sets,
                answerSearches: searches,
                answerQueries: args.answerQueries,
                repeat: args.repeat,
                k: SEARCH_K,
              },
            }
          : {}),
      });
      const { figures } = measured;
      report.archive.push({ passages: size, figures });
      if (measured.answers) {
        report.answers.push({
          ...measured.answers,
          buildMs: (figures.fullBuildS ?? 0) * 1000,
          buildStallMs: figures.fullBuildStallMs ?? 0,
        });
      }
      if (measured.search) {
        report.served?.push({
          passages: size,
          heapMB: figures.settledHeapUsedMB ?? 0,
          peakRssMB: figures.peakRssMB ?? 0,
          search: measured.search,
        });
      }
    }
    gc();
    // Once: the load scenario runs on its own archive and does not depend on the size.
    if (args.load && report.load.length === 0) {
      log('load figures (the real bot process under load, a reload meanwhile) …');
      report.load.push({ passages: size, figures: await measureLoad() });
    }
    // Saved after every size: a long run that fails at 400k keeps what it measured.
    report.loadAverage.end = os.loadavg();
    await save(report, args.write);
  }
  report.loadAverage.end = os.loadavg();
  const json = await save(report, args.write);
  console.log(args.json ? json : formatReport(report));
}

await main();
