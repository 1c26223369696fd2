/**
 * The fuzz properties, shared by `npm run fuzz` (10,000+ cases each, timed) and the test
 * suite (a few hundred cases, never timed). Every handler is driven the way Discord drives
 * it: the real router, the real command modules, the real renderers and message builder,
 * over a real core built from articles written here (some of them hostile). What a
 * property checks: nothing throws (the router logs no handler failure), every reply fits
 * Discord's limits (the stand-in's own checker), nobody is pinged (no allowed mentions, no
 * live mention syntax), and the core never receives more than an option's limit.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interaction } from 'discord.js';
import fc from 'fast-check';
import pino from 'pino';
import { createKilde } from '../src/answers/kilde';
import { INPUT_LIMITS, type InputKind } from '../src/answers/query-text';
import type { Kilde } from '../src/answers/types';
import { parseConfig } from '../src/config';
import { dispatch } from '../src/console/dispatch';
import { plainStyle } from '../src/console/render';
import { type Command, loadCommands } from '../src/discord/command';
import { embedLength, LIMITS } from '../src/discord/limits';
import { SessionStore } from '../src/discord/paging';
import { createRouter } from '../src/discord/router';
import { parseDateQuery } from '../src/extract/dates';
import { messages } from '../src/i18n';
import { problemText } from '../src/i18n/problems';
import { parseAliases } from '../src/knowledge/aliases';
import { parseArticleFile } from '../src/knowledge/article';
import type { Problem } from '../src/knowledge/types';
import type { JsonObject } from '../test/discord/json';
import { checkAutocomplete, checkMessage } from '../test/discord/validation';

// ---------------------------------------------------------------------------------------
// Generators

/** Pieces a hostile user (or article) would use: mentions, Markdown, invisible marks, regex. */
const NASTY = [
  '@everyone',
  '@here',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123>',
  '<#123456789012345678>',
  '```',
  '```js\nconsole.log(1)\n```',
  '`',
  '**',
  '__',
  '~~',
  '||',
  '> ',
  '# ',
  '-# ',
  '1. ',
  '- ',
  '[lenke](https://evil.example)',
  '\\',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\u00ad',
  '\u0000',
  '\u0007',
  '\r\n',
  '\n',
  '\t',
  ' ',
  '.*+?^$\u007b}()|[]\\',
  '(a+)+$',
  '?',
  '...',
  'ø',
  'Ål',
  '😀',
  '👩‍👩‍👧',
  'مرحبا',
  'Kari Nordmann',
  'Nordmann',
  'budsjett',
  'hvem er',
  'når',
  '2023-03-15',
];

const nasty = fc.constantFrom(...NASTY);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  { weight: 4, arbitrary: nasty },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: loneSurrogate },
);

/** A mix of hostile pieces and random Unicode, short. */
const mixed = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

/** One unit repeated to 1,000, 10,000 or 100,000 characters. */
const huge = fc
  .tuple(
    fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })),
    fc.constantFrom(1_000, 10_000, 100_000),
  )
  .map(([unit, size]) => unit.repeat(Math.ceil(size / Math.max(1, unit.length))).slice(0, size));

const blank = fc.constantFrom(
  '',
  ' ',
  '   \t\n',
  '\u200b',
  '\u200b\u200e\u200f',
  '\ufeff',
  '\u2066\u2069',
);

/** Text a user could type into any option. */
export const anyText = fc.oneof(
  { weight: 5, arbitrary: mixed },
  { weight: 2, arbitrary: huge },
  { weight: 1, arbitrary: blank },
);

const IMPOSSIBLE_DATES = [
  '2017-02-30',
  '0000-00-00',
  '99999-01-01',
  '2017-13-01',
  '2017-00-10',
  '31.02.2017',
  '30. februar 2017',
  '29.02.2019',
  '2017-11-22..2017-11-20',
  '1000-01-01..9999-12-31',
  '0001-01-01..9000-12-31',
  '2017-11..2017-10',
  '-2017-01-01',
  '2017-1-1',
  '2017-11-21..',
  '..2017-11-21',
  '21 november 2017 to 20 november 2017',
  '2017-11-21T10:00',
  '１２.１１.２０１７',
];

