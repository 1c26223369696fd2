import { describe, expect, it } from 'vitest';
import { PassageListsBuilder } from '../../src/archive/passage-lists';
import type { Entity } from '../../src/extract/types';
import { seededRandom } from '../helpers/random';

const entity = (id: string, name: string): Entity =>
  ({ id, name, kind: 'person', aliases: [], roles: [], mentions: [] }) as unknown as Entity;

describe('per-passage entity lists held as columns', () => {
  const entities = [
    entity('e0', 'Kari Nordmann'),
    entity('e1', 'Ola Hansen'),
    entity('e2', 'Kari Nordmann'),
  ];

  it('reads as the maps of ids and names, in the order written, and nothing else', () => {
    const builder = new PassageListsBuilder(entities);
    builder.add('a.md#0', [1, 0]);
    builder.add('b.md#3', [2, 0, 1]);
    builder.add('a.md#2', []);
    const lists = builder.build();
    expect(new Map(lists.ids)).toEqual(
      new Map([
        ['a.md#0', ['e1', 'e0']],
        ['b.md#3', ['e2', 'e0', 'e1']],
        ['a.md#2', []],
      ]),
    );
    // Each name once, in the order first named.
    expect(lists.names.get('b.md#3')).toEqual(['Kari Nordmann', 'Ola Hansen']);
    expect([...lists.names.keys()]).toEqual(['a.md#0', 'b.md#3', 'a.md#2']);
    expect(lists.ids.size).toBe(3);
    expect(lists.ids.has('a.md#2')).toBe(true);
    for (const missing of ['a.md#1', 'c.md#0', '']) {
      expect(lists.ids.has(missing)).toBe(false);
      expect(lists.ids.get(missing)).toBeUndefined();
    }
    const seen: string[] = [];
    lists.ids.forEach((ids, passageId) => {
      seen.push(`${passageId}:${ids.join(',')}`);
    });
    expect(seen).toEqual(['a.md#0:e1,e0', 'b.md#3:e2,e0,e1', 'a.md#2:']);
  });

  it('grows past its first room, and refuses a number naming no entity', () => {
    const builder = new PassageListsBuilder(entities);
    for (let p = 0; p < 3000; p++) builder.add(`x.md#${p}`, [p % 3, (p + 1) % 3, 2]);
    const lists = builder.build();
    expect(lists.ids.size).toBe(3000);
    expect(lists.ids.get('x.md#2997')).toEqual(['e0', 'e1', 'e2']);
    expect(lists.ids.get('x.md#2999')).toEqual(['e2', 'e0', 'e2']);
    expect(() => builder.add('y.md#0', [3])).toThrow(/unknown entity/);
    expect(() => new PassageListsBuilder(entities).add('y.md#0', [-1])).toThrow(/unknown entity/);
  });

  it('reads lines of columns as the passages one by one, whatever their ids hold', () => {
    const random = seededRandom(5);
    const alphabet = ['a', 'b', '#', '/', 'æ', 'ø', '.', '0', '1', '\u{1F600}', ' '];
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
    const expected = new Map<string, number[]>();
    while (expected.size < 700) {
      const numbers = Array.from({ length: Math.floor(random() * 4) }, () =>
        Math.floor(random() * entities.length),
      );
      expected.set(`${word()}#${expected.size % 7}`, numbers);
    }
    const builder = new PassageListsBuilder(entities);
    const all = [...expected];
    for (let from = 0; from < all.length; from += 97) {
      const line = all.slice(from, from + 97);
      builder.addLine({
        ids: line.map(([id]) => id).join(''),
        lengths: line.map(([id]) => id.length),
        counts: line.map(([, numbers]) => numbers.length),
        numbers: line.flatMap(([, numbers]) => numbers),
      });
    }
    const lists = builder.build();
    expect(lists.ids.size).toBe(expected.size);
    expect([...lists.ids.keys()]).toEqual([...expected.keys()]);
    for (const [id, numbers] of expected) {
      expect(lists.ids.get(id)).toEqual(numbers.map((n) => entities[n]?.id));
      // An id one character short or long is another passage, or none.
      for (const other of [id.slice(0, -1), `${id}0`])
        expect(lists.ids.has(other)).toBe(expected.has(other));
    }
  });

  it('refuses a passage listed twice, and columns that do not add up', () => {
    const twice = new PassageListsBuilder(entities);
    twice.add('a.md#0', [0]);
    twice.addLine({ ids: 'b.md#0a.md#0', lengths: [6, 6], counts: [0, 1], numbers: [1] });
    expect(() => twice.build()).toThrow(/twice/);
    const line = { ids: 'a.md#0b.md#1', lengths: [6, 6], counts: [1, 1], numbers: [0, 1] };
    for (const wrong of [
      { ...line, lengths: [6, 5] },
      { ...line, counts: [1] },
      { ...line, counts: [1, 2] },
      { ...line, numbers: [0, 3] },
    ])
      expect(() => new PassageListsBuilder(entities).addLine(wrong)).toThrow();
  });
});
