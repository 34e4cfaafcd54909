import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { C, type CreateEventResult, type IdeaView, type JoinResult } from '@semis/shared';
import pg from 'pg';
import { call, connect, createEvent, must, participant, startServer, useServer, type Client } from '../support/harness';
import { DATABASE_URL, probePostgres, tempSchema } from '../support/env';
import { serviceAvailable } from '../support/services';

/** Issue #13: a stalled fsync delays the acks of the writes waiting on it, and nothing else. */
const suite = useServer({ config: { sqliteSynchronous: 'FULL' } });
let ev: CreateEventResult;

beforeAll(async () => {
  ev = await createEvent(suite.server.url, 2);
});

const STALL_MS = 1500;

describe('a stalled SQLite commit (storage worker)', () => {
  it('keeps time:sync and token joins flowing; stalled posts are acked only once committed', async () => {
    const a = await participant(suite.server.url, ev.event.joinCode, 'Aline', ev.ateliers[0]!.id);
    const b = await participant(suite.server.url, ev.event.joinCode, 'Bruno', ev.ateliers[1]!.id);
    const rejoining = await connect(suite.server.url);
    suite.open.push(a.socket, b.socket, rejoining);

    suite.server.semis.storage.stallCommits!(STALL_MS);
    const stalledAt = performance.now();
    const ackedAt: Record<string, number> = {};
    const post = (who: Client, atelier: number, name: string) =>
      call<{ idea: IdeaView; created: boolean }>(who, C.postIdea, { id: randomUUID(), atelierId: ev.ateliers[atelier]!.id, text: `idée ${name}` }, 10_000).then((ack) => {
        ackedAt[name] = performance.now() - stalledAt;
        return ack;
      });
    const first = post(a.socket, 0, 'first');

    // While that commit is stalled: a clock round trip and a rejoin (reads only) answer at once…
    const t0 = performance.now();
    must(await call(a.socket, C.timeSync, { t: Date.now() }));
    const syncMs = performance.now() - t0;
    const t1 = performance.now();
    const again = must(await call<JoinResult>(rejoining, C.join, { token: a.join.token }));
    const joinMs = performance.now() - t1;
    expect(again.participant.id).toBe(a.join.participant.id);
    expect(syncMs).toBeLessThan(500);
    expect(joinMs).toBeLessThan(500);
    expect(ackedAt.first).toBeUndefined();

    // …and another board's post is taken: it joins the next commit, after the stalled one.
    const other = post(b.socket, 1, 'other');
    const [firstAck, otherAck] = await Promise.all([first, other]);
    expect(firstAck.ok && firstAck.data.created).toBe(true);
    expect(otherAck.ok && otherAck.data.created).toBe(true);
    expect(ackedAt.first).toBeGreaterThanOrEqual(STALL_MS - 100);
    expect(ackedAt.other).toBeGreaterThanOrEqual(ackedAt.first! - 50);

    // Acknowledged means committed: a second connection to the file sees both ideas.
    const { openSqliteDriver } = await import('../../server/src/storage/sqlite-driver');
    const db = openSqliteDriver(`${suite.server.dataDir}/semis.db`);
    const rows = await db.query<{ text: string }>('SELECT text FROM ideas ORDER BY text');
    expect(rows.map((r) => r.text)).toEqual(['idée first', 'idée other']);
    await db.close();
  });
});

const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite: 'stalled PostgreSQL write' });

describe.skipIf(!pgOk)('a stalled PostgreSQL write (a lock held elsewhere)', () => {
  it('keeps time:sync and reads flowing; the stalled post is acked once its commit went through', async () => {
    const schema = await tempSchema();
    const pgServer = await startServer({ databaseUrl: DATABASE_URL, config: { databaseSchema: schema.name } });
    const locker = new pg.Client({ connectionString: DATABASE_URL });
    try {
      const pev = await createEvent(pgServer.url, 1);
      const a = await participant(pgServer.url, pev.event.joinCode, 'Aline', pev.ateliers[0]!.id);
      const rejoining = await connect(pgServer.url);
      suite.open.push(a.socket, rejoining);
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${schema.name}.ideas IN EXCLUSIVE MODE`);
      const lockedAt = performance.now();
      let ackedAfter = -1;
      const stalled = call<{ created: boolean }>(a.socket, C.postIdea, { id: randomUUID(), atelierId: pev.ateliers[0]!.id, text: 'bloquée' }, 10_000).then((ack) => {
        ackedAfter = performance.now() - lockedAt;
        return ack;
      });
      const t0 = performance.now();
      must(await call(a.socket, C.timeSync, { t: Date.now() }));
      must(await call<JoinResult>(rejoining, C.join, { token: a.join.token }));
      expect(performance.now() - t0).toBeLessThan(500);
      await new Promise((r) => setTimeout(r, 800)); // the lock is held for a while, on purpose
      expect(ackedAfter).toBe(-1);
      await locker.query('COMMIT');
      const ack = await stalled;
      expect(ack.ok && ack.data.created).toBe(true);
      expect(ackedAfter).toBeGreaterThanOrEqual(800);
    } finally {
      await locker.end().catch(() => {});
      await pgServer.stop();
      await schema.drop();
    }
  });
});
