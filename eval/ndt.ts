/**
 * The dated news articles of the Norwegian Dependency Treebank (`../shared/corpus/ndt-nob`
 * + `ndt-nob-refs`), rebuilt in memory, plus what the precision audits share: positions
 * that name a sentence without copying it, and a sample that does not move when the
 * extractor changes.
 *
 * The NDT texts may not be republished as stand-alone texts, so an audit file stores only
 * (file, sentence index, character offsets), the few words judged and the verdict.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

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

/** One sentence of the treebank, named by its file and its index among that file's sentences. */
export interface NdtSentence {
  file: string;
  index: number;
  text: string;
  heading: boolean;
}

/** CoNLL sentences back to text; `<overskrift>` on the last token marks a heading. */
export function readSentences(file: string, content: string): NdtSentence[] {
  const sentences: NdtSentence[] = [];
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
    sentences.push({ file, index: sentences.length, text, heading });
  }
  return sentences;
}

export interface NdtArticle {
  /** Group and position in it (`ap001#3`): a stable id. */
  id: string;
  published: string;
  title: string;
  /** Body sentences in order (headings left out). */
  body: NdtSentence[];
}

/** How far down the list a title may be found: listed articles are sometimes missing. */
const TITLE_LOOKAHEAD = 5;

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export interface NdtCorpus {
  /** Articles listed in the references. */
  listed: number;
  /** Articles whose title sentence was found, so their publication date is known. */
  articles: NdtArticle[];
  /** Every sentence of every file, for archive-wide word counts. */
  allSentences: NdtSentence[];
}

export async function readNdtCorpus(corpusDir: string): Promise<NdtCorpus> {
  const treebank = path.join(corpusDir, 'ndt-nob');
  const refs = readReferences(
    await readFile(path.join(corpusDir, 'ndt-nob-refs', 'references_newspaper_nob.txt'), 'utf8'),
  );
  const files = (await readdir(treebank)).filter((f) => f.endsWith('.conll')).sort();
  const byFile = new Map<string, NdtSentence[]>();
  for (const file of files)
    byFile.set(file, readSentences(file, await readFile(path.join(treebank, file), 'utf8')));
  const articles: NdtArticle[] = [];
  let listed = 0;
  for (const [group, refArticles] of refs) {
    listed += refArticles.length;
    // `db001` is split into `db001a` and `db001b`; all files of a group in order.
    const sentences = files
      .filter((f) => f.replace(/[ab]?_\d+\.conll$/, '') === group)
      .flatMap((f) => byFile.get(f) ?? []);
    let next = 0;
    let current: NdtArticle | undefined;
    const flush = () => {
      if (current && current.body.length > 0) articles.push(current);
      current = undefined;
    };
    for (const sentence of sentences) {
      // Only some files mark titles as headings: a sentence that reads as one of the next
      // listed titles starts that article, marked or not. Without this the bodies of
      // unmarked articles would run on under the previous article's date.
      const text = normalise(sentence.text);
      const ahead = text
        ? refArticles
            .slice(next, next + TITLE_LOOKAHEAD)
            .findIndex((ref) => normalise(ref.title) === text)
        : -1;
      const expected = refArticles[next + ahead];
      if (ahead >= 0 && expected) {
        // Titles skipped over were not found, so their bodies ran on into the current
        // article under the wrong date: leave that article out rather than misdate it.
        if (ahead > 0) current = undefined;
        flush();
        next += ahead;
        current = {
          id: `${group}#${next}`,
          published: expected.date,
          title: expected.title,
          body: [],
        };
        next += 1;
        continue;
      }
      if (!sentence.heading && current) current.body.push(sentence);
    }
    // Listed titles never found after the last one: their bodies would be in it.
    if (next < refArticles.length) current = undefined;
    flush();
  }
  return { listed, articles, allSentences: [...byFile.values()].flat() };
}

/** Where an audited item sits: the treebank sentence and character offsets inside its text. */
export interface Position {
  file: string;
  sentence: number;
  start: number;
  end: number;
}

export const positionKey = (p: Position): string => `${p.file}|${p.sentence}|${p.start}|${p.end}`;

/**
 * A number in [0, 1) from a position alone (FNV-1a), so the audit sample is "every item
 * whose position hashes below the threshold": an item the extractor newly produces falls
 * inside or outside the sample by where it is, not by what else was found.
 */
export function positionScore(seed: string, p: Position): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}|${p.file}|${p.sentence}|${p.start}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 4294967296;
}

/** One sample rule: every position whose score under `seed` is below `threshold`. */
export interface SampleRule {
  seed: string;
  threshold: number;
  /**
   * As an exclusion, also the positions judged in that sample (`plainKey`). Roles are
   * sampled by position and role, so a role fixed at a judged name is a new claim hashing
   * elsewhere: it came out of tuning, so a held-out sample must not take it.
   */
  judged?: ReadonlySet<string>;
}

