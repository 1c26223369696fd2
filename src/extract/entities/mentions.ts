/** Reading the names in one passage, with their kind and the role the text gives them. */

import type { Language } from '../../knowledge/types';
import type { EntityKind, EntityMention } from '../types';
import { institutionNoun, joinInstitutions } from './institutions';
import { isCountryName, readRoleNoun } from './morphology';
import { findNameSpans, type Lexicon, type NameSpan, spanWords } from './names';
import { type FoundRole, parseRolePhrase, roleAfter, roleBefore, roleEndingAt } from './roles';
import { isTeamInResult } from './sports';
import {
  DEFINITE_PERSON_NOUNS,
  FIRST_NAMES,
  FUNCTION_WORDS,
  MULTIWORD_PLACES,
  ORG_DESCRIPTORS_ENDING,
  ORG_ENDINGS,
  ORG_NAME_ENDINGS,
  ORG_WORDS,
  PARTY_ABBREVIATIONS,
  PARTY_LETTERS,
  PLACE_DESCRIPTORS_ENDING,
  PLACE_NAMES,
  PLACE_PREPOSITIONS,
  SPEECH_VERBS,
  STATE_OFFICES,
  TEAM_WORDS,
  TEAM_WORDS_ALONE,
} from './tables';
import { isAcronym, type Token, tokenize } from './tokens';

/** A mention plus how sure the kind is: only strong person readings teach the lexicon. */
export interface ReadMention extends EntityMention {
  strong: boolean;
}

const COORDINATORS = new Set([',', 'og', 'and', 'samt']);

/** Words that open a reply or an exclamation: capitalised there, never a name. */
const INTERJECTIONS = new Set(
  `aha oi hei hallo ja nei jo vel takk ok okei au æsj hm hmm huff uff jaså wow oops jøss
  jøye javisst neida jada joda nja tja ah oh å ha hæ yes no well wow hey`.split(/\s+/u),
);

/**
 * "Helen & Hard", "Procter & Gamble": two names tied by `&` are one firm, never two people.
 */
function joinAmpersands(tokens: readonly Token[], spans: readonly NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const span of spans) {
    const previous = out[out.length - 1];
    const amp = tokens[span.first - 1];
    if (
      previous &&
      previous.last + 2 === span.first &&
      amp?.text === '&' &&
      amp.joinedToPrevious &&
      tokens[span.first]?.joinedToPrevious
    ) {
      out[out.length - 1] = { first: previous.first, last: span.last, titled: false, firm: true };
      continue;
    }
    out.push(span);
  }
  return out;
}

export function extractEntityMentions(
  text: string,
  language: Language,
  lexicon: Lexicon,
): EntityMention[] {
  return readMentions(text, language, lexicon).map(({ strong: _strong, ...mention }) => mention);
}

export function readMentions(text: string, language: Language, lexicon: Lexicon): ReadMention[] {
  const english = language === 'en';
  const tokens = tokenize(text);
  const spans = joinAmpersands(
    tokens,
    joinInstitutions(
      tokens,
      findNameSpans(tokens, lexicon, english).flatMap((span) =>
        splitAdjacent(tokens, span, lexicon),
      ),
      english,
    ),
  );
  const mentions: ReadMention[] = [];
  let sharedRole: { role: FoundRole; lastToken: number } | undefined;
  let previous: { span: NameSpan; mention: ReadMention } | undefined;
  for (const span of spans) {
    const inherited =
      sharedRole && isCoordinated(tokens, sharedRole.lastToken, span.first)
        ? sharedRole.role
        : previous
          ? employerRole(text, tokens, previous.span, previous.mention, span, english)
          : undefined;
    const mention = readSpan(text, tokens, span, lexicon, english, inherited);
    if (!mention) {
      sharedRole = undefined;
      previous = undefined;
      continue;
    }
    previous = { span, mention: mention.mention };
    mentions.push(mention.mention);
    if (mention.role?.plural) sharedRole = { role: mention.role, lastToken: span.last };
    else if (inherited && sharedRole) sharedRole = { role: inherited, lastToken: span.last };
    else sharedRole = undefined;
  }
  return withPartyMentions(tokens, mentions);
}

/**
 * "Jonas Gahr Støre (Ap)", "Kari Moe (H)": the bracket after a person names their party.
 * The party is an organisation; a one-letter code is given its party's name, since "H"
 * alone names nothing a reader would look up.
 */
