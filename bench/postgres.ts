/**
 * The PostgreSQL backend beside the memory one, on the same built archive (NoReC, dates
 * spread over 2005-2018): ingest time and size, then every answer timed through each
 * backend's view, and NorQuAD news MRR@10 / recall@5 for both.
 *
 *   npm run bench:postgres                         100k and 400k passages
 *   npm run bench:postgres -- --sizes 10k          a quick run
 *   npm run bench:postgres -- --quality            NorQuAD quality through both backends only
 *
 * Needs a PostgreSQL server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local
 * `kilde_test` database `.ci/postgres` makes. Latencies here are WALL time per call (the
 * work happens in the database server's processes, which this process's CPU time misses);
 * calls run one at a time, so they are what one user waits, not throughput.
 * Writes bench/results/postgres.json.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadNorquad, scoreRanks } from '../eval/retrieval';
import { search } from '../src/answers/search';
import { whatHappened } from '../src/answers/what-happened';
import { who } from '../src/answers/who';
import { analyseAside, analyseInWorker } from '../src/archive/analyse-aside';
import type { Archive } from '../src/archive/archive';
import { assemble } from '../src/archive/build';
import type { KnowledgeView } from '../src/backend/backend';
import { ArchiveView } from '../src/backend/memory';
import type { Article } from '../src/knowledge/types';
import { createLogger } from '../src/logger';
import { ingestArchive } from '../src/postgres/backend';
import { connect, type Pools } from '../src/postgres/connection';
import { migrate } from '../src/postgres/migrations';
import { PostgresView } from '../src/postgres/view';
import { corpusDir, hasNorec, passageCount, readNorec, takePassages } from './corpus';
import { answerQueries, searchQueries } from './queries';
import { percentile } from './timing';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://kilde:kilde@127.0.0.1:5432/kilde_test';
const CHOICES = 25;
const PER_SET = 100;

interface Wall {
  p50: number;
  p99: number;
}

async function wallOf<T>(
  inputs: readonly T[],
  call: (input: T) => Promise<unknown>,
): Promise<Wall> {
  const times: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await call(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

async function build(articles: Article[]): Promise<Archive> {
  const load = { articles, aliases: [], problems: [] };
  const logger = createLogger('warn');
  const { analysis, index } = await analyseAside(load, logger, {
    inWorker: (input) => analyseInWorker(input, undefined, 4 * 3_600_000),
  });
  return assemble(load, analysis, false, index);
}

/** A fresh schema with the project's tables, and a view over it once the archive is in. */
async function intoPostgres(
  archive: Archive,
  name: string,
): Promise<{ view: PostgresView; ingestMs: number; sizeMB: number; pools: Pools }> {
  const schema = `bench_${name}`;
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const pools = connect({ url: URL, schema, max: 4 });
  await migrate(pools.primary);
  const t0 = performance.now();
  await ingestArchive(pools.primary, archive);
  const ingestMs = performance.now() - t0;
  await pools.primary.query('analyze');
  const { rows } = await pools.primary.query<{ bytes: string }>(
    `select sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))::text as bytes
       from pg_tables where schemaname = $1`,
    [schema],
  );
  const { rows: state } = await pools.primary.query<{ value: unknown }>(
    "select value from kilde_state where key = 'builtAt'",
  );
  const view = new PostgresView(pools.read, {
    builtAt: String(state[0]?.value ?? ''),
    problems: [],
    aliases: [],
  });
  return { view, ingestMs, sizeMB: Number(rows[0]?.bytes ?? 0) / 2 ** 20, pools };
}

async function answers(view: KnowledgeView, archive: Archive, articles: readonly Article[]) {
  const sets = searchQueries(articles, PER_SET);
  const asked = answerQueries(
    archive.entities.all().map((e) => e.name),
    PER_SET,
  );
  const searches = [...sets.frequent, ...sets.names, ...sets.questions, ...sets.typos];
  // Warm caches and plans once.
  for (const q of searches.slice(0, 10)) await search(view, q);
  return {
    search: await wallOf(searches, (q) => search(view, q)),
    who: await wallOf(asked.who, (q) => who(view, q)),
    whatHappened: await wallOf(asked.days, (q) => whatHappened(view, q)),
    nameAutocomplete: await wallOf(asked.namePrefixes, (q) => view.suggestEntities(q, CHOICES)),
    dayAutocomplete: await wallOf(asked.dayPrefixes, (q) => view.suggestDays(q, CHOICES)),
  };
}

