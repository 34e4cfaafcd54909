import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { C, WS_CLOSE, readIdeaCards, type CreateEventResult, type IdeaView, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, openBoard, startServer, syncedBoards, useServer, waitFor, type BoardClient } from '../support/harness';
import { seeded } from '../support/random';
import { closeOf, inbox, openRaw, syncMessage, updateMessage, wsUrl } from '../support/yjsRaw';
import { MAX_BATCH_BYTES, type RoomListener } from '../../server/src/yjs/room';
import { CONNECTION_LIMITS } from '../../server/src/yjs/limits';

// A heartbeat long enough for a reader to stall on purpose without being dropped.
const suite = useServer({ config: { yjsHeartbeatMs: 60_000 } });
let ev: CreateEventResult;
let phone: JoinResult;

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 3);
  const s = await connect(suite.server.url);
  phone = must(await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: 'Léa' }));
  s.disconnect();
});

const socketOf = (ws: unknown) => (ws as { _socket: Socket })._socket;
const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');
/** Bytes queued on the /yjs socket that has most. */
const mostQueued = () => Math.max(0, ...[...suite.server.semis.yjs.connections].map((c) => c.buffered));
const roomOf = (boardId: string) => suite.server.semis.registry.use(boardId, (r) => r);

async function converged(clients: BoardClient[], boardId: string, what: string) {
  const room = await roomOf(boardId);
  for (const [i, c] of clients.entries()) await waitFor(() => stateVector(c.doc) === stateVector(room.doc), 20_000, `${what} ${i} converged`);
}

