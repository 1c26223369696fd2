import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { PendingRead } from '../../src/archive/build';
import { LearningSplit, REREAD_CELL, SPLIT_CELLS } from '../../src/archive/learning-split';
import { RereadHelper, rereadShared } from '../../src/archive/shared-rereads';
import {
  type ArchiveLexicon,
  buildLexicon,
  extractEntityMentions,
} from '../../src/extract/entities';

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

function lexiconOf(pending: readonly PendingRead[]): ArchiveLexicon {
  return buildLexicon(pending.map((p) => p.text));
}

/** Both workers' ends on one thread: the index worker's share was taken before the names worker began. */
async function shared(countsShared: boolean, share: number) {
  const lexicon = lexiconOf(PENDING);
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  const buffer = LearningSplit.buffer(SPLIT_CELLS);
  const index = new LearningSplit(buffer, REREAD_CELL);
  const from = index.take(PENDING.length, share);
  const helper = new RereadHelper(channel.port2, index, () =>
    countsShared ? Promise.resolve(lexicon.counts()) : undefined,
  );
  const helping = helper.help(share);
  const read = await rereadShared(
    channel.port1,
    new LearningSplit(buffer, REREAD_CELL),
    lexicon,
    PENDING,
    countsShared,
  );
  await helping;
  return { lexicon, read, from };
}

const ports: { close(): void }[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

describe('the second reading shared with the index worker', () => {
  it('gives each passage the names reading it here gives, when the index worker took the last share (counts sent)', async () => {
    const { lexicon, read, from } = await shared(false, 0.45);
    expect(from).toBeLessThan(PENDING.length);
    expect(read).toEqual(PENDING.map((p) => extractEntityMentions(p.text, p.language, lexicon)));
    expect(read.flat().length).toBeGreaterThan(5);
  });

  it('uses the counts the index worker kept from learning apart, when it has them', async () => {
    const { lexicon, read } = await shared(true, 0.6);
    expect(read).toEqual(PENDING.map((p) => extractEntityMentions(p.text, p.language, lexicon)));
  });

  it('reads everything on the names worker when the index worker comes after it is done', async () => {
    const lexicon = lexiconOf(PENDING);
    const channel = new MessageChannel();
    ports.push(channel.port1, channel.port2);
    const buffer = LearningSplit.buffer(SPLIT_CELLS);
    const helper = new RereadHelper(
      channel.port2,
      new LearningSplit(buffer, REREAD_CELL),
      () => undefined,
    );
    const read = await rereadShared(
      channel.port1,
      new LearningSplit(buffer, REREAD_CELL),
      lexicon,
      PENDING,
      false,
    );
    // Nothing is left to take: the helper sends nothing and needs no counts.
    await helper.help(0.45);
    expect(read).toEqual(PENDING.map((p) => extractEntityMentions(p.text, p.language, lexicon)));
  });
});
