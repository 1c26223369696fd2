import { extractTimeMentions } from '../extract/dates';
import {
  type ArchiveLexicon,
  aliasesReadText,
  type BackReference,
  buildEntities,
  buildLexicon,
  type DirectoryColumns,
  EntityDirectory,
  extractEntityMentions,
  LearnedReadings,
  type LexiconData,
  type PassageMentions,
  passageReferences,
  type ReferenceCandidate,
  referencesAmong,
} from '../extract/entities';
import { listEntities } from '../extract/entities/live-merge';
import type { Entity, EntityMention, TimeMention } from '../extract/types';
import type { Article, Language, LoadResult } from '../knowledge/types';
import { PassageIndex } from '../search';
import type { Archive, IncrementalBasis } from './archive';
import { breathe, Slicer } from './pace';
import { PassagesByArticle } from './passages-by-article';

/** The analysis that is expensive to recompute beside the index, in JSON-safe form. */
export interface AnalysisParts {
  entities: Entity[];
  timeMentions: [passageId: string, mentions: TimeMention[]][];
  /** Each passage's names as read before the archive-wide merge: what an incremental reload merges again. */
  mentions: [passageId: string, mentions: EntityMention[]][];
  /** The archive's word counts, which an incremental reload updates. */
  lexicon: LexiconData;
  /** Each passage's role phrases pointing back at someone (only passages that have any). */
  references: [passageId: string, references: BackReference[]][];
  /**
   * Set when `mentions`, `references` and `lexicon` are left empty until needed (a snapshot
   * decoded for answers): reads them.
   */
  readBasis?: () => Promise<
    Pick<IncrementalBasis, 'mentions' | 'references' | 'lexicon' | 'mergeKeys'>
  >;
  /** The entity directory's prepared keys, when a snapshot stored them: restored, not built. */
  directory?: DirectoryColumns;
  /**
   * Each passage's entities (as `mentionMaps` gives them), when a snapshot stored them: read,
   * not placed again (held as columns, passage-lists.ts).
   */
  byPassage?: PassageMaps;
}

/** The analysis with the index in MiniSearch's JSON form (what an incremental update can give). */
export interface Analysis extends AnalysisParts {
  index: unknown;
}

/**
 * Runs the extractors over every passage (names with roles, dated time expressions) and
 * indexes the passages. Returns the analysis to snapshot and the index already built, so
 * that a fresh build is not restored from its own snapshot again.
 */
export async function analyse(
  load: LoadResult,
): Promise<{ analysis: AnalysisParts; index: PassageIndex }> {
  const names = await extractNames(load);
  const timeMentions: [string, TimeMention[]][] = [];
  for (const article of load.articles) {
    timeMentions.push(...articleDates(article));
    await breathe();
  }
  const index = await PassageIndex.buildAsync({
    articles: load.articles,
    aliases: load.aliases,
    entityNames: (await mentionMaps(names.entities)).names,
  });
  return { analysis: { ...names, timeMentions }, index };
}

/** The analysis's names: everything but the dates (`articleDates`) and the index. */
export type NameParts = Omit<AnalysisParts, 'timeMentions' | 'readBasis'>;

/**
 * The names of every passage, with roles and back references, merged into the archive's
 * entities. Independent of the dates and of the index's terms, so that an analysis worker
 * can work them out while another does those.
 */
