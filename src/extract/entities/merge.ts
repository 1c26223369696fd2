/**
 * One archive-wide record per person or organisation: short forms join the full name
 * ("Støre" -> "Jonas Gahr Støre") when exactly one full name fits, moderator aliases join
 * their group, and back references ("den syriske presidenten") add roles to someone
 * already named, never a new person.
 */

import type { AliasGroup, Language } from '../../knowledge/types';
import type { Entity, EntityKind, EntityMention, SourcedRole } from '../types';
import { readRoleNoun } from './morphology';
import { type BackReference, type ReferenceCandidate, referenceCandidatesIn } from './roles';
import { FIRST_NAMES, HYPHEN_PARTICLES, NAME_PARTICLES } from './tables';
import { foldName, tokenize } from './tokens';

export interface PassageMentions {
  passageId: string;
  articleId: string;
  text: string;
  language: Language;
  mentions: EntityMention[];
  /** Its role phrases that point back at someone ("presidenten"), when already found. */
  references?: readonly BackReference[];
}

export type { BackReference };

/**
 * The role phrases of a passage that point back at someone named before: they depend on the
 * passage alone, so they can be found once per passage and kept, while who they point at is
 * decided archive-wide (by the roles the archive knows) at every merge.
 */
export function passageReferences(
  passage: Pick<PassageMentions, 'text' | 'language' | 'mentions'>,
): BackReference[] {
  return referencesAmong(referenceCandidates(passage), passage.mentions);
}

export type { ReferenceCandidate };

/**
 * The passage's role phrases that point back at someone unless a name follows them, found
 * without its names (`referencesAmong` tells them apart once the names are read): a full
 * build's index worker finds them while the names worker is still learning.
 */
export function referenceCandidates(
  passage: Pick<PassageMentions, 'text' | 'language'>,
): ReferenceCandidate[] {
  return referenceCandidatesIn(passage.text, tokenize(passage.text), passage.language === 'en');
}

/** The back references among a passage's candidates, given its names: `passageReferences`. */
export function referencesAmong(
  candidates: readonly ReferenceCandidate[],
  mentions: readonly Pick<EntityMention, 'start'>[],
): BackReference[] {
  if (candidates.length === 0) return [];
  const starts = new Set(mentions.map((m) => m.start));
  const out: BackReference[] = [];
  for (const { reference, blockedBy } of candidates)
    if (blockedBy < 0 || !starts.has(blockedBy)) out.push(reference);
  return out;
}

/** A name occurrence as the back references see it: the mention and the cluster it joined. */
export interface Placed {
  mention: EntityMention;
  cluster: string;
}

interface Item extends Placed {
  passage: PassageMentions;
  /** Position of the passage within its article. */
  order: number;
  key: string;
  cluster: string;
}

export const nameWords = (key: string): string[] =>
  key.split(' ').filter((w) => !NAME_PARTICLES.has(w));

/** "al-assad" -> "assad": the surname without its particle prefix. */
function withoutHyphenParticle(word: string): string {
  const dash = word.indexOf('-');
  return dash > 0 && HYPHEN_PARTICLES.has(word.slice(0, dash)) ? word.slice(dash + 1) : word;
}

/** The forms a full name can be shortened to: "bashar al-assad" -> "al-assad", "assad". */
export function shortForms(key: string): string[] {
  const words = key.split(' ');
  const last = words[words.length - 1] ?? '';
  const forms = new Set([last, withoutHyphenParticle(last)]);
  // "staffan de mistura" -> "de mistura"; "ursula von der leyen" -> "von der leyen"
  let index = words.length - 2;
  let tail = last;
  while (index > 0 && NAME_PARTICLES.has(words[index] ?? '')) {
    tail = `${words[index]} ${tail}`;
    forms.add(tail);
    index--;
  }
  // "jonas gahr støre" -> "gahr støre": the name without its first name (double surnames).
  // Not "per olav lie" -> "olav lie": a first name opening the rest makes it a full name.
  for (let from = 1; from < words.length - 1; from++) {
    const word = words[from] ?? '';
    if (NAME_PARTICLES.has(word) || FOLDED_FIRST_NAMES.has(word)) continue;
    forms.add(words.slice(from).join(' '));
  }
  return [...forms];
}

const FOLDED_FIRST_NAMES = new Set([...FIRST_NAMES].map(foldName));

const KIND_PRIORITY: EntityKind[] = ['person', 'organisation', 'place'];

