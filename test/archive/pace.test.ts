import { describe, expect, it } from 'vitest';
import { Slicer } from '../../src/archive/pace';

describe('a slicer with a stop signal', () => {
  it('breathes as usual until stopped, then throws at its next breath', async () => {
    const stop = new AbortController();
    const pace = new Slicer(8, stop.signal);
    await pace.breathe();
    stop.abort();
    await expect(pace.breathe()).rejects.toThrow();
  });
});
