import { echo } from '../answers/query-text';
import type {
  DatedEvent,
  EntityCard,
  EntitySummary,
  KnowledgeStatus,
  QuotedPassage,
  ReloadReport,
  SearchAnswer,
  Snippet,
  SourceRef,
  SourcesAnswer,
  WhatHappenedAnswer,
  WhoAnswer,
} from '../answers/types';
import { formatDay, formatInstant, formatSpan, publishedLabel } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import { problemText, problemWhere } from '../i18n/problems';
import type { Problem } from '../knowledge/types';

/** How marked (matched) words look: ANSI bold in a terminal, `**` when piped. */
export interface TextStyle {
  mark(text: string): string;
  heading(text: string): string;
  dim(text: string): string;
}

export const plainStyle: TextStyle = {
  mark: (t) => `**${t}**`,
  heading: (t) => t,
  dim: (t) => t,
};

export const ansiStyle: TextStyle = {
  mark: (t) => `\x1b[1m${t}\x1b[22m`,
  heading: (t) => `\x1b[1;4m${t}\x1b[0m`,
  dim: (t) => `\x1b[2m${t}\x1b[22m`,
};

export function renderSnippet(snippet: Snippet, style: TextStyle): string {
  const body = snippet.segments.map((s) => (s.marked ? style.mark(s.text) : s.text)).join('');
  return `${snippet.cutStart ? '… ' : ''}${body}${snippet.cutEnd ? ' …' : ''}`;
}

export function renderSource(source: SourceRef, t: Messages): string {
  const where = source.url ?? t.noUrl(source.file);
  const date = formatSpan(source.published, t);
  const published = source.source ? `${t.publishedBy(source.source)}, ${date}` : date;
  return `${source.title} (${published}) – ${where}`;
}

function renderQuote(q: QuotedPassage, t: Messages, style: TextStyle): string[] {
  const heading = q.heading ? `${style.dim(`[${q.heading}]`)} ` : '';
  const datings = q.datings?.length ? [`    ${style.dim(`${t.dated}: ${datingsText(q, t)}`)}`] : [];
  return [
    `  • ${heading}${renderSnippet(q.snippet, style)}`,
    ...datings,
    `    ${style.dim(`${t.sourceLabel}: ${renderSource(q.source, t)}`)}`,
  ];
}

function datingsText(q: QuotedPassage, t: Messages): string {
  return (q.datings ?? [])
    .map((d) => t.whatHappened.datedBy(d.text, formatSpan(d.span, t)))
    .join('; ');
}

function summaryLine(e: EntitySummary, t: Messages): string {
  return `${e.name} (${e.role ?? t.kind[e.kind]})`;
}

function renderCard(card: EntityCard, t: Messages, style: TextStyle): string[] {
  const lines = [style.heading(`${card.name} – ${t.kind[card.kind]}`)];
  if (card.roles.length > 0) {
    lines.push(`${t.who.roles}:`);
    for (const role of card.roles) {
      lines.push(`  • ${role.role} – ${role.sources.map((s) => s.title).join('; ')}`);
    }
  } else {
    lines.push(t.who.noRole);
  }
  lines.push(
    t.who.appears(card.articleCount, formatSpan(card.firstSeen, t), formatSpan(card.lastSeen, t)),
  );
  if (card.aliases.length > 0) lines.push(`${t.who.aliases}: ${card.aliases.join(', ')}`);
  lines.push('', `${t.who.passages}:`);
  for (const q of card.passages) lines.push(...renderQuote(q, t, style));
  if (card.related.length > 0) {
    lines.push('', `${t.who.related}: ${card.related.map((r) => r.name).join(', ')}`);
  }
  return lines;
}

export function renderWho(answer: WhoAnswer, t: Messages, style: TextStyle): string {
  switch (answer.kind) {
    case 'found':
      return renderCard(answer.card, t, style).join('\n');
    case 'ambiguous':
      return [
        t.who.ambiguous(answer.query),
        ...answer.candidates.map((c) => `  • ${summaryLine(c, t)}`),
      ].join('\n');
    case 'unknown': {
      const lines = [t.who.unknown(answer.query)];
      if (answer.suggestions.length > 0) {
        lines.push(
          `${t.who.didYouMean}: ${answer.suggestions.map((s) => summaryLine(s, t)).join(', ')}?`,
        );
      }
      return lines.join('\n');
    }
    case 'invalid':
      return t.errors[answer.error];
  }
}

function renderEvent(event: DatedEvent, t: Messages, style: TextStyle): string[] {
  return [
    `  ${style.dim(t.whatHappened.datedBy(event.dating.text, formatSpan(event.dating.span, t)))}`,
    ...renderQuote(event.passage, t, style),
  ];
}