/** The kind most names of a key or cluster have (persons first on a tie); counts by kind. */
export function voteKind(counts: Pick<ReadonlyMap<EntityKind, number>, 'get'>): EntityKind {
  let best: EntityKind = 'other';
  let bestCount = 0;
  for (const kind of KIND_PRIORITY) {
    const count = counts.get(kind) ?? 0;
    if (count > bestCount) {
      best = kind;
      bestCount = count;
    }
  }
  return best;
}

export function slug(name: string): string {
  return (
    foldName(name)
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/gu, '') || 'entity'
  );
}

/** An alias name the name reader cannot see: of several words, or lower-case ("Den islamske stat"). */
const isHiddenAlias = (alias: string): boolean => /\s|^\p{Ll}/u.test(alias);

/** Whether `withAliasMentions` reads the passages' texts for these aliases (else their mentions only). */
export function aliasesReadText(aliases: readonly AliasGroup[]): boolean {
  return aliases.some((group) => group.names.some(isHiddenAlias));
}

/** Occurrences of moderator alias names the name reader cannot see ("Den islamske stat"). */
export function withAliasMentions(
  passage: Pick<PassageMentions, 'text' | 'mentions'>,
  aliases: readonly AliasGroup[],
): EntityMention[] {
  const found: EntityMention[] = [];
  let kept = [...passage.mentions];
  const taken: (readonly [number, number])[] = [];
  for (const group of aliases) {
    for (const alias of group.names) {
      if (!isHiddenAlias(alias)) continue;
      const escaped = alias.slice(1).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      const first = alias.charAt(0);
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])[${first.toUpperCase()}${first.toLowerCase()}]${escaped}(?:s|'s|’s|en|et|a|ene)?(?![\\p{L}\\p{N}])`,
        'gu',
      );
      for (const match of passage.text.matchAll(pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (taken.some(([a, b]) => start < b && a < end)) continue;
        // A name read inside the alias ("Den" of "Den islamske stat") gives way to the alias.
        const overlapping = kept.filter((m) => m.start < end && start < m.end);
        if (overlapping.some((m) => m.start < start || m.end > end)) continue;
        kept = kept.filter((m) => !overlapping.includes(m));
        taken.push([start, end]);
        found.push({ name: alias, surface: match[0], start, end, kind: 'other' });
      }
    }
  }
  return [...kept, ...found];
}

export function buildEntities(
  passages: readonly PassageMentions[],
  aliases: readonly AliasGroup[],
): Entity[] {
  const items = collectItems(passages, aliases);
  resolveShortForms(items);
  joinAliasGroups(items, aliases);
  const entities = buildRecords(items, aliases);
  attachBackReferences(passages, items, entities);
  return [...entities.values()].map((record) => record.entity);
}

function collectItems(
  passages: readonly PassageMentions[],
  aliases: readonly AliasGroup[],
): Item[] {
  const articleOrder = new Map<string, number>();
  const items: Item[] = [];
  for (const passage of passages) {
    const order = articleOrder.get(passage.articleId) ?? 0;
    articleOrder.set(passage.articleId, order + 1);
    for (const mention of withAliasMentions(passage, aliases)) {
      const key = foldName(mention.name);
      if (key) items.push({ mention, passage, order, key, cluster: key });
    }
  }
  return items;
}

/** Short forms go to the one full person name that fits: in the same article first, then archive-wide. */
function resolveShortForms(items: Item[]): void {
  const kinds = new Map<string, Map<EntityKind, number>>();
  for (const item of items) {
    const counts = kinds.get(item.key) ?? new Map<EntityKind, number>();
    counts.set(item.mention.kind, (counts.get(item.mention.kind) ?? 0) + 1);
    kinds.set(item.key, counts);
  }
  const fullNames = new Map<string, Set<string>>();
  const articlesOf = new Map<string, Set<string>>();
  for (const item of items) {
    const set = articlesOf.get(item.key) ?? new Set<string>();
    set.add(item.passage.articleId);
    articlesOf.set(item.key, set);
  }
  for (const [key, counts] of kinds) {
    if (nameWords(key).length < 2 || voteKind(counts) !== 'person') continue;
    for (const short of shortForms(key)) {
      const set = fullNames.get(short) ?? new Set<string>();
      set.add(key);
      fullNames.set(short, set);
    }
  }
  // The candidates depend on the key alone: worked out once per key, not once per mention
  // (a common surname at 400k passages has thousands of mentions and of full names).
  const candidatesOf = new Map<string, string[]>();
  for (const item of items) {
    if (item.mention.kind === 'organisation' || item.mention.kind === 'place') continue;
    let candidates = candidatesOf.get(item.key);
    if (!candidates) {
      const all = [...(fullNames.get(item.key) ?? [])].filter((full) => full !== item.key);
      candidates = fullestNames(all, shortForms);
      candidatesOf.set(item.key, candidates);
    }
    const chosen = chooseFullName(candidates, (full) =>
      articlesOf.get(full)?.has(item.passage.articleId),
    );
    if (chosen) item.cluster = chosen;
  }
}