export async function extractNames(
  load: Pick<LoadResult, 'articles' | 'aliases'>,
  /**
   * A lexicon that has counted these passages' words already, in their order (an analysis
   * worker counts them as the batches arrive): it learns the rest here.
   */
  counted?: ArchiveLexicon,
  /**
   * How `counted` learns the person words of these texts, keeping each reading in
   * `readings`: at once here unless given (the analysis worker shares it with the other).
   */
  learn: (lexicon: ArchiveLexicon, texts: string[], readings: LearnedReadings) => Promise<void> = (
    lexicon,
    texts,
    readings,
  ) => Promise.resolve(lexicon.learnPersons(texts, readings)),
  /**
   * Each passage's back-reference candidates by its place among all passages (none where
   * missing), when another worker found them while this one learnt: only the names are
   * then left to tell them apart (`referencesAmong`), not the texts to read for them again.
   */
  candidates?: Promise<readonly (readonly ReferenceCandidate[] | undefined)[]>,
  /**
   * Reads again, with the finished lexicon, the passages whose learned reading does not
   * hold, in order: here unless given (the analysis worker shares them with the other).
   */
  reread: (
    lexicon: ArchiveLexicon,
    pending: readonly PendingRead[],
  ) => Promise<EntityMention[][]> = readAgain,
  /**
   * Called once the passages' texts are read here (before the merge, which reads them only
   * for aliases it must find in the text): the caller may drop its copy of the articles
   * (and collect it: the merge waits for the promise).
   */
  textsRead?: () => void | Promise<void>,
): Promise<NameParts> {
  // Learning the lexicon reads every passage's names once; most need no second reading.
  const readings = new LearnedReadings();
  const texts = load.articles.flatMap((a) => a.passages.map((p) => p.text));
  if (counted) await learn(counted, texts, readings);
  const lexicon = counted ?? buildLexicon(texts, readings);
  texts.length = 0;
  // Each passage's names as learning read them, where that reading holds; the others are
  // read again, all together (so that another worker can take a share of them).
  const found: (EntityMention[] | undefined)[] = [];
  const pending: PendingRead[] = [];
  const pendingAt: number[] = [];
  for (const article of load.articles) {
    for (const passage of article.passages) {
      const taken = readings.take(found.length, passage.language, lexicon);
      if (!taken) {
        pendingAt.push(found.length);
        pending.push({ text: passage.text, language: passage.language });
      }
      found.push(taken);
    }
  }
  const read = await reread(lexicon, pending);
  pending.length = 0;
  pendingAt.forEach((at, i) => {
    found[at] = read[i];
  });
  const mergeReadsText = aliasesReadText(load.aliases);
  const passageMentions: PassageMentions[] = [];
  const mentions: [string, EntityMention[]][] = [];
  const references: [string, BackReference[]][] = [];
  const given = candidates ? await candidates : undefined;
  let index = 0;
  for (const article of load.articles) {
    for (const passage of article.passages) {
      const at = index++;
      const here = found[at] ?? [];
      found[at] = undefined;
      if (here.length > 0) mentions.push([passage.id, here]);
      const pointing = given
        ? referencesAmong(given[at] ?? [], here)
        : passageReferences({ ...passage, mentions: here });
      if (pointing.length > 0) references.push([passage.id, pointing]);
      passageMentions.push({
        passageId: passage.id,
        articleId: article.id,
        text: mergeReadsText ? passage.text : '',
        language: passage.language,
        mentions: here,
        references: pointing,
      });
    }
    await breathe();
  }
  await textsRead?.();
  const entities = buildEntities(passageMentions, load.aliases);
  return { entities, mentions, lexicon: lexicon.toJSON(), references };
}

/** A passage to read again with the finished lexicon: its text and language. */
export interface PendingRead {
  text: string;
  language: Language;
}

/** `reread` on this thread: every pending passage here, in slices. */
async function readAgain(
  lexicon: ArchiveLexicon,
  pending: readonly PendingRead[],
): Promise<EntityMention[][]> {
  const slicer = new Slicer();
  const read: EntityMention[][] = [];
  await slicer.each(pending, ({ text, language }) => {
    read.push(extractEntityMentions(text, language, lexicon));
  });
  return read;
}

/** The dated time expressions of an article's passages (those that have any), in order. */
export function articleDates(
  article: Pick<Article, 'passages' | 'language' | 'published'>,
): [string, TimeMention[]][] {
  const dated = extractTimeMentions(article.passages, article.language, article.published);
  const out: [string, TimeMention[]][] = [];
  article.passages.forEach((passage, i) => {
    const found = dated[i] ?? [];
    if (found.length > 0) out.push([passage.id, found]);
  });
  return out;
}

