import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { C, moveIdea, readIdeaCards, readPosition, type IdeaView, type JoinResult } from '@semis/shared';
import { call, connect, createEvent, must, openBoard, useServer, waitFor } from '../support/harness';

describe('durability across a restart', () => {
  const suite = useServer();
  it('finds every acknowledged idea and the wall layout after a restart', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const s = await connect(suite.server.url);
    const me = must(await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: 'Léa' }));
    const acked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = must(await call<{ idea: IdeaView }>(s, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[i % 2]!.id, text: `Idée n°${i}` }));
      acked.push(res.idea.id);
    }
    const deleted = acked.pop()!;
    must(await call(s, C.deleteIdea, { id: deleted }));
    const wall = openBoard(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await wall.synced;
    moveIdea(wall.doc, acked[0]!, { x: 777, y: 888 });
    await waitFor(async () => readPosition(await suite.server.semis.registry.use(ev.ateliers[0]!.boardId, (r) => r.doc), acked[0]!)?.x === 777, 3000, 'move reached server');
    wall.destroy();
    s.disconnect();

    await suite.restart();

    const ids = new Set<string>();
    for (const atelier of ev.ateliers) {
      const board = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
      await board.synced;
      for (const c of readIdeaCards(board.doc)) ids.add(c.id);
      if (atelier === ev.ateliers[0]) expect(readPosition(board.doc, acked[0]!)).toEqual({ x: 777, y: 888 });
      board.destroy();
    }
    expect([...ids].sort()).toEqual([...acked].sort());
    expect(ids.has(deleted)).toBe(false);

    // The participant's token still works after the restart.
    const again = await connect(suite.server.url);
    expect(must(await call<JoinResult>(again, C.join, { token: me.token })).participant.id).toBe(me.participant.id);
    again.disconnect();
  });

  it('rebuilds a board from the ideas table when its document log is lost', async () => {
    const ev = await createEvent(suite.server.url, 1);
    const s = await connect(suite.server.url);
    must(await call(s, C.join, { code: ev.event.joinCode, pseudonym: 'Léa' }));
    const { idea } = must(await call<{ idea: IdeaView }>(s, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, text: 'Survivra' }));
    s.disconnect();
    const boardId = ev.ateliers[0]!.boardId;
    await suite.server.semis.registry.closeAll();
    // Simulate a crash that lost the document's log but not the acknowledged idea.
    await suite.server.semis.storage.compactBoard(boardId, new Uint8Array([0, 0]), Number.MAX_SAFE_INTEGER);
    await suite.restart();
    const board = openBoard(suite.server.url, boardId, ev.adminToken);
    await board.synced;
    expect(readIdeaCards(board.doc).map((c) => c.text)).toEqual(['Survivra']);
    expect(readIdeaCards(board.doc)[0]!.id).toBe(idea.id);
    board.destroy();
  });
});