function withPartyMentions(tokens: readonly Token[], mentions: ReadMention[]): ReadMention[] {
  const byEnd = new Map(mentions.map((m) => [m.end, m]));
  const out: ReadMention[] = [];
  let changed = false;
  for (let index = 0; index + 2 < tokens.length; index++) {
    const open = tokens[index];
    const inside = tokens[index + 1];
    const close = tokens[index + 2];
    const before = tokens[index - 1];
    if (open?.text !== '(' || !open.joinedToPrevious || close?.text !== ')' || !inside || !before)
      continue;
    if (!PARTY_ABBREVIATIONS.has(inside.text)) continue;
    if (byEnd.get(before.end)?.kind !== 'person') continue;
    const name = PARTY_LETTERS.get(inside.text) ?? inside.text;
    out.push({
      name,
      surface: inside.text,
      start: inside.start,
      end: inside.end,
      kind: 'organisation',
      strong: false,
    });
    changed = true;
  }
  if (!changed) return mentions;
  const taken = new Set(out.map((m) => m.start));
  return [...mentions.filter((m) => !taken.has(m.start)), ...out].sort((a, b) => a.start - b.start);
}

/**
 * "konsernsjef i Equinor Anders Opedal": the role and its employer come before the name,
 * with the employer read as a name of its own right before this one.
 */
function employerRole(
  text: string,
  tokens: readonly Token[],
  employer: NameSpan,
  employerMention: ReadMention,
  span: NameSpan,
  english: boolean,
): FoundRole | undefined {
  if (english || employerMention.kind !== 'organisation') return undefined;
  if (employer.last + 1 !== span.first || !tokens[span.first]?.joinedToPrevious) return undefined;
  const prep = tokens[employer.first - 1];
  if (!prep?.joinedToPrevious || !['i', 'ved', 'hos'].includes(prep.lower)) return undefined;
  if (!employer.first || !tokens[employer.first]?.joinedToPrevious) return undefined;
  const role = roleEndingAt(text, tokens, employer.first - 2, english);
  const employerEnd = tokens[employer.last];
  const roleStart = tokens[role?.first ?? -1];
  if (!role || !employerEnd || !roleStart || role.plural) return undefined;
  return {
    ...role,
    role: `${role.role} ${tokens[employer.first - 1]?.text ?? 'i'} ${employerMention.name}`,
    roleText: text.slice(roleStart.start, employerEnd.end),
    last: employer.last,
    specific: true,
  };
}

/** Only commas and "og"/"and" between the end of one name and the start of the next. */
function isCoordinated(tokens: readonly Token[], previousLast: number, nextFirst: number): boolean {
  if (nextFirst <= previousLast + 1) return false;
  for (let index = previousLast + 1; index < nextFirst; index++) {
    const token = tokens[index];
    if (!token || !COORDINATORS.has(token.lower)) return false;
  }
  return true;
}

/**
 * "takket Biden Macron for": two names side by side. Split a two-word run when the
 * archive knows both words as names on their own far more often than together.
 */
function splitAdjacent(tokens: readonly Token[], span: NameSpan, lexicon: Lexicon): NameSpan[] {
  const words = spanWords(tokens, span);
  const [a, b] = words;
  if (words.length !== 2 || !a || !b || span.last - span.first !== 1 || !lexicon.nameCount)
    return [span];
  if (FIRST_NAMES.has(a.text) || isAcronym(a.text) || isAcronym(b.text)) return [span];
  const together = lexicon.nameCount(`${a.text} ${b.text}`);
  const alone = Math.min(lexicon.nameCount(a.text), lexicon.nameCount(stripGenitiveForm(b.text)));
  if (alone >= 2 && together * 2 < alone) {
    return [
      { first: span.first, last: span.first, titled: span.titled },
      { first: span.last, last: span.last, titled: false },
    ];
  }
  return [span];
}

