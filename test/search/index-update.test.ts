import { describe, expect, it } from 'vitest';
import { PassageIndex, type PassageIndexInput } from '../../src/search';
import { seededRandom } from '../helpers/random';
import { article } from './fixtures';

// Over a thousand passages (half of them) hold "fotball": its postings are read from a
// cached typed list (top-k.ts), which an update must not leave stale.
const rand = seededRandom(11);
const filler = ['kamp', 'lag', 'trener', 'sesong', 'seier', 'tap', 'mål', 'publikum', 'bane'];
const some = () => Array.from({ length: 6 }, () => filler[Math.floor(rand() * filler.length)]);
const articles = Array.from({ length: 140 }, (_, a) =>
  article(
    `nb/a${a}.md`,
    `Sak ${a}`,
    'nb',
    Array.from(
      { length: 16 },
      (_, p) => `${p % 2 === 0 ? 'Fotball' : 'Håndball'} ${some().join(' ')}.`,
    ),
  ),
);
const entityNames = new Map([['nb/a3.md#2', ['Ola Tveiten']]]);

describe('PassageIndex.update', () => {
  it('answers from the passages added, never from those removed, by the names given now', async () => {
    const input: PassageIndexInput = { articles, aliases: [], entityNames };
    const index = PassageIndex.build(input);
    await index.warm();
    expect(index.search('fotball', { limit: 5 })).toHaveLength(5);
    expect(index.search('Tveiten').map((h) => h.passageId)).toEqual(['nb/a3.md#2']);

    const added = article('nb/ny.md', 'Ny sak', 'nb', ['Fotball, fotball og atter fotball.']);
    const removed = articles.slice(0, 2);
    const renamed = articles[3]?.passages[2];
    if (!renamed) throw new Error('fixture');
    const after: PassageIndexInput = {
      articles: [...articles.slice(2), added],
      aliases: [],
      entityNames: new Map([['nb/a3.md#2', ['Kari Nilsen']]]),
    };
    index.update({ removed, added: [added], renamed: [renamed] }, after);

    const top = index.search('fotball', { limit: 2000 }).map((h) => h.passageId);
    expect(top[0]).toBe('nb/ny.md#0');
    expect(top.filter((id) => id.startsWith('nb/a0.md') || id.startsWith('nb/a1.md'))).toEqual([]);
    expect(top).toHaveLength(138 * 8 + 1);
    expect(index.search('Nilsen').map((h) => h.passageId)).toEqual(['nb/a3.md#2']);
    expect(index.search('Tveiten')).toEqual([]);
  });

  it('analyses the added articles a passage at a time into the documents it makes whole', async () => {
    const input: PassageIndexInput = { articles, aliases: [], entityNames };
    const index = PassageIndex.build(input);
    const added = [
      article('nb/ny.md', 'Ny sak om fotballkamper', 'nb', [
        'Fotballkampen endte med seier.',
        'Trenerteamet og Ola Tveiten jublet over sesongstarten.',
      ]),
      article('en/new.md', 'Match report', 'en', ['The football match ended in a draw.']),
    ];
    const after: PassageIndexInput = {
      articles: [...articles, ...added],
      aliases: [],
      entityNames: new Map([['nb/ny.md#1', ['Ola Tveiten']]]),
    };
    let breaths = 0;
    const sliced = await index.documentsToAddAsync(added, after, {
      due: () => true,
      breathe: async () => {
        breaths++;
      },
    });
    expect(sliced).toEqual(index.documentsToAdd(added, after));
    expect(breaths).toBeGreaterThanOrEqual(3);
  });
});
