/**
 * The rule table: one regular expression per family of time expressions, and how to resolve
 * a match against the publication date (or the previous mention, for `dagen før`).
 *
 * Why a hand-written table rather than chrono-node: chrono has no Norwegian, and for English
 * it resolves a bare weekday by a global forward/backward switch, while news needs the verb
 * next to each weekday to decide (`met on Monday` vs `will meet on Monday`). It also has no
 * `the following year` and would need its own false-positive filters (scores, clock times,
 * resolution numbers). One table for all three languages keeps one set of tense rules, one
 * set of negatives and one place to test; every rule below is small enough to read.
 */
import type { DateSpan, Language } from '../../knowledge/types';
import type { TimeMention } from '../types';
import {
  addDays,
  daySpan,
  daysBetween,
  formatIsoDate,
  isValidYmd,
  monthSpan,
  weekday,
  yearSpan,
} from './calendar';
import {
  insideReportedQuote,
  insideTitle,
  isGreeting,
  isHabitual,
  quotedFromAnotherDay,
  todayNamesADay,
} from './context';
import {
  ENGLISH_ONLY_MONTHS,
  ENGLISH_WEEKDAYS,
  HOLIDAYS,
  MONTH_ABBREVIATIONS,
  MONTHS,
  NUMBER_WORDS,
  QUANTITY_NOUNS,
  SEASONS,
  type Season,
  UNITS,
  type Unit,
  WEEKDAYS,
} from './lexicon';
import {
  type Anchor,
  anchorOfSpan,
  nearestYearFor,
  resolveBareMonth,
  resolveWeekday,
  seasonSpan,
  shiftByUnit,
  type WeekdayChoice,
  weekdayInWeek,
  weekOf,
  winterNear,
} from './resolve';
import {
  type Direction,
  directionAround,
  forwardBeforeGenitive,
  presentPointsAhead,
} from './tense';

export interface RuleContext {
  /** The whole passage text, for looking around the match. */
  text: string;
  start: number;
  end: number;
  anchor: Anchor;
  /** The last date mentioned earlier in the article, if any. */
  previous: DateSpan | undefined;
  /** The last time expression before this one in the same passage, with its words. */
  previousInPassage?: TimeMention | undefined;
  /** The article's language: English past tense in -ed is only read in English text. */
  language?: Language | undefined;
  /**
   * The last span the article dated, kept across expressions that could not be dated:
   * where the story is told (`I desember 1963 ...`), for the words after it that depend on it.
   */
  story?: DateSpan | undefined;
  /**
   * Whether `previous` was mentioned in this sentence or the one before it. `samme dag`,
   * `dagen etter` farther from any date are mostly habits (`Pakken kommer dagen etter`).
   */
  previousNearby?: boolean | undefined;
}

export interface Rule {
  name: string;
  kind: TimeMention['kind'];
  /** Global, unicode, case-insensitive. The whole match is the mention's text. */
  pattern: RegExp;
  /** Context-free checks (capitalisation, valid numbers) done before overlaps are settled. */
  accept?: (groups: Groups, text: string, start: number, end: number) => boolean;
  resolve: (groups: Groups, context: RuleContext) => DateSpan | null;
}

type Groups = Record<string, string | undefined>;

// ---------------------------------------------------------------------------------------
// Pattern building blocks

/** Word boundaries that know æ, ø, å (JavaScript's \b does not). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const NO_DIGIT_AFTER = '(?!\\p{N})';

function escapeWord(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

function alt(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeWord)
    .join('|');
}

function rx(source: string): RegExp {
  return new RegExp(source, 'giu');
}

const MONTH = `(?:${alt(MONTHS.keys())}|(?:${alt(MONTH_ABBREVIATIONS.keys())})\\.?)`;
const MONTH_FULL = `(?:${alt(MONTHS.keys())})`;
const WEEKDAY = `(?:${alt(WEEKDAYS.keys())})`;
const NUMBER = `(?:\\d{1,3}|${alt(NUMBER_WORDS.keys())})`;
const UNIT = `(?:${alt(UNITS.keys())})`;
const YEAR = `\\d{4}${NO_DIGIT_AFTER}`;

/**
 * Words that place an event inside a year without narrowing it to a month we could name
 * (`tidlig i 2019`, `i slutten av 2019`, `ved utgangen av 2023`, `by the end of 2023`):
 * the claim stays the whole year. `utgangen av` could be read as December, but `innen
 * utgangen av 2023` (by the end of) does not say the event happens then, so year it is.
 */
const YEAR_PARTS = [
  '(?:tidlig|tidleg|sent|seint|midt)\\s+i',
  '(?:i\\s+)?(?:begynnelsen|starten|slutten|midten|løpet)\\s+av',
  '(?:(?:ved|innen)\\s+)?utgangen\\s+av',
  '(?:by|at)\\s+the\\s+end\\s+of',
  '(?:in\\s+)?(?:early|late)',
].join('|');

// ---------------------------------------------------------------------------------------
// Small helpers

function monthNumber(word: string | undefined): number | null {
  if (!word) return null;
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(key) ?? MONTH_ABBREVIATIONS.get(key) ?? null;
}

function isCapitalised(word: string): boolean {
  const first = word[0] ?? '';
  return first !== first.toLowerCase();
}

/**
 * English-only month names (`may`, `march`) are words unless capitalised. An abbreviation
 * without its full stop (`Feb 27`, wire-service style) only counts capitalised: in lower
 * case `des`, `mar` are too easily something else.
 */
function monthWordOk(word: string | undefined): boolean {
  if (!word) return false;
  const key = word.toLowerCase();
  if (MONTH_ABBREVIATIONS.has(key) && !isCapitalised(word)) return false;
  return !ENGLISH_ONLY_MONTHS.has(key) || isCapitalised(word);
}

function numberValue(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word.toLowerCase()) ?? null;
}

function unitOf(word: string | undefined): Unit | null {
  return word ? (UNITS.get(word.toLowerCase()) ?? null) : null;
}

function plausibleYear(year: number): boolean {
  return year >= 1000 && year <= 2100;
}

