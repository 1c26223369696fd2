import type { EntityDirectory } from '../extract/entities';
import type { TimeMention } from '../extract/types';
import type { AliasGroup, Article, LoadResult, Passage, Problem } from '../knowledge/types';
import type { PassageIndex } from '../search';

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
}
