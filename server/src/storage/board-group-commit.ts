import type { SqlDriver, SqlExecutor } from './sql-driver';
import { settleInSlices } from '../limits/loopSlice';

interface Waiting<In, Out> {
  item: In;
  resolve(out: Out): void;
  reject(err: unknown): void;
}

/** At most this many writes per transaction: other processes wait on the board's lock meanwhile. */
const MAX_GROUP = 200;

/**
 * Group commit of one board's writes that hold its lock until they commit (PostgreSQL: an
 * idea's slot and its card on the board's log). Written one transaction each, a burst of a
 * board's posts queues on that lock, one commit (one fsync) after the other. Here the writes
 * that arrive while a transaction of the board runs go together in the next one: one lock,
 * one commit, each write in its own savepoint so a failing one rolls back alone. Each caller
 * is answered once the transaction holding its write committed (or with its own error).
 * Across processes the board's lock still orders the groups.
 */
export class BoardGroupCommit<In, Out> {
  private readonly waiting = new Map<string, Waiting<In, Out>[]>();

  constructor(
    private readonly db: SqlDriver,
    private readonly lockKey: (boardId: string) => string,
    /** One write, inside the group's transaction, the board's lock held. */
    private readonly write: (tx: SqlExecutor, item: In) => Promise<Out>,
  ) {}

  submit(boardId: string, item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      const queue = this.waiting.get(boardId);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.waiting.set(boardId, [{ item, resolve, reject }]);
      void this.drain(boardId);
    });
  }

  /** Transactions one after the other while the board has writes waiting. */
  private async drain(boardId: string): Promise<void> {
    for (;;) {
      const queue = this.waiting.get(boardId);
      if (!queue || queue.length === 0) {
        this.waiting.delete(boardId);
        return;
      }
      await this.commitGroup(boardId, queue);
    }
  }

  private async commitGroup(boardId: string, queue: Waiting<In, Out>[]): Promise<void> {
    let group: Waiting<In, Out>[] = [];
    const settled: ({ ok: true; out: Out } | { ok: false; err: unknown })[] = [];
    try {
      await this.db.transaction(async (tx) => {
        await tx.lock(this.lockKey(boardId));
        // Taken once the lock is ours: what arrived while another process held it comes too.
        group = queue.splice(0, MAX_GROUP);
        for (const { item } of group) {
          await tx.run('SAVEPOINT board_write');
          try {
            settled.push({ ok: true, out: await this.write(tx, item) });
            await tx.run('RELEASE SAVEPOINT board_write');
          } catch (err) {
            // A failure of the rollback itself fails the whole group (below).
            await tx.run('ROLLBACK TO SAVEPOINT board_write');
            settled.push({ ok: false, err });
          }
        }
      });
    } catch (err) {
      // Nothing of the group committed (if the transaction failed before taking it, the
      // writes waiting then fail with it, rather than retrying a dead database forever).
      if (group.length === 0) group = queue.splice(0, MAX_GROUP);
      for (const w of group) w.reject(err);
      return;
    }
    // Answered in slices while the board's next group is already under way (see settleInSlices).
    void settleInSlices(group.map((w, i) => [w, settled[i]!] as const), ([w, s]) => {
      if (s.ok) w.resolve(s.out);
      else w.reject(s.err);
    });
  }
}
