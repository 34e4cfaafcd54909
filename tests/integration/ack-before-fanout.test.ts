import fs from 'node:fs';
import * as Y from 'yjs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { C, readIdeaCards, type IdeaView } from '@semis/shared';
import type { Storage } from '../../server/src/storage/types';
import { call, createEvent, must, openBoard, participant, useServers, waitFor } from '../support/harness';
import { useProcesses, type ServerProcess } from '../support/process';
import type { RoomListener, UpdateBatch } from '../../server/src/yjs/room';

/** Issue #13: an idea is acknowledged once stored and applied to the document, never after
 * the board's fan-out; and nothing acknowledged depends on the fan-out having happened. */
describe('ack before the fan-out', () => {
  // A server per test, each with its config; and the processes the last test kills and restarts.
  const servers = useServers();
  const processes = useProcesses();

  it('acknowledges a post before a slow transport has even started sending it', async () => {
    const server = await servers.start({ config: { persistDebounceMs: 2000 } });
    const ev = await createEvent(server.url, 1);
    const atelier = ev.ateliers[0]!;
    const phone = await participant(server.url, ev.event.joinCode, 'Aline', atelier.id);
    servers.open.push(phone.socket);
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

  it('stores an idea and its card in one commit: acknowledged means both are in storage, shown means both committed', async () => {
    const server = await servers.start();
    const storage = server.semis.storage;
    const ev = await createEvent(server.url, 1);
    const atelier = ev.ateliers[0]!;
    const phone = await participant(server.url, ev.event.joinCode, 'Aline', atelier.id);
    servers.open.push(phone.socket);
    const reader = openBoard(server.url, atelier.boardId, ev.adminToken);
    await reader.synced;
    const storedCards = async () => {
      const { snapshot, updates } = await storage.boards.loadBoard(atelier.boardId);
      const doc = new Y.Doc();
      for (const u of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, u);
      return readIdeaCards(doc).map((c) => c.id);
    };

    // The board's own log appends hang (a write path that never returns): the card of an
    // acknowledged idea must not depend on them, or a crash now leaves a row without its card.
    const append = storage.appendBoardUpdate;
    (storage as { appendBoardUpdate: Storage['appendBoardUpdate'] }).appendBoardUpdate = () => new Promise(() => {});
    try {
      const id = randomUUID();
      must(await call(phone.socket, C.postIdea, { id, atelierId: atelier.id, text: 'Une navette le samedi' }));
      expect(await storedCards()).toContain(id);
      await waitFor(() => readIdeaCards(reader.doc).some((c) => c.id === id), 5000, 'the card on the wall');
    } finally {
      (storage as { appendBoardUpdate: Storage['appendBoardUpdate'] }).appendBoardUpdate = append;
    }

    // The reverse: while the commit holding both is stalled, neither the row nor the card is
    // anywhere to be seen; the ack and the card come once it committed.
    storage.stallCommits!(800);
    const id = randomUUID();
    const t0 = performance.now();
    const acked = call(phone.socket, C.postIdea, { id, atelierId: atelier.id, text: 'Un jardin partagé' });
    await new Promise((r) => setTimeout(r, 400));
    expect(await storage.getIdea(id)).toBeNull();
    expect(await storedCards()).not.toContain(id);
    expect(readIdeaCards(reader.doc).map((c) => c.id)).not.toContain(id);
    must(await acked);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(700);
    expect(await storedCards()).toContain(id);
    await waitFor(() => readIdeaCards(reader.doc).some((c) => c.id === id), 5000, 'the card on the wall after the commit');

    // A transaction that fails after the card was drawn: the card comes off before anyone
    // is sent it; the phone's retry (same id) then puts it on the wall once.
    const insert = storage.insertIdea;
    const failing: Storage['insertIdea'] = (idea, card) =>
      insert(idea, card && ((outcome) => {
        card(outcome);
        throw new Error('the disk went away');
      }));
    (storage as { insertIdea: Storage['insertIdea'] }).insertIdea = failing;
    const lost = randomUUID();
    const frames: string[][] = [];
    const watch = () => frames.push(readIdeaCards(reader.doc).map((c) => c.id));
    reader.doc.on('update', watch);
    try {
      expect((await call(phone.socket, C.postIdea, { id: lost, atelierId: atelier.id, text: 'Une ressourcerie' })).ok).toBe(false);
    } finally {
      (storage as { insertIdea: Storage['insertIdea'] }).insertIdea = insert;
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await storage.getIdea(lost)).toBeNull();
    expect(frames.flat()).not.toContain(lost);
    must(await call(phone.socket, C.postIdea, { id: lost, atelierId: atelier.id, text: 'Une ressourcerie' }));
    await waitFor(() => readIdeaCards(reader.doc).some((c) => c.id === lost), 5000, 'the retried card on the wall');
    expect(await storedCards()).toContain(lost);
    reader.doc.off('update', watch);
    reader.destroy();
  });

  it('loses nothing when the process dies between the commit and the fan-out: the board is rebuilt from storage', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-fanout-crash-'));
    processes.after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    // The first post's board update is logged at once, the others a minute later (the window
    // the first one opened): the kill comes first, always.
    const env = { DATA_DIR: dataDir, PERSIST_DEBOUNCE_MS: '60000' };
    let proc: ServerProcess = await processes.spawn(env);
    const ev = await createEvent(proc.url, 1);
    const atelier = ev.ateliers[0]!;
    const phone = await participant(proc.url, ev.event.joinCode, 'Aline', atelier.id);
    const ids = Array.from({ length: 5 }, () => randomUUID());
    for (const id of ids) must(await call(phone.socket, C.postIdea, { id, atelierId: atelier.id, text: `idée ${id.slice(0, 4)}` }));
    phone.socket.disconnect();
    await proc.kill('SIGKILL');

    proc = await processes.spawn(env);
    const wall = openBoard(proc.url, atelier.boardId, ev.adminToken);
    await wall.synced;
    await waitFor(() => readIdeaCards(wall.doc).length === ids.length, 5000, 'ideas rebuilt on the board');
    expect(readIdeaCards(wall.doc).map((c) => c.id).sort()).toEqual([...ids].sort());
    wall.destroy();
  }, 60_000);
});