describe('fan-out', () => {
  it('acknowledges an idea before the board’s fan-out finishes, however slow sending is', async () => {
    const atelier = ev.ateliers[0]!;
    const room = await suite.server.semis.registry.acquire(atelier.boardId);
    let calls = 0;
    let sentAt = 0;
    // A transport that takes 300 ms to get a frame out (150 phones on a slow link, say).
    const slow: RoomListener = {
      sendUpdate: () => {
        calls += 1;
        setTimeout(() => (sentAt = Date.now()), 300);
      },
      sendAwareness: () => {},
    };
    room.listeners.add(slow);
    // The services' critical path (apply to the document, return) never runs the fan-out.
    await suite.server.semis.registry.use(atelier.boardId, (r) => r.doc.getMap('layout').set('probe', { x: 1, y: 1 }));
    expect(calls).toBe(0);
    await waitFor(() => calls === 1, 3000, 'fan-out after the write returned');
    // That frame's slow send ends before the idea's is timed (else its end is taken for the idea's).
    await waitFor(() => sentAt > 0, 3000, 'the first frame sent');

    const s = await connect(suite.server.url);
    must(await call(s, C.join, { code: ev.event.joinCode, pseudonym: 'Malik' }));
    sentAt = 0;
    const idea = must(await call<{ idea: IdeaView }>(s, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Un marché de producteurs' })).idea;
    const acked = Date.now();
    await waitFor(() => sentAt > 0, 3000, 'fan-out sent');
    expect(acked, `acked ${sentAt - acked} ms before the fan-out's frame was out`).toBeLessThan(sentAt);
    expect(readIdeaCards(room.doc).some((c) => c.id === idea.id)).toBe(true);
    room.listeners.delete(slow);
    suite.server.semis.registry.release(atelier.boardId);
    s.disconnect();
  });

  it('merges a burst into a few frames, identical for every connection', async () => {
    const boardId = ev.ateliers[1]!.boardId;
    const readers = await Promise.all([0, 1, 2].map(() => openRaw(wsUrl(suite.server.url, boardId, phone.token))));
    const boxes = readers.map((ws) => inbox(ws));
    const writer = await openRaw(wsUrl(suite.server.url, boardId, ev.adminToken));
    // What loading the board wrote went out at once, maybe before every reader was there.
    await (await roomOf(boardId)).flush();
    await new Promise((r) => setTimeout(r, 50));
    for (const box of boxes) box.length = 0;
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => writer.send(updateMessage(u)));
    for (let i = 0; i < 60; i++) doc.getMap('layout').set(`burst${i}`, { x: i, y: i });
    const room = await roomOf(boardId);
    await waitFor(() => room.doc.getMap('layout').has('burst59'), 3000, 'burst stored');
    const updates = (k: number) => boxes[k]!.filter((m) => m.sync === syncProtocol.messageYjsUpdate);
    await waitFor(() => updates(0).some((m) => Y.decodeUpdate(m.payload).structs.some((s) => 'parentSub' in s && s.parentSub === 'burst59')), 3000, 'reader got the burst');
    expect(updates(0).length).toBeLessThan(10);
    const bytes = (k: number) => updates(k).map((m) => Buffer.from(m.payload).toString('base64'));
    await waitFor(() => bytes(1).length === bytes(0).length && bytes(2).length === bytes(0).length, 3000, 'same frames everywhere');
    expect(bytes(1)).toEqual(bytes(0));
    expect(bytes(2)).toEqual(bytes(0));
    for (const ws of [...readers, writer]) ws.close();
  });
});

describe('slow and stalled connections', () => {
  it('keeps a stalled reader’s queue bounded during heavy drawing; it converges once it reads again', async () => {
    const boardId = ev.ateliers[2]!.boardId;
    const [healthy, editor] = await syncedBoards(suite.server.url, boardId, phone.token, ev.adminToken);
    // A phone that stops reading from the start, so its kernel buffers stay small (loopback
    // grows them up to 32 MiB for a socket that reads).
    const stalled = await openRaw(wsUrl(suite.server.url, boardId, phone.token));
    socketOf(stalled).pause();
    const stalledDoc = new Y.Doc();
    inbox(stalled, (m) => m.sync !== undefined && m.sync > 0 && Y.applyUpdate(stalledDoc, m.payload));
    stalled.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(stalledDoc)));

    // 25 MB of drawing — more than loopback's kernel buffers absorb (≈ 15 MB here) — written
    // by the server itself so no writer's budget caps it.
    let maxQueued = 0;
    const rssBefore = process.memoryUsage().rss;
    const room = await suite.server.semis.registry.acquire(boardId);
    const stroke = 'x'.repeat(100_000);
    for (let i = 0; i < 250; i++) {
      room.doc.getMap('layout').set(`stroke${i % 30}`, { i, stroke });
      if (i % 10 === 0) editor.doc.getMap('layout').set('pen', { i });
      await new Promise((r) => setTimeout(r, 2));
      maxQueued = Math.max(maxQueued, mostQueued());
    }
    suite.server.semis.registry.release(boardId);
    await converged([healthy, editor], boardId, 'healthy client');
    maxQueued = Math.max(maxQueued, mostQueued());
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    console.log(`[yjs-flow] stalled reader: max queued ${(maxQueued / 1024).toFixed(0)} KiB on the server, RSS growth ${(rssGrowth / 2 ** 20).toFixed(0)} MB`);
    // The high water mark plus one frame (a batch of at most 1 MiB, or one larger update).
    expect(maxQueued).toBeLessThan(CONNECTION_LIMITS.highWaterBytes + MAX_BATCH_BYTES + 256 * 1024);

    socketOf(stalled).resume();
    await waitFor(() => stateVector(stalledDoc) === stateVector(room.doc), 20_000, 'stalled reader converged');
    stalled.close();
    for (const c of [healthy, editor]) c.destroy();
  }, 60_000);

  it('drops a connection that stops answering pings, and keeps one that answers', async () => {
    const local = await startServer({ config: { yjsHeartbeatMs: 150 } });
    try {
      const e = await createEvent(local.url, 1);
      const url = wsUrl(local.url, e.ateliers[0]!.boardId, e.adminToken);
      const [dead, live] = await Promise.all([openRaw(url), openRaw(url)]);
      const dropped = closeOf(dead);
      socketOf(dead).pause(); // reads nothing, so answers no ping
      await waitFor(() => local.semis.yjs.connections.size === 1, 5000, 'dead connection dropped');
      expect(live.readyState).toBe(live.OPEN);
      socketOf(dead).resume();
      expect((await dropped).code).toBe(1006);
      live.close();
    } finally {
      await local.stop();
    }
  });

  it('converges through seeded random stalls and reconnects while a writer keeps drawing', async () => {
    const rand = seeded(4242);
    const boardId = ev.ateliers[2]!.boardId;
    const readers = Array.from({ length: 4 }, () => openBoard(suite.server.url, boardId, phone.token));
    const editors = [openBoard(suite.server.url, boardId, ev.adminToken), openBoard(suite.server.url, boardId, ev.adminToken)];
    await Promise.all([...readers, ...editors].map((c) => c.synced));
    for (let step = 0; step < 80; step++) {
      const e = editors[Math.floor(rand() * editors.length)]!;
      e.doc.getMap('layout').set(`k${Math.floor(rand() * 40)}`, { x: Math.floor(rand() * 1000), pad: 'p'.repeat(Math.floor(rand() * 20_000)) });
      if (rand() < 0.3) e.doc.getMap('layout').delete(`k${Math.floor(rand() * 40)}`);
      const r = readers[Math.floor(rand() * readers.length)]!;
      const roll = rand();
      const sock = r.provider.ws ? socketOf(r.provider.ws) : null;
      if (roll < 0.1) sock?.pause();
      else if (roll < 0.25) sock?.resume();
      else if (roll < 0.3) r.provider.disconnect();
      else if (roll < 0.4 && !r.provider.shouldConnect) r.provider.connect();
      await new Promise((res) => setTimeout(res, Math.floor(rand() * 15)));
    }
    for (const r of readers) {
      if (r.provider.ws) socketOf(r.provider.ws).resume();
      if (!r.provider.shouldConnect) r.provider.connect();
    }
    await converged([...editors, ...readers], boardId, 'client');
    for (const c of [...readers, ...editors]) c.destroy();
  });
});

