import { beforeAll } from 'vitest';
import type { CreateEventResult } from '@semis/shared';
import { createEvent, useServers, type TestServer } from './harness';
import { serviceAvailable } from './services';
import { DATABASE_URL, probePostgres, probeRedis, REDIS_URL, tempSchema } from './env';

/** Whether PostgreSQL and Redis are there for a two-process suite (call at top level). */
export async function twoProcessesAvailable(suite: string): Promise<boolean> {
  const pgOk = await serviceAvailable('postgres', probePostgres, { where: DATABASE_URL, suite });
  const redisOk = await serviceAvailable('redis', probeRedis, { where: REDIS_URL, suite });
  return pgOk && redisOk;
}

/**
 * Two in-process servers sharing one PostgreSQL schema and Redis, as production runs, and one
 * event with one atelier: for tests that hold one process's storage (its methods can be
 * replaced) while the other goes on. Call inside `describe`.
 */
export function useTwoProcesses(): { readonly a: TestServer; readonly b: TestServer; readonly ev: CreateEventResult; suite: ReturnType<typeof useServers> } {
  const suite = useServers();
  let schema: Awaited<ReturnType<typeof tempSchema>> | undefined;
  let a: TestServer;
  let b: TestServer;
  let ev: CreateEventResult;
  beforeAll(async () => {
    schema = await tempSchema();
    // Dropped once both servers are stopped (an afterAll here would run before the stops).
    suite.after(() => schema!.drop());
    const config = { databaseSchema: schema.name, redisUrl: REDIS_URL };
    a = await suite.start({ databaseUrl: DATABASE_URL, config });
    b = await suite.start({ databaseUrl: DATABASE_URL, config });
    ev = await createEvent(a.url, 1);
  }, 60_000);
  return {
    suite,
    get a() {
      return a;
    },
    get b() {
      return b;
    },
    get ev() {
      return ev;
    },
  };
}
