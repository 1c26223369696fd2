/**
 * The archive-wide merge of names into entities (`buildEntities` in merge.ts), kept as live
 * state so that a reload redoes only what its changed passages reach. The rules are the
 * same, and so is the result (a property test compares the two):
 *
 * - a name's cluster depends on its own key, the archive-wide kind vote and articles of
 *   the full names it may be a short form of, and the alias groups: when passages come or
 *   go, only names whose key is such a short form of a changed key, or is a changed key,
 *   are placed again;
 * - an entity depends on its cluster's names only, except for the roles back references
 *   give it: those are resolved again in the articles that changed, and in every article
 *   naming a cluster whose kind or roles (what back references look at) changed;
 * - ids are slugs numbered in order of first appearance, and only slugs of one family
 *   ("kari", "kari-2", "kari-2-3") can collide: a changed cluster renumbers its family.
 *
 * Everything not reached keeps its Entity object, so that the directory and the maps of the
 * previous archive can be shared. The state is changed in place; a caller that may fail
 * half-way must throw the whole state away (the archive's basis does, with `spoiled`).
 */
import type { AliasGroup } from '../../knowledge/types';
import type { Entity, EntityKind, EntityMention, SourcedRole } from '../types';
import {
  type BackReference,
  chooseFullName,
  describeMembers,
  displayName,
  fullestNames,
  type KnownRole,
  kindOfNames,
  knownRoleOf,
  nameWords,
  pickReferent,
  presentOnly,
  type ReferentRecord,
  rolesOf,
  shortForms,
  slug,
  voteKind,
  withAliasMentions,
} from './merge';
import { StepTimer } from './step-timer';
import { foldName } from './tokens';

/** One passage's names as read before the merge, and its role phrases pointing back. */
export interface MergeInput {
  passageId: string;
  articleId: string;
  /** Position of the passage within its article. */
  order: number;
  /** Read only where the merge looks for aliases in texts (`readsText`): '' may stand for it elsewhere. */
  text: string;
  mentions: readonly EntityMention[];
  references: readonly BackReference[];
  /**
   * For a restore given the names' keys (`NameKeys`): where this passage's start in its
   * `keys`, one per mention, in order. Undefined: the names are folded.
   */
  keysAt?: number;
}

/**
 * The keys of the names a restore is given, as a snapshot stored them (what `foldName`
 * makes of each name): `table[keys[input.keysAt + j]]` is the key of the input's j-th name.
 */
export interface NameKeys {
  table: readonly string[];
  keys: Int32Array;
}

interface PassageState {
  id: string;
  articleId: string;
  order: number;
  items: Item[];
  references: readonly BackReference[];
  /** The cluster each reference gave a role to (undefined: none, or a repeat). */
  targets: (string | undefined)[];
}

/**
 * One name in one passage: there is one per name the archive holds, so it keeps only what it
 * must (its passage's position in the article is the passage's: `earlierInArticle`).
 */
interface Item {
  readonly mention: EntityMention;
  readonly passage: PassageState;
  /** Position among the passage's names; `GONE` once its passage went. */
  seq: number;
  readonly key: string;
  /** '' while not yet placed. */
  cluster: string;
}

/**
 * A new item, made by an object literal rather than a class: V8 tracks a literal's
 * allocation site and, once most of what it makes survives (a restore makes one per name
 * of the archive, 1.5M at 400k passages, and keeps them all), allocates them in the old
 * generation at once. Made by `new`, each was copied by a young collection, then again
 * into the old generation: scavenges of 30-70 ms during a first update's wait.
 */
const newItem = (
  mention: EntityMention,
  passage: PassageState,
  seq: number,
  key: string,
): Item => ({
  mention,
  passage,
  seq,
  key,
  cluster: '',
});

/** An item's `seq` once its passage went: lists of items drop such items when next compacted. */
const GONE = -1;
/** Up to this many items, whether a key is used in an article is looked up without a Set. */
const SCAN_ITEMS = 16;

/**
 * A name key's items and how many of them read as each kind. Lean because there is one per
 * distinct name in the archive (a Map and two Sets each were most of the merge's memory):
 * items as a list that a removal compacts once per update, kinds as counters (`keyKind`
 * serves them as the counts `voteKind` reads), and the articles using it only while an
 * update places names. An object literal (`newKeyState`), as an item is (`newItem`).
 */
interface KeyState {
  /** Made with its first item: a list pushed from [] would keep room for 17 (most keys have one). */
  items: Item[];
  /** Items not gone: the key leaves when none is left. */
  live: number;
  person: number;
  organisation: number;
  place: number;
}

function newKeyState(first: Item): KeyState {
  const state: KeyState = { items: [first], live: 0, person: 0, organisation: 0, place: 0 };
  countItem(state, first, 1);
  return state;
}

function countItem(state: KeyState, item: Item, by: 1 | -1): void {
  const { kind } = item.mention;
  if (kind !== 'other') state[kind] += by;
  state.live += by;
}

/**
 * The key's items per kind, as `voteKind` reads them: one reader for every key, pointed at
 * the key asked about, since a restore asks for each of the archive's keys (75k at 400k
 * passages) and an object with a closure per key was garbage made for one call.
 */
const keyCounts = {
  state: undefined as KeyState | undefined,
  get(kind: EntityKind): number {
    const { state } = keyCounts;
    if (!state) return 0;
    return kind === 'other'
      ? state.live - state.person - state.organisation - state.place
      : state[kind];
  },
};

/** The kind most of the key's items read as (`voteKind`). */
function keyKind(state: KeyState): EntityKind {
  keyCounts.state = state;
  const kind = voteKind(keyCounts);
  keyCounts.state = undefined;
  return kind;
}

