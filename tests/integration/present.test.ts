import { describe, expect, it } from 'vitest';
import { C, S, type PresentState } from '@semis/shared';
import { call, connect, createEvent, facilitator, must, participant, record, useServer, waitFor } from '../support/harness';
import { seedWall } from '../support/room';

const suite = useServer();
const { open } = suite;

type Ack = { state: PresentState | null };

describe('présenter: one cluster, candidate or poster per screen, decided by the server', () => {
  it('start, step both ways within bounds, pushed to the projector; stop', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const [atelier, other] = ev.ateliers;
    const { wall, sockets } = await seedWall(suite.server.url, ev, atelier!, [
      { title: 'Mobilité', texts: ['navette'] },
      { title: 'Santé', texts: ['médecin'] },
      { title: 'Circuits courts', texts: ['marché'] },
    ]);
    open.push(...sockets);
    const consoleSocket = await facilitator(suite.server.url, ev.adminToken);
    const projector = await facilitator(suite.server.url, ev.adminToken);
    open.push(consoleSocket, projector);
    const pushes = record(projector);
    const presentIs = (index: number) => waitFor(() => pushes.some((p) => p.event === S.present && (p.args[0] as { state: PresentState | null }).state?.index === index), 3000, `push of index ${index}`);

    // The wall's clusters reach the server's copy of the document before we start.
    await waitFor(async () => (must(await call<Ack>(consoleSocket, C.present, { action: 'start', atelierId: atelier!.id, kind: 'clusters' })).state?.count ?? 0) === 3, 5000, 'three clusters');
    let state = must(await call<Ack>(consoleSocket, C.present, { action: 'get', atelierId: atelier!.id })).state!;
    expect(state).toEqual({ atelierId: atelier!.id, kind: 'clusters', index: 0, count: 3, itemId: 'cl-0' });
    await presentIs(0);

    // Two consoles pressing "next" at once never skip past the end.
    await Promise.all([1, 2, 3].map(() => call<Ack>(consoleSocket, C.present, { action: 'step', atelierId: atelier!.id, delta: 1 })));
    state = must(await call<Ack>(projector, C.present, { action: 'get', atelierId: atelier!.id })).state!;
    expect(state).toMatchObject({ index: 2, itemId: 'cl-2' });
    await presentIs(2);
    state = must(await call<Ack>(consoleSocket, C.present, { action: 'step', atelierId: atelier!.id, delta: -1 })).state!;
    expect(state).toMatchObject({ index: 1, itemId: 'cl-1' });

    // Candidates and posters count what the atelier has (none yet).
    must(await call(consoleSocket, C.setPhase, { atelierIds: [atelier!.id], phase: 'regroupement' }));
    must(await call(consoleSocket, C.promote, { atelierId: atelier!.id, itemId: 'cl-1' }));
    state = must(await call<Ack>(consoleSocket, C.present, { action: 'start', atelierId: atelier!.id, kind: 'candidates' })).state!;
    expect(state).toMatchObject({ kind: 'candidates', index: 0, count: 1 });
    expect(state.itemId).toMatch(/^[0-9a-f-]{36}$/);
    state = must(await call<Ack>(consoleSocket, C.present, { action: 'start', atelierId: atelier!.id, kind: 'posters', index: 5 })).state!;
    expect(state).toMatchObject({ kind: 'posters', index: 0, count: 0, itemId: null });

    expect(must(await call<Ack>(consoleSocket, C.present, { action: 'stop', atelierId: atelier!.id })).state).toBeNull();
    await waitFor(() => pushes.some((p) => p.event === S.present && (p.args[0] as { state: unknown }).state === null), 3000, 'stop push');
    expect(must(await call<Ack>(projector, C.present, { action: 'get', atelierId: atelier!.id })).state).toBeNull();
    // A step with nothing presented is refused, clearly.
    expect(await call(consoleSocket, C.present, { action: 'step', atelierId: other!.id, delta: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    wall.destroy();
  });

  it('rights on every channel: participants, anonymous sockets, other ateliers’ co-facilitators, bad payloads', async () => {
    const ev = await createEvent(suite.server.url, 2);
    const [a1, a2] = ev.ateliers;
    const admin = await facilitator(suite.server.url, ev.adminToken);
    open.push(admin);
    const { token } = must(await call<{ token: string }>(admin, C.coFacilitator, { atelierId: a2!.id, label: 'Claire' }));
    const claire = await facilitator(suite.server.url, token);
    const anon = await connect(suite.server.url);
    const phone = await participant(suite.server.url, ev.event.joinCode, 'Léa', a1!.id);
    open.push(claire, anon, phone.socket);
    const start = { action: 'start', atelierId: a1!.id, kind: 'clusters' };
    expect(await call(claire, C.present, start)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(anon, C.present, start)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await call(phone.socket, C.present, start)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    for (const bad of [{ action: 'step', atelierId: a1!.id, delta: 2 }, { action: 'start', atelierId: a1!.id, kind: 'slides' }, { action: 'jump' }, null, 'x']) {
      expect(await call(admin, C.present, bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(await call(admin, C.present, { action: 'get', atelierId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ATELIER' } });
    // Claire presents her own atelier.
    expect(must(await call<Ack>(claire, C.present, { action: 'start', atelierId: a2!.id, kind: 'clusters' })).state).toMatchObject({ count: 0, itemId: null });
  });
});