/**
 * Of the full names a short form may stand for, those no other candidate holds as a short
 * form: "Gahr Støre" is itself a short form of "Jonas Gahr Støre", and only the fullest counts.
 */
export function fullestNames(
  all: readonly string[],
  shortFormsOf: (name: string) => readonly string[],
): string[] {
  // Each name's short forms once, not once per pair: "Hansen" has thousands of full names.
  const held = new Set<string>();
  for (const other of all) {
    for (const form of shortFormsOf(other)) if (form !== other) held.add(form);
  }
  return all.filter((full) => !held.has(full));
}

/**
 * The full name a short form stands for: the one candidate its own article names, else the
 * only candidate there is; none when that is ambiguous (a wrong "who" is worse than none).
 */
export function chooseFullName(
  candidates: readonly string[],
  inArticle: (full: string) => boolean | undefined,
): string | undefined {
  const local = candidates.filter((full) => inArticle(full) === true);
  if (local.length === 1) return local[0];
  return local.length === 0 && candidates.length === 1 ? candidates[0] : undefined;
}

function joinAliasGroups(items: Item[], aliases: readonly AliasGroup[]): void {
  const groupOf = new Map<string, string>();
  aliases.forEach((group, index) => {
    for (const name of group.names) groupOf.set(foldName(name), `alias#${index}`);
  });
  for (const item of items) {
    const group = groupOf.get(item.cluster) ?? groupOf.get(item.key);
    if (group) item.cluster = group;
  }
}

/** What a back reference needs to know of a candidate: its kind and the roles it is known by. */
export interface ReferentRecord {
  kind: EntityKind;
  /** Role heads ("president") with the roles, for back references. */
  knownRoles: readonly KnownRole[];
}

export interface KnownRole {
  folded: string;
  head: string | undefined;
}

interface EntityRecord extends ReferentRecord {
  entity: Entity;
}

/** The roles of a cluster's own mentions as back references compare them. */
export const knownRoleOf = (role: string): KnownRole => ({
  folded: sameOfficeKey(role),
  head: roleHead(role),
});

/** The role noun of a role, also before its complement ("ordførar" of "ordførar i Fjellbygd"). */
export function roleHead(role: string): string | undefined {
  for (const word of role.split(/\s+/u).reverse()) {
    const noun = readRoleNoun(word, false) ?? readRoleNoun(word, true);
    if (noun) return sameOfficeKey(noun.head);
  }
  return undefined;
}

/** Nynorsk role nouns and their Bokmål forms: one office, whichever the article writes. */
const NYNORSK_ROLES: ReadonlyMap<string, string> = new Map([
  ['ordførar', 'ordfører'],
  ['varaordførar', 'varaordfører'],
  ['leiar', 'leder'],
  ['nestleiar', 'nestleder'],
  ['trenar', 'trener'],
  ['landslagstrenar', 'landslagstrener'],
  ['forfattar', 'forfatter'],
  ['dommar', 'dommer'],
  ['forskar', 'forsker'],
  ['rådgjevar', 'rådgiver'],
  ['analytikar', 'analytiker'],
  ['politikar', 'politiker'],
  ['eigar', 'eier'],
  ['kunstnar', 'kunstner'],
  ['musikar', 'musiker'],
  ['songar', 'sanger'],
  ['skodespelar', 'skuespiller'],
  ['sjukepleiar', 'sykepleier'],
  ['historikar', 'historiker'],
  ['statsvitar', 'statsviter'],
  ['kritikar', 'kritiker'],
  ['etterforskar', 'etterforsker'],
  ['forsvarar', 'forsvarer'],
  ['angripar', 'angriper'],
  ['skiløpar', 'skiløper'],
  ['langrennsløpar', 'langrennsløper'],
  ['låtskrivar', 'låtskriver'],
  ['utøvar', 'utøver'],
  ['dramatikar', 'dramatiker'],
]);

/** A role's words with Nynorsk role nouns in their Bokmål form, folded. */
export function sameOfficeKey(role: string): string {
  return foldName(role)
    .split(' ')
    .map((word) => NYNORSK_ROLES.get(word) ?? word)
    .join(' ');
}

/**
 * Offices held for one territory at a time: a bare "ordføraren" in an article means the
 * mayor it named as "ordfører i Fjellbygd". A coach or a doctor is not one per place.
 */
