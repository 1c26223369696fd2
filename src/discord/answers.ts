import type { Kilde } from '../answers/types';
import type { Messages } from '../i18n';
import { renderSearch } from './render/search';
import { renderWhatHappened } from './render/what-happened';
import { renderWho } from './render/who';
import type { Ask, Rendered } from './view';

/** Runs a question through the core and renders its answer in the asker's language. */
export async function runAsk(ask: Ask, kilde: Kilde, t: Messages): Promise<Rendered> {
  switch (ask.command) {
    case 'who':
      return renderWho(await kilde.who(ask.query), t);
    case 'whatHappened':
      return renderWhatHappened(await kilde.whatHappened(ask.query, ask.topic), t);
    case 'search':
      return renderSearch(await kilde.search(ask.query), t);
  }
}
