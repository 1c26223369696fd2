import type { CommandText } from './messages';

/**
 * What the bot says about moderation from Discord (adding, writing, removing, restoring
 * articles, the audit channel) and on its pictures (timelines, a period's days). One
 * catalog section per language (`nb-moderation.ts`, `en-moderation.ts`).
 */
export interface ModerationMessages {
  commands: {
    add: CommandText & {
      file: CommandText;
      title: CommandText;
      date: CommandText;
      source: CommandText;
      url: CommandText;
    };
    write: CommandText;
    remove: CommandText & { article: CommandText };
    restore: CommandText & { article: CommandText };
    timeline: CommandText & { nameOption: CommandText };
  };
  /** The form `/kunnskap skriv` opens (labels ≤ 45 characters). */
  form: {
    title: string;
    articleTitle: string;
    date: string;
    datePlaceholder: string;
    source: string;
    text: string;
    textPlaceholder: string;
  };
  added: {
    title(articleTitle: string): string;
    summary(date: string, passages: number, file: string): string;
    names: string;
    noNames: string;
    events: string;
    noEvents: string;
    event(words: string, resolved: string): string;
  };
  removed(title: string, date: string): string;
  restored(title: string, date: string): string;
  refused: {
    /** Heading above the problems of a file that does not validate. */
    invalid: string;
    duplicate(title: string, file: string): string;
    notFound(ref: string): string;
    notText(fileName: string): string;
    download: string;
    nothingChanged: string;
  };
  audit: {
    add(actor: string, title: string, file: string): string;
    remove(actor: string, title: string, file: string): string;
    restore(actor: string, title: string, file: string): string;
    reload(actor: string, added: number, changed: number, removed: number): string;
  };
  charts: {
    timelineButton: string;
    timelineTitle(name: string): string;
    perWeek: string;
    perMonth: string;
    perYear: string;
    eventsLegend: string;
    articlesLegend: string;
    noMentions: string;
    /** Alt text: what the picture shows, for screen readers. */
    timelineAlt(name: string, articles: number, span: string, events: number): string;
    timelineCaption(name: string, articles: number, events: number): string;
    /** Under the picture's title: "12 articles · 3 dated events · bars: articles per month". */
    timelineSubtitle(articles: number, events: number, per: string): string;
    periodTitle(when: string): string;
    /** "5 dated events · 2 articles · busiest: 22 Nov, 20 Nov". */
    periodSubtitle(events: number, published: number, busiest: string): string;
    periodLegendEvents: string;
    periodLegendPublished: string;
    nothingInPeriod: string;
    periodAlt(when: string, events: number, published: number, busiest: string): string;
    /** Short day label under a bar: "21." / "21". */
    dayOfMonth(day: number): string;
    /** "21. nov." / "21 Nov": a day in a caption. */
    shortDay(day: number, month: number): string;
    shortMonth(month: number): string;
  };
}
