import pg from 'pg';
import { Redis } from 'ioredis';

export const DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export async function probePostgres(): Promise<void> {
  const c = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  await c.connect();
  await c.end();
}

export async function probeRedis(): Promise<void> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  try {
    await r.connect();
    await r.ping();
  } finally {
    r.disconnect();
  }
}

/** A fresh PostgreSQL schema for one test file, dropped afterwards. */
export async function tempSchema(): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `semis_test_${Math.random().toString(36).slice(2, 10)}`;
  const c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
  await c.query(`CREATE SCHEMA ${name}`);
  await c.end();
  return {
    name,
    async drop() {
      const d = new pg.Client({ connectionString: DATABASE_URL });
      await d.connect();
      await d.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await d.end();
    },
  };
}
