/**
 * What the whole archive says about words, gathered before names are read: which words
 * are also written in lower case (so a capitalised opening is not a name), which forms
 * stand as names inside sentences (so "Støres" is Støre but "Lars" stays Lars), and which
 * words belong to people named with a clear person signal somewhere.
 */

import type { Language } from '../../knowledge/types';
import type { EntityMention } from '../types';
import { type ReadMention, readMentions } from './mentions';
import type { Lexicon } from './names';
import { tokenize } from './tokens';

export type { Lexicon } from './names';

const WORDS_PER_STEP = 5000;

const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;

/**
 * Whether a word opens with a lower-case letter, a capital, or neither (a digit, a title-case
 * letter, a mark): `/^\p{Ll}/u` and `/^\p{Lu}/u`, asked of every word of every passage while
 * counting, answered for ASCII without either.
 */
function letterCase(word: string): 'lower' | 'upper' | 'neither' {
  const unit = word.charCodeAt(0);
  if (unit >= 97 && unit <= 122) return 'lower';
  if (unit >= 65 && unit <= 90) return 'upper';
  if (unit < 128) return 'neither';
  if (LOWER_START.test(word)) return 'lower';
  return UPPER_START.test(word) ? 'upper' : 'neither';
}

/**
 * The lexicon of an archive, kept up to date as articles come and go: the word counts are
 * sums over texts, so adding a text adds its counts and removing one subtracts them, exactly
 * as a lexicon built afresh over the new set would count. Person words are learned from
 * texts as they are added and not unlearned when a text goes (a word once seen with a clear
 * person signal stays a person word until the next full build): that is the one way an
 * updated lexicon can differ from a fresh one.
 */
export class ArchiveLexicon implements Lexicon {
  readonly personWords = new Set<string>();
  readonly thingNames = new Set<string>();

  constructor(
    readonly lowerCounts = new Map<string, number>(),
    readonly capitalCounts = new Map<string, number>(),
    readonly nameCounts = new Map<string, number>(),
  ) {}

  isCommonWord(lower: string): boolean {
    const asLower = this.lowerCounts.get(lower) ?? 0;
    if (asLower === 0) return false;
    // A word written capitalised mid-sentence more often than in lower case is a name ("Høyre").
    const capitalised = this.capitalCounts.get(lower) ?? 0;
    return asLower >= capitalised;
  }

  nameCount(name: string): number {
    return this.nameCounts.get(name) ?? 0;
  }

  isPersonWord(word: string): boolean {
    return this.personWords.has(word);
  }

  isThingName(name: string): boolean {
    return this.thingNames.has(name);
  }

