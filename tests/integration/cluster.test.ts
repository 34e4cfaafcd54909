import { randomUUID } from 'node:crypto';
import { applyUpdate, encodeStateAsUpdate } from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { C, S, moveIdea, readIdeaCards, readPosition, type CreateEventResult, type IdeaView, type JoinResult, type PresentState } from '@semis/shared';
import { call, connect, createEvent, facilitator, must, openBoard, waitFor, type Client } from '../support/harness';
import { seedWall } from '../support/room';
import { useProcesses, type ServerProcess } from '../support/process';
import { serviceAvailable } from '../support/services';
import { DATABASE_URL, probePostgres, probeRedis, REDIS_URL, tempSchema } from '../support/env';

const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'multi-process (PostgreSQL + Redis)' });
const redisOk = await serviceAvailable('redis', probeRedis, { where: REDIS_URL, suite: 'multi-process (PostgreSQL + Redis)' });

describe.skipIf(!pgOk || !redisOk)('several server processes on PostgreSQL + Redis', () => {
  // Its sockets closed, then every process it started (restarted ones too) ended, then its
  // schema dropped, after it.
  const processes = useProcesses();
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  let env: Record<string, string>;
  let a: ServerProcess;
  let b: ServerProcess;
  let ev: CreateEventResult;
  let joined = 0;

  beforeAll(async () => {
    schema = await tempSchema();
    processes.after(() => schema.drop());
    env = { DATABASE_URL, DATABASE_SCHEMA: schema.name, REDIS_URL, PERSIST_DEBOUNCE_MS: '50' };
    [a, b] = await Promise.all([processes.spawn(env), processes.spawn(env)]);
    ev = await createEvent(a.url, 1);
  }, 60_000);

  /** For a test that starts server processes: each is node + tsx loading the server (3–4 s of
   * CPU), which spawnServer allows 45 s on a busy machine — more than the default 30 s per test. */
  const SPAWNS = 60_000;

  async function participantOn(url: string, token?: string): Promise<{ socket: Client; join: JoinResult }> {
    const socket = await connect(url);
    processes.open.push(socket);
    const join = must(await call<JoinResult>(socket, C.join, token ? { token } : { code: ev.event.joinCode, pseudonym: `Léa ${++joined}` }));
    must(await call(socket, C.enterAtelier, { atelierId: ev.ateliers[0]!.id }));
    return { socket, join };
  }

  it('shows an idea posted through process A on a wall connected to process B', async () => {
    const wallB = openBoard(b.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await wallB.synced;
    const { socket } = await participantOn(a.url);
    const { idea } = must(await call<{ idea: IdeaView }>(socket, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, text: 'Une navette' }));
    await waitFor(() => readIdeaCards(wallB.doc).some((c) => c.id === idea.id), 5000, 'idea on B');
    wallB.destroy();
  });

  it('syncs sticky moves between walls on different processes', async () => {
    const wallA = openBoard(a.url, ev.ateliers[0]!.boardId, ev.adminToken);
    const wallB = openBoard(b.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await Promise.all([wallA.synced, wallB.synced]);
    const id = readIdeaCards(wallA.doc)[0]!.id;
    moveIdea(wallB.doc, id, { x: 42, y: 43 });
    await waitFor(() => readPosition(wallA.doc, id)?.x === 42, 5000, 'move on A');
    wallA.destroy();
    wallB.destroy();
  });

  it('reaches a participant’s other tab on another process through socket.io rooms', async () => {
    const first = await participantOn(a.url);
    const second = await participantOn(b.url, first.join.token);
    const seen = new Promise<IdeaView>((resolve) => second.socket.on(S.ideaChanged, resolve));
    const id = randomUUID();
    must(await call(first.socket, C.postIdea, { id, atelierId: ev.ateliers[0]!.id, text: 'Depuis l’autre onglet' }));
    expect((await seen).id).toBe(id);
  });

  it('moves a phone on process B when the facilitator on process A changes the phase, and blocks across processes', async () => {
    const admin = await connect(a.url);
    processes.open.push(admin);
    must(await call(admin, C.facilitatorAuth, { token: ev.adminToken }));
    const { socket, join } = await participantOn(b.url);
    const moved = new Promise<{ atelier: { phase: string } }>((r) => socket.once('atelier:state', r));
    must(await call(admin, C.setPhase, { atelierIds: [ev.ateliers[0]!.id], phase: 'regroupement' }));
    expect((await moved).atelier.phase).toBe('regroupement');
    must(await call(admin, C.setPhase, { atelierIds: [ev.ateliers[0]!.id], phase: 'ideation' }));
    const dashboard = must(await call<{ ateliers: { connected: number }[] }>(admin, C.dashboard, {}));
    expect(dashboard.ateliers[0]!.connected).toBeGreaterThanOrEqual(1);
    const told = new Promise((r) => socket.once('participant:blocked', r));
    const gone = new Promise((r) => socket.once('disconnect', r));
    must(await call(admin, C.block, { participantId: join.participant.id }));
    await told;
    await gone;
  });

  it('*présenter*: a projector on process B follows, steps and stops what a console on process A started', async () => {
    const fresh = await createEvent(a.url, 1);
    const atelierId = fresh.ateliers[0]!.id;
    const { wall, sockets: authors } = await seedWall(a.url, fresh, fresh.ateliers[0]!, [
      { title: 'Mobilité', texts: ['navette'] },
      { title: 'Santé', texts: ['médecin'] },
      { title: 'Circuits courts', texts: ['marché'] },
    ]);
    processes.open.push(...authors);
    const [consoleA, projectorB] = await Promise.all([facilitator(a.url, fresh.adminToken), facilitator(b.url, fresh.adminToken)]);
    processes.open.push(consoleA, projectorB);
    type Ack = { state: PresentState | null };
    const get = async (socket: Client) => must(await call<Ack>(socket, C.present, { action: 'get', atelierId })).state;
    await waitFor(async () => (must(await call<Ack>(consoleA, C.present, { action: 'start', atelierId, kind: 'clusters' })).state?.count ?? 0) === 3, 5000, 'three clusters');
    expect(await get(projectorB)).toEqual({ atelierId, kind: 'clusters', index: 0, count: 3, itemId: 'cl-0' });
    // The clicker on the projector (B) and the console (A) press "next" at once: never past the end.
    const step = (socket: Client, delta: 1 | -1) => call<Ack>(socket, C.present, { action: 'step', atelierId, delta });
    for (const ack of await Promise.all([step(consoleA, 1), step(projectorB, 1), step(consoleA, 1), step(projectorB, 1)])) must(ack);
    expect(await get(projectorB)).toMatchObject({ index: 2, itemId: 'cl-2' });
    expect(must(await step(projectorB, -1)).state).toMatchObject({ index: 1, itemId: 'cl-1' });
    expect(await get(consoleA)).toMatchObject({ index: 1, itemId: 'cl-1' });
    expect(must(await call<Ack>(consoleA, C.present, { action: 'stop', atelierId })).state).toBeNull();
    expect(await get(projectorB)).toBeNull();
    expect(await step(projectorB, 1)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    wall.destroy();
  });

  it('loses nothing when a process is killed: clients reconnect to another and resend', async () => {
    const boardId = ev.ateliers[0]!.boardId;
    const victim = await processes.spawn(env);
    const wall = openBoard(victim.url, boardId, ev.adminToken);
    await wall.synced;
    const id = readIdeaCards(wall.doc)[0]!.id;
    // Kill right after the move: the victim may not have flushed or relayed it.
    moveIdea(wall.doc, id, { x: 1234, y: 5678 });
    await victim.kill('SIGKILL');
    wall.provider.destroy();

    // The same browser document reconnects through another process (as behind a load balancer).
    const again = openBoard(b.url, boardId, ev.adminToken);
    applyUpdate(again.doc, encodeStateAsUpdate(wall.doc));
    await again.synced;
    const observer = openBoard(a.url, boardId, ev.adminToken);
    await observer.synced;
    await waitFor(() => readPosition(observer.doc, id)?.x === 1234, 5000, 'resent move visible on A');
    again.destroy();
    observer.destroy();
    wall.doc.destroy();
  }, SPAWNS);

  it('keeps every acknowledged idea when all processes restart', async () => {
    const { socket } = await participantOn(b.url);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(must(await call<{ idea: IdeaView }>(socket, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[0]!.id, text: `idée ${i}` })).idea.id);
    await Promise.all([a.kill(), b.kill('SIGKILL')]);
    [a, b] = await Promise.all([processes.spawn(env), processes.spawn(env)]);
    const wall = openBoard(b.url, ev.ateliers[0]!.boardId, ev.adminToken);
    await wall.synced;
    const onBoard = new Set(readIdeaCards(wall.doc).map((c) => c.id));
    for (const id of ids) expect(onBoard.has(id)).toBe(true);
    expect(readPosition(wall.doc, readIdeaCards(wall.doc)[0]!.id)).toEqual({ x: 1234, y: 5678 });
    wall.destroy();
  }, SPAWNS);
});
