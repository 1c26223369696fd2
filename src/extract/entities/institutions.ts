/**
 * Official Norwegian bodies are written with only their first word capitalised: `Oslo
 * tingrett`, `Statistisk sentralbyrå`, `Statens vegvesen`, `Bergen kommune`, `Universitetet
 * i Oslo`. The capitalised run alone reads as a place ("Oslo") or as nothing; the
 * lower-case institution noun after it is what makes the whole an organisation.
 */

import type { NameSpan } from './names';
import { FIRST_NAMES } from './tables';
import type { Token } from './tokens';

/**
 * Lower-case nouns (or endings of compounds) that name a kind of public body. Short,
 * everyday words are listed as whole words only (`kommune`); the rest also end compounds
 * (`lagmannsrett`, `sentralbyrå`, `helsedirektorat`).
 */
const WHOLE_WORDS = new Set(
  `kommune fylkeskommune bystyre kommunestyre fylkesting formannskap politidistrikt
  universitet sykehus sjukehus høgskole høyskole høgskule fengsel museum bibliotek
  brannvesen vegvesen kartverk kystverk sparebank ballklubb ballklub fotballklubb idrettslag
  skole skule lånekasse pensjonskasse institutt`.split(/\s+/u),
);
const COMPOUND_ENDINGS = [
  'rett', // tingrett, lagmannsrett, jordskifterett (never the bare adverb "rett")
  'byrå',
  'direktorat',
  'tilsyn',
  'departement',
  'verk',
  'vesen',
  'etat',
  'kommune',
  'sykehus',
  'sjukehus',
  'universitet',
  'politidistrikt',
  'ombud',
  'kasse',
  'institutt',
  'skole',
  'skule',
];

/** The institution noun itself, or its genitive (`Oslo kommunes`), as written in lower case. */
export function institutionNoun(word: string): { genitive: boolean } | undefined {
  if (!/^\p{Ll}/u.test(word) || word.includes('-')) return undefined;
  const fits = (w: string) =>
    WHOLE_WORDS.has(w) ||
    COMPOUND_ENDINGS.some((ending) => w.endsWith(ending) && w.length >= ending.length + 3);
  if (fits(word)) return { genitive: false };
  if (word.endsWith('s') && fits(word.slice(0, -1))) return { genitive: true };
  return undefined;
}

/** Capitalised definite heads followed by `i`/`på` + a place: `Universitetet i Oslo`. */
const NB_HEADS_WITH_PLACE =
  /^(?:\p{Lu}\p{Ll}*)?(?:universitetet|høgskolen|høyskolen|høgskulen|sykehuset|sjukehuset|tingretten|politidistriktet)$/iu;
/** English `University of Oslo`, `Ministry of Finance`, `Bank of England`. */
const EN_HEADS_WITH_OF = new Set([
  'University',
  'Ministry',
  'Department',
  'Bank',
  'College',
  'Institute',
  'Museum',
  'Court',
  'Council',
  'Office',
  'Agency',
  'Directorate',
  'Authority',
  'Commission',
  'Bureau',
  'Federation',
  'Association',
  'Union',
  'Board',
  'Society',
  'Foundation',
  'Centre',
  'Center',
]);

/** Nouns whose bare form is also a plural ("Nye sykehus", "Norske universitet"). */
const PLURAL_ALIKE = /(?:sykehus|sjukehus|universitet|skole|skule|museum|bibliotek|fengsel)$/u;

/**
 * "Jonas Gahr Støre kommune" is no body; "Nye sykehus" and "Private skoler" at a
 * sentence opening are an adjective and a plural noun.
 */
function looksLikePersonOrAdjective(
  tokens: readonly Token[],
  span: NameSpan,
  noun: string,
): boolean {
  const first = tokens[span.first];
  if (!first) return true;
  if (span.titled || (span.last > span.first && FIRST_NAMES.has(first.text))) return true;
  return (
    first.sentenceStart &&
    span.first === span.last &&
    PLURAL_ALIKE.test(noun) &&
    /(?:e|sk|ig)$/u.test(first.lower)
  );
}

const isWordJoined = (token: Token | undefined): token is Token =>
  token?.isWord === true && token.joinedToPrevious;

/**
 * Extends name spans over the lower-case institution noun after them and joins a head
 * with its place (`Universitetet` + `i` + `Oslo`). Returned spans are marked `institution`.
 */
export function joinInstitutions(
  tokens: readonly Token[],
  spans: readonly NameSpan[],
  english: boolean,
): NameSpan[] {
  const out: NameSpan[] = [];
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index];
    if (!span) continue;
    const after = tokens[span.last + 1];
    const lastWord = tokens[span.last];
    // "Oslo tingrett", "Statistisk sentralbyrå", "Statens vegvesen" (a genitive owner).
    if (
      !english &&
      isWordJoined(after) &&
      lastWord?.isWord &&
      institutionNoun(after.text) &&
      !looksLikePersonOrAdjective(tokens, span, after.text)
    ) {
      out.push({ ...span, last: span.last + 1, institution: true });
      continue;
    }
    const next = spans[index + 1];
    const prep = tokens[span.last + 1];
    const head = tokens[span.last];
    // "Institute of Public Health", "the Norwegian Directorate of the Environment": English
    // bodies run on over `of` (and `the`), whatever words come before their head.
    const article = english && tokens[span.last + 2]?.lower === 'the' ? 1 : 0;
    const joinsPlace =
      next !== undefined &&
      head !== undefined &&
      (english || span.first === span.last) &&
      isWordJoined(prep) &&
      next.first === span.last + 2 + article &&
      tokens[next.first]?.joinedToPrevious === true &&
      (english
        ? prep.lower === 'of' && EN_HEADS_WITH_OF.has(head.text)
        : (prep.lower === 'i' || prep.lower === 'på') && NB_HEADS_WITH_PLACE.test(head.text));
    if (joinsPlace && next) {
      out.push({ first: span.first, last: next.last, titled: false, institution: true });
      index++;
      continue;
    }
    out.push(span);
  }
  return out;
}
