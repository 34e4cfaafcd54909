import type { SqlDriver, SqlExecutor } from './sql-driver';

/** Statements sent to the database since the storage opened, whatever the dialect. */
export interface StorageCalls {
  /** SELECT / WITH statements. */
  reads: number;
  /** Everything else: INSERT, UPDATE, DELETE, DDL. */
  writes: number;
  /** Transactions opened (their statements count above too). */
  transactions: number;
}

const READ = /^\s*(SELECT|WITH)\b/i;

/**
 * Wraps a driver so every statement is counted where it is sent: the instrument behind "a
 * phone's join costs N queries" (tests, benches), the same for SQLite and PostgreSQL since
 * both go through here.
 */
export function countCalls(db: SqlDriver): { driver: SqlDriver; calls: Readonly<StorageCalls> } {
  const calls: StorageCalls = { reads: 0, writes: 0, transactions: 0 };
  const tally = (sql: string): void => {
    if (READ.test(sql)) calls.reads++;
    else calls.writes++;
  };
  const counted = (ex: SqlExecutor): SqlExecutor => ({
    query: (sql, params) => {
      tally(sql);
      return ex.query(sql, params);
    },
    run: (sql, params) => {
      tally(sql);
      return ex.run(sql, params);
    },
    exec: (sql) => {
      tally(sql);
      return ex.exec(sql);
    },
    lock: (key) => ex.lock(key),
    ...(ex.push && {
      push: (sql: string, params?: readonly unknown[]) => {
        tally(sql);
        ex.push!(sql, params);
      },
    }),
  });
  const driver: SqlDriver = {
    ...counted(db),
    dialect: db.dialect,
    transaction: (fn) => {
      calls.transactions++;
      return db.transaction((tx) => fn(counted(tx)));
    },
    isUniqueViolation: (err) => db.isUniqueViolation(err),
    stallCommits: db.stallCommits?.bind(db),
    close: () => db.close(),
  };
  return { driver, calls };
}
