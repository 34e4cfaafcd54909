import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import WS from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, WS_CLOSE, moveIdea, readPosition, type CreateEventResult, type GroupView, type JoinResult } from '@semis/shared';
import { api, call, connect, createEvent, must, openBoard, postedIdea, syncedBoards, sleep, useServer, waitFor } from '../support/harness';
import { adminGroup, boardOf } from '../support/posters';
import { awarenessMessage, awarenessUpdate, closeOf, inbox, openRaw, siblingBomb, syncMessage, updateMessage, upgradeStatus, wsUrl } from '../support/yjsRaw';

const PUBLIC_URL = 'https://semis.example.org';
const suite = useServer({ config: { publicUrl: PUBLIC_URL } });
let ev: CreateEventResult;
let participant: JoinResult;
let ideaId: string;

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 2);
  ({ participant, ideaId } = await postedIdea(suite.server.url, ev, 'Une épicerie solidaire'));
});

const alive = async () => expect((await api(suite.server.url, '/api/health')).status).toBe(200);

/** An update whose first struct depends on a clock the server never saw (a clock gap). */
function gapUpdate(bytes: number, clientID = Math.floor(Math.random() * 2 ** 31)): { gap: Uint8Array; missing: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, 'a');
  const missing = Y.encodeStateAsUpdate(doc);
  const sv = Y.encodeStateVector(doc);
  doc.getText('t').insert(1, 'x'.repeat(bytes));
  return { gap: Y.encodeStateAsUpdate(doc, sv), missing };
}

