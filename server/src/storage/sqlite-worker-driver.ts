import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { SqlDriver, SqlExecutor } from './sql-driver';
import { bind, type SqliteSynchronous } from './sqlite-driver';
import { settleInSlices } from '../limits/loopSlice';

/** A write (a statement or a whole transaction) waiting for its turn in a batch. */
interface Unit {
  fn: (tx: SqlExecutor) => Promise<unknown>;
  /** A lone statement (run/exec/query outside a transaction). */
  single?: { kind: StatementKind; sql: string; params?: readonly unknown[] };
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Bounds how long the first write of a batch waits for its commit under a flood. */
const MAX_BATCH = 256;

/**
 * SQLite with the disk off the main thread (issue #13). A worker thread owns the write
 * connection; the main thread never waits on an fsync:
 * - writes are group-committed: every write that arrives while a commit is in flight joins
 *   the next transaction (each in its own SAVEPOINT, so one failing write rolls back alone),
 *   and each write's promise resolves only once the COMMIT holding it returned — with
 *   `synchronous = FULL`, once it is on disk. An idle database commits a lone write at once.
 * - plain reads (SELECT) run on a second, read-only connection in this thread: WAL readers
 *   see the last commit and never wait for the writer, so joins and loads keep flowing
 *   while a commit is stalled. A write's own reads go through the worker, inside its batch.
 */
export function openSqliteWorkerDriver(file: string, options: { synchronous?: SqliteSynchronous } = {}): Promise<SqlDriver & { stallCommits(ms: number): void }> {
  return SqliteWorkerDriver.open(file, options.synchronous ?? 'FULL');
}

type StatementKind = 'query' | 'run' | 'exec';

/** Where the current write stands in the worker's transaction. */
interface UnitState {
  opened: boolean;
  /** Its pushed statements' outcomes: an error, or null. */
  pushed: Promise<unknown>[];
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { message: string; code?: string } };

class SqliteWorkerDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly pending: Unit[] = [];
  private pumping: Promise<void> | null = null;
  private reader: Database.Database | null = null;
  private readonly readStatements = new Map<string, Database.Statement>();
  private closed = false;
  /** The previous write of this batch succeeded: its savepoint is released when the next opens. */
  private releasePending = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.ok) w.resolve(m.result);
      else w.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => this.failAll(new Error('SQLite worker exited')));
  }

  /** Set once the worker is gone: every call fails at once (UNAVAILABLE, health 503). */
  private dead: Error | null = null;

  private failAll(err: unknown): void {
    this.dead ??= err instanceof Error ? err : new Error(String(err));
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  static async open(file: string, synchronous: SqliteSynchronous): Promise<SqliteWorkerDriver> {
    const worker = new Worker(new URL('./sqlite-worker.mjs', import.meta.url), {
      workerData: { file, synchronous, resolveFrom: import.meta.url },
      // Plain JavaScript: no TypeScript loader needed, and none inherited (faster start).
      execArgv: [],
    });
    const driver = new SqliteWorkerDriver(worker);
    // The worker created the file and set WAL; only then can a reader open it.
    await driver.call('stmt', { kind: 'query', sql: 'SELECT 1' });
    if (file !== ':memory:') {
      driver.reader = new Database(file, { readonly: true, fileMustExist: true });
      driver.reader.pragma('busy_timeout = 5000');
    }
    return driver;
  }

  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.reader && /^\s*(SELECT|WITH)\b/i.test(sql)) {
      try {
        return Promise.resolve(this.readStatement(sql).all(...bind(params)) as T[]);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return this.enqueue({ kind: 'query', sql, params }) as Promise<T[]>;
  }

  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.enqueue({ kind: 'run', sql, params }) as Promise<number>;
  }

  async exec(sql: string): Promise<void> {
    await this.enqueue({ kind: 'exec', sql });
  }

  private enqueue(single: NonNullable<Unit['single']>): Promise<unknown> {
    return this.queueUnit(async () => undefined, single);
  }

  lock(): Promise<void> {
    return Promise.resolve();
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.queueUnit(fn) as Promise<T>;
  }

  private queueUnit(fn: Unit['fn'], single?: Unit['single']): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('storage closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ fn, single, resolve, reject });
      this.kick();
    });
  }

  /** A statement of the current write; the first one opens the write's savepoint. */
  private statement(state: UnitState, kind: StatementKind, sql: string, params?: readonly unknown[], pushed = false): Promise<unknown> {
    const open = !state.opened;
    state.opened = true;
    const releasePrevious = open && this.releasePending;
    if (open) this.releasePending = false;
    return this.call('stmt', { kind, sql, params, open, releasePrevious, pushed });
  }

  private executor(state: UnitState): SqlExecutor {
    return {
      query: (sql, params) => this.statement(state, 'query', sql, params) as never,
      run: (sql, params) => this.statement(state, 'run', sql, params) as Promise<number>,
      exec: async (sql) => void (await this.statement(state, 'exec', sql)),
      lock: async () => {},
      // Messages are handled in order: whatever the write sends next (or the COMMIT) runs after
      // it, and its reply arrives before the COMMIT's.
      push: (sql, params) => {
        state.pushed.push(this.statement(state, 'run', sql, params, true).then(() => null, (err: unknown) => err ?? new Error('write failed')));
      },
    };
  }

  private kick(): void {
    if (this.pumping) return;
    this.pumping = (async () => {
      try {
        await this.pump();
      } finally {
        this.pumping = null;
        // A write queued while the last pump was returning would otherwise wait forever.
        if (this.pending.length > 0) this.kick();
      }
    })();
  }

  isUniqueViolation(err: unknown): boolean {
    const code = (err as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  /** Test hook: commits during the next `ms` wait that long, as behind a stalled fsync. */
  stallCommits(ms: number): void {
    void this.call('stall', { ms });
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.pumping) await this.pumping;
    await this.call('close', {}).catch(() => {});
    await this.worker.terminate();
    this.reader?.close();
  }

  /** Batches until nothing is pending: each unit in a savepoint of one transaction (opened by
   * its first statement), one COMMIT, then the acks. */
  private async pump(): Promise<void> {
    while (this.pending.length > 0) {
      const done: [Unit, unknown, UnitState][] = [];
      this.releasePending = false;
      let aborted: unknown = null;
      while (this.pending.length > 0 && done.length < MAX_BATCH && aborted === null) {
        const unit = this.pending.shift()!;
        const state: UnitState = { opened: false, pushed: [] };
        try {
          const result = unit.single
            ? await this.statement(state, unit.single.kind, unit.single.sql, unit.single.params)
            : await unit.fn(this.executor(state));
          if (state.opened) this.releasePending = true;
          done.push([unit, result, state]);
        } catch (err) {
          unit.reject(err);
          // BEGIN failing (busy beyond the timeout, disk gone), or an error that rolled the
          // whole transaction back, aborts the batch: the earlier writes fail with it.
          if (state.opened && !(await this.call('undo', {}).catch(() => false))) aborted = err;
        }
      }
      try {
        if (aborted !== null) throw aborted;
        await this.call('commit', {});
      } catch (err) {
        await this.call('rollback', {}).catch(() => {});
        for (const [unit] of done) unit.reject(err);
        continue;
      }
      // Every reply of the batch came before the COMMIT's: its pushed statements' outcomes are in.
      const outcomes = await Promise.all(done.map(([, , state]) => Promise.all(state.pushed)));
      // Answered in slices while the next batch is already under way (see settleInSlices).
      void settleInSlices(done.map(([unit, result], i) => ({ unit, result, failed: outcomes[i]!.find((e) => e !== null) })), ({ unit, result, failed }) => {
        // A pushed statement that failed rolled its write back (in the worker): it failed.
        if (failed) unit.reject(failed);
        else unit.resolve(result);
      });
    }
  }

  private call(op: string, message: Record<string, unknown>): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...message });
    });
  }


  private readStatement(sql: string): Database.Statement {
    let stmt = this.readStatements.get(sql);
    if (!stmt) {
      stmt = this.reader!.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      this.readStatements.set(sql, stmt);
    }
    return stmt;
  }
}
