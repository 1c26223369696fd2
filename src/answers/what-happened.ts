import type { KnowledgeView } from '../backend/backend';
import { parseDateQuery } from '../extract/dates';
import type { Passage } from '../knowledge/types';
import { readQuery } from './query-text';
import { quoter, sourceOf } from './quote';
import type { DatedEvent, PublishedArticle, WhatHappenedAnswer } from './types';

const NEAREST = 4;

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

  if (published.length === 0 && events.length === 0) {
    return {
      kind: 'empty',
      query,
      span,
      ...topicField,
      nearest: await view.nearestDays(span, NEAREST),
    };
  }
  return { kind: 'found', query, span, ...topicField, published, events };
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
