// The thread that owns the SQLite write connection (see sqlite-worker-driver.ts). Plain
// JavaScript so it loads the same way under tsx, vitest and a compiled build.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';

const require = createRequire(workerData.resolveFrom);
const Database = require('better-sqlite3');

const db = new Database(workerData.file);
if (workerData.file !== ':memory:') db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${workerData.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

const statements = new Map();
function statement(sql) {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
    statements.set(sql, stmt);
  }
  return stmt;
}

/** `?NNN` parameters bind from an object keyed by number; booleans and undefined are refused. */
function bind(params) {
  if (!params || params.length === 0) return [];
  const named = {};
  params.forEach((value, i) => {
    named[i + 1] = value === undefined ? null : typeof value === 'boolean' ? Number(value) : value;
  });
  return [named];
}

/** Test hook: how long the next commits wait before committing, as a stalled fsync would. */
let stallUntil = 0;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

const statements_ = {
  query: (m) => statement(m.sql).all(...bind(m.params)),
  run: (m) => statement(m.sql).run(...bind(m.params)).changes,
  exec: (m) => void db.exec(m.sql),
};

/** A pushed statement failed and the transaction went with it (e.g. SQLITE_FULL): every
 * statement until the batch ends fails too, and so does its COMMIT. */
let poisoned = null;
/** A pushed statement of the current write failed: the write's savepoint was rolled back, and
 * its further statements fail until the next write opens. */
let unitFailed = null;

/** A pushed statement: nobody waits for it, so its failure is handled here, in order. */
function pushedStatement(m) {
  try {
    return statements_[m.kind](m);
  } catch (err) {
    if (db.inTransaction) {
      db.exec('ROLLBACK TO unit');
      unitFailed = err;
    } else poisoned = err;
    throw err;
  }
}

const ops = {
  // One message per statement. The first statement of a write opens its savepoint (and the
  // batch's transaction, and releases the previous write's savepoint), so a one-statement
  // write costs one round trip plus its share of the COMMIT.
  stmt: (m) => {
    if (poisoned) throw poisoned;
    if (m.open) unitFailed = null;
    else if (unitFailed) throw unitFailed;
    if (m.open) {
      // IMMEDIATE takes the write lock now: another process waits in busy_timeout at BEGIN
      // instead of failing with SQLITE_BUSY when a read transaction tries to upgrade.
      if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
      else if (m.releasePrevious) db.exec('RELEASE unit');
      db.exec('SAVEPOINT unit');
    }
    return m.pushed ? pushedStatement(m) : statements_[m.kind](m);
  },
  // Some errors (e.g. SQLITE_FULL) already rolled the whole transaction back: say so.
  undo: () => {
    if (!db.inTransaction) return false;
    db.exec('ROLLBACK TO unit; RELEASE unit');
    return true;
  },
  commit: () => {
    unitFailed = null;
    if (poisoned) {
      const err = poisoned;
      poisoned = null;
      throw err;
    }
    if (!db.inTransaction) return;
    const wait = stallUntil - Date.now();
    if (wait > 0) Atomics.wait(sleeper, 0, 0, wait);
    db.exec('COMMIT');
  },
  rollback: () => {
    poisoned = null;
    unitFailed = null;
    if (db.inTransaction) db.exec('ROLLBACK');
  },
  stall: (m) => {
    stallUntil = Date.now() + m.ms;
  },
  close: () => db.close(),
};

parentPort.on('message', (m) => {
  try {
    parentPort.postMessage({ id: m.id, ok: true, result: ops[m.op](m) });
  } catch (err) {
    parentPort.postMessage({ id: m.id, ok: false, error: { message: err?.message ?? String(err), code: err?.code } });
  }
});