  /** Counts the words of these texts in (sign 1) or out (sign -1). */
  count(texts: Iterable<string>, sign: 1 | -1 = 1): void {
    const bump = (map: Map<string, number>, key: string) => {
      const next = (map.get(key) ?? 0) + sign;
      if (next > 0) map.set(key, next);
      else map.delete(key);
    };
    for (const text of texts) {
      const tokens = tokenize(text);
      let run: string[] = [];
      const flush = () => {
        if (run.length > 0) bump(this.nameCounts, run.join(' '));
        run = [];
      };
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index] as (typeof tokens)[number];
        if (!token.isWord) {
          flush();
          continue;
        }
        const opening = letterCase(token.text);
        if (opening === 'lower') {
          bump(this.lowerCounts, token.lower);
          flush();
        } else if (opening === 'upper' && !token.sentenceStart) {
          bump(this.capitalCounts, token.lower);
          if (!token.joinedToPrevious || index === 0) flush();
          run.push(token.text);
        } else flush();
      }
      flush();
    }
  }

  /**
   * Learns the words of names these texts give with a clear person signal (after counting).
   * With `readings`, each text's reading is kept there, to be taken over by the extraction
   * that follows instead of reading the text again where the outcome cannot differ.
   */
  learnPersons(texts: Iterable<string>, readings?: LearnedReadings): void {
    const learning = this.learning(readings);
    learning.read(texts);
    learning.finish();
  }

  /**
   * Learning in steps (what `learnPersons` does at once), so that another thread can read
   * a later run of the texts meanwhile (`readApart`) and its readings be joined after this
   * one's (`Learning.join`), with the same result as one learner reading them all in order.
   */
  learning(readings?: LearnedReadings): Learning {
    return new Learning(this, readings);
  }

  /**
   * Reads `texts` as learning would if they came first, growing this lexicon's thing names
   * as it goes, and returns each text's reading with the questions it asked: what
   * `Learning.join` needs to continue a learning that read the texts before these. Person
   * words are not learned (that waits for every text). Meant for a copy of the counts
   * (`withCounts`) on another thread.
   */
  readApart(texts: Iterable<string>): LearnedReading[] {
    const readings = new LearnedReadings();
    this.learning(readings).read(texts);
    return readings.list();
  }

  /** The counts of this lexicon, to send to another thread (`withCounts` takes them). */
  counts(): LexiconCounts {
    return {
      lower: this.lowerCounts,
      capital: this.capitalCounts,
      names: this.nameCounts,
      persons: [...this.personWords],
      things: [...this.thingNames],
    };
  }

  /** A lexicon over counts another thread made (`counts`): the maps are taken, not copied. */
  static withCounts(counts: LexiconCounts): ArchiveLexicon {
    const lexicon = new ArchiveLexicon(counts.lower, counts.capital, counts.names);
    for (const word of counts.persons) lexicon.personWords.add(word);
    for (const name of counts.things) lexicon.thingNames.add(name);
    return lexicon;
  }

  toJSON(): LexiconData {
    return {
      lower: [...this.lowerCounts],
      capital: [...this.capitalCounts],
      names: [...this.nameCounts],
      persons: [...this.personWords],
      things: [...this.thingNames],
    };
  }

  /** The map or set that a part of `LexiconData` lists the entries of. */
  partOf(part: keyof LexiconData): Map<string, number> | Set<string> {
    if (part === 'lower') return this.lowerCounts;
    if (part === 'capital') return this.capitalCounts;
    if (part === 'names') return this.nameCounts;
    return part === 'persons' ? this.personWords : this.thingNames;
  }

  static fromJSON(data: LexiconData): ArchiveLexicon {
    const steps = ArchiveLexicon.restore(data);
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
    }
  }

  /** `fromJSON` in steps that yield every few thousand words (a large archive has millions). */
  static *restore(data: LexiconData): Generator<void, ArchiveLexicon> {
    const lexicon = new ArchiveLexicon();
    const counts: [Map<string, number>, [string, number][]][] = [
      [lexicon.lowerCounts, data.lower],
      [lexicon.capitalCounts, data.capital],
      [lexicon.nameCounts, data.names],
    ];
    let n = 0;
    for (const [map, entries] of counts) {
      for (const [k, v] of entries) {
        map.set(k, v);
        if (++n % WORDS_PER_STEP === 0) yield;
      }
    }
    for (const word of data.persons) {
      lexicon.personWords.add(word);
      if (++n % WORDS_PER_STEP === 0) yield;
    }
    for (const name of data.things ?? []) {
      lexicon.thingNames.add(name);
      if (++n % WORDS_PER_STEP === 0) yield;
    }
    return lexicon;
  }
}

/** A lexicon's counts and sets as another thread is sent them (structured clone keeps maps). */
export interface LexiconCounts {
  lower: Map<string, number>;
  capital: Map<string, number>;
  names: Map<string, number>;
  persons: string[];
  things: string[];
}

/**
 * One learning of person words over texts in order (`ArchiveLexicon.learning`). Learning
 * depends on the order in one way: thing names grow as texts are read, and a later text's
 * reading asks whether a name is one. Person words are only added at the end (`finish`),
 * so every reading is given the same answers about them. That is why a run of later texts
 * can be read apart from the earlier ones (`readApart`) and joined: each of its readings
 * holds if the thing names it asked about are, with the earlier texts' names added, what
 * its answers were; the few that do not hold are read again, in order.
 */
