/**
 * Shards on the memory backend each hold a copy of the archive: a reload on one must reach
 * the others through the sharding manager, and a relayed reload must not be relayed again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Kilde, ReloadReport } from '../../src/answers/types';
import { isShardProcess, type ManagerChannel, relayReloads } from '../../src/discord/shards';
import { createLogger } from '../../src/logger';

function fakeKilde(): Kilde & { reloads: number } {
  const report = { added: [], changed: [], removed: [] } as unknown as ReloadReport;
  const kilde = {
    reloads: 0,
    reload: async () => {
      kilde.reloads += 1;
      return report;
    },
  };
  return kilde as unknown as Kilde & { reloads: number };
}

/** The manager's side of one shard's IPC channel. */
function fakeChannel() {
  const sent: unknown[] = [];
  const listeners: ((message: unknown) => void)[] = [];
  const channel: ManagerChannel = {
    send: (message) => sent.push(message),
    onMessage: (listener) => listeners.push(listener),
  };
  const deliver = (message: unknown) => {
    for (const listener of listeners) listener(message);
  };
  return { channel, sent, deliver };
}

describe('reloads across shards on the memory backend', () => {
  it('tells the manager after a reload here, and reloads when another shard did', async () => {
    const { channel, sent, deliver } = fakeChannel();
    const kilde = fakeKilde();
    const relayed = relayReloads(kilde, createLogger('silent'), channel, '1');

    await relayed.reload();
    expect(kilde.reloads).toBe(1);
    expect(sent).toEqual([{ kilde: 'reloaded', from: '1' }]);

    // The manager broadcasts to every shard, this one included: only others' count.
    deliver({ kilde: 'reloaded', from: '1' });
    deliver({ something: 'else' });
    expect(kilde.reloads).toBe(1);
    deliver({ kilde: 'reloaded', from: '0' });
    await vi.waitFor(() => expect(kilde.reloads).toBe(2));
    // A reload another shard asked for is not announced again.
    expect(sent).toHaveLength(1);
  });

  it('knows a shard process by the manager’s environment', () => {
    expect(isShardProcess({ SHARDING_MANAGER: 'true' })).toBe(true);
    expect(isShardProcess({})).toBe(false);
  });
});
