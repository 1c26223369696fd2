import type { ArticleInfo, KnowledgeView } from '../backend/backend';
import { roleKey } from '../extract/entities';
import type { Entity } from '../extract/types';
import type { DateSpan, Passage } from '../knowledge/types';
import { readQuery } from './query-text';
import { byNewest, type Quote, quoter, sourceOf } from './quote';
import type { EntityCard, EntitySummary, QuotedPassage, WhoAnswer } from './types';

const LEAD_WORDS = [/^(hvem|kven|who)\s+(er|var|is|was)\s+/iu, /^(hvem|kven|who)\s+/iu];
const CARD_PASSAGES = 6;
const RELATED = 6;

/** `/hvem <name>`: the entity the archive knows by that name, as a card, or why not. */
export async function who(view: KnowledgeView, raw: string): Promise<WhoAnswer> {
  const { query, error } = readQuery(raw, 'name', LEAD_WORDS);
  if (error) return { kind: 'invalid', query, error };
  const { matches, suggestions } = await view.lookupEntities(query);
  const [only] = matches;
  if (matches.length === 1 && only) return { kind: 'found', query, card: await card(view, only) };
  if (matches.length > 1) {
    return { kind: 'ambiguous', query, candidates: matches.map((e) => summarise(e)) };
  }
  // No one by that name: the query may be a role the archive gives ("Kreml-talsmann",
  // "Syrias president"). Only an exact role counts; several holders are listed, not
  // guessed, each labelled with the role that was asked for.
  const holders = await view.entitiesByRole(query);
  const [holder] = holders;
  if (holders.length === 1 && holder)
    return { kind: 'found', query, card: await card(view, holder) };
  if (holders.length > 1) {
    return {
      kind: 'ambiguous',
      query,
      candidates: holders.map((e) => summarise(e, askedRole(e, query))),
    };
  }
  return { kind: 'unknown', query, suggestions: suggestions.map((e) => summarise(e)) };
}

/** The entity's own wording of the role that was asked for ("Kreml-talsmann" for "kreml-talsmann"). */
function askedRole(entity: Entity, query: string): string | undefined {
  const wanted = roleKey(query);
  return entity.roles.find((r) => roleKey(r.role) === wanted || roleKey(r.roleText) === wanted)
    ?.role;
}

function passageIds(entity: Entity): Set<string> {
  return new Set(entity.mentions.map((m) => m.passageId));
}

/**
 * The role to label an entity with: the one given in most articles, then most often; of
 * equals, the one read last rather than the first one found.
 */
function mainRole(entity: Entity): string | undefined {
  const tally = new Map<
    string,
    { role: string; articles: Set<string>; count: number; last: number }
  >();
  entity.roles.forEach((given, i) => {
    const key = given.role.toLocaleLowerCase('nb');
    const entry = tally.get(key) ?? { role: given.role, articles: new Set(), count: 0, last: i };
    entry.articles.add(given.articleId);
    entry.count += 1;
    entry.last = i;
    tally.set(key, entry);
  });
  return [...tally.values()].sort(
    (a, b) => b.articles.size - a.articles.size || b.count - a.count || b.last - a.last,
  )[0]?.role;
}

/** Summaries under their main role, per entity: autocomplete asks for the same ones at every keystroke. */
const summaries = new WeakMap<Entity, EntitySummary>();

/** A line about an entity; `role` labels it with that role instead of its main one. */
export function summarise(entity: Entity, role?: string): EntitySummary {
  const known = summaries.get(entity);
  const main =
    known ??
    (() => {
      const label = mainRole(entity);
      const summary: EntitySummary = {
        id: entity.id,
        name: entity.name,
        kind: entity.kind,
        ...(label ? { role: label } : {}),
        passageCount: passageIds(entity).size,
      };
      summaries.set(entity, summary);
      return summary;
    })();
  return role === undefined ? { ...main } : { ...main, role };
}

