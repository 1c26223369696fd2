import type { MessagePort } from 'node:worker_threads';

/**
 * The first message on `peer` that `pick` accepts, listening from now on (one sent before
 * is not seen). The two analysis workers say several things over one port (the dates, the
 * readings, the names, the second reading's texts), so each wait takes its own kind and
 * leaves the rest to the others.
 */
export function firstMessage<M, T>(
  peer: MessagePort,
  pick: (message: M) => T | undefined,
): Promise<T> {
  return new Promise((resolve) => {
    const listen = (message: M) => {
      const found = pick(message);
      if (found === undefined) return;
      peer.off('message', listen);
      resolve(found);
    };
    peer.on('message', listen);
  });
}