function nextWord(text: string, end: number): string | undefined {
  return /^\s*([\p{L}\p{N}'’]+)/u.exec(text.slice(end))?.[1];
}

/** Words that may follow `dagen før` / `i vår` when these stand alone rather than govern a noun. */
const FREE_FOLLOWERS: ReadonlySet<string> = new Set([
  'ble',
  'var',
  'har',
  'hadde',
  'skal',
  'vil',
  'kom',
  'gikk',
  'fikk',
  'sa',
  'og',
  'men',
  'da',
  'så',
  'vart',
  'blei',
  'kunne',
  'skulle',
  'ville',
  'måtte',
  'was',
  'were',
  'had',
  'and',
  'but',
  'then',
]);

/**
 * True when the expression stands alone: punctuation, end of text, or a finite verb next
 * (`Dagen før hadde han ...`). A pronoun next means a clause it governs (`året før han døde`).
 */
function standsAlone(text: string, end: number): boolean {
  const rest = text.slice(end);
  if (/^\s*(?:[.,;:!?)–—-]|$)/u.test(rest)) return true;
  const word = nextWord(text, end);
  return word !== undefined && FREE_FOLLOWERS.has(word.toLowerCase());
}

function lookup<T>(table: ReadonlyMap<string, T>, phrase: string | undefined): T | undefined {
  return phrase === undefined ? undefined : table.get(phrase.toLowerCase().replace(/\s+/g, ' '));
}

function phraseTable<T>(entries: readonly (readonly [readonly string[], T])[]): Map<string, T> {
  const table = new Map<string, T>();
  for (const [phrases, value] of entries) for (const phrase of phrases) table.set(phrase, value);
  return table;
}

function directionFor(context: RuleContext): Direction | undefined {
  return directionAround(
    context.text,
    context.start,
    context.end,
    context.language !== 'nb' && context.language !== 'nn',
  );
}

// ---------------------------------------------------------------------------------------
// Phrase tables for fixed relative expressions

const DAY_OFFSETS = phraseTable<number>([
  [
    [
      'i dag',
      'i dag tidlig',
      'tidligere i dag',
      'senere i dag',
      'seinere i dag',
      'i morges',
      'i ettermiddag',
      'i kveld',
      'i natt',
      'natt til i dag',
      'today',
      'earlier today',
      'later today',
      'tonight',
      'this morning',
      'this afternoon',
      'this evening',
    ],
    0,
  ],
  [
    [
      'i går',
      'i går kveld',
      'i går morges',
      'i går ettermiddag',
      'natt til i går',
      'yesterday',
      'last night',
    ],
    -1,
  ],
  [['i forgårs', 'i førgårs', 'the day before yesterday'], -2],
  [['i morgen', 'i morgon', 'i morgen tidlig', 'i morgon tidleg', 'tomorrow'], 1],
  [['i overmorgen', 'i overmorgon', 'the day after tomorrow'], 2],
]);

const WEEK_OFFSETS = phraseTable<number>([
  [
    [
      'denne uken',
      'denne uka',
      'denne veka',
      'denne veke',
      'i denne uken',
      'tidligere denne uken',
      'tidligere denne uka',
      'senere denne uken',
      'seinere denne uka',
      'this week',
      'earlier this week',
      'later this week',
    ],
    0,
  ],
  [
    [
      'neste uke',
      'i neste uke',
      'neste veke',
      'i neste veke',
      'kommende uke',
      'next week',
      'the coming week',
    ],
    1,
  ],
  [['forrige uke', 'i forrige uke', 'forrige veke', 'i forrige veke', 'sist uke', 'last week'], -1],
]);

const MONTH_OFFSETS = phraseTable<number>([
  [
    [
      'denne måneden',
      'denne månaden',
      'tidligere denne måneden',
      'tidligere denne månaden',
      'senere denne måneden',
      'seinere denne månaden',
      'tidligere i måneden',
      'tidlegare i månaden',
      'this month',
      'earlier this month',
      'later this month',
    ],
    0,
  ],
  [['neste måned', 'neste månad', 'i neste måned', 'kommende måned', 'next month'], 1],
  [['forrige måned', 'forrige månad', 'i forrige måned', 'sist måned', 'last month'], -1],
]);

const YEAR_OFFSETS = phraseTable<number>([
  [
    [
      'i år',
      'tidligere i år',
      'tidlegare i år',
      'senere i år',
      'seinere i år',
      'this year',
      'earlier this year',
      'later this year',
    ],
    0,
  ],
  [['i fjor', 'forrige år', 'last year'], -1],
  [['i forfjor'], -2],
  [['neste år', 'til neste år', 'kommende år', 'next year'], 1],
]);

/** Weekend phrases: which way they point when the phrase itself says so. */
const WEEKEND_PHRASES = phraseTable<Direction | undefined>([
  [
    [
      'i helgen',
      'i helga',
      'denne helgen',
      'denne helga',
      'this weekend',
      'at the weekend',
      'over the weekend',
    ],
    undefined,
  ],
  [['i helgen som var', 'i helga som var', 'sist helg', 'forrige helg', 'last weekend'], 'back'],
  [['neste helg', 'kommende helg', 'next weekend'], 'forward'],
]);

const RELATIVE_YEAR_WORDS = phraseTable<number>([
  [['i fjor', 'last year'], -1],
  [['i forfjor'], -2],
  [['i år', 'this year'], 0],
  [['neste år', 'next year'], 1],
]);

/** `om to år med krig` is "about two years of war": these words after it mean a topic. */
const NOT_AFTER_IN_FUTURE: ReadonlySet<string> = new Set([
  'med',
  'av',
  'i',
  'på',
  'som',
  'der',
  'hvor',
  'etter',
  'å',
]);

// ---------------------------------------------------------------------------------------
// Resolvers shared by several rules

/**
 * `like mye som i helgen`, `mer enn i helga`, `as cold as at the weekend`: the expression is
 * the standard of a comparison (`som`/`enn`/`than`/`as` after a comparative in its clause).
 */
function comparedWith(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start).toLowerCase();
  const match = /(?:^|[^\p{L}])(som|enn|than|as)\s+$/u.exec(before);
  if (!match) return false;
  const clause =
    before
      .slice(0, match.index)
      .split(/[.!?;:,]/u)
      .at(-1) ?? '';
  return /(?:^|[^\p{L}])(?:like|samme|mer|mindre|meir|færre|flere|fleire|more|less|same|as|\p{L}{3,}(?:ere|are|er))(?:[^\p{L}]|$)/u.test(
    clause,
  );
}