const stripGenitiveForm = (word: string): string => word.replace(/(?:['’]s?|s)$/u, '');

/** How many characters of genitive to drop from the last word ("Støres" -> 1, "Lars" -> 0). */
function genitiveLength(
  name: string,
  lastWord: string,
  next: Token | undefined,
  lexicon: Lexicon,
): number {
  const apostrophe = /['’]s?$/u.exec(lastWord);
  if (apostrophe) return apostrophe[0].length;
  // "Kim Dae-jungs": a short lower-case name part never ends in s of its own.
  if (/^\p{Lu}\p{Ll}+-\p{Ll}{1,4}s$/u.test(lastWord) && name.includes(' ')) return 1;
  if (!/[^s]s$/u.test(lastWord) || lastWord.length < 3) return 0;
  if (/^\p{Lu}{2,}s$/u.test(lastWord)) return 1; // "FNs", "USAs"
  const base = name.slice(0, -1);
  const baseWord = lastWord.slice(0, -1);
  const known = (form: string) => (lexicon.nameCount?.(form) ?? 0) > 0;
  const withoutParticle = baseWord.replace(/^\p{Ll}+-/u, '');
  if (
    known(base) ||
    known(baseWord) ||
    known(withoutParticle) ||
    isCountryName(base) ||
    PLACE_NAMES.has(base)
  ) {
    // "Jonas" stays when the archive has "Jonas" itself more often than "Jona".
    const withS = lexicon.nameCount?.(lastWord) ?? 0;
    const without = Math.max(lexicon.nameCount?.(base) ?? 0, lexicon.nameCount?.(baseWord) ?? 0);
    if (FIRST_NAMES.has(lastWord) && withS >= without) return 0;
    return 1;
  }
  if (FIRST_NAMES.has(lastWord)) return 0;
  if (next?.isWord && next.joinedToPrevious && readRoleNoun(next.text, false)) return 1;
  return 0;
}

function endsWithAny(word: string, endings: readonly string[]): boolean {
  const lower = word.toLowerCase();
  return endings.some((ending) => lower.endsWith(ending) && lower.length > ending.length);
}

/** The descriptor itself or a compound of it ("nyhetsbyrået"); short ones only as whole words ("laget", not "anklaget"). */
function isDescriptor(word: string, descriptors: readonly string[]): boolean {
  const lower = word.toLowerCase();
  return descriptors.some((d) => lower === d || (d.length >= 6 && lower.endsWith(d)));
}

/** "(56)", "(Ap)", "(H)" right after a name. */
function hasAgeOrParty(tokens: readonly Token[], last: number): boolean {
  const open = tokens[last + 1];
  const inside = tokens[last + 2];
  const close = tokens[last + 3];
  if (open?.text !== '(' || !open.joinedToPrevious || close?.text !== ')' || !inside) return false;
  return /^\d{1,3}$/u.test(inside.text) || PARTY_ABBREVIATIONS.has(inside.text);
}

/** Last words that make a name a venue, whatever sponsor it carries ("SR-Bank Arena"). */
const VENUE_WORDS = new Set(['Arena', 'Stadion', 'Stadium', 'Park', 'Hall', 'Senter', 'Center']);

/** A capitalised word right before a name is part of another name, never a descriptor noun. */
const isCapitalisedWord = (token: Token): boolean => token.isWord && /^\p{Lu}/u.test(token.text);

function followsNameAndPreposition(tokens: readonly Token[], first: number): boolean {
  const prep = tokens[first - 1];
  const before = tokens[first - 2];
  return (
    prep?.isWord === true &&
    ['i', 'ved', 'hos', 'fra', 'in', 'at', 'from'].includes(prep.lower) &&
    before !== undefined &&
    // "Per Hansen i ...", "Jon Askeland (Sp) i Vestland meiner"
    ((isCapitalisedWord(before) && !before.sentenceStart) || before.text === ')')
  );
}

/** Pronouns that, before a verb of saying, make the name after it part of what is said. */
const SUBJECT_PRONOUNS = new Set(
  `han hun de vi jeg eg ho dei me du dere dokker he she they we i you`.split(/\s+/u),
);

/** "X said (on Monday) it would": a clause about X with "it" as its subject. */
const SPEAKS_OF_ITSELF_AS_IT =
  /^\s+(?:said|says|added|told\s+\p{L}+)(?:\s+(?:on|late|early|in|last|this)(?:\s+\p{L}+){1,2})?(?:\s+that)?\s+it\s/u;

/** Verbs a company, an agency or the police report through as much as a person. */
const BODY_REPORTING_VERBS: ReadonlySet<string> = new Set(
  `opplyser opplyste melder meldte bekrefter bekreftet stadfestar stadfesta`.split(/\s+/u),
);

/** A name standing alone inside «» or "" quotes. */
function quotedName(tokens: readonly Token[], span: NameSpan): boolean {
  const open = tokens[span.first - 1]?.text;
  const close = tokens[span.last + 1]?.text;
  return (open === '«' && close === '»') || (open === '"' && close === '"');
}

/** "sier Støre": the name after a verb of saying speaks, unless a subject came before the verb ("Han mener Rema har ..."). */
function speaksAfterVerb(
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
function isDateline(text: string, tokens: readonly Token[], span: NameSpan): boolean {
  const first = tokens[span.first];
  if (!first || text.slice(0, first.start).trim() !== '') return false;
  return /^,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8})\b/u.test(
    text.slice(tokens[span.last]?.end ?? 0),
  );
}

const titleCase = (word: string): string => word.charAt(0) + word.slice(1).toLowerCase();

/**
 * Role nouns of people employed by a company or a body: the name right after `i`/`ved`/`hos`
 * following one of them is where the job is held. Offices with a territory (`ordfører i
 * Moss`, `ambassadør i Moskva`) are left out: there the name is a place.
 */
const EMPLOYMENT_HEADS = new Set(
  `konsernsjef direktør finansdirektør styreleder styremedlem analytiker økonom journalist
  redaktør forsker gründer eier investor spiller trener keeper pressesjef informasjonssjef
  kommunikasjonssjef advokat professor stipendiat rådgiver sekretær produsent`.split(/\s+/u),
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

function isEmployerSlot(tokens: readonly Token[], first: number, english: boolean): boolean {
  const prep = tokens[first - 1];
  const role = tokens[first - 2];
  if (!prep?.isWord || !role?.isWord || !tokens[first]?.joinedToPrevious) return false;
  if (!prep.joinedToPrevious) return false;
  if (['i', 'in'].includes(prep.lower) && STAKE_NOUNS.has(role.lower)) return true;
  if (english) {
    if (prep.lower !== 'of' && prep.lower !== 'at') return false;
    const noun = readRoleNoun(role.text, true);
    return noun !== undefined && EMPLOYMENT_HEADS_EN.has(noun.head) && !noun.plural;
  }
  if (!['i', 'ved', 'hos'].includes(prep.lower)) return false;
  const noun = readRoleNoun(role.text, false);
  return noun !== undefined && EMPLOYMENT_HEADS.has(noun.head) && !noun.plural;
}

/**
 * "The company's chairman, Per Holt, said", "Konsernsjefen i Equinor, Anders Opedal, sier":
 * a role phrase that makes up the whole opening of the sentence, then the name between
 * commas, then the verb. Anything else before the comma ("After meeting the chairman, Per
 * Holt said") is not an apposition.
 */
function roleBeforeComma(
  text: string,
  tokens: readonly Token[],
  span: NameSpan,
  english: boolean,
): FoundRole | undefined {
  const comma = span.first - 1;
  if (tokens[comma]?.text !== ',' || tokens[span.last + 1]?.text !== ',') return undefined;
  const verb = tokens[span.last + 2];
  if (!verb?.isWord || !/^\p{Ll}/u.test(verb.text)) return undefined;
  let start = comma - 1;
  while (start > 0 && tokens[start]?.isWord && !tokens[start]?.sentenceStart) start--;
  if (!tokens[start]?.sentenceStart) return undefined;
  const found = parseRolePhrase(text, tokens, start, english);
  return found && !found.plural && found.last === comma - 1 ? found : undefined;
}

function looksLikePersonName(words: readonly Token[]): boolean {
  const named = words.filter((w) => /^\p{Lu}/u.test(w.text));
  return (
    named.length >= 2 &&
    named.length <= 3 &&
    named.every(
      (w) => /^\p{Lu}\p{Ll}/u.test(w.text) && !PLACE_NAMES.has(w.text) && !isCountryName(w.text),
    )
  );
}

function readSpan(
  text: string,
  tokens: readonly Token[],
  span: NameSpan,
  lexicon: Lexicon,
  english: boolean,
  inherited: FoundRole | undefined,
): { mention: ReadMention; role: FoundRole | undefined } | undefined {
  const words = spanWords(tokens, span);
  const firstToken = tokens[span.first];
  const lastToken = tokens[span.last];
  if (!firstToken || !lastToken || words.length === 0) return undefined;
  const surface = text.slice(firstToken.start, lastToken.end);
  if (span.institution || span.firm) {
    // "Oslo kommunes budsjett": the genitive belongs to the sentence, not the name.
    const cut = institutionNoun(lastToken.text)?.genitive ? 1 : 0;
    const mention: ReadMention = {
      name: surface.slice(0, surface.length - cut),
      surface,
      start: firstToken.start,
      end: lastToken.end,
      kind: 'organisation',
      strong: false,
    };
    return { mention, role: undefined };
  }
  const next = tokens[span.last + 1];
  const prev = firstToken.joinedToPrevious ? tokens[span.first - 1] : undefined;
  const cut = genitiveLength(surface, lastToken.text, next, lexicon);
  const name = surface.slice(0, surface.length - cut);
  const lastWord = lastToken.text.slice(0, lastToken.text.length - cut);
  const single = words.length === 1;
  const firstWord = words[0]?.text ?? '';

  // "- Aha, norsk journalist.": an interjection opening the sentence is no one.
  if (single && firstToken.sentenceStart && INTERJECTIONS.has(name.toLowerCase())) return undefined;
  // "tittelforsvarer Russland", "gjestet Norge som ...": a country or a known place holds no
  // office, whatever role noun stands next to it.
  const placeName =
    isCountryName(name) ||
    PLACE_NAMES.has(name) ||
    MULTIWORD_PLACES.has(words.map((w) => w.text).join(' '));
  const roleFromBefore = placeName
    ? undefined
    : (roleBefore(text, tokens, span.first, english) ??
      roleBeforeComma(text, tokens, span, english));
  const afterName =
    roleFromBefore || placeName
      ? undefined
      : roleAfter(text, tokens, span.last, english, span.first);
  // "Aha, norsk journalist.": a lone opening word the archive never names elsewhere, with
  // an apposition that ends the sentence, is an exclamation addressing someone, not a name
  // with its role ("Hansen, NRK-journalist, sier" goes on with a verb).
  const exclamation =
    single &&
    firstToken.sentenceStart &&
    next?.text === ',' &&
    !FIRST_NAMES.has(firstWord) &&
    (lexicon.nameCount?.(name) ?? 0) === 0 &&
    tokens[(afterName?.last ?? 0) + 1]?.text !== ',';
  const roleFromAfter = exclamation ? undefined : afterName;
  const role = placeName ? undefined : (roleFromBefore ?? roleFromAfter ?? inherited);
  const ownerOfRole =
    cut > 0 && next?.joinedToPrevious === true && next.isWord && readRoleNoun(next.text, english);

  let kind: EntityKind = 'other';
  let strong = false;
  const prevLower = prev?.lower ?? '';
  if (single && isAcronym(name)) {
    // Datelines write places in capitals ("OSLO, Feb 27 (Reuters)"): a known place stays one.
    kind =
      isCountryName(name) || PLACE_NAMES.has(titleCase(name)) || isDateline(text, tokens, span)
        ? 'place'
        : 'organisation';
  } else if (
    words.some((w, i) => (i > 0 || !single) && ORG_WORDS.has(w.text)) ||
    words.some((w, i) => i > 0 && TEAM_WORDS.has(w.text)) ||
    (single && TEAM_WORDS_ALONE.has(name)) ||
    (!single &&
      words.some((w) => endsWithAny(w.text, ORG_NAME_ENDINGS)) &&
      !VENUE_WORDS.has(lastWord)) ||
    (single && ORG_WORDS.has(name)) ||
    (single && endsWithAny(lastWord, ORG_ENDINGS)) ||
    (prev !== undefined &&
      !isCapitalisedWord(prev) &&
      isDescriptor(prevLower, ORG_DESCRIPTORS_ENDING) &&
      !isCountryName(name))
  ) {
    kind = 'organisation';
  } else if (role || span.titled || hasAgeOrParty(tokens, span.last)) {
    kind = 'person';
    strong = true;
  } else if (quotedName(tokens, span)) {
    // «Ingunn», «Kon-Tiki»: a storm, a ship, a book or an operation, not the person it is named after.
    kind = 'other';
  } else if (
    isEmployerSlot(tokens, span.first, english) &&
    !isCountryName(name) &&
    !PLACE_NAMES.has(name)
  ) {
    // "konsernsjef i Equinor", "analytiker i DNB Markets": where a job is held is a body.
    kind = 'organisation';
  } else if (ownerOfRole) {
    // "Irans president", "FNs spesialutsending": the owner of a role is a country or a body.
    const head = readRoleNoun(next?.text ?? '', english);
    if (lexicon.isPersonWord?.(name)) kind = 'person';
    else if (isCountryName(name) || PLACE_NAMES.has(name)) kind = 'place';
    else kind = head && STATE_OFFICES.has(head.head) ? 'place' : 'organisation';
  } else if (
    !isCountryName(name) &&
    !FIRST_NAMES.has(firstWord) &&
    !lexicon.isPersonWord?.(name) &&
    isTeamInResult(text, tokens, span)
  ) {
    // "tapte 1-2 mot Molde", "Viking slo Brann 3-0": the sides of a team result are clubs.
    kind = 'organisation';
  } else if (
    isCountryName(name) ||
    PLACE_NAMES.has(name) ||
    MULTIWORD_PLACES.has(words.map((w) => w.text).join(' '))
  ) {
    kind = 'place';
  } else if (
    prev !== undefined &&
    !isCapitalisedWord(prev) &&
    isDescriptor(prevLower, PLACE_DESCRIPTORS_ENDING)
  ) {
    kind = 'place';
  } else if (FIRST_NAMES.has(firstWord) && !(single && PLACE_PREPOSITIONS.has(prevLower))) {
    kind = 'person';
    strong = words.length > 1;
  } else if (lexicon.isPersonWord?.(name) || lexicon.isPersonWord?.(lastWord)) {
    kind = 'person';
  } else if (english && SPEAKS_OF_ITSELF_AS_IT.test(text.slice(lastToken.end))) {
    // "Meta said it would ...", "Nordhav said on Monday it had ...": what speaks of itself
    // as "it" is no person.
    kind = 'organisation';
  } else if (speaksAfterVerb(tokens, span.first, BODY_REPORTING_VERBS)) {
    // "opplyser Tensio", "melder Fjordkraft": bodies report through these verbs as often as people.
    kind = 'other';
  } else if (
    speaksAfterVerb(tokens, span.first) ||
    (next?.joinedToPrevious === true &&
      SPEECH_VERBS.has(next.lower) &&
      // "Per Hansen i Sparebank Vest sier": the speaker is the name before the preposition.
      !followsNameAndPreposition(tokens, span.first))
  ) {
    kind = 'person';
  } else if (
    prev !== undefined &&
    // "mot X" is as often a rival, a target or an opponent ("anklagene mot Hansen") as a direction.
    ((PLACE_PREPOSITIONS.has(prevLower) && prevLower !== 'mot') ||
      (prevLower === 'av' && tokens[span.first - 2]?.lower === 'ut'))
  ) {
    kind = 'place';
  } else if (looksLikePersonName(words)) {
    // Two or three plain capitalised words with nothing else said about them are mostly people.
    kind = 'person';
  }

  // "Mannen (61) ble dømt": a definite noun for a person opening the sentence is no name.
  if (single && firstToken.sentenceStart && DEFINITE_PERSON_NOUNS.has(name.toLowerCase()))
    return undefined;
  // "Statsministerens rådgiver": a role noun opening the sentence is no name.
  if (single && firstToken.sentenceStart && readRoleNoun(name, english)?.definite) return undefined;
  // "Den" of "Den islamske stat", "The" of an English title: a lone function word is no name.
  if (single && !isAcronym(name) && FUNCTION_WORDS.has(name.toLowerCase())) return undefined;
  // An opening word with nothing else for it is an ordinary word that happens to open the sentence.
  if (
    single &&
    firstToken.sentenceStart &&
    kind === 'other' &&
    (lexicon.nameCount?.(name) ?? 0) === 0
  ) {
    return undefined;
  }
  const mention: ReadMention = {
    name,
    surface,
    start: firstToken.start,
    end: lastToken.end,
    kind,
    strong,
  };
  if (role && kind === 'person') {
    mention.role = role.role;
    mention.roleText = role.roleText;
  }
  return { mention, role: kind === 'person' ? role : undefined };
}