describe('the server’s state vector is the truth', () => {
  it('tells a reader holding edits the server lacks to start over (4410); a writer re-sends them', async () => {
    const boardId = ev.ateliers[1]!.boardId;
    const ahead = new Y.Doc();
    ahead.getMap('layout').set('lost-in-a-crash', { x: 1, y: 1 });
    const reader = await openRaw(wsUrl(suite.server.url, boardId, phone.token));
    const closed = closeOf(reader);
    reader.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(ahead)));
    expect(await closed).toEqual({ code: WS_CLOSE.RESYNC, reason: 'document ahead of the server' });

    const writer = openBoard(suite.server.url, boardId, ev.adminToken);
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(ahead));
    await writer.synced;
    const room = await roomOf(boardId);
    await waitFor(() => room.doc.getMap('layout').has('lost-in-a-crash'), 3000, 'writer re-sent');
    writer.destroy();
  });
});

describe('the size cap measures the document', () => {
  it('never refuses 1,000 moves of one stroke while the document stays small', async () => {
    // A 256 KiB cap, so that 1,000 moves (≈ 2 MB of history) go far past it quickly, and a
    // message rate that lets them through in one go.
    const local = await startServer({ config: { yjsLimits: { maxDocBytes: 256 * 1024, burst: 2000, perSecond: 1000 } } });
    try {
      const e = await createEvent(local.url, 1);
      const boardId = e.ateliers[0]!.boardId;
      const writer = await openRaw(wsUrl(local.url, boardId, e.adminToken));
      let closed: { code: number } | null = null;
      void closeOf(writer).then((c) => (closed = c));
      const doc = new Y.Doc();
      const stroke = Array.from({ length: 200 }, (_, k) => k * 1.5);
      doc.on('update', (u: Uint8Array) => writer.send(updateMessage(u)));
      for (let i = 0; i < 1000 && !closed; i++) {
        doc.getMap('layout').set('stroke', { x: i, y: i, points: stroke });
        if (i % 100 === 99) await new Promise((r) => setTimeout(r, 10));
      }
      const room = await local.semis.registry.use(boardId, (r) => r);
      await waitFor(() => (room.doc.getMap('layout').get('stroke') as { x?: number } | undefined)?.x === 999 || closed !== null, 10_000, 'last move stored');
      expect(closed).toBeNull();
      expect(Y.encodeStateAsUpdate(room.doc).byteLength).toBeLessThan(20_000);

      // A document really past the cap is refused, with the code and reason the client shows.
      const big = new Y.Doc();
      big.on('update', (u: Uint8Array) => writer.send(updateMessage(u)));
      for (let i = 0; i < 40 && !closed; i++) {
        big.getMap('layout').set(`big${i}`, 'x'.repeat(10_000));
        await new Promise((r) => setTimeout(r, 10));
      }
      await waitFor(() => closed !== null, 5000, 'refused for size');
      expect(closed).toEqual({ code: WS_CLOSE.DOC_TOO_LARGE, reason: 'document too large' });
    } finally {
      await local.stop();
    }
  }, 60_000);
});

describe('storage outage', () => {
  it('stores edits made during an outage by itself once storage is back, and never unloads the board meanwhile', async () => {
    const local = await startServer({ config: { boardIdleMs: 50 } });
    try {
      const e = await createEvent(local.url, 1);
      const boardId = e.ateliers[0]!.boardId;
      const { storage, registry } = local.semis;
      // The outage, at the database driver under the board log.
      let down = true;
      let failures = 0;
      const boards = storage.boards as unknown as { db: object };
      const driver = boards.db;
      boards.db = new Proxy(driver, {
        get(target, key) {
          if (key === 'transaction' && down)
            return async () => {
              failures += 1;
              throw new Error('database unavailable');
            };
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const editor = openBoard(local.url, boardId, e.adminToken);
      await editor.synced;
      for (let i = 0; i < 10; i++) editor.doc.getMap('layout').set(`moved${i}`, { x: i, y: i });
      await waitFor(() => failures >= 2, 5000, 'writes failing');
      editor.destroy();
      // Idle, and the idle delay long past: the board must stay loaded with its edits.
      await new Promise((r) => setTimeout(r, 400));
      expect(registry.loaded()).toContain(boardId);
      down = false;
      await waitFor(() => !registry.loaded().includes(boardId), 10_000, 'stored, then unloaded');
      // What a restart would load:
      const state = await storage.loadBoard(boardId);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, Y.mergeUpdates(state.snapshot ? [state.snapshot, ...state.updates] : state.updates));
      for (let i = 0; i < 10; i++) expect(stored.getMap('layout').get(`moved${i}`)).toEqual({ x: i, y: i });
    } finally {
      await local.stop();
    }
  });
});