const year = fc.integer({ min: -10, max: 100_000 });
const month = fc.integer({ min: -1, max: 14 });
const day = fc.integer({ min: -1, max: 33 });
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const formattedDate = fc
  .tuple(year, month, day, fc.constantFrom('iso', 'dots', 'words', 'month'))
  .map(([y, m, d, style]) => {
    const monthName = new Intl.DateTimeFormat(messages('nb').dateLocale, {
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, Math.min(11, Math.max(0, m - 1)), 1)));
    if (style === 'iso') return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    if (style === 'dots') return `${d}.${m}.${y}`;
    if (style === 'words') return `${d}. ${monthName} ${y}`;
    return `${pad(y, 4)}-${pad(m, 2)}`;
  });
const range = fc
  .tuple(formattedDate, formattedDate, fc.constantFrom('..', ' - ', '–', ' til ', ' to '))
  .map(([a, b, sep]) => `${a}${sep}${b}`);

/** Date queries: impossible and reversed dates, ranges, formats, and any text at all. */
export const dateText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES) },
  { weight: 3, arbitrary: formattedDate },
  { weight: 2, arbitrary: range },
  { weight: 3, arbitrary: anyText },
);

const FRONT_MATTER_LINES = [
  'title: Tittel',
  'title: "@everyone <@&123>"',
  'title:',
  'date: 2017-02-30',
  'date: 2023-03-15',
  'date: 20171121',
  'date: 99999-01-01',
  'url: javascript:alert(1)',
  'url: https://example.org/a',
  'language: xx',
  'language: nb',
  'tags: [a, b',
  'tags: {a: b}',
  ': : :',
  '- liste',
  '&anchor a: *anchor',
  'title: !!binary aGVp',
  'foo: bar',
];

/** Front matter, a body of hostile text, and sometimes broken bytes. */
export const articleBytes = fc.oneof(
  fc
    .tuple(
      fc.boolean(),
      fc.array(fc.oneof(fc.constantFrom(...FRONT_MATTER_LINES), mixed), { maxLength: 8 }),
      fc.boolean(),
      fc.array(fc.oneof(mixed, nasty), { maxLength: 12 }),
    )
    .map(([open, lines, close, body]) => {
      const head = open ? `---\n${lines.join('\n')}\n${close ? '---\n' : ''}` : '';
      return Buffer.from(`${head}${body.join('\n\n')}`, 'utf8');
    }),
  fc.uint8Array({ maxLength: 4000 }).map((bytes) => Buffer.from(bytes)),
  fc
    .tuple(mixed, fc.uint8Array({ minLength: 1, maxLength: 16 }), mixed)
    .map(([a, bad, b]) => Buffer.concat([Buffer.from(a), Buffer.from(bad), Buffer.from(b)])),
  huge.map((text) => Buffer.from(` date 2023-03-15 ${text}`, 'utf8')),
);

/** aliases.yml: lists of names, broken YAML, hostile names, broken bytes. */
export const aliasBytes = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.array(fc.oneof(mixed, nasty), { maxLength: 5 }).map((names) => `- ${names.join(' = ')}`),
        fc.constantFrom(
          '- ',
          '-',
          '- =',
          '- a = a',
          ': x',
          '  - nested',
          '- [a, b]',
          '- {a: b}',
          '? x',
        ),
      ),
      { maxLength: 12 },
    )
    .map((lines) => Buffer.from(lines.join('\n'), 'utf8')),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  huge.map((text) => Buffer.from(`- ${text} = x`, 'utf8')),
);

// ---------------------------------------------------------------------------------------
// The world the handlers answer from

