import type { Locale } from '../config';

/** How a console command ended: scripts read it as the exit code of `npm run ask`. */
export type Outcome = 'found' | 'nothing' | 'bad-input' | 'quit';

export interface ConsoleReply {
  text: string;
  outcome: Outcome;
  /** `/språk en`: the language the console speaks from now on. */
  locale?: Locale;
}
