import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API, C, GRANDE_SOIREE_TEMPLATE, remainingMs, type Atelier, type CreateEventResult, type Dashboard, type JoinResult } from '@semis/shared';
import { api, call, connect, facilitator, must, participant, useServer, waitFor, type Client } from '../support/harness';

describe('a grande soirée: 15 ateliers × 10 participants', () => {
  const suite = useServer();
  const { open } = suite;
  it('moves every atelier to vote at once and every phone switches; the dashboard counts them', async () => {
    const ev = (await api<CreateEventResult>(suite.server.url, API.createEvent, { body: { name: 'Grande soirée', ateliers: GRANDE_SOIREE_TEMPLATE } })).body;
    expect(ev.ateliers).toHaveLength(15);
    const admin = await facilitator(suite.server.url, ev.adminToken);
    open.push(admin);

    const phones: { socket: Client; atelierId: string; phases: string[] }[] = [];
    await Promise.all(
      ev.ateliers.flatMap((a) =>
        Array.from({ length: 10 }, async (_, i) => {
          const p = await participant(suite.server.url, ev.event.joinCode, `${a.title.slice(0, 20)} ${i}`, a.id);
          const phone = { socket: p.socket, atelierId: a.id, phases: [] as string[] };
          p.socket.on('atelier:state', ({ atelier }: { atelier: Atelier }) => phone.phases.push(`${atelier.id}:${atelier.phase}`));
          phones.push(phone);
          open.push(p.socket);
        }),
      ),
    );
    expect(phones).toHaveLength(150);

    const dash = must(await call<Dashboard>(admin, C.dashboard, {}));
    expect(dash.ateliers.map((a) => a.connected)).toEqual(Array(15).fill(10));
    const pushed = new Promise<Dashboard>((r) => admin.once('dashboard', r));

    must(await call(admin, C.setPhase, { atelierIds: 'all', phase: 'regroupement' }));
    const moved = must(await call<{ ateliers: Atelier[] }>(admin, C.setPhase, { atelierIds: 'all', phase: 'vote' }));
    expect(moved.ateliers.map((a) => a.phase)).toEqual(Array(15).fill('vote'));
    await waitFor(() => phones.every((p) => p.phases.at(-1) === `${p.atelierId}:vote`), 10_000, 'all 150 phones in vote');
    // Each phone heard only about its own atelier.
    expect(phones.every((p) => p.phases.every((s) => s.startsWith(p.atelierId)))).toBe(true);
    expect((await pushed).ateliers.every((a) => a.phase === 'vote' || a.phase === 'regroupement')).toBe(true);

    // A phone that posts now is told why not.
    const ack = await call(phones[0]!.socket, C.postIdea, { id: randomUUID(), atelierId: phones[0]!.atelierId, text: 'trop tard' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'PHASE_FORBIDS' } });
  });
});

describe('phases and timers survive a restart', () => {
  const suite = useServer();
  const { open } = suite;
  it('keeps phase, modes, atelier and event timers, blocks and co-facilitator links', async () => {
    const ev = (await api<CreateEventResult>(suite.server.url, API.createEvent, { body: { name: 'Soirée', ateliers: [{ title: 'A' }, { title: 'B' }] } })).body;
    const admin = await facilitator(suite.server.url, ev.adminToken);
    const [a, b] = ev.ateliers as [Atelier, Atelier];
    must(await call(admin, C.setPhase, { atelierIds: [b.id], phase: 'regroupement' }));
    must(await call(admin, C.configureAtelier, { atelierId: a.id, privateWriting: true, showAuthors: false }));
    must(await call(admin, C.timer, { target: a.id, action: 'start', durationMs: 600_000, onZero: 'lock' }));
    must(await call(admin, C.timer, { target: b.id, action: 'start', durationMs: 300_000 }));
    must(await call(admin, C.timer, { target: b.id, action: 'pause' }));
    must(await call(admin, C.timer, { target: 'event', action: 'start', durationMs: 3_600_000 }));
    const { token } = must(await call<{ token: string }>(admin, C.coFacilitator, { atelierId: b.id, label: 'Claire' }));
    const mallory = await participant(suite.server.url, ev.event.joinCode, 'Mallory', a.id);
    must(await call(admin, C.block, { participantId: mallory.join.participant.id }));
    admin.disconnect();
    mallory.socket.disconnect();

    await suite.restart();
    const again = await facilitator(suite.server.url, ev.adminToken);
    open.push(again);
    const state = must(await call<{ event: { timer: { durationMs: number } }; ateliers: Atelier[] }>(again, C.facilitatorAuth, { token: ev.adminToken }));
    const [a2, b2] = state.ateliers as [Atelier, Atelier];
    expect(a2).toMatchObject({ phase: 'ideation', privateWriting: true, showAuthors: false, timer: { onZero: 'lock', durationMs: 600_000 } });
    expect(remainingMs(a2.timer!, Date.now())).toBeGreaterThan(590_000);
    expect(b2).toMatchObject({ phase: 'regroupement', timer: { endsAt: null, onZero: 'notify' } });
    expect(b2.timer!.remainingMs).toBeGreaterThan(290_000);
    expect(state.event.timer.durationMs).toBe(3_600_000);
    const claire = await facilitator(suite.server.url, token);
    open.push(claire);
    const s = await connect(suite.server.url);
    open.push(s);
    expect(await call<JoinResult>(s, C.join, { code: ev.event.joinCode, pseudonym: 'mallory' })).toMatchObject({ ok: false, error: { code: 'PSEUDONYM_BLOCKED' } });
  });
});
