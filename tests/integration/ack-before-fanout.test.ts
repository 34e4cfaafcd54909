import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { C, readIdeaCards, type IdeaView } from '@semis/shared';
import { call, createEvent, must, openBoard, participant, startServer, waitFor, type Client } from '../support/harness';
import { spawnServer, type ServerProcess } from '../support/process';
import type { RoomListener, UpdateBatch } from '../../server/src/yjs/room';

/** Issue #13: an idea is acknowledged once stored and applied to the document, never after
 * the board's fan-out; and nothing acknowledged depends on the fan-out having happened. */
const sockets: Client[] = [];
const stops: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const stop of stops) await stop();
});

describe('ack before the fan-out', () => {
  it('acknowledges a post before a slow transport has even started sending it', async () => {
    const server = await startServer({ config: { persistDebounceMs: 2000 } });
    stops.push(() => server.stop());
    const ev = await createEvent(server.url, 1);
    const atelier = ev.ateliers[0]!;
    const phone = await participant(server.url, ev.event.joinCode, 'Aline', atelier.id);
    sockets.push(phone.socket);
    // A first post goes out at once and opens the board's 2-second coalescing window: the
    // measured post's fan-out waits in it, so (this transport blocking the whole process) an
    // ack that waited for the fan-out would show as `sends` filled and 2.3 s of latency.
    must(await call(phone.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Un premier mot' }));
    await new Promise((r) => setTimeout(r, 100));
    // A transport that takes 300 ms of the server's time for every batch it sends.
    const sends: { at: number; done: number }[] = [];
    const slow: RoomListener = {
      sendUpdate(_batch: UpdateBatch) {
        const at = performance.now();
        while (performance.now() - at < 300) { /* a slow, synchronous transport */ }
        sends.push({ at, done: performance.now() });
      },
      sendAwareness() {},
    };
    await server.semis.registry.use(atelier.boardId, (room) => void room.listeners.add(slow));
    const id = randomUUID();
    const t0 = performance.now();
    const ack = await call<{ idea: IdeaView }>(phone.socket, C.postIdea, { id, atelierId: atelier.id, text: 'Une navette le samedi' });
    const ackAt = performance.now();
    expect(ack.ok).toBe(true);
    expect(sends).toHaveLength(0);
    await waitFor(() => sends.length > 0, 5000, 'the slow fan-out');
    expect(ackAt).toBeLessThan(sends[0]!.done);
    expect(ackAt - t0).toBeLessThan(300);
  });

  it('loses nothing when the process dies between the commit and the fan-out: the board is rebuilt from storage', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-fanout-crash-'));
    stops.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    // The first post's board update is logged at once, the others a minute later (the window
    // the first one opened): the kill comes first, always.
    const env = { DATA_DIR: dataDir, PERSIST_DEBOUNCE_MS: '60000' };
    let proc: ServerProcess = await spawnServer(env);
    stops.push(() => proc.kill('SIGKILL'));
    const ev = await createEvent(proc.url, 1);
    const atelier = ev.ateliers[0]!;
    const phone = await participant(proc.url, ev.event.joinCode, 'Aline', atelier.id);
    const ids = Array.from({ length: 5 }, () => randomUUID());
    for (const id of ids) must(await call(phone.socket, C.postIdea, { id, atelierId: atelier.id, text: `idée ${id.slice(0, 4)}` }));
    phone.socket.disconnect();
    await proc.kill('SIGKILL');

    proc = await spawnServer(env);
    const wall = openBoard(proc.url, atelier.boardId, ev.adminToken);
    await wall.synced;
    await waitFor(() => readIdeaCards(wall.doc).length === ids.length, 5000, 'ideas rebuilt on the board');
    expect(readIdeaCards(wall.doc).map((c) => c.id).sort()).toEqual([...ids].sort());
    wall.destroy();
  }, 60_000);
});