function weekendSpan(anchorDay: string, direction: Direction | undefined): DateSpan {
  // The Saturday of the chosen weekend; a weekend publication means the weekend it is in.
  const today = weekday(anchorDay);
  let saturday: string;
  if (today === 6) saturday = anchorDay;
  else if (today === 7) saturday = addDays(anchorDay, -1);
  else if (direction === 'back') saturday = resolveWeekday(6, anchorDay, 'strictBack');
  else if (direction === 'forward') saturday = resolveWeekday(6, anchorDay, 'strictForward');
  else saturday = resolveWeekday(6, anchorDay, 'nearest');
  return { start: saturday, end: addDays(saturday, 1), granularity: 'day' };
}

/**
 * `i vinter vant han to gull`, written in August: the tense picks the season. Past: the
 * last such season begun by publication; future: the first one not yet over.
 */
function seasonByTense(season: Season, anchor: Anchor, direction: Direction): DateSpan {
  const now = anchor.day ?? formatIsoDate(anchor.year, anchor.month ?? 7, 1);
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1].map((year) =>
    seasonSpan(season, year),
  );
  const pick =
    direction === 'back'
      ? candidates.filter((span) => span.start <= now).at(-1)
      : candidates.find((span) => span.end >= now);
  return pick ?? seasonSpan(season, anchor.year);
}

/**
 * A day without a year in the same sentence as an explicit year takes that year: in
 * `siden 2015, da fem omkom julaften` the Christmas Eve is 2015's, not the nearest one.
 * `undefined`: no such year, use the usual rule; `null`: the sentence has a year that
 * does not settle it (`siden 2015 ... 3. mars`, or a past year with a future verb).
 */
function yearFromSentence(context: RuleContext): number | null | undefined {
  const before = context.previousInPassage;
  if (before?.span.granularity !== 'year' || before.kind !== 'explicit') return undefined;
  const year = Number(before.span.start.slice(0, 4));
  if (Number(before.span.end.slice(0, 4)) !== year) return undefined;
  if (/[.!?](?<!\d[.])\s/u.test(context.text.slice(before.end, context.start))) return undefined;
  if (year === context.anchor.year) return undefined;
  const direction = directionFor(context);
  if (direction === 'forward' && year < context.anchor.year) return null;
  if (direction === 'back' && year > context.anchor.year) return null;
  // `i 2015 ... 3. mars` and `høsten 2015 ...` are inside that year, and so is a clause
  // opened by `da`/`when` right after any year; `siden 2015 ... 3. mars` is not.
  const inside = /^(?:i|in|året|during|høsten|våren|sommeren|sommaren|hausten|the)\s/iu;
  const when = /^,?\s*(?:da|då|when)\s/iu;
  return inside.test(before.text) || when.test(context.text.slice(before.end)) ? year : null;
}

/** The year for a day and month written without one. */
function yearForDay(month: number, day: number, context: RuleContext): number | null {
  const fromSentence = yearFromSentence(context);
  if (fromSentence !== undefined) return fromSentence;
  const direction = directionFor(context);
  const story = direction === 'forward' ? undefined : farStory(context);
  if (story) return yearNearStory(month, day, story);
  const year = nearestYearFor(month, day, context.anchor, direction);
  // News names a day months ahead only with a word that points there (`skal`, `holdes`).
  // Without one (`2. april går politiet inn i leiligheten`, written in November) it is a
  // story from another year told in the present: too uncertain to date.
  const now = context.anchor.day;
  if (year !== null && now && direction !== 'forward') {
    const ahead = daysBetween(now, formatIsoDate(year, month, day));
    if (ahead > FUTURE_WITHOUT_SIGNAL_DAYS) return null;
  }
  return year;
}

/** How far ahead a day without a year may lie when nothing in its sentence points forward. */
const FUTURE_WITHOUT_SIGNAL_DAYS = 92;

function relativeToPrevious(
  unit: Unit,
  amount: number,
  context: RuleContext,
  edge: 'start' | 'end',
): DateSpan | null {
  const previous = context.previous;
  if (!previous) return null;
  const finestAllowed: Record<Unit, readonly DateSpan['granularity'][]> = {
    day: ['day'],
    week: ['day', 'week'],
    month: ['day', 'week', 'month'],
    year: ['day', 'week', 'month', 'year'],
  };
  if (!finestAllowed[unit].includes(previous.granularity)) return null;
  // `I dag, seks år senere, ...`: "later" than the present is a retrospective, not a date.
  if (amount > 0 && spanHoldsNow(previous, context.anchor)) return null;
  return shiftByUnit(unit, amount, anchorOfSpan(previous, edge));
}

/** Whether a span contains the publication day (or its month when no day is known). */
function spanHoldsNow(span: DateSpan, anchor: Anchor): boolean {
  const now = anchor.day ?? formatIsoDate(anchor.year, anchor.month ?? 1, 1);
  return span.start <= now && now <= span.end;
}

// ---------------------------------------------------------------------------------------
// The rules

