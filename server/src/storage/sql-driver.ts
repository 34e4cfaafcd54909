/** What SqlStorage needs from a database. SQL is written once, with `$1, $2…` placeholders. */
export interface SqlExecutor {
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Resolves with the number of rows written. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Held until the enclosing transaction ends. Keys are per database schema.
   * SQLite: no-op, a write transaction already excludes every other writer.
   */
  lock(key: string): Promise<void>;
  /**
   * A write whose result the transaction does not wait for (SQLite worker only): sent at once,
   * its outcome checked before the COMMIT. If it fails, the transaction fails (in the worker,
   * the write's own savepoint rolls back alone and its promise rejects). Callers without it
   * await `run`.
   */
  push?(sql: string, params?: readonly unknown[]): void;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one transaction, committed if it resolves, rolled back if it throws.
   * Inside `fn`, use only `tx`: the driver itself may be waiting for this transaction.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  isUniqueViolation(err: unknown): boolean;
  /** Test hook (SQLite worker only): commits in the next `ms` wait that long, like a stalled fsync. */
  stallCommits?(ms: number): void;
  close(): Promise<void>;
}

/** A unique constraint refused a write (e.g. a join code already taken). */
export class UniqueViolationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UniqueViolationError';
  }
}

/** PostgreSQL SQLSTATE classes and codes that mean "not now", not "wrong". */
const PG_UNAVAILABLE = /^(08|53|57P0|58)/;
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL|NOMEM)/;

/**
 * The database cannot serve right now (down, unreachable, out of connections, disk full or
 * failing) — as opposed to a bug or a refused write. Clients get UNAVAILABLE and retry.
 */
export function isStorageUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NET_UNAVAILABLE.has(code) || SQLITE_UNAVAILABLE.test(code) || (code.length === 5 && PG_UNAVAILABLE.test(code)))) return true;
    // pg reports a dropped connection or a pool timeout with a message only.
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|SQLite worker exited|storage closed/i.test(message)) return true;
  }
  return false;
}
