/** Finding the words that make up a name: capitalised runs with particles, minus sentence openings. */

import { isCountryName, isEnglishDemonym, readRoleNoun } from './morphology';
import {
  CALENDAR_WORDS,
  FIRST_NAMES,
  FUNCTION_WORDS,
  HYPHEN_PARTICLES,
  LEAGUE_WORDS,
  MATCH_NOUNS,
  NAME_PARTICLES,
  ORG_DESCRIPTORS_ENDING,
  ORG_NAME_ENDINGS,
  ORG_WORDS,
  PERSON_TITLES,
} from './tables';
import { isAcronym, isNameShaped, type Token } from './tokens';

/** What the archive as a whole says about words. Only `isCommonWord` is required. */
export interface Lexicon {
  /** Words the archive also writes in lower case: a capitalised sentence opening of such a word is not a name. */
  isCommonWord(lower: string): boolean;
  /** How often a name form (as written, e.g. "Støre") stands alone as a name inside a sentence. */
  nameCount?(name: string): number;
  /** True when the archive elsewhere uses this word as part of a person's name (with a person signal). */
  isPersonWord?(word: string): boolean;
  /** True when the archive elsewhere writes this name as a work, a field or an event («Skrik», "Johan Castberg-feltet"). */
  isThingName?(name: string): boolean;
}

export interface NameSpan {
  /** Token indices, inclusive. */
  first: number;
  last: number;
  /** A title right before ("kong", "Mr") that marks a person. */
  titled: boolean;
  /** A body written with a lower-case institution noun ("Oslo tingrett", "Universitetet i Oslo"). */
  institution?: boolean;
  /** Two names tied by `&` ("Helen & Hard"): one firm. */
  firm?: boolean;
  /** A name that runs into a compound naming a field or a project ("Johan Sverdrup-feltet"). */
  thing?: boolean;
}

const isParticle = (token: Token | undefined): boolean =>
  token?.isWord === true && NAME_PARTICLES.has(token.text);

/**
 * A lone capital letter (`/^\p{Lu}$/u`): asked of nearly every token while names are read,
 * so anything longer than one code point is refused before the expression is run.
 */
function isSingleCapital(text: string): boolean {
  return text.length <= 2 && SINGLE_CAPITAL.test(text);
}

const SINGLE_CAPITAL = /^\p{Lu}$/u;

function isInitial(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const dot = tokens[index + 1];
  return (
    token !== undefined &&
    isSingleCapital(token.text) &&
    dot?.text === '.' &&
    dot.joinedToPrevious === true &&
    tokens[index + 2]?.joinedToPrevious === true &&
    (isNameWord(tokens[index + 2]) || isSingleCapital(tokens[index + 2]?.text ?? ''))
  );
}

function isNameWord(token: Token | undefined): boolean {
  if (!token?.isWord) return false;
  if (!isNameShaped(token.text, HYPHEN_PARTICLES)) return false;
  // A lone capital letter is an initial only when a full stop follows (handled separately).
  if (isSingleCapital(token.text)) return false;
  return !CALENDAR_WORDS.has(token.lower);
}

/** "Dae-jung", "Jong-il", "Dae-jungs": inside a name, a capitalised word with a short lower-case hyphen part. */
function isInnerNamePart(token: Token): boolean {
  // Not "Veier-sjef" of "Nye Veier-sjef": a role compound ends the name before it.
  // "Dae-jungs minne": the genitive s comes on top of the short part.
  return /^\p{Lu}\p{Ll}+-\p{Ll}{1,4}s?$/u.test(token.text) && !readRoleNoun(token.text, false);
}

/** A capitalised opening word that is an ordinary word, not a name. */
export function isCommonOpening(token: Token, lexicon: Lexicon): boolean {
  if (FUNCTION_WORDS.has(token.lower) || CALENDAR_WORDS.has(token.lower)) return true;
  if (FIRST_NAMES.has(token.text)) return false;
  if (isAcronym(token.text)) return false;
  if (lexicon.isCommonWord(token.lower)) return true;
  // "Unntaket er ...": the definite form of a common neuter noun ("unntak") is common too,
  // even when the archive never writes that form in lower case.
  const definite = /^(\p{L}{4,})et$/u.exec(token.lower)?.[1];
  if (definite && lexicon.isCommonWord(definite)) return true;
  // "Møtets formål": the genitive of a common word is common too.
  return /\p{L}s$/u.test(token.lower) && lexicon.isCommonWord(token.lower.slice(0, -1));
}

/** Words that open a capitalised run but belong to the role or title before the name. */
function isLeadingNonName(token: Token, english: boolean): boolean {
  if (PERSON_TITLES.has(token.lower)) return true;
  if (readRoleNoun(token.text, english) && !FIRST_NAMES.has(token.text)) return true;
  return english && isEnglishDemonym(token.text);
}

/**
 * "prins Albert av Monaco" names one person by a territory; "hentet til Molde av Kjetil
 * Rekdal" is a club and the man who did it. `av` joins only a single territory word, never
 * a first name or a full name after it.
 */
