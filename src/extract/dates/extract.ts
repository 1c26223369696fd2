/**
 * Find the time expressions of one article, passage by passage, and date them.
 *
 * Two phases per passage: first every rule proposes matches and the longest non-overlapping
 * ones win (`Tirsdag i neste uke` beats `neste uke`, `oktober 2015` beats a bare `oktober`);
 * then the winners are resolved in reading order, because `dagen før` / `the following
 * year` depend on the last date mentioned before them, possibly in an earlier passage.
 */
import type { DateSpan, Language } from '../../knowledge/types';
import type { TimeMention } from '../types';
import { daysBetween } from './calendar';
import { PiecesFilter } from './prefilter';
import { type Anchor, anchorOf } from './resolve';
import { RULES, type Rule } from './rules';

/**
 * Before a rule's quick test, a quicker one: whether the text holds one of the pieces every
 * match of the rule holds (prefilter.ts: "fjor", a month's name, two digits). Most passages
 * hold none for most rules, and a plain search for a few words in the lowercased text
 * costs a fraction of a scan with a case-blind Unicode pattern.
 */
const PIECES = new PiecesFilter(RULES.map((rule) => rule.pattern));

interface Candidate {
  rule: Rule;
  groups: Record<string, string | undefined>;
  text: string;
  start: number;
  end: number;
}

/** The word-start lookbehind most patterns open with (rules.ts `B`). */
const LEADING_BOUNDARY = '(?<![\\p{L}\\p{N}])';

/**
 * Per rule, a quicker test that must pass for the rule to match at all: its pattern without
 * the opening lookbehind (so it accepts more, never less). A pattern that opens with a
 * lookbehind is tried at every position of the text; without it the regex engine skips
 * ahead by its first characters. Most passages hold no date, and the test (3-4 times
 * faster over NoReC) spares them the full patterns.
 */
const QUICK = new Map(
  RULES.map((rule) => {
    const source = rule.pattern.source;
    const loose = source.startsWith(LEADING_BOUNDARY)
      ? source.slice(LEADING_BOUNDARY.length)
      : source;
    return [rule, new RegExp(loose, rule.pattern.flags.replace('g', ''))];
  }),
);

/** Runs that compile a regexp in full: V8 interprets its first run and compiles the next. */
const RUNS_TO_COMPILE = 3;

/**
 * The rules' regexps compiled one rule at a time, a step each, over `samples` (V8 compiles
 * a regexp apart for one-byte and two-byte texts: give one of each). The first reading of
 * dates otherwise compiled every rule's regexps in one call: 30-90 ms of the main thread
 * for a passage of an update (or of the warm-up before one, archive/update.ts).
 */
export function* compileDateRules(samples: readonly string[]): Generator<void> {
  for (const rule of RULES) {
    for (const sample of samples) {
      for (let run = 0; run < RUNS_TO_COMPILE; run++) QUICK.get(rule)?.test(sample);
      yield;
      for (let run = 0; run < RUNS_TO_COMPILE; run++) {
        rule.pattern.lastIndex = 0;
        rule.pattern.exec(sample);
      }
      rule.pattern.lastIndex = 0;
      yield;
    }
  }
}

function candidatesIn(text: string): Candidate[] {
  const found: Candidate[] = [];
  const mayMatch = PIECES.forText(text);
  for (const rule of RULES) {
    if (!mayMatch(rule.pattern)) continue;
    if (QUICK.get(rule)?.test(text) === false) continue;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const groups = { ...(match.groups ?? {}) };
      if (match[0].length === 0) continue;
      if (rule.accept && !rule.accept(groups, text, start, end)) continue;
      found.push({ rule, groups, text: match[0], start, end });
    }
  }
  return found;
}

/** Longest first; ties go to the earlier match, then to the earlier rule in the table. */
function longestNonOverlapping(candidates: Candidate[]): Candidate[] {
  const order = candidates
    .map((candidate, index) => ({ candidate, index }))
    .sort(
      (a, b) =>
        b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) ||
        a.candidate.start - b.candidate.start ||
        a.index - b.index,
    );
  const chosen: Candidate[] = [];
  for (const { candidate } of order) {
    if (chosen.some((other) => candidate.start < other.end && other.start < candidate.end))
      continue;
    chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Sentence ends between two offsets: . ! ? before a capital (not `10. april`), or a line break. */
function sentenceBreaks(text: string, from: number, to: number): number {
  const stretch = text.slice(from, to);
  return (stretch.match(/(?<!\p{N})[.!?]+[»"”]?\s+(?=[«"“–-]?\s*\p{Lu})|\n/gu) ?? []).length;
}

/** How far from publication a dated span must lie to set the scene of a story told then. */
const STORY_DAYS = 90;

/**
 * The scene of the story the article is telling: set by a day, week or month written with
 * its year (`I desember 1963`, `januar 2004`) far from publication, and given up as soon as
 * anything is dated near publication again. A bare month or a year in passing (`i 2007`,
 * `siden 1999`) is background, not a scene.
 */
function nextStory(
  story: DateSpan | undefined,
  words: string,
  span: DateSpan,
  anchor: Anchor,
): DateSpan | undefined {
  const day = anchor.day;
  if (!day) return undefined;
  const far = (iso: string) => Math.abs(daysBetween(day, iso)) > STORY_DAYS;
  if (!far(span.start) || !far(span.end)) return undefined;
  if (span.granularity !== 'year' && /\d{4}/u.test(words)) return span;
  return story;
}

/**
 * Passages of one article, in order; returns the mentions found in each passage (same order).
 * The rule table holds all three languages at
 * once, because passages are short and language detection on them can be wrong, and the
 * English-only words that collide with ordinary words (`May`, `March`) are guarded by case.
 */
export function extractTimeMentions(
  passages: readonly { text: string }[],
  language: Language,
  published: DateSpan,
): TimeMention[][] {
  const anchor = anchorOf(published);
  let previous: DateSpan | undefined;
  let story: DateSpan | undefined;
  // Whether the last dated mention of the passage before stood in its last sentence.
  let previousEndedPassage = false;
  return passages.map(({ text }) => {
    const mentions: TimeMention[] = [];
    let previousInPassage: TimeMention | undefined;
    for (const candidate of longestNonOverlapping(candidatesIn(text))) {
      const previousNearby =
        previous !== undefined &&
        (previousInPassage
          ? sentenceBreaks(text, previousInPassage.end, candidate.start) <= 1
          : previousEndedPassage && sentenceBreaks(text, 0, candidate.start) === 0);
      const span = candidate.rule.resolve(candidate.groups, {
        text,
        start: candidate.start,
        end: candidate.end,
        anchor,
        previous,
        previousInPassage,
        language,
        story,
        previousNearby,
      });
      // A time expression we could not date still moves the story: `dagen etter` after it
      // must not count from an older date.
      if (!span) {
        previous = undefined;
        continue;
      }
      const mention: TimeMention = {
        text: candidate.text,
        start: candidate.start,
        end: candidate.end,
        span,
        kind: candidate.rule.kind,
      };
      mentions.push(mention);
      previousInPassage = mention;
      previous = span;
      story = nextStory(story, candidate.text, span, anchor);
    }
    const last = mentions.at(-1);
    previousEndedPassage =
      previous !== undefined &&
      last !== undefined &&
      sentenceBreaks(text, last.end, text.length) === 0;
    return mentions;
  });
}
