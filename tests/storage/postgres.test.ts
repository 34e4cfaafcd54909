import { DEFAULT_VOTE_CONFIG } from '@semis/shared';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStorage } from '../../server/src/storage/index';
import { migrate, MIGRATIONS } from '../../server/src/storage/migrations';
import { openPostgresDriver } from '../../server/src/storage/postgres-driver';
import { serviceAvailable } from '../support/services';
import { describeStorageContract } from './contract';
import { describePosterStoreContract } from './posterContract';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const where = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** One-off statement outside any pool (schema creation and cleanup). */
async function admin<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

const ok = await serviceAvailable('postgres', async () => void (await admin('SELECT 1')), { where, suite: 'storage' });

/** A fresh schema per use, so runs never see each other's rows; dropped in afterAll. */
const schemas: string[] = [];
async function freshSchema(): Promise<string> {
  const schema = `semis_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  await admin(`CREATE SCHEMA ${schema}`);
  return schema;
}

describe.skipIf(!ok)('PostgreSQL', () => {
  afterAll(async () => {
    for (const schema of schemas) await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  let contractSchema: Promise<string> | undefined;
  describeStorageContract('postgres', async () =>
    openStorage({ databaseUrl: url, dataDir: '', schema: await (contractSchema ??= freshSchema()) }),
  );
  describePosterStoreContract('postgres', async () => openStorage({ databaseUrl: url, dataDir: '', schema: await freshSchema() }));

  it('lets several processes migrate a fresh schema at once', async () => {
    const schema = await freshSchema();
    const storages = await Promise.all(Array.from({ length: 4 }, () => openStorage({ databaseUrl: url, dataDir: '', schema })));
    await Promise.all(storages.map((s) => s.close()));
    const applied = await admin<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('creates an idea once when two processes race on the same id', async () => {
    const schema = await freshSchema();
    const [a, b] = await Promise.all([1, 2].map(() => openStorage({ databaseUrl: url, dataDir: '', schema })));
    const eventId = randomUUID();
    const atelier = { id: randomUUID(), eventId, position: 0, title: 't', theme: '', question: '', boardKind: 'mur' as const, boardId: randomUUID(), phase: 'ideation' as const, privateWriting: false, moderated: false, showAuthors: true, timer: null, vote: DEFAULT_VOTE_CONFIG };
    await a!.createEvent(
      { id: eventId, name: 'e', date: null, place: '', joinCode: 'ACDEFG', adminTokenHash: randomUUID(), createdAt: new Date().toISOString(), timer: null, retentionDays: 30 },
      [atelier],
    );
    const idea = { id: randomUUID(), eventId, atelierId: atelier.id, boardId: atelier.boardId, authorId: randomUUID(), text: 'x', now: new Date().toISOString() };
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a! : b!).insertIdea(idea)));
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
    await Promise.all([a!.close(), b!.close()]);
  });

  it('hands out distinct grid slots when three processes post 450 ideas on one board', async () => {
    const schema = await freshSchema();
    const procs = await Promise.all([1, 2, 3].map(() => openStorage({ databaseUrl: url, dataDir: '', schema })));
    const eventId = randomUUID();
    const atelier = { id: randomUUID(), eventId, position: 0, title: 't', theme: '', question: '', boardKind: 'mur' as const, boardId: randomUUID(), phase: 'ideation' as const, privateWriting: false, moderated: false, showAuthors: true, timer: null, vote: DEFAULT_VOTE_CONFIG };
    await procs[0]!.createEvent(
      { id: eventId, name: 'e', date: null, place: '', joinCode: 'ACDEFH', adminTokenHash: randomUUID(), createdAt: new Date().toISOString(), timer: null, retentionDays: 30 },
      [atelier],
    );
    const ids = Array.from({ length: 450 }, () => randomUUID());
    await Promise.all(ids.map((id, i) =>
      procs[i % 3]!.insertIdea({ id, eventId, atelierId: atelier.id, boardId: atelier.boardId, authorId: randomUUID(), text: 'x', now: new Date().toISOString() }),
    ));
    const slots = await procs[1]!.ideaSlots(ids);
    expect(new Set(slots.values()).size).toBe(450);
    expect(Math.max(...slots.values())).toBe(449);
    await Promise.all(procs.map((s) => s.close()));
  });

  it('commits a board\'s concurrent posts with their cards together: distinct dense slots, each card once, none for a failed writer', async () => {
    const schema = await freshSchema();
    const procs = await Promise.all([1, 2].map(() => openStorage({ databaseUrl: url, dataDir: '', schema })));
    const eventId = randomUUID();
    const atelier = { id: randomUUID(), eventId, position: 0, title: 't', theme: '', question: '', boardKind: 'mur' as const, boardId: randomUUID(), phase: 'ideation' as const, privateWriting: false, moderated: false, showAuthors: true, timer: null, vote: DEFAULT_VOTE_CONFIG };
    await procs[0]!.createEvent(
      { id: eventId, name: 'e', date: null, place: '', joinCode: 'ACDEFJ', adminTokenHash: randomUUID(), createdAt: new Date().toISOString(), timer: null, retentionDays: 30 },
      [atelier],
    );
    const before = procs.map((p) => p.calls.transactions);
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const failing = new Set<string>([ids[7]!, ids[120]!]);
    const outcomes = await Promise.allSettled(ids.map((id, i) =>
      procs[i % 2]!.insertIdea(
        { id, eventId, atelierId: atelier.id, boardId: atelier.boardId, authorId: randomUUID(), text: 'x', now: new Date().toISOString() },
        ({ idea, slot }) => {
          if (failing.has(idea.id)) throw new Error('drawing failed');
          return yjsSet(`${idea.id}:${slot}`);
        },
      ),
    ));
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(2);
    const stored = ids.filter((id) => !failing.has(id));
    const slots = await procs[1]!.ideaSlots(ids);
    expect([...slots.keys()].sort()).toEqual([...stored].sort());
    // Distinct and dense: a failed writer's slot rolled back with it.
    expect(new Set(slots.values()).size).toBe(198);
    expect(Math.max(...slots.values())).toBe(197);
    // Each stored idea's card is in the log once, with the slot it was drawn with; none for a failure.
    const doc = new Y.Doc();
    for (const u of (await procs[0]!.loadBoard(atelier.boardId)).updates) Y.applyUpdate(doc, u);
    const cards = [...doc.getMap('m').keys()];
    expect(cards.sort()).toEqual(stored.map((id) => `${id}:${slots.get(id)}`).sort());
    // Posts that arrived together shared transactions (one commit for many), in each process.
    procs.forEach((p, i) => expect(p.calls.transactions - before[i]!).toBeLessThan(50));
    await Promise.all(procs.map((s) => s.close()));
  });

  it('loses no Yjs update when two processes append and compact the same board', async () => {
    const schema = await freshSchema();
    const procs = await Promise.all([1, 2].map(() => openStorage({ databaseUrl: url, dataDir: '', schema })));
    const board = randomUUID();
    const writes = Array.from({ length: 200 }, (_, i) => procs[i % 2]!.appendBoardUpdate(board, yjsSet(`k${i}`)));
    const compactions = Array.from({ length: 20 }, async (_, i) => {
      const s = procs[i % 2]!;
      const state = await s.loadBoard(board);
      const parts = state.snapshot ? [state.snapshot, ...state.updates] : state.updates;
      if (parts.length > 0) await s.compactBoard(board, Y.mergeUpdates(parts), state.lastSeq);
    });
    await Promise.all([...writes, ...compactions]);

    const state = await procs[0]!.loadBoard(board);
    const doc = new Y.Doc();
    for (const u of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, u);
    expect(doc.getMap('m').size).toBe(200);
    await Promise.all(procs.map((s) => s.close()));
  });

  it('leaves no trace of a migration that fails halfway', async () => {
    const schema = await freshSchema();
    const db = openPostgresDriver({ url, schema });
    const broken = { version: 99, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); CREATE TABLE oops (' };
    await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(await db.query(`SELECT to_regclass('half') AS t`)).toEqual([{ t: null }]);
    expect(await db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    await db.close();
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => openPostgresDriver({ url, schema: 'x; DROP TABLE events' })).toThrow();
  });
});

function yjsSet(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(key, true);
  return Y.encodeStateAsUpdate(doc);
}
