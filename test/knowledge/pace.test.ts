import { describe, expect, it } from 'vitest';
import { breathe, breatheInBackground, holdBackground, Slicer } from '../../src/knowledge/pace';

describe('a slicer with a stop signal', () => {
  it('breathes as usual until stopped, then throws at its next breath', async () => {
    const stop = new AbortController();
    const pace = new Slicer(8, stop.signal);
    await pace.breathe();
    stop.abort();
    await expect(pace.breathe()).rejects.toThrow();
  });
});

describe('work in slices, several at once', () => {
  it('takes turns: one slice per turn of the event loop, oldest breath first', async () => {
    const events: string[] = [];
    // A mark at every turn of the event loop (its check phase), from a chain of its own.
    let marking = true;
    const mark = () => {
      events.push('|');
      if (marking) setImmediate(mark);
    };
    setImmediate(mark);
    const work = async (name: string) => {
      for (let i = 0; i < 6; i++) {
        events.push(name);
        await breathe();
      }
    };
    await Promise.all([work('a'), work('b'), work('c')]);
    marking = false;
    // The first slices ran before any breath, in the turn that started them.
    const turns = events.join('').split('|').slice(1);
    expect(turns.filter((slices) => slices.length > 1)).toEqual([]);
    expect(turns.join('')).toBe('abc'.repeat(5));
  });
});

describe('background work in slices while a reload holds it back', () => {
  it('gives way to every other slice until the reload is done, then takes turns again', async () => {
    const events: string[] = [];
    let backgroundLeft = 8;
    const background = (async () => {
      while (backgroundLeft-- > 0) {
        events.push('w');
        await breatheInBackground();
      }
    })();
    // A turn for the warm-up to get going: it takes turns as any other work would.
    await breathe();
    await breathe();
    const release = holdBackground();
    for (let i = 0; i < 4; i++) {
      events.push('u');
      await breathe();
    }
    events.push('|');
    release();
    for (let i = 0; i < 4; i++) {
      events.push('x');
      await breathe();
    }
    await background;
    const text = events.join('');
    // While the reload waited, no background slice ran between its slices.
    const during = text.slice(text.indexOf('u'), text.indexOf('|'));
    expect(during).toBe('uuuu');
    // Afterwards the two take turns again.
    expect(text.slice(text.indexOf('|') + 1)).toMatch(/xw|wx/);
  });
});
