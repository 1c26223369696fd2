import type { InputError } from '../answers/types';
import type { EntityKind } from '../extract/types';
import type { ProblemCode, ProblemParamsByCode } from '../knowledge/types';
import type { ModerationMessages } from './moderation-messages';

/** One sentence per knowledge problem code, built from that code's params. */
export type ProblemTexts = {
  [C in ProblemCode]: (params: ProblemParamsByCode[C]) => string;
};

/**
 * Every sentence the bot says, per language. Code holds keys, never sentences, so an
 * English reply cannot contain Norwegian text or the other way round (a test checks it).
 */
export interface Messages {
  languageName: string;
  kind: Record<EntityKind, string>;
  /** BCP 47 locale for `Intl.DateTimeFormat`: every date is formatted through it. */
  dateLocale: string;
  /** A week: its number, its year and its days as Intl wrote them ("6.–12. november"). */
  formatWeek(week: number, year: number, days: string): string;
  formatRange(from: string, to: string): string;
  who: {
    title(name: string): string;
    roles: string;
    aliases: string;
    appears(articles: number, first: string, last: string): string;
    passages: string;
    related: string;
    ambiguous(query: string): string;
    unknown(query: string): string;
    didYouMean: string;
    noRole: string;
  };
  whatHappened: {
    title(when: string): string;
    topicTitle(when: string, topic: string): string;
    published: string;
    publishedInPeriod: string;
    events: string;
    datedBy(words: string, resolved: string): string;
    empty(when: string): string;
    nearest: string;
    summary(published: number, events: number): string;
  };
  search: {
    title(query: string): string;
    none(query: string): string;
    didYouMean: string;
  };
  sources: {
    title: string;
    count(articles: number): string;
    passages(n: number): string;
    empty: string;
  };
  knowledge: {
    statusTitle: string;
    reloadTitle: string;
    counts(articles: number, passages: number, people: number, events: number): string;
    organisations(n: number): string;
    loadedAt(when: string): string;
    reloading: string;
    added: string;
    changed: string;
    removed: string;
    kept: string;
    unchanged: string;
    problems(n: number): string;
    noProblems: string;
    joined: string;
    took(ms: number): string;
  };
  /** What is wrong with a knowledge file, for moderators (`/kunnskap`, console, kb:check). */
  problems: ProblemTexts;
  errors: Record<InputError, string> & {
    emptyQuery: string;
    /** A required option arrived without a value (Discord should not let that happen). */
    missingOption(option: string): string;
    /** An option longer than its kind allows, refused before anything reads it. */
    tooLong(max: number): string;
    invalidDate(input: string): string;
    impossibleDate(input: string): string;
    notAllowed: string;
    loading: string;
    internal: string;
    unknownCommand(name: string): string;
    expired: string;
    notYours: string;
  };
  paging: { previous: string; next: string; page(n: number, of: number): string };
  sourceLabel: string;
  /** Label before the datings of a quoted passage. */
  dated: string;
  /** The publisher from the front matter (`source: NTB`), next to the date of a source. */
  publishedBy(name: string): string;
  noUrl(file: string): string;
  /** Discord-only text: slash command names/descriptions (Discord localizations) and labels. */
  discord: {
    who: CommandText & { nameOption: CommandText };
    whatHappened: CommandText & { date: CommandText; topic: CommandText };
    search: CommandText & { text: CommandText };
    sources: CommandText;
    knowledge: CommandText & { reload: CommandText; status: CommandText };
    /** Line under a "did you mean" list: the buttons re-run the question. */
    suggestionHint: string;
    /** Choice text in autocomplete and suggestion lists: "Jonas Gahr Støre — statsminister". */
    nameWithRole(name: string, role: string): string;
    /** "12 passages" next to a name in a candidate list. */
    mentions(n: number): string;
    /** Heading for the report's problem list. */
    problemsTitle: string;
    /** "… and 4 more" when a list is cut to fit. */
    more(n: number): string;
  };
  /** Moderation from Discord and the pictures (timelines, a period's days). */
  moderation: ModerationMessages;
  /** `npm run kb:check`: what the bot will know. */
  kbCheck: {
    articles(dir: string, articles: number, passages: number): string;
    passages(n: number): string;
    people(n: number): string;
    organisations(n: number): string;
    mentions(n: number): string;
    datedEvents(n: number): string;
    problems(n: number, errors: number): string;
  };
  /** Answers from the bot's own operation: shutdown, abuse limits. */
  ops: {
    /** A new interaction while the bot shuts down. */
    restarting: string;
    /** Work in flight that the shutdown deadline cut short (a deferred reply is edited to this). */
    interrupted: string;
    /** A member asked too often; `seconds` until the next one is taken. */
    slowDown(seconds: number): string;
  };
  console: {
    welcome(articles: number): string;
    help: string;
    /** `/språk`: the language now spoken, and how to switch. */
    language: string;
    unknownLanguage(input: string): string;
    bye: string;
    /** Where a picture (`/tidslinje`, a month's `/hva-skjedde`) was written. */
    pictureSaved(file: string): string;
    /** `/kunnskap legg-til` without a path. */
    addUsage: string;
    fileUnreadable(file: string): string;
    /** `/kunnskap skriv`: the console has no form; a file does the same. */
    writeInFile: string;
    /** Above the list `/kunnskap fjern` or `angre` shows when given no article. */
    pickArticle: string;
    noArticles: string;
  };
}

/** A Discord command or option: name (lowercase, no spaces) and description (≤ 100 chars). */
export interface CommandText {
  name: string;
  description: string;
}
