import type { Archive } from '../archive/archive';
import { toDayNumber } from '../extract/dates/calendar';
import { splitSentences } from '../search/snippet';
import type { DaySuggestion } from './types';

/**
 * Every day the archive has something on: articles published that day, and passages
 * the text dates to exactly that day. Built once per archive, on first use.
 */
const cache = new WeakMap<Archive, DaySuggestion[]>();

export function daysWithContent(archive: Archive): DaySuggestion[] {
  const known = cache.get(archive);
  if (known) return known;
  const days = new Map<string, DaySuggestion>();
  const day = (date: string, preview: string) => {
    const entry = days.get(date) ?? { date, published: 0, events: 0, preview };
    days.set(date, entry);
    return entry;
  };
  for (const article of archive.articles) {
    if (article.published.granularity === 'day') {
      const entry = day(article.published.start, article.title);
      entry.published += 1;
      entry.preview = article.title; // a title says more than an event's sentence
    }
  }
  for (const [passageId, mentions] of archive.timeMentions) {
    const passage = archive.passageById.get(passageId);
    for (const mention of mentions) {
      if (mention.span.granularity !== 'day' || mention.span.start !== mention.span.end) continue;
      day(
        mention.span.start,
        passage ? around(passage.text, mention.start) : mention.text,
      ).events += 1;
    }
  }
  const sorted = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  cache.set(archive, sorted);
  return sorted;
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

/** The days with content nearest to a span, nearest first, at most `limit`. */
export function nearestDays(
  archive: Archive,
  start: string,
  end: string,
  limit: number,
): DaySuggestion[] {
  const from = toDayNumber(start);
  const to = toDayNumber(end);
  const distance = (d: DaySuggestion) => {
    const n = toDayNumber(d.date);
    return n < from ? from - n : n > to ? n - to : 0;
  };
  return [...daysWithContent(archive)]
    .sort((a, b) => distance(a) - distance(b) || a.date.localeCompare(b.date))
    .slice(0, limit)
    .sort((a, b) => a.date.localeCompare(b.date));
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
  const all = daysWithContent(archive);
  if (typed === '') {
    return [...all]
      .sort(
        (a, b) => b.published + b.events - (a.published + a.events) || b.date.localeCompare(a.date),
      )
      .slice(0, limit);
  }
  const prefixed = all.filter((d) => d.date.startsWith(typed));
  if (prefixed.length > 0) return prefixed.slice(0, limit);
  const span = parse(typed);
  return span ? nearestDays(archive, span.start, span.end, limit) : [];
}
