/**
 * The second reading of names, shared between the two analysis workers. Once the lexicon
 * has learnt from every text, the passages whose learned reading does not hold (about
 * half) are read again; the names worker does that while the index worker, its first
 * pass done, often waits for the names. So the names worker offers the count, reads them
 * in order, claiming each (`LearningSplit`, its own cell), and the index worker, when it
 * comes to it, takes the last share of those left: it is sent their texts and the
 * finished lexicon, reads them with it, and sends back what it found. A reading is a
 * function of the text, its language and the lexicon, so where it is done changes
 * nothing in the result.
 */
import type { MessagePort } from 'node:worker_threads';
import { ArchiveLexicon, extractEntityMentions, type LexiconCounts } from '../extract/entities';
import type { EntityMention } from '../extract/types';
import type { PendingRead } from './build';
import type { LearningSplit } from './learning-split';

/** Between the workers, on their port, in this order. */
export type RereadMessage =
  /** Names to index: how many passages wait for a second reading (sent even when none). */
  | { rereads: number }
  /**
   * Names to index, once it took the passages from some point on: their texts, the
   * lexicon's person words and thing names, and its counts unless the index worker has
   * them already (it kept those it learnt apart with).
   */
  | {
      rereadTexts: PendingRead[];
      persons: string[];
      things: string[];
      lexiconCounts?: LexiconCounts;
    }
  /** Index to names: the names found in those passages, in order. */
  | { reread: EntityMention[][] };

/** The first message of `peer` that `pick` accepts (listening from now on). */
function fromPeer<T>(
  peer: MessagePort,
  pick: (message: RereadMessage) => T | undefined,
): Promise<T> {
  return new Promise((resolve) => {
    const listen = (message: RereadMessage) => {
      const found = pick(message);
      if (found === undefined) return;
      peer.off('message', listen);
      resolve(found);
    };
    peer.on('message', listen);
  });
}

/**
 * The names worker's side: reads `pending` with `lexicon` in order, leaving the last share
 * to the index worker when it comes for it. `countsShared`: the index worker holds the
 * lexicon's counts already (it learnt a share apart with them), so they are not sent again.
 */
export async function rereadShared(
  peer: MessagePort,
  split: LearningSplit,
  lexicon: ArchiveLexicon,
  pending: readonly PendingRead[],
  countsShared: boolean,
): Promise<EntityMention[][]> {
  const apart = fromPeer(peer, (m) => ('reread' in m ? m.reread : undefined));
  const offer: RereadMessage = { rereads: pending.length };
  peer.postMessage(offer);
  const read: EntityMention[][] = [];
  const readOne = ({ text, language }: PendingRead) =>
    read.push(extractEntityMentions(text, language, lexicon));
  while (read.length < pending.length && split.claim(read.length)) {
    readOne(pending[read.length] as PendingRead);
  }
  const from = split.close(pending.length);
  if (from < pending.length) {
    const taken: RereadMessage = {
      rereadTexts: pending.slice(from),
      persons: [...lexicon.personWords],
      things: [...lexicon.thingNames],
      ...(countsShared ? {} : { lexiconCounts: lexicon.counts() }),
    };
    peer.postMessage(taken);
  }
  // Those it took after this worker last looked are read here all the same.
  while (read.length < from) readOne(pending[read.length] as PendingRead);
  if (from < pending.length) read.push(...(await apart));
  return read;
}

/**
 * The index worker's side, listening from its start: `offered` says how many passages the
 * names worker will read again, once it has learnt; `help` then takes `share` of those it
 * has not reached (none when it read them all), reads them and sends back the names.
 */
export class RereadHelper {
  readonly #offer: Promise<number>;
  readonly #texts: Promise<Extract<RereadMessage, { rereadTexts: PendingRead[] }>>;
  #offered: number | undefined;
  #helped = false;

  constructor(
    private readonly peer: MessagePort,
    private readonly split: LearningSplit,
    /** The counts the index worker learnt apart with, if it did. */
    private readonly counts: () => Promise<LexiconCounts> | undefined,
  ) {
    this.#offer = fromPeer(peer, (m) => ('rereads' in m ? m.rereads : undefined));
    void this.#offer.then((count) => {
      this.#offered = count;
    });
    this.#texts = fromPeer(peer, (m) => ('rereadTexts' in m ? m : undefined));
  }

  /** Whether the offer has come and not been taken up yet. */
  get offered(): boolean {
    return this.#offered !== undefined && !this.#helped;
  }

  /** Waits for the offer (unless taken up already) and takes its share. */
  async help(share: number): Promise<void> {
    if (this.#helped) return;
    this.#helped = true;
    const total = await this.#offer;
    const from = this.split.take(total, share);
    if (from >= total) return;
    const { rereadTexts, persons, things, lexiconCounts } = await this.#texts;
    const kept = lexiconCounts ?? (await this.counts());
    if (!kept) throw new Error('second reading taken without the lexicon’s counts');
    const lexicon = ArchiveLexicon.withCounts({ ...kept, persons, things });
    const found = rereadTexts.map(({ text, language }) =>
      extractEntityMentions(text, language, lexicon),
    );
    const sent: RereadMessage = { reread: found };
    this.peer.postMessage(sent);
  }
}
