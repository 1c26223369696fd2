/**
 * Micro-benchmark of `/hvem` autocomplete and close-name suggestions: builds the entity
 * directory over N entities (synthetic, or an archive's own) and times what one keystroke
 * costs, as the bot pays it (the directory's answer and the summaries rendered from it).
 *
 *   npx tsx bench/autocomplete.ts                 70,000 synthetic entities
 *   npx tsx bench/autocomplete.ts --entities 20000
 *   npx tsx bench/autocomplete.ts --entities-file entities.json   an archive's own (Entity[] as JSON)
 *
 * `npm run bench` calls `benchNameAutocomplete` with the entities of each NoReC archive it
 * builds, and `benchDayAutocomplete` with the archive itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { suggestDays } from '../src/answers/days';
import { summarise } from '../src/answers/who';
import type { Archive } from '../src/archive/archive';
import { parseDateQuery } from '../src/extract/dates';
import { EntityDirectory } from '../src/extract/entities';
import type { Entity } from '../src/extract/types';
import { seededRandom } from '../test/helpers/random';
import { threadCpuMs } from './thread-cpu';

export interface Latency {
  calls: number;
  /** Wall-clock time per call: on a loaded machine it includes waiting for a core. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU time per call of the calling thread (bench/thread-cpu.ts): what the call itself costs. */
  cpuP50Ms: number;
  cpuP99Ms: number;
}

export interface NameAutocompleteFigures {
  entities: number;
  buildMs: number;
  buildCpuMs: number;
  /** Typed beginnings of names, one keystroke at a time ("h", "hu", "hui", …). */
  prefix: Latency;
  /** Beginnings with a slip ("hiutf"): the near-prefix tier. */
  typo: Latency;
  /** `/hvem` misses: close whole names within a bounded edit distance. */
  closeNames: Latency;
  /** Exact role lookups (`/hvem Kreml-talsmann`). */
  role: Latency;
  /** Trie nodes a close-name lookup steps into, on average and at most: the walk's work, whatever the load. */
  closeNamesNodes: { mean: number; max: number };
  /** Trie nodes a keystroke's near-prefix tier steps into (prefixes and slipped ones together). */
  suggestNodes: { mean: number; max: number };
}

function percentiles(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

function time(inputs: readonly string[], call: (input: string) => unknown): Latency {
  // One untimed round first: the first call of each code path compiles it.
  for (const input of inputs.slice(0, 50)) call(input);
  const wall: number[] = [];
  const cpu: number[] = [];
  // Each call's fastest of three, as bench/run.ts does: on a shared machine one run may
  // include waiting for a core or another thread's work.
  for (const input of inputs) {
    let bestWall = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      const cpuStart = threadCpuMs();
      const start = performance.now();
      call(input);
      bestWall = Math.min(bestWall, performance.now() - start);
      bestCpu = Math.min(bestCpu, threadCpuMs() - cpuStart);
    }
    wall.push(bestWall);
    cpu.push(bestCpu);
  }
  const w = percentiles(wall);
  const c = percentiles(cpu);
  return {
    calls: inputs.length,
    p50Ms: w.p50,
    p95Ms: w.p95,
    p99Ms: w.p99,
    maxMs: w.max,
    cpuP50Ms: c.p50,
    cpuP99Ms: c.p99,
  };
}

const GIVEN =
  'Anne Ola Kari Per Jonas Erna Siv Trygve Anniken Ine Marit Espen Hadia Abid Audun Bjørnar Åsmund Øystein Ingrid Sveinung Hélène Mette Jan Lars Nils Terje Tone Sigrun Dmitrij Sergej Vladimir Bashar Angela Emmanuel'.split(
    ' ',
  );
const SYLLABLES =
  'berg dal hau ge lie sol nes rud vik stad heim land mo bø sæ ter strand haug fjell eng li by ås'.split(
    ' ',
  );
const ROLES = [
  'ordfører',
  'statsminister',
  'utenriksminister',
  'Kreml-talsmann',
  'havnesjef',
  'partileder',
  'trener',
  'administrerende direktør',
  'Syrias president',
  'museum director',
];

/** Entities with Norwegian-looking names (given, sometimes middle, and a made-up surname), a skewed number of mentions, and roles. */
export function syntheticEntities(count: number, seed = 1): Entity[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const surname = () => {
    const word = pick(SYLLABLES) + pick(SYLLABLES) + (random() < 0.5 ? pick(SYLLABLES) : '');
    return word.charAt(0).toUpperCase() + word.slice(1);
  };
  return Array.from({ length: count }, (_, i): Entity => {
    const person = random() < 0.7;
    const words = person
      ? [pick(GIVEN), ...(random() < 0.3 ? [surname()] : []), surname()]
      : [surname(), pick(['AS', 'FK', 'kommune', 'Havn', 'ASA'])];
    const name = words.join(' ');
    // Most names are mentioned once or twice, a few thousands of times.
    const mentions = Math.max(1, Math.floor(1 / (random() + 0.0005)));
    return {
      id: `${name.toLowerCase().replace(/\s+/g, '-')}-${i}`,
      name,
      kind: person ? 'person' : 'organisation',
      aliases: person && random() < 0.5 ? [words[words.length - 1] ?? name] : [],
      roles: Array.from({ length: random() < 0.3 ? 1 + Math.floor(random() * 4) : 0 }, (_, r) => ({
        role: pick(ROLES),
        roleText: pick(ROLES),
        passageId: `p${i}-${r}`,
        articleId: `a${i}-${r}`,
      })),
      mentions: Array.from({ length: Math.min(mentions, 2000) }, (_, m) => ({
        passageId: `p${i}-${m}`,
        articleId: `a${i}-${m >> 2}`,
        surface: name,
        start: 0,
        end: name.length,
      })),
    };
  });
}

