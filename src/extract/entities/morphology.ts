/** Norwegian inflection of role nouns and adjectives, just enough to bring a role to a readable base form. */

import { COUNTRIES, ROLE_NOUNS_EN, ROLE_NOUNS_NB } from './tables';

export interface RoleNoun {
  /** Singular indefinite, compound prefix kept as written ("Kreml-talsmann", "utenriksminister"). */
  base: string;
  /** The listed role noun the word ends in ("talsmann"). */
  head: string;
  plural: boolean;
  definite: boolean;
}

interface Form {
  suffix: string;
  plural: boolean;
  definite: boolean;
}

/** Inflected endings per role noun, keyed by the full inflected tail. */
function inflections(noun: string): { tail: string; form: Form }[] {
  const out: { tail: string; form: Form }[] = [];
  const add = (tail: string, plural: boolean, definite: boolean) =>
    out.push({ tail, form: { suffix: tail, plural, definite } });
  add(noun, false, false);
  if (noun.endsWith('mann')) {
    const stem = noun.slice(0, -4);
    add(`${noun}en`, false, true);
    add(`${stem}menn`, true, false);
    add(`${stem}mennene`, true, true);
  } else if (noun.endsWith('ister') || noun.endsWith('åd')) {
    // minister -> ministre/ministrene (and the -ere forms many writers use)
    add(`${noun}en`, false, true);
    if (noun.endsWith('ister')) {
      const stem = noun.slice(0, -2);
      add(`${stem}re`, true, false);
      add(`${stem}rene`, true, true);
    }
    add(`${noun}er`, true, false);
    add(`${noun}ere`, true, false);
    add(`${noun}erne`, true, true);
    add(`${noun}ene`, true, true);
  } else if (noun.endsWith('ar')) {
    // Nynorsk agent nouns: ordførar, ordføraren, ordførarar, ordførarane
    add(`${noun}en`, false, true);
    add(`${noun}ar`, true, false);
    add(`${noun}ane`, true, true);
  } else if (noun.endsWith('er')) {
    add(`${noun}en`, false, true);
    add(`${noun}e`, true, false);
    add(`${noun}ne`, true, true);
  } else if (noun.endsWith('e')) {
    add(`${noun}n`, false, true);
    add(`${noun}r`, true, false);
    add(`${noun}ne`, true, true);
  } else {
    add(`${noun}en`, false, true);
    add(`${noun}er`, true, false);
    add(`${noun}ene`, true, true);
    add(`${noun}a`, false, true);
  }
  return out;
}

function buildTable(nouns: readonly string[]): Map<string, { noun: string; form: Form }> {
  const table = new Map<string, { noun: string; form: Form }>();
  for (const noun of nouns) {
    for (const { tail, form } of inflections(noun)) {
      if (!table.has(tail)) table.set(tail, { noun, form });
    }
  }
  return table;
}

const NB_TABLE = buildTable(ROLE_NOUNS_NB);
const EN_TABLE = new Map<string, { noun: string; form: Form }>();
for (const noun of ROLE_NOUNS_EN) {
  EN_TABLE.set(noun, { noun, form: { suffix: noun, plural: false, definite: false } });
  const plural = noun.endsWith('man')
    ? `${noun.slice(0, -3)}men`
    : noun.endsWith('y')
      ? `${noun.slice(0, -1)}ies`
      : `${noun}s`;
  EN_TABLE.set(plural, { noun, form: { suffix: plural, plural: true, definite: false } });
}
/**
 * How many of a tail's last letters say which tails a word may end in: a word that ends
 * otherwise has no tail in the table. Asked of every word of every passage (names and
 * back references), and most words are no role: this answers them without trying a tail.
 */
const ENDING_LENGTH = Math.min(3, ...[...NB_TABLE.keys(), ...EN_TABLE.keys()].map((k) => k.length));

/**
 * A table's tails by their ending (`ENDING_LENGTH`), longest first: the tails a word with
 * that ending may end in, in the order `readRoleNoun` tries them. Common words end like a
 * role ("-ter", "-der"), and cutting every tail of such a word to look it up was a
 * twentieth of reading names.
 */
function tailsByEnding(table: ReadonlyMap<string, unknown>): Map<string, string[]> {
  const byEnding = new Map<string, string[]>();
  for (const tail of table.keys()) {
    const ending = tail.slice(-ENDING_LENGTH);
    const tails = byEnding.get(ending);
    if (tails) tails.push(tail);
    else byEnding.set(ending, [tail]);
  }
  for (const tails of byEnding.values()) tails.sort((a, b) => b.length - a.length);
  return byEnding;
}
const NB_TAILS = tailsByEnding(NB_TABLE);
const EN_TAILS = tailsByEnding(EN_TABLE);

