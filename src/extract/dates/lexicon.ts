/**
 * Word tables for time expressions in Bokmål, Nynorsk and English. Keys are lower case;
 * the rules match case-insensitively and look words up here.
 */

/** Month names and the abbreviations news text and users write, to month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januar', 1],
  ['februar', 2],
  ['mars', 3],
  ['april', 4],
  ['mai', 5],
  ['juni', 6],
  ['juli', 7],
  ['august', 8],
  ['september', 9],
  ['oktober', 10],
  ['november', 11],
  ['desember', 12],
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['october', 10],
  ['december', 12],
]);

/** Abbreviations: only accepted next to a day number or year, where they cannot be words. */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['okt', 10],
  ['oct', 10],
  ['nov', 11],
  ['des', 12],
  ['dec', 12],
]);

/** English month names double as words (`may`, `march`): in English they must be capitalised. */
export const ENGLISH_ONLY_MONTHS: ReadonlySet<string> = new Set([
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'october',
  'december',
]);

/** Weekday names to ISO weekday (Monday = 1). Nynorsk forms included. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['mandag', 1],
  ['måndag', 1],
  ['tirsdag', 2],
  ['tysdag', 2],
  ['onsdag', 3],
  ['torsdag', 4],
  ['fredag', 5],
  ['lørdag', 6],
  ['laurdag', 6],
  ['søndag', 7],
  ['sundag', 7],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
  ['sunday', 7],
]);

export const ENGLISH_WEEKDAYS: ReadonlySet<string> = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** Small cardinal numbers as news text writes them in time expressions. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['en', 1],
  ['ei', 1],
  ['ein', 1],
  ['et', 1],
  ['ett', 1],
  ['eitt', 1],
  ['én', 1],
  ['to', 2],
  ['tre', 3],
  ['fire', 4],
  ['fem', 5],
  ['seks', 6],
  ['sju', 7],
  ['syv', 7],
  ['åtte', 8],
  ['ni', 9],
  ['ti', 10],
  ['elleve', 11],
  ['tolv', 12],
  ['femten', 15],
  ['tjue', 20],
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['fifteen', 15],
  ['twenty', 20],
]);

export type Unit = 'day' | 'week' | 'month' | 'year';

/** Unit nouns (singular and plural, definite forms too) to the unit they count. */
export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['dag', 'day'],
  ['dager', 'day'],
  ['dagar', 'day'],
  ['døgn', 'day'],
  ['uke', 'week'],
  ['uker', 'week'],
  ['veke', 'week'],
  ['veker', 'week'],
  ['måned', 'month'],
  ['måneder', 'month'],
  ['månad', 'month'],
  ['månader', 'month'],
  ['år', 'year'],
  ['day', 'day'],
  ['days', 'day'],
  ['week', 'week'],
  ['weeks', 'week'],
  ['month', 'month'],
  ['months', 'month'],
  ['year', 'year'],
  ['years', 'year'],
]);

/** Fixed-date holidays: name -> [month, day]. */
export const HOLIDAYS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['julaften', [12, 24]],
  ['julafta', [12, 24]],
  ['julaftan', [12, 24]],
  ['nyttårsaftan', [12, 31]],
  ['julekveld', [12, 24]],
  ['julekvelden', [12, 24]],
  ['første juledag', [12, 25]],
  ['1. juledag', [12, 25]],
  ['juledag', [12, 25]],
  ['andre juledag', [12, 26]],
  ['2. juledag', [12, 26]],
  ['nyttårsaften', [12, 31]],
  ['nyttårsafta', [12, 31]],
  ['nyttårskvelden', [12, 31]],
  ['nyårsaftan', [12, 31]],
  ['nyttårsdag', [1, 1]],
  ['nyttårsdagen', [1, 1]],
  ['grunnlovsdagen', [5, 17]],
  ['sankthansaften', [6, 23]],
  ['christmas eve', [12, 24]],
  ['christmas day', [12, 25]],
  ["new year's eve", [12, 31]],
  ["new year's day", [1, 1]],
]);

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** Season nouns, definite (`høsten 2015`) and bare (`i høst`), Bokmål, Nynorsk and English. */
export const SEASONS: ReadonlyMap<string, Season> = new Map([
  ['våren', 'spring'],
  ['vår', 'spring'],
  ['sommeren', 'summer'],
  ['sommer', 'summer'],
  ['sommaren', 'summer'],
  ['sommar', 'summer'],
  ['høsten', 'autumn'],
  ['høst', 'autumn'],
  ['hausten', 'autumn'],
  ['haust', 'autumn'],
  ['vinteren', 'winter'],
  ['vinter', 'winter'],
  ['spring', 'spring'],
  ['summer', 'summer'],
  ['autumn', 'autumn'],
  ['fall', 'autumn'],
  ['winter', 'winter'],
]);

/**
 * Words after a number that make it a quantity, not a year: `fra 2000 til 2015 kroner`,
 * `i 2015 tilfeller`.
 */
export const QUANTITY_NOUNS: ReadonlySet<string> = new Set([
  'kroner',
  'kr',
  'nok',
  'dollar',
  'euro',
  'personer',
  'mennesker',
  'stykker',
  'tilfeller',
  'meter',
  'km',
  'kilometer',
  'tonn',
  'prosent',
  'soldater',
  'drept',
  'døde',
  'saker',
  'stemmer',
  'people',
  'cases',
  'dollars',
  'votes',
  'troops',
  'percent',
  'metres',
  'meters',
  'miles',
]);
