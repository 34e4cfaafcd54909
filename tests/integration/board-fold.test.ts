import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { C, readIdeaCards } from '@semis/shared';
import { FoldPool } from '../../server/src/yjs/fold-pool';
import { call, createEvent, must, openBoard, participant, useServers } from '../support/harness';
import { wallLog } from '../support/wall-log';
import { DATABASE_URL, probePostgres, tempSchema } from '../support/env';
import { serviceAvailable } from '../support/services';

/** Issue #13: a board's stored log is folded during the evening, and off the main thread. */
const servers = useServers();

const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'board logs folded on PostgreSQL' });

/** Where a server keeps its data: the embedded database, or a PostgreSQL schema of its own. */
const databases: { name: string; options: () => Promise<Parameters<typeof servers.start>[0]> }[] = [{ name: 'SQLite', options: async () => ({}) }];
if (pgOk) {
  databases.push({
    name: 'PostgreSQL',
    options: async () => {
      const schema = await tempSchema();
      servers.after(() => schema.drop());
      return { databaseUrl: DATABASE_URL, config: { databaseSchema: schema.name } };
    },
  });
}

describe.each(databases)('board logs folded during the evening ($name)', ({ options }) => {
  it('compacts a wall whose log grew by posted ideas alone, and loses no card doing it', async () => {
    const opts = await options();
    const server = await servers.start(opts);
    const ev = await createEvent(server.url, 1);
    const atelier = ev.ateliers[0]!;
    // 520 cards, each appended with its idea (a held write): past the 500 appends that fold a log.
    const phones = await Promise.all(Array.from({ length: 26 }, (_, i) => participant(server.url, ev.event.joinCode, `Tel ${i}`, atelier.id)));
    servers.open.push(...phones.map((p) => p.socket));
    await Promise.all(
      phones.map(async ({ socket }, p) => {
        for (let i = 0; i < 20; i++) must(await call(socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: `Idée ${p}-${i} : un marché le samedi` }));
      }),
    );
    // Without a restart or an unload: the log of 520 appends became a snapshot and a short tail.
    await expect.poll(async () => {
      const state = await server.semis.storage.loadBoard(atelier.boardId);
      return state.snapshot !== null && state.updates.length < 100;
    }).toBe(true);

    // What the snapshot holds is the wall: after a restart, every card is there.
    await server.stop();
    const again = await servers.start({ ...opts, dataDir: server.dataDir });
    const board = openBoard(again.url, atelier.boardId, ev.adminToken);
    servers.boards.push(board);
    await board.synced;
    expect(readIdeaCards(board.doc)).toHaveLength(520);
  });
});

describe('fold worker', () => {
  it('folds a long log in its thread while the event loop keeps turning, to the same bytes', async () => {
    const pool = new FoldPool();
    try {
      const parts = wallLog(2000);
      await pool.merge(parts.slice(0, 200)); // the thread started and warm
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 1);
      const folded = await pool.merge(parts);
      clearInterval(timer);
      // In place, the fold would run between two ticks: none could fire during it.
      expect(ticks).toBeGreaterThan(2);
      expect(Buffer.from(folded).equals(Buffer.from(Y.mergeUpdates(parts)))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
