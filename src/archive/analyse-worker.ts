/**
 * Worker-thread entry: analyses a knowledge base off the main thread, in one of two roles
 * that run side by side (the machine has more than one core) and hand each other what the
 * other needs through a port of their own:
 *
 * - `names`: the names with roles and back references, merged into entities (the longest
 *   part; the lexicon's words are counted as the batches arrive); it sends the entity
 *   names per passage to the `index` worker as soon as the merge is done, then answers with
 *   the `ANLY` and `BASE` sections once it has the dates;
 * - `index`: the dated time expressions, the index's terms and the back references'
 *   candidates (sent on to the `names` worker), article by article as the batches arrive
 *   (at a lower priority: nothing waits on it until the names are merged), each field
 *   written into the index's bytes as soon as it is known (`IndexWriter`: text, heading
 *   and title as they arrive, the compounds' parts once the last batch is in); it sends the dates to the `names` worker, and with the entity names
 *   writes the last field and answers with the `INDX` section.
 *
 * Together they give what `analyse` gives on one thread. Started by `analyseInWorker`;
 * the protocol is below.
 */
import { deserialize } from 'node:v8';
import { type MessagePort, parentPort } from 'node:worker_threads';
import {
  ArchiveLexicon,
  type LearnedReading,
  type LearnedReadings,
  type LexiconCounts,
  type ReferenceCandidate,
  referenceCandidates,
} from '../extract/entities';
import type { TimeMention } from '../extract/types';
import type { AliasGroup, Article, Language } from '../knowledge/types';
import { CompoundSplitter, fingerprintOf, firstPass, INDEX_FIELDS, NameTerms } from '../search';
import { articleDates, extractNames, mentionMaps } from './build';
import { collectNow } from './collect-now';
import { IndexWriter } from './index-writer';
import { LearningSplit } from './learning-split';
import { MarkedTerms } from './marked-terms';
import { firstMessage } from './peer-message';
import { transferablePieces } from './reply-pieces';
import { RereadHelper, rereadShared, TwoEndedSplit } from './shared-rereads';
import { encodeAnalysisText, indexSection } from './snapshot-body';
import { lowerThreadPriority } from './thread-priority';

export type AnalyseRole = 'names' | 'index';

/**
 * Main thread to worker: its role and the port to the other worker first, then the
 * articles in batches (small messages: serialising blocks the sender), each batch
 * serialised once (`v8.serialize`) for both workers, then the aliases.
 */
export type AnalyseRequest =
  | { role: AnalyseRole; peer: MessagePort; split: SharedArrayBuffer }
  | { serialized: Uint8Array }
  | { aliases: AliasGroup[] };

/** A batch of articles as the main thread serialised it. */
const articlesOf = (bytes: Uint8Array): Article[] => deserialize(bytes) as Article[];
/**
 * Worker to main thread: its sections' bytes, in pieces (`transferablePieces`). The main
 * thread joins them and decodes them line by line and term by term, in slices.
 */
export type AnalyseReply = { pieces: Uint8Array[] };

/**
 * Between the two workers: the dates and each batch's back-reference candidates (index to
 * names, by the passage's place among all), the entity names (names to index),
 * and the learning of the lexicon's person words, shared: the names worker sends the word
 * counts and where the later texts begin, the index worker reads those apart and sends
 * back the readings (`ArchiveLexicon.readApart`).
 */
export type PeerMessage =
  | { timeMentions: [string, TimeMention[]][] }
  | { candidates: [passage: number, found: ReferenceCandidate[]][] }
  | { candidatesEnd: number }
  | { names: [string, string[]][] }
  | { counts: LexiconCounts; texts: string[] }
  | { readings: LearnedReading[] };

/**
 * The share of the texts left unread that the index worker takes when it comes to learning
 * (`LearningSplit`): half, a little less, since its readings still have to be sent.
 */
const LEARNED_APART = 0.45;

/**
 * How far below the other threads the index worker runs (nice steps): its first pass waits
 * on nothing, while the read and the word counts it would share the cores with are what the
 * names worker's learning, the longest part, waits on.
 */
const INDEX_WORKER_NICE = 10;

/** Texts the names worker learns from between two collections of its heap (`collectNow`). */
const LEARNED_PER_STEP = 125_000;

/** Passages whose compounds' parts are written between two looks at the second reading. */
const PARTS_PER_STEP = 2000;

/**
 * The names role: extraction and merge; the dates come from the index worker. The
 * lexicon's word counts are sums over the passages, so they are counted as the batches
 * arrive (the main thread may still be reading files); the rest needs them all.
 */