export class Learning {
  readonly #people: string[] = [];
  readonly #reader: Lexicon;

  constructor(
    private readonly lexicon: ArchiveLexicon,
    private readonly readings?: LearnedReadings,
  ) {
    this.#reader = readings ? readings.watching(lexicon) : lexicon;
  }

  /** Reads the next texts, in order. */
  read(texts: Iterable<string>): void {
    for (const text of texts) {
      const found = readMentions(text, LEARNING_LANGUAGE, this.#reader);
      this.readings?.keep(found);
      this.#learn(found);
    }
  }

  /**
   * Takes over the readings `readApart` made of the next texts (`texts`, in the same
   * order) where they hold after the texts read so far, and reads the others again:
   * the same as `read(texts)`, and with `readings` kept the same way.
   */
  join(texts: readonly string[], apart: readonly LearnedReading[]): void {
    const { lexicon } = this;
    texts.forEach((text, i) => {
      const reading = apart[i];
      if (reading && holds(reading, lexicon)) {
        this.readings?.keepReading(reading);
        this.#learn(reading.mentions);
      } else this.read([text]);
    });
  }

  #learn(found: readonly ReadMention[]): void {
    for (const mention of found) {
      if (mention.thing) this.lexicon.thingNames.add(mention.name);
      else if (mention.kind === 'person' && mention.strong) this.#people.push(mention.name);
    }
  }

  /** Adds the person words of the names read with a clear person signal. */
  finish(): void {
    const { lexicon } = this;
    // A name the archive also writes as a field or a work ("Johan Castberg-feltet") teaches
    // nothing about people, even where a first name made it look like one.
    for (const name of this.#people) {
      if (lexicon.thingNames.has(name)) continue;
      lexicon.personWords.add(name);
      // "prins Albert av Monaco": what follows "av"/"of" is a territory, not part of the person.
      const [own = ''] = name.split(/ (?:av|of) /u);
      for (const word of own.split(' ')) {
        if (/^\p{Lu}/u.test(word)) lexicon.personWords.add(word);
      }
    }
  }
}

/** Whether `lexicon` gives every answer `reading` was given. */
function holds(reading: LearnedReading, lexicon: ArchiveLexicon): boolean {
  for (const word of reading.persons) if (lexicon.isPersonWord(word)) return false;
  for (const word of reading.personsYes ?? NONE) if (!lexicon.isPersonWord(word)) return false;
  for (const name of reading.things) if (lexicon.isThingName(name)) return false;
  for (const name of reading.thingsYes ?? NONE) if (!lexicon.isThingName(name)) return false;
  return true;
}

const NONE: readonly string[] = [];
/** The reading of a text that names no one and asked nothing (never changed: taken by copy). */
const NOTHING_READ: LearnedReading = Object.freeze({ mentions: [], persons: NONE, things: NONE });

/** A lexicon as plain data, for the snapshot. */
export interface LexiconData {
  lower: [string, number][];
  capital: [string, number][];
  names: [string, number][];
  persons: string[];
  /** Names the archive writes as a work, a field or an event (absent in older snapshots). */
  things?: string[];
}

/**
 * Two passes over the archive: word counts first, then names read with those counts.
 * With `readings`, the second pass's reading of each text is kept (`LearnedReadings`).
 */
export function buildLexicon(texts: Iterable<string>, readings?: LearnedReadings): ArchiveLexicon {
  const lexicon = new ArchiveLexicon();
  const all = [...texts];
  lexicon.count(all);
  lexicon.learnPersons(all, readings);
  return lexicon;
}

/** Learning reads every text as Bokmål, whatever its language (the archive is mostly Bokmål). */
const LEARNING_LANGUAGE: Language = 'nb';

/**
 * One text's names as learning read them, and the answers that reading was given: each
 * question once, as lists of plain strings by answer (almost every answer is no: person
 * words are learnt only at the end). Kept for every passage from learning to extraction,
 * a pair per question was some 120 MB of a 400k build's names worker.
 */
