import { voteConfigSchema, voteItemSchema, type ErrorCode, type MyDots, type VoteConfig, type VoteItem, type VoteSession } from '@semis/shared';
import { jsonColumn } from './json';
import type { SqlDriver, SqlExecutor } from './sql-driver';

export type DotOutcome = { ok: true; mine: MyDots } | { ok: false; code: ErrorCode };

/** Dot votes and ratings; budget rules come in as a pure function, the store makes them atomic. */
export interface VoteStore {
  createSession(s: VoteSession): Promise<void>;
  getSession(id: string): Promise<VoteSession | null>;
  /** The latest session of an atelier, or of the event's plenary when atelierId is null. */
  latestSession(eventId: string, atelierId: string | null): Promise<VoteSession | null>;
  setSessionStatus(id: string, status: 'open' | 'closed', at: string): Promise<void>;
  setSessionConfig(id: string, config: VoteConfig): Promise<void>;
  /** Upserts the given items and withdraws the others (deleting their dots and ratings). */
  syncItems(sessionId: string, items: Omit<VoteItem, 'sessionId' | 'withdrawn'>[]): Promise<void>;
  listItems(sessionId: string): Promise<VoteItem[]>;
  /**
   * Adds or removes one dot, atomically per participant: `check` (the domain rule) sees the
   * participant's dots as stored inside the same lock. A repeated `opId` changes nothing.
   */
  castDot(input: { sessionId: string; participantId: string; itemId: string; delta: 1 | -1; opId: string; at: string }, check: (mine: MyDots) => ErrorCode | null): Promise<DotOutcome>;
  myDots(sessionId: string, participantId: string): Promise<MyDots>;
  allDots(sessionId: string): Promise<{ participantId: string; itemId: string; dots: number }[]>;
  rate(sessionId: string, participantId: string, itemId: string, desirability: number, feasibility: number): Promise<void>;
  myRatings(sessionId: string, participantId: string): Promise<Record<string, { desirability: number; feasibility: number }>>;
  allRatings(sessionId: string): Promise<{ participantId: string; itemId: string; desirability: number; feasibility: number }[]>;
}

const SESSION = `id, event_id AS "eventId", atelier_id AS "atelierId", config, status, opened_at AS "openedAt", closed_at AS "closedAt"`;
type SessionRow = Omit<VoteSession, 'config'> & { config: string };
const toSession = (r: SessionRow): VoteSession => ({ ...r, config: jsonColumn(voteConfigSchema, r.config, 'vote_sessions.config') });
const ideaIdsSchema = voteItemSchema.shape.ideaIds;

export class SqlVoteStore implements VoteStore {
  constructor(private readonly db: SqlDriver) {}