/**
 * Whether the key is used in the article. A few items are looked through; for a key used
 * often, a Set of its articles is made in `sets`, which lives as long as one update's
 * placement (kept on the key, such Sets were held for as long as the archive served).
 */
function usedInArticle(
  state: KeyState,
  articleId: string,
  sets: Map<KeyState, Set<string>>,
): boolean {
  if (state.items.length <= SCAN_ITEMS)
    return state.items.some((item) => item.seq !== GONE && item.passage.articleId === articleId);
  let articles = sets.get(state);
  if (!articles) {
    articles = new Set();
    for (const item of state.items) if (item.seq !== GONE) articles.add(item.passage.articleId);
    sets.set(state, articles);
  }
  return articles.has(articleId);
}

interface ClusterState extends ReferentRecord {
  key: string;
  /**
   * Its names. Items that went or moved to another cluster stay in the list until the
   * update that moved them compacts it (`#compact`): one pass per cluster, not one per item.
   */
  items: Item[];
  /** Passages whose back references give this cluster a role (undefined while none: most). */
  backFrom: Set<PassageState> | undefined;
  name: string;
  /** '' until needed when the description was taken from an entity (`restore`). */
  slug: string;
  /** The slug without trailing numbers: `familyOf(slug)`, '' before the first description. */
  family: string;
  id: string;
  /** Where it first appears: the order its family's ids are numbered in. */
  first: Item | undefined;
  mentionRoles: readonly SourcedRole[];
  aliases: string[];
  /** Undefined: those of `entity`, which it was restored from (see `#take`). */
  mentions: Entity['mentions'] | undefined;
  /** The entity as last published (shared with archives built before). */
  entity: Entity | undefined;
  /**
   * For a restored cluster that has not yet taken its entity (`#take`): how many names it
   * had, its last, and how many roles its entity must have, as the restore found them (an
   * update may change them before it takes the entity). -1: no entity awaited.
   */
  restoredCount: number;
  restoredLast: Item | undefined;
  restoredRoles: number;
}

export interface MergeChange {
  /** Entities gone, or replaced by a new version. */
  removed: Entity[];
  /** New entities and new versions of changed ones. */
  added: Entity[];
  /** Passages whose entity ids or names may differ now. */
  passages: Set<string>;
}

/**
 * What a restore reads of an entity to take it for its cluster: how many mentions it has,
 * where the first and the last are, and how many roles. A snapshot stores these beside the
 * entities (archive/merge-section.ts), so that a restore need not parse every restored
 * entity's mentions for them (lazy-entities.ts): 1.4 s of a first update's wait at 400k.
 */
export interface EntityFacts {
  mentions: number;
  firstPassage: string;
  firstStart: number;
  lastPassage: string;
  lastStart: number;
  roles: number;
}