async function quality(view: KnowledgeView, questions: { question: string; passageId: string }[]) {
  const ranks: number[] = [];
  for (const q of questions) {
    const ids = (await view.searchPassages(q.question, 10)).map((h) => h.passageId);
    const at = ids.indexOf(q.passageId);
    ranks.push(at < 0 ? Number.POSITIVE_INFINITY : at + 1);
  }
  return scoreRanks(ranks);
}

function parseSizes(argv: readonly string[]): number[] {
  const i = argv.indexOf('--sizes');
  const text = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--sizes='))?.slice(8);
  if (!text) return [100_000, 400_000];
  return text
    .split(',')
    .map((s) => Math.round(Number(s.replace(/k$/i, '')) * (/k$/i.test(s) ? 1000 : 1)));
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

async function main(): Promise<void> {
  if (!hasNorec()) {
    process.stdout.write(`NoReC not found under ${corpusDir}: nothing to measure.\n`);
    return;
  }
  const probe = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
  } catch {
    process.stdout.write(`No PostgreSQL at ${URL}: run bash .ci/postgres first.\n`);
    return;
  }
  await probe.end();

  const sizes = parseSizes(process.argv.slice(2));
  const report: Record<string, unknown> = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    loadAverage: { start: os.loadavg() },
    startedAt: new Date().toISOString(),
  };

  // Quality: NorQuAD news test, the same questions through both views.
  if (existsSync(path.join(corpusDir, 'norquad-news'))) {
    const corpus = loadNorquad(corpusDir);
    const archive = await build(corpus.articles);
    const inPg = await intoPostgres(archive, 'norquad');
    const memory = await quality(new ArchiveView(archive), corpus.questions.test);
    const postgres = await quality(inPg.view, corpus.questions.test);
    await inPg.pools.close();
    report.quality = { memory, postgres };
    process.stdout.write(
      `NorQuAD news test MRR@10 / recall@5: memory ${memory.mrr10.toFixed(3)} / ${memory.recall5.toFixed(3)}, PostgreSQL ${postgres.mrr10.toFixed(3)} / ${postgres.recall5.toFixed(3)}\n\n`,
    );
  }

  if (process.argv.includes('--quality')) return;
  const all = await readNorec(Math.max(...sizes));
  const rows: string[] = [
    '| passages | backend | build / ingest s | DB MB | search p50/p99 ms | who p50/p99 | what-happened p50/p99 | names ac p50/p99 | days ac p50/p99 |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const measured: unknown[] = [];
  for (const size of sizes) {
    const articles = takePassages(all, size);
    const t0 = performance.now();
    const archive = await build(articles);
    const buildMs = performance.now() - t0;
    const memory = await answers(new ArchiveView(archive), archive, articles);
    const inPg = await intoPostgres(archive, `n${size}`);
    const postgres = await answers(inPg.view, archive, articles);
    await inPg.pools.close();
    const n = passageCount(articles);
    const cells = (a: typeof memory) =>
      [a.search, a.who, a.whatHappened, a.nameAutocomplete, a.dayAutocomplete]
        .map((w) => `${ms(w.p50)} / ${ms(w.p99)}`)
        .join(' | ');
    rows.push(
      `| ${n.toLocaleString('en')} | memory | ${(buildMs / 1000).toFixed(1)} | – | ${cells(memory)} |`,
    );
    rows.push(
      `| ${n.toLocaleString('en')} | PostgreSQL | ${(inPg.ingestMs / 1000).toFixed(1)} | ${inPg.sizeMB.toFixed(0)} | ${cells(postgres)} |`,
    );
    measured.push({
      passages: n,
      buildMs,
      ingestMs: inPg.ingestMs,
      dbMB: inPg.sizeMB,
      memory,
      postgres,
    });
    process.stdout.write(`${rows.slice(-2).join('\n')}\n`);
  }
  report.sizes = measured;
  (report.loadAverage as Record<string, unknown>).end = os.loadavg();
  process.stdout.write(
    `\n${rows.join('\n')}\n\nload average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  await mkdir(path.join(benchDir, 'results'), { recursive: true });
  await writeFile(
    path.join(benchDir, 'results', 'postgres.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
}

await main();