function namer(peer: MessagePort, split: LearningSplit, rereadSplit: TwoEndedSplit) {
  const articles: Article[] = [];
  /** Passages taken, counted apart: `articles` is emptied before the last collections. */
  let passageCount = 0;
  const collect = () => collectNow(passageCount);
  const lexicon = new ArchiveLexicon();
  const dates = firstMessage(peer, (m: PeerMessage) =>
    'timeMentions' in m ? m.timeMentions : undefined,
  );
  const candidates = referenceCandidatesFrom(peer);
  /** Whether the index worker learnt a share apart, and so holds the lexicon's counts. */
  let countsShared = false;
  /** Learns from the earlier texts here while the index worker reads the later ones apart. */
  const learnWithPeer = async (
    counted: ArchiveLexicon,
    texts: string[],
    readings: LearnedReadings,
  ): Promise<void> => {
    const apart = firstMessage(peer, (m: PeerMessage) =>
      'readings' in m ? m.readings : undefined,
    );
    const learning = counted.learning(readings);
    let read = 0;
    // In steps, collected between them: what reading leaves behind dies old, and the heap
    // grew to a multiple of what it holds (the readings, kept) before V8 collected it.
    for (let until = LEARNED_PER_STEP; ; until += LEARNED_PER_STEP) {
      const end = Math.min(until, texts.length);
      learning.read(
        (function* claimed() {
          while (read < end && split.claim(read)) yield texts[read++] ?? '';
        })(),
      );
      if (read < until) break;
      await collect();
    }
    const from = split.close(texts.length);
    if (from < texts.length) {
      // The index worker took the texts from `from` on: it is sent them and the counts.
      const taken: PeerMessage = { counts: counted.counts(), texts: texts.slice(from) };
      peer.postMessage(taken);
      countsShared = true;
    }
    // Those it took after this worker last looked are read here all the same.
    learning.read(texts.slice(read, from));
    if (from < texts.length) learning.join(texts.slice(from), await apart);
    learning.finish();
    // What reading every text left behind goes before the readings are taken over (each
    // copied) and the rest read again: collected only later, it made the heap grow for good.
    await collect();
  };
  return {
    take(batch: Article[]): void {
      for (const article of batch) {
        articles.push(article);
        passageCount += article.passages.length;
        lexicon.count(article.passages.map((p) => p.text));
      }
    },
    async finish(aliases: AliasGroup[]): Promise<Uint8Array[]> {
      const parts = await extractNames(
        { articles, aliases },
        lexicon,
        learnWithPeer,
        candidates,
        async (finished, pending) => {
          // Learning's readings are all taken over (copied) or left: collected before the
          // second reading and again before the names are merged.
          await collect();
          const read = await rereadShared(peer, rereadSplit, finished, pending, countsShared);
          await collect();
          return read;
        },
        // The texts are read: they go before the names are merged and the sections encoded
        // (a copy of every article, some 300 MB at 400k passages, held until the answer otherwise).
        () => {
          articles.length = 0;
          return collect();
        },
      );
      // The merge's inputs (every passage's names and references) are gone.
      await collect();
      const { names: byPassage } = await mentionMaps(parts.entities);
      const handed: PeerMessage = { names: [...byPassage] };
      peer.postMessage(handed);
      return encodeAnalysisText({ ...parts, timeMentions: await dates });
    },
  };
}

/**
 * The back-reference candidates the index worker sends batch by batch, by passage place,
 * once it says they are all sent (the messages of one port arrive in order).
 */
function referenceCandidatesFrom(peer: MessagePort): Promise<(ReferenceCandidate[] | undefined)[]> {
  const byPlace: (ReferenceCandidate[] | undefined)[] = [];
  return new Promise((resolve) => {
    const listen = (message: PeerMessage) => {
      if ('candidates' in message) {
        for (const [place, found] of message.candidates) byPlace[place] = found;
      } else if ('candidatesEnd' in message) {
        peer.off('message', listen);
        resolve(byPlace);
      }
    };
    peer.on('message', listen);
  });
}

/** What the index's fingerprint reads of an article: no text. */
type ArticleVersion = Pick<Article, 'id' | 'hash'> & { passages: { id: string }[] };

/**
 * The index role, whose first pass runs as the batches arrive (`take`): the dates, and the
 * index's text, heading and title fields, written as they come (`IndexWriter`), so that
 * only the compounds' parts and the names are left once the last batch is in. The texts
 * are not kept: a passage keeps its id, language and words that may be compounds.
 */