/** Entity ids and names per passage id, read-only (`MentionMaps`, or a snapshot's columns). */
export interface PassageMaps {
  ids: ReadonlyMap<string, readonly string[]>;
  names: ReadonlyMap<string, readonly string[]>;
}

export interface MentionMaps {
  /** Entity ids per passage id. */
  ids: Map<string, string[]>;
  /** Entity names per passage id: what the index makes searchable. */
  names: Map<string, string[]>;
}

/**
 * Which entities each passage mentions, in the order the passage first names them (ties by
 * id): a rule that depends on the passage alone, so that an incremental reload, which
 * works out the lists of the passages it reaches only, gets the same. Built in slices so
 * that answers keep flowing.
 */
export async function mentionMaps(
  entities: readonly Entity[],
  slicer = new Slicer(),
): Promise<MentionMaps> {
  const placed = new Map<string, { start: number; entity: Entity }[]>();
  await slicer.each(entities, (entity) => {
    for (const mention of entity.mentions) {
      const list = placed.get(mention.passageId);
      if (list) list.push({ start: mention.start, entity });
      else placed.set(mention.passageId, [{ start: mention.start, entity }]);
    }
  });
  const ids = new Map<string, string[]>();
  const names = new Map<string, string[]>();
  await slicer.each(placed, ([passageId, list]) => {
    const lists = listEntities(list);
    ids.set(passageId, lists.ids);
    names.set(passageId, lists.names);
  });
  return { ids, names };
}

/**
 * Puts loaded articles, their analysis and their index together into an archive that
 * answers can read. It works in slices of a
 * few milliseconds, so that answers keep flowing from the old archive meanwhile: both a
 * fresh reload and a restart from the snapshot end here.
 */
export async function assemble(
  load: LoadResult,
  analysis: AnalysisParts,
  fromSnapshot: boolean,
  index: PassageIndex,
): Promise<Archive> {
  const slicer = new Slicer();
  const articleById = new Map(load.articles.map((a) => [a.id, a]));
  // Read through the articles: no restored article is parsed for it (lazy-articles.ts).
  const passageById = new PassagesByArticle(articleById, load.articles);
  const mentions = analysis.byPassage ?? (await mentionMaps(analysis.entities, slicer));
  await slicer.breathe();
  const entities = analysis.directory
    ? await EntityDirectory.restore(analysis.entities, analysis.directory, slicer)
    : await EntityDirectory.create(analysis.entities, slicer);
  await slicer.breathe();
  const timeMentions = new Map<string, readonly TimeMention[]>();
  await slicer.each(analysis.timeMentions, ([id, found]) => timeMentions.set(id, found));
  return {
    articles: load.articles,
    articleById,
    passageById,
    aliases: load.aliases,
    problems: load.problems,
    entities,
    entitiesByPassage: mentions.ids,
    timeMentions,
    index,
    load,
    builtAt: new Date().toISOString(),
    fromSnapshot,
    namesByPassage: mentions.names,
    basis: basisOf(analysis),
  };
}

/** The incremental basis, read from the analysis now or, when it has them unparsed, on first use. */
function basisOf(analysis: AnalysisParts): IncrementalBasis {
  const basis: IncrementalBasis = {
    mentions: analysis.mentions,
    lexicon: analysis.lexicon,
    references: analysis.references,
    spoiled: false,
  };
  const readBasis = analysis.readBasis;
  if (readBasis) {
    let reading: Promise<void> | undefined;
    basis.read = () => {
      reading ??= readBasis().then((parts) => {
        basis.mentions = parts.mentions;
        basis.references = parts.references;
        basis.lexicon = parts.lexicon;
        if (parts.mergeKeys) basis.mergeKeys = parts.mergeKeys;
        delete basis.read;
      });
      return reading;
    };
  }
  return basis;
}
