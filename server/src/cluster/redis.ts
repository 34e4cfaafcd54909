import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Adapter, MessageType, type BroadcastOptions } from 'socket.io-adapter';
import type { SemisIo } from '../realtime/socket';
import type { ServiceState } from '../services/health';
import type { PresentStore } from '../services/present';
import { BoardRelay } from './board-relay';
import { redisPresentStore } from './present-store';

export interface Cluster {
  relay: BoardRelay;
  /** *Présenter* states, shared by every process. */
  presentStore: PresentStore;
  /** 'down' from the first lost connection until every connection is ready again. */
  redisState(): ServiceState;
  close(): Promise<void>;
}

/**
 * Several server processes behind one address: socket.io rooms are shared through a Redis
 * stream (which, unlike pub/sub, replays what a process missed during a short Redis outage),
 * board documents through BoardRelay, and what each atelier presents in one key per atelier.
 */
export async function joinCluster(redisUrl: string, io: SemisIo, log: (m: string) => void): Promise<Cluster> {
  const options = { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: (n: number) => Math.min(100 * 2 ** n, 5000) };
  const streams = new Redis(redisUrl, options);
  const pub = new Redis(redisUrl, options);
  const sub = new Redis(redisUrl, options);
  const clients = [streams, pub, sub];
  // One line when Redis goes away and one when it is back, with how long it lasted — not one
  // per reconnection attempt.
  let downSince: number | null = null;
  let lastError = '';
  for (const c of clients) {
    c.on('error', (err: Error) => void (lastError = err.message));
    c.on('close', () => {
      if (downSince !== null || closing) return;
      downSince = Date.now();
      log(`redis: connection lost (${lastError || 'closed'}); local delivery goes on, cross-process delivery resumes when it is back`);
    });
    c.on('ready', () => {
      if (downSince === null || clients.some((x) => x.status !== 'ready')) return;
      log(`redis: back after ${((Date.now() - downSince) / 1000).toFixed(1)} s`);
      downSince = null;
    });
  }
  let closing = false;
  await Promise.all(clients.map((c) => c.connect()));
  io.adapter(localFirst(createAdapter(streams, { streamName: 'semis:socket.io' })));
  const relay = new BoardRelay(pub, sub, log);
  return {
    relay,
    presentStore: redisPresentStore(pub),
    redisState: () => (downSince === null && clients.every((c) => c.status === 'ready') ? 'up' : 'down'),
    async close() {
      closing = true;
      await Promise.allSettled(clients.map((c) => c.quit()));
    },
  };
}

type AdapterFactory = ReturnType<typeof createAdapter>;
type Broadcasting = Adapter & { publish(message: unknown): void };

/**
 * The streams adapter sends a room broadcast to Redis first and delivers it to this process's
 * own sockets only once Redis answered: a Redis outage then delays every push, even to a
 * facilitator on the author's process (issue #14). Here local sockets get it at once, and the
 * copy for the other processes waits in ioredis's offline queue until Redis is back.
 */
function localFirst(factory: AdapterFactory): AdapterFactory {
  // socket.io calls the factory with `new`: a function, not an arrow.
  // biome-ignore lint/complexity/useArrowFunction: constructed with `new` by socket.io
  return function (nsp: Parameters<AdapterFactory>[0]) {
    const created = factory(nsp);
    const adapter = created as unknown as Broadcasting;
    adapter.broadcast = (packet: unknown, opts: BroadcastOptions) => {
      if (!opts.flags?.local) {
        // Encoded synchronously (XADD arguments), before the local send touches the packet.
        adapter.publish({ type: MessageType.BROADCAST, data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags } } });
      }
      Adapter.prototype.broadcast.call(adapter, packet as never, opts);
    };
    return created;
  } as AdapterFactory;
}
