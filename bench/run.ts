/**
 * Scale benchmark on NoReC: index build time, query latency, heap, snapshot size and
 * snapshot restore time (what a reload or restart costs), Kilde's index beside MiniSearch
 * with its default options.
 *
 *   npm run bench                      default sizes 10k, 50k, 200k passages
 *   npm run bench -- --sizes 5000,20000
 *   npm run bench -- --json
 */
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createGunzip } from 'node:zlib';
import MiniSearch from 'minisearch';
import { analyseAside } from '../src/archive/analyse-aside';
import { assemble } from '../src/archive/build';
import { readSnapshot, writeSnapshot } from '../src/archive/snapshot';
import type { Article, LoadResult, Passage } from '../src/knowledge/types';
import { createLogger } from '../src/logger';
import { PassageIndex } from '../src/search';
import { seededRandom as random } from '../test/helpers/random';

const DEFAULT_SIZES = [10_000, 50_000, 200_000];
const QUERY_COUNT = 300;
// The whole pipeline is slower than indexing alone: measured up to this size by default.
const RELOAD_MAX_PASSAGES = 50_000;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = path.resolve(repoRoot, '../shared/corpus/norec/norec.jsonl.gz');

interface Measurement {
  engine: string;
  passages: number;
  buildMs: number;
  queryP50Ms: number;
  queryP99Ms: number;
  heapMB: number;
  snapshotMB: number;
  restoreMs: number;
}

/** The engines compared; each builds, searches, snapshots and restores the same passages. */
interface Engine {
  name: string;
  build(articles: readonly Article[]): unknown;
  search(index: unknown, query: string): number;
  snapshot(index: unknown): string;
  restore(json: string, articles: readonly Article[]): unknown;
}

const MINI_DEFAULT_OPTIONS = { fields: ['text', 'title'] };

const engines: Engine[] = [
  {
    name: 'kilde',
    build: (articles) => PassageIndex.build({ articles, aliases: [] }),
    search: (index, query) => (index as PassageIndex).search(query, { limit: 10 }).length,
    snapshot: (index) => JSON.stringify((index as PassageIndex).toJSON()),
    restore: (json, articles) => PassageIndex.fromJSON(JSON.parse(json), { articles, aliases: [] }),
  },
  {
    name: 'minisearch-defaults',
    build: (articles) => {
      const mini = new MiniSearch(MINI_DEFAULT_OPTIONS);
      for (const a of articles) {
        for (const p of a.passages) mini.add({ id: p.id, text: p.text, title: a.title });
      }
      return mini;
    },
    search: (index, query) => (index as MiniSearch).search(query).slice(0, 10).length,
    snapshot: (index) => JSON.stringify(index),
    restore: (json) => MiniSearch.loadJSON(json, MINI_DEFAULT_OPTIONS),
  },
];