export function renderWhatHappened(
  answer: WhatHappenedAnswer,
  t: Messages,
  style: TextStyle,
): string {
  switch (answer.kind) {
    case 'invalid':
      // Never more than a bounded prefix of what was typed is echoed.
      return answer.error === 'impossible'
        ? t.errors.impossibleDate(echo(answer.query))
        : answer.error === 'invalid'
          ? t.errors.invalidDate(echo(answer.query))
          : t.errors[answer.error];
    case 'empty': {
      const when = formatSpan(answer.span, t);
      const lines = [t.whatHappened.empty(when)];
      if (answer.nearest.length > 0) {
        lines.push(`${t.whatHappened.nearest}:`);
        for (const day of answer.nearest)
          lines.push(`  • ${formatDay(day.date, t)} – ${day.preview}`);
      }
      return lines.join('\n');
    }
    case 'found': {
      const when = formatSpan(answer.span, t);
      const title = answer.topic
        ? t.whatHappened.topicTitle(when, answer.topic)
        : t.whatHappened.title(when);
      const lines = [
        style.heading(title),
        t.whatHappened.summary(answer.published.length, answer.events.length),
      ];
      if (answer.published.length > 0) {
        lines.push('', `${publishedLabel(answer.span, t)}:`);
        for (const p of answer.published) lines.push(`  • ${renderSource(p.source, t)}`);
      }
      if (answer.events.length > 0) {
        lines.push('', `${t.whatHappened.events}:`);
        for (const e of answer.events) lines.push(...renderEvent(e, t, style));
      }
      return lines.join('\n');
    }
  }
}

export function renderSearch(answer: SearchAnswer, t: Messages, style: TextStyle): string {
  switch (answer.kind) {
    case 'invalid':
      return answer.error === 'empty' ? t.errors.emptyQuery : t.errors[answer.error];
    case 'none': {
      const lines = [t.search.none(answer.query)];
      if (answer.suggestions.length > 0)
        lines.push(`${t.search.didYouMean}: ${answer.suggestions.join(', ')}`);
      return lines.join('\n');
    }
    case 'found':
      return [
        style.heading(t.search.title(answer.query)),
        ...answer.hits.slice(0, 5).flatMap((h) => renderQuote(h, t, style)),
      ].join('\n');
  }
}

export function renderSources(answer: SourcesAnswer, t: Messages, style: TextStyle): string {
  if (answer.articles.length === 0) return t.sources.empty;
  return [
    style.heading(`${t.sources.title} (${t.sources.count(answer.articles.length)})`),
    ...answer.articles.map((a) => `  • ${renderSource(a, t)} – ${t.sources.passages(a.passages)}`),
  ].join('\n');
}

export function renderProblem(p: Problem, t: Messages): string {
  return `${p.severity === 'error' ? '✗' : '!'} ${problemWhere(p)}: ${problemText(p, t)}`;
}

export function renderStatus(status: KnowledgeStatus, t: Messages, style: TextStyle): string {
  return [
    style.heading(t.knowledge.statusTitle),
    t.knowledge.counts(status.articles, status.passages, status.people, status.datedEvents),
    t.knowledge.organisations(status.organisations),
    t.knowledge.loadedAt(formatInstant(status.loadedAt, t)),
    ...(status.reloading ? [t.knowledge.reloading] : []),
    status.problems.length === 0
      ? t.knowledge.noProblems
      : `${t.knowledge.problems(status.problems.length)}:`,
    ...status.problems.map((p) => renderProblem(p, t)),
  ].join('\n');
}

export function renderReload(report: ReloadReport, t: Messages, style: TextStyle): string {
  const list = (label: string, items: string[]) =>
    items.length > 0 ? [`${label}: ${items.join(', ')}`] : [];
  const changes = [
    ...list(t.knowledge.added, report.added),
    ...list(t.knowledge.changed, report.changed),
    ...list(t.knowledge.removed, report.removed),
    ...list(t.knowledge.kept, report.kept),
  ];
  return [
    style.heading(t.knowledge.reloadTitle),
    ...(report.joined ? [t.knowledge.joined] : []),
    ...(changes.length > 0 ? changes : [t.knowledge.unchanged]),
    t.knowledge.counts(report.articles, report.passages, report.people, report.datedEvents),
    report.problems.length === 0
      ? t.knowledge.noProblems
      : `${t.knowledge.problems(report.problems.length)}:`,
    ...report.problems.map((p) => renderProblem(p, t)),
    t.knowledge.took(report.durationMs),
  ].join('\n');
}
