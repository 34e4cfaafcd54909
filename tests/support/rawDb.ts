import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { DATABASE_URL } from './env';

/** Every table of the live schema, read raw: what the database really holds. */
export interface RawDb {
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  rows(table: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export function sqliteDb(dataDir: string): RawDb {
  const db = new Database(path.join(dataDir, 'semis.db'), { readonly: true });
  return {
    tables: async () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name).sort(),
    columns: async (t) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((r) => r.name).sort(),
    rows: async (t) => db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

export async function postgresDb(schema: string): Promise<RawDb> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  return {
    tables: async () => (await client.query<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1', [schema])).rows.map((r) => r.t).sort(),
    columns: async (t) => (await client.query<{ c: string }>('SELECT column_name AS c FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2', [schema, t])).rows.map((r) => r.c).sort(),
    rows: async (t) => (await client.query(`SELECT * FROM ${schema}.${t}`)).rows as Record<string, unknown>[],
    close: () => client.end(),
  };
}

/** Whether a cell holds `needle`: text as text, binary as its UTF-8 bytes (how Yjs stores strings). */
export function cellHolds(v: unknown, needle: string): boolean {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).includes(Buffer.from(needle, 'utf8'));
  return String(v).includes(needle);
}
