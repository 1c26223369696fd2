/**
 * What kind of thing a name is (person, organisation, place or other), as an ordered table
 * of named rules. The first rule that reads the name decides; a name no rule reads is
 * `other`. The order is the precedence: a body word in the name beats a first name
 * ("Johan Sverdrup AS"), a role beats a place preposition ("til statsminister Kari Moe"), a
 * known place beats the shape of a person's name. Each rule carries the example that
 * motivated it; test/extract/kinds.test.ts reads every example through the whole reader.
 */

import type { EntityKind } from '../types';
import {
  BODY_REPORTING_VERBS,
  endsWithAny,
  followsNameAndPreposition,
  hasAgeOrParty,
  isCapitalisedWord,
  isDateline,
  isDescriptor,
  isEmployerSlot,
  looksLikePersonName,
  quotedName,
  SPEAKS_OF_ITSELF_AS_IT,
  speaksAfterVerb,
  titleCase,
  VENUE_WORDS,
} from './kind-signals';
import { countryOfDemonym, isCountryName, type RoleNoun, readRoleNoun } from './morphology';
import type { Lexicon, NameSpan } from './names';
import type { FoundRole } from './roles';
import { isTeamInResult, otherLoneFirstNameInSentence } from './sports';
import {
  DEFINITE_PERSON_NOUNS,
  ENGLISH_COMMON_BODY_WORDS,
  EVENT_ACRONYMS,
  EVENT_NOUNS,
  FIRST_NAMES,
  FUNCTION_WORDS,
  isEnglishRoleField,
  LEAGUE_WORDS,
  MULTIWORD_PLACES,
  ORG_DESCRIPTORS_ENDING,
  ORG_ENDINGS,
  ORG_NAME_ENDINGS,
  ORG_WORDS,
  PLACE_DESCRIPTORS_ENDING,
  PLACE_NAMES,
  PLACE_PREPOSITIONS,
  SPEECH_VERBS,
  STATE_OFFICES,
  TEAM_WORDS,
  TEAM_WORDS_ALONE,
  TRANSFER_VERBS,
  WORK_NOUNS,
} from './tables';
import { isAcronym, type Token } from './tokens';

/** Everything a kind rule may look at: the name, its words and what stands around it. */
export interface KindContext {
  text: string;
  tokens: readonly Token[];
  span: NameSpan;
  words: readonly Token[];
  /** The name with any genitive dropped. */
  name: string;
  firstWord: string;
  lastWord: string;
  single: boolean;
  /** The token right before the name when only spaces separate them. */
  prev: Token | undefined;
  prevLower: string;
  next: Token | undefined;
  /** The role the text gives the name, if any. */
  role: FoundRole | undefined;
  /** "Irans president": the name owns the role noun after it. */
  ownerOfRole: RoleNoun | undefined;
  lexicon: Lexicon;
  english: boolean;
  /** The kind of the name this one is listed with ("Brann og Molde"), when it is. */
  coordinatedWith?: EntityKind | undefined;
}

export interface KindReading {
  kind: EntityKind;
  /** A person reading sure enough to teach the archive's lexicon. */
  strong?: boolean;
}

export interface KindRule {
  name: string;
  /** The sentence that motivated the rule, with the name it reads and the kind it gives. */
  example: { text: string; name: string; kind: EntityKind; language?: 'nb' | 'nn' | 'en' };
  read(c: KindContext): KindReading | undefined;
}

const is = (kind: EntityKind, strong = false): KindReading => ({ kind, strong });

const knownPlace = (c: KindContext): boolean =>
  isCountryName(c.name) ||
  PLACE_NAMES.has(c.name) ||
  MULTIWORD_PLACES.has(c.words.map((w) => w.text).join(' '));

/**
 * The word before the name is a descriptor noun ("nyhetsbyrået NTB", "byen Aleppo"), in
 * lower case or opening the sentence ("Bandet Skodde spelte"); any other capitalised word
 * there belongs to another name.
 */
const describedAs = (c: KindContext, descriptors: readonly string[]): boolean =>
  c.prev !== undefined &&
  (!isCapitalisedWord(c.prev) || c.prev.sentenceStart) &&
  isDescriptor(c.prevLower, descriptors);