describe('y-websocket upgrade: hostile requests', () => {
  it('answers a malformed percent-escape in the path or query with 400 and keeps serving', async () => {
    expect(await upgradeStatus(`${suite.server.url.replace(/^http/, 'ws')}/yjs/%E0%A4%A`)).toBe(400);
    expect(await upgradeStatus(`${suite.server.url.replace(/^http/, 'ws')}/yjs/%E0%A4%A?token=${ev.adminToken}`)).toBe(400);
    expect(await upgradeStatus(`${suite.server.url.replace(/^http/, 'ws')}/yjs/a%2Fb`)).toBe(400);
    // In the query too (docs/protocol.md: "a malformed path or query (bad percent-escape …) → 400").
    const board = `${suite.server.url.replace(/^http/, 'ws')}/yjs/${ev.ateliers[0]!.boardId}`;
    expect(await upgradeStatus(`${board}?token=%E0%A4%A`)).toBe(400);
    expect(await upgradeStatus(`${board}?token=${ev.adminToken}&protocol=%ZZ`)).toBe(400);
    expect(await upgradeStatus(`${board}?to%ZZken=${ev.adminToken}`)).toBe(400);
    expect(await upgradeStatus(wsUrl(suite.server.url, 'x'.repeat(300), ev.adminToken))).toBe(400);
    await alive();
    expect(await upgradeStatus(wsUrl(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken))).toBe(101);
  });

  it('releases what a handshake held when ws refuses it (a bad Sec-WebSocket-Key)', async () => {
    const s = await connect(suite.server.url);
    const other = must(await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: 'Clé' }));
    s.disconnect();
    const { port } = new URL(suite.server.url);
    const bad = () =>
      new Promise<string>((resolve) => {
        const sock = net.connect(Number(port), '127.0.0.1', () =>
          sock.write(
            `GET /yjs/${ev.ateliers[0]!.boardId}?token=${other.token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              'Sec-WebSocket-Key: not-a-key\r\nSec-WebSocket-Version: 13\r\n\r\n',
          ),
        );
        let got = '';
        sock.on('data', (d) => (got += d.toString()));
        sock.on('close', () => resolve(got.split('\r\n')[0] ?? ''));
        sock.on('error', () => {});
      });
    // More than the 16 connections one participant may hold: none of them may stay counted.
    for (let i = 0; i < 20; i++) expect(await bad()).toMatch(/^HTTP\/1\.1 400/);
    expect(await upgradeStatus(wsUrl(suite.server.url, ev.ateliers[0]!.boardId, other.token))).toBe(101);
  });

  it('closes the socket of a client that hangs up while its board loads', async () => {
    // Before, it stayed half-open for good: a descriptor per abandoned handshake, and a server
    // that never finished stopping (CI: posters-convergence's providers reconnecting).
    const { semis, url } = suite.server;
    const fresh = await createEvent(url, 1);
    const boardId = fresh.ateliers[0]!.boardId;
    let loading!: () => void;
    let resume!: () => void;
    const entered = new Promise<void>((r) => (loading = r));
    const held = new Promise<void>((r) => (resume = r));
    const load = semis.storage.loadBoard.bind(semis.storage);
    semis.storage.loadBoard = async (id) => {
      if (id === boardId) {
        loading();
        await held;
      }
      return load(id);
    };
    let serverSide: Duplex | undefined;
    const seen = (_req: unknown, socket: Duplex) => (serverSide = socket);
    semis.http.on('upgrade', seen);
    try {
      const client = new WS(wsUrl(url, boardId, fresh.adminToken));
      client.on('error', () => {});
      await entered;
      client.terminate();
      await waitFor(() => serverSide?.readable === false, 5000, 'the server to see the client hang up');
      resume();
      await waitFor(() => serverSide!.destroyed, 5000, 'the server to close the abandoned socket');
    } finally {
      semis.storage.loadBoard = load;
      semis.http.off('upgrade', seen);
      resume();
    }
    expect(await upgradeStatus(wsUrl(url, boardId, fresh.adminToken))).toBe(101);
  });

  it('checks Origin against the served origin and PUBLIC_URL', async () => {
    const url = wsUrl(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    expect(await upgradeStatus(url, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { Origin: 'null' })).toBe(403);
    expect(await upgradeStatus(url, { Origin: suite.server.url })).toBe(101);
    expect(await upgradeStatus(url, { Origin: PUBLIC_URL })).toBe(101);
    expect(await upgradeStatus(url)).toBe(101); // not a browser: the token decides
  });
});

describe('y-websocket: updates with missing dependencies', () => {
  it('holds a small gap, never sends it to readers, and integrates it once the missing part comes', async () => {
    const boardId = ev.ateliers[1]!.boardId;
    const writer = await openRaw(wsUrl(suite.server.url, boardId, ev.adminToken));
    const { gap, missing } = gapUpdate(30_000);
    writer.send(updateMessage(gap));
    const room = await suite.server.semis.registry.use(boardId, (r) => r);
    await waitFor(() => room.pendingBytes > 30_000, 3000, 'gap held');

    const reader = await openRaw(wsUrl(suite.server.url, boardId, participant.token));
    const got = inbox(reader);
    reader.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => got.some((m) => m.sync === syncProtocol.messageYjsSyncStep2), 3000, 'sync step 2');
    expect(got.find((m) => m.sync === syncProtocol.messageYjsSyncStep2)!.bytes).toBeLessThan(5000);

    writer.send(updateMessage(missing));
    await waitFor(() => room.doc.getText('t').length === 30_001, 3000, 'gap integrated');
    expect(room.pendingBytes).toBe(0);
    await waitFor(() => got.reduce((n, m) => n + m.bytes, 0) > 30_000, 3000, 'reader gets the integrated text');
    writer.close();
    reader.close();
  });

  it('closes a writer piling up gaps (4409), drops them, and new readers sync small', async () => {
    const boardId = ev.ateliers[0]!.boardId;
    const writer = await openRaw(wsUrl(suite.server.url, boardId, ev.adminToken));
    const closed = closeOf(writer);
    for (let i = 0; i < 10; i++) writer.send(updateMessage(gapUpdate(40_000).gap));
    expect((await closed).code).toBe(WS_CLOSE.MISSING_DEPENDENCIES);
    const room = await suite.server.semis.registry.use(boardId, (r) => r);
    expect(room.pendingBytes).toBe(0);

    const reader = openBoard(suite.server.url, boardId, participant.token);
    await reader.synced;
    expect(Y.encodeStateAsUpdate(reader.doc).byteLength).toBeLessThan(10_000);
    reader.destroy();
    await alive();
  });
});

describe('y-websocket: budgets per participant and awareness', () => {
  it('one participant writing to two group boards at once shares one byte budget (4429)', async () => {
    const groups: GroupView[] = [await adminGroup(suite.server.url, ev, 'Le bourg', false, 0), await adminGroup(suite.server.url, ev, 'La vallée', false, 1)];
    const s = await connect(suite.server.url);
    must(await call(s, C.subscribePosters, { token: participant.token }));
    for (const g of groups) must(await call(s, C.joinGroup, { groupId: g.group.id }));
    const sockets = await Promise.all(groups.map((g) => openRaw(wsUrl(suite.server.url, boardOf(g, 'poster'), participant.token))));
    const closes = sockets.map((ws) => closeOf(ws));
    const sent = [0, 0];
    let refused: { code: number } | null = null;
    void Promise.race(closes).then((c) => (refused = c));
    // 12 × 700 KB = 8.4 MB: under two 16 MiB document caps, far over one participant's budget.
    for (let i = 0; i < 12 && !refused; i++) {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, randomUUID().repeat(20_000));
      const k = i % 2;
      sockets[k]!.send(updateMessage(Y.encodeStateAsUpdate(doc)));
      sent[k]! += 1;
      await new Promise((r) => setTimeout(r, 20));
    }
    const first = await Promise.race(closes);
    expect(first.code).toBe(WS_CLOSE.RATE_LIMITED);
    const stored = await Promise.all(groups.map((g) => suite.server.semis.registry.use(boardOf(g, 'poster'), (r) => Y.encodeStateAsUpdate(r.doc).byteLength)));
    expect(stored[0]! + stored[1]!).toBeLessThan(6.5 * 1024 * 1024);
    for (const ws of sockets) ws.close();
    s.disconnect();
  });

  it('a writer cannot show thousands of fake cursors, nor speak for another client', async () => {
    const boardId = ev.ateliers[1]!.boardId;
    const [watcher, honest] = await syncedBoards(suite.server.url, boardId, ev.adminToken, ev.adminToken);
    honest.provider.awareness.setLocalState({ user: 'honest' });
    await waitFor(() => watcher.provider.awareness.getStates().has(honest.doc.clientID), 3000, 'honest cursor');

    const flooder = await openRaw(wsUrl(suite.server.url, boardId, ev.adminToken));
    const fake = Array.from({ length: 10_000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: { user: `fake${i}` } }));
    flooder.send(awarenessMessage(awarenessUpdate(fake)));
    flooder.send(awarenessMessage(awarenessUpdate([{ clientId: honest.doc.clientID, clock: 99, state: { user: 'spoofed' } }])));
    flooder.send(awarenessMessage(awarenessUpdate([{ clientId: 7, clock: 1, state: { user: 'x'.repeat(40_000) } }])));
    // A legitimate later change proves the flood was processed before it.
    honest.provider.awareness.setLocalStateField('user', 'honest2');
    await waitFor(() => (watcher.provider.awareness.getStates().get(honest.doc.clientID) as { user?: string } | undefined)?.user === 'honest2', 3000, 'honest update');
    const users = [...watcher.provider.awareness.getStates().values()].map((s) => (s as { user?: string }).user ?? '');
    expect(users.filter((u) => u.startsWith('fake')).length).toBeLessThanOrEqual(4);
    expect(users).not.toContain('spoofed');
    expect(users.some((u) => u.length > 1000)).toBe(false);
    flooder.close();
    watcher.destroy();
    honest.destroy();
  });

  it('one awareness message cannot speak for more than 4 client ids', async () => {
    const boardId = ev.ateliers[1]!.boardId;
    const [watcher] = await syncedBoards(suite.server.url, boardId, ev.adminToken);
    const writer = await openRaw(wsUrl(suite.server.url, boardId, ev.adminToken));
    const five = Array.from({ length: 5 }, (_, i) => ({ clientId: 2_000_000 + i, clock: 1, state: { user: `five${i}` } }));
    writer.send(awarenessMessage(awarenessUpdate(five)));
    await waitFor(() => [...watcher.provider.awareness.getStates().values()].some((s) => (s as { user?: string }).user === 'five0'), 3000, 'the first ids relayed');
    await sleep(200);
    const users = [...watcher.provider.awareness.getStates().values()].map((s) => (s as { user?: string }).user ?? '');
    expect(users.filter((u) => u.startsWith('five')).sort()).toEqual(['five0', 'five1', 'five2', 'five3']);
    writer.close();
    watcher.destroy();
  });
});

describe('y-websocket: the ideas map is written by the server only', () => {
  it('drops a facilitator’s writes to ideas: no reader ever shows them', async () => {
    const boardId = ev.ateliers[0]!.boardId;
    const [reader, wall] = await syncedBoards(suite.server.url, boardId, participant.token, ev.adminToken);
    const seen: string[] = [];
    reader.doc.getMap('ideas').observe(() => {
      for (const [k, v] of reader.doc.getMap('ideas').entries()) seen.push(`${k}:${(v as { text?: string }).text}`);
    });
    const original = (reader.doc.getMap('ideas').get(ideaId) as { text: string }).text;

    wall.doc.getMap('ideas').set('forged', { id: 'forged', text: 'fausse carte', authorId: 'x', author: 'x', createdAt: 'x', updatedAt: 'x' });
    wall.doc.getMap('ideas').set(ideaId, { ...(wall.doc.getMap('ideas').get(ideaId) as object), text: 'texte falsifié' });
    moveIdea(wall.doc, ideaId, { x: 77, y: 88 });
    await waitFor(() => readPosition(reader.doc, ideaId)?.x === 77, 3000, 'the legitimate move');
    await waitFor(() => wall.doc.getMap('ideas').get('forged') === undefined, 3000, 'writer told the truth');

    expect(seen.join('\n')).not.toContain('fausse carte');
    expect(seen.join('\n')).not.toContain('texte falsifié');
    expect((reader.doc.getMap('ideas').get(ideaId) as { text: string }).text).toBe(original);
    const serverDoc = await suite.server.semis.registry.use(boardId, (r) => r.doc);
    expect(serverDoc.getMap('ideas').has('forged')).toBe(false);
    expect((serverDoc.getMap('ideas').get(ideaId) as { text: string }).text).toBe(original);
    reader.destroy();
    wall.destroy();
  });
});

describe('y-websocket: a poster’s background is set by the server only', () => {
  it('undoes a board writer’s own background (it must point at an upload the server checked), keeps its shapes', async () => {
    const group = await adminGroup(suite.server.url, ev, 'Fond imposé');
    const boardId = boardOf(group, 'poster');
    const [reader, writer] = await syncedBoards(suite.server.url, boardId, ev.adminToken, ev.adminToken);
    const seen: unknown[] = [];
    reader.doc.getMap('settings').observe(() => seen.push(reader.doc.getMap('settings').get('background')));

    writer.doc.getMap('settings').set('background', { assetId: '00000000-0000-4000-8000-000000000000', width: 800, height: 600 });
    writer.doc.getMap('shapes').set('s1', { id: 's1', kind: 'point' });
    await waitFor(() => reader.doc.getMap('shapes').has('s1'), 3000, 'the shape');
    await waitFor(() => !writer.doc.getMap('settings').has('background'), 3000, 'writer told the truth');

    expect(seen.filter((b) => b !== undefined)).toEqual([]);
    const serverDoc = await suite.server.semis.registry.use(boardId, (r) => r.doc);
    expect(serverDoc.getMap('settings').has('background')).toBe(false);
    expect(serverDoc.getMap('shapes').has('s1')).toBe(true);
    reader.destroy();
    writer.destroy();
  });
});

describe('y-websocket: updates that are slow to integrate', () => {
  it('refuses many concurrent inserts at one place (4400) before applying them, in one update or added up', async () => {
    const boardId = ev.ateliers[1]!.boardId;
    const room = await suite.server.semis.registry.use(boardId, (r) => r);
    // 2,000 entries for one key from 2,000 client ids: n² to integrate (40,000 held the loop a minute).
    const bomb = await openRaw(wsUrl(suite.server.url, boardId, ev.adminToken));
    const closed = closeOf(bomb);
    bomb.send(updateMessage(siblingBomb(2000, 'layout', 'bomb')));
    expect((await closed).code).toBe(WS_CLOSE.MALFORMED);
    expect(room.doc.getMap('layout').has('bomb')).toBe(false);

    // Small bombs, each under the per-update bound, are counted together on the board.
    const drip = await openRaw(wsUrl(suite.server.url, boardId, ev.adminToken));
    const dripClosed = closeOf(drip);
    for (let i = 0; i < 5; i++) drip.send(updateMessage(siblingBomb(20, 'layout', 'drip', 10_000 + i * 20)));
    expect((await dripClosed).code).toBe(WS_CLOSE.MALFORMED);
    expect(room.doc.store.clients.size).toBeLessThan(100);

    // An honest writer goes on.
    const [wall] = await syncedBoards(suite.server.url, boardId, ev.adminToken);
    moveIdea(wall.doc, 'some-idea', { x: 5, y: 6 });
    await waitFor(() => room.doc.getMap('layout').has('some-idea'), 3000, 'an honest move');
    wall.destroy();
    await alive();
  });

  it('refuses an archive whose board state is such a bomb, without applying it', async () => {
    const res = await fetch(suite.server.url + API.adminArchive, { headers: { Authorization: `Bearer ${ev.adminToken}` } });
    const archive = (await res.json()) as { boards: { state: string }[] };
    archive.boards[0]!.state = Buffer.from(siblingBomb(5000, 'layout', 'bomb')).toString('base64');
    const out = await api<{ error: { code: string; field?: string } }>(suite.server.url, API.importEvent, { raw: JSON.stringify(archive) });
    expect(out.status).toBe(400);
    expect(out.body.error).toMatchObject({ code: 'ARCHIVE_INVALID', field: 'boards.0.state' });
  });
});

describe('y-websocket: a reader that asks without reading', () => {
  it('gets its SyncStep1 answers held back past the high-water mark, then one catch-up once it reads', async () => {
    const wall = await createEvent(suite.server.url, 1);
    const lines = Array.from({ length: 500 }, (_, i) => `Idée ${i} ${'z'.repeat(250)}`).join('\n');
    expect((await api(suite.server.url, API.importIdeas(wall.ateliers[0]!.id), { body: { text: lines }, token: wall.adminToken })).status).toBe(201);
    const phone = await connect(suite.server.url);
    const token = must(await call<{ token: string }>(phone, C.join, { code: wall.event.joinCode, pseudonym: 'Lectrice' })).token;
    phone.close();

    const reader = await openRaw(wsUrl(suite.server.url, wall.ateliers[0]!.boardId, token));
    const got = inbox(reader);
    reader.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => got.some((m) => m.sync === syncProtocol.messageYjsSyncStep2), 3000, 'the board loaded and sent');
    got.length = 0;
    const socket = (reader as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const connections = suite.server.semis.yjs.connections;
    let most = 0;
    // 200 requests, each for the whole board (~150 KB) from a state vector never seen before.
    for (let i = 0; i < 200; i++) {
      reader.send(syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(new Map([[3_000_000 + i, 0]]))));
      await new Promise((r) => setTimeout(r, 2));
      most = Math.max(most, ...[...connections].map((c) => c.buffered));
    }
    // Queued for it: the high-water mark (256 KiB) and one message at most, not 200 boards.
    expect(most).toBeLessThan(1024 * 1024);
    socket.resume();
    // Once it reads, it is caught up: the board reaches it whole.
    await waitFor(() => got.filter((m) => m.sync === syncProtocol.messageYjsSyncStep2 && m.bytes > 100_000).length > 0, 5000, 'a full SyncStep2');
    reader.close();
  }, 20_000);
});
