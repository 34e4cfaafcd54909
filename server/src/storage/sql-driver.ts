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
