import type { Storage } from '../storage/types';

export type ServiceState = 'up' | 'down';

export interface HealthReport {
  /** false when the database does not answer: take this process out of rotation. */
  ok: boolean;
  storage: Storage['kind'];
  database: ServiceState;
  /** 'off' without REDIS_URL. A Redis outage keeps ok: local delivery goes on without it. */
  redis: ServiceState | 'off';
}

/** Asked on every /api/health; a database that takes longer than `timeoutMs` counts as down. */
export async function health(storage: Storage, redis: () => ServiceState | 'off', timeoutMs = 2_000): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const database = await Promise.race([
    storage.ping().then(() => 'up' as const, () => 'down' as const),
    new Promise<'down'>((resolve) => (timer = setTimeout(() => resolve('down'), timeoutMs))),
  ]);
  clearTimeout(timer);
  return { ok: database === 'up', storage: storage.kind, database, redis: redis() };
}