/** Articles written for the fuzz: normal Norwegian news, and text as hostile as a user's. */
const ARTICLES: Record<string, string> = {
  'budsjett.md': `---
title: Bystyret i Lillevik vedtok nytt budsjett
date: 2023-03-15
url: https://example.org/lillevik
---
Bystyret i Lillevik vedtok i går et nytt budsjett, sier ordfører Kari Nordmann (Ap).

Nordmann skal møte fylkesrådet fredag for å diskutere veiene.
`,
  'fiendtlig.md': `---
title: "@everyone <@&123> **Overskrift** [lenke](https://evil.example)"
date: 2023-03-16
---
# Ikke en overskrift @here <@123456789012345678>

\`\`\`js
budsjett(); // Kari Nordmann ~~stryk~~ ||spoiler|| \u202e snudd \u200b
\`\`\`

> Sitat fra <#123456789012345678> om budsjett i går, sa Nordmann. \\\\ .*+?^\${}()|[]

1. liste -# liten ${'\\'.repeat(500)} ${'*'.repeat(300)} ${'`'.repeat(300)} ${'.'.repeat(400)}
`,
  'english.md': `---
title: Ministers agree on fjord protection
date: 2021-06-10
language: en
---
Environment ministers agreed on Tuesday to protect the fjords, said Minister Sveinung Rotevatn.
`,
};

export interface World {
  kilde: Kilde;
  commands: ReadonlyMap<string, Command>;
  /** The longest text the core was given, per kind of option, since the last reset. */
  received: { max: Record<InputKind, number>; reset(): void };
  close(): Promise<void>;
}

/** The real core over the fuzz articles, wrapped to record what reaches it. */
export async function createWorld(): Promise<World> {
  const root = await mkdtemp(join(tmpdir(), 'kilde-fuzz-'));
  const dir = join(root, 'knowledge');
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(join(dir, name), text);
  const core = await createKilde({
    knowledgeDir: dir,
    cacheDir: join(root, 'cache'),
    logger: pino({ level: 'silent' }),
  });
  const max: Record<InputKind, number> = {
    name: 0,
    date: 0,
    text: 0,
    topic: 0,
    title: 0,
    source: 0,
    url: 0,
    article: 0,
  };
  const seen = <T>(kind: InputKind, text: string | undefined, answer: () => T): T => {
    max[kind] = Math.max(max[kind], [...(text ?? '')].length);
    return answer();
  };
  const kilde: Kilde = {
    who: (q) => seen('name', q, () => core.who(q)),
    whatHappened: (q, topic) =>
      seen('date', q, () => seen('topic', topic, () => core.whatHappened(q, topic))),
    search: (q) => seen('text', q, () => core.search(q)),
    sources: () => core.sources(),
    status: () => core.status(),
    reload: () => core.reload(),
    suggestNames: (p, n) => seen('name', p, () => core.suggestNames(p, n)),
    suggestDays: (p, n) => seen('date', p, () => core.suggestDays(p, n)),
    timeline: (q) => seen('name', q, () => core.timeline(q)),
    addArticle: (draft, actor) =>
      seen('title', draft.overrides.title, () =>
        seen('source', draft.overrides.source, () =>
          seen('url', draft.overrides.url, () => core.addArticle(draft, actor)),
        ),
      ),
    removeArticle: (ref, actor) => seen('article', ref, () => core.removeArticle(ref, actor)),
    restoreArticle: (ref, actor) => seen('article', ref, () => core.restoreArticle(ref, actor)),
    suggestArticles: (p, n) => seen('name', p, () => core.suggestArticles(p, n)),
    suggestRemoved: (p, n) => seen('name', p, () => core.suggestRemoved(p, n)),
    recordReload: (actor, report) => core.recordReload(actor, report),
  };
  return {
    kilde,
    commands: await loadCommands(),
    received: {
      max,
      reset: () => {
        for (const kind of Object.keys(max) as InputKind[]) max[kind] = 0;
      },
    },
    close: async () => {
      await core.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------
// Driving the router with an interaction as discord.js would hand it over

interface Sent {
  kind: 'reply' | 'editReply' | 'followUp' | 'respond' | 'deferReply';
  body: JsonObject;
}

type OptionValues = Record<string, string | undefined>;

const config = parseConfig({ DEFAULT_LOCALE: 'nb' });

/**
 * A chat-input or autocomplete interaction with just what the router and the commands
 * read. Values are delivered as given, longer than `max_length` included: the handler must
 * cope even when the definitions drift from what Discord enforces.
 */
function fakeInteraction(
  command: string,
  values: OptionValues,
  options: { locale: string; focused?: string },
  sent: Sent[],
): Interaction {
  const state = { deferred: false, replied: false, responded: false };
  const record = (kind: Sent['kind']) => async (payload: unknown) => {
    sent.push({ kind, body: toApiBody(payload) });
    if (kind === 'reply' || kind === 'followUp') state.replied = true;
    if (kind === 'deferReply') state.deferred = true;
    if (kind === 'respond') state.responded = true;
  };
  const autocomplete = options.focused !== undefined;
  const interaction = {
    id: '1',
    commandName: command,
    locale: options.locale,
    guildId: '100000000000000000',
    user: { id: '200000000000000000' },
    isChatInputCommand: () => !autocomplete,
    isAutocomplete: () => autocomplete,
    isButton: () => false,
    get deferred() {
      return state.deferred;
    },
    get replied() {
      return state.replied;
    },
    get responded() {
      return state.responded;
    },
    options: {
      getString: (name: string, required?: boolean) => {
        const value = values[name];
        if (value === undefined && required) throw new TypeError(`option "${name}" missing`);
        return value ?? null;
      },
      getSubcommand: () => null,
      getFocused: (full?: boolean) => {
        const value = values[options.focused ?? ''] ?? '';
        return full ? { name: options.focused, value, type: 3, focused: true } : value;
      },
    },
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    deferReply: record('deferReply'),
    respond: record('respond'),
  };
  return interaction as unknown as Interaction;
}

/** A discord.js payload as the JSON body Discord would receive. */
function toApiBody(payload: unknown): JsonObject {
  if (Array.isArray(payload)) return { choices: JSON.parse(JSON.stringify(payload)) };
  const { allowedMentions, flags, ...rest } = payload as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({
      ...rest,
      ...(flags !== undefined ? { flags } : {}),
      ...(allowedMentions !== undefined ? { allowed_mentions: allowedMentions } : {}),
    }),
  );
}

export interface Outcome {
  sent: Sent[];
  errors: string[];
}

/** Runs one interaction through the real router and returns what it sent and logged. */
export async function interact(
  world: World,
  command: string,
  values: OptionValues,
  options: { locale?: string; focused?: string } = {},
): Promise<Outcome> {
  const sent: Sent[] = [];
  const errors: string[] = [];
  const logger = pino(
    { level: 'warn', base: undefined },
    { write: (line: string) => void errors.push(line) },
  );
  const route = createRouter({
    commands: world.commands,
    kilde: world.kilde,
    config,
    logger,
    sessions: new SessionStore(60_000),
  });
  await route(
    fakeInteraction(command, values, { locale: options.locale ?? 'no', ...options }, sent),
  );
  return { sent, errors };
}

// ---------------------------------------------------------------------------------------
// What every reply must satisfy

// A mention Discord would render: @everyone/@here, or <@id>, <@!id>, <@&id>, <#id>.
const LIVE_MENTION = /@(everyone|here)|<(@[!&]?|#)\d+>/u;

function texts(body: JsonObject): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value))
        if (key !== 'custom_id' && key !== 'url') walk(v);
  };
  walk(body);
  return out;
}

/** Throws (with the reason) unless the interaction got exactly one fitting, silent answer. */
export function checkReplies(outcome: Outcome): void {
  if (outcome.errors.length > 0)
    throw new Error(`logged: ${outcome.errors.join(' | ').slice(0, 500)}`);
  const answers = outcome.sent.filter((s) => s.kind !== 'deferReply');
  if (answers.length === 0) throw new Error('no answer sent');
  for (const { kind, body } of answers) {
    if (kind === 'respond') {
      const errors = checkAutocomplete(body, []);
      if (!errors.empty)
        throw new Error(`autocomplete over limits: ${errors.flatten().join('; ')}`);
      continue;
    }
    const { errors, emptyMessage } = checkMessage(body, kind === 'editReply' ? 'edit' : 'create');
    if (!errors.empty)
      throw new Error(`message over Discord's limits: ${errors.flatten().join('; ')}`);
    if (emptyMessage) throw new Error('empty message');
    for (const embed of (body.embeds ?? []) as JsonObject[]) {
      if (embedLength(embed) > LIMITS.embedTotal) throw new Error('embed over 6000');
    }
    const mentions = body.allowed_mentions as { parse?: unknown[] } | undefined;
    if (!mentions || !Array.isArray(mentions.parse) || mentions.parse.length > 0) {
      throw new Error(`allowed_mentions must be { parse: [] }, was ${JSON.stringify(mentions)}`);
    }
    const live = texts(body).find((t) => LIVE_MENTION.test(t));
    if (live !== undefined) throw new Error(`a live mention survived: ${live.slice(0, 200)}`);
  }
}

