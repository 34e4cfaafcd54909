import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../server/src/storage/index';
import { migrate, MIGRATIONS } from '../../server/src/storage/migrations';
import { openSqliteDriver } from '../../server/src/storage/sqlite-driver';
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
