/**
 * The second reading of names, shared between the two analysis workers. Once the lexicon
 * has learnt from every text, the passages whose learned reading does not hold with it are
 * read again; the names worker does that while the index worker, its first pass done, may
 * be waiting for the names. The list is read from both ends (`TwoEndedSplit`): the names
 * worker from the front, one passage at a time; the index worker, once it comes and has
 * been sent the texts left and the finished lexicon, from the back, a chunk at a time,
 * sending each chunk's names back as it goes. Whoever is faster reads more: the index
 * worker runs at a lower priority, and on a busy machine it may get little of a core, so
 * a share fixed when it came could leave the names worker waiting. A reading is a
 * function of the text, its language and the lexicon, so where it is done changes nothing
 * in the result.
 */
import type { MessagePort } from 'node:worker_threads';
import { ArchiveLexicon, extractEntityMentions, type LexiconCounts } from '../extract/entities';
import type { EntityMention } from '../extract/types';
import type { PendingRead } from './build';
import { firstMessage } from './peer-message';

/** Passages the index worker claims at once: the most the names worker may wait for at the end. */
const CHUNK = 32;

/** Bytes of the workers' shared buffer: the learning's split (0-3), this split (8-15). */
export const SHARED_SPLIT_BYTES = 16;
const REREAD_OFFSET = 8;

const LOW = 0xffffffffn;
/** The back's bits (32-61) and the arrival's (62): the sign bit stays clear. */
const BACK_BITS = 0x3fffffffn << 32n;
const ARRIVED = 1n << 62n;

/**
 * Who reads which of `total` passages, in one 64-bit cell shared by the two workers: the
 * front (the names worker's next), the back (where the index worker's claims begin) and
 * whether the index worker has come. Every claim is a compare-and-exchange on the whole
 * cell, so the two ends never overlap, whatever the timing.
 */
