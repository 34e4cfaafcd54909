import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, C, type CreateEventResult } from '@semis/shared';
import { call, must, startServer, type TestServer } from '../support/harness';
import { seedEvening, type SeededEvening } from '../support/evening';

let server: TestServer;
let seeded: SeededEvening;
beforeAll(async () => {
  server = await startServer();
  seeded = await seedEvening(server.url, { ateliers: 3, ideasPerAtelier: 4, posters: 2, voting: 2 });
  must(await call(seeded.admin, C.timer, { target: seeded.ev.ateliers[2]!.id, action: 'start', durationMs: 20 * 60_000, onZero: 'lock' }));
}, 60_000);
afterAll(async () => {
  for (const s of seeded?.sockets ?? []) s.disconnect();
  await server?.stop();
});

async function duplicate(body: unknown, token = seeded.ev.adminToken) {
  const res = await fetch(server.url + API.adminDuplicate, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as CreateEventResult & { error?: { code: string } } };
}

describe('duplicating an event for the next territory', () => {
  it('copies ateliers, questions, modes, timers, vote settings and groups — not what people wrote', async () => {
    const res = await duplicate({ name: 'Soirée des possibles — Haut-Doubs', date: '2026-10-08', place: 'Pontarlier' });
    expect(res.status).toBe(201);
    const copy = res.body;
    expect(copy.event.id).not.toBe(seeded.ev.event.id);
    expect(copy.event.joinCode).not.toBe(seeded.ev.event.joinCode);
    expect(copy.links.admin).toContain(copy.adminToken);
    const source = await server.semis.storage.listAteliers(seeded.ev.event.id);
    expect(copy.ateliers.map((a) => [a.title, a.theme, a.question, a.boardKind, a.showAuthors, a.vote])).toEqual(source.map((a) => [a.title, a.theme, a.question, a.boardKind, a.showAuthors, a.vote]));
    expect(copy.ateliers[1]!.vote.mode).toBe('rating');
    expect(copy.ateliers.every((a) => a.phase === 'ideation')).toBe(true);
    // The timer as set up: full duration, not running.
    expect(copy.ateliers[2]!.timer).toEqual({ durationMs: 20 * 60_000, endsAt: null, remainingMs: 20 * 60_000, onZero: 'lock' });

    const dump = await server.semis.storage.archive.dumpEvent(copy.event.id);
    expect(dump.poster_groups!.map((g) => g.name).sort()).toEqual(seeded.groups.map((g) => g.group.name).sort());
    expect(dump.boards).toHaveLength(seeded.groups.length * 3);
    for (const empty of ['ideas', 'participants', 'candidates', 'vote_sessions', 'poster_members', 'board_comments']) expect(dump[empty], empty).toHaveLength(0);

    // Its own admin link opens it.
    const admin = await fetch(server.url + API.adminEvent, { headers: { Authorization: `Bearer ${copy.adminToken}` } });
    expect(((await admin.json()) as { event: { name: string } }).event.name).toBe('Soirée des possibles — Haut-Doubs');
  });

  it('needs the admin link and a name', async () => {
    const link = must(await call<{ token: string }>(seeded.admin, C.coFacilitator, { atelierId: seeded.ev.ateliers[0]!.id, label: 'Zoé' }));
    expect((await duplicate({ name: 'x' }, link.token)).status).toBe(403);
    expect((await duplicate({ name: '' })).status).toBe(400);
    expect((await duplicate({ name: 'x', date: 'demain' })).status).toBe(400);
  });
});
