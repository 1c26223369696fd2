/**
 * An incremental reload: the previous archive plus the articles that came, changed or went,
 * without analysing the rest again, and without archive-wide work on the main thread.
 *
 * What is per file is redone for the changed files only: their names (read with the
 * archive's lexicon, whose word counts are updated by exactly what came and went), their
 * dated time expressions, their index documents. What is archive-wide is changed where the
 * change reaches, not redone: the merge of names into entities is live state
 * (`EntityMerge`) that places again only the names a changed key can affect and rebuilds
 * only the entities whose clusters changed; the name directory takes those as a layer
 * beside the previous one (`EntityDirectory.with`); the per-passage maps are the previous
 * archive's seen through a patch (`PatchedMap`); and only passages whose entity names
 * changed are indexed again. The previous archive is left as it was: it answers until the
 * store swaps the new one in. Everything else that loops over the archive runs in slices.
 *
 * Two ways the result can differ from a full build of the same files, both bounded to the
 * lexicon: unchanged files are not read again with the updated counts (a word whose case
 * statistics cross over because of the new file is read the new way in the new file
 * only), and person words are learned from added files but not unlearned from removed
 * ones. A full build (any restart with changed code, aliases or many files) resets both.
 */
import { compileDateRules, extractTimeMentions } from '../extract/dates';
import {
  ArchiveLexicon,
  type BackReference,
  extractEntityMentions,
  passageReferences,
} from '../extract/entities';
import { EntitiesDoNotFit, EntityMerge, type MergeInput } from '../extract/entities/live-merge';
import { runStepsAsync } from '../extract/entities/ranked-keys';
import { foldName } from '../extract/entities/tokens';
import type { Entity, EntityMention, TimeMention } from '../extract/types';
import type { ArticleChanges } from '../knowledge/diff';
import { passageIdCut, positionAfter } from '../knowledge/passage-id';
import type { Article, LoadResult, Passage } from '../knowledge/types';
import type { Archive, IncrementalBasis } from './archive';
import { passageCount as passageCountOf } from './lazy-articles';
import { type MergeKeyColumns, mergeFactsOf } from './merge-section';
import { Slicer } from './pace';
import { PatchedMap } from './patched-map';

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

/** The basis as live structures: a snapshot leaves it as arrays until an update needs it. */
async function liveBasis(
  basis: IncrementalBasis,
  slicer: Slicer,
): Promise<{
  mentions: Map<string, EntityMention[]>;
  lexicon: ArchiveLexicon;
  references: Map<string, BackReference[]>;
}> {
  const mapOf = async <V>(entries: Map<string, V> | [string, V][]): Promise<Map<string, V>> => {
    if (entries instanceof Map) return entries;
    const map = new Map<string, V>();
    await slicer.each(entries, ([id, value]) => {
      map.set(id, value);
    });
    return map;
  };
  basis.mentions = await mapOf(basis.mentions);
  basis.references = await mapOf(basis.references);
  if (!(basis.lexicon instanceof ArchiveLexicon)) {
    basis.lexicon = await runStepsAsync(ArchiveLexicon.restore(basis.lexicon), slicer);
  }
  return { mentions: basis.mentions, lexicon: basis.lexicon, references: basis.references };
}

const inputsOf = (
  article: Article,
  mentions: ReadonlyMap<string, EntityMention[]>,
  references: ReadonlyMap<string, BackReference[]>,
): MergeInput[] =>
  article.passages.map((p, order) => ({
    passageId: p.id,
    articleId: article.id,
    order,
    text: p.text,
    mentions: mentions.get(p.id) ?? [],
    references: references.get(p.id) ?? [],
  }));

/**
 * The live merge's inputs for an archive's passages, made as the merge takes them, not as one
 * list: every passage's input would otherwise outlive a few collections, and be copied into
 * the old generation, for nothing. Where the merge does not read texts, passages that name
 * no one and point back at no one change nothing in it: the inputs are then those of the
 * passages in the maps of names and back references, by their ids (`${articleId}#${index}`,
 * as the loader makes them), and no article is parsed for them (lazy-articles.ts). Going
 * through every passage instead, parsing every restored article, was 1-2 s of a first
 * update's wait at 400k passages; making each passage's id to look it up, 0.35 s.
 */
