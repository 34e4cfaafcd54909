import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, S, type BoardInfo, type CommentView, type CreateEventResult, type GroupView } from '@semis/shared';
import { putShapes, readShapes } from '@semis/shared/posters';
import { api, call, connect, createEvent, must, openBoard, sleep, useServer, waitFor } from '../support/harness';
import { adminGroup, boardOf, joinPerson, type Person } from '../support/posters';

const suite = useServer();
let ev: CreateEventResult;
let lea: Person;
let marc: Person;
let zoe: Person;

const text = (id: string, t: string) => ({ id, z: 0, domain: 'organisation' as const, color: '#1f5c3a', x: 10, y: 10, type: 'text' as const, text: t, fontSize: 16 });

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 2);
  [lea, marc, zoe] = await Promise.all(['Léa', 'Marc', 'Zoé'].map((n) => joinPerson(suite.server.url, ev, n)));
  suite.open.push(lea.socket, marc.socket, zoe.socket);
});

describe('poster groups', () => {
  it('facilitator creates a group with poster, AFOM and debate boards; everyone in the event lists it', async () => {
    const view = await adminGroup(suite.server.url, ev, 'Groupe des Hauts', true);
    expect(view.boards.map((b) => b.kind)).toEqual(['poster', 'afom', 'debat']);
    expect(view.members).toEqual([]);
    const listed = await api<{ groups: GroupView[] }>(suite.server.url, API.posters, { token: lea.token });
    expect(listed.body.groups.map((g) => g.group.id)).toContain(view.group.id);
    const bad = await api(suite.server.url, API.adminGroups, { token: lea.token, body: { atelierId: ev.ateliers[0]!.id, name: 'x' } });
    expect(bad.status).toBe(403);
    const badName = await api<{ error: { code: string } }>(suite.server.url, API.adminGroups, { token: ev.adminToken, body: { atelierId: ev.ateliers[0]!.id, name: '  ' } });
    expect(badName.body.error.code).toBe('INVALID_GROUP_NAME');
  });

  it('participants form a group, join it, name animateur and rapporteur; subscribers hear of it', async () => {
    const heard: GroupView[] = [];
    zoe.socket.on(S.groupChanged, (v) => heard.push(v));
    const id = randomUUID();
    const created = must(await call<{ group: GroupView; created: boolean }>(lea.socket, C.createGroup, { id, atelierId: ev.ateliers[0]!.id, name: 'La vallée' }));
    expect(created.created).toBe(true);
    expect(created.group.members.map((m) => m.pseudonym)).toEqual(['Léa']);
    // A retried command does not create a second group.
    expect(must(await call<{ created: boolean }>(lea.socket, C.createGroup, { id, atelierId: ev.ateliers[0]!.id, name: 'La vallée' })).created).toBe(false);

    must(await call(marc.socket, C.joinGroup, { groupId: id }));
    const roles = must(await call<{ group: GroupView }>(marc.socket, C.setGroupRoles, { groupId: id, animateurId: lea.id, rapporteurId: marc.id }));
    expect(roles.group.group).toMatchObject({ animateurId: lea.id, rapporteurId: marc.id });

    const refused = await call(zoe.socket, C.setGroupRoles, { groupId: id, animateurId: zoe.id, rapporteurId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
    const notMember = await call(marc.socket, C.setGroupRoles, { groupId: id, animateurId: zoe.id, rapporteurId: null });
    expect(notMember).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER', field: 'animateurId' } });
    await waitFor(() => heard.some((v) => v.group.id === id && v.group.rapporteurId === marc.id), 3000, 'group:changed');

    expect(await call(zoe.socket, C.joinGroup, { groupId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_GROUP' } });
    expect(await call(zoe.socket, C.leaveGroup, { groupId: id })).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } });
  });

  it('a member writes the group’s boards; a non-member’s and another group’s writes are dropped', async () => {
    const id = randomUUID();
    const view = must(await call<{ group: GroupView }>(lea.socket, C.createGroup, { id, atelierId: ev.ateliers[1]!.id, name: 'Le plateau' })).group;
    const other = await adminGroup(suite.server.url, ev, 'Autre groupe', false, 1);
    must(await call(marc.socket, C.joinGroup, { groupId: other.group.id }));
    const poster = boardOf(view, 'poster');

    const info = (token: string) => api<BoardInfo>(suite.server.url, API.board(poster), { token });
    expect((await info(lea.token)).body).toMatchObject({ kind: 'poster', canWrite: true, group: { group: { name: 'Le plateau' } } });
    expect((await info(marc.token)).body.canWrite).toBe(false);
    expect((await info(ev.adminToken)).body.canWrite).toBe(true);

    const member = openBoard(suite.server.url, poster, lea.token);
    const outsider = openBoard(suite.server.url, poster, zoe.token);
    const otherGroup = openBoard(suite.server.url, poster, marc.token);
    const facilitator = openBoard(suite.server.url, poster, ev.adminToken);
    await Promise.all([member.synced, outsider.synced, otherGroup.synced, facilitator.synced]);

    putShapes(outsider.doc, [text('forged1', 'intrus')]);
    putShapes(otherGroup.doc, [text('forged2', 'voisin')]);
    putShapes(member.doc, [text('ok1', 'membre')]);
    putShapes(facilitator.doc, [text('ok2', 'animation')]);

    await waitFor(() => readShapes(member.doc).length === 2, 3000, 'both legitimate writes');
    await sleep(100);
    const serverDoc = await suite.server.semis.registry.use(poster, (room) => readShapes(room.doc).map((s) => s.id).sort());
    expect(serverDoc).toEqual(['ok1', 'ok2']);
    expect(readShapes(facilitator.doc).map((s) => s.id).sort()).toEqual(['ok1', 'ok2']);
    // The read-only clients see the real content too (their own forged edits stay local).
    await waitFor(() => readShapes(outsider.doc).some((s) => s.id === 'ok1'), 3000, 'reader sync');
    for (const b of [member, outsider, otherGroup, facilitator]) b.destroy();
  });

  it('reactions and comments from phones reach the watchers of a poster, persisted', async () => {
    const view = await adminGroup(suite.server.url, ev, 'Restitution');
    const poster = boardOf(view, 'poster');
    // The projector (facilitator) watches the poster being presented.
    const projector = await connect(suite.server.url);
    must(await call(projector, C.subscribePosters, { token: ev.adminToken }));
    const feed = must(await call<{ comments: unknown[] }>(projector, C.watchBoard, { boardId: poster }));
    expect(feed.comments).toEqual([]);
    const comments: CommentView[] = [];
    const counts: unknown[] = [];
    projector.on(S.boardComment, (c) => comments.push(c));
    projector.on(S.boardReactions, (r) => counts.push(r.reactions));

    const cid = randomUUID();
    must(await call(zoe.socket, C.comment, { id: cid, boardId: poster, text: 'Et les jeunes ?' }));
    must(await call(zoe.socket, C.comment, { id: cid, boardId: poster, text: 'Et les jeunes ?' }));
    must(await call(zoe.socket, C.react, { boardId: poster, kind: 'bravo', on: true }));
    const r = must(await call<{ reactions: Record<string, number>; mine: string[] }>(marc.socket, C.react, { boardId: poster, kind: 'bravo', on: true }));
    expect(r.reactions.bravo).toBe(2);
    expect(r.mine).toEqual(['bravo']);

    expect(await call(zoe.socket, C.comment, { id: randomUUID(), boardId: poster, text: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_COMMENT_TEXT' } });
    expect(await call(zoe.socket, C.comment, { id: randomUUID(), boardId: randomUUID(), text: 'x' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_BOARD' } });
    expect(await call(projector, C.comment, { id: randomUUID(), boardId: poster, text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await waitFor(() => comments.length === 1 && counts.length === 2, 3000, 'pushes');
    expect(comments[0]).toMatchObject({ author: 'Zoé', text: 'Et les jeunes ?' });
    const stored = await api<{ comments: CommentView[]; reactions: Record<string, number> }>(suite.server.url, API.boardFeed(poster), { token: ev.adminToken });
    expect(stored.body.comments.map((c) => c.text)).toEqual(['Et les jeunes ?']);
    expect(stored.body.reactions).toEqual({ bravo: 2, accord: 0, question: 0, vigilance: 0 });
    projector.disconnect();
  });

  it('lists groups in the ateliers’ order, then each atelier’s group order (GET /api/posters, posters:subscribe)', async () => {
    // Eight ateliers, each group made in reverse order: neither the atelier ids' order nor the
    // creation order can pass for the atelier order by chance.
    const many = await createEvent(suite.server.url, 8);
    for (let i = 7; i >= 0; i--) {
      await adminGroup(suite.server.url, many, `Table ${i}.b`, false, i);
      await adminGroup(suite.server.url, many, `Table ${i}.a`, false, i);
    }
    const expected = many.ateliers.flatMap((_, i) => [`Table ${i}.b`, `Table ${i}.a`]);
    const listed = await api<{ groups: GroupView[] }>(suite.server.url, API.posters, { token: many.adminToken });
    expect(listed.body.groups.map((g) => g.group.name)).toEqual(expected);
    const socket = await connect(suite.server.url);
    const subscribed = must(await call<{ groups: GroupView[] }>(socket, C.subscribePosters, { token: many.adminToken }));
    socket.disconnect();
    expect(subscribed.groups.map((g) => g.group.name)).toEqual(expected);
  });

  it('refuses boards of another event', async () => {
    const other = await createEvent(suite.server.url, 1);
    const view = await adminGroup(suite.server.url, other, 'Ailleurs');
    const res = await api<{ error: { code: string } }>(suite.server.url, API.board(boardOf(view, 'poster')), { token: lea.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('UNKNOWN_BOARD');
  });
});
