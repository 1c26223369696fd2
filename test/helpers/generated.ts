/**
 * A knowledge base written by a program: many Bokmål-like news articles with recurring
 * people, roles, places and weekdays, large enough that analysing it takes real time.
 * Deterministic, so every run sees the same text.
 */
import { seededRandom as random } from './random';

const FIRST = [
  'Ingrid',
  'Kari',
  'Ola',
  'Lise',
  'Eirik',
  'Marit',
  'Anders',
  'Silje',
  'Håkon',
  'Tone',
];
const LAST = [
  'Haugrud',
  'Bergsli',
  'Lundvik',
  'Dahlstrøm',
  'Strandmo',
  'Moholt',
  'Solvang',
  'Nilsrud',
];
const ROLES = ['ordfører', 'rådmann', 'direktør', 'leder', 'professor', 'statssekretær'];
const PLACES = ['Bergen', 'Tromsø', 'Stavanger', 'Trondheim', 'Bodø', 'Hamar', 'Molde'];
const TOPICS = ['budsjettet', 'skolen', 'sykehuset', 'den nye veien', 'havna', 'brannstasjonen'];
const DAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag'];

function paragraph(pick: <T>(list: readonly T[]) => T): string {
  const first = pick(FIRST);
  const last = pick(LAST);
  const topic = pick(TOPICS);
  const place = pick(PLACES);
  const day = pick(DAYS);
  return [
    `– Vi må prioritere ${topic} i ${place}, sier ${pick(ROLES)} ${first} ${last} til avisen.`,
    `${last} la ${day} fram en plan som skal behandles av kommunestyret.`,
    `Ifølge ${pick(ROLES)} ${pick(FIRST)} ${pick(LAST)} vil arbeidet med ${topic} starte i løpet av høsten.`,
  ].join(' ');
}

/** `count` article files (name -> content) of `paragraphs` paragraphs each. */
export function generatedArticles(count: number, paragraphs = 6, seed = 7): Record<string, string> {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const body = Array.from({ length: paragraphs }, () => paragraph(pick)).join('\n\n');
    files[`generert/sak-${String(i).padStart(4, '0')}.md`] =
      `---\ntitle: Sak ${i} om ${pick(TOPICS)} i ${pick(PLACES)}\ndate: 2022-${month}-${day}\nlanguage: nb\n---\n${body}\n`;
  }
  return files;
}
