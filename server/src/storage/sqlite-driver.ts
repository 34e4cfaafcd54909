import Database from 'better-sqlite3';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

/**
 * better-sqlite3 on the calling thread: for tools and tests. The server opens SQLite through
 * sqlite-worker-driver.ts, which keeps commits off the main thread.
 * One connection per file per process: a second connection in the same process would block
 * the event loop in busy_timeout while the first one waits to finish its transaction.
 */
export function openSqliteDriver(file: string, options: { synchronous?: SqliteSynchronous } = {}): SqlDriver {
  const db = new Database(file);
  // WAL lets readers run during a write; FULL fsyncs the WAL on each commit so an
  // acknowledged write survives a power loss (NORMAL would only survive a process crash,
  // but never blocks the event loop on a slow disk — see docs/performance.md).
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return new SqliteDriver(db);
}

class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * A transaction awaits between its statements; anything else on this connection would
   * then run inside it. So every top-level call waits its turn in this queue.
   */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly direct: SqlExecutor = {
    query: async (sql, params) => this.statement(sql).all(...bind(params)) as never,
    run: async (sql, params) => this.statement(sql).run(...bind(params)).changes,
    exec: async (sql) => void this.db.exec(sql),
    lock: async () => {},
  };

  constructor(private readonly db: Database.Database) {}

  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.serialize(() => this.direct.query<T>(sql, params));
  }
  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.serialize(() => this.direct.run(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.serialize(() => this.direct.exec(sql));
  }
  lock(): Promise<void> {
    return Promise.resolve();
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.serialize(async () => {
      // IMMEDIATE takes the write lock now, so another process waits in busy_timeout at
      // BEGIN instead of failing with SQLITE_BUSY when a read transaction tries to upgrade.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        // Some errors (e.g. SQLITE_FULL) already rolled the transaction back.
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  isUniqueViolation(err: unknown): boolean {
    const code = (err as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => {});
    return result;
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

/**
 * better-sqlite3 treats `?NNN` as named parameters: they bind from an object keyed by number,
 * not from an array. It also rejects booleans and undefined. (sqlite-worker.mjs repeats these
 * few lines: the worker is plain JavaScript.)
 */
export function bind(params: readonly unknown[] = []): Record<number, unknown>[] {
  if (params.length === 0) return [];
  const named: Record<number, unknown> = {};
  params.forEach((value, i) => {
    named[i + 1] = value === undefined ? null : typeof value === 'boolean' ? Number(value) : value;
  });
  return [named];
}
