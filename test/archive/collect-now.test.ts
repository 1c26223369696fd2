import { beforeEach, describe, expect, it, vi } from 'vitest';

const measured = vi.hoisted(() => ({ calls: 0 }));
vi.mock('node:vm', () => ({
  measureMemory: async () => {
    measured.calls++;
    return {};
  },
}));

const { COLLECTED_FROM_PASSAGES, collectNow } = await import('../../src/archive/collect-now');

describe("an analysis worker's forced collection", () => {
  beforeEach(() => {
    measured.calls = 0;
  });

  it('collects a large archive’s heap, eagerly measured', async () => {
    await collectNow(COLLECTED_FROM_PASSAGES);
    await collectNow(400_000);
    expect(measured.calls).toBe(2);
  });

  it('leaves a small archive’s heap to V8 (no experimental API, no warning)', async () => {
    await collectNow(COLLECTED_FROM_PASSAGES - 1);
    await collectNow(0);
    expect(measured.calls).toBe(0);
  });
});
