import type { SqlDriver, SqlExecutor } from './sql-driver';
import type { StoredBoardState } from './records';

/** Each board's Yjs document: a compacted snapshot plus the updates appended since. */
export interface BoardLogStore {
  /** Appends one (possibly merged) Yjs update to the board's log. */
  appendBoardUpdate(boardId: string, update: Uint8Array): Promise<void>;
  loadBoard(boardId: string): Promise<StoredBoardState>;
  /** Atomically stores `snapshot` and deletes log rows with seq <= uptoSeq (and older snapshots). */
  compactBoard(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
}

export class SqlBoardLogStore implements BoardLogStore {
  constructor(private readonly db: SqlDriver) {}

  async appendBoardUpdate(boardId: string, update: Uint8Array): Promise<void> {
    // PostgreSQL hands out seq at INSERT but rows become visible at COMMIT, so two appends
    // could commit out of seq order; a load in between would see seq 6 but not 5, and a
    // compaction up to 6 would hide 5 forever. Serializing appends per board prevents it.
    // (SQLite already serializes every write.)
    await this.db.transaction((tx) => appendUpdate(tx, boardId, update));
  }

  async loadBoard(boardId: string): Promise<StoredBoardState> {
    // Log first, snapshot second, without a transaction: a compaction committing in between
    // only yields a snapshot covering more than the rows read, and those rows are dropped
    // below. The other order could read an old snapshot and then a log already compacted.
    const rows = await this.db.query<{ seq: number | string; data: Uint8Array }>('SELECT seq, data FROM board_updates WHERE board_id = $1 ORDER BY seq', [boardId]);
    const [snap] = await this.db.query<{ data: Uint8Array; uptoSeq: number | string }>(
      'SELECT data, upto_seq AS "uptoSeq" FROM board_snapshots WHERE board_id = $1',
      [boardId],
    );
    // PostgreSQL returns BIGINT as a string; seqs stay far below 2^53.
    const uptoSeq = snap ? Number(snap.uptoSeq) : 0;
    const updates = rows.filter((r) => Number(r.seq) > uptoSeq);
    const last = updates.at(-1);
    return {
      snapshot: snap ? bytes(snap.data) : null,
      updates: updates.map((r) => bytes(r.data)),
      lastSeq: last ? Number(last.seq) : uptoSeq,
    };
  }

  async compactBoard(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      // The WHERE keeps a slower compaction, started from an older load, from replacing a
      // snapshot that already covers more of the log.
      await tx.run(
        `INSERT INTO board_snapshots (board_id, data, upto_seq, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at
         WHERE board_snapshots.upto_seq <= excluded.upto_seq`,
        [boardId, snapshot, uptoSeq, new Date().toISOString()],
      );
      await tx.run('DELETE FROM board_updates WHERE board_id = $1 AND seq <= $2', [boardId, uptoSeq]);
    });
  }
}

/** The lock that serializes a board's log appends (PostgreSQL; see appendBoardUpdate). */
export const boardLock = (boardId: string) => `board:${boardId}`;

/** Appends inside the caller's transaction (the board log's, or an idea's stored with its
 * card, which took the board's lock already). */
export async function appendUpdate(tx: SqlExecutor, boardId: string, update: Uint8Array, opts: { locked?: boolean } = {}): Promise<void> {
  if (!opts.locked) await tx.lock(boardLock(boardId));
  const sql = 'INSERT INTO board_updates (board_id, data) VALUES ($1, $2)';
  // Nothing is read back: where the driver can, the append goes with the next message
  // instead of costing the transaction a round trip of its own.
  if (tx.push) tx.push(sql, [boardId, update]);
  else await tx.run(sql, [boardId, update]);
}

/** Both drivers return Buffers; callers get plain Uint8Arrays that own their memory. */
function bytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(data);
}
