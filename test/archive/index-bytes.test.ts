import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/archive/bytes';
import { readIndex, writeIndex } from '../../src/archive/index-bytes';
import type { Article, Passage } from '../../src/knowledge/types';
import { PassageIndex, type PassageIndexInput } from '../../src/search';

/** An article of paragraphs, some under a sub-heading. */
function article(id: string, paragraphs: { text: string; heading?: string }[]): Article {
  const passages: Passage[] = paragraphs.map((p, index) => ({
    id: `${id}#${index}`,
    articleId: id,
    index,
    text: p.text,
    line: index + 1,
    language: 'nb',
    ...(p.heading ? { heading: p.heading } : {}),
  }));
  return {
    id,
    file: `${id}.md`,
    title: `Saken om ${id}`,
    published: { start: '2017-11-21', end: '2017-11-21', granularity: 'day' },
    language: 'nb',
    languageDetected: false,
    tags: [],
    passages,
    hash: id,
  };
}

type FieldLengths = Map<number, (number | undefined)[]>;
const fieldLengths = (index: PassageIndex): FieldLengths =>
  (index.searchIndex as unknown as { _fieldLength: FieldLengths })._fieldLength;

/** Each passage's lengths with its unset fields spelt out, so that a hole is not a value. */
const spelt = (lengths: FieldLengths) =>
  [...lengths].map(([id, list]) => [
    id,
    list.length,
    Array.from({ length: list.length }, (_, f) => (f in list ? list[f] : 'unset')),
  ]);

describe('an index written to bytes and read back', () => {
  const input: PassageIndexInput = {
    articles: [
      article('valg', [
        { text: 'Statsministeren la fram statsbudsjettet i Stortinget onsdag.' },
        { text: 'Opposisjonen kalte budsjettet uansvarlig.', heading: 'Kritikk' },
      ]),
      article('fotball', [
        { text: 'Rosenborg vant seriefinalen mot Molde.', heading: 'Eliteserien' },
        { text: 'Treneren roste forsvaret etter kampen.' },
        { text: 'Neste kamp spilles i Bergen.' },
      ]),
    ],
    aliases: [],
    entityNames: new Map([['valg#0', ['Stortinget']]]),
  };

  it('gives every passage the field lengths it had, a field it never had still unset', async () => {
    const built = PassageIndex.build(input);
    // MiniSearch leaves a field it was given no value for unset: one passage's second field
    // and another's last, as such a passage would have them.
    const lengths = fieldLengths(built);
    const [first, second] = [...lengths.values()];
    if (!first || !second) throw new Error('too few passages');
    delete first[1];
    delete second[second.length - 1];
    const out = new ByteWriter(256);
    await writeIndex(built, out);
    const restored = await readIndex(out.bytes(), input);
    expect(spelt(fieldLengths(restored))).toEqual(spelt(lengths));
    expect(JSON.stringify(spelt(fieldLengths(restored)))).toContain('unset');
  });

  it('answers as the index it was written from', async () => {
    const built = PassageIndex.build(input);
    const out = new ByteWriter(256);
    await writeIndex(built, out);
    const restored = await readIndex(out.bytes(), input);
    // Its dense field lengths copied before it serves (no warm-up ran, no query came): the
    // first query after a restart does not copy every passage's at once.
    expect(restored.searchCache.lengthBytes).toBeGreaterThan(0);
    for (const query of ['budsjettet', 'Rosenborg kamp', 'Stortinget', 'kritikk']) {
      const ids = (index: PassageIndex) => index.search(query).map((h) => [h.passageId, h.score]);
      expect(ids(restored)).toEqual(ids(built));
    }
  });
});
