import { describe, expect, it } from 'vitest';
import { C, readClusters, type PresentState } from '@semis/shared';
import { call, facilitator, must, untilServerDoc, waitFor } from '../support/harness';
import { seedWall } from '../support/room';
import { twoProcessesAvailable, useTwoProcesses } from '../support/two-processes';

/**
 * *Présenter* counts the clusters every process reads alike. The console's process used to count
 * its own copy of the wall, clusters not stored yet included, and a clicker on another process
 * its copy, loaded from the database without them: "next" pressed on the projector right after
 * "Présenter" went back to nothing on screen (CI: cluster.test's présenter test, under load).
 */
const available = await twoProcessesAvailable('presenting across processes');

type Ack = { state: PresentState | null };

describe.skipIf(!available)('a projector on a second process stepping what the first one started', () => {
  const cluster = useTwoProcesses();
  const { suite } = cluster;

  it('counts the same clusters on both processes while the wall’s clusters are still being stored', async () => {
    const { a, b, ev } = cluster;
    const atelierId = ev.ateliers[0]!.id;
    const boardId = ev.ateliers[0]!.boardId;
    // A's log takes no wall edit until released: the clusters below reach A's copy only.
    const storage = a.semis.storage;
    const append = storage.appendBoardUpdate.bind(storage);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const { wall, sockets } = await seedWall(a.url, ev, ev.ateliers[0]!, [
      { title: 'Mobilité', texts: ['navette'] },
      { title: 'Santé', texts: ['médecin'] },
      { title: 'Circuits courts', texts: ['marché'] },
    ]);
    storage.appendBoardUpdate = async (id, update) => {
      await held;
      return append(id, update);
    };
    suite.open.push(...sockets);
    suite.boards.push(wall);
    const [consoleA, projectorB] = await Promise.all([facilitator(a.url, ev.adminToken), facilitator(b.url, ev.adminToken)]);
    suite.open.push(consoleA, projectorB);
    try {
      await untilServerDoc(a, boardId, (doc) => readClusters(doc).length === 3, 'three clusters in A’s copy');
      const started = must(await call<Ack>(consoleA, C.present, { action: 'start', atelierId, kind: 'clusters' })).state!;
      const stepped = must(await call<Ack>(projectorB, C.present, { action: 'step', atelierId, delta: 1 })).state!;
      expect(stepped.count, `A started over ${started.count} clusters, B stepped over ${stepped.count}`).toBe(started.count);
    } finally {
      storage.appendBoardUpdate = append;
      release();
    }
    // Once stored, both count three, and B steps from where A started.
    await waitFor(async () => must(await call<Ack>(consoleA, C.present, { action: 'start', atelierId, kind: 'clusters' })).state?.count === 3, 5000, 'three clusters stored');
    expect(must(await call<Ack>(projectorB, C.present, { action: 'step', atelierId, delta: 1 })).state).toEqual({ atelierId, kind: 'clusters', index: 1, count: 3, itemId: 'cl-1' });
  }, 60_000);
});
