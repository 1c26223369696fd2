/**
 * Roles the text gives a name: before it ("Frankrikes president Emmanuel Macron", "den russiske
 * politiske analytikeren X"), after it ("X, Kreml-talsmann, sier"; "X, the former army
 * commander, was"), as a predicate ("X er Russlands president"), and back references
 * ("den syriske presidenten") that only point at someone named earlier.
 */

import { institutionNoun } from './institutions';
import {
  baseAdjective,
  countryOfDemonym,
  genitive,
  isAdjectiveLike,
  isCountryName,
  isEnglishDemonym,
  isWeakRoleWord,
  type RoleNoun,
  readRoleNoun,
} from './morphology';
import { FUNCTION_WORDS, isEnglishRoleField, ROLE_FIELD_NOUNS_EN, STATE_OFFICES } from './tables';
import { isAcronym, isCapitalised, type Token } from './tokens';

export interface FoundRole {
  role: string;
  roleText: string;
  /** Token range the role words cover. */
  first: number;
  last: number;
  /** A plural role ("utenriksministrene") that every coordinated name after it shares. */
  plural: boolean;
  /** The role noun in singular base form ("president"): what back references compare. */
  head: string;
  /** Owner or demonym given ("Syrias president"), not a bare "presidenten". */
  specific: boolean;
}

const DETERMINERS = new Set(['den', 'det', 'de', 'the', 'a', 'an', 'en', 'ei', 'et', 'dei']);
const EN_MODIFIERS = new Set(
  `former deputy foreign prime defence defense interior finance army military senior top vice
  acting special opposition rebel party state security chief general assistant executive
  managing press new late then longtime veteran spokes political human rights government
  national regional local police presidential senior-most`.split(/\s+/u),
);
const ROLE_TAIL_PREPOSITIONS = new Set(['i', 'av', 'for', 'ved', 'til', 'of', 'at', 'in', 'for']);
/** Role nouns written as acronyms: "Meta CEO", never "Meta Ceo". */
const ACRONYM_ROLES = new Set(['ceo', 'cfo', 'coo', 'cto']);
function upperAcronyms(role: string): string {
  return role
    .split(' ')
    .map((word) => (ACRONYM_ROLES.has(word) ? word.toUpperCase() : word))
    .join(' ');
}
const PREDICATE_VERBS = new Set(['er', 'var', 'ble', 'blir', 'vart', 'is', 'was', 'becomes']);
const PREDICATE_FILLERS = new Set(['nå', 'fortsatt', 'også', 'dessuten', 'now', 'still', 'also']);