/** What people type into `/hvem`: a name's word one keystroke at a time, the same with a slip, and misspelt whole names. */
function typedQueries(entities: readonly Entity[], count: number, seed: number) {
  const random = seededRandom(seed);
  const prefix: string[] = [];
  const typo: string[] = [];
  const whole: string[] = [];
  while (prefix.length < count) {
    const entity = entities[Math.floor(random() * entities.length)];
    const words = (entity?.name ?? '').split(' ');
    const word = words[Math.floor(random() * words.length)] ?? '';
    for (let end = 1; end <= Math.min(word.length, 8); end++) prefix.push(word.slice(0, end));
    if (word.length >= 4) {
      const at = 1 + Math.floor(random() * (word.length - 2));
      const slipped = `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
      typo.push(slipped.slice(0, 3 + Math.floor(random() * (slipped.length - 2))));
      whole.push(`${entity?.name.slice(0, -1)}${'xq'[Math.floor(random() * 2)]}`);
    }
  }
  return { prefix: prefix.slice(0, count), typo, whole };
}

/** Builds the directory over `entities` and times autocomplete, close names and role lookups. */
export function benchNameAutocomplete(
  entities: readonly Entity[],
  options: { queries?: number; seed?: number } = {},
): NameAutocompleteFigures {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const directory = new EntityDirectory(entities);
  const buildMs = performance.now() - started;
  const buildCpu = process.cpuUsage(cpuStart);
  const queries = typedQueries(entities, options.queries ?? 2000, options.seed ?? 7);
  const suggest = (typed: string) => directory.suggest(typed, 25).map((e) => summarise(e));
  const walked = (call: (typed: string) => unknown) => (typed: string) => {
    const before = directory.walked;
    call(typed);
    return directory.walked - before;
  };
  const nodes = queries.whole.map(walked((typed) => directory.closeNames(typed, 5)));
  const suggestNodes = [...queries.prefix, ...queries.typo].map(walked(suggest));
  const spread = (counts: readonly number[]) => ({
    mean: counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length),
    max: Math.max(0, ...counts),
  });
  return {
    entities: entities.length,
    buildMs,
    buildCpuMs: (buildCpu.user + buildCpu.system) / 1000,
    prefix: time(queries.prefix, suggest),
    typo: time(queries.typo, suggest),
    closeNames: time(queries.whole, (typed) => directory.closeNames(typed, 5)),
    role: time(
      ROLES.flatMap((r) => [r, r.toUpperCase(), `den ${r}`]),
      (r) => directory.byRole(r),
    ),
    closeNamesNodes: spread(nodes),
    suggestNodes: spread(suggestNodes),
  };
}

/** Times `/hva-skjedde` date autocomplete on an archive: typed beginnings of ISO days, and dates to find the nearest days to. */
export function benchDayAutocomplete(
  archive: Archive,
  options: { queries?: number; seed?: number } = {},
): Latency {
  const random = seededRandom(options.seed ?? 3);
  const years = archive.articles.map((a) => a.published.start.slice(0, 4));
  const inputs: string[] = [''];
  while (inputs.length < (options.queries ?? 2000)) {
    const year = years[Math.floor(random() * years.length)] ?? '2017';
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const full = `${year}-${month}-${day}`;
    inputs.push(full.slice(0, 1 + Math.floor(random() * full.length)), `${day}.${month}.${year}`);
  }
  const parse = (input: string) => {
    const parsed = parseDateQuery(input);
    return parsed.ok ? parsed.span : undefined;
  };
  return time(inputs, (typed) => suggestDays(archive, typed, 25, parse));
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--entities');
  const count = at > 0 ? Number(process.argv[at + 1]) : 70_000;
  // An archive's own entities, as JSON (an array of Entity), instead of synthetic ones.
  const file = process.argv.indexOf('--entities-file');
  const entities =
    file > 0
      ? (JSON.parse(readFileSync(process.argv[file + 1] ?? '', 'utf8')) as Entity[])
      : syntheticEntities(count);
  const figures = benchNameAutocomplete(entities);
  console.log(
    `${figures.entities} entities: build ${Math.round(figures.buildMs)} ms (CPU ${Math.round(figures.buildCpuMs)} ms)\n`,
  );
  console.log('| what | calls | p50 ms | p95 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const what of ['prefix', 'typo', 'closeNames', 'role'] as const) {
    const l = figures[what];
    console.log(
      `| ${what} | ${l.calls} | ${round(l.p50Ms)} | ${round(l.p95Ms)} | ${round(l.p99Ms)} | ${round(l.maxMs)} | ${round(l.cpuP50Ms)} | ${round(l.cpuP99Ms)} |`,
    );
  }
  const { mean, max } = figures.closeNamesNodes;
  console.log(`\nclose names: ${Math.round(mean)} trie nodes a miss on average, ${max} at most`);
  const typed = figures.suggestNodes;
  console.log(
    `autocomplete: ${Math.round(typed.mean)} trie nodes a keystroke on average, ${typed.max} at most`,
  );
}
