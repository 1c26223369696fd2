/**
 * Match reports: in `Rosenborg tapte 1-2 mot Molde` the name after `mot` is a club, not a
 * place. A name reads as a team only in a sentence that reports a team result (a single
 * score, or words only team sports use) and in the slots a result gives a team: after
 * `mot`/`against`, or next to a result verb with the score right there. Tennis and chess
 * (set scores `6-4, 6-3`, no score at all) are left alone: the players are people.
 */

import type { NameSpan } from './names';
import type { Token } from './tokens';

/** A match score; never part of a longer number, a date or a clock time. */
const SCORE =
  /(?<![\p{N}.,:/])\p{N}{1,2}\s?[-–]\s?\p{N}{1,2}(?![\p{N}.,:/%])(?!\s*(?:prosent|kr|kroner|år|dager|timer|millioner|mill))/gu;
/** Set scores ("6-4, 3-6") are individual sports. */
const SET_SCORES = /\p{N}[-–]\p{N},\s*\p{N}[-–]\p{N}/u;

/** Words only team ball games use (Bokmål, Nynorsk, English). */
const TEAM_WORDS = new Set(
  `eliteserien obos-ligaen ligaen serien seriekamp seriekampen tabellen cupen cupfinalen
  cupkamp cupkampen bortekamp bortekampen hjemmekamp hjemmekampen bortebane hjemmebane
  keeper keeperen målvakt målvakten spiss spissen scoret scora scoringen scoringa laget lagets
  lagkamerat klubben derbyet straffespark hjørnespark midtbanen forsvarsspillar
  league premiership fixture striker goalkeeper midfielder scored equaliser equalizer`.split(
    /\s+/u,
  ),
);

/** Verbs that report a result between two teams. */
const RESULT_VERBS = new Set(
  `slo tapte vant knuste beseiret spilte spelte vann tapa beat lost won drew thrashed`.split(
    /\s+/u,
  ),
);

/** Where the sentence holding `start`..`end` begins and ends. */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const before = text.slice(0, start);
  const from = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('! '),
    before.lastIndexOf('? '),
    before.lastIndexOf('\n'),
  );
  const rest = text.slice(end);
  const stop = rest.search(/[.!?](?:\s|$)|\n/u);
  return [from < 0 ? 0 : from + 1, stop < 0 ? text.length : end + stop];
}

function sentenceAround(text: string, start: number, end: number): string {
  return text.slice(...sentenceBounds(text, start, end));
}

/** The sentence reports a team result: one score with a result verb, or a team-sport word. */
function reportsTeamResult(sentence: string): boolean {
  if (SET_SCORES.test(sentence)) return false;
  const words = sentence.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  if (words.some((w) => TEAM_WORDS.has(w))) return true;
  const scores = sentence.match(SCORE) ?? [];
  return scores.length === 1 && words.some((w) => RESULT_VERBS.has(w));
}

/** True when the name at `span` is one of the sides of a team result in its sentence. */
export function isTeamInResult(text: string, tokens: readonly Token[], span: NameSpan): boolean {
  const first = tokens[span.first];
  const last = tokens[span.last];
  if (!first || !last) return false;
  const prev = first.joinedToPrevious ? tokens[span.first - 1] : undefined;
  const next = tokens[span.last + 1];
  const against = prev?.lower === 'mot' || prev?.lower === 'against';
  // "Viking slo Molde 3-0", "Molde tapte 0-2": a result verb right next to the name, and
  // the score or the other side right after it.
  const afterVerb =
    prev !== undefined &&
    RESULT_VERBS.has(prev.lower) &&
    /^\s*\p{N}{1,2}\s?[-–]\s?\p{N}/u.test(text.slice(last.end));
  const beforeVerb =
    next?.isWord === true &&
    next.joinedToPrevious &&
    RESULT_VERBS.has(next.lower) &&
    /^\s*(?:\p{Lu}[\p{L}-]*\s+)?(?:\p{N}{1,2}\s?[-–]\s?\p{N}{1,2}|mot\s|against\s|uavgjort)/u.test(
      text.slice(next.end),
    );
  if (!against && !afterVerb && !beforeVerb) return false;
  // "borte mot Viking", "hjemme mot Molde": only teams play away or at home against someone.
  const venue = tokens[span.first - 2]?.lower;
  if (against && (venue === 'borte' || venue === 'hjemme' || venue === 'away' || venue === 'home'))
    return true;
  return reportsTeamResult(sentenceAround(text, first.start, last.end));
}

/**
 * Whether the sentence of the name at `span` names another lone first name (a capitalised
 * first name with no capitalised word right after it): "Magnus slo Hikaru 1-0".
 */
export function otherLoneFirstNameInSentence(
  text: string,
  tokens: readonly Token[],
  span: NameSpan,
  firstNames: ReadonlySet<string>,
): boolean {
  const first = tokens[span.first];
  const last = tokens[span.last];
  if (!first || !last) return false;
  const [from, to] = sentenceBounds(text, first.start, last.end);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.start < from || token.end > to) continue;
    if (i >= span.first && i <= span.last) continue;
    if (!token.isWord || !firstNames.has(token.text)) continue;
    const next = tokens[i + 1];
    const followedByName =
      next?.isWord === true && next.joinedToPrevious && /^\p{Lu}/u.test(next.text);
    const previous = tokens[i - 1];
    const afterName =
      token.joinedToPrevious && previous?.isWord === true && /^\p{Lu}/u.test(previous.text);
    if (!followedByName && !afterName) return true;
  }
  return false;
}
