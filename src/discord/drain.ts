import type { Interaction } from 'discord.js';
import type { Locale } from '../i18n';
import { messages, resolveLocale } from '../i18n';
import type { Logger } from '../logger';
import { errorForLog } from './log-safe';
import { sendError } from './router';

/** What a shutdown did, for its log line (and the closing note of the issue). */
export interface DrainReport {
  /** Interactions that finished within the deadline. */
  finished: number;
  /** Interactions still running at the deadline: each was told it was interrupted. */
  interrupted: number;
  /** Interactions that arrived after the shutdown began: each was told to try again. */
  refused: number;
  ms: number;
}

/** After the deadline, the notices to those still waiting get this long at most. */
const NOTICE_BUDGET_MS = 2_000;

/**
 * The gate in front of the router, for a graceful shutdown. While open it runs every
 * interaction and remembers those in flight; once closed, new ones are answered at once
 * with a short "restarting, try again" (autocomplete with no choices), and `drain` waits
 * for those in flight up to a deadline. Whatever is still running then (typically a
 * moderator's reload) gets its reply edited to "interrupted, nothing was lost", so nobody
 * is left on "thinking…".
 */
export class InteractionDrain {
  readonly #inFlight = new Map<Interaction, Promise<void>>();
  /** "Restarting" replies on their way: the client must not be destroyed under them. */
  readonly #refusing = new Set<Promise<void>>();
  #closed = false;
  #refused = 0;
  #finished = 0;

  constructor(
    private readonly defaultLocale: Locale,
    private readonly logger: Logger,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Runs `handle` for `interaction`, or refuses it when the gate is closed. */
  run(
    interaction: Interaction,
    handle: (interaction: Interaction) => Promise<void>,
  ): Promise<void> {
    if (this.#closed) {
      const refusing = this.#refuse(interaction).finally(() => this.#refusing.delete(refusing));
      this.#refusing.add(refusing);
      return refusing;
    }
    const running = handle(interaction)
      .catch((error: unknown) =>
        this.logger.error({ err: errorForLog(error) }, 'interaction failed'),
      )
      .finally(() => {
        this.#inFlight.delete(interaction);
        this.#finished++;
      });
    this.#inFlight.set(interaction, running);
    return running;
  }

  /**
   * Closes the gate, waits up to `deadlineMs` for the interactions in flight, then tells
   * those still running that they were interrupted. Never rejects.
   */
  async drain(deadlineMs: number): Promise<DrainReport> {
    const started = performance.now();
    this.#closed = true;
    const finishedBefore = this.#finished;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deadlineMs);
    });
    await Promise.race([Promise.allSettled([...this.#inFlight.values()]), deadline]);
    clearTimeout(timer);
    const late = [...this.#inFlight.keys()];
    await this.#notify(late);
    return {
      finished: this.#finished - finishedBefore,
      interrupted: late.length,
      refused: this.#refused,
      ms: Math.round(performance.now() - started),
    };
  }

  async #refuse(interaction: Interaction): Promise<void> {
    this.#refused++;
    try {
      if (interaction.isAutocomplete()) await interaction.respond([]);
      else if (interaction.isRepliable())
        await sendError(interaction, this.#t(interaction).restarting);
    } catch (error) {
      this.logger.warn({ err: errorForLog(error) }, 'could not answer during shutdown');
    }
  }

  /** Tells those cut short, and lets the "restarting" replies out, within a small budget. */
  async #notify(late: Interaction[]): Promise<void> {
    const notices = late.map(async (interaction) => {
      if (interaction.isAutocomplete() || !interaction.isRepliable()) return;
      await sendError(interaction, this.#t(interaction).interrupted);
    });
    notices.push(...this.#refusing);
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, NOTICE_BUDGET_MS);
    });
    const settled = Promise.allSettled(notices).then((results) => {
      for (const result of results)
        if (result.status === 'rejected')
          this.logger.warn(
            { err: errorForLog(result.reason) },
            'could not tell of the interruption',
          );
    });
    await Promise.race([settled, budget]);
    clearTimeout(timer);
  }

  #t(interaction: Interaction) {
    return messages(resolveLocale(interaction.locale, this.defaultLocale)).ops;
  }
}
