/**
 * A restored index is ready for its first query when it serves: what every query reads
 * (the dense field lengths, the bilingual lexicon) was read during the restore, in slices,
 * not by that query in one step. (A file of its own: the lexicon is read once per process.)
 */
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/archive/bytes';
import { readIndex, writeIndex } from '../../src/archive/index-bytes';
import type { Article } from '../../src/knowledge/types';
import { lexiconRead } from '../../src/language/lexicon';
import { PassageIndex } from '../../src/search';

const article: Article = {
  id: 'valg',
  file: 'valg.md',
  title: 'Valget',
  published: { start: '2017-11-21', end: '2017-11-21', granularity: 'day' },
  language: 'nb',
  languageDetected: false,
  tags: [],
  hash: 'valg',
  passages: [
    {
      id: 'valg#0',
      articleId: 'valg',
      index: 0,
      text: 'Statsministeren la fram statsbudsjettet i Stortinget onsdag.',
      line: 1,
      language: 'nb',
    },
  ],
};

describe('an index restored from its bytes', () => {
  it('has read the field lengths and the lexicon before its first query', async () => {
    const input = { articles: [article], aliases: [] };
    const built = PassageIndex.build(input);
    expect(lexiconRead()).toBe(false);
    const out = new ByteWriter(256);
    await writeIndex(built, out);
    const restored = await readIndex(out.bytes(), input);
    expect(lexiconRead()).toBe(true);
    expect(restored.searchCache.lengthBytes).toBeGreaterThan(0);
    expect(restored.search('statsbudsjettet').map((h) => h.passageId)).toEqual(['valg#0']);
  });
});
