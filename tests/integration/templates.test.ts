import { beforeAll, describe, expect, it } from 'vitest';
import { API, ATELIER_PRESETS, C, DEFAULT_VOTE_CONFIG, METHOD_TEMPLATES, TIMER_PRESETS, type CreateEventResult } from '@semis/shared';
import { call, must, useServer } from '../support/harness';
import { seedSuite, type SeededEvening } from '../support/evening';

const suite = useServer();
let seeded: SeededEvening;
beforeAll(async () => {
  seeded = await seedSuite(suite, { ateliers: 3, ideasPerAtelier: 4, posters: 2, voting: 2 });
  must(await call(seeded.admin, C.timer, { target: seeded.ev.ateliers[2]!.id, action: 'start', durationMs: 20 * 60_000, onZero: 'lock' }));
  must(await call(seeded.admin, C.timer, { target: 'event', action: 'start', durationMs: 90 * 60_000 }));
}, 60_000);

async function duplicate(body: unknown, token = seeded.ev.adminToken) {
  const res = await fetch(suite.server.url + API.adminDuplicate, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
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
    const source = await suite.server.semis.storage.listAteliers(seeded.ev.event.id);
    expect(copy.ateliers.map((a) => [a.title, a.theme, a.question, a.boardKind, a.showAuthors, a.vote])).toEqual(source.map((a) => [a.title, a.theme, a.question, a.boardKind, a.showAuthors, a.vote]));
    expect(copy.ateliers[1]!.vote.mode).toBe('rating');
    expect(copy.ateliers.every((a) => a.phase === 'ideation')).toBe(true);
    // The timer as set up: full duration, not running.
    expect(copy.ateliers[2]!.timer).toEqual({ durationMs: 20 * 60_000, endsAt: null, remainingMs: 20 * 60_000, onZero: 'lock' });
    // The evening's countdown as well (docs/protocol.md: "timers as set up").
    expect(copy.event.timer).toEqual({ durationMs: 90 * 60_000, endsAt: null, remainingMs: 90 * 60_000, onZero: 'notify' });
    expect((await suite.server.semis.storage.getEvent(copy.event.id))!.timer).toEqual(copy.event.timer);

    const dump = await suite.server.semis.storage.archive.dumpEvent(copy.event.id);
    expect(dump.poster_groups!.map((g) => g.name).sort()).toEqual(seeded.groups.map((g) => g.group.name).sort());
    expect(dump.boards).toHaveLength(seeded.groups.length * 3);
    for (const empty of ['ideas', 'participants', 'candidates', 'vote_sessions', 'poster_members', 'board_comments']) expect(dump[empty], empty).toHaveLength(0);

    // Its own admin link opens it.
    const admin = await fetch(suite.server.url + API.adminEvent, { headers: { Authorization: `Bearer ${copy.adminToken}` } });
    expect(((await admin.json()) as { event: { name: string } }).event.name).toBe('Soirée des possibles — Haut-Doubs');
  });

  it('needs the admin link and a name', async () => {
    const link = must(await call<{ token: string }>(seeded.admin, C.coFacilitator, { atelierId: seeded.ev.ateliers[0]!.id, label: 'Zoé' }));
    expect((await duplicate({ name: 'x' }, link.token)).status).toBe(403);
    expect((await duplicate({ name: '' })).status).toBe(400);
    expect((await duplicate({ name: 'x', date: 'demain' })).status).toBe(400);
  });
});

describe('starting from the method\'s templates', () => {
  const paused = (ms: number, onZero = 'notify') => ({ durationMs: ms, endsAt: null, remainingMs: ms, onZero });
  async function create(template: keyof typeof METHOD_TEMPLATES) {
    const res = await fetch(suite.server.url + API.createEvent, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `Modèle ${template}`, ...METHOD_TEMPLATES[template] }) });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreateEventResult;
    const dump = await suite.server.semis.storage.archive.dumpEvent(created.event.id);
    const groups = (atelierId: string) =>
      dump.poster_groups!.filter((g) => g.atelier_id === atelierId).map((g) => [g.name, dump.boards!.filter((b) => b.group_id === g.id).map((b) => b.kind).sort()]).sort();
    return { created, groups, stored: await suite.server.semis.storage.listAteliers(created.event.id) };
  }

  it('grande soirée: fifteen thematic ateliers with their questions, nothing more', async () => {
    const { created, groups, stored } = await create('grande-soiree');
    expect(stored.map((a) => a.title)).toEqual(METHOD_TEMPLATES['grande-soiree'].ateliers.map((a) => a.title));
    expect(stored).toHaveLength(15);
    expect(stored.every((a) => a.timer === null && a.question.endsWith('?'))).toBe(true);
    expect(stored.every((a) => JSON.stringify(a.vote) === JSON.stringify(DEFAULT_VOTE_CONFIG))).toBe(true);
    expect(stored.flatMap((a) => groups(a.id))).toEqual([]);
    expect(created.event.timer).toBeNull();
  });

  it('atelier posters: five tables with a poster and an AFOM, an hour to draw, ten minutes to present', async () => {
    const { created, groups, stored } = await create('atelier-posters');
    expect(stored.map((a) => a.title)).toEqual(['Dessiner son territoire']);
    const [posters] = stored;
    expect(posters!.timer).toEqual(paused(60 * 60_000));
    expect(posters!.groupCreation).toEqual({ by: 'facilitators', perParticipant: 1 });
    expect(groups(posters!.id)).toEqual(['Table 1', 'Table 2', 'Table 3', 'Table 4', 'Table 5'].map((n) => [n, ['afom', 'poster']]));
    // The presentation timer: the evening's countdown, on every screen, set to ten minutes.
    expect(created.event.timer).toEqual(paused(TIMER_PRESETS.restitution));
    expect((await suite.server.semis.storage.getEvent(created.event.id))!.timer).toEqual(paused(10 * 60_000));
  });

  it('AFOM + débat: AFOM matrices, then scenario debates and a souhaitable × réaliste vote', async () => {
    const { groups, stored } = await create('afom-debat');
    expect(stored.map((a) => a.title)).toEqual(['Diagnostic AFOM', 'Débat de scénario']);
    const [afom, debate] = stored;
    expect(groups(afom!.id)).toEqual(['Groupe 1', 'Groupe 2', 'Groupe 3', 'Groupe 4'].map((n) => [n, ['afom']]));
    expect(groups(debate!.id)).toEqual(['Groupe 1', 'Groupe 2', 'Groupe 3', 'Groupe 4'].map((n) => [n, ['debat']]));
    expect(afom!.vote.mode).toBe('dots');
    expect(debate!.vote).toEqual({ ...DEFAULT_VOTE_CONFIG, mode: 'rating' });
    expect([afom!.timer, debate!.timer]).toEqual([paused(ATELIER_PRESETS.afom.timer.durationMs), paused(30 * 60_000)]);
  });

  it('refuses an unknown preset', async () => {
    const res = await fetch(suite.server.url + API.createEvent, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x', ateliers: [{ title: 'a', preset: 'karaoke' }] }) });
    expect(res.status).toBe(400);
  });
});