export function* mergeInputs(
  archive: Archive,
  mentions: ReadonlyMap<string, EntityMention[]>,
  references: ReadonlyMap<string, BackReference[]>,
  readsText: boolean,
  keys?: MergeKeyColumns,
): Generator<MergeInput> {
  if (!readsText) {
    yield* inputsByMaps(archive, mentions, references, keys);
    return;
  }
  // An article's inputs at a time: short-lived, unlike one list of every passage's.
  for (const article of archive.articles) yield* inputsOf(article, mentions, references);
}

/**
 * The inputs of the passages with names, then those with back references only, in the maps'
 * order (the merge's result does not depend on it). A passage whose article the archive does
 * not hold, or does not hold at that position, is left out, as going through the articles
 * would leave it out.
 */
function* inputsByMaps(
  archive: Archive,
  mentions: ReadonlyMap<string, EntityMention[]>,
  references: ReadonlyMap<string, BackReference[]>,
  keys?: MergeKeyColumns,
): Generator<MergeInput> {
  // The article of the passage before: a map's passages mostly come article by article.
  let article: Article | undefined;
  const inputOf = (
    passageId: string,
    names: EntityMention[] | undefined,
  ): MergeInput | undefined => {
    const hash = passageIdCut(passageId);
    if (hash < 0) return undefined;
    if (article === undefined || hash !== article.id.length || !passageId.startsWith(article.id)) {
      article = archive.articleById.get(passageId.slice(0, hash));
      if (article === undefined) return undefined;
    }
    const order = positionAfter(passageId, hash);
    if (order < 0 || order >= passageCountOf(article)) return undefined;
    return {
      passageId,
      articleId: article.id,
      order,
      // Not read where the merge reads no texts.
      text: '',
      mentions: names ?? [],
      references: references.get(passageId) ?? [],
    };
  };
  // Entries, not keys looked up again: one lookup fewer per passage.
  let position = 0;
  for (const [passageId, names] of mentions) {
    const input = inputOf(passageId, names);
    const keysAt = keys ? keysOf(keys, position++, names) : undefined;
    if (input && keysAt !== undefined) input.keysAt = keysAt;
    if (input) yield input;
  }
  for (const passageId of references.keys()) {
    if (mentions.has(passageId)) continue;
    const input = inputOf(passageId, undefined);
    if (input) yield input;
  }
}

/** Names between two checks of a stored key against the name it was stored for. */
const KEY_CHECK_EVERY = 1024;

/**
 * Where the keys of the names of the `position`-th passage of the basis start in `keys`,
 * when there are as many as it has names. Keys are stored in the order of the names (the
 * snapshot writes both from the same map, merge-section.ts); now and then a key is checked
 * against its name folded, and a mismatch throws `EntitiesDoNotFit`, upon which the restore
 * is done again with every name folded.
 */
function keysOf(
  keys: MergeKeyColumns,
  position: number,
  names: readonly EntityMention[],
): number | undefined {
  if (position + 1 >= keys.starts.length) return undefined;
  const start = keys.starts[position] ?? 0;
  if ((keys.starts[position + 1] ?? 0) - start !== names.length) return undefined;
  if (position % KEY_CHECK_EVERY === 0 && names.length > 0) {
    const first = names[0] as EntityMention;
    if (keys.table[keys.keys[start] ?? 0] !== foldName(first.name))
      throw new EntitiesDoNotFit(`(the key of ${first.name})`);
  }
  return start;
}

/**
 * The live merge of an archive that has none yet (built in full, or restored from a
 * snapshot): every passage's cached names placed once, in slices, each cluster described
 * by the archive's own entity for it (a merge of the same names made those), so that
 * they stay shared. Should the entities not fit (they always should), the names are
 * merged in full and the archive's entities adopted wherever they are the same.
 */
async function mergeOf(
  previous: Archive,
  mentions: ReadonlyMap<string, EntityMention[]>,
  references: ReadonlyMap<string, BackReference[]>,
  slicer: Slicer,
): Promise<EntityMerge> {
  // The names' keys as the snapshot stored them, once: updates change the names after this.
  const stored = previous.basis.mergeKeys;
  previous.basis.mergeKeys = undefined;
  // With the stored keys first, then (should they not fit) with every name folded.
  for (const keys of stored ? [stored, undefined] : [undefined]) {
    try {
      const merge = new EntityMerge(previous.aliases);
      await runStepsAsync(
        merge.restore(
          mergeInputs(previous, mentions, references, merge.readsText, keys),
          previous.entities.all(),
          // A restored entity's facts as its snapshot stored them: its mentions stay unparsed.
          mergeFactsOf,
          keys,
          entitiesAt(previous),
        ),
        slicer,
      );
      return merge;
    } catch (error) {
      if (!(error instanceof EntitiesDoNotFit)) throw error;
    }
  }
  const merge = new EntityMerge(previous.aliases);
  await runStepsAsync(
    merge.apply([], mergeInputs(previous, mentions, references, merge.readsText)),
    slicer,
  );
  await runStepsAsync(merge.adopt(previous.entities.all()), slicer);
  return merge;
}

