import pg from 'pg';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export interface PostgresOptions {
  url: string;
  /** Schema used for every table (search_path), e.g. one per test run. Must already exist. */
  schema?: string;
  max?: number;
}

export function openPostgresDriver(options: PostgresOptions): SqlDriver {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`invalid PostgreSQL schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    // A database that is unreachable without refusing (a network partition) answers
    // UNAVAILABLE after this long instead of holding requests forever. It also bounds the
    // wait for a free pooled connection, hence generous: a busy pool is not an outage.
    connectionTimeoutMillis: 15_000,
    // Set at connection start, so no pooled client can ever run in the wrong schema.
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // An idle client dropped by the server emits 'error' on the pool; unhandled, it kills the process.
  pool.on('error', () => {});
  return new PostgresDriver(pool);
}

type Queryable = pg.Pool | pg.PoolClient;

function executor(db: Queryable): SqlExecutor {
  return {
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await db.query(sql, params as unknown[] | undefined)).rows as T[],
    run: async (sql, params) => (await db.query(sql, params as unknown[] | undefined)).rowCount ?? 0,
    // Without parameters pg uses the simple protocol, which accepts several statements.
    exec: async (sql) => void (await db.query(sql)),
    // Advisory locks are per database; prefixing the schema keeps parallel test schemas apart.
    lock: async (key) =>
      void (await db.query(`SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || $1, 0))`, [key])),
  };
}

class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres';
  private readonly direct: SqlExecutor;

  constructor(private readonly pool: pg.Pool) {
    this.direct = executor(pool);
  }

  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.direct.query<T>(sql, params);
  }
  run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.direct.run(sql, params);
  }
  exec(sql: string): Promise<void> {
    return this.direct.exec(sql);
  }
  lock(key: string): Promise<void> {
    return this.direct.lock(key);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A connection dropped between two statements emits 'error' on the checked-out client;
    // unheard, it would crash the process. The next statement fails and rolls back instead.
    const ignore = () => {};
    client.on('error', ignore);
    try {
      await client.query('BEGIN');
      const result = await fn(executor(client));
      await client.query('COMMIT');
      client.off('error', ignore);
      client.release();
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
        client.off('error', ignore);
        client.release();
      } catch {
        // The connection is unusable or still inside a transaction: never pool it again.
        client.release(true);
      }
      throw err;
    }
  }

  isUniqueViolation(err: unknown): boolean {
    return (err as { code?: unknown } | null)?.code === '23505';
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