/** Throws unless the core never received more than each option's limit. */
export function checkBounded(world: World): void {
  for (const kind of Object.keys(INPUT_LIMITS) as InputKind[]) {
    if (world.received.max[kind] > INPUT_LIMITS[kind]) {
      throw new Error(`the core received ${world.received.max[kind]} characters of ${kind}`);
    }
  }
}

function checkProblems(problems: readonly Problem[]): void {
  for (const problem of problems) {
    for (const locale of ['nb', 'en'] as const) {
      const text = problemText(problem, messages(locale));
      if (typeof text !== 'string' || text.trim() === '') {
        throw new Error(`problem ${problem.code} has no ${locale} text`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// The properties

/** How one property fared over many cases, for `npm run fuzz`. */
export interface Survey {
  name: string;
  budgetMs: number;
  cases: number;
  failures: number;
  firstFailure?: string;
  /** The most CPU time one case took (process.cpuUsage, user + system), in ms. */
  maxCpuMs: number;
  /** The slowest case, shortened, to reproduce. */
  slowest?: string;
}

export interface FuzzProperty {
  name: string;
  /**
   * The most CPU one case may take in `npm run fuzz`: 100 ms for everything on an
   * interaction's path; more for whole knowledge files (up to 100,000 characters), which
   * are read on a moderator's reload and cost time linear in their size.
   */
  budgetMs: number;
  /** fast-check's assert: stops at the first failure and shrinks it (the test suite). */
  assert(world: World, numRuns: number): Promise<void>;
  /** Runs every case, counting failures and timing each one (the fuzz script). */
  survey(world: World, numRuns: number, seed?: number): Promise<Survey>;
}

/** A case over this is re-timed (see `survey`). */
const SLOW_CASE_MS = 50;
/** CPU per case for anything on an interaction's path. */
export const INTERACTION_BUDGET_MS = 100;
/** CPU per case for a whole knowledge file of up to 100,000 characters (linear in size). */
export const FILE_BUDGET_MS = 300;

function property<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  run: (world: World, input: T) => Promise<void>,
  budgetMs = INTERACTION_BUDGET_MS,
): FuzzProperty {
  return {
    name,
    budgetMs,
    assert: (world, numRuns) =>
      fc.assert(
        fc.asyncProperty(arbitrary, (input) => run(world, input)),
        { numRuns },
      ),
    async survey(world, numRuns, seed) {
      const result: Survey = { name, budgetMs, cases: 0, failures: 0, maxCpuMs: 0 };
      const timed = async (input: T): Promise<number> => {
        const before = process.cpuUsage();
        await run(world, input);
        const used = process.cpuUsage(before);
        return (used.user + used.system) / 1000;
      };
      const check = fc.asyncProperty(arbitrary, async (input) => {
        result.cases++;
        let ms = 0;
        try {
          ms = await timed(input);
          // CPU time includes a garbage collection that happened to fall in this case: a
          // slow case is timed twice more and counts with its fastest run.
          if (ms > SLOW_CASE_MS) ms = Math.min(ms, await timed(input), await timed(input));
        } catch (error) {
          result.failures++;
          result.firstFailure ??= `${String(error).slice(0, 300)} on ${fc.stringify(input).slice(0, 300)}`;
        }
        if (ms > result.maxCpuMs) {
          result.maxCpuMs = ms;
          result.slowest = fc.stringify(input).slice(0, 200);
        }
        return true;
      });
      await fc.assert(check, { numRuns, ...(seed !== undefined ? { seed } : {}) });
      return result;
    },
  };
}

const locale = fc.constantFrom('no', 'en-US', 'en-GB', 'de', 'sv-SE');

/** A chat command: the reply fits, pings nobody, and the core saw at most the limit. */
function commandProperty(
  name: string,
  command: string,
  values: fc.Arbitrary<OptionValues>,
): FuzzProperty {
  return property(name, fc.tuple(values, locale), async (world, [optionValues, userLocale]) => {
    world.received.reset();
    checkReplies(await interact(world, command, optionValues, { locale: userLocale }));
    checkBounded(world);
  });
}

/** Autocomplete: the choices fit, and the core saw at most the option's limit. */
function autocompleteProperty(
  name: string,
  command: string,
  option: string,
  text: fc.Arbitrary<string>,
): FuzzProperty {
  return property(name, text, async (world, typed) => {
    world.received.reset();
    checkReplies(await interact(world, command, { [option]: typed }, { focused: option }));
    checkBounded(world);
  });
}

const optional = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { nil: undefined, freq: 5 });

export const PROPERTIES: readonly FuzzProperty[] = [
  commandProperty(
    '/hva-skjedde dato [tema]',
    'hva-skjedde',
    fc.record({ dato: optional(dateText), tema: optional(anyText) }),
  ),
  commandProperty('/hvem navn', 'hvem', fc.record({ navn: optional(anyText) })),
  commandProperty('/søk tekst', 'søk', fc.record({ tekst: optional(anyText) })),
  autocompleteProperty('/hvem autocomplete', 'hvem', 'navn', anyText),
  autocompleteProperty('/hva-skjedde autocomplete', 'hva-skjedde', 'dato', dateText),
  property('date query parser', dateText, async (_world, text) => {
    const parsed = parseDateQuery(text);
    if (parsed.ok && parsed.span.start > parsed.span.end) {
      throw new Error(`span runs backwards: ${JSON.stringify(parsed.span)}`);
    }
  }),
  property(
    'article file + front matter',
    articleBytes,
    async (_world, bytes) => {
      const parsed = parseArticleFile('fuzz.md', bytes);
      checkProblems(parsed.problems);
      if (!parsed.article && !parsed.problems.some((p) => p.severity === 'error')) {
        throw new Error('no article and no error saying why');
      }
    },
    FILE_BUDGET_MS,
  ),
  property(
    'aliases.yml',
    aliasBytes,
    async (_world, bytes) => {
      checkProblems(parseAliases('aliases.yml', bytes).problems);
    },
    FILE_BUDGET_MS,
  ),
  property(
    'console line',
    fc.tuple(
      fc.constantFrom('/hvem ', '/who ', '/hva-skjedde ', '/søk ', '/search ', '', '/x '),
      anyText,
      fc.constantFrom<'nb' | 'en'>('nb', 'en'),
    ),
    async (world, [command, text, lang]) => {
      world.received.reset();
      const reply = await dispatch(`${command}${text}`, world.kilde, lang, plainStyle);
      if (typeof reply.text !== 'string' || reply.text === '') throw new Error('no text');
      checkBounded(world);
    },
  ),
];

/** What the autocomplete for a typed prefix answers, as JSON: to compare long and cut prefixes. */
export async function nameChoicesFor(world: World, typed: string): Promise<string> {
  const outcome = await interact(world, 'hvem', { navn: typed }, { focused: 'navn' });
  return JSON.stringify(outcome.sent.map((s) => s.body));
}
