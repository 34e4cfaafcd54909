import type { Idea, IdeaStatus } from '@semis/shared';
import { IN_CHUNK, marks } from './json';
import type { SqlDriver } from './sql-driver';
import type { SqlExecutor } from './sql-driver';
import type { IdeaCardWrite, InsertIdeaOutcome, NewIdea } from './records';
import { appendUpdate, boardLock } from './board-log';
import { BoardGroupCommit } from './board-group-commit';

export interface IdeaStore {
  /**
   * Idempotent on idea id (see InsertIdeaOutcome). A new idea gets the next free slot of its
   * board's grid in the same transaction, so processes never hand out the same slot. With
   * `card`, the idea's board update it returns is appended to the log in that transaction.
   */
  insertIdea(idea: NewIdea, card?: IdeaCardWrite): Promise<InsertIdeaOutcome>;
  getIdea(id: string): Promise<Idea | null>;
  /** Grid slots (0, 1, 2… per board, in posting order) of these ideas. */
  ideaSlots(ids: string[]): Promise<Map<string, number>>;
  updateIdeaText(id: string, text: string, now: string): Promise<Idea | null>;
  /** Soft delete; idempotent (deleting twice keeps the first deletedAt). */
  deleteIdea(id: string, now: string): Promise<Idea | null>;
  /** Ideas of a board including deleted ones, oldest first. */
  listBoardIdeas(boardId: string): Promise<Idea[]>;
  listAuthorIdeas(authorId: string, atelierId: string): Promise<Idea[]>;
  setIdeaStatus(id: string, status: IdeaStatus, now: string): Promise<Idea | null>;
  /** Makes every private idea of the atelier visible; returns those it changed. */
  revealIdeas(atelierId: string, now: string): Promise<Idea[]>;
  /** A facilitator's edit: marks the idea as moderated. */
  moderateIdeaText(id: string, text: string, now: string): Promise<Idea | null>;
  /** Non-deleted ideas per atelier and status, for the dashboard. */
  ideaCounts(eventId: string): Promise<{ atelierId: string; status: IdeaStatus; count: number }[]>;
}

const IDEA = `id, event_id AS "eventId", atelier_id AS "atelierId", board_id AS "boardId", author_id AS "authorId", text, created_at AS "createdAt",
  updated_at AS "updatedAt", deleted_at AS "deletedAt", status, moderated_at AS "moderatedAt"`;

export class SqlIdeaStore implements IdeaStore {
  /** PostgreSQL: a board's posts stored with their cards commit together (see BoardGroupCommit).
   * The SQLite worker already gathers concurrent transactions into one commit. */
  private readonly posts: BoardGroupCommit<{ idea: NewIdea; card: IdeaCardWrite }, InsertIdeaOutcome> | null;

  constructor(private readonly db: SqlDriver) {
    this.posts = db.dialect === 'postgres' ? new BoardGroupCommit(db, boardLock, (tx, { idea, card }) => insertWithCard(tx, idea, card, { locked: true })) : null;
  }

  async insertIdea(idea: NewIdea, card?: IdeaCardWrite): Promise<InsertIdeaOutcome> {
    if (card && this.posts) return this.posts.submit(idea.boardId, { idea, card });
    if (card) return this.db.transaction((tx) => insertWithCard(tx, idea, card));
    const inserted = await this.db.transaction(async (tx) => (await insertRow(tx, idea)).length);
    const stored = await this.getIdea(idea.id);
    if (!stored) throw new Error(`idea ${idea.id} missing right after insert`);
    return outcomeOf(idea, stored, inserted > 0);
  }

  async getIdea(id: string): Promise<Idea | null> {
    const [row] = await this.db.query<Idea>(`SELECT ${IDEA} FROM ideas WHERE id = $1`, [id]);
    return row ?? null;
  }

