import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingRead } from '../../src/archive/build';
import { firstMessage } from '../../src/archive/peer-message';
import {
  RereadHelper,
  type RereadMessage,
  rereadShared,
  TwoEndedSplit,
} from '../../src/archive/shared-rereads';
import { ArchiveLexicon, buildLexicon, extractEntityMentions } from '../../src/extract/entities';
import type { EntityMention } from '../../src/extract/types';

/** The last ones read as they do only with the person words the others teach. */
const PENDING: PendingRead[] = [
  { text: 'Statsminister Jonas Gahr Støre møtte Erna Solberg i Oslo tirsdag.', language: 'nb' },
  { text: 'Støre sa at regjeringen vil svare neste uke.', language: 'nb' },
  { text: 'Fotballtrener Kjetil Knutsen roste Bodø/Glimt etter kampen.', language: 'nb' },
  { text: 'Prime Minister Keir Starmer met President Emmanuel Macron in Paris.', language: 'en' },
  { text: 'Ordfører Marianne Borgen i Oslo la fram budsjettet.', language: 'nn' },
  { text: 'Solberg, som leder Høyre, var uenig med Støre.', language: 'nb' },
  { text: 'I går kom Knutsen og Glimt til byen.', language: 'nb' },
  { text: 'Ifølge Støre og Aftenposten er saken løst.', language: 'nb' },
];

const lexicon = buildLexicon(PENDING.map((p) => p.text));
const readHere = () => PENDING.map((p) => extractEntityMentions(p.text, p.language, lexicon));

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});
function channel(): [MessagePort, MessagePort] {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return [port1, port2];
}

describe('the second reading’s split, read from both ends', () => {
  it('gives every passage to exactly one end, whatever the order of claims', () => {
    const split = new TwoEndedSplit();
    expect(split.arrive()).toBe(false); // not open yet: nothing to come for
    split.open(10);
    const names = [split.claimFront(), split.claimFront(), split.claimFront()];
    expect(split.arrive()).toBe(true);
    const index = [split.claimBack(4)];
    names.push(split.claimFront());
    index.push(split.claimBack(4));
    expect(split.claimFront()).toBe(-1);
    expect(split.claimBack(4)).toBeUndefined();
    expect(names).toEqual([0, 1, 2, 3]);
    expect(index).toEqual([
      [6, 10],
      [4, 6],
    ]);
    expect(split.read()).toEqual({ front: 4, back: 4, arrived: true });
    expect(split.arrive()).toBe(false);
  });

  it('is seen the same through another view of its buffer (the other worker’s)', () => {
    const here = new TwoEndedSplit();
    const there = new TwoEndedSplit(here.buffer);
    here.open(5);
    expect(there.arrive()).toBe(true);
    expect(there.claimBack(2)).toEqual([3, 5]);
    expect(here.read()).toEqual({ front: 0, back: 3, arrived: true });
  });
});

describe('the second reading shared with the index worker', () => {
  it('gives each passage the names reading it here gives when the index worker reads the back (counts sent)', async () => {
    const [names, index] = channel();
    const split = new TwoEndedSplit();
    const indexSide = new TwoEndedSplit(split.buffer);
    const claimed: [number, number][] = [];
    // The index worker comes before the first claim and takes the back half in two chunks.
    const taken = firstMessage(index, (m: RereadMessage) => ('rereadFrom' in m ? m : undefined));
    const read = rereadShared(names, split, lexicon, PENDING, false, () => {
      expect(indexSide.arrive()).toBe(true);
      for (const size of [2, 2]) claimed.push(indexSide.claimBack(size) as [number, number]);
    });
    const sent = await taken;
    expect(sent.lexiconCounts).toBeDefined();
    const there = ArchiveLexicon.withCounts({
      ...(sent.lexiconCounts as NonNullable<typeof sent.lexiconCounts>),
      persons: sent.persons,
      things: sent.things,
    });
    for (const [from, to] of claimed) {
      const found: EntityMention[][] = sent.rereadTexts
        .slice(from - sent.rereadFrom, to - sent.rereadFrom)
        .map((p) => extractEntityMentions(p.text, p.language, there));
      index.postMessage({ readFrom: from, read: found } satisfies RereadMessage);
    }
    expect(claimed).toEqual([
      [6, 8],
      [4, 6],
    ]);
    expect(await read).toEqual(readHere());
  });

  it('reads the back from the texts and finished lexicon it is sent (helper)', async () => {
    const [names, index] = channel();
    const split = new TwoEndedSplit();
    split.open(PENDING.length);
    for (let i = 0; i < 3; i++) split.claimFront();
    const helper = new RereadHelper(index, new TwoEndedSplit(split.buffer), () =>
      Promise.resolve(lexicon.counts()),
    );
    expect(helper.wanted).toBe(true);
    const helping = helper.help();
    const got: EntityMention[][] = [];
    const all = new Promise<void>((resolve) => {
      names.on('message', (m: RereadMessage) => {
        if (!('readFrom' in m)) return;
        m.read.forEach((found, i) => {
          got[m.readFrom + i] = found;
        });
        if (got.filter(Boolean).length === PENDING.length - 3) resolve();
      });
    });
    // Sent without counts: the helper uses those it kept from learning apart.
    names.postMessage({
      rereadFrom: 2,
      rereadTexts: PENDING.slice(2),
      persons: [...lexicon.personWords],
      things: [...lexicon.thingNames],
    } satisfies RereadMessage);
    await helping;
    await all;
    expect(got.slice(3)).toEqual(readHere().slice(3));
    expect(split.read()).toEqual({ front: 3, back: 3, arrived: true });
  });

  it('reads everything on the names worker when the index worker never comes', async () => {
    const [names] = channel();
    expect(await rereadShared(names, new TwoEndedSplit(), lexicon, PENDING, false)).toEqual(
      readHere(),
    );
  });
});
