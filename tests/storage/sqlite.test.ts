import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../server/src/storage/index';
import { migrate, MIGRATIONS } from '../../server/src/storage/migrations';
import { openSqliteDriver } from '../../server/src/storage/sqlite-driver';
import { openSqliteWorkerDriver } from '../../server/src/storage/sqlite-worker-driver';
import { describeStorageContract } from './contract';
import { describePosterStoreContract } from './posterContract';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'semis-sqlite-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// A data dir that does not exist yet: openStorage must create it.
describeStorageContract('sqlite', () => openStorage({ dataDir: path.join(root, 'data', 'nested') }));
describePosterStoreContract('sqlite', () => openStorage({ dataDir: path.join(root, 'posters') }));

describe('SQLite driver', () => {
  it('is durable: WAL, synchronous FULL, busy timeout, foreign keys', async () => {
    const db = openSqliteDriver(path.join(root, 'pragmas.db'));
    expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await db.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
    expect(await db.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    await db.close();
  });

  it('binds $n placeholders, repeated and out of order, booleans and bytes', async () => {
    const db = openSqliteDriver(':memory:');
    const rows = await db.query('SELECT $2 AS b, $1 AS a, $2 AS again, $3 AS flag, $4 AS data', ['a', 'b', true, new Uint8Array([0, 255])]);
    expect(rows).toEqual([{ b: 'b', a: 'a', again: 'b', flag: 1, data: Buffer.from([0, 255]) }]);
    await db.close();
  });

  it('rolls a failed transaction back and keeps serving other calls', async () => {
    const db = openSqliteDriver(':memory:');
    await db.exec('CREATE TABLE t (v INTEGER)');
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES ($1)', [1]);
      throw new Error('boom');
    });
    const outside = db.run('INSERT INTO t (v) VALUES ($1)', [2]);
    await expect(failing).rejects.toThrow('boom');
    await outside;
    expect(await db.query('SELECT v FROM t')).toEqual([{ v: 2 }]);
    await db.close();
  });

  it('leaves no trace of a migration that fails halfway', async () => {
    const db = openSqliteDriver(':memory:');
    const broken = { version: 99, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); CREATE TABLE oops (' };
    await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(await db.query(`SELECT name FROM sqlite_master WHERE name = 'half'`)).toEqual([]);
    expect(await db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    await db.close();
  });
});

describe('SQLite worker driver (commits off the main thread)', () => {
  it('keeps the durable pragmas on its write connection', async () => {
    const db = await openSqliteWorkerDriver(path.join(root, 'worker-pragmas.db'));
    expect(await db.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await db.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await db.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    await db.close();
  });

  it('group-commits concurrent writes, a failing one rolled back alone', async () => {
    const db = await openSqliteWorkerDriver(path.join(root, 'worker-batch.db'));
    await db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)');
    const writes = Array.from({ length: 200 }, (_, i) => db.run('INSERT INTO t (v) VALUES ($1)', [i]));
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES ($1)', [1000]);
      await tx.run('INSERT INTO t (v) VALUES ($1)', [5]); // duplicate key
    });
    const lone = db.run('INSERT INTO t (v) VALUES ($1)', [7]); // duplicate, alone
    const after = db.run('INSERT INTO t (v) VALUES ($1)', [500]);
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    await expect(lone).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await Promise.all(writes)).toEqual(Array(200).fill(1));
    expect(await after).toBe(1);
    expect(await db.query('SELECT COUNT(*) AS n, MAX(v) AS top FROM t WHERE v < 1000')).toEqual([{ n: 201, top: 500 }]);
    expect(await db.query('SELECT v FROM t WHERE v = 1000')).toEqual([]);
    await db.close();
  });

  it('a pushed statement (not waited for) that fails rolls back its own write only, after the others of the batch ran', async () => {
    const db = await openSqliteWorkerDriver(path.join(root, 'worker-push.db'));
    await db.exec('CREATE TABLE t (v INTEGER PRIMARY KEY)');
    const write = (first: number, pushed: number) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (v) VALUES ($1)', [first]);
        tx.push!('INSERT INTO t (v) VALUES ($1)', [pushed]);
        return first;
      });
    const before = Array.from({ length: 20 }, (_, i) => write(i, 100 + i));
    const failing = write(50, 3); // the pushed insert collides: 50 must go too
    const after = Array.from({ length: 20 }, (_, i) => write(200 + i, 300 + i));
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await Promise.all([...before, ...after])).toEqual([...Array.from({ length: 20 }, (_, i) => i), ...Array.from({ length: 20 }, (_, i) => 200 + i)]);
    expect(await db.query('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 80 }]);
    expect(await db.query('SELECT v FROM t WHERE v = 50')).toEqual([]);
    // A write whose later statement follows a failed push fails as a whole too.
    const followed = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES ($1)', [60]);
      tx.push!('INSERT INTO t (v) VALUES ($1)', [4]);
      await tx.run('INSERT INTO t (v) VALUES ($1)', [61]);
    });
    await expect(followed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await db.query('SELECT v FROM t WHERE v IN (60, 61)')).toEqual([]);
    expect(await db.run('INSERT INTO t (v) VALUES ($1)', [62])).toBe(1);
    await db.close();
  });

  it('while a commit is stalled, reads keep answering and the stalled write resolves only once committed', async () => {
    const file = path.join(root, 'worker-stall.db');
    const db = await openSqliteWorkerDriver(file);
    await db.exec('CREATE TABLE t (v INTEGER)');
    await db.run('INSERT INTO t (v) VALUES (1)');
    db.stallCommits(800);
    const started = performance.now();
    let committedAt = 0;
    const write = db.run('INSERT INTO t (v) VALUES (2)').then(() => (committedAt = performance.now()));
    // The main thread is free: a timer fires on time and reads see the last commit.
    const timerLate = await new Promise<number>((resolve) => {
      const t0 = performance.now();
      setTimeout(() => resolve(performance.now() - t0 - 50), 50);
    });
    expect(timerLate).toBeLessThan(100);
    expect(await db.query('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }]);
    expect(committedAt).toBe(0);
    await write;
    expect(committedAt - started).toBeGreaterThanOrEqual(700);
    // A second connection (another process, or a restart) sees it: it is committed.
    const other = openSqliteDriver(file);
    expect(await other.query('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }, { v: 2 }]);
    await other.close();
    await db.close();
  });
});
