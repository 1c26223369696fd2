/**
 * Moderation of the archive from outside the host (Discord, the console): adding an
 * uploaded or typed article, taking one out of the answers, putting it back. Plain data:
 * the callers render it in the reader's language.
 */
import type { DateSpan, Problem } from '../knowledge/types';

/** Who did it: kept in the audit log. */
export interface Actor {
  id: string;
  name: string;
}

/** Fields a moderator gives beside (or instead of) the file's own front matter. */
export interface ArticleOverrides {
  title?: string;
  date?: string;
  source?: string;
  url?: string;
}

/** An article as it arrives: the bytes of an upload, or the text of a form. */
export interface ArticleDraft {
  bytes: Buffer;
  /** How to read the bytes; chosen from the upload's extension, never used as a path. */
  format: 'md' | 'txt';
  overrides: ArticleOverrides;
  /** What the moderator calls it (the uploaded file's name): only for naming it in problems. */
  label?: string;
}

/** Why an article was refused; nothing was written. */
export type Refusal =
  /** The file does not validate: every error, with its line. */
  | { code: 'invalid'; problems: Problem[] }
  /** Its text is already in the archive, as `title` (`articleId`). */
  | { code: 'duplicate'; articleId: string; title: string }
  /** The name or article given does not exist (any more). */
  | { code: 'not-found'; ref: string };

/** What an added article holds, as the archive now knows it. */
export interface AddedArticle {
  id: string;
  title: string;
  published: DateSpan;
  passages: number;
  /** People and organisations the analysis found in it, most mentioned first. */
  names: { name: string; kind: 'person' | 'organisation' }[];
  /** Dated events its text gives: the words and what they resolved to. */
  events: { text: string; span: DateSpan }[];
  /** Warnings about the file (errors would have refused it). */
  problems: Problem[];
}

export type AddOutcome =
  | { kind: 'added'; article: AddedArticle; audit: AuditEntry }
  | { kind: 'refused'; refusal: Refusal };

export interface MovedArticle {
  id: string;
  title: string;
  published?: DateSpan;
}

export type MoveOutcome =
  | { kind: 'removed' | 'restored'; article: MovedArticle; audit: AuditEntry }
  | { kind: 'refused'; refusal: Refusal };

/** An article to pick in autocomplete: its id is what the command sends back. */
export interface ArticleChoice {
  id: string;
  title: string;
  date?: string;
}

export type AuditAction = 'add' | 'remove' | 'restore' | 'reload';

/** One line of the audit log: who did what, when. */
export interface AuditEntry {
  at: string;
  actor: Actor;
  action: AuditAction;
  /** The article concerned (add, remove, restore). */
  article?: { id: string; title: string; date?: string };
  /** What a reload changed, by article id. */
  changes?: { added: string[]; changed: string[]; removed: string[] };
}
