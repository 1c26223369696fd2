import os from 'node:os';
import path from 'node:path';
import { admit, type InputKind } from '../answers/query-text';
import type { Kilde } from '../answers/types';
import { periodPicture, timelineCaption, timelinePicture } from '../charts/pictures';
import { type Config, type Locale, parseConfig } from '../config';
import { messages } from '../i18n';
import type { Actor } from '../moderation/types';
import { localeNamed } from './args';
import { knowledgeCommand } from './knowledge';
import { savePicture } from './pictures';
import {
  renderSearch,
  renderSources,
  renderWhatHappened,
  renderWho,
  type TextStyle,
} from './render';
import type { ConsoleReply, Outcome } from './reply';

export type { ConsoleReply, Outcome } from './reply';

/** What the console needs beyond the core: where pictures go, who makes changes. */
export interface ConsoleOptions {
  /** Where `/tidslinje` and a period's `/hva-skjedde` write their pictures. */
  picturesDir: string;
  /** The name changes made here are recorded under in the audit log. */
  actor: Actor;
  /** The size limit of a file `/kunnskap legg-til` reads (KNOWLEDGE_MAX_FILE_KB). */
  maxFileBytes: number;
}

/**
 * The console's settings from the configuration (its defaults when none is given): pictures
 * in `CACHE_DIR/pictures`, files up to KNOWLEDGE_MAX_FILE_KB, changes recorded under the
 * OS user's name.
 */
export function consoleOptions(
  config: Pick<Config, 'CACHE_DIR' | 'KNOWLEDGE_MAX_FILE_KB'> = parseConfig({}),
): ConsoleOptions {
  const user = safeUserName();
  return {
    picturesDir: path.resolve(config.CACHE_DIR, 'pictures'),
    actor: { id: `console:${user}`, name: user },
    maxFileBytes: config.KNOWLEDGE_MAX_FILE_KB * 1024,
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'console';
  } catch {
    return 'console';
  }
}

// The console accepts the Discord names in both languages, and `sok` for keyboards without ø.
const ALIASES: Record<string, string> = {
  hvem: 'who',
  who: 'who',
  kven: 'who',
  'hva-skjedde': 'what-happened',
  'what-happened': 'what-happened',
  'kva-skjedde': 'what-happened',
  søk: 'search',
  sok: 'search',
  search: 'search',
  kilder: 'sources',
  sources: 'sources',
  tidslinje: 'timeline',
  timeline: 'timeline',
  kunnskap: 'knowledge',
  knowledge: 'knowledge',
  hjelp: 'help',
  help: 'help',
  språk: 'language',
  sprak: 'language',
  lang: 'language',
  language: 'language',
  avslutt: 'quit',
  quit: 'quit',
  exit: 'quit',
};

/** Splits `/hva-skjedde 2017-11-21 | Genève` into a date and an optional topic. */
function splitTopic(args: string): [string, string | undefined] {
  const bar = args.indexOf('|');
  if (bar < 0) return [args, undefined];
  return [args.slice(0, bar).trim(), args.slice(bar + 1).trim() || undefined];
}

/** Runs one console line (`/hvem assad`, or bare text as a search) and renders the answer. */
export async function dispatch(
  line: string,
  kilde: Kilde,
  locale: Locale,
  style: TextStyle,
  options: ConsoleOptions = consoleOptions(),
): Promise<ConsoleReply> {
  const t = messages(locale);
  // The same gate as Discord's options: too long is refused before anything reads it.
  const tooLong = (text: string, kind: InputKind): ConsoleReply | undefined => {
    const admitted = admit(text, kind);
    return admitted.ok
      ? undefined
      : { text: t.errors.tooLong(admitted.limit), outcome: 'bad-input' };
  };
  const trimmed = line.trim();
  if (!trimmed.startsWith('/')) {
    const refused = tooLong(trimmed, 'text');
    if (refused) return refused;
    const answer = await kilde.search(trimmed);
    return { text: renderSearch(answer, t, style), outcome: outcomeOf(answer.kind) };
  }
  const space = trimmed.search(/\s/);
  const name = (space < 0 ? trimmed.slice(1) : trimmed.slice(1, space)).toLowerCase();
  const args = space < 0 ? '' : trimmed.slice(space + 1).trim();
  switch (ALIASES[name]) {
    case 'who': {
      const refused = tooLong(args, 'name');
      if (refused) return refused;
      const answer = await kilde.who(args);
      return { text: renderWho(answer, t, style), outcome: outcomeOf(answer.kind) };
    }
    case 'what-happened': {
      const [date, topic] = splitTopic(args);
      const refused = tooLong(date, 'date') ?? tooLong(topic ?? '', 'topic');
      if (refused) return refused;
      const answer = await kilde.whatHappened(date, topic);
      const picture = periodPicture(answer, t);
      const saved = picture ? await savePicture(picture, options.picturesDir) : undefined;
      const text = renderWhatHappened(answer, t, style);
      return {
        text: saved ? `${text}\n${t.console.pictureSaved(saved)}` : text,
        outcome: outcomeOf(answer.kind),
      };
    }
    case 'timeline': {
      const refused = tooLong(args, 'name');
      if (refused) return refused;
      const answer = await kilde.timeline(args);
      // As on Discord: a name that is not one person gets /hvem's answer instead.
      if (answer.kind !== 'found') {
        const who = await kilde.who(args);
        return { text: renderWho(who, t, style), outcome: outcomeOf(who.kind) };
      }
      const { timeline } = answer;
      const saved = await savePicture(timelinePicture(timeline, t), options.picturesDir);
      return {
        text: `${timelineCaption(timeline, t)}\n${t.console.pictureSaved(saved)}`,
        outcome: 'found',
      };
    }
    case 'search': {
      const refused = tooLong(args, 'text');
      if (refused) return refused;
      const answer = await kilde.search(args);
      return { text: renderSearch(answer, t, style), outcome: outcomeOf(answer.kind) };
    }
    case 'sources': {
      const answer = await kilde.sources();
      return {
        text: renderSources(answer, t, style),
        outcome: answer.articles.length > 0 ? 'found' : 'nothing',
      };
    }
    case 'knowledge':
      return knowledgeCommand(args, { kilde, t, style, ...options });
    case 'language': {
      if (args === '') return { text: t.console.language, outcome: 'found' };
      const chosen = localeNamed(args);
      if (!chosen) return { text: t.console.unknownLanguage(args), outcome: 'bad-input' };
      // Said in the language just chosen, so the switch shows at once.
      return { text: messages(chosen).console.language, outcome: 'found', locale: chosen };
    }
    case 'help':
      return { text: t.console.help, outcome: 'found' };
    case 'quit':
      return { text: t.console.bye, outcome: 'quit' };
    default:
      return { text: `${t.errors.unknownCommand(name)}\n${t.console.help}`, outcome: 'bad-input' };
  }
}

function outcomeOf(kind: string): Outcome {
  if (kind === 'found') return 'found';
  if (kind === 'invalid') return 'bad-input';
  return 'nothing';
}