/**
 * A sample as an audit file defines it. A later (held-out) sample names the earlier ones in
 * `excluding`, so no position judged while tuning can be counted again, including positions
 * the extractor only starts producing later.
 */
export interface SampleDefinition extends SampleRule {
  excluding?: readonly SampleRule[];
}

/** The position without any `|`-suffix a caller keyed into `file` (roles add `|role`). */
export const plainKey = (p: Position): string =>
  positionKey({ ...p, file: p.file.split('|')[0] ?? '' });

export const inRule = (rule: SampleRule, p: Position): boolean =>
  positionScore(rule.seed, p) < rule.threshold || (rule.judged?.has(plainKey(p)) ?? false);

export const inSample = (sample: SampleDefinition, p: Position): boolean =>
  inRule(sample, p) && !(sample.excluding ?? []).some((rule) => inRule(rule, p));

/**
 * The `size` items with the lowest scores, leaving out items inside any `excluding` sample,
 * and the threshold that selects them.
 */
export function drawSample<T extends Position>(
  items: readonly T[],
  seed: string,
  size: number,
  excluding: readonly SampleRule[] = [],
): { sample: T[]; threshold: number } {
  const scored = items
    .filter((item) => !excluding.some((rule) => inRule(rule, item)))
    .map((item) => ({ item, score: positionScore(seed, item) }))
    .sort((a, b) => a.score - b.score);
  const chosen = scored.slice(0, size);
  const last = chosen.at(-1)?.score ?? 0;
  const after = scored[size]?.score ?? 1;
  return { sample: chosen.map((c) => c.item), threshold: (last + after) / 2 };
}

export const weekdayName = (iso: string): string =>
  ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'][
    new Date(`${iso}T12:00:00Z`).getUTCDay()
  ] ?? '';

/** What an audit prints and `npm run eval` reports. */
export interface AuditFigures {
  /** Judged items the extractor still produces, as judged. */
  judged: number;
  correct: number;
  precision: number;
  /** Judged items it no longer produces (a dropped wrong one is a fix; a dropped right one, lost recall). */
  dropped: number;
  droppedCorrect: number;
  /** Items inside the sample threshold that nobody judged yet (new, or changed since). */
  unjudged: number;
  byVerdict: Record<string, number>;
}

/**
 * Compare the current output inside the sample with the judgements: matched by position,
 * and by what was resolved (a changed resolution is a new claim, so it is unjudged).
 */
export function scoreAudit<J extends Position & { verdict: string }, C extends Position>(
  judgements: readonly J[],
  current: readonly C[],
  sample: SampleDefinition,
  same: (judged: J, now: C) => boolean,
): AuditFigures & { unjudgedItems: C[]; droppedItems: J[] } {
  const now = new Map(current.map((c) => [positionKey(c), c]));
  const judgedKeys = new Set(judgements.map(positionKey));
  const figures = {
    judged: 0,
    correct: 0,
    precision: 0,
    dropped: 0,
    droppedCorrect: 0,
    unjudged: 0,
    byVerdict: {} as Record<string, number>,
    unjudgedItems: [] as C[],
    droppedItems: [] as J[],
  };
  for (const judged of judgements) {
    const match = now.get(positionKey(judged));
    if (!match) {
      figures.dropped += 1;
      if (judged.verdict === 'correct') figures.droppedCorrect += 1;
      figures.droppedItems.push(judged);
      continue;
    }
    if (!same(judged, match)) {
      figures.unjudged += 1;
      figures.unjudgedItems.push(match);
      continue;
    }
    figures.judged += 1;
    figures.byVerdict[judged.verdict] = (figures.byVerdict[judged.verdict] ?? 0) + 1;
    if (judged.verdict === 'correct') figures.correct += 1;
  }
  for (const item of current) {
    if (judgedKeys.has(positionKey(item))) continue;
    if (!inSample(sample, item)) continue;
    figures.unjudged += 1;
    figures.unjudgedItems.push(item);
  }
  figures.precision = figures.judged ? figures.correct / figures.judged : 0;
  return figures;
}

/** An audit file: the sample's definition and the hand judgements inside it. */
export interface AuditFile<J> extends SampleDefinition {
  about: string;
  judgements: J[];
}

/**
 * One hand-judged sample of a kind. `tuning`, `heldout` and then `fresh` were each used to
 * find and fix errors, so their figures are optimistic; `final` is drawn outside all three
 * and judged once with no change to src/ afterwards: the honest figure until it, too, is
 * used for fixes (then draw a next sample excluding all four).
 */
export interface AuditSampleSpec {
  name: 'tuning' | 'heldout' | 'fresh' | 'final';
  /** How reports name it, saying whether it was used for fixes (so whether to quote it). */
  label: string;
  file: string;
  seed: string;
  /** How many items `--draw` takes. */
  size: number;
  /** Earlier samples (by name) whose positions this one leaves out. */
  excluding: readonly AuditSampleSpec['name'][];
}

