/**
 * What the words around a name say about its kind: a body's descriptor before it, an age
 * or a party after it, a verb of saying, a dateline, a job's employer slot. The kind rules
 * (kinds.ts) are made of these.
 */

import { isCountryName, readRoleNoun } from './morphology';
import type { NameSpan } from './names';
import { PARTY_ABBREVIATIONS, PLACE_NAMES, SPEECH_VERBS } from './tables';
import type { Token } from './tokens';

export function endsWithAny(word: string, endings: readonly string[]): boolean {
  const lower = word.toLowerCase();
  return endings.some((ending) => lower.endsWith(ending) && lower.length > ending.length);
}

/** The descriptor itself or a compound of it ("nyhetsbyrået"); short ones only as whole words ("laget", not "anklaget"). */
export function isDescriptor(word: string, descriptors: readonly string[]): boolean {
  const lower = word.toLowerCase();
  return descriptors.some((d) => lower === d || (d.length >= 6 && lower.endsWith(d)));
}

/** "(56)", "(Ap)", "(H)" right after a name. */
export function hasAgeOrParty(tokens: readonly Token[], last: number): boolean {
  const open = tokens[last + 1];
  const inside = tokens[last + 2];
  const close = tokens[last + 3];
  if (open?.text !== '(' || !open.joinedToPrevious || close?.text !== ')' || !inside) return false;
  return /^\d{1,3}$/u.test(inside.text) || PARTY_ABBREVIATIONS.has(inside.text);
}

/**
 * Last words that make a name a venue, whatever sponsor it carries ("SR-Bank Arena"), or a
 * stage or a hotel ("Det Norske Teatret" is a body already; "Nordvik Scene", "Brakstad
 * Hotell" are places).
 */
export const VENUE_WORDS = new Set([
  'Arena',
  'Stadion',
  'Stadium',
  'Park',
  'Hall',
  'Hallen',
  'Senter',
  'Center',
  'Scene',
  'Scenen',
  'Hotell',
  'Hotel',
  'Kulturhus',
  'Kulturhuset',
  'Konserthus',
  'Amfi',
  'Kirke',
  'Kyrkje',
]);

/** A capitalised word right before a name is part of another name, never a descriptor noun. */
export const isCapitalisedWord = (token: Token): boolean =>
  token.isWord && /^\p{Lu}/u.test(token.text);

/**
 * "Per Hansen i Sparebank Vest sier", "Kommunestyret i Sundvik sa", "styret i Nordvik
 * sier": the name after the preposition is where the one before it is, and that one speaks.
 */
export function followsNameAndPreposition(tokens: readonly Token[], first: number): boolean {
  const prep = tokens[first - 1];
  const before = tokens[first - 2];
  return (
    prep?.isWord === true &&
    prep.joinedToPrevious &&
    tokens[first]?.joinedToPrevious === true &&
    ['i', 'ved', 'hos', 'fra', 'in', 'at', 'from'].includes(prep.lower) &&
    before !== undefined &&
    // "Jon Askeland (Sp) i Vestland meiner"
    (before.isWord || before.text === ')')
  );
}

/** Pronouns that, before a verb of saying, make the name after it part of what is said. */
const SUBJECT_PRONOUNS = new Set(
  `han hun de vi jeg eg ho dei me du dere dokker he she they we i you`.split(/\s+/u),
);

/** "X said (on Monday) it would": a clause about X with "it" as its subject. */
export const SPEAKS_OF_ITSELF_AS_IT =
  /^\s+(?:said|says|added|told\s+\p{L}+)(?:\s+(?:on|late|early|in|last|this)(?:\s+\p{L}+){1,2})?(?:\s+that)?\s+it\s/u;

/** Verbs a company, an agency or the police report through as much as a person. */
export const BODY_REPORTING_VERBS: ReadonlySet<string> = new Set(
  `opplyser opplyste melder meldte bekrefter bekreftet stadfestar stadfesta`.split(/\s+/u),
);

/** A name standing alone inside «» or "" quotes. */
export function quotedName(tokens: readonly Token[], span: NameSpan): boolean {
  const open = tokens[span.first - 1]?.text;
  const close = tokens[span.last + 1]?.text;
  return (open === '«' && close === '»') || (open === '"' && close === '"');
}

