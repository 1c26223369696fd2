/**
 * The data that flows from files to the index. Everything here is plain data (JSON-safe),
 * so a built knowledge base can be snapshotted and restored without re-analysis.
 */

/** Languages the archive holds: Norwegian Bokmål, Norwegian Nynorsk, English. */
export type Language = 'nb' | 'nn' | 'en';

/** A calendar span, inclusive on both ends, as ISO dates (YYYY-MM-DD). */
export interface DateSpan {
  start: string;
  end: string;
  /** How precisely the source pinned it down. A week starts on Monday (Norwegian usage). */
  granularity: 'day' | 'week' | 'month' | 'year';
}

/** One problem found while reading knowledge files. Never fatal to the whole base. */
export interface Problem {
  /** Path relative to the knowledge directory, with forward slashes. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** What is wrong, in plain English (the renderer may translate known codes). */
  reason: string;
  severity: 'error' | 'warning';
}

/** The indexed, ranked and quoted unit: a paragraph with its sub-heading. */
export interface Passage {
  /** `${articleId}#${index}` */
  id: string;
  articleId: string;
  /** 0-based position in the article. */
  index: number;
  /** The sub-heading this paragraph stands under, if any. */
  heading?: string;
  text: string;
  /** 1-based line in the source file where the paragraph starts. */
  line: number;
  language: Language;
  /** Photo credits ("Foto: Hau Dinh / AP") cut from this paragraph: not its text. */
  credits?: string[];
}

export interface Article {
  /** Stable id: the file path relative to the knowledge directory (forward slashes). */
  id: string;
  file: string;
  title: string;
  /** Publication date: day granularity, or month when only `YYYY-MM` is known. */
  published: DateSpan;
  url?: string;
  source?: string;
  language: Language;
  /** True when the language was detected rather than given in front matter. */
  languageDetected: boolean;
  tags: string[];
  passages: Passage[];
  /** sha256 of the file's bytes; used to report what changed on reload. */
  hash: string;
}

/** Moderator-edited equivalences: each group names one thing ("FN", "UN", "De forente nasjoner"). */
export interface AliasGroup {
  /** The first form written is the preferred display name. */
  names: string[];
  line: number;
}

/** What reading a knowledge directory yields: good articles, aliases and every problem. */
export interface LoadResult {
  articles: Article[];
  aliases: AliasGroup[];
  problems: Problem[];
  /** Article files that exist but could not be read (ids), so a reload can keep their last good version. */
  failedFiles?: string[];
  /** True when aliases.yml exists but could not be read at all. */
  aliasesFailed?: boolean;
}
