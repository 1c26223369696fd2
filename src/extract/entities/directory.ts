/** Finding entities by what a user types: exact names, aliases and surnames first, then close spellings. */

import type { Entity } from '../types';
import { HYPHEN_PARTICLES, NAME_PARTICLES } from './tables';
import { foldName } from './tokens';

interface Indexed {
  entity: Entity;
  /** Folded full forms: name, aliases. */
  names: string[];
  /** Folded keys an exact lookup accepts: names plus surnames. */
  keys: Set<string>;
  /** Every word of every name, for prefix and fuzzy matching. */
  words: Set<string>;
  passages: number;
}

function stripParticle(word: string): string {
  const dash = word.indexOf('-');
  return dash > 0 && HYPHEN_PARTICLES.has(word.slice(0, dash)) ? word.slice(dash + 1) : word;
}

/** Edit distance with adjacent transpositions ("mekr" ~ "merk"), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** How far off a typed name may be and still be offered: more for longer names. */
const tolerance = (length: number): number =>
  length <= 3 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;

function normaliseQuery(query: string): string {
  return foldName(query.replace(/^[@#]/u, '').replace(/[?!.,:;"«»]+/gu, ' '));
}

/** The query and its genitive-less forms ("assads" -> "assad", "hellas'" -> "hellas"). */
function queryForms(folded: string): string[] {
  const forms = [folded];
  const apostrophe = folded.replace(/'s?$/u, '');
  if (apostrophe !== folded) forms.push(apostrophe);
  else if (folded.endsWith('s') && folded.length > 2) forms.push(folded.slice(0, -1));
  return forms;
}

export class EntityDirectory {
  private readonly indexed: Indexed[];
  private readonly byId: Map<string, Entity>;

  constructor(entities: readonly Entity[]) {
    this.indexed = entities.map((entity) => {
      const names = [entity.name, ...entity.aliases].map(foldName).filter((n) => n.length > 0);
      const keys = new Set(names);
      const words = new Set<string>();
      for (const name of names) {
        const parts = name.split(' ');
        for (const part of parts) {
          words.add(part);
          words.add(stripParticle(part));
        }
        // A person is also found by surname ("assad", "al-assad", "de mistura").
        if (entity.kind === 'person' && parts.length > 1) {
          const last = parts[parts.length - 1] ?? '';
          keys.add(last);
          keys.add(stripParticle(last));
          let tail = last;
          for (let i = parts.length - 2; i > 0 && NAME_PARTICLES.has(parts[i] ?? ''); i--) {
            tail = `${parts[i]} ${tail}`;
            keys.add(tail);
          }
        }
      }
      const passages = new Set(entity.mentions.map((m) => m.passageId)).size;
      return { entity, names, keys, words, passages };
    });
    this.byId = new Map(entities.map((e) => [e.id, e]));
  }

  /** Exact (case/diacritic-insensitive, genitive-tolerant) match on name, alias or surname; then close names. */
  lookup(query: string): { matches: Entity[]; suggestions: Entity[] } {
    const folded = normaliseQuery(query);
    if (!folded) return { matches: [], suggestions: [] };
    for (const form of queryForms(folded)) {
      const matches = this.rank(this.indexed.filter((entry) => entry.keys.has(form)));
      if (matches.length > 0) return { matches, suggestions: [] };
    }
    const limit = tolerance(folded.length);
    const scored: { entry: Indexed; distance: number }[] = [];
    for (const entry of this.indexed) {
      let best = limit + 1;
      for (const candidate of [...entry.keys, ...entry.words]) {
        best = Math.min(best, editDistance(folded, candidate, limit));
      }
      if (best <= limit) scored.push({ entry, distance: best });
    }
    scored.sort((a, b) => a.distance - b.distance || b.entry.passages - a.entry.passages);
    return { matches: [], suggestions: scored.slice(0, 5).map((s) => s.entry.entity) };
  }

  /** For autocomplete: prefix, then fuzzy, on any word of any name, ranked by how many passages mention the entity. */
  suggest(partial: string, limit: number): Entity[] {
    const folded = normaliseQuery(partial);
    const scored: { entry: Indexed; score: number }[] = [];
    for (const entry of this.indexed) {
      const score = folded ? this.matchScore(entry, folded) : 0;
      if (score !== undefined) scored.push({ entry, score });
    }
    scored.sort(
      (a, b) =>
        a.score - b.score ||
        b.entry.passages - a.entry.passages ||
        a.entry.entity.name.localeCompare(b.entry.entity.name),
    );
    return scored.slice(0, Math.max(0, limit)).map((s) => s.entry.entity);
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  all(): readonly Entity[] {
    return this.indexed.map((entry) => entry.entity);
  }

  /** 0 = a name or word starts with what was typed, 1 = it nearly does; undefined = no match. */
  private matchScore(entry: Indexed, folded: string): number | undefined {
    if (entry.names.some((n) => n.startsWith(folded))) return 0;
    if ([...entry.words].some((w) => w.startsWith(folded))) return 0;
    const limit = folded.length >= 3 ? 1 : 0;
    if (limit === 0) return undefined;
    for (const word of [...entry.words, ...entry.names]) {
      if (editDistance(folded, word.slice(0, folded.length), limit) <= limit) return 1;
      if (editDistance(folded, word.slice(0, folded.length + 1), limit) <= limit) return 1;
    }
    return undefined;
  }

  private rank(entries: Indexed[]): Entity[] {
    return entries.sort((a, b) => b.passages - a.passages).map((entry) => entry.entity);
  }
}
