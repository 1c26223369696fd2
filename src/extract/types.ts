import type { DateSpan } from '../knowledge/types';

/** A time expression found in a passage and resolved against the article's publication date. */
export interface TimeMention {
  /** The words that dated it, exactly as in the text ("Tirsdag i neste uke"). */
  text: string;
  /** Character offsets into the passage text. */
  start: number;
  end: number;
  span: DateSpan;
  kind: 'explicit' | 'weekday' | 'relative';
}

export type EntityKind = 'person' | 'organisation' | 'place' | 'other';

/** One occurrence of a name in a passage. */
export interface EntityMention {
  /** The name in base form: genitive stripped, as written otherwise ("Jonas Gahr Støre"). */
  name: string;
  /** Exactly as in the text ("Jonas Gahr Støres"). */
  surface: string;
  start: number;
  end: number;
  kind: EntityKind;
  /** The role the text gives it at this place, in readable base form ("Irans president"). */
  role?: string;
  /** The words the role was read from ("den syriske presidenten"). */
  roleText?: string;
}

/** A role with the passage that gives it. */
export interface SourcedRole {
  role: string;
  roleText: string;
  passageId: string;
  articleId: string;
}

/** A person or organisation as the whole archive knows it, short forms merged. */
export interface Entity {
  /** Lowercase slug of the canonical name. */
  id: string;
  /** The fullest form the archive uses ("Jonas Gahr Støre"). */
  name: string;
  kind: EntityKind;
  /** Every form seen or aliased ("Støre", "Gahr Støre"), canonical name excluded. */
  aliases: string[];
  roles: SourcedRole[];
  mentions: { passageId: string; articleId: string; surface: string; start: number; end: number }[];
}