export const RULES: readonly Rule[] = [
  {
    name: 'iso-date',
    kind: 'explicit',
    pattern: rx(`${B}(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})${NO_DIGIT_AFTER}`),
    accept: (g) => isValidYmd(Number(g.y), Number(g.m), Number(g.d)),
    resolve: (g) => daySpan(formatIsoDate(Number(g.y), Number(g.m), Number(g.d))),
  },
  {
    // 28.11.2017 and 21.11. (Norwegian numeric dates); never after `kl.` (clock times).
    name: 'numeric-date',
    kind: 'explicit',
    pattern: rx(
      `(?<![\\p{L}\\p{N}.,])(?<d>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?:(?<y>\\d{4})${NO_DIGIT_AFTER}|${NO_DIGIT_AFTER})`,
    ),
    accept: (g, text, start) => {
      const before = text.slice(Math.max(0, start - 10), start).toLowerCase();
      if (/(?:kl\.?|klokka|klokken|§|nr\.?)\s*$/u.test(before)) return false;
      const month = Number(g.m);
      const day = Number(g.d);
      if (month < 1 || month > 12 || day < 1 || day > 31) return false;
      return g.y === undefined || isValidYmd(Number(g.y), month, day);
    },
    resolve: (g, context) => {
      const month = Number(g.m);
      const day = Number(g.d);
      const year = g.y ? Number(g.y) : yearForDay(month, day, context);
      return year !== null && isValidYmd(year, month, day)
        ? daySpan(formatIsoDate(year, month, day))
        : null;
    },
  },
  {
    // den 28. november (2017), 28 November 2017, mandag 20. november, 20.–22. november
    name: 'day-month',
    kind: 'explicit',
    pattern: rx(
      `${B}(?:(?<wd>${WEEKDAY}),?\\s+)?(?:(?:den|the)\\s+)?(?<![\\p{N}.])(?<d1>\\d{1,2})(?:\\.|st|nd|rd|th)?` +
        `(?:\\s*(?:[–-]|til|og|to|and)\\s*(?<d2>\\d{1,2})(?:\\.|st|nd|rd|th)?)?` +
        `\\s+(?:of\\s+)?(?<mon>${MONTH})${E}(?:,?\\s+(?:i\\s+)?(?<y>${YEAR})|\\s+(?<rel>${alt(RELATIVE_YEAR_WORDS.keys())})${E})?`,
    ),
    accept: (g, text, _start, end) =>
      monthWordOk(g.mon) &&
      Number(g.d1) >= 1 &&
      Number(g.d1) <= 31 &&
      // `22. juli-komiteen`, `17. mai-toget`: a name built on the date, not an event on it.
      !/^-\p{L}/u.test(text.slice(end)),
    resolve: (g, context) => dayRange(g, context),
  },
  {
    // November 28, 2017 / Nov. 28 / November 20-22 (English order; month must be capitalised)
    name: 'month-day',
    kind: 'explicit',
    pattern: rx(
      `${B}(?:(?<wd>${WEEKDAY}),?\\s+)?(?<mon>${MONTH})\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?` +
        `(?:\\s*[–-]\\s*(?<d2>\\d{1,2}))?${NO_DIGIT_AFTER}${E}(?:,?\\s+(?<y>${YEAR}))?`,
    ),
    accept: (g, text, _start, end) => {
      if (g.mon === undefined || !isCapitalised(g.mon)) return false;
      // "Jan 27 år": a first name and an age, not 27 January.
      const after = nextWord(text, end)?.toLowerCase();
      return !(after && (UNITS.has(after) || QUANTITY_NOUNS.has(after)));
    },
    resolve: (g, context) => dayRange(g, context),
  },
  {
    name: 'month-year',
    kind: 'explicit',
    // `august 2007`, `August of 2007`, and `august i 2007` (the same in Norwegian news)
    pattern: rx(`${B}(?<mon>${MONTH})\\s+(?:of\\s+|i\\s+)?(?<y>${YEAR})(?!-\\p{L})`),
    accept: (g, text, _start, end) => {
      if (!monthWordOk(g.mon) || !plausibleYear(Number(g.y))) return false;
      const after = nextWord(text, end)?.toLowerCase();
      return after === undefined || !(QUANTITY_NOUNS.has(after) || UNITS.has(after));
    },
    resolve: (g) => {
      const month = monthNumber(g.mon);
      return month ? monthSpan(Number(g.y), month) : null;
    },
  },
  {
    // oktober i fjor, mars neste år, October last year
    name: 'month-relative-year',
    kind: 'relative',
    pattern: rx(`${B}(?<mon>${MONTH_FULL})\\s+(?<rel>${alt(RELATIVE_YEAR_WORDS.keys())})${E}`),
    accept: (g) => monthWordOk(g.mon),
    resolve: (g, context) => {
      const month = monthNumber(g.mon);
      const offset = lookup(RELATIVE_YEAR_WORDS, g.rel);
      if (inReportedQuote(context)) return null;
      return month && offset !== undefined ? monthSpan(context.anchor.year + offset, month) : null;
    },
  },
  {
    // last October, next March (English)
    name: 'month-last-next',
    kind: 'relative',
    pattern: rx(`${B}(?<rel>last|next|this)\\s+(?<mon>${MONTH_FULL})${E}`),
    accept: (g) => g.mon !== undefined && isCapitalised(g.mon),
    resolve: (g, context) => {
      const month = monthNumber(g.mon);
      if (!month) return null;
      const rel = g.rel?.toLowerCase();
      const direction =
        rel === 'last' ? 'back' : rel === 'next' ? 'forward' : directionFor(context);
      return resolveBareMonth(month, context.anchor, direction);
    },
  },
  {
    // i oktober, siden mars, i slutten av august, in July: a month without a year
    name: 'bare-month',
    kind: 'explicit',
    pattern: rx(
      `${B}(?<prep>(?:i\\s+begynnelsen\\s+av|i\\s+starten\\s+av|i\\s+slutten\\s+av|i\\s+midten\\s+av|midt\\s+i|tidlig\\s+i|sent\\s+i|seint\\s+i|utpå|fra|siden|innen|i|in\\s+early|in\\s+late|in\\s+mid-|earlier\\s+in|later\\s+in|in|since|by|until|early|late)\\s+|mid-)` +
        `(?<mon>${MONTH_FULL})${E}(?!\\s+(?:of\\s+|i\\s+)?\\d{4}|\\s+(?:${alt(RELATIVE_YEAR_WORDS.keys())})${E})`,
    ),
    accept: (g) => {
      if (!g.mon || !g.prep || !monthWordOk(g.mon)) return false;
      const englishPrep = /^(?:in|since|by|until|early|late|mid|earlier|later)/i.test(
        g.prep.trim(),
      );
      // Norwegian never capitalises months: `i Mars`, `i August` are a planet and a name.
      return englishPrep || !isCapitalised(g.mon);
    },
    resolve: (g, context) => {
      const month = monthNumber(g.mon);
      if (!month) return null;
      const prep = g.prep?.trim().toLowerCase() ?? '';
      const direction: Direction | undefined = /^(?:siden|since)$/.test(prep)
        ? 'back'
        : /^(?:innen|by|until)$/.test(prep)
          ? 'forward'
          : directionFor(context);
      // `I desember 1963 kom ...; i mars var ...`: March of which year the text does not
      // say for certain, and not the one before publication.
      if (direction !== 'forward' && farStory(context)) return null;
      if (inReportedQuote(context)) return null;
      return resolveBareMonth(month, context.anchor, direction);
    },
  },
  {
    // i 2015, siden 2015, fra 2011 til 2015, in 1995; never a bare number
    name: 'year',
    kind: 'explicit',
    pattern: rx(
      `${B}(?:(?<prep>${YEAR_PARTS}|i\\s+år|i|året|siden|fra|innen|in|since|by|during|from|until)\\s+|mid-)(?<y1>${YEAR})` +
        // `siden 1930-årene` is a decade, `2011-rapporten` a name: not the year itself.
        `(?:\\s*(?:[–-]|til|to)\\s*(?<y2>${YEAR}))?(?![.,]\\p{N})(?!-\\p{L})`,
    ),
    accept: (g, text, start, end) => {
      const y1 = Number(g.y1);
      const y2 = g.y2 ? Number(g.y2) : y1;
      if (!plausibleYear(y1) || !plausibleYear(y2) || y2 < y1) return false;

      // `i 1000 år`, `fra 2000 kroner`: a quantity, not a year.
      // `oppe i 2000`, `nede i 300`: a level reached, so a quantity too.
      if (
        /(?:^|[^\p{L}])(?:oppe|nede|opp|ned|oppi|nedi)\s+$/iu.test(
          text.slice(Math.max(0, start - 8), start),
        )
      )
        return false;
      const after = nextWord(text, end)?.toLowerCase();
      return after === undefined || !(QUANTITY_NOUNS.has(after) || UNITS.has(after));
    },
    resolve: (g) => {
      const y1 = Number(g.y1);
      const y2 = g.y2 ? Number(g.y2) : y1;
      return { start: yearSpan(y1).start, end: yearSpan(y2).end, granularity: 'year' };
    },
  },
  {
    // mellom 2019 og 2022, between 2019 and 2022: the whole range, never one of its ends
    name: 'year-between',
    kind: 'explicit',
    pattern: rx(
      `${B}(?:mellom|between)\\s+(?<y1>${YEAR})\\s+(?:og|and)\\s+(?<y2>${YEAR})(?![.,]\\p{N})`,
    ),
    accept: (g, text, _start, end) => {
      const y1 = Number(g.y1);
      const y2 = Number(g.y2);
      if (!plausibleYear(y1) || !plausibleYear(y2) || y2 <= y1) return false;
      const after = nextWord(text, end)?.toLowerCase();
      return after === undefined || !(QUANTITY_NOUNS.has(after) || UNITS.has(after));
    },
    resolve: (g) => ({
      start: yearSpan(Number(g.y1)).start,
      end: yearSpan(Number(g.y2)).end,
      granularity: 'year',
    }),
  },
  {
    // på 1990-tallet, the 1990s
    name: 'decade',
    kind: 'explicit',
    pattern: rx(`${B}(?:(?:på|i|in\\s+the|the)\\s+)?(?<y>\\d{3}0)(?:-tallet|-årene|-åra|s)${E}`),
    accept: (g) => plausibleYear(Number(g.y)),
    resolve: (g) => {
      const year = Number(g.y);
      // `1800-tallet`, the 1800s: a century. `2000-tallet` is as often this decade as this
      // century, so it says nothing.
      if (year % 100 === 0) {
        return year === 2000
          ? null
          : { start: yearSpan(year).start, end: yearSpan(year + 99).end, granularity: 'year' };
      }
      return { start: yearSpan(year).start, end: yearSpan(year + 9).end, granularity: 'year' };
    },
  },
  {
    // høsten 2015, sommaren 2016, summer 2015, the autumn of 2015
    name: 'season-year',
    kind: 'explicit',
    pattern: rx(
      `${B}(?:the\\s+)?(?<season>våren|sommeren|sommaren|høsten|hausten|vinteren|spring|summer|autumn|winter)\\s+(?:of\\s+)?(?<y>${YEAR})`,
    ),
    accept: (g) => plausibleYear(Number(g.y)),
    resolve: (g) => {
      const season = lookup(SEASONS, g.season);
      return season ? seasonSpan(season, Number(g.y)) : null;
    },
  },
  {
    // i høst, i fjor sommer, i vinter, this summer, last autumn
    name: 'season-relative',
    kind: 'relative',
    pattern: rx(
      `${B}(?:(?<nb>i\\s+(?<last>fjor\\s+)?)(?<season>høst|haust|sommer|sommar|vinter|vår)|(?<en>this|last|next)\\s+(?<enseason>spring|summer|autumn|fall|winter))${E}`,
    ),
    // `i vår` is also `in our`: only when nothing follows that it could own.
    accept: (g, text, _start, end) => g.season?.toLowerCase() !== 'vår' || standsAlone(text, end),
    resolve: (g, context) => {
      const anchor = context.anchor;
      if (inReportedQuote(context)) return null;
      if (g.season) {
        const season = lookup(SEASONS, g.season);
        if (!season) return null;
        if (g.last) return seasonSpan(season, season === 'winter' ? anchor.year : anchor.year - 1);
        const direction = directionFor(context);
        if (direction) return seasonByTense(season, anchor, direction);
        return season === 'winter' ? winterNear(anchor) : seasonSpan(season, anchor.year);
      }
      const season = lookup(SEASONS, g.enseason);
      if (!season) return null;
      const shift = g.en?.toLowerCase() === 'last' ? -1 : g.en?.toLowerCase() === 'next' ? 1 : 0;
      if (season === 'winter') {
        const base = winterNear(anchor);
        const endYear = Number(base.end.slice(0, 4)) + shift;
        return seasonSpan('winter', endYear);
      }
      return seasonSpan(season, anchor.year + shift);
    },
  },
  {
    // til høsten, i løpet av våren, utover sommeren: a definite season without a year is
    // the coming one (or the one under way), unless the verb puts it in the past.
    name: 'season-coming',
    kind: 'relative',
    pattern: rx(
      `${B}(?<prep>til|i\\s+løpet\\s+av|utover|ut\\s+over|gjennom)\\s+(?<season>våren|sommeren|sommaren|høsten|hausten|vinteren)${E}(?!\\s+(?:\\d|i\\s+fjor|neste|før|etter))`,
    ),
    accept: (g, text, start) => {
      if (g.prep?.toLowerCase() !== 'til') return true;
      // `fram til høsten` (until), `fra våren til høsten` (a stretch): not that season.
      const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
      return !/(?:fram|frem|helt|opp|inn)\s+$/u.test(before) && !/\bfra\s+\p{L}+\s+$/u.test(before);
    },
    resolve: (g, context) => {
      const season = lookup(SEASONS, g.season);
      if (!season) return null;
      const til = g.prep?.toLowerCase() === 'til';
      const direction = til ? 'forward' : (directionFor(context) ?? 'forward');
      return seasonByTense(season, context.anchor, direction);
    },
  },
  {
    name: 'holiday',
    kind: 'explicit',
    pattern: rx(`${B}(?<h>${alt(HOLIDAYS.keys())})${E}(?:\\s+(?<y>${YEAR}))?`),
    accept: (g, text, _start, end) => {
      const english = /^(?:christmas|new)/i.test(g.h ?? '');
      if (english && !isCapitalised(g.h ?? '')) return false;
      // `som julaften på kjerringa` (out of the blue): an idiom, no date.
      return !/^\s+på\s+kjerring(?:a|en)\b/iu.test(text.slice(end));
    },
    resolve: (g, context) => {
      const date = lookup(HOLIDAYS, g.h);
      if (!date) return null;
      if (!g.y && (isGreeting(context.text, context.start) || inTitle(context))) return null;
      const [month, day] = date;
      const year = g.y ? Number(g.y) : yearForDay(month, day, context);
      return year === null ? null : daySpan(formatIsoDate(year, month, day));
    },
  },
  {
    name: 'relative-day',
    kind: 'relative',
    pattern: rx(`${B}(?<p>${alt(DAY_OFFSETS.keys())})${E}`),
    resolve: (g, context) => {
      const offset = lookup(DAY_OFFSETS, g.p);
      const day = context.anchor.day;
      if (offset === undefined || !day) return null;
      if (g.p?.toLowerCase().replace(/\s+/g, ' ') === 'i dag' && !todayIsADay(context)) return null;
      if (deicticSaysNothing(context)) return null;
      // `- ... i morgen, spøkte han`: tomorrow from a day of speaking the text does not give.
      if (quotedFromAnotherDay(context.text, context.start)) return null;
      return daySpan(addDays(day, offset));
    },
  },
  {
    name: 'relative-week',
    kind: 'relative',
    pattern: rx(`${B}(?<p>${alt(WEEK_OFFSETS.keys())})${E}`),
    resolve: (g, context) => {
      const offset = lookup(WEEK_OFFSETS, g.p);
      const day = context.anchor.day;
      if (deicticSaysNothing(context)) return null;
      return offset === undefined || !day ? null : weekOf(addDays(day, offset * 7));
    },
  },
  {
    // A weekend is two days, not a week (weeks start on Monday): granularity 'day', Sat-Sun.
    name: 'weekend',
    kind: 'relative',
    pattern: rx(`${B}(?<p>${alt(WEEKEND_PHRASES.keys())})${E}`),
    resolve: (g, context) => {
      const day = context.anchor.day;
      if (!day || !g.p || deicticSaysNothing(context)) return null;
      const key = g.p.toLowerCase().replace(/\s+/g, ' ');
      const fixed = WEEKEND_PHRASES.get(key);
      if (fixed === undefined && comparedWith(context.text, context.start)) {
        // `ikke like mye som i helgen`, `kaldere enn i helga`: what is measured against is a
        // weekend already seen; with a verb pointing ahead it could be either, so none.
        return directionFor(context) === 'forward' ? null : weekendSpan(day, 'back');
      }
      return weekendSpan(day, fixed ?? directionFor(context));
    },
  },
  {
    name: 'relative-month',
    kind: 'relative',
    pattern: rx(`${B}(?<p>${alt(MONTH_OFFSETS.keys())})${E}`),
    resolve: (g, context) => {
      const offset = lookup(MONTH_OFFSETS, g.p);
      if (deicticSaysNothing(context)) return null;
      return offset === undefined ? null : shiftByUnit('month', offset, context.anchor);
    },
  },
  {
    name: 'relative-year',
    kind: 'relative',
    pattern: rx(`${B}(?<p>${alt(YEAR_OFFSETS.keys())})${E}`),
    resolve: (g, context) => {
      const offset = lookup(YEAR_OFFSETS, g.p);
      if (inReportedQuote(context)) return null;
      return offset === undefined ? null : yearSpan(context.anchor.year + offset);
    },
  },
  {
    // for to år siden, for tre uker siden, two years ago
    name: 'ago',
    kind: 'relative',
    pattern: rx(
      `${B}(?:for\\s+(?<n>${NUMBER})\\s+(?<unit>${UNIT})\\s+sid(?:en|an)|(?<en>${NUMBER})\\s+(?<enunit>${UNIT})\\s+ago)${E}`,
    ),
    resolve: (g, context) => {
      const amount = numberValue(g.n ?? g.en);
      const unit = unitOf(g.unit ?? g.enunit);
      if (inReportedQuote(context)) return null;
      return amount === null || !unit ? null : shiftByUnit(unit, -amount, context.anchor);
    },
  },
  {
    // torsdag om to uker, om to veker på fredag: the weekday of the week N weeks ahead
    name: 'weekday-weeks-ahead',
    kind: 'weekday',
    pattern: rx(
      `${B}(?:(?<wd>${WEEKDAY})\\s+om\\s+(?<n>${NUMBER})\\s+(?:uker|uke|veker|veke)` +
        `|om\\s+(?<n2>${NUMBER})\\s+(?:uker|uke|veker|veke),?\\s+(?:på\\s+)?(?<wd2>${WEEKDAY}))${E}(?!\\s+\\d)`,
    ),
    accept: (g) => !ENGLISH_WEEKDAYS.has((g.wd ?? g.wd2 ?? '').toLowerCase()),
    resolve: (g, context) => {
      const weeks = numberValue(g.n ?? g.n2);
      const target = lookup(WEEKDAYS, g.wd ?? g.wd2);
      const day = context.anchor.day;
      if (weeks === null || target === undefined || !day) return null;
      if (deicticSaysNothing(context)) return null;
      return daySpan(weekdayInWeek(target, day, weeks));
    },
  },
  {
    // om tre uker, in two weeks' time; not `om to år med krig` (about two years of war)
    name: 'in-future',
    kind: 'relative',
    pattern: rx(
      `${B}(?:om\\s+(?<n>${NUMBER})\\s+(?<unit>${UNIT})|in\\s+(?<en>${NUMBER})\\s+(?<enunit>${UNIT})(?:'|’|'s|’s)?\\s+time)${E}`,
    ),
    accept: (g, text, _start, end) => {
      // `(i håp) om en dag å ...` is "some day", not "in one day".
      if (numberValue(g.n) === 1 && unitOf(g.unit) === 'day') return false;
      // `om et år eller to`, `om to-tre år`: a vague stretch, not a date.
      if (/^\s*(?:eller|or|[–-]\s*\p{N})/iu.test(text.slice(end))) return false;
      const after = nextWord(text, end)?.toLowerCase();
      return after === undefined || !NOT_AFTER_IN_FUTURE.has(after);
    },
    resolve: (g, context) => {
      const amount = numberValue(g.n ?? g.en);
      const unit = unitOf(g.unit ?? g.enunit);
      if (inReportedQuote(context)) return null;
      return amount === null || !unit ? null : shiftByUnit(unit, amount, context.anchor);
    },
  },
  {
    // dagen før, kvelden før, dagen etter, året etter, the following year, the day before:
    // relative to the last date mentioned, and only when nothing follows that they govern
    // (`dagen før valget` is the day before an unknown event).
    name: 'previous-neighbour',
    kind: 'relative',
    pattern: rx(
      `${B}(?:(?<unit>dagen|kvelden|natten|natta|morgenen|ettermiddagen|uka|uken|veka|måneden|månaden|året)\\s+(?<dir>før|etter|derpå|etterpå)` +
        `|the\\s+(?<enunit>day|evening|night|morning|week|month|year)\\s+(?<endir>before|after)` +
        `|the\\s+(?<enrel>next|following|previous)\\s+(?<enunit2>day|morning|evening|week|month|year))${E}`,
    ),
    accept: (g, text, _start, end) => {
      const dir = (g.dir ?? g.endir)?.toLowerCase();
      const governs = dir === 'før' || dir === 'etter' || dir === 'before' || dir === 'after';
      return !governs || standsAlone(text, end);
    },
    resolve: (g, context) => {
      const unitWord = (g.unit ?? g.enunit ?? g.enunit2 ?? '').toLowerCase();
      const unit: Unit = /^(?:uka|uken|veka|week)$/.test(unitWord)
        ? 'week'
        : /^(?:måneden|månaden|month)$/.test(unitWord)
          ? 'month'
          : /^(?:året|year)$/.test(unitWord)
            ? 'year'
            : 'day';
      const dir = (g.dir ?? g.endir ?? g.enrel ?? '').toLowerCase();
      const back = dir === 'før' || dir === 'before' || dir === 'previous';
      if (unit === 'day' && context.previousNearby === false) return null;
      return relativeToPrevious(unit, back ? -1 : 1, context, back ? 'start' : 'end');
    },
  },
  {
    // samme dag, the same day
    name: 'previous-same',
    kind: 'relative',
    pattern: rx(`${B}(?:samme\\s+(?:dag|dagen|kveld|kvelden)|the\\s+same\\s+(?:day|evening))${E}`),
    resolve: (_g, context) =>
      context.previousNearby === false ? null : relativeToPrevious('day', 0, context, 'start'),
  },
  {
    // tre dager senere, two years later, to år tidligere
    name: 'previous-offset',
    kind: 'relative',
    pattern: rx(
      `${B}(?<n>${NUMBER})\\s+(?<unit>${UNIT})\\s+(?<dir>senere|seinere|tidligere|tidlegare|later|earlier)${E}`,
    ),
    resolve: (g, context) => {
      const amount = numberValue(g.n);
      const unit = unitOf(g.unit);
      if (amount === null || !unit) return null;
      const back = /^(?:tidligere|tidlegare|earlier)$/i.test(g.dir ?? '');
      return relativeToPrevious(unit, back ? -amount : amount, context, back ? 'start' : 'end');
    },
  },
  {
    // mandag, mandagens, sist mandag, neste fredag, natt til tirsdag, tirsdag i neste uke,
    // mandag kveld, on Wednesday, last Tuesday, Monday of next week
    name: 'weekday',
    kind: 'weekday',
    pattern: rx(
      `${B}(?:(?<night>natt\\s+til|natten\\s+til|natta\\s+til)\\s+)?` +
        `(?:(?<mod>sist|forrige|førre|kommende|førstkommende|komande|førstkomande|neste|last|next|this\\s+coming|this|coming)\\s+)?` +
        `(?<wd>${WEEKDAY})(?<gen>ens|'s|’s)?${E}` +
        `(?:\\s+(?:(?:i\\s+)?(?<wk>denne|neste|forrige|sist)\\s+(?:uke|uka|uken|veke|veka)|(?:of\\s+)?(?<wken>next|last|this)\\s+week)${E})?` +
        `(?:\\s+(?:kveld|morgen|ettermiddag|formiddag|natt|morning|afternoon|evening|night)${E})?`,
    ),
    accept: (g, text, start) => {
      const wd = g.wd ?? '';
      if (ENGLISH_WEEKDAYS.has(wd.toLowerCase()) && !isCapitalised(wd)) return false;
      // `Black Friday`, `Cyber Monday`, `Super Tuesday` are named days, not the nearest ones.
      const before = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1];
      if (before && NAMED_DAY_WORDS.has(before.toLowerCase()) && isCapitalised(before))
        return false;
      // `hver fredag`, `every Friday`: a habit, not one day.
      return !(before && EVERY_WORDS.has(before.toLowerCase()));
    },
    resolve: (g, context) => {
      const day = context.anchor.day;
      const target = lookup(WEEKDAYS, g.wd);
      if (!day || target === undefined) return null;
      const week = (g.wk ?? g.wken)?.toLowerCase();
      if (week) {
        const offset =
          week === 'neste' || week === 'next' ? 1 : week === 'denne' || week === 'this' ? 0 : -1;
        return daySpan(weekdayInWeek(target, day, offset));
      }
      // After `Torsdag 29. mai 2008`, a bare `mandag` is the Monday after that, in a story
      // told months or years before publication: no day we could name.
      const choice = weekdayChoice(g, context);
      if (!g.mod && storyIsElsewhere(context, choice)) return null;
      // `Ha en god søndag!`, a day in a title, `alltid på mandag`: no one day.
      if (!g.mod && isGreeting(context.text, context.start)) return null;
      if (deicticSaysNothing(context)) return null;
      return daySpan(resolveWeekday(target, day, choice));
    },
  },
];

