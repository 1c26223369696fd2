import { francAll } from 'franc';
import type { Language } from '../knowledge/types';

/**
 * Guess whether a text is Bokmål, Nynorsk or English.
 *
 * franc's trigram models tell English from Scandinavian well, but confuse Bokmål with
 * Nynorsk (and short Norwegian texts with Danish or Swedish). So franc only decides
 * "English or Scandinavian"; within Scandinavian, words that exist in only one of the two
 * written Norwegian standards decide.
 */

const FRANC_LANGUAGES = ['nob', 'nno', 'eng', 'dan', 'swe'];

/** Frequent words that are Nynorsk but not Bokmål (kept small and unambiguous). */
const NYNORSK_MARKERS = new Set([
  'ikkje',
  'eg',
  'dei',
  'frå',
  'kva',
  'korleis',
  'kvifor',
  'kven',
  'kvar',
  'berre',
  'noko',
  'nokon',
  'nokre',
  'vere',
  'vore',
  'vart',
  'me',
  'høyrer',
  'òg',
  'ein',
  'eit',
  'eitt',
  'mykje',
  'medan',
  'saman',
  'heile',
  'fekk',
  'sjølv',
  'difor',
  'elles',
  'dykk',
  'hjå',
  'då',
  'enno',
]);

/** Frequent Bokmål words whose Nynorsk counterpart is spelled differently. */
const BOKMAAL_MARKERS = new Set([
  'ikke',
  'jeg',
  'de',
  'fra',
  'hva',
  'hvordan',
  'hvorfor',
  'hvem',
  'hvor',
  'bare',
  'noe',
  'noen',
  'være',
  'vært',
  'ble',
  'også',
  'en',
  'et',
  'mye',
  'mens',
  'sammen',
  'hele',
  'fikk',
  'selv',
  'derfor',
  'dere',
  'hos',
  'da',
  'ennå',
]);

export interface DetectedLanguage {
  language: Language;
  /** False when the text is short, mixed, or looked Danish/Swedish: a guess, not a finding. */
  confident: boolean;
}

/** Below this many letters no detector is reliable; we still guess, but say so. */
const MIN_CONFIDENT_LETTERS = 40;

export function detectLanguage(text: string): DetectedLanguage {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const ranked = francAll(text, { only: FRANC_LANGUAGES, minLength: 3 });
  const best = ranked[0]?.[0] ?? 'und';
  const longEnough = letters >= MIN_CONFIDENT_LETTERS;
  const markers = countMarkers(text);

  if (best === 'eng') {
    // Norwegian marker words in an "English" text mean a mixed or very short text.
    const norwegianWords = markers.nynorsk + markers.bokmaal;
    return { language: 'en', confident: longEnough && norwegianWords <= 1 };
  }
  if (best === 'und') {
    return fromMarkersOnly(markers);
  }

  const variant = norwegianVariant(markers, longEnough ? best : 'nob');
  const scandinavianButNotNorwegian = best === 'dan' || best === 'swe';
  return {
    language: variant.language,
    confident: longEnough && variant.clear && !scandinavianButNotNorwegian,
  };
}

interface MarkerCounts {
  nynorsk: number;
  bokmaal: number;
}

function countMarkers(text: string): MarkerCounts {
  const counts: MarkerCounts = { nynorsk: 0, bokmaal: 0 };
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (NYNORSK_MARKERS.has(word)) counts.nynorsk++;
    if (BOKMAAL_MARKERS.has(word)) counts.bokmaal++;
  }
  return counts;
}

/** Decide Bokmål vs Nynorsk: marker words first, franc's own opinion only as a tie-break. */
function norwegianVariant(
  markers: MarkerCounts,
  francGuess: string,
): { language: Language; clear: boolean } {
  const { nynorsk, bokmaal } = markers;
  if (nynorsk >= 2 && nynorsk > bokmaal * 2) return { language: 'nn', clear: true };
  if (bokmaal >= 2 && bokmaal > nynorsk * 2) return { language: 'nb', clear: true };
  if (nynorsk > bokmaal) return { language: 'nn', clear: false };
  if (bokmaal > nynorsk) return { language: 'nb', clear: false };
  // No marker evidence: trust franc only on longer texts (the caller passes 'nob' for short
  // ones), since Bokmål is by far the more common written standard.
  return { language: francGuess === 'nno' ? 'nn' : 'nb', clear: false };
}

function fromMarkersOnly(markers: MarkerCounts): DetectedLanguage {
  return {
    language: markers.nynorsk > markers.bokmaal ? 'nn' : 'nb',
    confident: false,
  };
}