  async ideaSlots(ids: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += IN_CHUNK) {
      const chunk = unique.slice(i, i + IN_CHUNK);
      const rows = await this.db.query<{ id: string; slot: number | string | null }>(`SELECT id, slot FROM ideas WHERE id IN (${marks(chunk.length)})`, chunk);
      for (const row of rows) if (row.slot !== null) result.set(row.id, Number(row.slot));
    }
    return result;
  }

  async updateIdeaText(id: string, text: string, now: string): Promise<Idea | null> {
    await this.db.run('UPDATE ideas SET text = $2, updated_at = $3 WHERE id = $1', [id, text, now]);
    return this.getIdea(id);
  }

  async deleteIdea(id: string, now: string): Promise<Idea | null> {
    await this.db.run('UPDATE ideas SET deleted_at = $2, updated_at = $2 WHERE id = $1 AND deleted_at IS NULL', [id, now]);
    return this.getIdea(id);
  }

  listBoardIdeas(boardId: string): Promise<Idea[]> {
    return this.db.query<Idea>(`SELECT ${IDEA} FROM ideas WHERE board_id = $1 ORDER BY created_at, id`, [boardId]);
  }

  listAuthorIdeas(authorId: string, atelierId: string): Promise<Idea[]> {
    return this.db.query<Idea>(`SELECT ${IDEA} FROM ideas WHERE author_id = $1 AND atelier_id = $2 ORDER BY created_at, id`, [authorId, atelierId]);
  }

  async setIdeaStatus(id: string, status: IdeaStatus, now: string): Promise<Idea | null> {
    await this.db.run('UPDATE ideas SET status = $2, updated_at = $3 WHERE id = $1', [id, status, now]);
    return this.getIdea(id);
  }

  async revealIdeas(atelierId: string, now: string): Promise<Idea[]> {
    return this.db.transaction(async (tx) => {
      const ids = await tx.query<{ id: string }>(`SELECT id FROM ideas WHERE atelier_id = $1 AND status = 'private' AND deleted_at IS NULL`, [atelierId]);
      await tx.run(`UPDATE ideas SET status = 'visible', updated_at = $2 WHERE atelier_id = $1 AND status = 'private' AND deleted_at IS NULL`, [atelierId, now]);
      if (ids.length === 0) return [];
      return tx.query<Idea>(`SELECT ${IDEA} FROM ideas WHERE id IN (${marks(ids.length)}) ORDER BY created_at, id`, ids.map((r) => r.id));
    });
  }

  async moderateIdeaText(id: string, text: string, now: string): Promise<Idea | null> {
    await this.db.run('UPDATE ideas SET text = $2, updated_at = $3, moderated_at = $3 WHERE id = $1', [id, text, now]);
    return this.getIdea(id);
  }

  async ideaCounts(eventId: string): Promise<{ atelierId: string; status: IdeaStatus; count: number }[]> {
    const rows = await this.db.query<{ atelierId: string; status: IdeaStatus; count: number | string }>(
      `SELECT atelier_id AS "atelierId", status, COUNT(*) AS count FROM ideas WHERE event_id = $1 AND deleted_at IS NULL GROUP BY atelier_id, status`,
      [eventId],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }
}

/** The insert, under the board's slot lock; returns the row when this call created it. */
async function insertRow(tx: SqlExecutor, idea: NewIdea, opts: { locked?: boolean } = {}): Promise<(Idea & { slot: number | string })[]> {
  // The board's slot counter is MAX(slot) + 1, read and written under the board's lock
  // (PostgreSQL; SQLite serializes writers anyway). The unique index backs it up. It is the
  // lock of the board's log appends too: an idea stored with its card takes one lock, not two.
  if (!opts.locked) await tx.lock(boardLock(idea.boardId));
  // DO NOTHING rather than a read-then-insert: two concurrent retries cannot both insert,
  // and the loser gets no unique-violation error, just no row.
  return tx.query<Idea & { slot: number | string }>(
    `INSERT INTO ideas (id, event_id, atelier_id, board_id, author_id, text, created_at, updated_at, deleted_at, status, slot)
     SELECT $1, $2, $3, $4, $5, $6, $7, $7, NULL, $8, COALESCE(MAX(slot) + 1, 0) FROM ideas WHERE board_id = $4
     ON CONFLICT (id) DO NOTHING
     RETURNING ${IDEA}, slot`,
    [idea.id, idea.eventId, idea.atelierId, idea.boardId, idea.authorId, idea.text, idea.now, idea.status ?? 'visible'],
  );
}

/** One transaction: the row (or the one a retry finds), then its card on the board's log.
 * `locked`: the caller holds the board's lock already (a group commit). */
async function insertWithCard(tx: SqlExecutor, idea: NewIdea, card: IdeaCardWrite, opts: { locked?: boolean } = {}): Promise<InsertIdeaOutcome> {
  let [row] = await insertRow(tx, idea, opts);
  const created = row !== undefined;
  row ??= (await tx.query<Idea & { slot: number | string }>(`SELECT ${IDEA}, slot FROM ideas WHERE id = $1`, [idea.id]))[0];
  if (!row) throw new Error(`idea ${idea.id} missing right after insert`);
  const { slot, ...stored } = row;
  const outcome = outcomeOf(idea, stored, created);
  if (outcome.kind === 'conflict') return outcome;
  const update = card({ ...outcome, slot: Number(slot) });
  if (update) await appendUpdate(tx, idea.boardId, update, { locked: true });
  return outcome;
}

function outcomeOf(idea: NewIdea, stored: Idea, created: boolean): InsertIdeaOutcome {
  if (created) return { kind: 'created', idea: stored };
  if (stored.authorId === idea.authorId && stored.atelierId === idea.atelierId) return { kind: 'existing', idea: stored };
  return { kind: 'conflict' };
}