/** Reads reviews until `limit` paragraph passages are collected. */
async function readNorec(limit: number): Promise<Article[]> {
  const articles: Article[] = [];
  let count = 0;
  const lines = createInterface({
    input: createReadStream(corpusFile).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (count >= limit) break;
    if (line.trim().length === 0) continue;
    const review = JSON.parse(line) as { id: string | number; title?: string; text: string };
    const id = `norec/${review.id}`;
    const passages: Passage[] = [];
    for (const paragraph of review.text.split(/\n+/)) {
      const text = paragraph.trim();
      if (text.length === 0 || count >= limit) continue;
      passages.push({
        id: `${id}#${passages.length}`,
        articleId: id,
        index: passages.length,
        text,
        line: 1,
        language: 'nb',
      });
      count++;
    }
    if (passages.length === 0) continue;
    articles.push({
      id,
      file: `${id}.txt`,
      title: review.title ?? '',
      published: { start: '2017-01-01', end: '2017-01-01', granularity: 'day' },
      language: 'nb',
      languageDetected: false,
      tags: [],
      passages,
      hash: id,
    });
  }
  lines.close();
  return articles;
}

function takePassages(articles: readonly Article[], size: number): Article[] {
  const out: Article[] = [];
  let count = 0;
  for (const a of articles) {
    if (count >= size) break;
    const passages = a.passages.slice(0, size - count);
    count += passages.length;
    out.push(passages.length === a.passages.length ? a : { ...a, passages });
  }
  return out;
}

/** Words, word pairs and question-like queries drawn from the corpus itself. */
function sampleQueries(articles: readonly Article[], count: number): string[] {
  const rand = random(20240611);
  const passages = articles.flatMap((a) => a.passages);
  const queries: string[] = [];
  const starts = ['Hva sa', 'Hvem er', 'Hvor mange', 'Når kom'];
  while (queries.length < count && passages.length > 0) {
    const passage = passages[Math.floor(rand() * passages.length)];
    const words = (passage?.text.match(/\p{L}{4,}/gu) ?? []).filter((w) => w.length >= 4);
    if (words.length === 0) continue;
    const at = Math.floor(rand() * words.length);
    const kind = queries.length % 3;
    const pick = (i: number) => words[(at + i) % words.length] ?? '';
    if (kind === 0) queries.push(pick(0));
    else if (kind === 1) queries.push(`${pick(0)} ${pick(2)}`);
    else
      queries.push(`${starts[queries.length % starts.length]} ${pick(0)} ${pick(1)} ${pick(3)}?`);
  }
  return queries;
}

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? (gc as () => void) : () => {};
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function measure(
  engine: Engine,
  articles: readonly Article[],
  queries: readonly string[],
  gc: () => void,
): Measurement {
  const passages = articles.reduce((n, a) => n + a.passages.length, 0);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let index: unknown = engine.build(articles);
  const buildMs = performance.now() - t0;
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  // Warm up (JIT, stem memo), then time each query.
  for (const q of queries.slice(0, 20)) engine.search(index, q);
  const times: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    engine.search(index, q);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);

  let json: string | undefined = engine.snapshot(index);
  const snapshotMB = Buffer.byteLength(json) / 2 ** 20;
  index = undefined;
  gc();
  const r0 = performance.now();
  index = engine.restore(json, articles);
  const restoreMs = performance.now() - r0;
  json = undefined;
  return {
    engine: engine.name,
    passages,
    buildMs,
    queryP50Ms: percentile(times, 0.5),
    queryP99Ms: percentile(times, 0.99),
    heapMB,
    snapshotMB,
    restoreMs,
  };
}

function formatTable(rows: readonly Measurement[]): string {
  const header = [
    'passages',
    'engine',
    'build s',
    'query p50 ms',
    'query p99 ms',
    'heap MB',
    'snapshot MB',
    'restore s',
  ];
  const body = rows.map((r) => [
    String(r.passages),
    r.engine,
    (r.buildMs / 1000).toFixed(2),
    r.queryP50Ms.toFixed(2),
    r.queryP99Ms.toFixed(2),
    r.heapMB.toFixed(0),
    r.snapshotMB.toFixed(1),
    (r.restoreMs / 1000).toFixed(2),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...body.map(line)].join('\n');
}

function parseSizes(argv: readonly string[]): number[] {
  const i = argv.indexOf('--sizes');
  const value =
    i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  if (value === undefined) return DEFAULT_SIZES;
  const sizes = value.split(',').map((s) => Number(s.replace(/k$/i, '000')));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`Bad --sizes: ${value}`);
  return sizes;
}

interface ReloadMeasurement {
  passages: number;
  analyseMs: number;
  longestStallMs: number;
  restartMs: number;
  restartStallMs: number;
  people: number;
  datedEvents: number;
}

/** Runs `work` and reports how long it took and the event loop's longest stall meanwhile. */
async function timed<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  // Let the monitor's timer fire once more, so that a final stall is counted too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { value, ms, stallMs: histogram.max / 1e6 };
}

