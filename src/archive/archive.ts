import type {
  ArchiveLexicon,
  BackReference,
  EntityDirectory,
  LexiconData,
} from '../extract/entities';
import type { EntityMerge } from '../extract/entities/live-merge';
import type { EntityMention, TimeMention } from '../extract/types';
import type { AliasGroup, Article, LoadResult, Passage, Problem } from '../knowledge/types';
import type { PassageIndex } from '../search';
import type { MergeKeyColumns } from './merge-section';

/**
 * One analysed, indexed knowledge base: immutable once built. A reload builds a new one
 * and swaps it in whole, so an answer never sees half of two builds.
 */
export interface Archive {
  articles: readonly Article[];
  articleById: ReadonlyMap<string, Article>;
  passageById: ReadonlyMap<string, Passage>;
  aliases: readonly AliasGroup[];
  problems: readonly Problem[];
  entities: EntityDirectory;
  /** Entity ids mentioned in each passage. */
  entitiesByPassage: ReadonlyMap<string, readonly string[]>;
  /** Time expressions in each passage, resolved to dates. */
  timeMentions: ReadonlyMap<string, readonly TimeMention[]>;
  index: PassageIndex;
  /** What was loaded, kept so that the next reload can fall back to last good versions. */
  load: LoadResult;
  builtAt: string;
  /** True when the analysis came from the snapshot cache rather than being recomputed. */
  fromSnapshot: boolean;
  /** Entity names per passage, as the index holds them: an update re-indexes those that change. */
  namesByPassage: ReadonlyMap<string, readonly string[]>;
  /** What an incremental reload starts from; handed on (and updated) from build to build. */
  basis: IncrementalBasis;
}

/**
 * Each passage's names before the archive-wide merge, and the archive's lexicon: kept as
 * the snapshot read them until an incremental reload first needs them (most restarts never
 * do), then as live structures that every later update changes in place.
 */
export interface IncrementalBasis {
  mentions: Map<string, EntityMention[]> | [string, EntityMention[]][];
  lexicon: ArchiveLexicon | LexiconData;
  references: Map<string, BackReference[]> | [string, BackReference[]][];
  /** The live entity merge, once an update built it (then kept up to date by every update). */
  merge?: EntityMerge;
  /**
   * The keys of `mentions`' names as the snapshot stored them (merge-section.ts), until the
   * live merge's restore took them: then dropped, since updates change `mentions`.
   */
  mergeKeys?: MergeKeyColumns;
  /** Set when an update failed half-way: the next reload then builds in full. */
  spoiled: boolean;
  /**
   * Set while the parts above are placeholders for the snapshot's still unparsed bytes (a
   * restart need not read them): fills them in, in slices. Call before using them.
   */
  read?: () => Promise<void>;
}
