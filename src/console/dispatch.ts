import { admit, type InputKind } from '../answers/query-text';
import type { Kilde } from '../answers/types';
import type { Locale } from '../config';
import { messages } from '../i18n';
import { localeNamed } from './args';
import {
  renderReload,
  renderSearch,
  renderSources,
  renderStatus,
  renderWhatHappened,
  renderWho,
  type TextStyle,
} from './render';

/** How a console command ended: scripts read it as the exit code of `npm run ask`. */
export type Outcome = 'found' | 'nothing' | 'bad-input' | 'quit';

export interface ConsoleReply {
  text: string;
  outcome: Outcome;
  /** `/språk en`: the language the console speaks from now on. */
  locale?: Locale;
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
      return { text: renderWhatHappened(answer, t, style), outcome: outcomeOf(answer.kind) };
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
    case 'knowledge': {
      const sub = args.toLowerCase();
      if (sub === 'last-inn' || sub === 'reload') {
        return { text: renderReload(await kilde.reload(), t, style), outcome: 'found' };
      }
      if (sub === 'status' || sub === '')
        return { text: renderStatus(await kilde.status(), t, style), outcome: 'found' };
      return { text: t.errors.unknownCommand(`${name} ${args}`), outcome: 'bad-input' };
    }
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