/** An entity's facts, read from its mentions and roles. */
export function factsOfEntity(entity: Entity): EntityFacts {
  const { mentions, roles } = entity;
  const first = mentions[0];
  const last = mentions[mentions.length - 1];
  return {
    mentions: mentions.length,
    firstPassage: first?.passageId ?? '',
    firstStart: first?.start ?? -1,
    lastPassage: last?.passageId ?? '',
    lastStart: last?.start ?? -1,
    roles: roles.length,
  };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Archive order: articles by id (as a load sorts them), then passages, then names. */
function comparePassages(a: PassageState, b: PassageState): number {
  return compareText(a.articleId, b.articleId) || a.order - b.order;
}

function compareItems(a: Item, b: Item): number {
  return comparePassages(a.passage, b.passage) || a.seq - b.seq;
}

/** Whether the items are in archive order already (as a whole merge or a restore joins them). */
function inArchiveOrder(items: readonly Item[]): boolean {
  for (let i = 1; i < items.length; i++)
    if (compareItems(items[i - 1] as Item, items[i] as Item) >= 0) return false;
  return true;
}

/** Ids a slug can be numbered into ("kari" -> "kari-2") share the slug without trailing numbers. */
const familyOf = (id: string): string => (endsInDigit(id) ? id.replace(/(?:-\d+)+$/u, '') : id);

/** Most ids end in a letter: no pattern run for them (a restore asks for each cluster's). */
function endsInDigit(id: string): boolean {
  const last = id.charCodeAt(id.length - 1);
  return last >= 48 && last <= 57;
}

export class EntityMerge {
  readonly #aliases: readonly AliasGroup[];
  /** Whether an alias can be found in a passage's text beside its names (`withAliasMentions`). */
  readonly #aliasesInText: boolean;
  readonly #groupOf = new Map<string, string>();
  readonly #passages = new Map<string, PassageState>();
  readonly #articles = new Map<string, PassageState[]>();
  readonly #keys = new Map<string, KeyState>();
  /** Short form -> the full person names it may stand for. */
  readonly #fullNames = new Map<string, string[]>();
  readonly #fullKeys = new Set<string>();
  readonly #clusters = new Map<string, ClusterState>();
  /** Clusters by family: most families hold one cluster, so lists rather than Sets. */
  readonly #families = new Map<string, ClusterState | ClusterState[]>();
  readonly #folded = new Map<string, string>();
  readonly #slugs = new Map<string, string>();
  readonly #roleKeys = new Map<string, KnownRole>();
  readonly #shortForms = new Map<string, string[]>();
  /** What restored clusters take their entities from, until they have (`#take`). */
  #awaiting: Awaiting | undefined;
  /** Differences `adopt` found, reported by the next `apply`. */
  #pending: MergeChange = { removed: [], added: [], passages: new Set() };

  constructor(aliases: readonly AliasGroup[]) {
    this.#aliases = aliases;
    this.#aliasesInText = aliases.some((group) => group.names.some(readsInText));
    aliases.forEach((group, index) => {
      for (const name of group.names) this.#groupOf.set(foldName(name), `alias#${index}`);
    });
  }

  get size(): number {
    return this.#clusters.size;
  }

  /**
   * Whether a passage that names no one can still give it a name (an alias it looks for in
   * the text). When not, a passage without names or back references changes nothing here,
   * and a restore need not be given it (most of an archive's passages).
   */
  get readsText(): boolean {
    return this.#aliasesInText;
  }

  *entities(): Generator<Entity> {
    for (const cluster of this.#clusters.values()) {
      this.#take(cluster);
      if (cluster.entity) yield cluster.entity;
    }
  }

  /**
   * Takes over the entities of an archive built before wherever they equal what this state
   * computed, so that they stay shared. Where one differs (or is missing on either side),
   * the next `apply` reports the difference, so that the archive heals.
   */
  *adopt(previous: Iterable<Entity>): Generator<void, void> {
    const byId = new Map<string, Entity>();
    const steps = new StepTimer();
    for (const entity of previous) {
      byId.set(entity.id, entity);
      if (steps.due()) yield;
    }
    const note = (entity: Entity) => {
      for (const mention of entity.mentions) this.#pending.passages.add(mention.passageId);
    };
    for (const cluster of this.#clusters.values()) {
      this.#take(cluster);
      const known = byId.get(cluster.id);
      byId.delete(cluster.id);
      const computed = cluster.entity;
      if (known && computed && sameEntity(known, computed)) cluster.entity = known;
      else {
        if (known) {
          this.#pending.removed.push(known);
          note(known);
        }
        if (computed) {
          this.#pending.added.push(computed);
          note(computed);
        }
      }
      if (steps.due()) yield;
    }
    for (const left of byId.values()) {
      this.#pending.removed.push(left);
      note(left);
    }
  }

  /**
   * The state an archive's passages merged whole give, with the archive's entities (which a
   * merge of the same passages made) taken for what they already say: names are placed as
   * `apply` places them, but each cluster takes its description, id and entity from the
   * entity whose first mention is its first name, instead of working them out again (most
   * of a whole merge's time). It takes it when an update first reaches the cluster (`#take`:
   * an update reaches a few hundred of 70k clusters at 400k passages), found among the
   * entities `entitiesAt` gives for the passage of its first name (by default, a map of
   * `entities` by that passage, made when first needed); until then the cluster has what
   * back references read (kind and roles), from its own names.
   *
   * Throws `EntitiesDoNotFit` where there are not as many entities as clusters (the state
   * is then half made, and `apply` with `adopt` on a new merge does the whole work), and
   * where a cluster takes an entity that does not fit it (for an update, its caller then
   * builds in full).
   */
  *restore(
    inputs: Iterable<MergeInput>,
    entities: Iterable<Entity>,
    factsOf: (entity: Entity) => EntityFacts = factsOfEntity,
    keys?: NameKeys,
    entitiesAt?: (passageId: string) => Iterable<Entity>,
  ): Generator<void, void> {
    const all = Array.isArray(entities) ? (entities as readonly Entity[]) : [...entities];
    const steps = new StepTimer();
    // The entities by family, which renumbering a family reads (`#takeFamily`).
    const families = new Map<string, Entity | Entity[]>();
    for (const entity of all) {
      const family = familyOf(entity.id);
      const there = families.get(family);
      if (there === undefined) families.set(family, entity);
      else if (Array.isArray(there)) there.push(entity);
      else families.set(family, [there, entity]);
      if (steps.due()) yield;
    }
    this.#awaiting = { factsOf, at: entitiesAt ?? byFirstMention(all, factsOf), families };
    const known: Restoring = { keys, states: keys ? new Array(keys.table.length) : [] };
    yield* this.#apply([], inputs, known);
    if (this.#clusters.size !== all.length) {
      // Every cluster takes its entity now, to name one that does not fit, or the one left.
      const taken = new Set(this.entities());
      throw new EntitiesDoNotFit(all.find((entity) => !taken.has(entity))?.id ?? '');
    }
    // Caches of what every name gave: an update needs only its own names' again.
    this.#folded.clear();
    this.#shortForms.clear();
  }

  /** The entity ids and names a passage mentions, in the order the passage first names them. */
  passageEntities(passageId: string): { ids: string[]; names: string[] } | undefined {
    const passage = this.#passages.get(passageId);
    if (!passage || passage.items.length === 0) return undefined;
    const placed: { start: number; entity: Entity }[] = [];
    for (const item of passage.items) {
      const cluster = this.#clusters.get(item.cluster);
      if (cluster) this.#take(cluster);
      const entity = cluster?.entity;
      if (entity) placed.push({ start: item.mention.start, entity });
    }
    return listEntities(placed);
  }

  /**
   * Passages `gone` (by id) leave and `came` ones join (whole articles at a time: a changed
   * article is its old passages gone and its new ones come). Yields between units of work.
   */
  apply(gone: Iterable<string>, came: Iterable<MergeInput>): Generator<void, MergeChange> {
    return this.#apply(gone, came, undefined);
  }

  /** `apply`; with `known`, clusters take their entity from there (see `restore`). */
  *#apply(
    gone: Iterable<string>,
    came: Iterable<MergeInput>,
    known: Restoring | undefined,
  ): Generator<void, MergeChange> {
    const affectedKeys = new Set<string>();
    // Clusters whose names changed, and clusters whose back-reference roles changed.
    const members = new Set<ClusterState>();
    const backs = new Set<ClusterState>();
    // Clusters that lost names: their lists are compacted once, before they are described.
    const thinned = new Set<ClusterState>();
    const passages = new Set<string>();
    const redo = new Set<string>();
    const steps = new StepTimer();

    for (const id of gone) {
      passages.add(id);
      const passage = this.#passages.get(id);
      if (!passage) continue;
      this.#passages.delete(id);
      for (const item of passage.items) {
        this.#unkey(item);
        affectedKeys.add(item.key);
        const cluster = this.#clusters.get(item.cluster);
        if (cluster) {
          thinned.add(cluster);
          members.add(cluster);
        }
      }
      for (const target of passage.targets) {
        const cluster = target === undefined ? undefined : this.#clusters.get(target);
        if (!cluster) continue;
        cluster.backFrom?.delete(passage);
        backs.add(cluster);
      }
      const article = this.#articles.get(passage.articleId);
      const left = article?.filter((p) => p !== passage) ?? [];
      if (left.length > 0) this.#articles.set(passage.articleId, left);
      else this.#articles.delete(passage.articleId);
      if (steps.due()) yield;
    }

    // The keys that lost items drop them, once each.
    for (const key of affectedKeys) {
      const state = this.#keys.get(key);
      if (state) state.items = state.items.filter((item) => item.seq !== GONE);
    }

    for (const input of came) {
      const passage: PassageState = {
        id: input.passageId,
        articleId: input.articleId,
        order: input.order,
        items: NO_ITEMS,
        // Most passages point back at no one: they share one empty list, not the caller's.
        references: input.references.length > 0 ? input.references : NO_REFERENCES,
        targets: NO_TARGETS,
      };
      // Most passages name no one: they share one empty list (a restore makes one per passage).
      const mentions = this.#aliasesInText
        ? withAliasMentions({ text: input.text, mentions: [...input.mentions] }, this.#aliases)
        : input.mentions;
      // A restore given the names' keys reads them from a table, and each key's state from a
      // list by its number: neither folds nor looks a name up (`NameKeys`).
      // (Not where aliases found in the text join the names: the keys are the input's names'.)
      const keys = this.#aliasesInText ? undefined : known?.keys;
      const keysAt = keys && input.keysAt !== undefined ? input.keysAt : -1;
      // The passage's items, gathered in one list shared by every passage (no step ends
      // inside a passage, so no other passage uses it meanwhile).
      const gathered = GATHERED;
      gathered.length = 0;
      for (let j = 0; j < mentions.length; j++) {
        const mention = mentions[j] as EntityMention;
        const number = keysAt < 0 ? -1 : (keys?.keys[keysAt + j] ?? -1);
        const key = number < 0 ? this.#fold(mention.name) : (keys?.table[number] ?? '');
        if (!key) continue;
        const item = newItem(mention, passage, gathered.length, key);
        gathered.push(item);
        if (number < 0 || !known) this.#key(item);
        else this.#keyNumbered(item, number, known.states);
        // A restore looks at every key (below): no Set of them all.
        if (!known) affectedKeys.add(key);
      }
      // A restore's change is not reported: every passage would be in it.
      if (!known) passages.add(passage.id);
      // A passage naming no one and pointing back at no one changes nothing here: it is not
      // kept (most passages of an archive are such), and its going is only reported.
      if (gathered.length === 0 && passage.references.length === 0) {
        if (steps.due()) yield;
        continue;
      }
      // Kept for as long as the merge lives: a list exactly as long as the passage's names
      // (one pushed from [] keeps room for 17), made once, not grown and then copied.
      if (gathered.length > 0) {
        passage.items = gathered.slice();
        gathered.length = 0;
      }
      this.#passages.set(passage.id, passage);
      const article = this.#articles.get(passage.articleId);
      if (!article) this.#articles.set(passage.articleId, [passage]);
      else {
        article.push(passage);
        if ((article[article.length - 2]?.order ?? 0) > passage.order)
          article.sort((a, b) => a.order - b.order);
      }
      // A restore resolves only what points back: its articles' names are all placed anew.
      if (!known || passage.references.length > 0) redo.add(passage.articleId);
      if (steps.due()) yield;
    }

    // A key whose standing as a full person name may have changed reaches its short forms.
    const placeAgain = new Set(affectedKeys);
    // A restore goes through every key with its state: no key looked up again.
    for (const [key, state] of known ? this.#keys : withStates(affectedKeys, this.#keys)) {
      if (steps.due()) yield;
      const isFull =
        state !== undefined && keyKind(state) === 'person' && nameWords(key).length >= 2;
      const wasFull = this.#fullKeys.has(key);
      if (!known && (isFull || wasFull))
        for (const short of this.#shortFormsOf(key)) placeAgain.add(short);
      if (isFull && !wasFull) {
        this.#fullKeys.add(key);
        for (const short of this.#shortFormsOf(key)) {
          const list = this.#fullNames.get(short);
          if (list) list.push(key);
          else this.#fullNames.set(short, [key]);
        }
      } else if (!isFull && wasFull) {
        this.#fullKeys.delete(key);
        for (const short of this.#shortFormsOf(key)) {
          const list = this.#fullNames.get(short) ?? [];
          const left = list.filter((full) => full !== key);
          if (left.length > 0) this.#fullNames.set(short, left);
          else this.#fullNames.delete(short);
        }
      }
    }

    const placing = known ? this.#keys : withStates(placeAgain, this.#keys);
    const articleSets = new Map<KeyState, Set<string>>();
    for (const [key, state] of placing) {
      if (!state) continue;
      // Worked out once per key: the full names it may stand for (most keys: none), and
      // where its names go when they stand for none of them.
      const candidates = this.#candidatesOf(key);
      const own = this.#groupOf.get(key) ?? key;
      // The cluster joined last: a key's names mostly go to one.
      let to: ClusterState | undefined;
      for (const item of state.items) {
        // An item costs by the full names it is weighed against (thousands for "hansen").
        if (steps.due(1 + candidates.length)) yield;
        const cluster =
          candidates.length === 0 ? own : this.#place(item, candidates, own, articleSets);
        if (cluster === item.cluster) continue;
        if (item.cluster !== '') {
          const from = this.#clusters.get(item.cluster);
          if (from) {
            thinned.add(from);
            members.add(from);
          }
          redo.add(item.passage.articleId);
          passages.add(item.passage.id);
        }
        item.cluster = cluster;
        if (to?.key === cluster) to.items.push(item);
        else to = this.#join(cluster, item);
        // A restore describes every cluster (below): no Set of them all.
        if (!known) members.add(to);
      }
    }

    // Clusters left without names go; the others are described again, and where what back
    // references look at (kind, roles) changed, every article naming them resolves again.
    const emptied = new Set<ClusterState>();
    for (const cluster of known ? this.#clusters.values() : members) {
      // A restored cluster an update reaches takes its entity first: what it was.
      if (!known) this.#take(cluster);
      if (thinned.has(cluster)) {
        // What went, and what moved to another cluster, leaves the list.
        cluster.items = cluster.items.filter(
          (item) => item.seq !== GONE && item.cluster === cluster.key,
        );
      }
      // A cluster costs by its names (one holds thousands).
      if (steps.due(cluster.items.length)) yield;
      if (cluster.items.length === 0) {
        this.#clusters.delete(cluster.key);
        emptied.add(cluster);
        for (const passage of cluster.backFrom ?? []) redo.add(passage.articleId);
        continue;
      }
      if (known) {
        // A restore resolves every article's back references anyway (all its passages came).
        this.#restoreOwn(cluster);
        if (steps.due()) yield;
        continue;
      }
      const before = referentKey(cluster);
      this.#describe(cluster);
      if (referentKey(cluster) !== before) {
        for (const item of cluster.items) redo.add(item.passage.articleId);
        for (const passage of cluster.backFrom ?? []) redo.add(passage.articleId);
      }
      if (steps.due()) yield;
    }

    for (const articleId of redo) {
      const article = this.#articles.get(articleId);
      if (!article) continue;
      // Most articles point back at no one: their names are gathered only when one does.
      let articleItems: Item[] | undefined;
      for (const passage of article) {
        if (passage.references.length === 0) continue;
        articleItems ??= article.flatMap((p) => p.items);
        // A passage costs by its references and its article's names: some articles are long.
        if (steps.due(passage.references.length * (1 + articleItems.length))) yield;
        const targets = this.#resolveReferences(passage, articleItems);
        if (targets.every((t, i) => t === passage.targets[i])) continue;
        for (const target of passage.targets) {
          const cluster = target === undefined ? undefined : this.#clusters.get(target);
          if (!cluster) continue;
          cluster.backFrom?.delete(passage);
          backs.add(cluster);
        }
        passage.targets = targets;
        for (const target of targets) {
          const cluster = target === undefined ? undefined : this.#clusters.get(target);
          if (!cluster) continue;
          cluster.backFrom ??= new Set();
          cluster.backFrom.add(passage);
          backs.add(cluster);
        }
      }
      if (steps.due()) yield;
    }

    if (known) {
      // The roles the entity a cluster takes must have: its own, and those its back
      // references give (`#take` checks them).
      for (const cluster of this.#clusters.values()) {
        if (cluster.backFrom !== undefined) cluster.restoredRoles += backRoles(cluster);
        if (steps.due()) yield;
      }
      // Nothing is reported (every entity is as it was); what `adopt` found waits.
      return { removed: [], added: [], passages };
    }

    // Ids: every family a changed cluster was or is in is numbered again.
    const changed = new Set<ClusterState>();
    for (const cluster of [...members, ...backs]) {
      if (emptied.has(cluster) || !this.#clusters.has(cluster.key)) continue;
      changed.add(cluster);
    }
    const families = new Set<string>();
    for (const cluster of emptied) {
      if (cluster.id) families.add(familyOf(cluster.id));
      this.#leaveFamily(cluster);
    }
    for (const cluster of changed) {
      if (steps.due()) yield;
      this.#take(cluster);
      if (cluster.id) families.add(familyOf(cluster.id));
      const family = familyOf(this.#slugOf(cluster));
      families.add(family);
      this.#joinFamily(cluster, family);
    }
    for (const family of families) {
      const members = this.#familyOf(family);
      const used = new Set<string>();
      for (const cluster of members.sort((a, b) => compareFirst(a.first, b.first))) {
        const slug = this.#slugOf(cluster);
        let id = slug;
        for (let k = 2; used.has(id); k++) id = `${slug}-${k}`;
        used.add(id);
        if (cluster.id !== id) {
          cluster.id = id;
          changed.add(cluster);
        }
      }
    }

    const removed = this.#pending.removed;
    const added = this.#pending.added;
    for (const id of this.#pending.passages) passages.add(id);
    this.#pending = { removed: [], added: [], passages: new Set() };
    for (const cluster of emptied) {
      if (cluster.entity) removed.push(cluster.entity);
      cluster.entity = undefined;
    }
    for (const cluster of changed) {
      const before = cluster.entity;
      const entity = this.#entityOf(cluster);
      if (before && sameEntity(before, entity)) continue;
      if (before) removed.push(before);
      added.push(entity);
      cluster.entity = entity;
      if (!before || before.id !== entity.id || before.name !== entity.name)
        for (const item of cluster.items) passages.add(item.passage.id);
      if (steps.due()) yield;
    }
    return { removed, added, passages };
  }

  /** A family's clusters, as a new list (restored ones take their entities first). */
  #familyOf(family: string): ClusterState[] {
    this.#takeFamily(family);
    const there = this.#families.get(family);
    return there === undefined ? [] : Array.isArray(there) ? [...there] : [there];
  }

  // Most families hold one cluster: that one is kept without a list.
  #joinFamily(cluster: ClusterState, family: string): void {
    if (cluster.family === family) return;
    this.#leaveFamily(cluster);
    const there = this.#families.get(family);
    if (there === undefined) this.#families.set(family, cluster);
    else if (Array.isArray(there)) there.push(cluster);
    else this.#families.set(family, [there, cluster]);
    cluster.family = family;
  }

  #slugOf(cluster: ClusterState): string {
    if (cluster.slug === '') cluster.slug = this.#slug(cluster.name);
    return cluster.slug;
  }

  #leaveFamily(cluster: ClusterState): void {
    const there = this.#families.get(cluster.family);
    if (there === cluster) this.#families.delete(cluster.family);
    else if (Array.isArray(there)) {
      const left = there.filter((other) => other !== cluster);
      if (left.length === 0) this.#families.delete(cluster.family);
      else this.#families.set(cluster.family, left.length === 1 ? (left[0] as ClusterState) : left);
    }
    cluster.family = '';
  }

  readonly #foldName = (name: string): string => this.#fold(name);

  #slug(name: string): string {
    let known = this.#slugs.get(name);
    if (known === undefined) {
      known = slug(name);
      this.#slugs.set(name, known);
    }
    return known;
  }

  #fold(name: string): string {
    let key = this.#folded.get(name);
    if (key === undefined) {
      key = foldName(name);
      this.#folded.set(name, key);
    }
    return key;
  }

  #shortFormsOf(key: string): string[] {
    let forms = this.#shortForms.get(key);
    if (!forms) {
      forms = shortForms(key);
      this.#shortForms.set(key, forms);
    }
    return forms;
  }

  /** Counts the item in its key's state (made with it when there is none); returns the state. */
  #key(item: Item): KeyState {
    let state = this.#keys.get(item.key);
    if (!state) {
      state = newKeyState(item);
      this.#keys.set(item.key, state);
    } else {
      countItem(state, item, 1);
      state.items.push(item);
    }
    return state;
  }

  /** `#key`, the key's state looked up by the key's number in a restore's `states` first. */
  #keyNumbered(item: Item, number: number, states: (KeyState | undefined)[]): void {
    const state = states[number];
    if (state) {
      countItem(state, item, 1);
      state.items.push(item);
      return;
    }
    // A key met first: the map may have it already (from a name folded).
    states[number] = this.#key(item);
  }

  /** Counts the item out and marks it gone; its key's list drops it later (see `#apply`). */
  #unkey(item: Item): void {
    item.seq = GONE;
    const state = this.#keys.get(item.key);
    if (!state) return;
    countItem(state, item, -1);
    if (state.live === 0) this.#keys.delete(item.key);
  }

  /** The cluster a name joins: as `resolveShortForms` and `joinAliasGroups` decide it. */
  /** The full person names a key may be a short form of (the fullest of them). */
  #candidatesOf(key: string): string[] {
    const known = this.#fullNames.get(key);
    // Most keys are no short form of any full name: no list made for them.
    if (known === undefined) return NO_NAMES;
    const all = known.filter((full) => full !== key);
    return all.length === 0 ? all : fullestNames(all, (name) => this.#shortFormsOf(name));
  }

  /**
   * The cluster a name joins: as `resolveShortForms` and `joinAliasGroups` decide it, given
   * its key's `candidates` and where it goes when it stands for none (`own`).
   */
  #place(
    item: Item,
    candidates: readonly string[],
    own: string,
    articleSets: Map<KeyState, Set<string>>,
  ): string {
    if (item.mention.kind === 'organisation' || item.mention.kind === 'place') return own;
    const articleId = item.passage.articleId;
    const chosen = chooseFullName(candidates, (full) => {
      const state = this.#keys.get(full);
      return state !== undefined && usedInArticle(state, articleId, articleSets);
    });
    if (chosen === undefined) return own;
    return this.#groupOf.get(chosen) ?? this.#groupOf.get(item.key) ?? chosen;
  }

  /** Adds the item to the cluster `key`, made with it when there is none. */
  #join(key: string, item: Item): ClusterState {
    let cluster = this.#clusters.get(key);
    if (cluster) cluster.items.push(item);
    else {
      cluster = {
        key,
        // Made with its first name: a list pushed from [] keeps room for 17 (most have one).
        items: [item],
        backFrom: undefined,
        name: '',
        slug: '',
        family: '',
        id: '',
        first: undefined,
        kind: 'other',
        knownRoles: NO_ROLES,
        mentionRoles: NO_ROLES,
        aliases: NO_NAMES,
        mentions: NO_MENTIONS,
        entity: undefined,
        restoredCount: -1,
        restoredLast: undefined,
        restoredRoles: 0,
      };
      this.#clusters.set(key, cluster);
    }
    return cluster;
  }

  /** What a cluster's own names make of it: as `buildRecords` does. */
  #describe(cluster: ClusterState): void {
    // Names join in archive order when an archive is merged whole: sort only when not.
    const members = cluster.items;
    if (!inArchiveOrder(members)) members.sort(compareItems);
    const group = cluster.key.startsWith('alias#')
      ? this.#aliases[Number(cluster.key.slice(6))]
      : undefined;
    const name = group?.names[0] ?? displayName(members, this.#foldName);
    const described = describeMembers(
      name,
      members.map(({ mention, passage }) => ({
        mention,
        passageId: passage.id,
        articleId: passage.articleId,
      })),
      group?.names ?? [],
      this.#foldName,
    );
    cluster.name = name;
    cluster.slug = this.#slug(name);
    cluster.first = members[0];
    cluster.kind = described.kind;
    cluster.aliases = described.aliases;
    cluster.mentionRoles = described.roles.length > 0 ? described.roles : NO_ROLES;
    cluster.knownRoles = this.#knownRoles(described.roles);
    cluster.mentions = described.mentions;
  }

  /**
   * A restored cluster described by what its own names say of what back references read
   * (kind, roles), which a restore needs to resolve them; the rest it takes from the entity a
   * whole merge made of it when an update first reaches it (`#take`), so that a restore
   * looks no entity up.
   */
  #restoreOwn(cluster: ClusterState): void {
    const members = cluster.items;
    if (!inArchiveOrder(members)) members.sort(compareItems);
    // Most clusters have no role: no lists made for them.
    const roles = members.some(({ mention }) => mention.role)
      ? rolesOf(
          members
            .filter(({ mention }) => mention.role)
            .map(({ mention, passage }) => ({
              mention,
              passageId: passage.id,
              articleId: passage.articleId,
            })),
        )
      : NO_ROLES;
    cluster.first = members[0];
    // As `describeMembers` decides it: what the entity made of these names says.
    cluster.kind = kindOfNames(members, roles.length > 0);
    cluster.mentionRoles = roles.length > 0 ? roles : NO_ROLES;
    cluster.knownRoles = this.#knownRoles(roles);
    cluster.restoredCount = members.length;
    cluster.restoredLast = members[members.length - 1];
    cluster.restoredRoles = roles.length;
  }

  /**
   * A restored cluster takes the entity a whole merge made of it, found by its first name,
   * checked against what the restore found (as many names, the last the same, its roles, its
   * kind): its description and id, and the entity itself (shared with the archive). Throws
   * `EntitiesDoNotFit` where no entity fits. Nothing to do for any other cluster.
   */
  #take(cluster: ClusterState): void {
    const awaiting = this.#awaiting;
    if (cluster.restoredCount < 0 || !awaiting) return;
    const first = cluster.first as Item;
    const last = cluster.restoredLast as Item;
    let entity: Entity | undefined;
    let facts: EntityFacts | undefined;
    for (const candidate of awaiting.at(first.passage.id)) {
      const its = awaiting.factsOf(candidate);
      if (its.firstPassage !== first.passage.id || its.firstStart !== first.mention.start) continue;
      entity = candidate;
      facts = its;
      break;
    }
    if (
      !entity ||
      !facts ||
      facts.mentions !== cluster.restoredCount ||
      facts.lastPassage !== last.passage.id ||
      facts.lastStart !== last.mention.start ||
      facts.roles !== cluster.restoredRoles ||
      entity.kind !== cluster.kind
    )
      throw new EntitiesDoNotFit(entity?.id ?? `${first.passage.id} ${first.mention.start}`);
    cluster.restoredCount = -1;
    cluster.restoredLast = undefined;
    cluster.name = entity.name;
    cluster.slug = '';
    cluster.aliases = entity.aliases;
    // The entity's own, read when a new version of it is made (restored entities parse
    // their mentions on first use).
    cluster.mentions = undefined;
    cluster.id = entity.id;
    cluster.entity = entity;
    this.#joinFamily(cluster, familyOf(entity.id));
  }

  /**
   * The restored clusters of a family take their entities: renumbering it reads them all. A
   * restored entity's cluster is the one its first name is in (had that name moved, its
   * cluster had been reached, and had taken the entity, then).
   */
  #takeFamily(family: string): void {
    const waiting = this.#awaiting?.families.get(family);
    if (!this.#awaiting || waiting === undefined) return;
    this.#awaiting.families.delete(family);
    for (const entity of Array.isArray(waiting) ? waiting : [waiting]) {
      const facts = this.#awaiting.factsOf(entity);
      const first = this.#passages
        .get(facts.firstPassage)
        ?.items.find((item) => item.mention.start === facts.firstStart);
      const cluster = first && this.#clusters.get(first.cluster);
      if (cluster) this.#take(cluster);
    }
  }

  #knownRoles(roles: readonly SourcedRole[]): readonly KnownRole[] {
    return roles.length > 0 ? roles.map((r) => this.#knownRole(r.role)) : NO_ROLES;
  }

  #knownRole(role: string): KnownRole {
    let known = this.#roleKeys.get(role);
    if (!known) {
      known = knownRoleOf(role);
      this.#roleKeys.set(role, known);
    }
    return known;
  }

  /** Who each of a passage's back references gives its role to: as `attachBackReferences`. */
  #resolveReferences(passage: PassageState, articleItems: readonly Item[]): (string | undefined)[] {
    const targets: (string | undefined)[] = [];
    for (const reference of passage.references) {
      const earlier = earlierInArticle(articleItems, passage.order, reference.start);
      const target = pickReferent(reference, presentOnly(earlier), this.#clusters);
      const repeat =
        target !== undefined &&
        (passage.items.some(
          (item) => item.cluster === target.key && item.mention.role === reference.role,
        ) ||
          passage.references.some(
            (other, i) =>
              i < targets.length && targets[i] === target.key && other.role === reference.role,
          ));
      targets.push(target && !repeat ? target.key : undefined);
    }
    return targets;
  }

  #entityOf(cluster: ClusterState): Entity {
    const roles = [...cluster.mentionRoles];
    for (const passage of [...(cluster.backFrom ?? [])].sort(comparePassages)) {
      passage.references.forEach((reference, i) => {
        if (passage.targets[i] !== cluster.key) return;
        roles.push({
          role: reference.role,
          roleText: reference.roleText,
          passageId: passage.id,
          articleId: passage.articleId,
        });
      });
    }
    return {
      id: cluster.id,
      name: cluster.name,
      kind: cluster.kind,
      aliases: cluster.aliases,
      roles,
      mentions: cluster.mentions ?? cluster.entity?.mentions ?? NO_MENTIONS,
    };
  }
}