/** Words that end like a role but are not one. */
const NOT_ROLES = new Set([
  'leder',
  'leiar',
  // Also verbs: "Hun trener Glimt", "Han spiller Hamlet" must not make Glimt a coach.
  'trener',
  'trenar',
  'spiller',
  'spelar',
  'ledere',
  'lederne',
  'spillere',
  'eier',
  'eiere',
  'major',
  'general',
  'head',
  'chief',
  'chair',
  'officer',
  'representant',
  // "back" and "forward" are adverbs as often as positions; "manager" a job too loose alone.
  'back',
  'forward',
  'manager',
]);
/** Bare words that are roles only in compounds or before a name; as compounds they are fine. */

/**
 * Reads a word as a role noun, also as the last part of a compound ("forsvarsminister",
 * "Kreml-talsmann"). Returns undefined for anything else.
 */
export function readRoleNoun(word: string, english: boolean): RoleNoun | undefined {
  const lower = word.toLowerCase();
  const tails = (english ? EN_TAILS : NB_TAILS).get(lower.slice(-ENDING_LENGTH));
  if (!tails) return undefined;
  const table = english ? EN_TABLE : NB_TABLE;
  // Longest tail first, as cutting the word from its start would meet them.
  for (const tail of tails) {
    if (tail.length > lower.length || !lower.endsWith(tail)) continue;
    const hit = table.get(tail);
    if (!hit) continue;
    const cut = lower.length - tail.length;
    const prefix = word.slice(0, cut);
    // A compound needs a real first part; "resident" is not "president".
    if (prefix.length > 0 && prefix.length < 3 && !prefix.endsWith('-')) continue;
    if (english && prefix.length > 0 && !prefix.endsWith('-')) continue;
    const base = `${prefix}${hit.noun}`;
    const baseReadable = prefix.includes('-') || isUpperPrefix(prefix) ? base : base.toLowerCase();
    return {
      base: baseReadable,
      head: hit.noun,
      plural: hit.form.plural,
      definite: hit.form.definite,
    };
  }
  return undefined;
}

/** A bare word that is a role only next to a name (as a verb or adjective it is common). */
export function isWeakRoleWord(word: string): boolean {
  return NOT_ROLES.has(word.toLowerCase());
}

const isUpperPrefix = (prefix: string): boolean => /^\p{Lu}{2,}/u.test(prefix);

const NB_DEMONYMS = new Map<string, string>();
const EN_DEMONYMS = new Map<string, string>();
const COUNTRY_NAMES = new Set<string>();
for (const [nbName, nbDemonym, enName, enDemonym] of COUNTRIES) {
  NB_DEMONYMS.set(nbDemonym, nbName);
  EN_DEMONYMS.set(enDemonym.toLowerCase(), enName);
  COUNTRY_NAMES.add(nbName.toLowerCase());
  COUNTRY_NAMES.add(enName.toLowerCase());
}

export const isCountryName = (name: string): boolean => COUNTRY_NAMES.has(name.toLowerCase());

/** "syriske"/"syrisk" -> "Syria"; English "Syrian" -> "Syria". */
export function countryOfDemonym(adjective: string): string | undefined {
  const lower = adjective.toLowerCase();
  return NB_DEMONYMS.get(baseAdjective(lower)) ?? EN_DEMONYMS.get(lower);
}

export const isEnglishDemonym = (word: string): boolean => EN_DEMONYMS.has(word.toLowerCase());

/** Norwegian genitive of a country name: "Syria" -> "Syrias", "Hellas" -> "Hellas'". */
export function genitive(name: string): string {
  return /[sxz]$/u.test(name) ? `${name}'` : `${name}s`;
}

const UNINFLECTED = new Set(['tidligere', 'forrige', 'nye', 'nåværende', 'daværende', 'eneste']);

/** "russiske" -> "russisk", "politiske" -> "politisk", "tidligere" stays. */
export function baseAdjective(adjective: string): string {
  const lower = adjective.toLowerCase();
  if (UNINFLECTED.has(lower) || lower.endsWith('ende') || lower.endsWith('ere')) {
    return lower === 'nye' ? 'ny' : lower;
  }
  if (lower.endsWith('ske')) return lower.slice(0, -1);
  if (lower.endsWith('ige')) return lower.slice(0, -1);
  if (lower.endsWith('lle')) return lower.slice(0, -2);
  if (lower.endsWith('te') && lower.length > 4) return lower.slice(0, -1);
  return lower;
}

/** Lowercase words that may stand between a determiner and a role noun. */
export function isAdjectiveLike(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{Ll}/u.test(word)) return false;
  return (
    UNINFLECTED.has(lower) ||
    /(?:ske|sk|ige|ig|ende|ere|lle|elle|iske|ale|ære|nye|ny|store|stor|unge|gamle|fungerende|konstituerte|avgåtte|mangeårige)$/u.test(
      lower,
    ) ||
    countryOfDemonym(lower) !== undefined
  );
}