const TERRITORIAL_HEADS = new Set([
  'ordfører',
  'varaordfører',
  'rådmann',
  'kommunedirektør',
  'fylkesordfører',
  'statsforvalter',
  'fylkesmann',
  'politimester',
  'biskop',
]);

/** The known role is the wanted one, or (for a territorial office) it with its territory. */
function fitsRole(known: string, wanted: string, head: string | undefined): boolean {
  if (known === wanted) return true;
  return head !== undefined && TERRITORIAL_HEADS.has(head) && known.startsWith(`${wanted} i `);
}

/** A cluster's member: one mention of a name, in one passage. */
export interface Member {
  mention: EntityMention;
  passageId: string;
  articleId: string;
}

/**
 * What a cluster's members (in archive order) make of an entity named `name`: its other
 * names as first written (`extraNames`, an alias group's, after its own), one role per
 * role and passage, its kind (a role makes a person; else the kinds' vote) and its mentions.
 * The full merge and the live merge both describe clusters with it, so they cannot drift.
 */
/** Counts of names by kind, one for every call of `kindOfNames` (a restore makes one per cluster). */
const namesByKind = {
  person: 0,
  organisation: 0,
  place: 0,
  other: 0,
  get(kind: EntityKind): number {
    return namesByKind[kind];
  },
};

/**
 * The kind of an entity made of these names: a person where any of them gives a role,
 * otherwise what most of them read as (`voteKind`). The whole merge describes a cluster so,
 * and a restored live merge (live-merge.ts) must decide the same to take that entity.
 */
export function kindOfNames(
  members: readonly { mention: Pick<EntityMention, 'kind'> }[],
  hasRoles: boolean,
): EntityKind {
  if (hasRoles) return 'person';
  namesByKind.person = 0;
  namesByKind.organisation = 0;
  namesByKind.place = 0;
  namesByKind.other = 0;
  for (const { mention } of members) namesByKind[mention.kind]++;
  return voteKind(namesByKind);
}

/** The roles a cluster's own names give it: one per role and passage, in the members' order. */
export function rolesOf(members: readonly Member[]): SourcedRole[] {
  const roles: SourcedRole[] = [];
  const roleKeys = new Set<string>();
  for (const { mention, passageId, articleId } of members) {
    if (!mention.role) continue;
    const key = `${mention.role}\u0000${passageId}`;
    if (roleKeys.has(key)) continue;
    roleKeys.add(key);
    roles.push({
      role: mention.role,
      roleText: mention.roleText ?? mention.role,
      passageId,
      articleId,
    });
  }
  return roles;
}

export function describeMembers(
  name: string,
  members: readonly Member[],
  extraNames: readonly string[],
  fold: (name: string) => string,
): Pick<Entity, 'kind' | 'aliases' | 'roles' | 'mentions'> {
  const seen = new Set([fold(name)]);
  const aliases: string[] = [];
  for (const form of [...members.map((m) => m.mention.name), ...extraNames]) {
    const folded = fold(form);
    if (seen.has(folded)) continue;
    seen.add(folded);
    aliases.push(form);
  }
  const roles = rolesOf(members);
  return {
    kind: kindOfNames(members, roles.length > 0),
    aliases,
    roles,
    mentions: members.map(({ mention, passageId, articleId }) => ({
      passageId,
      articleId,
      surface: mention.surface,
      start: mention.start,
      end: mention.end,
    })),
  };
}