/** "sier Støre": the name after a verb of saying speaks, unless a subject came before the verb ("Han mener Rema har ..."). */
export function speaksAfterVerb(
  tokens: readonly Token[],
  first: number,
  verbs: ReadonlySet<string> = SPEECH_VERBS,
): boolean {
  const verb = tokens[first - 1];
  if (!verb?.isWord || !verbs.has(verb.lower) || !tokens[first]?.joinedToPrevious) return false;
  const subject = tokens[first - 2];
  return !(subject?.isWord && SUBJECT_PRONOUNS.has(subject.lower) && verb.joinedToPrevious);
}

/** "BRUSSELS, Feb 23 (Reuters) -": a capitals word opening the text, then a comma and a date. */
export function isDateline(text: string, tokens: readonly Token[], span: NameSpan): boolean {
  const first = tokens[span.first];
  if (!first || text.slice(0, first.start).trim() !== '') return false;
  return /^,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8})\b/u.test(
    text.slice(tokens[span.last]?.end ?? 0),
  );
}

export const titleCase = (word: string): string => word.charAt(0) + word.slice(1).toLowerCase();

/**
 * Role nouns of people employed by a company or a body: the name right after `i`/`ved`/`hos`
 * following one of them is where the job is held. Offices with a territory (`ordfører i
 * Moss`, `ambassadør i Moskva`) are left out: there the name is a place. Nynorsk forms
 * too: `spelar i Brann`, `trenar i Molde`.
 */
const EMPLOYMENT_HEADS = new Set(
  `konsernsjef direktør finansdirektør styreleder styremedlem analytiker økonom journalist
  redaktør forsker gründer eier investor spiller trener keeper pressesjef informasjonssjef
  kommunikasjonssjef advokat professor stipendiat rådgiver sekretær produsent
  spelar trenar analytikar forskar eigar rådgjevar`.split(/\s+/u),
);

/** English heads whose `of`/`at` complement is an employer ("chief executive of Nordhav"). */
const EMPLOYMENT_HEADS_EN = new Set(
  `executive chairman chairwoman chair ceo director founder owner head chief analyst economist
  editor officer researcher professor`.split(/\s+/u),
);

/** Holdings are held in a company: "shares in Fjordline", "aksjer i Nordhav". */
const STAKE_NOUNS = new Set(
  `shares stake stakes holding holdings stock aksjer aksjene aksjen eierandel eierandelen
  eierpost eierposten aksjepost aksjeposten`.split(/\s+/u),
);

export function isEmployerSlot(tokens: readonly Token[], first: number, english: boolean): boolean {
  const prep = tokens[first - 1];
  const role = tokens[first - 2];
  if (!prep?.isWord || !role?.isWord || !tokens[first]?.joinedToPrevious) return false;
  if (!prep.joinedToPrevious) return false;
  if (['i', 'in'].includes(prep.lower) && STAKE_NOUNS.has(role.lower)) return true;
  if (english) {
    if (prep.lower !== 'of' && prep.lower !== 'at') return false;
    const noun = readRoleNoun(role.text, true);
    // "analysts at Fjord Securities": where several hold a job is a body too, after "at".
    return (
      noun !== undefined &&
      EMPLOYMENT_HEADS_EN.has(noun.head) &&
      (!noun.plural || prep.lower === 'at')
    );
  }
  if (!['i', 'ved', 'hos'].includes(prep.lower)) return false;
  const noun = readRoleNoun(role.text, false);
  return noun !== undefined && EMPLOYMENT_HEADS.has(noun.head) && !noun.plural;
}

export function looksLikePersonName(words: readonly Token[]): boolean {
  const named = words.filter((w) => /^\p{Lu}/u.test(w.text));
  return (
    named.length >= 2 &&
    named.length <= 3 &&
    named.every(
      (w) => /^\p{Lu}\p{Ll}/u.test(w.text) && !PLACE_NAMES.has(w.text) && !isCountryName(w.text),
    )
  );
}
