import { eng, nob } from 'stopword';
import type { Language } from '../knowledge/types';

// stopword has no Nynorsk list; these are the Nynorsk function words that differ from
// Bokmål (the Bokmål list is applied to Nynorsk as well, since most function words agree).
const NYNORSK_EXTRA = [
  'eg',
  'ikkje',
  'dei',
  'frå',
  'kva',
  'kven',
  'kvar',
  'korleis',
  'kvifor',
  'berre',
  'noko',
  'nokon',
  'vere',
  'vore',
  'vart',
  'me',
  'oss',
  'dykk',
  'dykkar',
  'hjå',
  'òg',
  'ho',
  'honom',
  'henne',
  'deira',
  'sidan',
  'utan',
  'mellom',
  'etter',
  'ein',
  'eit',
  'eitt',
  'mykje',
];

// English function words stopword's list lacks; "will" in a question otherwise matched
// passages that happen to hold it (a name, a Norwegian "vil" typed in English).
const ENGLISH_EXTRA = [
  'will',
  'shall',
  'does',
  'doing',
  'done',
  'having',
  'its',
  'not',
  'nor',
  'no',
  'yes',
  'whom',
  'whose',
  'also',
  'onto',
  'upon',
  'within',
  'without',
  'against',
  'during',
  'until',
  'off',
  'there',
  'those',
  'am',
  'whether',
  'gets',
  'getting',
  'around',
  'nearly',
  'almost',
  'among',
  'via',
  'per',
  'else',
  'ever',
  'every',
];

const LISTS: Record<Language, ReadonlySet<string>> = {
  nb: new Set(nob),
  nn: new Set([...nob, ...NYNORSK_EXTRA]),
  en: new Set([...eng, ...ENGLISH_EXTRA]),
};

/** Whether a case-folded word is a function word in that language. */
export function isStopWord(lower: string, language: Language): boolean {
  return LISTS[language].has(lower);
}