/** Words before a weekday that make it a habit (`hver fredag`) rather than one day. */
const EVERY_WORDS: ReadonlySet<string> = new Set([
  'hver',
  'kvar',
  'annenhver',
  'annakvar',
  'alle',
  'every',
  'each',
]);

/**
 * How far from publication the last day-dated mention may lie before a bare weekday is no
 * longer read: weeks back is background to today's news, months back is a story told then.
 */
const STORY_ELSEWHERE_DAYS = 90;

/**
 * Whether the last dated mention put the story at a day far from publication. A verb that
 * points ahead of the writing (`skal`, `vil`, `ventes`) after a past date cannot be in that
 * past story (`Saka starta 12. mars 2019 ... Retten skal seie dom på torsdag`): the weekday
 * is then counted from publication. A present with no such word (`Han spiller på torsdag`
 * after `Kampen spilles 5. juni 2010`) could be either, so it stays undated.
 */
function storyIsElsewhere(context: RuleContext, choice: WeekdayChoice): boolean {
  if (farStory(context) && choice !== 'forward' && choice !== 'strictForward') return true;
  const previous = context.previous;
  const day = context.anchor.day;
  if (!previous || !day || (previous.granularity !== 'day' && previous.granularity !== 'week'))
    return false;
  const far = (iso: string) => Math.abs(daysBetween(day, iso)) > STORY_ELSEWHERE_DAYS;
  if (!far(previous.start) || !far(previous.end)) return false;
  const storyIsPast = previous.end < day;
  return !(storyIsPast && directionFor(context) === 'forward');
}

