import { extractTimeMentions } from '../../src/extract/dates';
import {
  buildEntities,
  buildLexicon,
  extractEntityMentions,
  type PassageMentions,
} from '../../src/extract/entities';
import type { TimeMention } from '../../src/extract/types';
import type { DateSpan, Language } from '../../src/knowledge/types';

/** Names in one sentence, read with a lexicon of that sentence alone: the hardest case. */
export function readNames(text: string, language: Language = 'nb') {
  return extractEntityMentions(text, language, buildLexicon([text])).map((m) => ({
    name: m.name,
    kind: m.kind,
    role: m.role,
  }));
}

export const daySpan = (iso: string): DateSpan => ({ start: iso, end: iso, granularity: 'day' });

/**
 * Every time expression of a one-passage Bokmål article as `words=start` for a day, else
 * `words=start..end` (with `/granularity` when asked).
 */
export function datesIn(text: string, published: string, withGranularity = false): string[] {
  const [mentions = []] = extractTimeMentions([{ text }], 'nb', daySpan(published));
  return mentions.map((m) =>
    m.span.start === m.span.end
      ? `${m.text}=${m.span.start}`
      : `${m.text}=${m.span.start}..${m.span.end}${withGranularity ? `/${m.span.granularity}` : ''}`,
  );
}

/** The time expressions of a multi-passage Bokmål article, per passage, formatted by `show`. */
export function storyDatesIn(
  passages: readonly string[],
  published: string,
  show: (m: TimeMention) => string,
): string[][] {
  return extractTimeMentions(
    passages.map((text) => ({ text })),
    'nb',
    daySpan(published),
  ).map((mentions) => mentions.map(show));
}

/**
 * An archive of Bokmål articles (id -> paragraphs) through the whole entity pipeline, each
 * entity with its roles as `role@passageId`.
 */
export function archiveRoles(articles: Record<string, string[]>) {
  const lexicon = buildLexicon(Object.values(articles).flat());
  const passages: PassageMentions[] = Object.entries(articles).flatMap(([articleId, texts]) =>
    texts.map((text, index) => ({
      passageId: `${articleId}#${index}`,
      articleId,
      text,
      language: 'nb' as const,
      mentions: extractEntityMentions(text, 'nb', lexicon),
    })),
  );
  return buildEntities(passages, []).map((e) => ({
    name: e.name,
    kind: e.kind,
    roles: e.roles.map((r) => `${r.role}@${r.passageId}`),
  }));
}
