import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { API, C, readIdeaCards, type IdeaView, type ModIdeaView } from '@semis/shared';
import { api, call, createEvent, facilitator, must, openBoard, participant, record, sleep, useServer, waitFor } from '../support/harness';

const suite = useServer();
const { open, boards } = suite;

async function setup(modes: { privateWriting?: boolean; moderated?: boolean; showAuthors?: boolean }) {
  const ev = await createEvent(suite.server.url, 1);
  const atelier = ev.ateliers[0]!;
  const admin = await facilitator(suite.server.url, ev.adminToken);
  must(await call(admin, C.configureAtelier, { atelierId: atelier.id, ...modes }));
  const alice = await participant(suite.server.url, ev.event.joinCode, 'Alice', atelier.id);
  const bob = await participant(suite.server.url, ev.event.joinCode, 'Bob', atelier.id);
  open.push(admin, alice.socket, bob.socket);
  const bobBoard = openBoard(suite.server.url, atelier.boardId, bob.join.token);
  const wall = openBoard(suite.server.url, atelier.boardId, ev.adminToken);
  boards.push(bobBoard, wall);
  await Promise.all([bobBoard.synced, wall.synced]);
  return { ev, atelier, admin, alice, bob, bobBoard, wall };
}

/** Every byte Bob's phone got: socket.io events and the Yjs document updates. */
function bobSees(bobEvents: { event: string; args: unknown[] }[], bobUpdates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of bobUpdates) Y.applyUpdate(doc, u);
  return JSON.stringify(bobEvents) + JSON.stringify(doc.toJSON()) + Buffer.concat(bobUpdates.map((u) => Buffer.from(u))).toString('latin1');
}

describe('écriture privée', () => {
  it('never lets a hidden idea reach another participant, then reveals all at once', async () => {
    const { ev, atelier, admin, alice, bob, bobBoard, wall } = await setup({ privateWriting: true });
    const bobEvents = record(bob.socket);
    const bobUpdates: Uint8Array[] = [];
    bobBoard.doc.on('update', (u: Uint8Array) => bobUpdates.push(u));
    const adminPushes = record(admin);

    const secret = 'Une navette secrète vers la gare';
    const { idea } = must(await call<{ idea: IdeaView }>(alice.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: secret }));
    expect(idea.status).toBe('private');
    // Alice sees her own idea; facilitators see it in their list and as a push.
    expect(must(await call<{ ideas: IdeaView[] }>(alice.socket, C.myIdeas, { atelierId: atelier.id })).ideas.map((i) => i.text)).toEqual([secret]);
    const modList = must(await call<{ ideas: ModIdeaView[] }>(admin, C.modIdeas, { atelierId: atelier.id })).ideas;
    expect(modList).toMatchObject([{ text: secret, status: 'private', author: 'Alice' }]);
    await waitFor(() => adminPushes.some((e) => e.event === 'mod:idea'), 2000, 'mod push');

    // Give any leak time to arrive, then look at everything Bob received — and at public HTTP.
    await sleep(300);
    expect(bobSees(bobEvents, bobUpdates)).not.toContain('secrète');
    expect(readIdeaCards(wall.doc)).toEqual([]);
    expect(JSON.stringify((await api(suite.server.url, API.join(ev.event.joinCode))).body)).not.toContain('secrète');
    // Bob's own list does not include it either.
    expect(must(await call<{ ideas: IdeaView[] }>(bob.socket, C.myIdeas, { atelierId: atelier.id })).ideas).toEqual([]);

    // Reveal: it appears on Bob's phone and the wall in one document update.
    const before = bobUpdates.length;
    expect(must(await call<{ revealed: number }>(admin, C.reveal, { atelierId: atelier.id })).revealed).toBe(1);
    await waitFor(() => readIdeaCards(bobBoard.doc).some((c) => c.text === secret), 3000, 'revealed on Bob');
    await waitFor(() => readIdeaCards(wall.doc).some((c) => c.text === secret), 3000, 'revealed on wall');
    expect(bobUpdates.length - before).toBe(1);
  });

  it('reveals several ideas in the same instant', async () => {
    const { atelier, admin, alice, bob, bobBoard } = await setup({ privateWriting: true });
    for (const [who, text] of [[alice, 'idée A1'], [alice, 'idée A2'], [bob, 'idée B1']] as const) {
      must(await call(who.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text }));
    }
    const sizes: number[] = [];
    bobBoard.doc.on('update', () => sizes.push(readIdeaCards(bobBoard.doc).length));
    must(await call(admin, C.reveal, { atelierId: atelier.id }));
    await waitFor(() => readIdeaCards(bobBoard.doc).length === 3, 3000, 'all three');
    expect(sizes).toEqual([3]);
  });
});

