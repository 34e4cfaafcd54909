import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { C, type CreateEventResult } from '@semis/shared';
import { call, createEvent, facilitator, must, openBoard, sleep, startServer, waitFor, type Client, type TestServer } from '../support/harness';
import { adminGroup, boardOf, joinPerson } from '../support/posters';

let server: TestServer;
let ev: CreateEventResult;
const open: Client[] = [];
beforeAll(async () => {
  server = await startServer();
  ev = await createEvent(server.url, 2);
});
afterAll(async () => {
  for (const s of open) s.disconnect();
  await server.stop();
});

/** Whether a write from `token` on `boardId` reaches another reader. */
async function writeReaches(boardId: string, token: string, key: string): Promise<boolean> {
  const writer = openBoard(server.url, boardId, token);
  const reader = openBoard(server.url, boardId, ev.adminToken);
  await Promise.all([writer.synced, reader.synced]);
  writer.doc.getMap('probe').set(key, 1);
  const reached = await waitFor(() => reader.doc.getMap('probe').has(key), 1000, key).then(() => true, () => false);
  writer.destroy();
  reader.destroy();
  return reached;
}

describe('poster boards combine group membership with facilitator scope and phases', () => {
  it('lets a co-facilitator write only its own atelier’s posters', async () => {
    const admin = await facilitator(server.url, ev.adminToken);
    open.push(admin);
    const groupA = await adminGroup(server.url, ev, 'Groupe A', false, 0);
    const groupB = await adminGroup(server.url, ev, 'Groupe B', false, 1);
    const { token } = must(await call<{ token: string }>(admin, C.coFacilitator, { atelierId: ev.ateliers[1]!.id, label: 'Claire' }));
    expect(await writeReaches(boardOf(groupB, 'poster'), token, 'cofac-own')).toBe(true);
    expect(await writeReaches(boardOf(groupA, 'poster'), token, 'cofac-other')).toBe(false);
  });

  it('stops every write, members’ included, once the atelier is clôturé', async () => {
    const admin = await facilitator(server.url, ev.adminToken);
    open.push(admin);
    const member = await joinPerson(server.url, ev, 'Membre');
    open.push(member.socket);
    const group = await adminGroup(server.url, ev, 'Groupe C', false, 0);
    must(await call(member.socket, C.joinGroup, { groupId: group.group.id }));
    const poster = boardOf(group, 'poster');
    expect(await writeReaches(poster, member.token, 'before')).toBe(true);
    for (const phase of ['regroupement', 'vote', 'restitution', 'cloture']) must(await call(admin, C.setPhase, { atelierIds: [ev.ateliers[0]!.id], phase }));
    await sleep(50);
    expect(await writeReaches(poster, member.token, 'member-after')).toBe(false);
    expect(await writeReaches(poster, ev.adminToken, 'admin-after')).toBe(false);
    expect(await call(member.socket, C.createGroup, { id: crypto.randomUUID(), atelierId: ev.ateliers[0]!.id, name: 'Trop tard' })).toMatchObject({ ok: false, error: { code: 'ATELIER_CLOSED' } });
  });
});
