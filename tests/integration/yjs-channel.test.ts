import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOARD_SCHEMA_VERSION, moveIdea, readIdeaCards, readPosition, type CreateEventResult, type JoinResult } from '@semis/shared';
import { createEvent, openBoard, postedIdea, sleep, syncedBoards, useServer, waitFor } from '../support/harness';
import { closeOf, openRaw, updateMessage, upgradeStatus, wsUrl as rawUrl } from '../support/yjsRaw';

const suite = useServer();
let ev: CreateEventResult;
let participant: JoinResult;
let ideaId: string;

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 1);
  ({ participant, ideaId } = await postedIdea(suite.server.url, ev, 'Une épicerie solidaire'));
});

const wsUrl = (boardId: string, token?: string) => rawUrl(suite.server.url, boardId, token);

describe('y-websocket channel: authentication at the upgrade', () => {
  it('refuses no token and forged tokens with 401', async () => {
    const board = ev.ateliers[0]!.boardId;
    expect(await upgradeStatus(wsUrl(board))).toBe(401);
    expect(await upgradeStatus(wsUrl(board, 'forged-token-forged-token-forged'))).toBe(401);
    expect(await upgradeStatus(wsUrl(board, ev.adminToken))).toBe(101);
  });

  it('refuses a token of another event with 403 and an unknown board with 404', async () => {
    const other = await createEvent(suite.server.url, 1);
    expect(await upgradeStatus(wsUrl(ev.ateliers[0]!.boardId, other.adminToken))).toBe(403);
    expect(await upgradeStatus(wsUrl(randomUUID(), ev.adminToken))).toBe(404);
  });

  it('refuses upgrades on unknown paths', async () => {
    await expect(upgradeStatus(`${suite.server.url.replace(/^http/, 'ws')}/elsewhere`)).rejects.toThrow();
  });
});

describe('y-websocket channel: roles', () => {
  it('drops a participant’s direct writes: they never reach the server doc or other clients', async () => {
    const boardId = ev.ateliers[0]!.boardId;
    const [phone, wall] = await syncedBoards(suite.server.url, boardId, participant.token, ev.adminToken);
    const received: Uint8Array[] = [];
    wall.doc.on('update', (u: Uint8Array) => received.push(u));

    phone.doc.getMap('ideas').set('forged', { id: 'forged', text: 'spam', authorId: 'x', author: 'x', createdAt: 'x', updatedAt: 'x' });
    phone.doc.getMap('layout').set(ideaId, { x: 9999, y: 9999 });
    phone.doc.getMap('meta').set('schemaVersion', 999);

    // A later legitimate write from the facilitator proves the channel is live and ordered.
    moveIdea(wall.doc, ideaId, { x: 10, y: 20 });
    const third = openBoard(suite.server.url, boardId, ev.adminToken);
    await third.synced;
    await waitFor(() => readPosition(third.doc, ideaId)?.x === 10, 3000, 'facilitator move');
    expect(third.doc.getMap('ideas').has('forged')).toBe(false);
    expect(readPosition(third.doc, ideaId)).toEqual({ x: 10, y: 20 });
    expect(third.doc.getMap('meta').get('schemaVersion')).toBe(BOARD_SCHEMA_VERSION);
    expect(wall.doc.getMap('ideas').has('forged')).toBe(false);

    const room = await suite.server.semis.registry.use(boardId, (r) => r.doc);
    expect(room.getMap('ideas').has('forged')).toBe(false);
    for (const b of [phone, wall, third]) b.destroy();
  });

  it('syncs a facilitator’s sticky move to every open wall', async () => {
    const boardId = ev.ateliers[0]!.boardId;
    const [a, b] = await syncedBoards(suite.server.url, boardId, ev.adminToken, ev.adminToken);
    moveIdea(a.doc, ideaId, { x: 321, y: 654 });
    await waitFor(() => readPosition(b.doc, ideaId)?.x === 321, 3000, 'position on second wall');
    expect(readPosition(b.doc, ideaId)).toEqual({ x: 321, y: 654 });
    a.destroy();
    b.destroy();
  });

  it('does not relay a participant’s awareness to others', async () => {
    const boardId = ev.ateliers[0]!.boardId;
    const [phone, wall] = await syncedBoards(suite.server.url, boardId, participant.token, ev.adminToken);
    phone.provider.awareness.setLocalState({ user: 'phone' });
    wall.provider.awareness.setLocalState({ user: 'wall' });
    const peer = openBoard(suite.server.url, boardId, ev.adminToken);
    await peer.synced;
    await waitFor(() => [...peer.provider.awareness.getStates().values()].some((s) => (s as { user?: string }).user === 'wall'), 3000, 'wall awareness');
    expect([...peer.provider.awareness.getStates().values()].some((s) => (s as { user?: string }).user === 'phone')).toBe(false);
    for (const x of [phone, wall, peer]) x.destroy();
  });
});

describe('y-websocket channel: bad frames', () => {
  it('closes a connection that sends an oversized frame (1009) and keeps serving others', async () => {
    const ws = await openRaw(wsUrl(ev.ateliers[0]!.boardId, ev.adminToken));
    const closed = closeOf(ws);
    ws.send(new Uint8Array(2 * 1024 * 1024));
    expect((await closed).code).toBe(1009);
    expect(await upgradeStatus(wsUrl(ev.ateliers[0]!.boardId, ev.adminToken))).toBe(101);
  });

  it('closes a connection that sends garbage with 4400', async () => {
    const ws = await openRaw(wsUrl(ev.ateliers[0]!.boardId, ev.adminToken));
    const closed = closeOf(ws);
    ws.send(new Uint8Array([0, 7, 1, 2, 3]));
    expect(await closed).toEqual({ code: 4400, reason: 'malformed message' });
  });

  it('closes a connection that sends text frames with 4400', async () => {
    const ws = await openRaw(wsUrl(ev.ateliers[0]!.boardId, ev.adminToken));
    const closed = closeOf(ws);
    ws.send('hello');
    expect((await closed).code).toBe(4400);
  });

  it('closes a writer whose update is not a valid Yjs update', async () => {
    const ws = await openRaw(wsUrl(ev.ateliers[0]!.boardId, ev.adminToken));
    const closed = closeOf(ws);
    ws.send(updateMessage(new Uint8Array([255, 255, 255, 255, 1, 2, 3])));
    expect((await closed).code).toBe(4400);
    // The board is intact.
    const check = openBoard(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await check.synced;
    expect(readIdeaCards(check.doc).map((c) => c.id)).toContain(ideaId);
    check.destroy();
  });

  it('accepts a well-formed update from a raw writer', async () => {
    const ws = await openRaw(wsUrl(ev.ateliers[0]!.boardId, ev.adminToken));
    const scratch = new Y.Doc();
    scratch.getMap('layout').set('note', { x: 1, y: 2 });
    ws.send(updateMessage(Y.encodeStateAsUpdate(scratch)));
    const check = openBoard(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await check.synced;
    await waitFor(() => check.doc.getMap('layout').has('note'), 3000, 'raw write');
    ws.close();
    check.destroy();
    await sleep(10);
  });
});
