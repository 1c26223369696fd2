/**
 * What the words around a time expression say about whether it names a day at all: a
 * habit (`aldri vite om jeg har nok til husleia neste måned`), a greeting (`Ha en god
 * søndag!`), a title (`albumet «Annleis enn i går»`), direct speech reported as said on
 * some other day (`- ... i morgen, spøkte han`), or a state that holds "nowadays"
 * (`ordningen vi har i dag`). Each of these makes a deictic word say nothing, because the
 * publication date is then no anchor we can trust.
 */

import { sentenceBounds } from './sentence';
import { REPORTING, signalOf } from './tense';

interface Word {
  word: string;
  lower: string;
  start: number;
  end: number;
}

function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  // A hyphen standing between spaces is a dash (` - sammen med ...`), so punctuation.
  for (const match of text
    .slice(from, to)
    .matchAll(/[\p{L}\p{N}'’]+|[,;:()«»"“”–—!?]|(?<=\s)-(?=\s)/gu)) {
    const start = from + (match.index ?? 0);
    out.push({
      word: match[0],
      lower: match[0].toLowerCase(),
      start,
      end: start + match[0].length,
    });
  }
  return out;
}

/** The sentence around [start, end): it ends at . ! ? before a space or the end, or a line break. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { from: number; to: number } {
  return sentenceBounds(text, start, end, /[.!?]+(?=\s|$)|\n/gu);
}

/** Words that open a clause of their own: what lies beyond them is another verb's business. */
const SUBORDINATORS: ReadonlySet<string> = new Set(
  `at som der hvor hvis dersom fordi mens når enn da om siden that which who whom because while
  when than if whether`.split(/\s+/u),
);
const CLAUSE_PUNCTUATION = /^[,;:()«»"“”–—!?-]$/u;

/** The words of the clause around [start, end), nearest first on each side. */
export function clauseWords(
  text: string,
  start: number,
  end: number,
): { before: Word[]; after: Word[] } {
  const { from, to } = sentenceAround(text, start, end);
  const words = wordsIn(text, from, to);
  const before: Word[] = [];
  for (const word of words.filter((w) => w.end <= start).reverse()) {
    if (CLAUSE_PUNCTUATION.test(word.word)) break;
    if (SUBORDINATORS.has(word.lower)) break;
    before.push(word);
  }
  // `I dag, seks år senere, ble hun hedret`: an opening adverbial's verb comes after what
  // is set off by commas.
  const opening = before.length === 0;
  const after: Word[] = [];
  for (const word of words.filter((w) => w.start >= end)) {
    if (opening && word.word === ',') continue;
    if (CLAUSE_PUNCTUATION.test(word.word) || SUBORDINATORS.has(word.lower)) break;
    after.push(word);
  }
  return { before, after };
}

/**
 * Words that make what the sentence says a habit or a generality: `aldri`, `alltid`,
 * `hver gang`. A deictic word in the same comma-free stretch then means "whichever one".
 */
const HABITUAL: ReadonlySet<string> = new Set(
  `aldri alltid aldrig hver hvert kvar kvart vanligvis stadig pleier pleide pløgde pleie
  bestandig never always every usually often`.split(/\s+/u),
);

/** Whether a habit marker (`aldri`, `alltid`, `hver`) comes before [start, end) in its stretch. */
export function isHabitual(text: string, start: number, end: number): boolean {
  const { from, to } = sentenceAround(text, start, end);
  const stretch = wordsIn(text, from, to);
  // Only before it: after it the word qualifies something else (`en alltid støttende far`).
  for (const word of stretch.filter((w) => w.end <= start).reverse()) {
    if (CLAUSE_PUNCTUATION.test(word.word)) return false;
    if (HABITUAL.has(word.lower)) return true;
  }
  return false;
}

/**
 * `Ha en god søndag!`, `God helg`, `Happy Friday`: a wish opening the sentence before the
 * day word names no event.
 */
const GREETING =
  /^[\s\-–—«"]*(?:(?:ha|have)\s+(?:en|ei|et|a)\s+)?(?:riktig\s+|fortsatt\s+|virkelig\s+|really\s+)?(?:god|godt|gode|fin|fint|flott|strålende|fredelig|nice|good|great|happy|lovely)\s+$/iu;

export function isGreeting(text: string, start: number): boolean {
  const { from } = sentenceAround(text, start, start);
  return GREETING.test(text.slice(from, start));
}

/** Words before «…» that introduce speech, not a title. */
const SPEECH_INTRODUCERS: ReadonlySet<string> = new Set(
  `at sa sier skrev skriver uttalte uttaler het heter kalt kalte sa: roper ropte said says wrote
  that`.split(/\s+/u),
);

/**
 * Inside a short «…» that reads as a title (capitalised, no punctuation inside, not
 * introduced as speech): `på «Annleis enn i går»`, `filmen «I morgen»`.
 */
export function insideTitle(text: string, start: number, end: number): boolean {
  const open = Math.max(text.lastIndexOf('«', start), text.lastIndexOf('“', start));
  if (open < 0) return false;
  const closeAt = (mark: string) => {
    const at = text.indexOf(mark, end);
    return at < 0 ? Number.POSITIVE_INFINITY : at;
  };
  const close = Math.min(closeAt('»'), closeAt('”'));
  if (!Number.isFinite(close)) return false;
  const between = text.slice(open, start);
  if (/[»”]/u.test(between)) return false;
  const inner = text.slice(open + 1, close);
  if (/[.!?,;:]/u.test(inner)) return false;
  if (inner.trim().split(/\s+/u).length > 6) return false;
  if (!/^\s*\p{Lu}/u.test(inner)) return false;
  const before = /([\p{L}:]+)\s*$/u.exec(text.slice(Math.max(0, open - 30), open))?.[1];
  return !(before && SPEECH_INTRODUCERS.has(before.toLowerCase()));
}

/** Verbs of saying in the present: what they report was said at about the time of writing. */
const PRESENT_SAYING =
  /^(?:sier|seier|forteller|fortel|skriver|opplyser|melder|mener|meiner|understreker|legger|tilføyer|utdyper|forklarer|spør|svarer|says|tells|writes|adds|explains)$/iu;

/**
 * A deictic day word inside direct speech (a dash-opened line or «…») whose attribution
 * is in the past (`, spøkte han`, `, sa hun`): "tomorrow" counts from the day it was said,
 * which the text does not give. With a present attribution (`sier han`) or none, the speech
 * is taken as of the publication day.
 */
export function quotedFromAnotherDay(text: string, start: number): boolean {
  const { from, to } = sentenceAround(text, start, start);
  const sentence = text.slice(from, to);
  const offset = start - from;
  const dashed = /^\s*[-–—]\s/u.test(sentence);
  if (dashed) {
    // The attribution is the last `, verb subject` stretch of the sentence.
    const attribution = /,\s*(\p{L}+)\s+[\p{L}.-]+(?:\s[^,]*)?[.!?]?\s*$/u.exec(sentence);
    if (!attribution) return false;
    if (offset >= attribution.index) return false;
    return isPastSaying(attribution[1] ?? '');
  }
  const open = sentence.lastIndexOf('«', offset);
  const close = sentence.indexOf('»', offset);
  if (open < 0 || close < 0 || sentence.slice(open, offset).includes('»')) return false;
  const verb = /^\s*,?\s*(\p{L}+)/u.exec(sentence.slice(close + 1))?.[1];
  return verb !== undefined && isPastSaying(verb);
}

/**
 * A time word anywhere inside a «…» quote (one or several sentences) that a past frame
 * introduces (`skrev hun i en e-post 10. april: «Vi møtes mandag. ... fredag»`) or that a
 * past attribution closes (`«... mandag. ... fredag», sa hun`): every relative word in it
 * counts from the day of writing or saying, which is not the publication day.
 */
export function insideReportedQuote(text: string, start: number): boolean {
  const open = text.lastIndexOf('«', start);
  if (open < 0 || text.slice(open, start).includes('»')) return false;
  const closeAt = text.indexOf('»', start);
  const close = closeAt < 0 ? text.length : closeAt;
  if (closeAt >= 0) {
    const verb = /^\s*,?\s*(\p{L}+)/u.exec(text.slice(close + 1))?.[1];
    if (verb !== undefined && isPastSaying(verb)) return true;
  }
  // The frame: the clause before the quote, ending in a colon.
  const frame = text.slice(Math.max(0, open - 120), open);
  if (!/:\s*$/u.test(frame)) return false;
  const clause = frame.split(/[.!?]\s+(?=\p{Lu})|\n/u).at(-1) ?? '';
  return (clause.match(/\p{L}+/gu) ?? []).some((word) => PAST_SAYING.has(word.toLowerCase()));
}

/** Verbs of saying in the past: `sa`, `spøkte`, `fortalte`, `said`, `joked`. */
const PAST_SAYING: ReadonlySet<string> = new Set(
  `sa sa' la fortalte uttalte skrev svarte ropte forklarte understreket fastslo konkluderte
  mente tilføyde opplyste sukket smilte lo humret spøkte erklærte sade sei skreiv said told
  joked added wrote replied explained`.split(/\s+/u),
);

/** A verb of saying in the past, listed or regular (`spøkte`, `innrømmet`, `admitted`). */
function isPastSaying(verb: string): boolean {
  const lower = verb.toLowerCase();
  if (PRESENT_SAYING.test(lower)) return false;
  if (PAST_SAYING.has(lower)) return true;
  return /\p{L}{3,}(?:te|et|ed)$/u.test(lower) && !SUBORDINATORS.has(lower);
}

/** Present-tense verbs of state: `i dag` next to one of them means "nowadays". */
const STATE_VERBS: ReadonlySet<string> = new Set(
  `er har finnes fins gjelder ligger står bor heter eksisterer mangler koster består utgjør
  omfatter teller lever jobber arbeider driver eier vet tror mener synes kan bruker trenger
  preges domineres hevdes anses regnes kalles brukes kjennes oppfattes betraktes sees ses
  is are has have`.split(/\s+/u),
);

/** Words after `har` that show it is an auxiliary: a past participle within three words. */
const NOT_PARTICIPLES: ReadonlySet<string> = new Set(
  `litt mest helt godt rett snart fort nett slett sist først best minst ikkje ikke
  det et at dit hit mot mellom`.split(/\s+/u),
);
const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(
  `vært blitt gått sagt fått tatt gjort kommet sett gitt hatt skrevet funnet vunnet truffet
  sittet ligget stått dratt bedt sunget brutt skutt latt valgt lagt satt drept møtt`.split(/\s+/u),
);

function participleFollows(after: readonly Word[]): boolean {
  for (const word of after.slice(0, 3)) {
    if (IRREGULAR_PARTICIPLES.has(word.lower)) return true;
    if (NOT_PARTICIPLES.has(word.lower)) continue;
    if (/\p{L}{2,}(?:et|t|dd|d)$/u.test(word.lower) && !/(?:ert|ent|est)$/u.test(word.lower))
      return true;
  }
  return false;
}

/**
 * `i dag` as the day of publication, not "nowadays": its clause has a verb that places an
 * event in time (`I dag skal ...`, `møttes i dag`, `har i dag lagt fram`). A present of
 * state next to it (`vi har i dag`, `i dag hevdes det`) or no such verb says nothing.
 */
export function todayNamesADay(
  text: string,
  start: number,
  end: number,
  englishPast: boolean,
): boolean {
  const { before, after } = clauseWords(text, start, end);
  // `per i dag`, `pr. i dag` (as of today), `dagen i dag`, `her i dag`: this very day.
  if (/(?:^|\s)(?:per|pr\.|dagen|her)\s+$/iu.test(text.slice(Math.max(0, start - 8), start)))
    return true;
  // The clause in reading order, the expression left out: what follows `har` is read there.
  const inOrder = [...before].reverse().concat(after);
  const nextTo = [before[0], after[0]];
  for (const word of nextTo) {
    if (!word) continue;
    if (signalOf(word.lower, englishPast) === 'forward') return true;
    if (word.lower === 'har' || word.lower === 'hadde') {
      return participleFollows(inOrder.slice(inOrder.indexOf(word) + 1));
    }
    if (STATE_VERBS.has(word.lower)) return false;
    // A present passive not known to schedule anything: `hevdes`, `sies`, `antas`.
    if (/\p{L}{3,}es$/u.test(word.lower) && signalOf(word.lower, englishPast) === undefined)
      return false;
  }
  // `skriver Dagbladet i dag`, `sa statsministeren i dag`: the saying is the event.
  if ([before[0], before[1], after[0], after[1]].some((w) => w && REPORTING.has(w.lower)))
    return true;
  const ordered: Word[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const a = after[i];
    const b = before[i];
    if (a) ordered.push(a);
    if (b) ordered.push(b);
  }
  for (const word of ordered) {
    if (word.lower === 'har' || word.lower === 'hadde' || word.lower === 'has') {
      if (participleFollows(inOrder.slice(inOrder.indexOf(word) + 1))) return true;
      continue;
    }
    if (STATE_VERBS.has(word.lower)) return false;
    if (signalOf(word.lower, englishPast)) return true;
  }
  return false;
}