  async createSession(s: VoteSession): Promise<void> {
    await this.db.run('INSERT INTO vote_sessions (id, event_id, atelier_id, config, status, opened_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      s.id, s.eventId, s.atelierId, JSON.stringify(s.config), s.status, s.openedAt, s.closedAt,
    ]);
  }

  async getSession(id: string): Promise<VoteSession | null> {
    const row = (await this.db.query<SessionRow>(`SELECT ${SESSION} FROM vote_sessions WHERE id = $1`, [id]))[0];
    return row ? toSession(row) : null;
  }

  async latestSession(eventId: string, atelierId: string | null): Promise<VoteSession | null> {
    const where = atelierId === null ? 'atelier_id IS NULL' : 'atelier_id = $2';
    const rows = await this.db.query<SessionRow>(
      `SELECT ${SESSION} FROM vote_sessions WHERE event_id = $1 AND ${where} ORDER BY opened_at DESC, id DESC LIMIT 1`,
      atelierId === null ? [eventId] : [eventId, atelierId],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  async setSessionStatus(id: string, status: 'open' | 'closed', at: string): Promise<void> {
    await this.db.run(
      status === 'open' ? 'UPDATE vote_sessions SET status = $2, closed_at = NULL WHERE id = $1' : 'UPDATE vote_sessions SET status = $2, closed_at = $3 WHERE id = $1',
      status === 'open' ? [id, status] : [id, status, at],
    );
  }

  async setSessionConfig(id: string, config: VoteConfig): Promise<void> {
    await this.db.run('UPDATE vote_sessions SET config = $2 WHERE id = $1', [id, JSON.stringify(config)]);
  }

  async syncItems(sessionId: string, items: Omit<VoteItem, 'sessionId' | 'withdrawn'>[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.lock(`vote:${sessionId}`);
      const keep = new Set(items.map((i) => i.itemId));
      for (const i of items) {
        await tx.run(
          `INSERT INTO vote_items (session_id, item_id, title, idea_ids, position, withdrawn) VALUES ($1, $2, $3, $4, $5, 0)
           ON CONFLICT (session_id, item_id) DO UPDATE SET title = excluded.title, idea_ids = excluded.idea_ids, position = excluded.position, withdrawn = 0`,
          [sessionId, i.itemId, i.title, JSON.stringify(i.ideaIds), i.position],
        );
      }
      const existing = await tx.query<{ itemId: string }>('SELECT item_id AS "itemId" FROM vote_items WHERE session_id = $1 AND withdrawn = 0', [sessionId]);
      for (const { itemId } of existing) {
        if (keep.has(itemId)) continue;
        // Gone from the board: withdrawn, and its dots go back to their owners.
        await tx.run('UPDATE vote_items SET withdrawn = 1 WHERE session_id = $1 AND item_id = $2', [sessionId, itemId]);
        await tx.run('DELETE FROM vote_dots WHERE session_id = $1 AND item_id = $2', [sessionId, itemId]);
        await tx.run('DELETE FROM vote_ratings WHERE session_id = $1 AND item_id = $2', [sessionId, itemId]);
      }
    });
  }

  async listItems(sessionId: string): Promise<VoteItem[]> {
    const rows = await this.db.query<{ itemId: string; title: string; ideaIds: string; position: number | string; withdrawn: number | string }>(
      `SELECT item_id AS "itemId", title, idea_ids AS "ideaIds", position, withdrawn FROM vote_items WHERE session_id = $1 ORDER BY position, item_id`,
      [sessionId],
    );
    return rows.map((r) => ({ sessionId, itemId: r.itemId, title: r.title, ideaIds: jsonColumn(ideaIdsSchema, r.ideaIds, 'vote_items.idea_ids'), position: Number(r.position), withdrawn: Boolean(Number(r.withdrawn)) }));
  }

  async castDot(input: { sessionId: string; participantId: string; itemId: string; delta: 1 | -1; opId: string; at: string }, check: (mine: MyDots) => ErrorCode | null): Promise<DotOutcome> {
    const { sessionId, participantId, itemId, delta, opId, at } = input;
    return this.db.transaction(async (tx) => {
      // Two tabs of one person, or a retry racing its original, queue here.
      await tx.lock(`vote:${sessionId}:${participantId}`);
      const done = await tx.query('SELECT 1 FROM vote_ops WHERE op_id = $1', [opId]);
      if (done.length > 0) return { ok: true, mine: await dotsOf(tx, sessionId, participantId) };
      const mine = await dotsOf(tx, sessionId, participantId);
      const why = check(mine);
      if (why) return { ok: false, code: why };
      const next = (mine[itemId] ?? 0) + delta;
      await tx.run(
        `INSERT INTO vote_dots (session_id, participant_id, item_id, dots) VALUES ($1, $2, $3, $4)
         ON CONFLICT (session_id, participant_id, item_id) DO UPDATE SET dots = excluded.dots`,
        [sessionId, participantId, itemId, next],
      );
      await tx.run('INSERT INTO vote_ops (op_id, session_id, participant_id, at) VALUES ($1, $2, $3, $4)', [opId, sessionId, participantId, at]);
      return { ok: true, mine: { ...mine, [itemId]: next } };
    });
  }

  myDots(sessionId: string, participantId: string): Promise<MyDots> {
    return dotsOf(this.db, sessionId, participantId);
  }

  async allDots(sessionId: string): Promise<{ participantId: string; itemId: string; dots: number }[]> {
    const rows = await this.db.query<{ participantId: string; itemId: string; dots: number | string }>(
      'SELECT participant_id AS "participantId", item_id AS "itemId", dots FROM vote_dots WHERE session_id = $1 AND dots > 0',
      [sessionId],
    );
    return rows.map((r) => ({ ...r, dots: Number(r.dots) }));
  }

  async rate(sessionId: string, participantId: string, itemId: string, desirability: number, feasibility: number): Promise<void> {
    await this.db.run(
      `INSERT INTO vote_ratings (session_id, participant_id, item_id, desirability, feasibility) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, participant_id, item_id) DO UPDATE SET desirability = excluded.desirability, feasibility = excluded.feasibility`,
      [sessionId, participantId, itemId, desirability, feasibility],
    );
  }

  async myRatings(sessionId: string, participantId: string): Promise<Record<string, { desirability: number; feasibility: number }>> {
    const rows = await this.allRatingsWhere(sessionId, participantId);
    return Object.fromEntries(rows.map((r) => [r.itemId, { desirability: r.desirability, feasibility: r.feasibility }]));
  }

  allRatings(sessionId: string) {
    return this.allRatingsWhere(sessionId, null);
  }

  private async allRatingsWhere(sessionId: string, participantId: string | null) {
    const rows = await this.db.query<{ participantId: string; itemId: string; desirability: number | string; feasibility: number | string }>(
      `SELECT participant_id AS "participantId", item_id AS "itemId", desirability, feasibility FROM vote_ratings WHERE session_id = $1${participantId ? ' AND participant_id = $2' : ''}`,
      participantId ? [sessionId, participantId] : [sessionId],
    );
    return rows.map((r) => ({ ...r, desirability: Number(r.desirability), feasibility: Number(r.feasibility) }));
  }
}

async function dotsOf(db: Pick<SqlExecutor, 'query'>, sessionId: string, participantId: string): Promise<MyDots> {
  const rows = await db.query<{ itemId: string; dots: number | string }>(
    'SELECT item_id AS "itemId", dots FROM vote_dots WHERE session_id = $1 AND participant_id = $2 AND dots > 0',
    [sessionId, participantId],
  );
  return Object.fromEntries(rows.map((r) => [r.itemId, Number(r.dots)]));
}