/** An archive's entities do not fit the clusters its passages make (see `restore`). */
export class EntitiesDoNotFit extends Error {
  constructor(readonly entityId: string) {
    super(`entity ${entityId} does not fit the merge of the archive's passages`);
  }
}

/** Shared by every passage that names no one, and every one not yet resolved: never changed in place. */
const NO_ITEMS: Item[] = [];
/** Where `#apply` gathers a passage's items before it keeps a copy of them. */
const GATHERED: Item[] = [];

/** `earlierThan` of the whole merge, for items whose position is their passage's. */
function earlierInArticle(articleItems: readonly Item[], order: number, at: number): Item[] {
  return articleItems
    .filter(
      (item) =>
        item.passage.order < order || (item.passage.order === order && item.mention.end <= at),
    )
    .sort((a, b) => b.passage.order - a.passage.order || b.mention.start - a.mention.start);
}
const NO_TARGETS: (string | undefined)[] = [];
const NO_REFERENCES: readonly BackReference[] = [];
/** Shared by the (most) clusters without roles, and clusters not yet described. */
const NO_ROLES: readonly never[] = [];
const NO_NAMES: string[] = [];
const NO_MENTIONS: Entity['mentions'] = [];

/** An alias `withAliasMentions` looks for in the text: several words, or a lowercase one. */
const readsInText = (alias: string): boolean => /\s|^\p{Ll}/u.test(alias);