async function card(view: KnowledgeView, entity: Entity): Promise<EntityCard> {
  const articleIds = new Set(entity.mentions.map((m) => m.articleId));
  for (const role of entity.roles) articleIds.add(role.articleId);
  const byId = await view.articles([...articleIds]);
  const articles = [...new Set(entity.mentions.map((m) => m.articleId))]
    .map((id) => byId.get(id))
    .filter((a) => a !== undefined)
    .sort(byNewest);
  const dates = articles.map((a) => a.published).sort((a, b) => a.start.localeCompare(b.start));
  const fallback: DateSpan = { start: '', end: '', granularity: 'day' };
  return {
    ...summarise(entity),
    aliases: entity.aliases,
    roles: groupRoles(byId, entity),
    articleCount: articles.length,
    firstSeen: dates[0] ?? fallback,
    lastSeen: dates[dates.length - 1] ?? fallback,
    passages: await bestPassages(view, entity),
    related: await related(view, entity),
  };
}

function groupRoles(
  articles: ReadonlyMap<string, ArticleInfo>,
  entity: Entity,
): EntityCard['roles'] {
  const groups = new Map<
    string,
    { role: string; roleText: string; articleIds: Set<string>; count: number }
  >();
  for (const given of entity.roles) {
    const key = given.role.toLocaleLowerCase('nb');
    const group = groups.get(key) ?? {
      role: given.role,
      roleText: given.roleText,
      articleIds: new Set(),
      count: 0,
    };
    group.articleIds.add(given.articleId);
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.articleIds.size - a.articleIds.size || b.count - a.count)
    .map((g) => ({
      role: g.role,
      roleText: g.roleText,
      sources: [...g.articleIds]
        .map((id) => articles.get(id))
        .filter((a) => a !== undefined)
        .sort(byNewest)
        .map(sourceOf),
    }));
}

/**
 * The passages that say most about the entity: those that give it a role, then those
 * that name it most, earlier in an article before later. Taken one article at a time so
 * that every article that mentions it is cited before any is cited twice.
 */
async function bestPassages(view: KnowledgeView, entity: Entity): Promise<QuotedPassage[]> {
  const rolePassages = new Set(entity.roles.map((r) => r.passageId));
  const byPassage = new Map<string, { start: number; end: number }[]>();
  for (const m of entity.mentions) {
    const ranges = byPassage.get(m.passageId) ?? [];
    ranges.push({ start: m.start, end: m.end });
    byPassage.set(m.passageId, ranges);
  }
  const passages = await view.passages([...byPassage.keys()]);
  const ranked = [...byPassage.entries()]
    .map(([passageId, ranges]) => {
      const passage = passages.get(passageId);
      const score =
        ranges.length + (rolePassages.has(passageId) ? 2 : 0) + 1 / (1 + (passage?.index ?? 99));
      return { passageId, ranges, passage, score };
    })
    .filter((r) => r.passage !== undefined)
    .sort((a, b) => b.score - a.score);

  const perArticle = new Map<string, typeof ranked>();
  for (const r of ranked) {
    const articleId = r.passage?.articleId ?? '';
    perArticle.set(articleId, [...(perArticle.get(articleId) ?? []), r]);
  }
  const queues = [...perArticle.values()];
  const chosen: { passage: Passage; ranges: { start: number; end: number }[] }[] = [];
  for (let round = 0; chosen.length < CARD_PASSAGES; round++) {
    const row = queues.map((q) => q[round]).filter((r) => r !== undefined);
    if (row.length === 0) break;
    for (const r of row) {
      if (chosen.length >= CARD_PASSAGES || !r.passage) break;
      chosen.push({ passage: r.passage, ranges: r.ranges });
    }
  }
  const quote: Quote = await quoter(
    view,
    chosen.map((c) => c.passage),
  );
  return chosen
    .map((c) => quote(c.passage, { ranges: c.ranges }))
    .filter((q): q is QuotedPassage => q !== undefined);
}

async function related(view: KnowledgeView, entity: Entity): Promise<EntitySummary[]> {
  const counts = new Map<string, number>();
  const inPassages = await view.entitiesInPassages([...passageIds(entity)]);
  for (const others of inPassages.values()) {
    for (const other of others) {
      if (other !== entity.id) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const entities = await view.entities(ranked);
  return ranked
    .map((id) => entities.get(id))
    .filter(
      (e): e is Entity => e !== undefined && (e.kind === 'person' || e.kind === 'organisation'),
    )
    .slice(0, RELATED)
    .map((e) => summarise(e));
}
