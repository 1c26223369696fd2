import type { KnowledgeView } from '../backend/backend';
import {
  addDays,
  addMonths,
  daysBetween,
  formatIsoDate,
  monthSpan,
  parseIsoDate,
  startOfWeek,
  yearSpan,
} from '../extract/dates/calendar';
import type { Entity } from '../extract/types';
import type { DateSpan } from '../knowledge/types';
import type { EntitySummary, InputError } from './types';
import { summarise, who } from './who';

/** One bar of a timeline: articles that mention the name, published in the period. */
export interface PeriodCount {
  start: string;
  end: string;
  articles: number;
}

/** A dated event the text gives for the name: the words, the day they name, the article. */
export interface TimelineEvent {
  date: string;
  text: string;
  passageId: string;
  title: string;
}

export interface Timeline {
  entity: EntitySummary;
  /** How the archive's span is cut into bars: weeks for half a year or less, then months, then years. */
  bucket: 'week' | 'month' | 'year';
  periods: PeriodCount[];
  /** Day-precise events for the name, inside the periods' span, earliest first. */
  events: TimelineEvent[];
  articleCount: number;
}

export type TimelineAnswer =
  | { kind: 'found'; query: string; timeline: Timeline }
  | { kind: 'ambiguous'; query: string; candidates: EntitySummary[] }
  | { kind: 'unknown'; query: string; suggestions: EntitySummary[] }
  | { kind: 'invalid'; query: string; error: InputError };

const WEEKS_UP_TO_DAYS = 183;
const MAX_MONTHS = 120;

/**
 * When a name is mentioned: articles per week, month or year across the whole archive's
 * span (so two names' pictures compare), and the day-precise events the text dates in
 * passages that name it. An entity id (from a card's button) or a name, as `/hvem` reads it.
 */
export async function timeline(view: KnowledgeView, query: string): Promise<TimelineAnswer> {
  const byId = (await view.entities([query])).get(query);
  if (byId) return { kind: 'found', query, timeline: await build(view, byId) };
  const answer = await who(view, query);
  if (answer.kind !== 'found') return answer;
  const entity = (await view.entities([answer.card.id])).get(answer.card.id);
  if (!entity) return { kind: 'unknown', query: answer.query, suggestions: [] };
  return { kind: 'found', query: answer.query, timeline: await build(view, entity) };
}

async function build(view: KnowledgeView, entity: Entity): Promise<Timeline> {
  const articleIds = new Set(entity.mentions.map((m) => m.articleId));
  const passageIds = new Set(entity.mentions.map((m) => m.passageId));
  const articleOf = new Map(entity.mentions.map((m) => [m.passageId, m.articleId]));
  const [mentioning, mentions, all] = await Promise.all([
    view.articles([...articleIds]),
    view.timeMentions([...passageIds]),
    view.listArticles(),
  ]);
  const events: TimelineEvent[] = [];
  for (const passageId of passageIds) {
    const title = mentioning.get(articleOf.get(passageId) ?? '')?.title ?? '';
    for (const mention of mentions.get(passageId) ?? []) {
      if (mention.span.granularity !== 'day' || mention.span.start !== mention.span.end) continue;
      events.push({ date: mention.span.start, text: mention.text, passageId, title });
    }
  }
  events.sort((a, b) => a.date.localeCompare(b.date) || a.passageId.localeCompare(b.passageId));

  const published = all.map((a) => a.published);
  let first = minOf(published.map((s) => s.start));
  let last = maxOf(published.map((s) => s.end));
  // The text may date events before the archive begins or after it ends: widen to show them.
  for (const event of events) {
    if (!first || event.date < first) first = event.date;
    if (!last || event.date > last) last = event.date;
  }
  const bucket = chooseBucket(first ?? '', last ?? '');
  const periods = first && last ? cut(first, last, bucket) : [];
  for (const id of articleIds) {
    const article = mentioning.get(id);
    if (!article) continue;
    const period = periods.find(
      (p) => p.start <= article.published.start && article.published.start <= p.end,
    );
    if (period) period.articles += 1;
  }
  return {
    entity: summarise(entity),
    bucket,
    periods,
    events,
    articleCount: articleIds.size,
  };
}

function chooseBucket(first: string, last: string): Timeline['bucket'] {
  if (!first || !last) return 'month';
  const days = daysBetween(first, last);
  if (days <= WEEKS_UP_TO_DAYS) return 'week';
  const a = parseIsoDate(first);
  const b = parseIsoDate(last);
  const months = a && b ? (b.year - a.year) * 12 + b.month - a.month + 1 : 0;
  return months <= MAX_MONTHS ? 'month' : 'year';
}

/** Consecutive periods covering first..last, each empty. */
export function cut(first: string, last: string, bucket: Timeline['bucket']): PeriodCount[] {
  const periods: PeriodCount[] = [];
  if (bucket === 'week') {
    for (let start = startOfWeek(first); start <= last; start = addDays(start, 7))
      periods.push({ start, end: addDays(start, 6), articles: 0 });
    return periods;
  }
  const from = parseIsoDate(first);
  const to = parseIsoDate(last);
  if (!from || !to) return periods;
  if (bucket === 'year') {
    for (let year = from.year; year <= to.year; year++) {
      const span: DateSpan = yearSpan(year);
      periods.push({ start: span.start, end: span.end, articles: 0 });
    }
    return periods;
  }
  for (
    let m = { year: from.year, month: from.month };
    formatIsoDate(m.year, m.month, 1) <= last;
    m = addMonths(m.year, m.month, 1)
  ) {
    const span = monthSpan(m.year, m.month);
    periods.push({ start: span.start, end: span.end, articles: 0 });
  }
  return periods;
}

function minOf(values: string[]): string | undefined {
  let min: string | undefined;
  for (const v of values) if (min === undefined || v < min) min = v;
  return min;
}

function maxOf(values: string[]): string | undefined {
  let max: string | undefined;
  for (const v of values) if (max === undefined || v > max) max = v;
  return max;
}
