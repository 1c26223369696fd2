/**
 * Which way a bare weekday (or weekend, or month without a year) points: back in time or
 * forward. News text rarely says "last Monday"; the verb says it: `Støre møtte Macron mandag`
 * (back), `FN skal holde møte mandag` (forward). We look for the signal word nearest to the
 * expression inside its sentence, because the nearest one belongs to the same clause more
 * often than not: in `Møtet skjedde i forkant av et besøk ... i Bergen onsdag` the past
 * `skjedde` is farther away than the forward-pointing `i forkant av` that governs `onsdag`.
 */
import { sentenceBounds } from './sentence';

export type Direction = 'back' | 'forward';

/** Words that put the event before the moment of writing. */
const BACK_WORDS: ReadonlySet<string> = new Set([
  // Bokmål auxiliaries and common past-tense verbs in news text
  'ble',
  'var',
  'hadde',
  'har',
  'sa',
  'møtte',
  'møttes',
  'skjedde',
  'hendte',
  'døde',
  'omkom',
  'kom',
  'gikk',
  'fikk',
  'holdt',
  'vant',
  'tapte',
  'ankom',
  'landet',
  'ga',
  'gav',
  'tok',
  'sto',
  'stod',
  'lå',
  'satt',
  'så',
  'meldte',
  'opplyste',
  'bekreftet',
  'kunngjorde',
  'uttalte',
  'erklærte',
  'besøkte',
  'drepte',
  'arresterte',
  'pågrep',
  'signerte',
  'undertegnet',
  'vedtok',
  'åpnet',
  'startet',
  'avsluttet',
  'avslørte',
  'presenterte',
  'lanserte',
  'publiserte',
  'skrev',
  'sendte',
  'ringte',
  'snakket',
  'talte',
  'reiste',
  'forlot',
  'kalte',
  'mottok',
  'avviste',
  'godkjente',
  'fortalte',
  'ledet',
  'la',
  'gratulerte',
  'takket',
  'understreket',
  'advarte',
  'krevde',
  'truet',
  'falt',
  'steg',
  'økte',
  'sank',
  'scoret',
  'spilte',
  'samlet',
  'feiret',
  'valgte',
  'utnevnte',
  'sluttet',
  'trakk',
  'brøt',
  'inngikk',
  'forsvant',
  'fant',
  'sist',
  'forrige',
  'siden',
  // Nynorsk
  'vart',
  'blei',
  'hende',
  'fekk',
  'gjekk',
  'heldt',
  'døydde',
  'melde',
  'stadfesta',
  'sende',
  'vann',
  // English irregular past and back-pointing words
  'was',
  'were',
  'had',
  'has',
  'have',
  'said',
  'met',
  'did',
  'held',
  'took',
  'came',
  'went',
  'got',
  'won',
  'lost',
  'told',
  'gave',
  'saw',
  'spoke',
  'wrote',
  'left',
  'began',
  'fell',
  'rose',
  'struck',
  'shot',
  'found',
  'brought',
  'sent',
  'made',
  'ago',
  'last',
  'previous',
]);

/** Words that put the event after the moment of writing, incl. present of scheduled events. */
const FORWARD_WORDS: ReadonlySet<string> = new Set([
  'skal',
  'vil',
  // present of must: "Vi må vinne kampen på lørdag" is still ahead
  'må',
  'ventes',
  'ventet',
  'blir',
  'kommer',
  'kjem',
  'planlegger',
  'planlagt',
  'planlagd',
  'neste',
  'kommende',
  'førstkommende',
  'komande',
  'førstkomande',
  'forkant',
  'foran',
  'innen',
  'møter',
  'møtes',
  'holdes',
  'avholdes',
  'arrangeres',
  'starter',
  'begynner',
  'åpner',
  'besøker',
  'samles',
  // present passives of scheduled events: `I dag innledes statsbesøket`
  'innledes',
  // presents of what is announced or takes effect on a set day: `Dommen faller på torsdag`,
  // `Dommen avsies fredag`, `Loven trer i kraft mandag` (not `spilles`: "spillene som
  // spilles på gutterommene" is a habit, and took "22. juli" to the next year)
  'faller',
  'avsies',
  'avsier',
  'kunngjøres',
  'offentliggjøres',
  'trer',
  'tiltrer',
  'overtar',
  'avsluttes',
  'åpnes',
  'behandles',
  'avgjøres',
  'presenteres',
  'legges',
  'vert',
  'will',
  'may',
  'might',
  'aims',
  'hopes',
  'intends',
  'shall',
  'expected',
  'scheduled',
  'plans',
  'planned',
  'planning',
  'due',
  'upcoming',
  'next',
  'coming',
  'ahead',
  'meets',
  'begins',
  'starts',
  'opens',
  'visits',
]);

