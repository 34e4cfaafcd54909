import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ACTIONS, C, PHASES, refusal, type EventStatePush, type Atelier, type CreateEventResult, type IdeaView, type Phase } from '@semis/shared';
import { call, createEvent, eventWithAdmin, facilitator, must, participant, useServer, type Client } from '../support/harness';

/** The server's clock: the real one, moved forward by the tests instead of sleeping. */
let skewMs = 0;
const now = () => new Date(Date.now() + skewMs).toISOString();
const suite = useServer({ config: { now } });
const { open } = suite;
let ev: CreateEventResult;
let admin: Client;
beforeAll(async () => {
  ({ ev, admin } = await eventWithAdmin(suite));
});

/** Walks an atelier one step at a time to the wanted phase, as the UI would. */
async function moveTo(atelier: Atelier, target: Phase): Promise<void> {
  const state = must(await call<{ ateliers: Atelier[] }>(admin, C.facilitatorAuth, { token: ev.adminToken })).ateliers.find((a) => a.id === atelier.id)!;
  let i = PHASES.indexOf(state.phase);
  const j = PHASES.indexOf(target);
  while (i !== j) {
    i += i < j ? 1 : -1;
    must(await call(admin, C.setPhase, { atelierIds: [atelier.id], phase: PHASES[i] }));
  }
}

describe('every row of the phase table, through the real server', () => {
  it.each(PHASES)('participant in %s: may exactly what the table says', async (phase) => {
    const atelier = ev.ateliers[0]!;
    await moveTo(atelier, 'ideation');
    const { socket } = await participant(suite.server.url, ev.event.joinCode, `P-${phase}`, atelier.id);
    open.push(socket);
    const own = must(await call<{ idea: IdeaView }>(socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'avant' })).idea;
    await moveTo(atelier, phase);

    const expectation = (action: (typeof ACTIONS)[number]) => refusal('participant', action, { phase });
    const post = await call(socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'pendant' });
    const edit = await call(socket, C.editIdea, { id: own.id, text: 'modifiée' });
    const del = await call(socket, C.deleteIdea, { id: own.id });
    for (const [ack, action] of [[post, 'idea.post'], [edit, 'idea.editOwn'], [del, 'idea.deleteOwn']] as const) {
      const why = expectation(action);
      if (why === null) expect(ack.ok).toBe(true);
      else expect(ack).toMatchObject({ ok: false, error: { code: why } });
    }
  });

  it('answers a retried post of an already stored idea even after the phase moved on', async () => {
    const atelier = ev.ateliers[1]!;
    await moveTo(atelier, 'ideation');
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Retry', atelier.id);
    open.push(socket);
    const id = randomUUID();
    must(await call(socket, C.postIdea, { id, atelierId: atelier.id, text: 'une idée' }));
    await moveTo(atelier, 'regroupement');
    expect(must(await call<{ created: boolean }>(socket, C.postIdea, { id, atelierId: atelier.id, text: 'une idée' })).created).toBe(false);
    expect(await call(socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'nouvelle' })).toMatchObject({ ok: false, error: { code: 'PHASE_FORBIDS' } });
    await moveTo(atelier, 'ideation');
  });
});

