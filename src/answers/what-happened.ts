import type { Archive } from '../archive/archive';
import { parseDateQuery } from '../extract/dates';
import { spanContains } from '../extract/dates/calendar';
import type { Article } from '../knowledge/types';
import { nearestDays } from './days';
import { tidyQuery } from './query-text';
import { quote, sourceOf } from './quote';
import type { DatedEvent, PublishedArticle, WhatHappenedAnswer } from './types';

const NEAREST = 4;

/**
 * `/hva-skjedde <date> [topic]`: articles published in the span, and passages whose time
 * expressions resolve inside it. A mention only counts when its whole span lies inside
 * the asked one: "this week" is not evidence for one particular day.
 */
export function whatHappened(archive: Archive, raw: string, rawTopic?: string): WhatHappenedAnswer {
  const query = tidyQuery(raw);
  const parsed = parseDateQuery(query);
  if (!parsed.ok) return { kind: 'invalid', query, error: parsed.error };
  const { span } = parsed;
  const topic = rawTopic ? tidyQuery(rawTopic) : '';
  const onTopic = topic ? topicFilter(archive, topic) : undefined;
  const topicField = topic ? { topic } : {};

  const published: PublishedArticle[] = archive.articles
    .filter((a) => spanContains(span, a.published) && (!onTopic || onTopic.articles.has(a.id)))
    .sort(
      (a, b) =>
        a.published.start.localeCompare(b.published.start) || a.title.localeCompare(b.title),
    )
    .map((article) => publishedEntry(archive, article));

  const events: DatedEvent[] = [];
  for (const [passageId, mentions] of archive.timeMentions) {
    if (onTopic && !onTopic.passages.has(passageId)) continue;
    const inside = mentions.filter((m) => spanContains(span, m.span));
    const first = inside[0];
    const passage = archive.passageById.get(passageId);
    if (!first || !passage) continue;
    const quoted = quote(archive, passage, {
      ranges: inside.map((m) => ({ start: m.start, end: m.end })),
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

  if (published.length === 0 && events.length === 0) {
    return {
      kind: 'empty',
      query,
      span,
      ...topicField,
      nearest: nearestDays(archive, span.start, span.end, NEAREST),
    };
  }
  return { kind: 'found', query, span, ...topicField, published, events };
}

function publishedEntry(archive: Archive, article: Article): PublishedArticle {
  const first = article.passages[0];
  const lead = first ? quote(archive, first, {}, { datings: false }) : undefined;
  return { source: sourceOf(article), ...(lead ? { lead } : {}) };
}

function topicFilter(
  archive: Archive,
  topic: string,
): { passages: Set<string>; articles: Set<string> } {
  const hits = archive.index.search(topic, { limit: 500 });
  return {
    passages: new Set(hits.map((h) => h.passageId)),
    articles: new Set(hits.map((h) => h.articleId)),
  };
}
