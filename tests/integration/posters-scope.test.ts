import { beforeAll, describe, expect, it } from 'vitest';
import { C, type CreateEventResult } from '@semis/shared';
import { call, createEvent, facilitator, must, sleep, syncedBoards, useServer, waitFor } from '../support/harness';
import { adminGroup, boardOf, joinPerson } from '../support/posters';

const suite = useServer();
const { open } = suite;
let ev: CreateEventResult;
beforeAll(async () => {
  ev = await createEvent(suite.server.url, 2);
});

/** Whether a write from `token` on `boardId` reaches another reader. */
async function writeReaches(boardId: string, token: string, key: string): Promise<boolean> {
  const [writer, reader] = await syncedBoards(suite.server.url, boardId, token, ev.adminToken);
  writer.doc.getMap('probe').set(key, 1);
  const reached = await waitFor(() => reader.doc.getMap('probe').has(key), 1000, key).then(() => true, () => false);
  writer.destroy();
  reader.destroy();
  return reached;
}

describe('closing an atelier', () => {
  it('turns open writers read-only: their connections reconnect with the new rights', async () => {
    const other = await createEvent(suite.server.url, 1);
    const admin = await facilitator(suite.server.url, other.adminToken);
    open.push(admin);
    const boardId = other.ateliers[0]!.boardId;
    const [writer, reader] = await syncedBoards(suite.server.url, boardId, other.adminToken, other.adminToken);
    writer.doc.getMap('probe').set('open', 1);
    await waitFor(() => reader.doc.getMap('probe').has('open'), 2000, 'write while open');
    const closed = new Promise<number>((r) => writer.provider.ws?.addEventListener('close', (e) => r((e as CloseEvent).code)));
    for (const phase of ['regroupement', 'vote', 'restitution', 'cloture']) must(await call(admin, C.setPhase, { atelierIds: [other.ateliers[0]!.id], phase }));
    expect(await closed).toBe(4205);
    await waitFor(() => writer.provider.wsconnected, 3000, 'writer reconnected');
    writer.doc.getMap('probe').set('closed', 1);
    await sleep(300);
    expect(reader.doc.getMap('probe').has('closed')).toBe(false);
    writer.destroy();
    reader.destroy();
  });
});

describe('poster boards combine group membership with facilitator scope and phases', () => {
  it('lets a co-facilitator write only its own atelier’s posters', async () => {
    const admin = await facilitator(suite.server.url, ev.adminToken);
    open.push(admin);
    const groupA = await adminGroup(suite.server.url, ev, 'Groupe A', false, 0);
    const groupB = await adminGroup(suite.server.url, ev, 'Groupe B', false, 1);
    const { token } = must(await call<{ token: string }>(admin, C.coFacilitator, { atelierId: ev.ateliers[1]!.id, label: 'Claire' }));
    expect(await writeReaches(boardOf(groupB, 'poster'), token, 'cofac-own')).toBe(true);
    expect(await writeReaches(boardOf(groupA, 'poster'), token, 'cofac-other')).toBe(false);
  });

  it('stops every write, members’ included, once the atelier is clôturé', async () => {
    const admin = await facilitator(suite.server.url, ev.adminToken);
    open.push(admin);
    const member = await joinPerson(suite.server.url, ev, 'Membre');
    open.push(member.socket);
    const group = await adminGroup(suite.server.url, ev, 'Groupe C', false, 0);
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