/**
 * The entities `archive` says a passage names, where the live merge's restored clusters find
 * theirs when an update first reaches them (among them, each entity whose first mention is in
 * the passage): the archive restored is the one whose entities they are, and it is left as it
 * was by the updates after it.
 */
export function entitiesAt(archive: Archive): (passageId: string) => Entity[] {
  // Only these two are held (as long as the live merge lives), not the whole archive.
  const { entitiesByPassage, entities: directory } = archive;
  return (passageId) => {
    const entities: Entity[] = [];
    for (const id of entitiesByPassage.get(passageId) ?? []) {
      const entity = directory.get(id);
      if (entity) entities.push(entity);
    }
    return entities;
  };
}

const preparing = new WeakMap<IncrementalBasis, Promise<EntityMerge>>();

/**
 * Makes an archive's basis ready for an update (live maps, the lexicon, the live merge),
 * in slices, once: the store starts this in the background as soon as a full build or a
 * restart serves, so that the first reload after it does not pay for it.
 */
export function prepareUpdates(archive: Archive): Promise<EntityMerge> {
  const { basis } = archive;
  // An updated archive's basis carries the live merge on: nothing to prepare.
  if (basis.merge) return Promise.resolve(basis.merge);
  let ready = preparing.get(basis);
  if (!ready) {
    ready = (async () => {
      const slicer = new Slicer();
      await basis.read?.();
      const { mentions, references, lexicon } = await liveBasis(basis, slicer);
      basis.merge ??= await mergeOf(archive, mentions, references, slicer);
      await warmExtractors(archive, lexicon, slicer);
      return basis.merge;
    })();
    preparing.set(basis, ready);
    // A failure shows in the update that awaits it; nothing else waits on it.
    ready.catch(() => undefined);
  }
  return ready;
}

/** Passages read ahead by `warmExtractors`. */
const WARM_PASSAGES = 24;

/**
 * Texts the extractors first read, shortest first: each compiles a little more of their
 * code and patterns than the one before. One-byte and two-byte (the en dash) texts each:
 * V8 compiles a regexp apart for either kind of string.
 */
const WARM_TEXTS = [
  'Oslo',
  'Kari Nordmann',
  'Mandag 3. mars 2023 kl. 12.30 sa Kari Nordmann i Oslo at det skjer neste uke.',
  'Mandag 3. mars 2023 \u2013 «i går» sa Kari Nordmann i Oslo at det skjer neste uke.',
];

/**
 * An archive built on a worker or restored from a snapshot has not read names or dates on
 * this thread yet, and the first reading compiles the extractors' patterns: 0.1-0.3 s in
 * one step for an article's dates. The date rules' patterns are compiled a rule at a time
 * (a passage's first dates were 30-90 ms in one step), the names read from short texts
 * first, then a few passages, one at a time, between breaths: spread before an update
 * needs them.
 */
async function warmExtractors(archive: Archive, lexicon: ArchiveLexicon, slicer: Slicer) {
  const [oneByte, twoByte] = WARM_TEXTS.slice(2);
  for (const _ of compileDateRules([oneByte ?? '', twoByte ?? ''])) await slicer.breathe();
  for (const text of WARM_TEXTS) {
    extractEntityMentions(text, 'nb', lexicon);
    await slicer.breathe();
  }
  let read = 0;
  for (const article of archive.articles) {
    for (const passage of article.passages) {
      if (read++ >= WARM_PASSAGES) return;
      extractTimeMentions([passage], article.language, article.published);
      await slicer.breathe();
      extractEntityMentions(passage.text, passage.language, lexicon);
      await slicer.breathe();
    }
  }
}

