import type { Language } from '../knowledge/types';
import type { LexiconSide } from '../language/lexicon';

/** What this reads of a MiniSearch instance (see top-k.ts for the check that it is there). */
interface ShortIds {
  _documentIds: Map<number, unknown>;
  _nextId: number;
}

/** Passages `any` looks up when asked (about 2 ms). */
const LOOKUPS_PER_QUESTION = 5000;

const NONE = 0;
const ENGLISH = 1;
const NORWEGIAN = 2;

/**
 * The lexicon side (English or Norwegian) of every indexed passage, dense by MiniSearch's
 * short id. Query analysis asks for each translation and fuzzy neighbour whether passages
 * of one side hold it; walking a term's postings through MiniSearch's id map and the
 * passage map cost two Map lookups and a string per posting, up to 2,000 postings a term,
 * and was a quarter of a frequent-word query's time. It also counts the passages of each
 * side, so an archive without English passages answers "English?" at once.
 */
export class PassageLanguages {
  private sides = new Uint8Array(0);
  private upTo = 0;
  /**
   * Passages indexed per side, never decremented: a removed passage only leaves "any"
   * true for longer, and the postings walk then answers.
   */
  private readonly counts = [0, 0, 0];

  constructor(
    private readonly mini: ShortIds,
    private readonly languageOf: (documentId: string) => Language | undefined,
  ) {}

  /** Passages from this short id on are to be looked up again (added in an update). */
  invalidateFrom(shortId: number): void {
    this.upTo = Math.min(this.upTo, shortId);
  }

  /**
   * Whether any passage of the side may be indexed. Looks up at most a few thousand
   * passages not looked up yet (an update's, at once); with more left (a restart's, before
   * the warm-up went through them), true unless one of the side was met: a query never
   * waits for the whole lookup (some 300 ms at 400k passages), and a term's postings
   * answer through `isOn` instead.
   */
  any(side: LexiconSide): boolean {
    const synced = this.syncSome(LOOKUPS_PER_QUESTION);
    return (this.counts[side === 'en' ? ENGLISH : NORWEGIAN] ?? 0) > 0 || !synced;
  }

  /** Whether the live passage with this short id is on the side (looked up now if not yet). */
  isOn(shortId: number, side: LexiconSide): boolean {
    const wanted = side === 'en' ? ENGLISH : NORWEGIAN;
    if (shortId < this.upTo && this.upTo <= this.mini._nextId)
      return this.sides[shortId] === wanted && this.mini._documentIds.has(shortId);
    return this.sideOf(shortId) === wanted;
  }

  private sideOf(shortId: number): number {
    const id = this.mini._documentIds.get(shortId);
    const language = typeof id === 'string' ? this.languageOf(id) : undefined;
    return language === undefined ? NONE : language === 'en' ? ENGLISH : NORWEGIAN;
  }

  /** Brings the dense sides up to the index (call before `isOn`). */
  sync(): void {
    this.syncSome(Number.POSITIVE_INFINITY);
  }

  /**
   * Looks up at most `limit` passages not looked up yet; true when the sides are up to
   * the index. The index's warm-up calls it in slices: at 400k passages the whole lookup
   * is some 300 ms of Map reads, which the first English or translated query would
   * otherwise pay at once, stalling every other answer.
   */
  syncSome(limit: number): boolean {
    const next = this.mini._nextId;
    if (next < this.upTo) this.upTo = 0;
    if (next <= this.upTo) return true;
    if (this.sides.length < next) {
      const grown = new Uint8Array(Math.ceil(next * 1.25) + 64);
      grown.set(this.sides.subarray(0, this.upTo));
      this.sides = grown;
    }
    const end = Math.min(next, this.upTo + limit);
    for (let shortId = this.upTo; shortId < end; shortId++) {
      const side = this.sideOf(shortId);
      this.sides[shortId] = side;
      this.counts[side] = (this.counts[side] ?? 0) + 1;
    }
    this.upTo = end;
    return end === next;
  }
}
