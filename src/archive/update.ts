/**
 * An incremental reload: the previous archive plus the articles that came, changed or went,
 * without analysing the rest again.
 *
 * What is per file is redone for the changed files only: their names (read with the
 * archive's lexicon, whose word counts are updated by exactly what came and went), their
 * dated time expressions, their index documents. What is archive-wide is redone from
 * cached parts: the merge of names into entities (short forms, aliases, back references)
 * runs again over every passage's cached names, and passages whose entity names changed
 * are indexed again. Two ways the result can differ from a full build of the same files,
 * both bounded to the lexicon: unchanged files are not read again with the updated counts
 * (a word whose case statistics cross over because of the new file is read the new way in
 * the new file only), and person words are learned from added files but not unlearned from
 * removed ones. A full build (any restart with changed code, aliases or many files) resets both.
 */
import { extractTimeMentions } from '../extract/dates';
import {
  ArchiveLexicon,
  type BackReference,
  buildEntities,
  EntityDirectory,
  extractEntityMentions,
  type PassageMentions,
  passageReferences,
} from '../extract/entities';
import type { EntityMention, TimeMention } from '../extract/types';
import type { Article, LoadResult, Passage } from '../knowledge/types';
import type { Archive, IncrementalBasis } from './archive';
import { type Analysis, mentionMaps } from './build';
import { Slicer } from './pace';

export interface ArticleChanges {
  /** Old versions of articles removed or changed. */
  gone: Article[];
  /** New versions of articles added or changed. */
  came: Article[];
}

/** Which articles differ between two loads, by id and file hash. */
export function articleChanges(
  previous: readonly Article[],
  next: readonly Article[],
): ArticleChanges {
  const before = new Map(previous.map((a) => [a.id, a]));
  const after = new Map(next.map((a) => [a.id, a]));
  const gone = previous.filter((a) => after.get(a.id)?.hash !== a.hash);
  const came = next.filter((a) => before.get(a.id)?.hash !== a.hash);
  return { gone, came };
}

const passageCount = (articles: readonly Article[]) =>
  articles.reduce((n, a) => n + a.passages.length, 0);

/**
 * True when updating `previous` is worth it: same aliases (they reach every passage), a
 * basis to start from, and few enough changed passages that redoing them here, on the main
 * thread in slices, costs less than the full build on a worker.
 */
export function canUpdate(previous: Archive, load: LoadResult, changes: ArticleChanges): boolean {
  if (previous.basis.spoiled) return false;
  const sameAliases =
    JSON.stringify(previous.aliases.map((g) => g.names)) ===
    JSON.stringify(load.aliases.map((g) => g.names));
  const changed = passageCount(changes.gone) + passageCount(changes.came);
  return sameAliases && changed <= Math.max(2000, previous.passageById.size * 0.05);
}

function liveBasis(basis: IncrementalBasis): {
  mentions: Map<string, EntityMention[]>;
  lexicon: ArchiveLexicon;
  references: Map<string, BackReference[]>;
} {
  if (!(basis.mentions instanceof Map)) basis.mentions = new Map(basis.mentions);
  if (!(basis.references instanceof Map)) basis.references = new Map(basis.references);
  if (!(basis.lexicon instanceof ArchiveLexicon)) {
    basis.lexicon = ArchiveLexicon.fromJSON(basis.lexicon);
  }
  return { mentions: basis.mentions, lexicon: basis.lexicon, references: basis.references };
}

const textsOf = (articles: readonly Article[]) =>
  articles.flatMap((a) => a.passages.map((p) => p.text));

/** A new archive from `previous` and the changes; `commit` puts the index changes in. */
export async function updateArchive(
  previous: Archive,
  load: LoadResult,
  changes: ArticleChanges,
): Promise<{ archive: Archive; commit: () => void; analysis: () => Analysis }> {
  const slicer = new Slicer();
  const basis = previous.basis;
  // The basis is changed in place; should anything below throw, it no longer matches
  // `previous`, and the next reload builds in full.
  basis.spoiled = true;
  const { mentions, lexicon, references } = liveBasis(basis);
  await slicer.breathe();

  lexicon.count(textsOf(changes.gone), -1);
  lexicon.count(textsOf(changes.came));
  lexicon.learnPersons(textsOf(changes.came));
  for (const article of changes.gone) {
    for (const p of article.passages) {
      mentions.delete(p.id);
      references.delete(p.id);
    }
  }
  for (const article of changes.came) {
    for (const p of article.passages) {
      const found = extractEntityMentions(p.text, p.language, lexicon);
      if (found.length > 0) mentions.set(p.id, found);
      const pointing = passageReferences({ ...p, mentions: found });
      if (pointing.length > 0) references.set(p.id, pointing);
    }
    if (slicer.due()) await slicer.breathe();
  }

  const passageMentions: PassageMentions[] = [];
  const articleById = new Map<string, Article>();
  const passageById = new Map<string, Passage>();
  await slicer.each(load.articles, (article) => {
    articleById.set(article.id, article);
    for (const passage of article.passages) {
      passageById.set(passage.id, passage);
      passageMentions.push({
        passageId: passage.id,
        articleId: article.id,
        text: passage.text,
        language: passage.language,
        mentions: mentions.get(passage.id) ?? [],
        references: references.get(passage.id) ?? [],
      });
    }
  });
  // The archive-wide merge: one step, its cost measured by the bench (`npm run bench`).
  const entities = buildEntities(passageMentions, load.aliases);
  await slicer.breathe();

  const timeMentions = new Map<string, readonly TimeMention[]>();
  const goneIds = new Set(changes.gone.flatMap((a) => a.passages.map((p) => p.id)));
  await slicer.each(previous.timeMentions, ([id, found]) => {
    if (!goneIds.has(id)) timeMentions.set(id, found);
  });
  for (const article of changes.came) {
    const dated = extractTimeMentions(article.passages, article.language, article.published);
    article.passages.forEach((passage, i) => {
      const found = dated[i] ?? [];
      if (found.length > 0) timeMentions.set(passage.id, found);
    });
    if (slicer.due()) await slicer.breathe();
  }

  const maps = await mentionMaps(entities, slicer);
  const cameIds = new Set(changes.came.flatMap((a) => a.passages.map((p) => p.id)));
  const renamed: Passage[] = [];
  await slicer.each(passageById, ([id, passage]) => {
    if (cameIds.has(id)) return;
    const before = previous.namesByPassage.get(id) ?? [];
    const after = maps.names.get(id) ?? [];
    if (before.length !== after.length || before.some((n, i) => n !== after[i])) {
      renamed.push(passage);
    }
  });
  const directory = await EntityDirectory.create(entities, slicer);
  await slicer.breathe();

  const index = previous.index;
  const archive: Archive = {
    articles: load.articles,
    articleById,
    passageById,
    aliases: load.aliases,
    problems: load.problems,
    entities: directory,
    entitiesByPassage: maps.ids,
    timeMentions,
    index,
    load,
    builtAt: new Date().toISOString(),
    fromSnapshot: false,
    namesByPassage: maps.names,
    basis: { mentions, lexicon, references, spoiled: false },
  };
  return {
    archive,
    commit: () =>
      index.update(
        { removed: changes.gone, added: changes.came, renamed },
        { articles: load.articles, aliases: load.aliases, entityNames: maps.names },
      ),
    analysis: () => ({
      entities,
      timeMentions: [...timeMentions].map(([id, found]) => [id, [...found]]),
      index: index.toJSON(),
      mentions: [...mentions],
      lexicon: lexicon.toJSON(),
      references: [...references],
    }),
  };
}