const textsOf = (articles: readonly Article[]) =>
  articles.flatMap((a) => a.passages.map((p) => p.text));

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** A new archive from `previous` and the changes; `commit` puts the index changes in. */
export async function updateArchive(
  previous: Archive,
  load: LoadResult,
  changes: ArticleChanges,
): Promise<{ archive: Archive; commit: () => void }> {
  const slicer = new Slicer();
  // Unchanged articles are read again as new objects: the previous ones (the maps and the
  // index hold those) stand for them, so that one copy of each text is kept, not two.
  const articles: Article[] = [];
  await slicer.each(load.articles, (article) => {
    const known = previous.articleById.get(article.id);
    articles.push(known?.hash === article.hash ? known : article);
  });
  load = { ...load, articles };
  const basis = previous.basis;
  // The basis is changed in place; should anything below throw, it no longer matches
  // `previous`, and the next reload builds in full.
  basis.spoiled = true;
  const merge = await prepareUpdates(previous);
  const { mentions, lexicon, references } = await liveBasis(basis, slicer);
  await slicer.breathe();

  lexicon.count(textsOf(changes.gone), -1);
  lexicon.count(textsOf(changes.came));
  lexicon.learnPersons(textsOf(changes.came));
  const goneIds: string[] = [];
  for (const article of changes.gone) {
    for (const p of article.passages) {
      goneIds.push(p.id);
      mentions.delete(p.id);
      references.delete(p.id);
    }
  }
  const came: MergeInput[] = [];
  for (const article of changes.came) {
    for (const p of article.passages) {
      const found = extractEntityMentions(p.text, p.language, lexicon);
      if (found.length > 0) mentions.set(p.id, found);
      const pointing = passageReferences({ ...p, mentions: found });
      if (pointing.length > 0) references.set(p.id, pointing);
      // A passage at a time: an article's names were one step of 20-100 ms.
      if (slicer.due()) await slicer.breathe();
    }
    came.push(...inputsOf(article, mentions, references));
  }
  const change = await runStepsAsync(merge.apply(goneIds, came), slicer);
  const directory = await previous.entities.with(change.removed, change.added, slicer);

  // What changed per passage; a changed article's passages go, then come again.
  const passages = new Map<string, Passage | undefined>();
  const dated = new Map<string, readonly TimeMention[] | undefined>();
  const changedArticles = new Map<string, Article | undefined>();
  for (const article of changes.gone) {
    changedArticles.set(article.id, undefined);
    for (const p of article.passages) {
      passages.set(p.id, undefined);
      dated.set(p.id, undefined);
    }
  }
  for (const article of changes.came) {
    changedArticles.set(article.id, article);
    const times = extractTimeMentions(article.passages, article.language, article.published);
    article.passages.forEach((passage, i) => {
      passages.set(passage.id, passage);
      const found = times[i] ?? [];
      dated.set(passage.id, found.length > 0 ? found : undefined);
    });
    if (slicer.due()) await slicer.breathe();
  }

  // Entity lists of the passages the merge reached; those kept whose names differ are
  // indexed again.
  const ids = new Map<string, string[] | undefined>();
  const names = new Map<string, string[] | undefined>();
  const renamed: Passage[] = [];
  await slicer.each(change.passages, (id) => {
    const lists = merge.passageEntities(id);
    ids.set(id, lists?.ids);
    names.set(id, lists?.names);
    // Passages that came are indexed whole, those gone leave: only kept ones are renamed.
    if (passages.has(id)) return;
    const passage = previous.passageById.get(id);
    if (passage && !sameList(previous.namesByPassage.get(id) ?? [], lists?.names ?? []))
      renamed.push(passage);
  });

  const archive: Archive = {
    articles: load.articles,
    articleById: await PatchedMap.with(previous.articleById, changedArticles, slicer),
    passageById: await PatchedMap.with(previous.passageById, passages, slicer),
    aliases: load.aliases,
    problems: load.problems,
    entities: directory,
    entitiesByPassage: await PatchedMap.with(previous.entitiesByPassage, ids, slicer),
    timeMentions: await PatchedMap.with(previous.timeMentions, dated, slicer),
    index: previous.index,
    load,
    builtAt: new Date().toISOString(),
    fromSnapshot: false,
    namesByPassage: await PatchedMap.with(previous.namesByPassage, names, slicer),
    basis: { mentions, lexicon, references, merge, spoiled: false },
  };
  await slicer.breathe();
  const index = previous.index;
  const indexInput = {
    articles: load.articles,
    aliases: load.aliases,
    entityNames: archive.namesByPassage,
    passageCount: passageCountOf,
  };
  // Analysed here, in slices, so that the commit only puts the documents in.
  const addedDocuments = await index.documentsToAddAsync(changes.came, indexInput, slicer);
  await index.openTermsAsync(addedDocuments, slicer);
  await slicer.breathe();
  return {
    archive,
    commit: () =>
      index.update(
        { removed: changes.gone, added: changes.came, renamed },
        indexInput,
        addedDocuments,
      ),
  };
}