/**
 * `i dag` is as often "nowadays" (`Norge er i dag et rikt land`, `ordningen vi har i dag`)
 * as the day of publication. It names that day only when its own clause has a verb that
 * places an event (`I dag skal ...`, `som i dag kunne fortelle`, `I dag møtes ...`) or a
 * verb of saying next to it (`skriver Dagbladet i dag`); a present of state says nothing.
 */
function todayIsADay(context: RuleContext): boolean {
  return todayNamesADay(
    context.text,
    context.start,
    context.end,
    context.language !== 'nb' && context.language !== 'nn',
  );
}

/** A habit (`aldri ... neste måned`) or a title (`«Annleis enn i går»`): no date of its own. */
function deicticSaysNothing(context: RuleContext): boolean {
  return (
    isHabitual(context.text, context.start, context.end) ||
    inTitle(context) ||
    inReportedQuote(context)
  );
}

/** Inside a quote written or said on another day: relative words do not count from publication. */
function inReportedQuote(context: RuleContext): boolean {
  return insideReportedQuote(context.text, context.start);
}

function inTitle(context: RuleContext): boolean {
  return insideTitle(context.text, context.start, context.end);
}

/**
 * The scene of a story told far from publication (`I desember 1963 kom ...`), when the
 * article set one: words without a year of their own (`nyttårsaften`, `i mars`, `mandag`)
 * then belong to that story, not to the present.
 */
