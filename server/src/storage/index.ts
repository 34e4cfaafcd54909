import fs from 'node:fs';
import path from 'node:path';
import { openPostgresDriver } from './postgres-driver';
import type { SqliteSynchronous } from './sqlite-driver';
import { openSqliteWorkerDriver } from './sqlite-worker-driver';
import { createSqlStorage } from './sql-storage';
import type { Storage } from './types';

export * from './types';
export { UniqueViolationError } from './sql-driver';
export { createSqlStorage } from './sql-storage';

export interface StorageConfig {
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL only: tables live in this (existing) schema; tests use one per run. */
  schema?: string;
  /** SQLite only: FULL (default) fsyncs every commit; NORMAL survives a process crash only. */
  sqliteSynchronous?: SqliteSynchronous;
}

/** PostgreSQL for a postgres:// URL, else the SQLite file <dataDir>/semis.db. Migrated. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const url = config.databaseUrl;
  let storage: Storage;
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    // Falling back to SQLite here would quietly keep the data somewhere nobody looks.
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got ${url.split(':')[0]}:)`);
  }
  if (url) {
    storage = createSqlStorage(openPostgresDriver({ url, schema: config.schema }));
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    storage = createSqlStorage(await openSqliteWorkerDriver(path.join(config.dataDir, 'semis.db'), { synchronous: config.sqliteSynchronous }));
  }
  try {
    await storage.migrate();
  } catch (err) {
    await storage.close().catch(() => {});
    throw err;
  }
  return storage;
}
