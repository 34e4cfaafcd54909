import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { C, boardMaps, readIdeaCards, readPosition, type CreateEventResult, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, openBoard, waitFor } from '../support/harness';
import { useProcesses, type ServerProcess } from '../support/process';
import { serviceAvailable } from '../support/services';
import { DATABASE_URL, probePostgres, probeRedis, REDIS_URL, tempSchema } from '../support/env';

/** Issue #14: each process used to place new stickies at its own `layout.size`, stacking them. */
const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'sticky slots across processes' });
const redisOk = await serviceAvailable('redis', probeRedis, { where: REDIS_URL, suite: 'sticky slots across processes' });

describe.skipIf(!pgOk || !redisOk)('sticky slots with three processes on PostgreSQL + Redis', () => {
  // Its sockets closed, then its processes ended, then its schema dropped, after it.
  const processes = useProcesses();
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  let procs: ServerProcess[] = [];
  let ev: CreateEventResult;

  beforeAll(async () => {
    schema = await tempSchema();
    processes.after(() => schema.drop());
    const env = { DATABASE_URL, DATABASE_SCHEMA: schema.name, REDIS_URL, PERSIST_DEBOUNCE_MS: '20' };
    procs = await Promise.all([1, 2, 3].map(() => processes.spawn(env)));
    ev = await createEvent(procs[0]!.url, 1);
  }, 90_000);

  it('450 ideas posted at once through three processes occupy 450 distinct slots', async () => {
    const atelierId = ev.ateliers[0]!.id;
    // Ten phones per process, each posting 15 ideas as fast as acks come back (within a
    // phone's rate-limit burst, so no post is refused).
    const phones = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const socket = await connect(procs[i % 3]!.url);
        processes.open.push(socket);
        must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym: `Tel ${i}` }));
        must(await call(socket, C.enterAtelier, { atelierId }));
        return socket;
      }),
    );
    await Promise.all(phones.map(async (socket, i) => {
      for (let k = 0; k < 15; k++) must(await call(socket, C.postIdea, { id: randomUUID(), atelierId, text: `idée ${i}-${k}` }, 20_000));
    }));
    const walls = procs.map((p) => openBoard(p.url, ev.ateliers[0]!.boardId, ev.adminToken));
    await Promise.all(walls.map((w) => w.synced));
    for (const [i, wall] of walls.entries()) {
      const seen = () => `${readIdeaCards(wall.doc).length} cards, ${boardMaps(wall.doc).layout.size} spots`;
      await waitFor(() => seen() === '450 cards, 450 spots', 15_000, `all 450 stickies on the wall of process ${i + 1}`).catch((err: Error) => {
        throw new Error(`${err.message}: ${seen()}`);
      });
      const spots = readIdeaCards(wall.doc).map((c) => JSON.stringify(readPosition(wall.doc, c.id)));
      expect(new Set(spots).size).toBe(450);
      wall.destroy();
    }
  }, 120_000);
});