function indexer(peer: MessagePort, split: LearningSplit, rereadSplit: TwoEndedSplit) {
  const versions: ArticleVersion[] = [];
  const passages: { doc: number; id: string; language: Language; splittable: string[] }[] = [];
  const writer = new IndexWriter(INDEX_FIELDS);
  const field = (name: (typeof INDEX_FIELDS)[number]) => INDEX_FIELDS.indexOf(name);
  // The compounds' vocabulary is the Norwegian passages' text terms, marked by the writer's
  // ids (no set of its own to hash every word into again).
  const norwegian = new MarkedTerms((term) => writer.idOf(term));
  const compounds = new CompoundSplitter((term) => norwegian.has(term));
  const timeMentions: [string, TimeMention[]][] = [];
  const entityNames = firstMessage(peer, (m: PeerMessage) => ('names' in m ? m.names : undefined));
  const learnFrom = firstMessage(peer, (m: PeerMessage) => ('counts' in m ? m : undefined));
  let learntApart = false;
  const rereads = new RereadHelper(peer, rereadSplit, () =>
    learntApart ? learnFrom.then((m) => m.counts) : undefined,
  );
  return {
    take(batch: Article[]): void {
      // The back references' candidates need the text only: found here, while the names
      // worker learns, and sent on at once (the names tell them apart there).
      const found: [number, ReferenceCandidate[]][] = [];
      let place = passages.length;
      for (const article of batch) {
        for (const passage of article.passages) {
          const here = referenceCandidates(passage);
          if (here.length > 0) found.push([place, here]);
          place++;
        }
      }
      if (found.length > 0) {
        const sent: PeerMessage = { candidates: found };
        peer.postMessage(sent);
      }
      for (const article of batch) {
        versions.push({
          id: article.id,
          hash: article.hash,
          passages: article.passages.map((p) => ({ id: p.id })),
        });
        for (const analysed of firstPass(article)) {
          const { passage } = analysed;
          const doc = writer.addDocument(passage.id);
          const terms = writer.addTerms(doc, field('text'), analysed.terms);
          if (passage.language !== 'en') norwegian.mark(terms);
          writer.addField(doc, field('heading'), analysed.heading);
          writer.addField(doc, field('title'), analysed.title);
          const { id, language } = passage;
          passages.push({ doc, id, language, splittable: analysed.splittable });
        }
        timeMentions.push(...articleDates(article));
      }
    },
    async finish(): Promise<Uint8Array[]> {
      const ended: PeerMessage = { candidatesEnd: passages.length };
      peer.postMessage(ended);
      const dated: PeerMessage = { timeMentions };
      peer.postMessage(dated);
      // The names worker may have read every text already; if not, this one takes a share
      // of the learning first: the names worker waits for its readings, the index does not.
      const from = split.take(passages.length, LEARNED_APART);
      if (from < passages.length) {
        learntApart = true;
        const { counts, texts } = await learnFrom;
        const read: PeerMessage = { readings: ArchiveLexicon.withCounts(counts).readApart(texts) };
        peer.postMessage(read);
      }
      // The compounds' parts need every word, not the names: written while those are read
      // again and merged, in steps between which a share of the second reading is taken up
      // first, as soon as it is offered (the names worker waits for it; nothing waits for
      // the parts until the names come).
      for (let from = 0; from < passages.length; from += PARTS_PER_STEP) {
        if (rereads.wanted) await rereads.help();
        for (const passage of passages.slice(from, from + PARTS_PER_STEP))
          writer.addField(passage.doc, field('parts'), compounds.parts(passage.splittable));
      }
      await rereads.helpOnceBegun();
      const names = new Map(await entityNames);
      const nameTerms = new NameTerms();
      for (const { doc, id, language } of passages)
        writer.addField(doc, field('names'), nameTerms.of(names.get(id) ?? [], language));
      const fingerprint = fingerprintOf({ articles: versions, entityNames: names });
      // What only the fields needed (each passage's words that may be compounds, the names)
      // goes, collected, before the index's bytes are written: the names worker's sections
      // are encoded at the same time, and the two heaps together were the build's peak.
      const held = passages.length;
      passages.length = 0;
      versions.length = 0;
      names.clear();
      await collectNow(held);
      return indexSection(writer.write(fingerprint));
    },
  };
}

const port = parentPort;
if (port) {
  let role: ReturnType<typeof indexer> | ReturnType<typeof namer> | undefined;
  port.on('message', (request: AnalyseRequest) => {
    if ('role' in request) {
      const split = new LearningSplit(request.split);
      const rereadSplit = new TwoEndedSplit(request.split);
      if (request.role === 'index') lowerThreadPriority(INDEX_WORKER_NICE);
      role =
        request.role === 'index'
          ? indexer(request.peer, split, rereadSplit)
          : namer(request.peer, split, rereadSplit);
      return;
    }
    if (!role) throw new Error('analysis worker started without its role');
    if ('serialized' in request) {
      role.take(articlesOf(request.serialized));
      return;
    }
    // A throw here fails the worker with an 'error' event: the main thread then analyses itself.
    void role.finish(request.aliases).then((pieces) => {
      // Moved, not joined here: joined, the names' 75 MB at 400k passages were held twice
      // over, beside the pieces, while this worker's heap was at its largest.
      const { pieces: sent, transfer } = transferablePieces(pieces);
      const reply: AnalyseReply = { pieces: sent };
      port.postMessage(reply, transfer);
    });
  });
}