function buildRecords(
  items: readonly Item[],
  aliases: readonly AliasGroup[],
): Map<string, EntityRecord> {
  const clusters = new Map<string, Item[]>();
  for (const item of items) {
    const list = clusters.get(item.cluster) ?? [];
    list.push(item);
    clusters.set(item.cluster, list);
  }
  const records = new Map<string, EntityRecord>();
  const usedIds = new Set<string>();
  for (const [cluster, members] of clusters) {
    const aliasIndex = cluster.startsWith('alias#') ? Number(cluster.slice(6)) : undefined;
    const group = aliasIndex === undefined ? undefined : aliases[aliasIndex];
    const name = group?.names[0] ?? displayName(members);
    const described = describeMembers(
      name,
      members.map(({ mention, passage }) => ({ mention, ...passage })),
      group?.names ?? [],
      foldName,
    );
    let id = slug(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slug(name)}-${n}`;
    usedIds.add(id);
    const entity: Entity = {
      id,
      name,
      kind: described.kind,
      aliases: described.aliases,
      roles: described.roles,
      mentions: described.mentions,
    };
    const knownRoles = described.roles.map((r) => knownRoleOf(r.role));
    records.set(cluster, { entity, kind: entity.kind, knownRoles });
  }
  return records;
}

/** The fullest form: most name words, then most often written, then longest (first seen on a tie). */
export function displayName(
  members: readonly { mention: EntityMention }[],
  fold: (name: string) => string = foldName,
): string {
  const tally = new Map<string, number>();
  for (const { mention } of members) tally.set(mention.name, (tally.get(mention.name) ?? 0) + 1);
  let best = '';
  let bestWords = -1;
  let bestCount = 0;
  for (const [name, count] of tally) {
    const words = nameWords(fold(name)).length;
    if (
      words > bestWords ||
      (words === bestWords &&
        (count > bestCount || (count === bestCount && name.length > best.length)))
    ) {
      best = name;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
}

function attachBackReferences(
  passages: readonly PassageMentions[],
  items: readonly Item[],
  records: Map<string, EntityRecord>,
): void {
  const byArticle = new Map<string, Item[]>();
  for (const item of items) {
    const list = byArticle.get(item.passage.articleId) ?? [];
    list.push(item);
    byArticle.set(item.passage.articleId, list);
  }
  const articleOrder = new Map<string, number>();
  for (const passage of passages) {
    const order = articleOrder.get(passage.articleId) ?? 0;
    articleOrder.set(passage.articleId, order + 1);
    for (const reference of passage.references ?? passageReferences(passage)) {
      const earlier = earlierThan(byArticle.get(passage.articleId) ?? [], order, reference.start);
      const target = pickReferent(reference, presentOnly(earlier), records);
      if (!target) continue;
      const { entity } = target;
      if (entity.roles.some((r) => r.passageId === passage.passageId && r.role === reference.role))
        continue;
      entity.roles.push({
        role: reference.role,
        roleText: reference.roleText,
        passageId: passage.passageId,
        articleId: passage.articleId,
      });
    }
  }
}

/** The names an article gives before a point (passage `order`, offset `at`), nearest first. */
export function earlierThan<T extends Placed & { order: number }>(
  articleItems: readonly T[],
  order: number,
  at: number,
): T[] {
  return articleItems
    .filter((item) => item.order < order || (item.order === order && item.mention.end <= at))
    .sort((a, b) => b.order - a.order || b.mention.start - a.mention.start);
}

/** "tidligere justisminister", "former president": a role its holder no longer has. */
const FORMER =
  /(?:^|\s)(?:tidligere|tidlegare|forhenværende|forrige|daværende|dåverande|avgått|avgåtte|eks|former|ex|late)(?:\s|-)/iu;

/**
 * Earlier mentions of people who may still hold an office: someone the article so far names
 * only in a former role ("tidligere justisminister X") is not who "statsråden" now means.
 */
export function presentOnly<T extends Placed>(earlier: readonly T[]): T[] {
  const formerOnly = new Set<string>();
  const present = new Set<string>();
  for (const { mention, cluster } of earlier) {
    if (mention.role && FORMER.test(`${mention.role} `)) formerOnly.add(cluster);
    else present.add(cluster);
  }
  return earlier.filter((item) => !formerOnly.has(item.cluster) || present.has(item.cluster));
}

/**
 * The nearest earlier person known (anywhere in the archive) to hold the role. A bare
 * "presidenten" only counts when exactly one person known as "president" came before.
 */
export function pickReferent<R extends ReferentRecord>(
  reference: BackReference,
  earlier: readonly Placed[],
  records: { get(cluster: string): R | undefined },
): R | undefined {
  const wanted = sameOfficeKey(reference.role);
  const wantedHead = sameOfficeKey(reference.head);
  const fitting: R[] = [];
  const sameHead: R[] = [];
  for (const item of earlier) {
    const record = records.get(item.cluster);
    if (record?.kind !== 'person') continue;
    if (
      !fitting.includes(record) &&
      record.knownRoles.some((r) => fitsRole(r.folded, wanted, wantedHead))
    )
      fitting.push(record);
    if (!sameHead.includes(record) && record.knownRoles.some((r) => r.head === wantedHead))
      sameHead.push(record);
  }
  if (reference.specific) return fitting[0];
  // A bare one needs the very role, not just its head noun ("Volda-trener" or "fastlege"
  // say whose coach or doctor, so a later "treneren" or "legen" may be another's), and no
  // other earlier person with that head noun it could equally mean.
  const only = sameHead.length === 1 ? sameHead[0] : undefined;
  return only && fitting.includes(only) ? only : undefined;
}