function agentAfterAv(tokens: readonly Token[], particle: number, nameAt: number): boolean {
  if (nameAt !== particle + 1 || tokens[particle]?.text !== 'av') return false;
  const after = tokens[nameAt];
  const following = tokens[nameAt + 1];
  return (
    FIRST_NAMES.has(after?.text ?? '') ||
    (following?.joinedToPrevious === true &&
      (isNameWord(following) || isInitial(tokens, nameAt + 1)))
  );
}

/** Maximal runs of name words on one line, joined by spaces or lower-case particles inside. */
export function findNameSpans(
  tokens: readonly Token[],
  lexicon: Lexicon,
  english: boolean,
): NameSpan[] {
  const spans: NameSpan[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (!token || !(isNameWord(token) || isInitial(tokens, index))) {
      index++;
      continue;
    }
    let last = index;
    for (;;) {
      if (isInitial(tokens, last)) {
        last += 2;
        continue;
      }
      const next = tokens[last + 1];
      if (!next?.joinedToPrevious) break;
      if (isNameWord(next) || isInitial(tokens, last + 1) || isInnerNamePart(next)) {
        last++;
        continue;
      }
      // Particles only count inside a name: a name word must follow them.
      let probe = last + 1;
      while (isParticle(tokens[probe]) && tokens[probe]?.joinedToPrevious) {
        // "der" belongs to "von der"/"van der", never directly after a name ("Hordaland der ...").
        if (tokens[probe]?.text === 'der' && !isParticle(tokens[probe - 1])) break;
        probe++;
      }
      if (
        probe > last + 1 &&
        tokens[probe]?.joinedToPrevious &&
        isNameWord(tokens[probe]) &&
        !agentAfterAv(tokens, last + 1, probe)
      ) {
        last = probe;
        continue;
      }
      break;
    }
    if (isInitial(tokens, last - 1) && tokens[last]?.text === '.') last -= 2;
    pushTrimmed(spans, tokens, index, Math.max(index, last), lexicon, english);
    index = Math.max(index, last) + 1;
  }
  return spans;
}

