import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, readIdeaCards, type CreateEventResult, type IdeaView, type JoinResult } from '@semis/shared';
import { api, call, connect, createEvent, must, openBoard, useServer, waitFor, type Client } from '../support/harness';

const suite = useServer();
const { open } = suite;
let ev: CreateEventResult;

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 2);
});

async function joined(pseudonym: string, atelier = 0): Promise<{ socket: Client; join: JoinResult }> {
  const socket = await connect(suite.server.url);
  open.push(socket);
  const join = must(await call<JoinResult>(socket, C.join, { code: ev.event.joinCode, pseudonym }));
  must(await call(socket, C.enterAtelier, { atelierId: ev.ateliers[atelier]!.id }));
  return { socket, join };
}

const post = (s: Client, text: string, id = randomUUID(), atelier = 0) =>
  call<{ idea: IdeaView; created: boolean }>(s, C.postIdea, { id, atelierId: ev.ateliers[atelier]!.id, text });

describe('joining by code', () => {
  it('joins with a pseudonym and gets a token that brings the same identity back', async () => {
    const a = await connect(suite.server.url);
    open.push(a);
    const first = must(await call<JoinResult>(a, C.join, { code: ` ${ev.event.joinCode.toLowerCase()} `, pseudonym: '  Léa  ' }));
    expect(first.participant.pseudonym).toBe('Léa');
    expect(first.event.name).toBe('Soirée test');
    expect(first.ateliers).toHaveLength(2);

    const b = await connect(suite.server.url);
    open.push(b);
    const again = must(await call<JoinResult>(b, C.join, { token: first.token }));
    expect(again.participant.id).toBe(first.participant.id);
    expect(again.participant.pseudonym).toBe('Léa');
  });

  it.each([
    [{ code: 'ZZZZZZ', pseudonym: 'Léa' }, 'UNKNOWN_CODE'],
    [{ code: '12', pseudonym: 'Léa' }, 'UNKNOWN_CODE'],
    [{ pseudonym: 'Léa' }, 'UNKNOWN_CODE'],
    [{ code: 'CODE', pseudonym: '   ' }, 'INVALID_PSEUDONYM'],
    [{ code: 'CODE', pseudonym: 'x'.repeat(41) }, 'INVALID_PSEUDONYM'],
    [{ code: 'CODE' }, 'INVALID_PSEUDONYM'],
    [{ token: 'forged-token-that-is-long-enough' }, 'NOT_AUTHENTICATED'],
    [null, 'BAD_REQUEST'],
    ['hello', 'BAD_REQUEST'],
  ])('refuses %j with %s and a French message', async (payload, code) => {
    const s = await connect(suite.server.url);
    open.push(s);
    const p = payload && typeof payload === 'object' && 'code' in payload && payload.code === 'CODE' ? { ...payload, code: ev.event.joinCode } : payload;
    const ack = await call(s, C.join, p);
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe(code);
      expect(ack.error.message.length).toBeGreaterThan(5);
    }
  });

  it('refuses commands before joining and atelier ids of other events', async () => {
    const s = await connect(suite.server.url);
    open.push(s);
    const early = await call(s, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, text: 'Une idée' });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    const other = await createEvent(suite.server.url, 1);
    const { socket } = await joined('Paul');
    const enter = await call(socket, C.enterAtelier, { atelierId: other.ateliers[0]!.id });
    expect(enter).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ATELIER' } });
    const postThere = await call(socket, C.postIdea, { id: randomUUID(), atelierId: other.ateliers[0]!.id, text: 'Intrus' });
    expect(postThere).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ATELIER' } });
  });

  it('does not let a participant token open facilitator routes (401 on HTTP)', async () => {
    const { join } = await joined('Nina');
    const res = await api(suite.server.url, API.adminEvent, { token: join.token });
    expect(res.status).toBe(403);
  });
});