describe('facilitator commands are refused to everyone else', () => {
  const commands: [string, (a: Atelier) => unknown][] = [
    [C.setPhase, (a) => ({ atelierIds: [a.id], phase: 'regroupement' })],
    [C.configureAtelier, (a) => ({ atelierId: a.id, privateWriting: true })],
    [C.reveal, (a) => ({ atelierId: a.id })],
    [C.timer, (a) => ({ target: a.id, action: 'start', durationMs: 60_000 })],
    [C.modIdeas, (a) => ({ atelierId: a.id })],
    [C.moderateIdea, () => ({ id: randomUUID(), action: 'hide' })],
    [C.block, () => ({ participantId: randomUUID() })],
    [C.modLog, () => ({})],
    [C.dashboard, () => ({})],
    [C.coFacilitator, (a) => ({ atelierId: a.id, label: 'X' })],
    [C.follow, (a) => ({ atelierId: a.id, viewport: null })],
  ];

  it.each(commands)('%s: NOT_AUTHENTICATED for a participant connection', async (name, payload) => {
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Curieux', ev.ateliers[0]!.id);
    open.push(socket);
    expect(await call(socket, name, payload(ev.ateliers[0]!))).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  });

  it('refuses facilitator:auth with a participant token (FORBIDDEN) or a forged one', async () => {
    const { socket, join } = await participant(suite.server.url, ev.event.joinCode, 'Malin', ev.ateliers[0]!.id);
    open.push(socket);
    expect(await call(socket, C.facilitatorAuth, { token: join.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(socket, C.facilitatorAuth, { token: 'x'.repeat(43) })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  });

  it.each(commands.filter(([n]) => ![C.moderateIdea, C.block, C.modLog, C.dashboard].includes(n as never)))(
    '%s: FORBIDDEN for the facilitator of another event',
    async (name, payload) => {
      const other = await createEvent(suite.server.url, 1);
      const stranger = await facilitator(suite.server.url, other.adminToken);
      open.push(stranger);
      expect(await call(stranger, name, payload(ev.ateliers[0]!))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    },
  );

  it('keeps a co-facilitator to its own atelier', async () => {
    const { token, link } = must(await call<{ token: string; link: string }>(admin, C.coFacilitator, { atelierId: ev.ateliers[1]!.id, label: 'Claire' }));
    expect(link).toBe(`${suite.server.url}/animer#${token}`);
    const claire = await facilitator(suite.server.url, token);
    open.push(claire);
    const auth = must(await call<{ ateliers: Atelier[]; scope: string; actor: string }>(claire, C.facilitatorAuth, { token }));
    expect(auth.ateliers.map((a) => a.id)).toEqual([ev.ateliers[1]!.id]);
    expect(auth).toMatchObject({ scope: ev.ateliers[1]!.id, actor: 'Claire' });
    const pushed = new Promise<{ ateliers: { id: string }[] }>((r) => claire.once('dashboard', r));
    must(await call(claire, C.configureAtelier, { atelierId: ev.ateliers[1]!.id, showAuthors: true }));
    expect((await pushed).ateliers.map((a) => a.id)).toEqual([ev.ateliers[1]!.id]);
    expect(await call(claire, C.configureAtelier, { atelierId: ev.ateliers[0]!.id, showAuthors: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(claire, C.setPhase, { atelierIds: 'all', phase: 'ideation' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(claire, C.timer, { target: 'event', action: 'start', durationMs: 1000 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(claire, C.coFacilitator, { atelierId: ev.ateliers[1]!.id, label: 'Moi' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const log = must(await call<{ entries: { actor: string; action: string }[] }>(admin, C.modLog, {}));
    expect(log.entries.some((e) => e.actor === 'Claire' && e.action === 'configure')).toBe(true);
  });
});

describe('bad facilitator input', () => {
  it('refuses skipping phases, naming the atelier, and moves nothing', async () => {
    await moveTo(ev.ateliers[0]!, 'ideation');
    await moveTo(ev.ateliers[1]!, 'regroupement');
    const ack = await call(admin, C.setPhase, { atelierIds: 'all', phase: 'vote' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', field: ev.ateliers[0]!.id } });
    const state = must(await call<{ ateliers: Atelier[] }>(admin, C.facilitatorAuth, { token: ev.adminToken })).ateliers;
    expect(state.map((a) => a.phase)).toEqual(['ideation', 'regroupement']);
    expect(await call(admin, C.setPhase, { atelierIds: [ev.ateliers[0]!.id], phase: 'terminé' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    await moveTo(ev.ateliers[1]!, 'ideation');
  });

  it.each([0, -60_000, 24 * 3600_000 + 1, 1e15])('refuses a timer of %s ms with INVALID_TIMER', async (durationMs) => {
    expect(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'start', durationMs })).toMatchObject({ ok: false, error: { code: 'INVALID_TIMER' } });
  });

  it('refuses pausing a timer that does not exist, and non-numbers', async () => {
    must(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'clear' }));
    expect(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'pause' })).toMatchObject({ ok: false, error: { code: 'INVALID_TIMER' } });
    expect(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'start', durationMs: '10' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // Whole milliseconds only: a fractional one made endsAt a fractional epoch (docs/protocol.md: TimerState).
    expect(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'start', durationMs: 1.5 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'durationMs' } });
    must(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'start', durationMs: 60_000 }));
    expect(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'add', deltaMs: 0.5 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'deltaMs' } });
    must(await call(admin, C.timer, { target: ev.ateliers[0]!.id, action: 'clear' }));
  });

  it('refuses commands on a closed atelier, except reopening it', async () => {
    const a = ev.ateliers[1]!;
    await moveTo(a, 'cloture');
    expect(await call(admin, C.timer, { target: a.id, action: 'start', durationMs: 60_000 })).toMatchObject({ ok: false, error: { code: 'ATELIER_CLOSED' } });
    expect(await call(admin, C.reveal, { atelierId: a.id })).toMatchObject({ ok: false, error: { code: 'ATELIER_CLOSED' } });
    expect(await call(admin, C.configureAtelier, { atelierId: a.id, moderated: true })).toMatchObject({ ok: false, error: { code: 'ATELIER_CLOSED' } });
    must(await call(admin, C.setPhase, { atelierIds: [a.id], phase: 'restitution' }));
    await moveTo(a, 'ideation');
  });
});

describe('timers', () => {
  it('locks participants at zero with "lock", and only says "temps écoulé" otherwise', async () => {
    const a = ev.ateliers[0]!;
    await moveTo(a, 'ideation');
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Chrono', a.id);
    open.push(socket);
    must(await call(admin, C.timer, { target: a.id, action: 'start', durationMs: 150, onZero: 'notify' }));
    skewMs += 250;
    expect((await call(socket, C.postIdea, { id: randomUUID(), atelierId: a.id, text: 'encore' })).ok).toBe(true);
    must(await call(admin, C.timer, { target: a.id, action: 'start', durationMs: 150, onZero: 'lock' }));
    skewMs += 250;
    expect(await call(socket, C.postIdea, { id: randomUUID(), atelierId: a.id, text: 'trop tard' })).toMatchObject({ ok: false, error: { code: 'ATELIER_LOCKED' } });
    must(await call(admin, C.timer, { target: a.id, action: 'add', deltaMs: 60_000 }));
    expect((await call(socket, C.postIdea, { id: randomUUID(), atelierId: a.id, text: 'rallongé' })).ok).toBe(true);
    must(await call(admin, C.timer, { target: a.id, action: 'clear' }));
  });

  it('pushes the atelier timer to its participants and the event timer to everyone, with the server clock', async () => {
    const a = ev.ateliers[0]!;
    const { socket } = await participant(suite.server.url, ev.event.joinCode, 'Montre', a.id);
    open.push(socket);
    const atelierPush = new Promise<{ atelier: Atelier; serverTime: number }>((r) => socket.once('atelier:state', r));
    must(await call(admin, C.timer, { target: a.id, action: 'start', durationMs: 600_000 }));
    const got = await atelierPush;
    expect(got.atelier.timer?.durationMs).toBe(600_000);
    expect(Math.abs(got.serverTime - Date.now())).toBeLessThan(1000);
    const eventPush = new Promise<EventStatePush>((r) => socket.once('event:state', r));
    must(await call(admin, C.timer, { target: 'event', action: 'start', durationMs: 3_600_000 }));
    expect((await eventPush).timer?.durationMs).toBe(3_600_000);
    const paused = must(await call<{ timer: { endsAt: number | null; remainingMs: number } }>(admin, C.timer, { target: a.id, action: 'pause' }));
    expect(paused.timer.endsAt).toBeNull();
    const sync = must(await call<{ t: number; serverTime: number }>(socket, C.timeSync, { t: 42 }));
    expect(sync.t).toBe(42);
  });
});
