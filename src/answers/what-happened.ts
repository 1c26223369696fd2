import type { KnowledgeView } from '../backend/backend';
import { parseDateQuery } from '../extract/dates';
import { addDays, daysBetween } from '../extract/dates/calendar';
import type { DateSpan, Passage } from '../knowledge/types';
import { readQuery } from './query-text';
import { quoter, sourceOf } from './quote';
import type { DatedEvent, DayCount, PublishedArticle, WhatHappenedAnswer } from './types';

const NEAREST = 4;
/** A period up to about a quarter gets a count per day (a picture of it); longer ones do not. */
const MAX_DAYS_COUNTED = 93;
const BUSIEST = 3;

/**
 * `/hva-skjedde <date> [topic]`: articles published in the span, and passages whose time
 * expressions resolve inside it. A mention only counts when its whole span lies inside
 * the asked one: "this week" is not evidence for one particular day.
 */
export async function whatHappened(
  view: KnowledgeView,
  raw: string,
  rawTopic?: string,
): Promise<WhatHappenedAnswer> {
  const read = readQuery(raw, 'date');
  const query = read.query;
  if (read.error) return { kind: 'invalid', query, error: read.error };
  const parsed = parseDateQuery(query);
  if (!parsed.ok) return { kind: 'invalid', query, error: parsed.error };
  const { span } = parsed;
  const topicRead = rawTopic ? readQuery(rawTopic, 'topic') : { query: '' };
  if (topicRead.error === 'too-long') return { kind: 'invalid', query, error: 'too-long' };
  const topic = topicRead.error ? '' : topicRead.query;
  const onTopic = topic ? await topicFilter(view, topic) : undefined;
  const topicField = topic ? { topic } : {};

  const articles = (await view.publishedIn(span))
    .filter(({ article }) => !onTopic || onTopic.articles.has(article.id))
    .sort(
      (a, b) =>
        a.article.published.start.localeCompare(b.article.published.start) ||
        a.article.title.localeCompare(b.article.title),
    );
  const dated = (await view.datedWithin(span)).filter(
    (d) => !onTopic || onTopic.passages.has(d.passageId),
  );
  const passages = await view.passages(dated.map((d) => d.passageId));
  const leads = articles.map((a) => a.lead).filter((p): p is Passage => p !== undefined);
  const quote = await quoter(view, [...leads, ...passages.values()]);

  const published: PublishedArticle[] = articles.map(({ article, lead }) => {
    const quoted = lead ? quote(lead, {}, { datings: false }) : undefined;
    return { source: sourceOf(article), ...(quoted ? { lead: quoted } : {}) };
  });

  const events: DatedEvent[] = [];
  for (const { passageId, mentions } of dated) {
    const first = mentions[0];
    const passage = passages.get(passageId);
    if (!first || !passage) continue;
    const quoted = quote(passage, {
      ranges: mentions.map((m) => ({ start: m.start, end: m.end })),
    });
    if (!quoted) continue;
    events.push({
      passage: quoted,
      dating: { text: first.text, span: first.span, kind: first.kind },
    });
  }
  events.sort(
    (a, b) =>
      a.dating.span.start.localeCompare(b.dating.span.start) ||
      a.passage.source.published.start.localeCompare(b.passage.source.published.start) ||
      a.passage.passageId.localeCompare(b.passage.passageId, 'en', { numeric: true }),
  );

  const perDay = countPerDay(span, published, events);
  if (published.length === 0 && events.length === 0) {
    return {
      kind: 'empty',
      query,
      span,
      ...topicField,
      ...perDay,
      nearest: await view.nearestDays(span, NEAREST),
    };
  }
  return { kind: 'found', query, span, ...topicField, ...perDay, published, events };
}

/**
 * For a period longer than a day: per day, the articles published and the events the
 * text dates to exactly that day (the same ones the answer lists), and the busiest days.
 */
function countPerDay(
  span: DateSpan,
  published: readonly PublishedArticle[],
  events: readonly DatedEvent[],
): { days?: DayCount[]; busiest?: string[] } {
  const length = daysBetween(span.start, span.end) + 1;
  if (length < 2 || length > MAX_DAYS_COUNTED) return {};
  const days: DayCount[] = [];
  const byDate = new Map<string, DayCount>();
  for (let i = 0; i < length; i++) {
    const day = { date: addDays(span.start, i), published: 0, events: 0 };
    days.push(day);
    byDate.set(day.date, day);
  }
  for (const entry of published) {
    const day = entry.source.published;
    if (day.granularity === 'day') {
      const count = byDate.get(day.start);
      if (count) count.published += 1;
    }
  }
  for (const event of events) {
    const { start, end } = event.dating.span;
    const count = start === end ? byDate.get(start) : undefined;
    if (count) count.events += 1;
  }
  const busiest = days
    .filter((d) => d.events + d.published > 0)
    .sort(
      (a, b) => b.events - a.events || b.published - a.published || a.date.localeCompare(b.date),
    )
    .slice(0, BUSIEST)
    .map((d) => d.date);
  return { days, busiest };
}

async function topicFilter(
  view: KnowledgeView,
  topic: string,
): Promise<{ passages: Set<string>; articles: Set<string> }> {
  const hits = await view.searchPassages(topic, 500);
  return {
    passages: new Set(hits.map((h) => h.passageId)),
    articles: new Set(hits.map((h) => h.articleId)),
  };
}
