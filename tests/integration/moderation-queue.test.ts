import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient } from 'socket.io-client';
import { C, ERROR_MESSAGES, S, type BlockedParticipant, type CreateEventResult, type IdeaView, type ModerationLogEntry, type ModIdeaView } from '@semis/shared';
import { call, connect, createEvent, eventWithAdmin, facilitator, must, participant, useServer, type Client } from '../support/harness';

const suite = useServer();
const { open } = suite;
let ev: CreateEventResult;
let admin: Client;

beforeAll(async () => {
  ({ ev, admin } = await eventWithAdmin(suite, 3));
  for (const a of ev.ateliers.slice(0, 2)) must(await call(admin, C.configureAtelier, { atelierId: a.id, moderated: true }));
});

async function phone(name: string, atelierIndex: number) {
  const p = await participant(suite.server.url, ev.event.joinCode, name, ev.ateliers[atelierIndex]!.id);
  open.push(p.socket);
  return p;
}
const post = async (socket: Client, atelierIndex: number, text: string) =>
  must(await call<{ idea: IdeaView }>(socket, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[atelierIndex]!.id, text })).idea;
const queue = async (who: Client, atelierId?: string) => must(await call<{ ideas: ModIdeaView[] }>(who, C.modQueue, atelierId ? { atelierId } : {})).ideas;