describe('anonymity', () => {
  it('keeps pseudonyms and author ids off the board but lets authors find their ideas', async () => {
    const { atelier, alice, bobBoard, admin } = await setup({ showAuthors: false });
    const { idea } = must(await call<{ idea: IdeaView }>(alice.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Anonyme' }));
    await waitFor(() => readIdeaCards(bobBoard.doc).length === 1, 3000, 'card');
    expect(readIdeaCards(bobBoard.doc)[0]).toMatchObject({ text: 'Anonyme', author: '', authorId: '' });
    expect(JSON.stringify(bobBoard.doc.toJSON())).not.toContain(alice.join.participant.id);
    expect(must(await call<{ ideas: IdeaView[] }>(alice.socket, C.myIdeas, { atelierId: atelier.id })).ideas.map((i) => i.id)).toEqual([idea.id]);
    // Facilitators keep authorship; showing pseudonyms again rewrites the cards.
    expect(must(await call<{ ideas: ModIdeaView[] }>(admin, C.modIdeas, { atelierId: atelier.id })).ideas[0]!.author).toBe('Alice');
    must(await call(admin, C.configureAtelier, { atelierId: atelier.id, showAuthors: true }));
    await waitFor(() => readIdeaCards(bobBoard.doc)[0]?.author === 'Alice', 3000, 'pseudonym back');
  });
});

describe('mode modéré', () => {
  it('holds new ideas in the inbox until approved; rejected ones never show', async () => {
    const { atelier, admin, alice, bobBoard, wall } = await setup({ moderated: true });
    const ok = must(await call<{ idea: IdeaView }>(alice.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Un marché bio' })).idea;
    const ko = must(await call<{ idea: IdeaView }>(alice.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Spam spam' })).idea;
    expect([ok.status, ko.status]).toEqual(['pending', 'pending']);
    await sleep(200);
    expect(readIdeaCards(wall.doc)).toEqual([]);
    const authorPush = new Promise<IdeaView>((r) => alice.socket.once('idea:changed', r));
    expect(must(await call<{ idea: ModIdeaView }>(admin, C.moderateIdea, { id: ok.id, action: 'approve' })).idea.status).toBe('visible');
    expect((await authorPush).status).toBe('visible');
    must(await call(admin, C.moderateIdea, { id: ko.id, action: 'reject' }));
    await waitFor(() => readIdeaCards(bobBoard.doc).length === 1, 3000, 'approved idea');
    await sleep(200);
    expect(readIdeaCards(bobBoard.doc).map((c) => c.text)).toEqual(['Un marché bio']);
    expect(must(await call<{ ideas: IdeaView[] }>(alice.socket, C.myIdeas, { atelierId: atelier.id })).ideas.map((i) => i.status).sort()).toEqual(['hidden', 'visible']);
  });
});

describe('moderation', () => {
  it('hides, shows, edits (marked) and deletes any idea, all logged with who and when', async () => {
    const { atelier, admin, alice, bobBoard } = await setup({});
    const { idea } = must(await call<{ idea: IdeaView }>(alice.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Un txt avec fote' }));
    await waitFor(() => readIdeaCards(bobBoard.doc).length === 1, 3000, 'card');
    must(await call(admin, C.moderateIdea, { id: idea.id, action: 'hide' }));
    await waitFor(() => readIdeaCards(bobBoard.doc).length === 0, 3000, 'hidden');
    must(await call(admin, C.moderateIdea, { id: idea.id, action: 'show' }));
    await waitFor(() => readIdeaCards(bobBoard.doc).length === 1, 3000, 'shown');
    const edited = must(await call<{ idea: ModIdeaView }>(admin, C.moderateIdea, { id: idea.id, action: 'edit', text: 'Un texte sans faute' })).idea;
    expect(edited).toMatchObject({ text: 'Un texte sans faute', moderated: true });
    await waitFor(() => readIdeaCards(bobBoard.doc)[0]?.moderated === true, 3000, 'edit marked');
    expect(await call(admin, C.moderateIdea, { id: idea.id, action: 'edit', text: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_IDEA_TEXT' } });
    must(await call(admin, C.moderateIdea, { id: idea.id, action: 'delete' }));
    await waitFor(() => readIdeaCards(bobBoard.doc).length === 0, 3000, 'deleted');
    expect(await call(admin, C.moderateIdea, { id: idea.id, action: 'show' })).toMatchObject({ ok: false, error: { code: 'IDEA_DELETED' } });
    const log = must(await call<{ entries: { actor: string; action: string; target: string; at: string }[] }>(admin, C.modLog, {})).entries;
    expect(log.filter((e) => e.target === idea.id).map((e) => e.action)).toEqual(['idea.delete', 'idea.edit', 'idea.show', 'idea.hide']);
    expect(log.every((e) => e.actor === 'animation' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('blocks a participant: told, disconnected, token refused, pseudonym refused, boards closed', async () => {
    const { ev, atelier, admin, alice } = await setup({});
    const aliceBoard = openBoard(suite.server.url, atelier.boardId, alice.join.token);
    await aliceBoard.synced;
    const closed = new Promise<number>((r) => aliceBoard.provider.ws?.addEventListener('close', (e) => r((e as CloseEvent).code)));
    const told = new Promise<{ message: string }>((r) => alice.socket.once('participant:blocked', r));
    const gone = new Promise<void>((r) => alice.socket.once('disconnect', () => r()));
    must(await call(admin, C.block, { participantId: alice.join.participant.id }));
    expect((await told).message).toContain('bloqué');
    await gone;
    expect(await closed).toBe(4403);
    aliceBoard.destroy();

    const again = await (await import('../support/harness')).connect(suite.server.url);
    open.push(again);
    expect(await call(again, C.join, { token: alice.join.token })).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    expect(await call(again, C.join, { token: alice.join.token, code: ev.event.joinCode, pseudonym: 'Alice2' })).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    for (const disguise of ['Alice', ' alice ', 'ALİCE'.replace('İ', 'I'), 'Àlice']) {
      expect(await call(again, C.join, { code: ev.event.joinCode, pseudonym: disguise })).toMatchObject({ ok: false, error: { code: 'PSEUDONYM_BLOCKED' } });
    }
    // Another person on the same venue Wi-Fi (same IP) is not affected.
    expect((await call(again, C.join, { code: ev.event.joinCode, pseudonym: 'Charlie' })).ok).toBe(true);
    expect((await api(suite.server.url, API.adminEvent, { token: alice.join.token })).status).toBe(403);
  });
});