/** English regular past ends in -ed; these do not (or point forward and are caught first). */
const NOT_PAST_ED: ReadonlySet<string> = new Set([
  'need',
  'speed',
  'indeed',
  'hundred',
  'united',
  'red',
  'bed',
]);

export function signalOf(word: string, englishPast: boolean): Direction | undefined {
  const lower = word.toLowerCase();
  if (FORWARD_WORDS.has(lower)) return 'forward';
  if (BACK_WORDS.has(lower)) return 'back';
  // Norwegian nouns end in -ed too (`jordskred`, `fødested`): the English past only in English.
  if (
    englishPast &&
    lower.length >= 5 &&
    lower.endsWith('ed') &&
    !lower.endsWith('eed') &&
    !NOT_PAST_ED.has(lower)
  ) {
    return 'back';
  }
  return undefined;
}

/** A sentence ends at . ! ? followed by space and a capital, quote or dash; or at a line break. */
const SENTENCE_END = /[.!?]+(?=\s+[\p{Lu}«"–-])|\n/gu;

interface Token {
  word: string;
  start: number;
  end: number;
}

/**
 * Verbs of attribution (`sa`, `said`, `opplyser`) date the saying, not the event reported:
 * in `The agreement will be signed on Friday, Rotevatn said` the past `said` must not
 * drag Friday into the past. They count only right next to the expression
 * (`Putin sa mandag at ...`), where they do govern it.
 */
export const REPORTING: ReadonlySet<string> = new Set([
  'sa',
  'sier',
  'opplyste',
  'opplyser',
  'meldte',
  'melder',
  'skrev',
  'skriver',
  'uttalte',
  'uttaler',
  'fortalte',
  'forteller',
  'sei',
  'seier',
  'said',
  'says',
  'told',
  'tells',
]);
const REPORTING_REACH = 2;

/** Auxiliaries after which a participle carries no tense of its own. */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set([
  'be',
  'been',
  'being',
  'bli',
  'blir',
  'ble',
  'blitt',
  'blei',
  'vart',
  'vert',
  'verte',
  'vorte',
  'blitte',
]);

const COMMA_PENALTY = 4;
const MAX_DISTANCE = 16;

/** Determiners before `ville` that make it the adjective "wild" (`de ville dyrene`). */
const BEFORE_WILD: ReadonlySet<string> = new Set(['de', 'dei', 'den', 'det', 'disse']);

/** Participles that do not end in -t/-et/-d (`ha gått`, `ha sagt` do; these are listed). */
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(
  `vært blitt gått sagt fått tatt gjort kommet sett gitt hatt skrevet funnet vunnet truffet
  sittet ligget stått dratt bedt sunget brutt skutt latt valgt lagt satt drept møtt`.split(/\s+/u),
);

function looksLikeParticiple(word: string | undefined): boolean {
  if (!word) return false;
  const lower = word.toLowerCase();
  return IRREGULAR_PARTICIPLES.has(lower) || /\p{L}{2,}(?:et|t|dd|d)$/u.test(lower);
}

/**
 * Token indexes of `ville ha` + participle (`ville ha gått av dersom ...`): a conditional
 * about what did not happen, which says nothing about when.
 */
function conditionalPerfects(tokens: readonly Token[]): Set<number> {
  const parts = new Set<number>();
  tokens.forEach((token, i) => {
    if (token.word.toLowerCase() !== 'ville') return;
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) {
      if (tokens[j]?.word.toLowerCase() !== 'ha') continue;
      if (!looksLikeParticiple(tokens[j + 1]?.word)) return;
      parts.add(i);
      parts.add(j);
      parts.add(j + 1);
      return;
    }
  });
  return parts;
}

/**
 * `ville` + infinitive (`Torsdag ville ingen antyde ...`) is the past of `vil`: it narrates
 * from a moment already passed, so it points back. The adjective (`de ville dyrene`) is no verb.
 */
function modalVille(tokens: readonly Token[], index: number): Direction | undefined {
  const previous = tokens[index - 1]?.word.toLowerCase() ?? '';
  return BEFORE_WILD.has(previous) ? undefined : 'back';
}

/** Nearest direction signal in the sentence around [start, end), or undefined when none. */
export function directionAround(
  text: string,
  start: number,
  end: number,
  englishPast = true,
): Direction | undefined {
  const { from, to } = sentenceBounds(text, start, end, SENTENCE_END);
  const tokens: Token[] = [];
  for (const match of text.slice(from, to).matchAll(/[\p{L}\p{N}'’]+|[,;:()]/gu)) {
    const tokenStart = from + (match.index ?? 0);
    tokens.push({ word: match[0], start: tokenStart, end: tokenStart + match[0].length });
  }
  // A participle after `be`/`been` (`will be signed`) has no tense of its own: the
  // auxiliary before it decides.
  // Norwegian passives likewise: in `kan bli satt opp i desember` the participle `satt`
  // (also the past of `sitte`) says nothing about when.
  const conditionalParts = conditionalPerfects(tokens);
  const signals = tokens.map((token, i) => {
    const previous = tokens[i - 1]?.word.toLowerCase() ?? '';
    if (PASSIVE_AUXILIARIES.has(previous)) return undefined;
    if (conditionalParts.has(i)) return undefined;
    if (token.word.toLowerCase() === 'ville') return modalVille(tokens, i);
    return signalOf(token.word, englishPast);
  });
  const indexed = tokens.map((token, i) => ({ ...token, signal: signals[i] }));
  const left = indexed.filter((token) => token.end <= start).reverse();
  const right = indexed.filter((token) => token.start >= end);
  const nearest = (
    side: (Token & { signal: Direction | undefined })[],
  ): { direction: Direction; distance: number } | undefined => {
    let distance = 0;
    for (const token of side) {
      if (/^[,;:()]$/.test(token.word)) {
        distance += COMMA_PENALTY;
        continue;
      }
      distance += 1;
      if (distance > MAX_DISTANCE) return undefined;
      if (REPORTING.has(token.word.toLowerCase()) && distance > REPORTING_REACH) continue;
      if (token.signal) return { direction: token.signal, distance };
    }
    return undefined;
  };
  const before = nearest(left);
  const after = nearest(right);
  if (before && after) return after.distance < before.distance ? after.direction : before.direction;
  return (before ?? after)?.direction;
}

/** Words just before a genitive weekday that make it point forward (`foran fredagens kamp`). */
export function forwardBeforeGenitive(text: string, start: number): boolean {
  const window = text.slice(Math.max(0, start - 30), start).toLowerCase();
  return /(?:foran|forkant av|ahead of|kommende|neste)\s+$/u.test(window);
}

/**
 * Present-tense verbs that, with no other signal, describe a coming fixture or a state
 * ahead of it (`Brann er klare favoritter lørdag`, `Laget står foran en tøff kamp søndag`).
 */
const PRESENT_AHEAD: ReadonlySet<string> = new Set(
  `er står ligger går spiller stiller gjelder trenger mangler regnes is are faces plays`.split(
    /\s+/u,
  ),
);

/**
 * Whether a weekday with no direction signal near it sits in a present-tense sentence with
 * no past verb anywhere: news then writes about the coming day. A definite noun right before
 * it (`seieren lørdag`, `kampen søndag`) names an event already known, which may be past.
 */
export function presentPointsAhead(text: string, start: number, end: number): boolean {
  const { from, to } = sentenceBounds(text, start, end, SENTENCE_END);
  const before = text.slice(from, start).match(/[\p{L}]+/gu) ?? [];
  const after = text.slice(end, to).match(/[\p{L}]+/gu) ?? [];
  const words = [...before, ...after].map((w) => w.toLowerCase());
  // `etter et fall lørdag`: what follows an event looks back at it.
  if (words.some((w) => BACK_WORDS.has(w) || w === 'ville' || w === 'etter')) return false;
  const verb = words.findIndex((w) => PRESENT_AHEAD.has(w));
  if (verb < 0) return false;
  // `er innlagt`, `er siktet`: a state left by an event, which may lie behind.
  if (words.slice(verb + 1, verb + 3).some(looksLikeParticiple)) return false;
  const previous = before.at(-1)?.toLowerCase() ?? '';
  return !/\p{L}{2,}(?:en|et|ene|a)$/u.test(previous);
}