/**
 * What a moderator's reload costs over the whole pipeline (names and roles, dates, index),
 * through the path the store takes: analysis on a worker thread, the archive assembled on
 * this thread in slices, the snapshot written. Then a restart: the snapshot read and the
 * archive assembled from it. For each, how long answers can be held up meanwhile (the
 * event loop's longest stall).
 */
async function measureReload(articles: Article[], gc: () => void): Promise<ReloadMeasurement> {
  const load: LoadResult = { articles, aliases: [], problems: [] };
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'kilde-bench-'));
  const logger = createLogger('warn');
  try {
    gc();
    const reload = await timed(async () => {
      const { analysis, text, index } = await analyseAside(load, logger);
      const archive = await assemble(load, analysis, false, index);
      await writeSnapshot(cacheDir, 'bench', text);
      return archive;
    });
    gc();
    const restart = await timed(async () => {
      const cached = await readSnapshot(cacheDir, 'bench');
      if (!cached) throw new Error('the snapshot just written could not be read');
      return assemble(load, cached, true);
    });
    const archive = restart.value;
    let datedEvents = 0;
    for (const mentions of archive.timeMentions.values()) datedEvents += mentions.length;
    return {
      passages: articles.reduce((n, a) => n + a.passages.length, 0),
      analyseMs: reload.ms,
      longestStallMs: reload.stallMs,
      restartMs: restart.ms,
      restartStallMs: restart.stallMs,
      people: archive.entities.all().filter((e) => e.kind === 'person').length,
      datedEvents,
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

function formatReloadTable(rows: readonly ReloadMeasurement[]): string {
  const header = [
    'passages',
    'full reload s',
    'longest stall ms',
    'restart from snapshot s',
    'restart stall ms',
    'people',
    'dated events',
  ];
  const lines = [header.join('  ')];
  for (const r of rows) {
    const cells = [
      String(r.passages),
      (r.analyseMs / 1000).toFixed(2),
      r.longestStallMs.toFixed(0),
      (r.restartMs / 1000).toFixed(2),
      r.restartStallMs.toFixed(0),
      String(r.people),
      String(r.datedEvents),
    ];
    lines.push(cells.map((c, i) => c.padStart(header[i]?.length ?? 0)).join('  '));
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  if (!existsSync(corpusFile)) {
    const message = `Skipping benchmark: ${corpusFile} is absent (it lives in ../shared/corpus).`;
    console.log(json ? JSON.stringify({ skipped: message }) : message);
    return;
  }
  const sizes = parseSizes(argv).sort((a, b) => a - b);
  const gc = gcFunction();
  const all = await readNorec(Math.max(...sizes));
  const available = all.reduce((n, a) => n + a.passages.length, 0);
  const rows: Measurement[] = [];
  for (const size of sizes) {
    if (size > available) {
      if (!json) console.log(`(only ${available} passages in the corpus; skipping ${size})`);
      continue;
    }
    const articles = takePassages(all, size);
    const queries = sampleQueries(articles, QUERY_COUNT);
    for (const engine of engines) {
      const row = measure(engine, articles, queries, gc);
      rows.push(row);
      if (!json) console.error(`measured ${engine.name} at ${size} passages`);
    }
  }
  const reloads: ReloadMeasurement[] = [];
  for (const size of sizes.filter((n) => n <= Math.min(available, RELOAD_MAX_PASSAGES))) {
    reloads.push(await measureReload(takePassages(all, size), gc));
    if (!json) console.error(`measured a full reload at ${size} passages`);
  }
  if (json) {
    console.log(
      JSON.stringify({ corpus: 'NoReC', queries: QUERY_COUNT, results: rows, reloads }, null, 2),
    );
  } else {
    console.log(`NoReC, ${QUERY_COUNT} sampled queries, limit 10\n${formatTable(rows)}`);
    console.log(
      `\nFull reload (loader output -> names, dates, index; worker + sliced restore)\n${formatReloadTable(reloads)}`,
    );
  }
}

await main();