describe('posting ideas onto the live wall', () => {
  it('shows a posted idea on the facilitator wall and on another phone, via Yjs', async () => {
    const { socket } = await joined('Marie');
    const wall = openBoard(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    const other = await joined('Jean');
    const phone = openBoard(suite.server.url, ev.ateliers[0]!.boardId, other.join.token);
    await Promise.all([wall.synced, phone.synced]);

    const ack = must(await post(socket, '  Une navette vers la gare le samedi  '));
    expect(ack.created).toBe(true);
    expect(ack.idea.text).toBe('Une navette vers la gare le samedi');
    for (const client of [wall, phone]) {
      await waitFor(() => readIdeaCards(client.doc).some((c) => c.id === ack.idea.id), 3000, 'card on board');
      const card = readIdeaCards(client.doc).find((c) => c.id === ack.idea.id)!;
      expect(card).toMatchObject({ text: 'Une navette vers la gare le samedi', author: 'Marie' });
      expect(client.doc.getMap('layout').get(ack.idea.id)).toEqual({ x: expect.any(Number), y: expect.any(Number) });
    }
    // The other atelier's board does not get it.
    const elsewhere = openBoard(suite.server.url, ev.ateliers[1]!.boardId, ev.adminToken);
    await elsewhere.synced;
    expect(readIdeaCards(elsewhere.doc).some((c) => c.id === ack.idea.id)).toBe(false);
    for (const b of [wall, phone, elsewhere]) b.destroy();
  });

  it('makes a retried post idempotent: same id, one idea', async () => {
    const { socket } = await joined('Sam');
    const id = randomUUID();
    const results = await Promise.all([post(socket, 'Un marché de producteurs', id), post(socket, 'Un marché de producteurs', id), post(socket, 'Un marché de producteurs', id)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.created)).toHaveLength(1);
    const wall = openBoard(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await wall.synced;
    expect(readIdeaCards(wall.doc).filter((c) => c.id === id)).toHaveLength(1);
    wall.destroy();
    // The same id from someone else is a conflict, not a takeover.
    const thief = await joined('Mallory');
    expect(await post(thief.socket, 'Autre chose', id)).toMatchObject({ ok: false, error: { code: 'ID_CONFLICT' } });
  });

  it.each([
    ['empty', '   '],
    ['281 characters', 'a'.repeat(281)],
    ['not a string', 42],
  ])('refuses an idea text that is %s', async (_label, text) => {
    const { socket } = await joined('Zoé');
    const ack = await call(socket, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, text });
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_IDEA_TEXT', field: 'text' } });
  });

  it('accepts exactly 280 characters after trimming', async () => {
    const { socket } = await joined('Max');
    const ack = must(await post(socket, `  ${'é'.repeat(280)}  `));
    expect(ack.idea.text).toHaveLength(280);
  });

  it('lets the author edit and delete their own ideas, and nobody else', async () => {
    const author = await joined('Inès');
    const intruder = await joined('Oscar');
    const wall = openBoard(suite.server.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await wall.synced;
    const { idea } = must(await post(author.socket, 'Un tiers-lieu'));

    expect(await call(intruder.socket, C.editIdea, { id: idea.id, text: 'Piraté' })).toMatchObject({ ok: false, error: { code: 'NOT_OWNER' } });
    expect(await call(intruder.socket, C.deleteIdea, { id: idea.id })).toMatchObject({ ok: false, error: { code: 'NOT_OWNER' } });
    expect(await call(author.socket, C.editIdea, { id: randomUUID(), text: 'x' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_IDEA' } });

    const edited = must(await call<{ idea: IdeaView }>(author.socket, C.editIdea, { id: idea.id, text: 'Un tiers-lieu avec café' }));
    expect(edited.idea.text).toBe('Un tiers-lieu avec café');
    await waitFor(() => readIdeaCards(wall.doc).find((c) => c.id === idea.id)?.text === 'Un tiers-lieu avec café', 3000, 'edit on wall');

    const mine = must(await call<{ ideas: IdeaView[] }>(author.socket, C.myIdeas, { atelierId: ev.ateliers[0]!.id }));
    expect(mine.ideas.map((i) => i.id)).toContain(idea.id);

    must(await call(author.socket, C.deleteIdea, { id: idea.id }));
    await waitFor(() => !readIdeaCards(wall.doc).some((c) => c.id === idea.id), 3000, 'delete on wall');
    expect(wall.doc.getMap('layout').has(idea.id)).toBe(false);
    expect(await call(author.socket, C.editIdea, { id: idea.id, text: 'Revenu' })).toMatchObject({ ok: false, error: { code: 'IDEA_DELETED' } });
    // Retrying the original post after deletion does not resurrect it.
    const retry = must(await call<{ idea: IdeaView; created: boolean }>(author.socket, C.postIdea, { id: idea.id, atelierId: ev.ateliers[0]!.id, text: 'Un tiers-lieu' }));
    expect(retry).toMatchObject({ created: false, idea: { deleted: true } });
    await new Promise((r) => setTimeout(r, 100));
    expect(readIdeaCards(wall.doc).some((c) => c.id === idea.id)).toBe(false);
    wall.destroy();
  });

  it('survives malformed socket.io traffic: wrong payloads, no ack, unknown events', async () => {
    const { socket } = await joined('Bob');
    const raw = socket as unknown as { emit(e: string, ...a: unknown[]): void };
    raw.emit(C.postIdea, { id: 'nope' }); // no ack function
    raw.emit('made:up', 1, 2, 3);
    for (const payload of [null, undefined, 'text', [], { id: 5 }, { id: randomUUID(), atelierId: 'x', text: 'ok' }]) {
      const ack = await call(socket, C.postIdea, payload);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(['BAD_REQUEST', 'INVALID_IDEA_TEXT']).toContain(ack.error.code);
    }
    // Still alive and serving.
    expect(must(await post(socket, 'Toujours là')).created).toBe(true);
  });

  it('rate-limits a flood from one socket with RATE_LIMITED instead of falling over', async () => {
    const { socket } = await joined('Flood');
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => post(socket, `idée ${i}`)));
    const limited = acks.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThan(0);
    expect(acks.filter((a) => a.ok).length).toBeGreaterThanOrEqual(25);
  });
});