function pushTrimmed(
  spans: NameSpan[],
  tokens: readonly Token[],
  first: number,
  last: number,
  lexicon: Lexicon,
  english: boolean,
): void {
  let start = first;
  let titled = false;
  // "Premier League", "Minister Holding ASA": a run that ends in a body's word is that body's
  // name, role-like words inside it included.
  const bodyName =
    LEAGUE_WORDS.has(tokens[last]?.text ?? '') || ORG_WORDS.has(tokens[last]?.text ?? '');
  // English writes titles in capitals ("Climate Minister Sveinung Rotevatn", "Foreign
  // Secretary ..."): everything up to the last role noun inside the run is the title.
  if (english && !bodyName) {
    for (let k = last - 1; k > first; k--) {
      const token = tokens[k];
      if (token && isLeadingNonName(token, english) && !FIRST_NAMES.has(token.text)) {
        start = k + 1;
        titled = true;
        break;
      }
    }
  }
  for (;;) {
    const token = tokens[start];
    if (!token || start > last) return;
    const opening = token.sentenceStart || start > first;
    if (isLeadingNonName(token, english) && !(bodyName && start < last)) {
      titled ||= PERSON_TITLES.has(token.lower);
      start++;
      continue;
    }
    // "Per Hansen", "Liv Ullmann": a first name that is also a word still opens a name
    // when another name word follows it.
    const firstNameOpening = FIRST_NAMES.has(token.text) && start < last;
    if (opening && token.sentenceStart && !firstNameOpening && isCommonOpening(token, lexicon)) {
      start++;
      continue;
    }
    // "Dødssyke Hannah Jones", "Riksrevisor Jørgen Kosmo": an unknown opening word before a first name.
    const next = tokens[start + 1];
    if (
      token.sentenceStart &&
      start < last &&
      next &&
      FIRST_NAMES.has(next.text) &&
      !FIRST_NAMES.has(token.text) &&
      !isAcronym(token.text) &&
      (lexicon.nameCount?.(token.text) ?? 0) === 0
    ) {
      start++;
      continue;
    }
    // "Dramatikeren Tale Næss", "Låtskriveren ...": an opening definite agent noun (-eren)
    // before a name is what the person is, not part of the name.
    if (
      token.sentenceStart &&
      start < last &&
      /^\p{Lu}\p{Ll}{3,}eren$/u.test(token.text) &&
      (lexicon.nameCount?.(token.text) ?? 0) === 0
    ) {
      start++;
      continue;
    }
    // "Bandet Skodde", "Klubben Fjellhaug", "Selskapet Havbris Sjømat": an opening definite
    // noun for a kind of body says what the name after it is; it is no part of the name.
    if (
      token.sentenceStart &&
      start < last &&
      ORG_DESCRIPTORS_ENDING.includes(token.lower) &&
      (lexicon.nameCount?.(token.text) ?? 0) === 0
    ) {
      start++;
      continue;
    }
    // "Men da Erik Poppe": once the opening is gone, a particle cannot start the name.
    if (isParticle(token)) {
      start++;
      continue;
    }
    break;
  }
  // Never end on a particle (cannot happen by construction) or a lone initial.
  let end = last;
  while (end > start && (isParticle(tokens[end]) || tokens[end]?.text === '.')) end--;
  // "Norway's Minister (of Climate ...)": an owner and a title, no name.
  if (
    english &&
    end > start &&
    readRoleNoun(tokens[end]?.text ?? '', true) &&
    /['’]s$/u.test(tokens[end - 1]?.text ?? '')
  ) {
    end--;
  }
  if (end < start) return;
  pushSplit(spans, tokens, start, end, titled, lexicon);
}

/**
 * Splits runs that hold two names: an owner in the genitive before a name ("Høyres Aamir
 * Sheikh"), a name before a first name ("Fritt Ord Erik Rudeng"), a trailing country
 * ("António Guterres Norge").
 */
function pushSplit(
  spans: NameSpan[],
  tokens: readonly Token[],
  first: number,
  last: number,
  titled: boolean,
  lexicon: Lexicon,
): void {
  for (let index = first; index < last; index++) {
    const token = tokens[index];
    const next = tokens[index + 1];
    if (!token?.isWord || !next?.isWord) continue;
    const genitiveOwner =
      /\p{Ll}s$/u.test(token.text) &&
      !FIRST_NAMES.has(token.text) &&
      // "Norges Bank", "Norges Fotballforbund": the genitive is part of the body's own name.
      !isOrganisationWord(next.text) &&
      ((lexicon.nameCount?.(token.text.slice(0, -1)) ?? 0) > 0 ||
        isCountryName(token.text.slice(0, -1)));
    const beforeFirstName =
      FIRST_NAMES.has(next.text) &&
      !FIRST_NAMES.has(token.text) &&
      !isParticle(token) &&
      !isInitialAt(tokens, index);
    if (genitiveOwner || beforeFirstName) {
      pushSplit(spans, tokens, first, index, titled, lexicon);
      pushSplit(spans, tokens, index + 1, last, false, lexicon);
      return;
    }
  }
  // "Fjellhaug Rosvik 2-1", "kampen Fjellhaug Rosvik": two plain words right before a score
  // or after a game's noun are the two sides, not one person's name, unless the first is a
  // first name ("Kari Lund 6-3") or the archive names either word as a person's elsewhere.
  if (
    last === first + 1 &&
    (isScoreAt(tokens, last + 1) || afterMatchNoun(tokens, first)) &&
    !FIRST_NAMES.has(tokens[first]?.text ?? '') &&
    !lexicon.isPersonWord?.(tokens[first]?.text ?? '') &&
    !lexicon.isPersonWord?.(tokens[last]?.text ?? '')
  ) {
    spans.push({ first, last: first, titled: false });
    spans.push({ first: last, last, titled: false });
    return;
  }
  const lastToken = tokens[last];
  const words = last - first + 1;
  if (
    lastToken &&
    words >= 2 &&
    isCountryName(lastToken.text) &&
    !isParticle(tokens[last - 1]) &&
    (words >= 3 || !FIRST_NAMES.has(tokens[first]?.text ?? ''))
  ) {
    pushSplit(spans, tokens, first, last - 1, titled, lexicon);
    spans.push({ first: last, last, titled: false });
    return;
  }
  spans.push({ first, last, titled });
}

/** A result's score right after the previous token: "2-1", "2 – 1". */
function isScoreAt(tokens: readonly Token[], index: number): boolean {
  const score = tokens[index];
  if (!score?.joinedToPrevious) return false;
  if (/^\p{N}{1,2}[-–]\p{N}{1,2}$/u.test(score.text)) return true;
  return (
    /^\p{N}{1,2}$/u.test(score.text) &&
    /^[-–]$/u.test(tokens[index + 1]?.text ?? '') &&
    /^\p{N}{1,2}$/u.test(tokens[index + 2]?.text ?? '')
  );
}

/** The name at `first` follows a lower-case noun for one game ("kampen", "seriekampen"). */
function afterMatchNoun(tokens: readonly Token[], first: number): boolean {
  const noun = tokens[first - 1];
  if (!noun?.isWord || !tokens[first]?.joinedToPrevious || /^\p{Lu}/u.test(noun.text)) return false;
  return MATCH_NOUNS.some((m) => noun.lower === m || (m.length >= 6 && noun.lower.endsWith(m)));
}

/** A word that names a kind of body on its own ("Bank", "Fotballforbund", "Universitet"). */
export function isOrganisationWord(word: string): boolean {
  if (ORG_WORDS.has(word)) return true;
  const lower = word.toLowerCase();
  return ORG_NAME_ENDINGS.some((ending) => lower.endsWith(ending));
}

const isInitialAt = (tokens: readonly Token[], index: number): boolean =>
  /^\p{Lu}$/u.test(tokens[index]?.text ?? '');

/** Word tokens of a span (particles included, initials' dots excluded). */
export function spanWords(tokens: readonly Token[], span: NameSpan): Token[] {
  return tokens.slice(span.first, span.last + 1).filter((t) => t.isWord);
}