/** "Oberstdorf-VM", "Holmenkollen-rennet": the last part after a hyphen names an event. */
function isEventCompound(word: string): boolean {
  const dash = word.lastIndexOf('-');
  if (dash <= 0) return false;
  const tail = word.slice(dash + 1);
  return EVENT_ACRONYMS.has(tail) || EVENT_NOUNS.has(tail.toLowerCase());
}

/** "Eliteserien", "OBOS-ligaen", "Premier League", "Bundesliga": a league is a body. */
function isLeague(c: KindContext): boolean {
  if (LEAGUE_WORDS.has(c.lastWord)) return !c.single || c.lastWord !== 'League';
  return /(?:ligaen|liga|serien)$/u.test(c.lastWord.toLowerCase()) && c.lastWord.length > 6;
}

/** "maleriet Madonna", "maleriet «Skrik»", "the novel "Sunset"": a work noun right before the title. */
function workNounBefore(c: KindContext): boolean {
  const before = c.tokens[c.span.first - 1];
  const quoted = before !== undefined && /^[«"“]$/u.test(before.text);
  const noun = quoted ? c.tokens[c.span.first - 2] : c.prev;
  return noun?.isWord === true && WORK_NOUNS.has(noun.lower);
}

export const KIND_RULES: readonly KindRule[] = [
  {
    name: 'event',
    example: { text: 'Hun tok gull i Oberstdorf-VM.', name: 'Oberstdorf-VM', kind: 'other' },
    read: (c) =>
      isEventCompound(c.lastWord) || (c.single && EVENT_ACRONYMS.has(c.name))
        ? is('other')
        : undefined,
  },
  {
    name: 'acronym',
    example: { text: 'Det opplyser NRK.', name: 'NRK', kind: 'organisation' },
    // Datelines write places in capitals ("OSLO, Feb 27 (Reuters)"): a known place stays one.
    read: (c) => {
      if (!c.single || !isAcronym(c.name)) return undefined;
      const place =
        isCountryName(c.name) ||
        PLACE_NAMES.has(titleCase(c.name)) ||
        isDateline(c.text, c.tokens, c.span);
      return is(place ? 'place' : 'organisation');
    },
  },
  {
    name: 'league',
    example: {
      text: 'Laget rykket opp til Eliteserien.',
      name: 'Eliteserien',
      kind: 'organisation',
    },
    read: (c) => (isLeague(c) ? is('organisation') : undefined),
  },
  {
    name: 'body-word-in-name',
    example: {
      text: 'Han jobber i Norsk Hydro ASA.',
      name: 'Norsk Hydro ASA',
      kind: 'organisation',
    },
    read: (c) =>
      c.words.some((w, i) => (i > 0 || !c.single) && ORG_WORDS.has(w.text)) ||
      (!c.single &&
        c.words.some((w) => endsWithAny(w.text, ORG_NAME_ENDINGS)) &&
        !VENUE_WORDS.has(c.lastWord))
        ? is('organisation')
        : undefined,
  },
  {
    name: 'club-word',
    example: {
      text: 'Han spilte for Glasgow Rangers.',
      name: 'Glasgow Rangers',
      kind: 'organisation',
    },
    read: (c) =>
      c.words.some((w, i) => i > 0 && TEAM_WORDS.has(w.text)) ||
      (c.single && TEAM_WORDS_ALONE.has(c.name))
        ? is('organisation')
        : undefined,
  },
  {
    name: 'one-word-body',
    example: {
      text: 'Saken er sendt til Arbeiderpartiet.',
      name: 'Arbeiderpartiet',
      kind: 'organisation',
    },
    read: (c) =>
      c.single && (ORG_WORDS.has(c.name) || endsWithAny(c.lastWord, ORG_ENDINGS))
        ? is('organisation')
        : undefined,
  },
  {
    name: 'national-adjective-opens-name',
    // Norwegian writes demonyms in lower case: capitalised first in a name, they open a body's name.
    example: { text: 'Aksjen i Norsk Hydro steg.', name: 'Norsk Hydro', kind: 'organisation' },
    read: (c) => {
      const first = c.words[0]?.text ?? '';
      const second = c.words[1]?.text ?? '';
      return !c.english &&
        !c.single &&
        countryOfDemonym(first) !== undefined &&
        !FIRST_NAMES.has(second)
        ? is('organisation')
        : undefined;
    },
  },
  {
    name: 'body-descriptor-before',
    example: { text: 'Det melder nyhetsbyrået Reuters.', name: 'Reuters', kind: 'organisation' },
    read: (c) =>
      describedAs(c, ORG_DESCRIPTORS_ENDING) && !isCountryName(c.name)
        ? is('organisation')
        : undefined,
  },
  {
    name: 'venue-word-ends-name',
    // "Nordvik Arena", "Den Vestlandske Scene", "Brakstad Hotell": a name ending in a venue's
    // word is where things happen. Not after a first name ("Lisa Park", "Anna Hall").
    example: {
      text: 'Konserten går på Nordvik Arena i kveld.',
      name: 'Nordvik Arena',
      kind: 'place',
    },
    read: (c) =>
      !c.single && VENUE_WORDS.has(c.lastWord) && !FIRST_NAMES.has(c.firstWord) && !c.role
        ? is('place')
        : undefined,
  },
  {
    name: 'person-signal',
    example: { text: 'Det sier statsminister Kari Moe.', name: 'Kari Moe', kind: 'person' },
    // A role, a title, or an age or party in brackets after it.
    read: (c) =>
      c.role || c.span.titled || hasAgeOrParty(c.tokens, c.span.last)
        ? is('person', true)
        : undefined,
  },
  {
    name: 'work-title',
    // "maleriet Madonna", "the painting Sunset", "romanen Anna": the title of a work.
    example: { text: 'Han kjøpte maleriet Madonna i fjor.', name: 'Madonna', kind: 'other' },
    read: (c) => (workNounBefore(c) && !c.span.titled ? is('other') : undefined),
  },
  {
    name: 'quoted-name',
    // «Ingunn», «Kon-Tiki»: a storm, a ship, a book or an operation, not the person it is named after.
    example: { text: 'Uværet «Ingunn» stengte veiene.', name: 'Ingunn', kind: 'other' },
    read: (c) => (quotedName(c.tokens, c.span) ? is('other') : undefined),
  },
  {
    name: 'known-thing',
    // The archive writes it elsewhere as a work, a field or an event ("Johan Castberg-feltet").
    example: {
      text: 'Johan Castberg-feltet er i drift. Produksjonen på Johan Castberg økte.',
      name: 'Johan Castberg',
      kind: 'other',
    },
    read: (c) =>
      c.lexicon.isThingName?.(c.name) && !c.lexicon.isPersonWord?.(c.name)
        ? is('other')
        : undefined,
  },
  {
    name: 'employer-slot',
    // "konsernsjef i Equinor", "analytiker i DNB Markets": where a job is held is a body.
    example: { text: 'Hun er konsernsjef i Nordfisk.', name: 'Nordfisk', kind: 'organisation' },
    read: (c) =>
      isEmployerSlot(c.tokens, c.span.first, c.english) &&
      !isCountryName(c.name) &&
      !PLACE_NAMES.has(c.name)
        ? is('organisation')
        : undefined,
  },
  {
    name: 'owner-of-role',
    // "Irans president", "FNs spesialutsending": the owner of a role is a country or a body.
    example: { text: 'Nordfisks konsernsjef var fornøyd.', name: 'Nordfisk', kind: 'organisation' },
    read: (c) => {
      if (!c.ownerOfRole) return undefined;
      if (c.lexicon.isPersonWord?.(c.name)) return is('person');
      if (isCountryName(c.name) || PLACE_NAMES.has(c.name)) return is('place');
      return is(STATE_OFFICES.has(c.ownerOfRole.head) ? 'place' : 'organisation');
    },
  },
  {
    name: 'team-in-result',
    // "tapte 1-2 mot Molde", "Viking slo Brann 3-0": the sides of a team result are clubs.
    example: { text: 'Odd slo Haugesund 2-1 i serien.', name: 'Haugesund', kind: 'organisation' },
    read: (c) =>
      !isCountryName(c.name) &&
      !FIRST_NAMES.has(c.firstWord) &&
      !c.lexicon.isPersonWord?.(c.name) &&
      isTeamInResult(c.text, c.tokens, c.span)
        ? is('organisation')
        : undefined,
  },
  {
    name: 'lone-first-name-team-in-result',
    // "Odd slo Viking 2-1": a club named like a first name (Odd, Start, Lyn) stands alone
    // as a side of a team result; a person there has a surname or a signal. Not when the
    // other side is a lone first name too ("Magnus slo Hikaru 1-0" is two players).
    example: { text: 'Odd slo Viking 2-1 søndag.', name: 'Odd', kind: 'organisation' },
    read: (c) =>
      c.single &&
      FIRST_NAMES.has(c.name) &&
      isTeamInResult(c.text, c.tokens, c.span) &&
      !otherLoneFirstNameInSentence(c.text, c.tokens, c.span, FIRST_NAMES)
        ? is('organisation')
        : undefined,
  },
  {
    name: 'known-place',
    example: { text: 'Møtet ble holdt i Bergen.', name: 'Bergen', kind: 'place' },
    read: (c) => (knownPlace(c) ? is('place') : undefined),
  },
  {
    name: 'transfer-club',
    // "hentet til Molde", "solgt fra Brann", "spilte for Rosenborg": a player moves between clubs.
    example: { text: 'Spissen ble hentet til Molde i fjor.', name: 'Molde', kind: 'organisation' },
    read: (c) => {
      const preposition = c.prevLower;
      const verb = c.tokens[c.span.first - 2];
      if (!['til', 'fra', 'for', 'frå', 'to', 'from', 'for'].includes(preposition))
        return undefined;
      if (!verb?.isWord || !c.prev?.joinedToPrevious || !TRANSFER_VERBS.has(verb.lower))
        return undefined;
      if (isCountryName(c.name) || FIRST_NAMES.has(c.firstWord)) return undefined;
      return is('organisation');
    },
  },
  {
    name: 'lone-first-name-club-in-transfer-list',
    // "spilt for Aalesund og Odd", "hentet fra Odd": a lone first name where a player's
    // clubs are listed is a club named like a person (Odd, Start, Lyn), unless the passage
    // names someone with that first name.
    example: { text: 'Han har spilt for Aalesund og Odd.', name: 'Odd', kind: 'organisation' },
    read: (c) =>
      c.single &&
      FIRST_NAMES.has(c.name) &&
      inTransferList(c.tokens, c.span.first) &&
      !namesSomeoneCalled(c.text, c.name)
        ? is('organisation')
        : undefined,
  },
  {
    name: 'place-descriptor-before',
    example: { text: 'Kampene raste i byen Aleppo.', name: 'Aleppo', kind: 'place' },
    read: (c) => (describedAs(c, PLACE_DESCRIPTORS_ENDING) ? is('place') : undefined),
  },
  {
    name: 'first-name',
    // "i Kristiansand" is a place even when its word is a first name elsewhere ("Per").
    example: { text: 'Vi snakket med Ingrid Lunde.', name: 'Ingrid Lunde', kind: 'person' },
    read: (c) =>
      FIRST_NAMES.has(c.firstWord) && !(c.single && PLACE_PREPOSITIONS.has(c.prevLower))
        ? is('person', c.words.length > 1)
        : undefined,
  },
  {
    name: 'person-word',
    // The archive names this word as a person elsewhere, with a clear signal.
    example: {
      text: 'Statsminister Kari Solvik talte. Solvik var fornøyd.',
      name: 'Solvik',
      kind: 'person',
    },
    read: (c) =>
      c.lexicon.isPersonWord?.(c.name) || c.lexicon.isPersonWord?.(c.lastWord)
        ? is('person')
        : undefined,
  },
  {
    name: 'speaks-of-itself-as-it',
    // "Meta said it would ...": what speaks of itself as "it" is no person.
    example: {
      text: 'Nordhav said on Monday it would cut jobs.',
      name: 'Nordhav',
      kind: 'organisation',
      language: 'en',
    },
    read: (c) => {
      const lastToken = c.tokens[c.span.last];
      return c.english && lastToken && SPEAKS_OF_ITSELF_AS_IT.test(c.text.slice(lastToken.end))
        ? is('organisation')
        : undefined;
    },
  },
  {
    name: 'body-reporting-verb',
    // "opplyser Tensio", "melder Fjordkraft": bodies report through these verbs as often as people.
    example: { text: 'Strømmen er tilbake, opplyser Tensio.', name: 'Tensio', kind: 'other' },
    read: (c) =>
      speaksAfterVerb(c.tokens, c.span.first, BODY_REPORTING_VERBS) ? is('other') : undefined,
  },
  {
    name: 'speaker',
    // "sier Solvik", "Solvik sier": a verb of saying next to the name; not "Per Hansen i Sparebank Vest sier".
    example: { text: 'Det er klart, sier Aasvik.', name: 'Aasvik', kind: 'person' },
    read: (c) =>
      speaksAfterVerb(c.tokens, c.span.first) ||
      (c.next?.joinedToPrevious === true &&
        SPEECH_VERBS.has(c.next.lower) &&
        !followsNameAndPreposition(c.tokens, c.span.first))
        ? is('person')
        : undefined,
  },
  {
    name: 'place-preposition',
    // "mot X" is as often a rival, a target or an opponent ("anklagene mot Hansen") as a direction.
    example: { text: 'Hun flyttet til Lillevik i fjor.', name: 'Lillevik', kind: 'place' },
    read: (c) =>
      c.prev !== undefined &&
      ((PLACE_PREPOSITIONS.has(c.prevLower) && c.prevLower !== 'mot') ||
        (c.prevLower === 'av' && c.tokens[c.span.first - 2]?.lower === 'ut'))
        ? is('place')
        : undefined,
  },
  {
    name: 'person-shaped',
    // Two or three plain capitalised words with nothing else said about them are mostly
    // people in Norwegian; English capitalises the words of bodies' names too ("Human
    // Rights Watch"), so there the shape alone says nothing.
    example: {
      text: 'Saken gjelder Tore Aasvik og to andre.',
      name: 'Tore Aasvik',
      kind: 'person',
    },
    // Not when the first word is an ordinary word the archive writes in lower case and no
    // first name ("Dagens Næringsliv", "Årets Navn"): a newspaper or a title. (NorNE F1
    // 0.856 -> 0.860: precision rose, recall held.)
    read: (c) =>
      !c.english &&
      looksLikePersonName(c.words) &&
      !(c.lexicon.isCommonWord(c.firstWord.toLowerCase()) && !FIRST_NAMES.has(c.firstWord))
        ? is('person')
        : undefined,
  },
  {
    name: 'listed-with-body',
    // "spilte for Tottenham Hotspur og Rosenborg": with nothing else for it, a name listed
    // right after a body is another body.
    example: {
      text: 'Han har spilt for Tottenham Hotspur og Rosenborg.',
      name: 'Rosenborg',
      kind: 'organisation',
    },
    read: (c) =>
      c.coordinatedWith === 'organisation' && !FIRST_NAMES.has(c.firstWord)
        ? is('organisation')
        : undefined,
  },
];

/** Whether the text writes `first` followed by a capitalised word (a full name with it). */
function namesSomeoneCalled(text: string, first: string): boolean {
  let at = text.indexOf(`${first} `);
  while (at >= 0) {
    const before = at === 0 ? '' : text.charAt(at - 1);
    const next = text.charAt(at + first.length + 1);
    if (!/\p{L}/u.test(before) && /\p{Lu}/u.test(next)) return true;
    at = text.indexOf(`${first} `, at + 1);
  }
  return false;
}

const CLUB_PREPOSITIONS = new Set(['til', 'fra', 'for', 'frå', 'to', 'from']);
const LIST_JOINERS = new Set(['og', 'and', ',', 'eller', 'or']);

/**
 * Whether the token at `first` stands where a transfer verb lists clubs: right after
 * "spilt for" / "hentet til", or later in the same list ("spilt for Aalesund og Odd").
 */
function inTransferList(tokens: readonly Token[], first: number): boolean {
  let i = first - 1;
  // Back over "<Name> og", "<Name>," pairs of the list.
  while (i > 0 && LIST_JOINERS.has(tokens[i]?.lower ?? '')) {
    let j = i - 1;
    while (j >= 0 && tokens[j]?.isWord === true && /^\p{Lu}/u.test(tokens[j]?.text ?? '')) j--;
    if (j === i - 1) return false;
    i = j;
  }
  const preposition = tokens[i];
  const verb = tokens[i - 1];
  return (
    preposition?.isWord === true &&
    CLUB_PREPOSITIONS.has(preposition.lower) &&
    verb?.isWord === true &&
    TRANSFER_VERBS.has(verb.lower)
  );
}

/** Rules whose reading teaches the archive that the name is a thing wherever it stands. */
export const THING_RULES: ReadonlySet<string> = new Set(['event', 'work-title']);

/** The kind of a name: the first rule in the table that reads it, else `other`. */
export function readKind(c: KindContext): KindReading & { rule?: string } {
  for (const rule of KIND_RULES) {
    const reading = rule.read(c);
    if (reading) return { ...reading, rule: rule.name };
  }
  return { kind: 'other' };
}

export interface NoNameRule {
  name: string;
  /** A sentence whose capitalised words include `word`, which must not be read as a name. */
  example: { text: string; word: string; language?: 'nb' | 'nn' | 'en' };
  applies(c: KindContext & { kind: EntityKind }): boolean;
}

const opensSentence = (c: KindContext): boolean => c.tokens[c.span.first]?.sentenceStart === true;
const neverNamed = (c: KindContext, word: string): boolean =>
  (c.lexicon.nameCount?.(word) ?? 0) === 0;

/**
 * Capitalised words that are no name at all, whatever kind the table gave them. Unlike the
 * kind rules these do not depend on their order: any one of them drops the word.
 */
export const NO_NAME_RULES: readonly NoNameRule[] = [
  {
    name: 'definite-person-noun-opening',
    example: { text: 'Mannen (61) ble dømt.', word: 'Mannen' },
    applies: (c) => c.single && opensSentence(c) && DEFINITE_PERSON_NOUNS.has(c.name.toLowerCase()),
  },
  {
    name: 'definite-role-noun-opening',
    example: { text: 'Statsministerens rådgiver sa nei.', word: 'Statsministerens' },
    applies: (c) =>
      c.single && opensSentence(c) && readRoleNoun(c.name, c.english)?.definite === true,
  },
  {
    name: 'lone-function-word',
    example: { text: 'Den islamske stat tok byen.', word: 'Den' },
    applies: (c) => c.single && !isAcronym(c.name) && FUNCTION_WORDS.has(c.name.toLowerCase()),
  },
  {
    name: 'ordinary-opening-word',
    // An opening word with nothing else for it is an ordinary word that happens to open the sentence.
    example: { text: 'Tollerne fant ingenting.', word: 'Tollerne' },
    applies: (c) => c.single && opensSentence(c) && c.kind === 'other' && neverNamed(c, c.name),
  },
  {
    name: 'english-common-noun-opening',
    // "Energy prices rose", "Media reports said": a body word is an everyday noun there.
    example: { text: 'Energy prices rose sharply on Monday.', word: 'Energy', language: 'en' },
    applies: (c) =>
      c.english &&
      c.single &&
      opensSentence(c) &&
      !c.role &&
      ENGLISH_COMMON_BODY_WORDS.has(c.name) &&
      neverNamed(c, c.name),
  },
  {
    name: 'role-field-opening',
    // "Museum director Anne Larsen said", "Fleet director ...": the opening noun is part of
    // the role before the name (a listed field noun, or an English word the archive never names).
    example: { text: 'Museum director Anne Larsen said no.', word: 'Museum', language: 'en' },
    applies: (c) =>
      c.english &&
      c.single &&
      opensSentence(c) &&
      isEnglishRoleField(c.name.toLowerCase(), neverNamed(c, c.name)) &&
      c.next?.joinedToPrevious === true &&
      /^\p{Ll}/u.test(c.next.text) &&
      readRoleNoun(c.next.text, true) !== undefined,
  },
  {
    name: 'quoted-phrase-opening',
    // «Gode Nyheter for alle», "Brilliant Work by everyone": a quote that opens a sentence
    // starts with a capital whatever its first word is; with no name signal and a phrase
    // going on after it, that word is the quote's, not a name.
    example: { text: '«Fantastisk Innsats av alle», sier treneren.', word: 'Fantastisk Innsats' },
    applies: (c) => {
      const before = c.tokens[c.span.first - 1];
      const after = c.tokens[c.span.last + 1];
      return (
        opensSentence(c) &&
        before !== undefined &&
        /^[«"“]$/u.test(before.text) &&
        after?.isWord === true &&
        /^\p{Ll}/u.test(after.text) &&
        !c.role &&
        !c.span.titled &&
        (c.kind === 'person' || c.kind === 'other') &&
        !FIRST_NAMES.has(c.firstWord) &&
        neverNamed(c, c.firstWord) &&
        !c.lexicon.isPersonWord?.(c.name)
      );
    },
  },
];

/** Whether a capitalised run is no name at all. */
export function isNoName(c: KindContext & { kind: EntityKind }): boolean {
  return NO_NAME_RULES.some((rule) => rule.applies(c));
}