/**
 * The four samples of one kind, oldest first, by convention: files `<kind>-ndt.json`,
 * `-heldout.json`, `-fresh.json`, `-final.json` in `dir`, seeds `kilde-<kind>-ndt-1..4`.
 * `tuning`, `heldout` and `fresh` were used to find and fix errors; `final` was judged once
 * after the last fix. Each sample excludes every earlier one.
 */
export function auditSamples(
  dir: string,
  kind: 'dates' | 'roles',
  sizes: readonly [tuning: number, heldout: number, fresh: number, final: number],
): AuditSampleSpec[] {
  const file = (suffix: string) => path.join(dir, `${kind}-ndt${suffix}.json`);
  const seed = (n: number) => `kilde-${kind}-ndt-${n}`;
  return [
    {
      name: 'tuning',
      label: 'tuning (used for fixes)',
      file: file(''),
      seed: seed(1),
      size: sizes[0],
      excluding: [],
    },
    {
      name: 'heldout',
      label: 'earlier held-out (used for fixes)',
      file: file('-heldout'),
      seed: seed(2),
      size: sizes[1],
      excluding: ['tuning'],
    },
    {
      name: 'fresh',
      label: 'fresh (used for fixes)',
      file: file('-fresh'),
      seed: seed(3),
      size: sizes[2],
      excluding: ['tuning', 'heldout'],
    },
    {
      name: 'final',
      label: 'final (held out, quote this)',
      file: file('-final'),
      seed: seed(4),
      size: sizes[3],
      excluding: ['tuning', 'heldout', 'fresh'],
    },
  ];
}

export const readAuditFile = <J>(file: string): AuditFile<J> =>
  JSON.parse(readFileSync(file, 'utf8')) as AuditFile<J>;

/** The rules of the earlier samples a spec excludes, with their judged positions. */
export function exclusionRules(
  specs: readonly AuditSampleSpec[],
  spec: AuditSampleSpec,
): SampleRule[] {
  return spec.excluding.map((name) => {
    const earlier = specs.find((s) => s.name === name);
    if (!earlier) throw new Error(`${spec.name} excludes unknown sample ${name}`);
    const { seed, threshold, judgements } = readAuditFile<Position>(earlier.file);
    return { seed, threshold, judged: new Set(judgements.map(plainKey)) };
  });
}

/** How a sample's audit file is scored: its own rule minus the earlier samples it excludes. */
export function sampleDefinition(
  specs: readonly AuditSampleSpec[],
  spec: AuditSampleSpec,
  audit: SampleRule,
): SampleDefinition {
  return { seed: audit.seed, threshold: audit.threshold, excluding: exclusionRules(specs, spec) };
}

/**
 * Scores every sample whose audit file exists, by name, against one run of the extractor
 * (`current` is called once, and only when there is something to score).
 */
export async function scorePresentSamples<J, C, R>(
  specs: readonly AuditSampleSpec[],
  current: () => Promise<readonly C[]>,
  score: (audit: AuditFile<J>, current: readonly C[], sample: SampleDefinition) => R,
): Promise<Partial<Record<AuditSampleSpec['name'], R>>> {
  const present = specs.filter((spec) => existsSync(spec.file));
  if (present.length === 0) return {};
  const items = await current();
  return Object.fromEntries(
    present.map((spec) => {
      const audit = readAuditFile<J>(spec.file);
      return [spec.name, score(audit, items, sampleDefinition(specs, spec, audit))];
    }),
  );
}

/**
 * `--sample=final` picks a sample, the first one otherwise. (Only the `=` form: a bare
 * word on the command line is the corpus directory.)
 */
export function chooseSample(
  specs: readonly AuditSampleSpec[],
  argv: readonly string[],
): AuditSampleSpec {
  const name = argv.find((a) => a.startsWith('--sample='))?.slice('--sample='.length);
  const spec = name ? specs.find((s) => s.name === name) : specs[0];
  if (!spec)
    throw new Error(`unknown sample ${name}; known: ${specs.map((s) => s.name).join(', ')}`);
  return spec;
}

/** 95% Wilson score interval for `correct` out of `n`: honest at small n and near 1. */
export function wilson(correct: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = correct / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** `precision 0.925, n 120 (111 correct), 95% Wilson interval 0.864-0.960`: n and interval always shown. */
export function formatPrecisionInterval(correct: number, n: number): string {
  const [low, high] = wilson(correct, n);
  const precision = n ? correct / n : 0;
  return `precision ${precision.toFixed(3)}, n ${n} (${correct} correct), 95% Wilson interval ${low.toFixed(3)}-${high.toFixed(3)}`;
}

/** The samples of a kind newest first, so the one to quote heads every report. */
export const newestFirst = (specs: readonly AuditSampleSpec[]): AuditSampleSpec[] =>
  [...specs].reverse();