/** What a restore is given beside the passages: the names' keys, and each key's state by its number once met. */
interface Restoring {
  keys: NameKeys | undefined;
  states: (KeyState | undefined)[];
}

/** Where restored clusters find their entities (see `restore`). */
interface Awaiting {
  factsOf: (entity: Entity) => EntityFacts;
  /** Entities among which is every one whose first mention is in the passage. */
  at: (passageId: string) => Iterable<Entity>;
  /** Restored entities by family, until an update renumbers the family (`#takeFamily`). */
  families: Map<string, Entity | Entity[]>;
}

/** `Awaiting.at` over a list of entities: a map by the passage of their first mention, made when first asked. */
function byFirstMention(
  entities: readonly Entity[],
  factsOf: (entity: Entity) => EntityFacts,
): (passageId: string) => readonly Entity[] {
  let byFirst: Map<string, Entity[]> | undefined;
  return (passageId) => {
    if (!byFirst) {
      byFirst = new Map();
      for (const entity of entities) {
        const { firstPassage } = factsOf(entity);
        const there = byFirst.get(firstPassage);
        if (there) there.push(entity);
        else byFirst.set(firstPassage, [entity]);
      }
    }
    return byFirst.get(passageId) ?? [];
  };
}

/** `keys`, each with its state in `states` (undefined: none). */
function* withStates(
  keys: Iterable<string>,
  states: ReadonlyMap<string, KeyState>,
): Generator<[string, KeyState | undefined]> {
  for (const key of keys) yield [key, states.get(key)];
}