describe('one moderation queue for every atelier', () => {
  it('lists the waiting ideas of all ateliers oldest first, filters by atelier, approves all that were seen', async () => {
    const lea = await phone('Léa', 0);
    const marc = await phone('Marc', 1);
    const a = await post(lea.socket, 0, 'Une épicerie au bourg');
    const b = await post(marc.socket, 1, 'Une navette le samedi');
    const c = await post(lea.socket, 0, 'Un tiers-lieu');
    expect([a, b, c].map((i) => i.status)).toEqual(['pending', 'pending', 'pending']);

    const all = await queue(admin);
    expect(all.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    expect(all.map((i) => i.atelierId)).toEqual([ev.ateliers[0]!.id, ev.ateliers[1]!.id, ev.ateliers[0]!.id]);
    expect(all[1]).toMatchObject({ author: 'Marc', text: 'Une navette le samedi' });
    expect((await queue(admin, ev.ateliers[1]!.id)).map((i) => i.id)).toEqual([b.id]);

    // An idea arriving after the facilitator looked stays waiting: *tout valider* approves what was seen.
    const late = await post(marc.socket, 1, 'Arrivée après coup');
    expect(must(await call<{ approved: number }>(admin, C.approveAll, { ids: all.map((i) => i.id) })).approved).toBe(3);
    expect((await queue(admin)).map((i) => i.id)).toEqual([late.id]);
    const mine = must(await call<{ ideas: IdeaView[] }>(lea.socket, C.myIdeas, { atelierId: ev.ateliers[0]!.id })).ideas;
    expect(mine.map((i) => i.status).sort()).toEqual(['visible', 'visible']);
    // Approving again changes nothing; unknown ids are ignored.
    expect(must(await call<{ approved: number }>(admin, C.approveAll, { ids: [a.id, randomUUID()] })).approved).toBe(0);
    must(await call(admin, C.approveAll, { ids: [late.id] }));
  });

  it('a co-facilitator sees and approves only its atelier', async () => {
    const { token } = must(await call<{ token: string }>(admin, C.coFacilitator, { atelierId: ev.ateliers[1]!.id, label: 'Claire' }));
    const claire = await facilitator(suite.server.url, token);
    open.push(claire);
    const zoe = await phone('Zoé', 0);
    const yann = await phone('Yann', 1);
    const z = await post(zoe.socket, 0, 'Maraîchage bio');
    const y = await post(yann.socket, 1, 'Covoiturage');
    expect((await queue(claire)).map((i) => i.id)).toEqual([y.id]);
    expect(await call(claire, C.modQueue, { atelierId: ev.ateliers[0]!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(must(await call<{ approved: number }>(claire, C.approveAll, { ids: [z.id, y.id] })).approved).toBe(1);
    expect((await queue(admin)).map((i) => i.id)).toEqual([z.id]);
    must(await call(admin, C.approveAll, { ids: [z.id] }));
  });

  it('blocking takes the person’s waiting ideas out of the queue; unblocking lets the person back in', async () => {
    const troll = await phone('Troll', 0);
    const other = await phone('Nina', 0);
    const t1 = await post(troll.socket, 0, 'spam 1');
    await post(troll.socket, 0, 'spam 2');
    const fine = await post(other.socket, 0, 'Une crèche parentale');
    expect((await queue(admin)).length).toBe(3);

    // The same person's second phone, in English: told in its language (the first in French).
    const english = ioClient(suite.server.url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { lang: 'en' } });
    open.push(english as unknown as Client);
    must(await call(english as unknown as Client, C.join, { token: troll.join.token }));
    const toldEn = new Promise<{ code: string; message: string }>((resolve) => english.once(S.blocked, resolve));
    const told = new Promise<{ code: string; message: string }>((resolve) => troll.socket.once(S.blocked, resolve));
    const blocked = must(await call<{ rejected: number }>(admin, C.block, { participantId: troll.join.participant.id }));
    expect(blocked.rejected).toBe(2);
    expect(await told).toEqual({ code: 'BLOCKED', message: ERROR_MESSAGES.fr.BLOCKED });
    expect(await toldEn).toEqual({ code: 'BLOCKED', message: ERROR_MESSAGES.en.BLOCKED });
    expect((await queue(admin)).map((i) => i.id)).toEqual([fine.id]);
    const list = must(await call<{ participants: BlockedParticipant[] }>(admin, C.blockedList, {})).participants;
    expect(list).toEqual([expect.objectContaining({ id: troll.join.participant.id, pseudonym: 'Troll', atelierId: ev.ateliers[0]!.id })]);
    const retry = await connect(suite.server.url);
    open.push(retry);
    expect(await call(retry, C.join, { token: troll.join.token })).toMatchObject({ ok: false, error: { code: 'BLOCKED' } });
    expect((await call(retry, C.join, { code: ev.event.joinCode, pseudonym: 'troll' })).ok).toBe(false);

    must(await call(admin, C.unblock, { participantId: troll.join.participant.id }));
    expect(must(await call<{ participants: BlockedParticipant[] }>(admin, C.blockedList, {})).participants).toEqual([]);
    must(await call(retry, C.join, { token: troll.join.token }));
    must(await call(retry, C.enterAtelier, { atelierId: ev.ateliers[0]!.id }));
    const again = await post(retry, 0, 'pardon');
    expect(again.status).toBe('pending');
    // Rejected ideas stay rejected; the facilitator may show them one by one.
    const mine = must(await call<{ ideas: IdeaView[] }>(retry, C.myIdeas, { atelierId: ev.ateliers[0]!.id })).ideas;
    expect(mine.find((i) => i.id === t1.id)?.status).toBe('hidden');
    const fresh = await connect(suite.server.url);
    open.push(fresh);
    must(await call(fresh, C.join, { code: ev.event.joinCode, pseudonym: 'Troll' }));
    // Unblocking twice is harmless; the journal says who was let back.
    must(await call(admin, C.unblock, { participantId: troll.join.participant.id }));
    const log = must(await call<{ entries: ModerationLogEntry[] }>(admin, C.modLog, {})).entries;
    expect(log.filter((e) => e.action === 'unblock')).toHaveLength(1);
    expect(log.find((e) => e.action === 'block')).toMatchObject({ target: troll.join.participant.id });
  });

  it('refuses these commands to participants, strangers and bad input', async () => {
    const p = await phone('Curieuse', 2);
    for (const [name, payload] of [[C.modQueue, {}], [C.approveAll, { ids: [randomUUID()] }], [C.unblock, { participantId: p.join.participant.id }], [C.blockedList, {}]] as const) {
      expect(await call(p.socket, name, payload)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    }
    const other = await createEvent(suite.server.url, 1);
    const stranger = await facilitator(suite.server.url, other.adminToken);
    open.push(stranger);
    expect(await call(stranger, C.unblock, { participantId: p.join.participant.id })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PARTICIPANT' } });
    expect(await call(stranger, C.modQueue, { atelierId: ev.ateliers[0]!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(must(await call<{ approved: number }>(stranger, C.approveAll, { ids: [randomUUID()] })).approved).toBe(0);
    for (const [name, payload] of [[C.approveAll, { ids: [] }], [C.approveAll, { ids: ['x'] }], [C.modQueue, { atelierId: 'x' }], [C.modQueue, { extra: 1 }], [C.unblock, {}]] as const) {
      expect(await call(admin, name, payload)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });
});
