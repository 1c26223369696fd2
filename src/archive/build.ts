import { extractTimeMentions } from '../extract/dates';
import {
  buildEntities,
  buildLexicon,
  EntityDirectory,
  extractEntityMentions,
  type PassageMentions,
} from '../extract/entities';
import type { Entity, TimeMention } from '../extract/types';
import type { LoadResult } from '../knowledge/types';
import { PassageIndex } from '../search';
import type { Archive } from './archive';

/** The analysis that is expensive to recompute, in JSON-safe form: what a snapshot stores. */
export interface Analysis {
  entities: Entity[];
  timeMentions: [passageId: string, mentions: TimeMention[]][];
  index: unknown;
}

/** Yields to the event loop so that answers keep flowing while a big archive is analysed. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the extractors over every passage (names with roles, dated time expressions) and
 * indexes the passages. Returns the analysis to snapshot and the index already built, so
 * that a fresh build is not restored from its own snapshot again.
 */
export async function analyse(
  load: LoadResult,
): Promise<{ analysis: Analysis; index: PassageIndex }> {
  const lexicon = buildLexicon(load.articles.flatMap((a) => a.passages.map((p) => p.text)));
  const passageMentions: PassageMentions[] = [];
  const timeMentions: [string, TimeMention[]][] = [];
  for (const article of load.articles) {
    for (const passage of article.passages) {
      passageMentions.push({
        passageId: passage.id,
        articleId: article.id,
        text: passage.text,
        language: passage.language,
        mentions: extractEntityMentions(passage.text, passage.language, lexicon),
      });
    }
    const dated = extractTimeMentions(article.passages, article.language, article.published);
    article.passages.forEach((passage, i) => {
      const found = dated[i] ?? [];
      if (found.length > 0) timeMentions.push([passage.id, found]);
    });
    await breathe();
  }
  const entities = buildEntities(passageMentions, load.aliases);
  const index = await PassageIndex.buildAsync({
    articles: load.articles,
    aliases: load.aliases,
    entityNames: entityNamesByPassage(entities),
  });
  return { analysis: { entities, timeMentions, index: index.toJSON() }, index };
}

function entityNamesByPassage(entities: readonly Entity[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      const list = names.get(mention.passageId) ?? [];
      if (!list.includes(entity.name)) list.push(entity.name);
      names.set(mention.passageId, list);
    }
  }
  return names;
}

/** Puts loaded articles and their analysis together into an archive that answers can read. */
export function assemble(
  load: LoadResult,
  analysis: Analysis,
  fromSnapshot: boolean,
  built?: PassageIndex,
): Archive {
  const articleById = new Map(load.articles.map((a) => [a.id, a]));
  const passageById = new Map(
    load.articles.flatMap((a) => a.passages.map((p) => [p.id, p] as const)),
  );
  const entitiesByPassage = new Map<string, string[]>();
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) {
      const ids = entitiesByPassage.get(mention.passageId) ?? [];
      if (!ids.includes(entity.id)) ids.push(entity.id);
      entitiesByPassage.set(mention.passageId, ids);
    }
  }
  const index =
    built ??
    PassageIndex.fromJSON(analysis.index, {
      articles: load.articles,
      aliases: load.aliases,
      entityNames: entityNamesByPassage(analysis.entities),
    });
  return {
    articles: load.articles,
    articleById,
    passageById,
    aliases: load.aliases,
    problems: load.problems,
    entities: new EntityDirectory(analysis.entities),
    entitiesByPassage,
    timeMentions: new Map(analysis.timeMentions),
    index,
    load,
    builtAt: new Date().toISOString(),
    fromSnapshot,
  };
}
