import { randomBytes } from 'node:crypto';
import type { Locale } from '../i18n';
import type { View } from './view';

/** Buttons stop working after this long; then they are removed from the message. */
export const SESSION_TTL_MS = 10 * 60_000;
/** At most this many live sessions (memory stays bounded); past it the oldest expire early. */
export const MAX_SESSIONS = 1000;

/**
 * The state behind a message's buttons: the rendered pages, the page shown, who asked.
 * Kept in memory only; a restart expires every button, which the user is told on click.
 */
export interface Session {
  id: string;
  ownerId: string;
  locale: Locale;
  view: View;
  page: number;
  /** Removes the buttons from the message (by editing it). */
  expire: () => Promise<void>;
  timer: NodeJS.Timeout;
}

export type ButtonAction = { sessionId: string; action: 'p' | 's'; index: number };

/** `k:<session>:<p|s>:<n>`: p = show page n, s = run suggestion n. Well under 100 chars. */
export function customId(sessionId: string, action: 'p' | 's', index: number): string {
  return `k:${sessionId}:${action}:${index}`;
}

export function parseCustomId(id: string): ButtonAction | undefined {
  const match = /^k:([a-z0-9]{1,16}):([ps]):(\d{1,3})$/u.exec(id);
  if (!match) return undefined;
  const [, sessionId, action, index] = match;
  if (sessionId === undefined || (action !== 'p' && action !== 's') || index === undefined)
    return undefined;
  return { sessionId, action, index: Number(index) };
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number = SESSION_TTL_MS,
    private readonly onExpireError: (error: unknown) => void = () => {},
    private readonly maxSessions: number = MAX_SESSIONS,
  ) {}

  open(ownerId: string, locale: Locale, view: View, expire: () => Promise<void>): Session {
    const id = randomBytes(6).toString('hex');
    const session: Session = {
      id,
      ownerId,
      locale,
      view,
      page: 0,
      expire,
      timer: this.startTimer(id),
    };
    this.sessions.set(id, session);
    // The map keeps opening order: the first entries are the oldest.
    for (const oldest of this.sessions.keys()) {
      if (this.sessions.size <= this.maxSessions) break;
      void this.expire(oldest);
    }
    return session;
  }

  get(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  /** A new answer in the same message (a suggestion was run): first page, fresh expiry. */
  replace(session: Session, view: View): void {
    clearTimeout(session.timer);
    session.view = view;
    session.page = 0;
    session.timer = this.startTimer(session.id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Forgets every session without editing messages (shutdown). */
  close(): void {
    for (const session of this.sessions.values()) clearTimeout(session.timer);
    this.sessions.clear();
  }

  /** Expires a session now: its buttons are removed and later clicks answer "expired". */
  async expire(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    clearTimeout(session.timer);
    this.sessions.delete(id);
    try {
      await session.expire();
    } catch (error) {
      this.onExpireError(error);
    }
  }

  private startTimer(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => void this.expire(id), this.ttlMs);
    // Pending expiries must not keep the process alive on shutdown.
    timer.unref();
    return timer;
  }
}