function farStory(context: RuleContext): DateSpan | undefined {
  return context.anchor.day ? context.story : undefined;
}

/**
 * How far (days) from a story's scene a date without a year may lie and still be placed in
 * it: `nyttårsaften` after `I desember 1963` is inside it; anything farther is a guess.
 */
const STORY_REACH_DAYS = 7;

/** Distance in days between a day and a span (0 inside it). */
function distanceToSpan(iso: string, span: DateSpan): number {
  if (iso < span.start) return daysBetween(iso, span.start);
  if (iso > span.end) return daysBetween(span.end, iso);
  return 0;
}

/** The year that puts a day and month next to the story, when one does; else nothing. */
function yearNearStory(month: number, day: number, story: DateSpan): number | null {
  const base = Number(story.start.slice(0, 4));
  let best: { year: number; distance: number } | undefined;
  for (const year of [base - 1, base, base + 1]) {
    if (!isValidYmd(year, month, day)) continue;
    const distance = distanceToSpan(formatIsoDate(year, month, day), story);
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best && best.distance <= STORY_REACH_DAYS ? best.year : null;
}

/** Capitalised words that make a weekday after them part of a name. */
const NAMED_DAY_WORDS: ReadonlySet<string> = new Set([
  'black',
  'cyber',
  'super',
  'good',
  'easter',
  'ash',
  'holy',
  'maundy',
  'palm',
  'bloody',
  'blue',
  'giving',
]);

function weekdayChoice(g: Groups, context: RuleContext): WeekdayChoice {
  const mod = g.mod?.toLowerCase().replace(/\s+/g, ' ');
  if (mod === 'sist' || mod === 'forrige' || mod === 'førre' || mod === 'last') return 'strictBack';
  if (mod && mod !== 'this') return 'strictForward';
  // Norwegian genitive (`mandagens møte`) names an event already talked about: back,
  // unless a forward word governs it (`foran fredagens kamp`).
  if (g.gen?.toLowerCase() === 'ens') {
    return forwardBeforeGenitive(context.text, context.start) ? 'forward' : 'back';
  }
  const direction = directionFor(context);
  if (direction) return direction;
  // `Brann er klare favoritter lørdag`: the present of a coming fixture, not last Saturday.
  return presentPointsAhead(context.text, context.start, context.end) ? 'forward' : 'nearest';
}

function dayRange(g: Groups, context: RuleContext): DateSpan | null {
  const month = monthNumber(g.mon);
  const d1 = Number(g.d1);
  const d2 = g.d2 ? Number(g.d2) : d1;
  if (!month || d2 < d1) return null;
  const relative = lookup(RELATIVE_YEAR_WORDS, g.rel);
  const year = g.y
    ? Number(g.y)
    : relative !== undefined
      ? context.anchor.year + relative
      : yearForDay(month, d1, context);
  if (year === null || !isValidYmd(year, month, d1) || !isValidYmd(year, month, d2)) return null;
  // `søndag 3. mai` in a year where 3 May is a Saturday: the year is wrong, so no date.
  const named = lookup(WEEKDAYS, g.wd);
  if (named !== undefined && weekday(formatIsoDate(year, month, d1)) !== named) return null;
  return {
    start: formatIsoDate(year, month, d1),
    end: formatIsoDate(year, month, d2),
    granularity: 'day',
  };
}