/** A name-owner in the genitive: "Irans", "FNs", "Putins", "Hellas'". */
export function isGenitiveOwner(token: Token | undefined): boolean {
  if (!token?.isWord || !isCapitalised(token.text)) return false;
  // "Mens Frp-leder X": an opening function word that ends in s owns nothing.
  if (token.sentenceStart && FUNCTION_WORDS.has(token.lower)) return false;
  if (/'s$|’s$/u.test(token.text)) return true;
  return /\p{L}s$/u.test(token.text) && token.text.length > 2;
}

/** The readable base form of a role from its parts. */
export function composeRole(
  owner: string | undefined,
  modifiers: readonly string[],
  noun: RoleNoun,
  english: boolean,
  nounCapitalised = true,
): { role: string; specific: boolean } {
  // "Hungary's prime minister", "the EU's foreign policy chief": English keeps the words
  // between owner and noun; Norwegian puts them nowhere else than before the owner.
  if (owner && english) {
    const between = modifiers.map((m) => (isAcronym(m) ? m : m.toLowerCase()));
    return { role: [owner, ...between, noun.base].join(' '), specific: true };
  }
  if (owner) return { role: `${owner} ${noun.base}`, specific: true };
  if (english) {
    const words = modifiers.map((m) => (isCapitalised(m) ? m : m.toLowerCase()));
    const specific = modifiers.some((m) => isEnglishDemonym(m) || isAcronym(m) || isCountryName(m));
    // "Climate Minister" is a title: its noun keeps the capital the title gave it.
    const lastModifier = modifiers[modifiers.length - 1];
    const titled =
      nounCapitalised &&
      lastModifier !== undefined &&
      isCapitalised(lastModifier) &&
      !isEnglishDemonym(lastModifier) &&
      !isAcronym(lastModifier) &&
      !isCountryName(lastModifier);
    const head = ACRONYM_ROLES.has(noun.base)
      ? noun.base.toUpperCase()
      : titled
        ? noun.base.charAt(0).toUpperCase() + noun.base.slice(1)
        : noun.base;
    return { role: [...words, head].join(' '), specific };
  }
  const only = modifiers.length === 1 ? modifiers[0] : undefined;
  const country = only ? countryOfDemonym(only) : undefined;
  if (country && (STATE_OFFICES.has(noun.base) || STATE_OFFICES.has(noun.head))) {
    // "den syriske presidenten" is Syria's president: say it the way owners are written.
    return { role: `${genitive(country)} ${noun.base}`, specific: true };
  }
  const specific = modifiers.some((m) => countryOfDemonym(m) !== undefined);
  return { role: [...modifiers.map(baseAdjective), noun.base].join(' '), specific };
}

const joined = (tokens: readonly Token[], index: number): boolean =>
  tokens[index]?.joinedToPrevious === true;

function textOf(text: string, tokens: readonly Token[], first: number, last: number): string {
  const a = tokens[first];
  const b = tokens[last];
  return a && b ? text.slice(a.start, b.end) : '';
}

function isEnglishModifier(token: Token): boolean {
  if (isCapitalised(token.text)) {
    return (
      isEnglishDemonym(token.text) ||
      isAcronym(token.text) ||
      isCountryName(token.text) ||
      // "Museum director Anne Larsen": capitalised only because it opens the sentence.
      // "Fleet director Ingrid Hovland": likewise any English word the lexicon knows.
      (token.sentenceStart && isEnglishRoleField(token.lower, true))
    );
  }
  return (
    EN_MODIFIERS.has(token.lower) ||
    ROLE_FIELD_NOUNS_EN.has(token.lower) ||
    /(?:al|ic|ian|ary|ese)$/u.test(token.lower)
  );
}

/** The role written right before a name (token index `nameStart`). */
export function roleBefore(
  text: string,
  tokens: readonly Token[],
  nameStart: number,
  english: boolean,
): FoundRole | undefined {
  if (!joined(tokens, nameStart)) return undefined;
  return roleEndingAt(text, tokens, nameStart - 1, english);
}

/** The role phrase whose role noun is token `nounIndex`, read backwards over adjectives and owner. */
export function roleEndingAt(
  text: string,
  tokens: readonly Token[],
  nounIndex: number,
  english: boolean,
): FoundRole | undefined {
  const found = roleEndingAtNoun(text, tokens, nounIndex, english);
  return found && !english ? withSharedCompound(text, tokens, found) : found;
}

/**
 * "helse- og omsorgsminister": a first compound part shared with the noun through "og".
 * Without it the role would name another office ("omsorgsminister").
 */
function withSharedCompound(text: string, tokens: readonly Token[], found: FoundRole): FoundRole {
  if (found.first !== found.last) return found;
  const conj = tokens[found.first - 1];
  const dash = tokens[found.first - 2];
  const part = tokens[found.first - 3];
  if (!conj || !dash || !part?.isWord) return found;
  if (conj.lower !== 'og' && conj.lower !== 'eller') return found;
  if (dash.text !== '-' || dash.start !== part.end) return found;
  const owner = tokens[found.first - 4];
  const withOwner = owner?.isWord === true && isGenitiveOwner(owner) && part.start > owner.end;
  const first = withOwner ? found.first - 4 : found.first - 3;
  const prefix = `${part.lower}- ${conj.lower} `;
  return {
    ...found,
    role: withOwner ? `${owner?.text} ${prefix}${found.role}` : `${prefix}${found.role}`,
    roleText: textOf(text, tokens, first, found.last),
    first,
    specific: found.specific || withOwner,
  };
}

function roleEndingAtNoun(
  text: string,
  tokens: readonly Token[],
  nounIndex: number,
  english: boolean,
): FoundRole | undefined {
  const nounToken = tokens[nounIndex];
  if (!nounToken?.isWord) return undefined;
  const noun = readRoleNoun(nounToken.text, english);
  if (!noun) return undefined;
  // Mid-sentence, a capitalised Norwegian word before a name is part of another name, not a role.
  if (
    !english &&
    isCapitalised(nounToken.text) &&
    !nounToken.sentenceStart &&
    !noun.base.includes('-')
  ) {
    if (!/^\p{Lu}{2,}/u.test(nounToken.text)) return undefined;
  }
  const numbered = /^\p{N}+-/u.test(noun.base);
  const previousWord = tokens[nounIndex - 1];
  const namedPrefix =
    !english &&
    /^\p{Lu}[^-]*-/u.test(noun.base) &&
    joined(tokens, nounIndex) &&
    previousWord?.isWord === true &&
    isCapitalised(previousWord.text) &&
    !(previousWord.sentenceStart && FUNCTION_WORDS.has(previousWord.lower));
  if (numbered || namedPrefix) {
    // "Rema 1000-gründer", "Nye Veier-sjef": the prefix ends a name that starts before it;
    // a number with nothing before it is no role.
    const owner = previousWord;
    if (!owner?.isWord || !isCapitalised(owner.text) || !joined(tokens, nounIndex))
      return undefined;
    return {
      role: `${owner.text} ${noun.base}`,
      roleText: textOf(text, tokens, nounIndex - 1, nounIndex),
      first: nounIndex - 1,
      last: nounIndex,
      plural: noun.plural,
      head: noun.head,
      specific: true,
    };
  }
  const modifiers: string[] = [];
  let read = 0;
  let first = nounIndex;
  let index = nounIndex - 1;
  while (joined(tokens, index + 1) && read < 4) {
    const token = tokens[index];
    if (!token?.isWord) break;
    // In an English title-case role ("Climate Minister") any capitalised word before the
    // capitalised noun belongs to the title.
    // A capitalised opening function word ("Then", "But") is not part of the title.
    const titleCase =
      english &&
      isCapitalised(nounToken.text) &&
      isCapitalised(token.text) &&
      !(token.sentenceStart && FUNCTION_WORDS.has(token.lower));
    // "Tidligere statsminister X": a role adjective opening the sentence is still one
    // (but not "Nye" of "Nye Veier-sjef", which may be a name).
    const word =
      !english && token.sentenceStart && OPENING_ROLE_ADJECTIVES.has(token.lower)
        ? token.lower
        : token.text;
    const fits = english
      ? titleCase || isEnglishModifier(token)
      : isAdjectiveLike(word) && !isDescriptiveParticiple(word);
    if (!fits) break;
    // "den brutale bandelederen", "den 90 år gamle prins": read over, but not kept.
    if (english || isClassifying(word)) modifiers.unshift(english ? token.text : word);
    read++;
    first = index;
    index--;
  }
  let owner: string | undefined;
  const before = tokens[index];
  const ownerFits = read === 0 || (english && modifiers.every((m) => /^\p{Ll}/u.test(m)));
  if (joined(tokens, index + 1) && before && isGenitiveOwner(before) && ownerFits) {
    // "USAs og Russlands president" names two owners: no single person's role.
    const conj = tokens[index - 1];
    const coordinated =
      conj && (conj.lower === 'og' || conj.lower === 'and') && isGenitiveOwner(tokens[index - 2]);
    if (!coordinated) {
      owner = before.text;
      first = index;
    }
  } else if (joined(tokens, index + 1) && before && DETERMINERS.has(before.lower)) {
    first = index;
  }
  const bare = first === nounIndex && noun.base === noun.head;
  // A weak word ("trener", "leder") may be a verb; opening a sentence capitalised it cannot.
  const opensSentence = !english && nounToken.sentenceStart && isCapitalised(nounToken.text);
  if (bare && isWeakRoleWord(nounToken.text) && !opensSentence) return undefined;
  // `Fredag innleder Rangers sesongen`: after an opening time word comes the verb (V2).
  if (
    first === nounIndex &&
    !english &&
    !isCapitalised(nounToken.text) &&
    afterOpeningTimeWord(tokens, nounIndex)
  )
    return undefined;
  const { role, specific } = composeRole(
    owner,
    modifiers,
    noun,
    english,
    isCapitalised(nounToken.text),
  );
  return {
    role: english && modifiers.length === 0 && !owner ? upperAcronyms(role.toLowerCase()) : role,
    roleText: textOf(text, tokens, first, nounIndex),
    first,
    last: nounIndex,
    plural: noun.plural,
    head: noun.head,
    specific,
  };
}

/**
 * Time words that open a Norwegian sentence and push the finite verb right after them. Not
 * `da` (also "when": `Da statsminister X kom`) nor `senere` (also "later to be").
 */
const OPENING_TIME_WORDS = new Set(
  `mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag nå no så
  deretter etterpå`.split(/\s+/u),
);
const OPENING_TIME_AFTER_I = new Set(
  `dag går morgen morgon kveld natt helgen helga fjor år høst vår sommer vinter`.split(/\s+/u),
);

/** Whether the word at `index` stands in the verb slot after a sentence-opening time word. */
function afterOpeningTimeWord(tokens: readonly Token[], index: number): boolean {
  const one = tokens[index - 1];
  if (one?.isWord && one.sentenceStart && OPENING_TIME_WORDS.has(one.lower)) return true;
  const two = tokens[index - 2];
  return (
    two?.isWord === true &&
    two.sentenceStart &&
    two.lower === 'i' &&
    one?.isWord === true &&
    OPENING_TIME_AFTER_I.has(one.lower)
  );
}

/**
 * A role phrase starting at `from`: [determiner] [owner's] [adjectives] role-noun
 * [i/av/of Name]. Used for appositions and predicates.
 */
export function parseRolePhrase(
  text: string,
  tokens: readonly Token[],
  from: number,
  english: boolean,
): FoundRole | undefined {
  let index = from;
  let roleStart = from;
  const firstToken = tokens[index];
  if (firstToken && DETERMINERS.has(firstToken.lower)) {
    index++;
    roleStart = index;
  }
  let owner: string | undefined;
  const modifiers: string[] = [];
  for (let steps = 0; steps < 6; steps++) {
    const token = tokens[index];
    if (!token?.isWord) return undefined;
    const noun = readRoleNoun(token.text, english);
    const next = tokens[index + 1];
    const nextIsNoun = next?.isWord && readRoleNoun(next.text, english) !== undefined;
    if (noun && !(english && nextIsNoun)) {
      if (!owner && modifiers.length === 0 && isWeakRoleWord(token.text) && from === index) {
        // "leder" alone could be the verb; accept it only with a complement ("leder i X").
        const prep = tokens[index + 1];
        if (!(prep && ROLE_TAIL_PREPOSITIONS.has(prep.lower))) return undefined;
      }
      let last = index;
      const { role, specific } = composeRole(owner, modifiers, noun, english);
      let fullRole = role;
      const prep = tokens[index + 1];
      const target = tokens[index + 2];
      if (prep && ROLE_TAIL_PREPOSITIONS.has(prep.lower) && target && isCapitalised(target.text)) {
        let end = index + 2;
        while (tokens[end + 1]?.isWord && isCapitalised(tokens[end + 1]?.text ?? '')) end++;
        // "rektor ved Volda lærarskule": the body's lower-case institution noun belongs to it.
        const tail = tokens[end + 1];
        if (!english && tail?.isWord && tail.joinedToPrevious && institutionNoun(tail.text)) end++;
        last = end;
        fullRole = `${role} ${textOf(text, tokens, index + 1, end)}`;
      } else if (english && prep && ROLE_TAIL_PREPOSITIONS.has(prep.lower)) {
        // "a lawyer for the family", "head of the union": a short lower-case complement
        // that runs to the end of the apposition.
        const end = lowerCaseComplementEnd(tokens, index + 2);
        if (end !== undefined) {
          last = end;
          fullRole = `${role} ${textOf(text, tokens, index + 1, end)}`;
        }
      }
      return {
        role: fullRole,
        roleText: textOf(text, tokens, roleStart, last),
        first: roleStart,
        last,
        plural: noun.plural,
        head: noun.head,
        specific: specific || fullRole !== role,
      };
    }
    if (!owner && modifiers.length === 0 && isGenitiveOwner(token)) owner = token.text;
    else if (
      english
        ? isEnglishRoleModifier(token, index > from)
        : isAdjectiveLike(token.text) && !isDescriptiveParticiple(token.text)
    ) {
      if (english || isClassifying(token.text)) modifiers.push(token.text);
    } else return undefined;
    index++;
  }
  return undefined;
}

/**
 * A word that may stand before an English role noun in an apposition: an adjective-like
 * modifier, a lower-case owner ("the company's chairman"), a role noun used as a modifier
 * ("chief" of "chief executive") or, once the phrase has begun, any content word ("the
 * EU's foreign policy chief", "the Equinor chairman"). Never a verb opening the apposition:
 * "Nordhav, told reporters" gives Nordhav no role.
 */
function isEnglishRoleModifier(token: Token, inside: boolean): boolean {
  if (isEnglishModifier(token)) return true;
  if (/^\p{Ll}[\p{Ll}-]*['’]s$/u.test(token.text)) return true;
  if (readRoleNoun(token.text, true)) return true;
  return inside && !FUNCTION_WORDS.has(token.lower);
}

/** Articles and lower-case words (at most three) up to the end of an apposition. */
function lowerCaseComplementEnd(tokens: readonly Token[], from: number): number | undefined {
  let index = from;
  if (DETERMINERS.has(tokens[index]?.lower ?? '')) index++;
  let end: number | undefined;
  for (let n = 0; n < 3; n++) {
    const token = tokens[index];
    if (!token?.isWord || !/^\p{Ll}/u.test(token.text) || FUNCTION_WORDS.has(token.lower)) break;
    end = index;
    index++;
  }
  const after = tokens[(end ?? from) + 1];
  return end !== undefined && (after?.text === ',' || after?.text === '.') ? end : undefined;
}

/** Present participles that do belong to a role ("fungerende rektor", "avtroppende statsminister"). */
const ROLE_PARTICIPLES = new Set(
  `daværende nåværende dåverande noverande avgående fungerende sittende avtroppende påtroppende administrerende ledende regjerende
  kommende gjeldende tjenestegjørende vakthavende praktiserende utøvende styrende
  forskende undervisende`.split(/\s+/u),
);

/**
 * "den smilende BBC-journalisten": a participle in -ende describes the moment, not the
 * office, so it stops the role (the journalist is still one).
 */
function isDescriptiveParticiple(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.endsWith('ende') && !ROLE_PARTICIPLES.has(lower);
}

/**
 * Whether a Norwegian adjective before a role says which office it is (`russiske`,
 * `politiske`, `tidligere`, `daglig`, `fungerende`) rather than how the writer sees the
 * person or how old they are (`brutale`, `kjente`, `store`, `gamle`): only the first kind
 * belongs in the role. Unknown adjectives are left out, so a role is at worst less specific.
 */
export function isClassifying(word: string): boolean {
  const lower = word.toLowerCase();
  if (countryOfDemonym(lower) !== undefined) return true;
  if (ROLE_PARTICIPLES.has(lower) || OPENING_ROLE_ADJECTIVES.has(lower)) return true;
  const base = baseAdjective(lower);
  if (CLASSIFYING_ADJECTIVES.has(base) || CLASSIFYING_ADJECTIVES.has(lower)) return true;
  if (EVALUATIVE_ADJECTIVES.has(base) || EVALUATIVE_ADJECTIVES.has(lower)) return false;
  // politisk(e), militær(e), kommersiell(e), personlig(e): adjectives of a field or a kind.
  return /(?:isk|iske|ær|ære|ell|elle|lig|lige)$/u.test(lower);
}

/** Classifying adjectives without one of the endings above. */
const CLASSIFYING_ADJECTIVES = new Set(
  `ny nye tidligere forrige nåværende daværende eneste nasjonal nasjonale regional regionale
  lokal lokale sentral sentrale kommunal kommunale global globale internasjonal
  internasjonale liberal liberale radikal radikale føderal føderale konservativ konservative
  administrativ administrative midlertidig midlertidige øverste første fast faste statlig
  kvinnelig kvinnelige mannlig mannlige visse assisterende`.split(/\s+/u),
);

/** Evaluative or descriptive adjectives with a classifying ending: never part of a role. */
const EVALUATIVE_ADJECTIVES = new Set(
  `fantastisk dramatisk karismatisk typisk kritisk energisk sympatisk usympatisk legendarisk
  ikonisk kynisk skeptisk optimistisk pessimistisk realistisk entusiastisk tragisk komisk
  mytisk egoistisk fanatisk populær kontroversiell spesiell vennlig hyggelig farlig ærlig
  herlig fryktelig skikkelig folkelig kjærlig elskelig suksessrik beryktet berømt kjent
  omstridt`.split(/\s+/u),
);

/** Adjectives that qualify a role and may open a sentence before it. */
const OPENING_ROLE_ADJECTIVES = new Set(
  `tidligere forrige avtroppende påtroppende nåværende daværende fungerende konstituert
  konstituerte nyvalgt nyvalgte avgått avgåtte mangeårig mangeårige sittende tidlegare
  administrerende daglig dagleg vakthavende`.split(/\s+/u),
);

/** Words that make a clause a condition: "Hvis Listhaug blir statsminister" says nobody is. */
const CONDITIONALS = new Set([
  'hvis',
  'dersom',
  'om',
  'viss',
  'når',
  'if',
  'unless',
  'whether',
  'når',
]);

function isConditional(tokens: readonly Token[], nameStart: number): boolean {
  for (let index = nameStart - 1; index >= 0 && index >= nameStart - 4; index--) {
    const token = tokens[index];
    if (!token?.isWord) return false;
    if (CONDITIONALS.has(token.lower)) return true;
  }
  return false;
}

const CLAUSE_END = new Set([',', '.', ';', ':', '!', '?', ')', '–', '—']);
const CLAUSE_CONTINUE = new Set(['og', 'men', 'and', 'but', 'som', 'siden', 'since', 'who']);

function endsClause(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (!token) return true;
  return CLAUSE_END.has(token.text) || CLAUSE_CONTINUE.has(token.lower) || !token.joinedToPrevious;
}

/** Apposition ("X, Kreml-talsmann, sier"), predicate ("X er Y") or "X ... som Zimbabwes president". */
export function roleAfter(
  text: string,
  tokens: readonly Token[],
  nameEnd: number,
  english: boolean,
  nameStart?: number,
): FoundRole | undefined {
  const next = tokens[nameEnd + 1];
  if (!next) return undefined;
  if (next.text === ',') {
    // "Jane Holt, 54, a lawyer for ...": the age between commas comes before the apposition.
    const aged =
      /^\d{1,3}$/u.test(tokens[nameEnd + 2]?.text ?? '') && tokens[nameEnd + 3]?.text === ',';
    const found = parseRolePhrase(text, tokens, nameEnd + (aged ? 4 : 2), english);
    if (found && endsClause(tokens, found.last + 1)) return found;
    return undefined;
  }
  if (
    PREDICATE_VERBS.has(next.lower) &&
    !(nameStart !== undefined && isConditional(tokens, nameStart))
  ) {
    let from = nameEnd + 2;
    while (tokens[from] && PREDICATE_FILLERS.has(tokens[from]?.lower ?? '')) from++;
    const found = parseRolePhrase(text, tokens, from, english);
    if (found && endsClause(tokens, found.last + 1)) return found;
  }
  // "X har trukket seg som Zimbabwes president": only with an owner, the rest is too loose.
  for (let index = nameEnd + 1; index <= nameEnd + 5; index++) {
    const token = tokens[index];
    if (!token?.isWord || isCapitalised(token.text)) break;
    if (token.lower === 'som' || token.lower === 'as') {
      // "gjestet Guterres Norge som Portugals statsminister": a name right before `som` is
      // an object or an inverted subject's neighbour; the capacity is the subject's. Only
      // "X har trukket seg som ..." (X, its verb, then `som`) says whose it is.
      if (index === nameEnd + 1) break;
      const found = parseRolePhrase(text, tokens, index + 1, english);
      if (found?.specific && endsClause(tokens, found.last + 1)) return found;
      break;
    }
  }
  return undefined;
}

export interface BackReference {
  role: string;
  roleText: string;
  head: string;
  specific: boolean;
  start: number;
  end: number;
}

/**
 * A role phrase that points back at someone unless a name follows it at once: "presidenten"
 * is one, "presidenten Emmanuel Macron" is not. The names are the only part of a back
 * reference that depends on anything but the text, so the phrases can be found where the
 * names are not known yet (the index worker's first pass) and told apart once they are.
 */
export interface ReferenceCandidate {
  reference: BackReference;
  /** Where the word joined right after the phrase starts (-1: none): a name starting there rules it out. */
  blockedBy: number;
}

/**
 * Role phrases that stand for a person without naming them: "den syriske presidenten",
 * "presidenten", "Syrias president takket". They can only point back at someone named.
 */
export function findBackReferences(
  text: string,
  tokens: readonly Token[],
  english: boolean,
  isNameStart: (index: number) => boolean,
): BackReference[] {
  const found: BackReference[] = [];
  for (const { reference, blockedBy } of findReferenceCandidates(text, tokens, english)) {
    if (blockedBy >= 0 && isNameStart(blockedBy)) continue;
    found.push(reference);
  }
  return found;
}

/**
 * The back references of `findBackReferences` before the names are known: each with the
 * token index (as `blockedBy`, here a token index) whose being a name's start rules it out.
 */
function findReferenceCandidates(
  text: string,
  tokens: readonly Token[],
  english: boolean,
): ReferenceCandidate[] {
  const found: ReferenceCandidate[] = [];
  const generic = genericSecondPersonAt(text);
  tokens.forEach((token, index) => {
    if (!token.isWord) return;
    // `Se for deg at du ... Dommeren blåser`: an imagined scene's referee is nobody named.
    if (token.start >= generic) return;
    const noun = readRoleNoun(token.text, english);
    if (!noun || noun.plural) return;
    if (!english && !noun.definite && !isGenitiveOwner(tokens[index - 1])) return;
    // A name joined right after the noun makes it that name's role, not a back reference.
    const blockedBy = joined(tokens, index + 1) ? index + 1 : -1;
    if (
      english &&
      !(
        tokens[index - 1] &&
        (tokens[index - 1]?.lower === 'the' || isEnglishModifier(tokens[index - 1] as Token))
      )
    )
      return;
    const role = roleEndingAt(text, tokens, index, english) ?? bareRole(text, tokens, index, noun);
    if (!role) return;
    if (!english && isCapitalised(token.text) && !token.sentenceStart && role.first === index)
      return;
    const start = tokens[role.first]?.start ?? token.start;
    const reference = {
      role: role.role,
      roleText: role.roleText,
      head: role.head,
      specific: role.specific,
      start,
      end: token.end,
    };
    found.push({ reference, blockedBy });
  });
  return found;
}

/**
 * A passage's role phrases that may point back at someone (`ReferenceCandidate`, with
 * `blockedBy` the text offset a name must not start at), found without its names.
 */
export function referenceCandidatesIn(
  text: string,
  tokens: readonly Token[],
  english: boolean,
): ReferenceCandidate[] {
  return findReferenceCandidates(text, tokens, english).map(({ reference, blockedBy }) => ({
    reference,
    blockedBy: blockedBy >= 0 ? (tokens[blockedBy]?.start ?? -1) : -1,
  }));
}

/** Openings of a generic second-person passage: what follows is imagined, not reported. */
const GENERIC_SECOND_PERSON =
  /(?<![\p{L}])(?:se\s+for\s+deg|sjå\s+for\s+deg|tenk\s+deg|tenk\s+om\s+du|forestill\s+deg|hvis\s+du|viss\s+du|dersom\s+du|om\s+du|når\s+du|imagine|if\s+you|suppose\s+you)(?![\p{L}])/iu;

/** Where a generic second-person passage starts in `text`, or past its end when none does. */
function genericSecondPersonAt(text: string): number {
  const match = GENERIC_SECOND_PERSON.exec(text);
  return match ? match.index : Number.POSITIVE_INFINITY;
}

function bareRole(
  text: string,
  tokens: readonly Token[],
  index: number,
  noun: RoleNoun,
): FoundRole | undefined {
  if (isWeakRoleWord(tokens[index]?.text ?? '')) return undefined;
  return {
    role: noun.base,
    roleText: textOf(text, tokens, index, index),
    first: index,
    last: index,
    plural: false,
    head: noun.head,
    specific: false,
  };
}