/** How many roles a cluster is given by back references. */
function backRoles(cluster: ClusterState): number {
  let count = 0;
  for (const passage of cluster.backFrom ?? [])
    for (const target of passage.targets) if (target === cluster.key) count++;
  return count;
}

function compareFirst(a: Item | undefined, b: Item | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return compareItems(a, b);
}

/** What back references read of a cluster, as one comparable string. */
function referentKey(cluster: ClusterState): string {
  return `${cluster.kind}\u0000${cluster.knownRoles.map((r) => `${r.folded}\u0001${r.head ?? ''}`).join('\u0002')}`;
}

/**
 * Entity ids and names in the order a passage first names them (ties by id): the rule for
 * each passage's list, so that it depends on the passage and its entities only.
 */
export function listEntities(placed: readonly { start: number; entity: Entity }[]): {
  ids: string[];
  names: string[];
} {
  const sorted = [...placed].sort(
    (a, b) => a.start - b.start || compareText(a.entity.id, b.entity.id),
  );
  // Each list exactly as long as it is (a list pushed from [] keeps room for 17: held for
  // every passage with a name, twice, that was 12 MB at 100k passages).
  return {
    ids: [...new Set(sorted.map(({ entity }) => entity.id))],
    names: [...new Set(sorted.map(({ entity }) => entity.name))],
  };
}

/** Structural equality of two entities (their lists in order). */
export function sameEntity(a: Entity, b: Entity): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.name !== b.name || a.kind !== b.kind) return false;
  if (a.aliases.length !== b.aliases.length || a.aliases.some((x, i) => x !== b.aliases[i]))
    return false;
  if (
    a.roles.length !== b.roles.length ||
    a.roles.some((r, i) => {
      const o = b.roles[i];
      return (
        !o ||
        r.role !== o.role ||
        r.roleText !== o.roleText ||
        r.passageId !== o.passageId ||
        r.articleId !== o.articleId
      );
    })
  )
    return false;
  return (
    a.mentions.length === b.mentions.length &&
    a.mentions.every((m, i) => {
      const o = b.mentions[i];
      return (
        o !== undefined &&
        m.passageId === o.passageId &&
        m.articleId === o.articleId &&
        m.surface === o.surface &&
        m.start === o.start &&
        m.end === o.end
      );
    })
  );
}