export interface LearnedReading {
  mentions: ReadMention[];
  /** Person words asked and answered no. */
  persons: readonly string[];
  /** Person words asked and answered yes (absent: none). */
  personsYes?: readonly string[];
  /** Thing names asked and answered no (the set grows while learning reads). */
  things: readonly string[];
  /** Thing names asked and answered yes (absent: none). */
  thingsYes?: readonly string[];
}

/** The questions of one reading, each once, by answer. */
class Questions {
  no: string[] | undefined;
  yes: string[] | undefined;

  note(question: string, answer: boolean): void {
    if (answer) {
      this.yes ??= [];
      if (!this.yes.includes(question)) this.yes.push(question);
    } else {
      this.no ??= [];
      if (!this.no.includes(question)) this.no.push(question);
    }
  }

  /** The questions noted since the last take, and none after. */
  take(): { no: readonly string[]; yes: readonly string[] | undefined } {
    const taken = { no: this.no ?? NONE, yes: this.yes };
    this.no = undefined;
    this.yes = undefined;
    return taken;
  }
}

/**
 * The names learning read in each text, in the order of the texts, and what each reading
 * asked of the two parts of the lexicon that learning itself grows (person words, thing
 * names). Reading names is a function of the text, its language and the lexicon's answers,
 * so a Bokmål text whose reading was given, for every question, the answer the finished
 * lexicon gives reads the same again: the full build takes its names over instead of
 * reading every passage twice (most are: the answers seldom change). The counts a reading
 * asks for are complete before learning starts, so only those two parts are watched.
 */
export class LearnedReadings {
  readonly #readings: (LearnedReading | undefined)[] = [];
  readonly #persons = new Questions();
  readonly #things = new Questions();

  /** `lexicon` as learning reads with it, noting each person-word and thing-name question. */
  watching(lexicon: ArchiveLexicon): Lexicon {
    return {
      isCommonWord: (lower) => lexicon.isCommonWord(lower),
      nameCount: (name) => lexicon.nameCount(name),
      isPersonWord: (word) => {
        const answer = lexicon.isPersonWord(word);
        this.#persons.note(word, answer);
        return answer;
      },
      isThingName: (name) => {
        const answer = lexicon.isThingName(name);
        this.#things.note(name, answer);
        return answer;
      },
    };
  }

  /** Keeps the next text's reading with the questions asked since the last one. */
  keep(mentions: ReadMention[]): void {
    const persons = this.#persons.take();
    const things = this.#things.take();
    // Two texts in five name no one and ask nothing: one reading stands for them all.
    const nothing =
      mentions.length === 0 && persons.no.length === 0 && !persons.yes && things.no.length === 0;
    if (nothing && !things.yes) {
      this.#readings.push(NOTHING_READ);
      return;
    }
    const reading: LearnedReading = { mentions, persons: persons.no, things: things.no };
    if (persons.yes) reading.personsYes = persons.yes;
    if (things.yes) reading.thingsYes = things.yes;
    this.#readings.push(reading);
  }

  /** Keeps a reading made elsewhere (`readApart`) as the next text's. */
  keepReading(reading: LearnedReading): void {
    this.#readings.push(reading);
  }

  /** The readings kept, in order (given up here). */
  list(): LearnedReading[] {
    return this.#readings.splice(0) as LearnedReading[];
  }

  /**
   * Text `index`'s names as `extractEntityMentions(text, language, lexicon)` gives them, when
   * learning's reading of it holds for `language` and the finished `lexicon`; otherwise
   * undefined (read it again). Each reading is given up once asked for.
   */
  take(index: number, language: Language, lexicon: ArchiveLexicon): EntityMention[] | undefined {
    const reading = this.#readings[index];
    this.#readings[index] = undefined;
    if (!reading || language !== LEARNING_LANGUAGE || !holds(reading, lexicon)) return undefined;
    return reading.mentions.map(({ strong: _strong, thing: _thing, ...mention }) => mention);
  }
}
