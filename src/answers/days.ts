import type { Archive } from '../archive/archive';
import { toDayNumber } from '../extract/dates/calendar';
import { passageIdCut, positionAfter } from '../knowledge/passage-id';
import { splitSentences } from '../search/snippet';
import type { DaySuggestion } from './types';

/** A day the archive has something on, and where its preview comes from. */
interface Day {
  date: string;
  published: number;
  events: number;
  /** The title of an article published that day: it says more than an event's sentence. */
  title?: string;
  /** The first time expression dated to exactly that day, for a preview when no title. */
  event?: { passageId: string; start: number; text: string };
  /** Worked out on first use: only the days shown need one. */
  preview?: string;
}

/**
 * Every day the archive has something on (articles published that day, passages the text
 * dates to exactly that day), sorted once per archive: autocomplete and "nearest days"
 * are then binary searches over it, not a sort of every day per keystroke.
 */
class DayIndex {
  readonly #numbers: Int32Array;
  /** Indexes of the days, most content first (newest first among equals). */
  readonly #byContent: number[];

  constructor(
    private readonly archive: Archive,
    private readonly days: readonly Day[],
  ) {
    this.#numbers = Int32Array.from(days, (d) => toDayNumber(d.date));
    this.#byContent = days
      .map((_, i) => i)
      .sort((a, b) => content(days[b]) - content(days[a]) || b - a);
  }

  /** Every day, in date order, with its preview (what a database backend stores). */
  all(): DaySuggestion[] {
    return this.days.map((_, i) => this.suggestion(i));
  }

  /** The days with most content. */
  busiest(limit: number): DaySuggestion[] {
    return this.#byContent.slice(0, Math.max(0, limit)).map((i) => this.suggestion(i));
  }

  /** The days whose ISO form starts with `prefix`, in date order. */
  startingWith(prefix: string, limit: number): DaySuggestion[] {
    const from = this.lowerBound((i) => (this.days[i]?.date ?? '') < prefix);
    const out: DaySuggestion[] = [];
    for (let i = from; i < this.days.length && out.length < limit; i++) {
      if (!this.days[i]?.date.startsWith(prefix)) break;
      out.push(this.suggestion(i));
    }
    return out;
  }

  /**
   * The `limit` days nearest to a span (days inside it first, then outward, the earlier
   * of two equally near days first), in date order: two pointers from a binary search.
   */
  nearest(start: string, end: string, limit: number): DaySuggestion[] {
    const from = toDayNumber(start);
    const to = toDayNumber(end);
    const picked: number[] = [];
    let left = this.lowerBound((i) => (this.#numbers[i] ?? 0) < from);
    let right = left;
    while (right < this.days.length && (this.#numbers[right] ?? 0) <= to && picked.length < limit)
      picked.push(right++);
    left -= 1;
    while (picked.length < limit && (left >= 0 || right < this.days.length)) {
      const before = left >= 0 ? from - (this.#numbers[left] ?? 0) : Number.POSITIVE_INFINITY;
      const after =
        right < this.days.length ? (this.#numbers[right] ?? 0) - to : Number.POSITIVE_INFINITY;
      picked.push(before <= after ? left-- : right++);
    }
    return picked.sort((a, b) => a - b).map((i) => this.suggestion(i));
  }

  private suggestion(i: number): DaySuggestion {
    const day = this.days[i];
    if (!day) throw new RangeError(`no day ${i}`);
    day.preview ??= this.preview(day);
    return { date: day.date, published: day.published, events: day.events, preview: day.preview };
  }

  private preview(day: Day): string {
    if (day.title !== undefined) return day.title;
    if (!day.event) return '';
    const passage = this.archive.passageById.get(day.event.passageId);
    return passage ? around(passage.text, day.event.start) : day.event.text;
  }

  /** The first index for which `before` is false (it must be true, then false). */
  private lowerBound(before: (i: number) => boolean): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const content = (day: Day | undefined) => (day ? day.published + day.events : 0);

const cache = new WeakMap<Archive, DayIndex>();

/**
 * Passages in archive order: by article id (as a load sorts them), then within the
 * article. Read from the ids (`${articleId}#${index}`), which is all a day index needs.
 */
function archiveOrder(a: string, b: string): number {
  const cutA = passageIdCut(a);
  const cutB = passageIdCut(b);
  const articleA = a.slice(0, cutA);
  const articleB = b.slice(0, cutB);
  if (articleA !== articleB) return articleA < articleB ? -1 : 1;
  return positionAfter(a, cutA) - positionAfter(b, cutB);
}

/** The archive's days, built once per archive (on first use, or ahead by calling this). */
export function dayIndex(archive: Archive): DayIndex {
  const known = cache.get(archive);
  if (known) return known;
  const days = new Map<string, Day>();
  const day = (date: string) => {
    let entry = days.get(date);
    if (!entry) {
      entry = { date, published: 0, events: 0 };
      days.set(date, entry);
    }
    return entry;
  };
  for (const article of archive.articles) {
    if (article.published.granularity !== 'day') continue;
    const entry = day(article.published.start);
    entry.published += 1;
    entry.title = article.title;
  }
  for (const [passageId, mentions] of archive.timeMentions) {
    for (const mention of mentions) {
      if (mention.span.granularity !== 'day' || mention.span.start !== mention.span.end) continue;
      const entry = day(mention.span.start);
      entry.events += 1;
      // The first in archive order, whatever order the map gives (an updated archive's
      // map lists passages added since the last full build after the others).
      if (!entry.event || archiveOrder(passageId, entry.event.passageId) < 0)
        entry.event = { passageId, start: mention.start, text: mention.text };
    }
  }
  // ISO days sort as strings.
  const sorted = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const index = new DayIndex(archive, sorted);
  cache.set(archive, index);
  return index;
}

/**
 * A short preview of what the text dates to a day: the words of the sentence that holds
 * the time expression, from the sentence start, cut at a word.
 */
function around(text: string, at: number, max = 60): string {
  // The snippet's sentence splitter: it knows abbreviations and ordinals ("28. november").
  const holding = splitSentences(text).find((s) => s.start <= at && at < s.end);
  const sentence = text.slice(holding?.start ?? 0).trim();
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 20 ? space : max)} …`;
}

/** The days with content nearest to a span, nearest first, at most `limit`, in date order. */
export function nearestDays(
  archive: Archive,
  start: string,
  end: string,
  limit: number,
): DaySuggestion[] {
  return dayIndex(archive).nearest(start, end, limit);
}

/**
 * Autocomplete for a date option: days whose ISO form starts with what was typed, or,
 * when it reads as a date already, the days nearest to it; with nothing typed, the days
 * with most content.
 */
export function suggestDays(
  archive: Archive,
  partial: string,
  limit: number,
  parse: (input: string) => { start: string; end: string } | undefined,
): DaySuggestion[] {
  const typed = partial.trim();
  const days = dayIndex(archive);
  if (typed === '') return days.busiest(limit);
  const prefixed = days.startingWith(typed, limit);
  if (prefixed.length > 0) return prefixed;
  const span = parse(typed);
  return span ? days.nearest(span.start, span.end, limit) : [];
}
