/** Reading the names in one passage, with their kind and the role the text gives them. */

import type { Language } from '../../knowledge/types';
import type { EntityKind, EntityMention } from '../types';
import { institutionNoun, joinInstitutions } from './institutions';
import { isNoName, type KindContext, readKind, THING_RULES } from './kinds';
import { isCountryName, readRoleNoun } from './morphology';
import { findNameSpans, type Lexicon, type NameSpan, spanWords } from './names';
import { type FoundRole, parseRolePhrase, roleAfter, roleBefore, roleEndingAt } from './roles';
import {
  FIRST_NAMES,
  MULTIWORD_PLACES,
  PARTY_ABBREVIATIONS,
  PARTY_LETTERS,
  PLACE_NAMES,
  THING_COMPOUND_NOUNS,
} from './tables';
import { isAcronym, type Token, tokenize } from './tokens';

/** A mention plus how sure the kind is: only strong person readings teach the lexicon. */
export interface ReadMention extends EntityMention {
  strong: boolean;
  /** Read as a work, a field or an event: the archive then never takes the name for a person. */
  thing?: boolean;
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

/** "Sverdrup-feltet": a capitalised name part, a hyphen and a field or project noun. */
export function thingCompoundName(word: string): string | undefined {
  const match = /^(\p{Lu}[\p{L}]*)-(\p{Ll}+)$/u.exec(word);
  return match?.[1] && THING_COMPOUND_NOUNS.has(match[2] ?? '') ? match[1] : undefined;
}

/**
 * "Johan Sverdrup-feltet", "Edvard Grieg-plattformen": the name runs on into the compound,
 * and the whole names the field, not the person it was named after.
 */
function joinThingCompounds(tokens: readonly Token[], spans: readonly NameSpan[]): NameSpan[] {
  return spans.map((span) => {
    const after = tokens[span.last + 1];
    if (!after?.joinedToPrevious || !after.isWord || !thingCompoundName(after.text)) return span;
    return { ...span, last: span.last + 1, thing: true };
  });
}

export function extractEntityMentions(
  text: string,
  language: Language,
  lexicon: Lexicon,
): EntityMention[] {
  return readMentions(text, language, lexicon).map(
    ({ strong: _strong, thing: _thing, ...mention }) => mention,
  );
}

export function readMentions(text: string, language: Language, lexicon: Lexicon): ReadMention[] {
  const english = language === 'en';
  const tokens = tokenize(text);
  const spans = joinAmpersands(
    tokens,
    joinInstitutions(
      tokens,
      joinThingCompounds(
        tokens,
        findNameSpans(tokens, lexicon, english).flatMap((span) =>
          splitAdjacent(tokens, span, lexicon),
        ),
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
    const coordinatedWith =
      previous && isCoordinated(tokens, previous.span.last, span.first)
        ? previous.mention.kind
        : undefined;
    const mention = readSpan(text, tokens, span, lexicon, english, inherited, coordinatedWith);
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
  // "Ordføraren i Fjellbygd Ingrid Haugen": a territory holds an office as a body holds a job.
  if (english || (employerMention.kind !== 'organisation' && employerMention.kind !== 'place'))
    return undefined;
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

function readSpan(
  text: string,
  tokens: readonly Token[],
  span: NameSpan,
  lexicon: Lexicon,
  english: boolean,
  inherited: FoundRole | undefined,
  coordinatedWith: EntityKind | undefined,
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
  if (span.thing) {
    const compound = thingCompoundName(lastToken.text) ?? '';
    const mention: ReadMention = {
      name: `${text.slice(firstToken.start, lastToken.start)}${compound}`,
      surface,
      start: firstToken.start,
      end: lastToken.end,
      kind: 'other',
      strong: false,
      thing: true,
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

  const context: KindContext = {
    text,
    tokens,
    span,
    words,
    name,
    firstWord,
    lastWord,
    single,
    prev,
    prevLower: prev?.lower ?? '',
    next,
    role,
    ownerOfRole: ownerOfRole || undefined,
    lexicon,
    english,
    coordinatedWith,
  };
  const { kind, strong, rule } = readKind(context);
  if (isNoName({ ...context, kind })) return undefined;
  const mention: ReadMention = {
    name,
    surface,
    start: firstToken.start,
    end: lastToken.end,
    kind,
    strong: strong === true,
  };
  if (rule && THING_RULES.has(rule)) mention.thing = true;
  if (role && kind === 'person') {
    mention.role = role.role;
    mention.roleText = role.roleText;
  }
  return { mention, role: kind === 'person' ? role : undefined };
}
