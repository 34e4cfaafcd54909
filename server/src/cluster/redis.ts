import { Redis } from 'ioredis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { SemisIo } from '../realtime/socket';
import { BoardRelay } from './board-relay';

export interface Cluster {
  relay: BoardRelay;
  close(): Promise<void>;
}

/**
 * Several server processes behind one address: socket.io rooms are shared through a Redis
 * stream (which, unlike pub/sub, replays what a process missed during a short Redis outage),
 * and board documents through BoardRelay.
 */
export async function joinCluster(redisUrl: string, io: SemisIo, log: (m: string) => void): Promise<Cluster> {
  const options = { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: (n: number) => Math.min(100 * 2 ** n, 5000) };
  const streams = new Redis(redisUrl, options);
  const pub = new Redis(redisUrl, options);
  const sub = new Redis(redisUrl, options);
  for (const [name, c] of [['streams', streams], ['pub', pub], ['sub', sub]] as const) {
    c.on('error', (err: Error) => log(`redis ${name}: ${err.message}`));
  }
  await Promise.all([streams.connect(), pub.connect(), sub.connect()]);
  io.adapter(createAdapter(streams, { streamName: 'semis:socket.io' }));
  const relay = new BoardRelay(pub, sub, log);
  return {
    relay,
    async close() {
      await Promise.allSettled([streams.quit(), pub.quit(), sub.quit()]);
    },
  };
}