export class TwoEndedSplit {
  readonly #cell: BigInt64Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(SHARED_SPLIT_BYTES)) {
    this.#cell = new BigInt64Array(buffer, REREAD_OFFSET, 1);
  }

  get buffer(): SharedArrayBuffer {
    return this.#cell.buffer as SharedArrayBuffer;
  }

  /** The names worker, first: `total` passages, none claimed. */
  open(total: number): void {
    Atomics.store(this.#cell, 0, BigInt(total) << 32n);
  }

  /** The state now: front, back, and whether the index worker came. */
  read(): { front: number; back: number; arrived: boolean } {
    return TwoEndedSplit.#unpack(Atomics.load(this.#cell, 0));
  }

  /** The names worker: the next passage from the front, or -1 once the ends meet. */
  claimFront(): number {
    for (;;) {
      const state = Atomics.load(this.#cell, 0);
      const { front, back } = TwoEndedSplit.#unpack(state);
      if (front >= back) return -1;
      if (Atomics.compareExchange(this.#cell, 0, state, state + 1n) === state) return front;
    }
  }

  /**
   * The index worker, before it claims: says it has come, when anything is left (false,
   * and nothing changes, when the ends have met or the names worker has not opened yet).
   */
  arrive(): boolean {
    for (;;) {
      const state = Atomics.load(this.#cell, 0);
      const { front, back } = TwoEndedSplit.#unpack(state);
      if (front >= back) return false;
      if (Atomics.compareExchange(this.#cell, 0, state, state | ARRIVED) === state) return true;
    }
  }

  /** The index worker: up to `size` passages from the back, as [from, to), or undefined once the ends meet. */
  claimBack(size: number): [number, number] | undefined {
    for (;;) {
      const state = Atomics.load(this.#cell, 0);
      const { front, back } = TwoEndedSplit.#unpack(state);
      if (front >= back) return undefined;
      const from = Math.max(front, back - size);
      const next = (state & ~BACK_BITS) | (BigInt(from) << 32n);
      if (Atomics.compareExchange(this.#cell, 0, state, next) === state) return [from, back];
    }
  }

  static #unpack(state: bigint): { front: number; back: number; arrived: boolean } {
    return {
      front: Number(state & LOW),
      back: Number((state & BACK_BITS) >> 32n),
      arrived: (state & ARRIVED) !== 0n,
    };
  }
}

/** Between the workers, on their port. */
export type RereadMessage =
  /** Names to index: the second reading has begun (the split is open). */
  | { rereadsOpen: number }
  /**
   * Names to index, once it saw the index worker come: the texts from `from` on (the rest
   * is the names worker's), the lexicon's person words and thing names, and its counts
   * unless the index worker has them already (it kept those it learnt apart with).
   */
  | {
      rereadFrom: number;
      rereadTexts: PendingRead[];
      persons: string[];
      things: string[];
      lexiconCounts?: LexiconCounts;
    }
  /** Index to names: the names found in passages [`readFrom`, `readFrom` + length). */
  | { readFrom: number; read: EntityMention[][] };

/**
 * The names worker's side: reads `pending` with `lexicon` from the front, leaving the back
 * to the index worker for as long as it keeps up. `countsShared`: the index worker holds
 * the lexicon's counts already (it learnt a share apart with them), so they are not sent.
 */
export async function rereadShared(
  peer: MessagePort,
  split: TwoEndedSplit,
  lexicon: ArchiveLexicon,
  pending: readonly PendingRead[],
  countsShared: boolean,
  /** Called once the split is open, before the first claim (a test plays the index worker there). */
  begun?: () => void,
): Promise<EntityMention[][]> {
  const read: (EntityMention[] | undefined)[] = new Array(pending.length);
  let readThere = 0;
  let wanted = -1;
  let allThere: () => void = () => {};
  const there = new Promise<void>((resolve) => {
    allThere = resolve;
  });
  const listen = (message: RereadMessage) => {
    if (!('readFrom' in message)) return;
    message.read.forEach((found, i) => {
      read[message.readFrom + i] = found;
    });
    readThere += message.read.length;
    if (readThere === wanted) allThere();
  };
  peer.on('message', listen);
  split.open(pending.length);
  const opened: RereadMessage = { rereadsOpen: pending.length };
  peer.postMessage(opened);
  begun?.();
  let sent = false;
  const send = (from: number) => {
    sent = true;
    const taken: RereadMessage = {
      rereadFrom: from,
      rereadTexts: pending.slice(from),
      persons: [...lexicon.personWords],
      things: [...lexicon.thingNames],
      ...(countsShared ? {} : { lexiconCounts: lexicon.counts() }),
    };
    peer.postMessage(taken);
  };
  for (let at = split.claimFront(); at >= 0; at = split.claimFront()) {
    if (!sent && split.read().arrived) send(at);
    const { text, language } = pending[at] as PendingRead;
    read[at] = extractEntityMentions(text, language, lexicon);
  }
  const { back, arrived } = split.read();
  // It came as the last passage was claimed: it waits for texts, and is sent none to read.
  if (arrived && !sent) send(pending.length);
  wanted = pending.length - back;
  if (readThere < wanted) await there;
  peer.off('message', listen);
  return read as EntityMention[][];
}

/**
 * The index worker's side: `help` comes for the passages left, if any, and reads them
 * from the back a chunk at a time until the two ends meet.
 */
export class RereadHelper {
  readonly #texts: Promise<Extract<RereadMessage, { rereadFrom: number }>>;
  readonly #opened: Promise<unknown>;
  #helped = false;

  constructor(
    private readonly peer: MessagePort,
    private readonly split: TwoEndedSplit,
    /** The counts the index worker learnt apart with, if it did. */
    private readonly counts: () => Promise<LexiconCounts> | undefined,
  ) {
    this.#texts = firstMessage(peer, (m: RereadMessage) => ('rereadFrom' in m ? m : undefined));
    this.#opened = firstMessage(peer, (m: RereadMessage) => ('rereadsOpen' in m ? m : undefined));
  }

  /** Whether the names worker is reading again, has passages left, and has not been helped. */
  get wanted(): boolean {
    const { front, back, arrived } = this.split.read();
    return !this.#helped && !arrived && front < back;
  }

  /** Helps once the names worker has begun to read again (the index worker has nothing else to do). */
  async helpOnceBegun(): Promise<void> {
    await this.#opened;
    await this.help();
  }

  /** Comes for the passages left, if any, and reads them from the back until the ends meet. */
  async help(): Promise<void> {
    if (this.#helped) return;
    this.#helped = true;
    if (!this.split.arrive()) return;
    const { rereadFrom, rereadTexts, persons, things, lexiconCounts } = await this.#texts;
    const kept = lexiconCounts ?? (await this.counts());
    if (!kept) throw new Error('second reading taken without the lexicon’s counts');
    const lexicon = ArchiveLexicon.withCounts({ ...kept, persons, things });
    for (let claim = this.split.claimBack(CHUNK); claim; claim = this.split.claimBack(CHUNK)) {
      const [from, to] = claim;
      const read = rereadTexts
        .slice(from - rereadFrom, to - rereadFrom)
        .map(({ text, language }) => extractEntityMentions(text, language, lexicon));
      const sent: RereadMessage = { readFrom: from, read };
      this.peer.postMessage(sent);
    }
  }
}
