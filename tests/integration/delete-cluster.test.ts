import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, C, moveIdea, readIdeaCards, type IdeaView } from '@semis/shared';
import { call, connect, createEvent, facilitator, must, openBoard, participant, sleep, waitFor, type Client } from '../support/harness';
import { useProcesses, type ServerProcess } from '../support/process';
import { serviceAvailable } from '../support/services';
import { DATABASE_URL, probePostgres, probeRedis, REDIS_URL, tempSchema } from '../support/env';
import { postgresDb } from '../support/rawDb';
import { upgradeStatus, wsUrl } from '../support/yjsRaw';

const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'deletion across processes (PostgreSQL + Redis)' });
const redisOk = await serviceAvailable('redis', probeRedis, { where: REDIS_URL, suite: 'deletion across processes (PostgreSQL + Redis)' });

describe.skipIf(!pgOk || !redisOk)('deleting an event on one process ends it on the others (and importing it again reopens it there)', () => {
  // Its sockets closed, then its processes ended, then its schema dropped, after it.
  const processes = useProcesses();
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    schema = await tempSchema();
    processes.after(() => schema.drop());
    const env = { DATABASE_URL, DATABASE_SCHEMA: schema.name, REDIS_URL, PERSIST_DEBOUNCE_MS: '20' };
    // One after the other: two tsx start-ups at once can take over 20 s on a loaded 2-core machine.
    a = await processes.spawn(env);
    b = await processes.spawn(env);
  }, 60_000);

  it('disconnects phones, consoles and walls on process B and no late write brings a board back', async () => {
    const ev = await createEvent(a.url, 1);
    const atelier = ev.ateliers[0]!;
    // Everyone is on process B; the deletion goes through process A.
    const phone = await participant(b.url, ev.event.joinCode, 'Léa Dupré', atelier.id);
    const console = await facilitator(b.url, ev.adminToken);
    processes.open.push(phone.socket, console);
    const { idea } = must(await call<{ idea: IdeaView }>(phone.socket, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'Une navette le samedi' }));
    const wall = openBoard(b.url, atelier.boardId, ev.adminToken);
    await wall.synced;
    await waitFor(() => readIdeaCards(wall.doc).some((c) => c.id === idea.id), 5000, 'the idea on the wall');
    const archive = await (await fetch(a.url + API.adminArchive, { headers: { Authorization: `Bearer ${ev.adminToken}` } })).text();
    const closes: number[] = [];
    wall.provider.on('connection-close', (event: CloseEvent | null) => void closes.push(event?.code ?? 0));
    // The facilitator keeps dragging the sticky on B while the event is deleted on A.
    let x = 0;
    const dragging = setInterval(() => moveIdea(wall.doc, idea.id, { x: ++x, y: 0 }), 5);
    const gone = new Map<Client, string>();
    for (const s of [phone.socket, console]) s.once('disconnect', (reason) => void gone.set(s, reason));
    try {
      await sleep(200);
      const res = await fetch(a.url + API.adminEvent, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${ev.adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ confirm: ev.event.joinCode }),
      });
      expect(res.status).toBe(200);
      await waitFor(() => gone.size === 2, 5000, 'the phone and the console on B let go');
      expect([...gone.values()]).toEqual(['transport close', 'transport close']);
      await waitFor(() => closes.includes(4404), 5000, 'the wall closed with 4404 on B');
      // The wall keeps writing (and its provider keeps reconnecting) a while longer.
      await sleep(1000);
    } finally {
      clearInterval(dragging);
      wall.destroy();
    }
    await sleep(500);

    const db = await postgresDb(schema.name);
    try {
      for (const table of ['board_updates', 'board_snapshots']) {
        const rows = (await db.rows(table)).filter((r) => r.board_id === atelier.boardId);
        expect(rows, `${table} rows of the deleted wall`).toEqual([]);
      }
      expect((await db.rows('events')).filter((e) => e.id === ev.event.id)).toEqual([]);
    } finally {
      await db.close();
    }
    // Coming back, through either process, finds nothing.
    for (const url of [a.url, b.url]) {
      expect(await upgradeStatus(wsUrl(url, atelier.boardId, ev.adminToken))).toBe(401);
      const again = await connect(url);
      processes.open.push(again);
      expect(await call(again, C.join, { token: phone.join.token })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
      expect(await call(again, C.facilitatorAuth, { token: ev.adminToken })).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    }
    // Its archive imported again through A: B, which had discarded its boards too, opens them.
    const imported = await fetch(a.url + API.importEvent, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: archive });
    expect(imported.status).toBe(201);
    expect(await upgradeStatus(wsUrl(b.url, atelier.boardId, ev.adminToken))).toBe(101);
    const back = await connect(b.url);
    processes.open.push(back);
    must(await call(back, C.join, { token: phone.join.token, atelierId: atelier.id }));
    expect(await call(back, C.postIdea, { id: randomUUID(), atelierId: atelier.id, text: 'De retour' })).toMatchObject({ ok: true });
  }, 60_000);
});
