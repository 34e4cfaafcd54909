import path from 'node:path';
import { logger } from './logger';
import type { ConnectionLimits } from './yjs/connection';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema holding Semis' tables (default: the connection's search_path). */
  databaseSchema?: string;
  /** SQLite commit durability (FULL: power-loss safe; NORMAL: process-crash safe, lower tail latency). */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  redisUrl?: string;
  /** Base URL printed and put in links/QR codes; defaults to the address we listen on. */
  publicUrl?: string;
  /** Whether X-Forwarded-For/-Proto/-Host are believed (Express' "trust proxy"): false unless
   * TRUST_PROXY says so — otherwise anyone could forge the scheme and host of our links. */
  trustProxy?: boolean | number | string;
  /** Extra origins allowed to open socket.io / y-websocket connections (besides our own). */
  allowedOrigins?: string[];
  /** This machine's LAN addresses, best first (tests pass a fixed list). */
  lanAddresses?: () => string[];
  /** Directory of the built client; served when present. */
  clientDir?: string;
  /** Idle time before a board document with no connection is flushed and unloaded. */
  boardIdleMs: number;
  /** Under load, the shortest interval between two batches of one board (PERSIST_DEBOUNCE_MS,
   * default 20 ms): edits arriving within it are merged into one log append and one frame. An
   * edit on a quiet board is appended (and then, only then, sent to the board's other
   * connections) at once. */
  persistDebounceMs: number;
  /** Ping period on /yjs connections (default 30 s). Not read from the environment: tests and
   * embedders only, like `yjsLimits` (overrides of `server/src/yjs/limits.ts`). */
  yjsHeartbeatMs?: number;
  yjsLimits?: Partial<ConnectionLimits>;
  /** Least time between two dashboard pushes of one event (default 1 s). Tests and embedders only. */
  dashboardEveryMs?: number;
  /** Participants one event may have (default MAX_PARTICIPANTS_PER_EVENT, 5,000). Tests and
   * embedders only. */
  participantsPerEvent?: number;
  log: (msg: string) => void;
  /** How often each process looks for events whose pseudonyms are due for purging (RGPD);
   * also once at startup. Default 60 s. */
  retentionSweepMs?: number;
  /** The clock every service reads (ISO time); tests inject one to move time instead of sleeping. */
  now?: () => string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    sqliteSynchronous: sqliteSync(env.SQLITE_SYNCHRONOUS),
    redisUrl: env.REDIS_URL || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, '') || undefined,
    trustProxy: trustProxy(env.TRUST_PROXY),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
    clientDir: path.resolve(env.CLIENT_DIR ?? 'client/dist'),
    boardIdleMs: Number(env.BOARD_IDLE_MS ?? 30_000),
    persistDebounceMs: Number(env.PERSIST_DEBOUNCE_MS ?? 20),
    retentionSweepMs: positive('RETENTION_SWEEP_MS', env.RETENTION_SWEEP_MS, 60_000),
    log: (msg) => logger.info(msg),
  };
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} invalide : ${value}`);
  return n;
}

function sqliteSync(value: string | undefined): 'FULL' | 'NORMAL' {
  const v = (value ?? 'FULL').toUpperCase();
  if (v !== 'FULL' && v !== 'NORMAL') throw new Error(`SQLITE_SYNCHRONOUS invalide : ${value} (FULL ou NORMAL)`);
  return v;
}

/** TRUST_PROXY: unset/false/0 → trust nothing; true → any proxy; a number → that many hops;
 * anything else → Express' list of trusted addresses/subnets (e.g. "loopback, 10.0.0.0/8"). */
export function trustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}
