import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/knowledge/types';
import { PassageLanguages } from '../../src/search/passage-languages';

describe('PassageLanguages', () => {
  it('knows each live passage’s side, through additions and removals', () => {
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
    const languages = new Map<string, Language>([
      ['nb1', 'nb'],
      ['nn1', 'nn'],
    ]);
    mini.addAll([...languages.keys()].map((id) => ({ id, text: 'ord' })));
    const internals = mini as unknown as ConstructorParameters<typeof PassageLanguages>[0];
    const sides = new PassageLanguages(internals, (id) => languages.get(id));
    expect(sides.any('no')).toBe(true);
    expect(sides.any('en')).toBe(false);
    expect(sides.isOn(0, 'no') && sides.isOn(1, 'no')).toBe(true);

    // An update: the passage map learns the new passage after MiniSearch indexed it.
    sides.invalidateFrom(internals._nextId);
    mini.add({ id: 'en1', text: 'word' });
    expect(sides.any('en')).toBe(false);
    languages.set('en1', 'en');
    sides.invalidateFrom(2);
    expect(sides.any('en')).toBe(true);
    expect(sides.isOn(2, 'en')).toBe(true);
    expect(sides.isOn(2, 'no')).toBe(false);

    mini.discard('nb1');
    expect(sides.isOn(0, 'no')).toBe(false);
    expect(sides.isOn(1, 'no')).toBe(true);
  });

  it('looks passages up in slices that end up equal to one whole lookup', () => {
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
    const languages = new Map<string, Language>();
    for (let i = 0; i < 23; i++) languages.set(`p${i}`, i % 5 === 0 ? 'en' : 'nb');
    mini.addAll([...languages.keys()].map((id) => ({ id, text: 'ord' })));
    const internals = mini as unknown as ConstructorParameters<typeof PassageLanguages>[0];
    const sliced = new PassageLanguages(internals, (id) => languages.get(id));
    const whole = new PassageLanguages(internals, (id) => languages.get(id));
    whole.sync();
    const steps: boolean[] = [];
    while (steps.length < 10 && steps.at(-1) !== true) steps.push(sliced.syncSome(10));
    // 23 passages, 10 at a time: two partial slices, then the last one.
    expect(steps).toEqual([false, false, true]);
    for (let shortId = 0; shortId < 23; shortId++)
      for (const side of ['en', 'no'] as const)
        expect(sliced.isOn(shortId, side)).toBe(whole.isOn(shortId, side));
    expect(sliced.any('en')).toBe(true);
  });

  it('answers before every passage was looked up, looking up a few thousand per question', () => {
    // 20,000 passages, Norwegian but for one English passage near the end.
    const ids = new Map<number, string>();
    for (let i = 0; i < 20_000; i++) ids.set(i, `p${i}`);
    const mini = { _documentIds: ids, _nextId: ids.size };
    let lookups = 0;
    const sides = new PassageLanguages(mini, (id) => {
      lookups++;
      return id === 'p19000' ? 'en' : 'nb';
    });
    // Not known yet to hold English: "maybe", so the postings are looked at.
    expect(sides.any('en')).toBe(true);
    expect(lookups).toBeLessThan(6000);
    // A passage not looked up yet is looked up alone.
    expect(sides.isOn(19_000, 'en')).toBe(true);
    expect(sides.isOn(19_001, 'en')).toBe(false);
    expect(sides.isOn(19_001, 'no')).toBe(true);
    expect(lookups).toBeLessThan(6010);
    // Question after question the lookup goes on, and then it knows.
    for (let i = 0; i < 4; i++) sides.any('no');
    expect(sides.any('en')).toBe(true);
    ids.delete(19_000);
    expect(sides.isOn(19_000, 'en')).toBe(false);
  });

  it('says no side it has not met once every passage was looked up', () => {
    const ids = new Map<number, string>();
    for (let i = 0; i < 12_000; i++) ids.set(i, `p${i}`);
    const sides = new PassageLanguages({ _documentIds: ids, _nextId: ids.size }, () => 'nb');
    expect(sides.any('en')).toBe(true);
    expect(sides.any('en')).toBe(true);
    expect(sides.any('en')).toBe(false);
  });
});
