import { voteConfigSchema, type Atelier, type Idea, type IdeaStatus, type TimerState } from '@semis/shared';
import { migrate } from './migrations';
import { SqlVoteStore } from './votes';
import { SqlCandidateStore } from './candidates';
import { UniqueViolationError, type SqlDriver } from './sql-driver';
import { SqlPosterStore, type PosterStore } from './posters';
import { SqlArchiveStore } from './archive';
import type {
  AtelierChanges,
  EventRecord,
  FacilitatorTokenRecord,
  ModerationEntry,
  InsertIdeaOutcome,
  NewIdea,
  ParticipantRecord,
  Storage,
  StoredBoardState,
} from './types';

// Quoted aliases map snake_case columns to record fields on both databases.
const EVENT = `id, name, date, place, join_code AS "joinCode", admin_token_hash AS "adminTokenHash", created_at AS "createdAt", timer`;
const ATELIER = `id, event_id AS "eventId", position, title, theme, question, board_kind AS "boardKind", board_id AS "boardId", phase,
  private_writing AS "privateWriting", moderated, show_authors AS "showAuthors", timer, vote_config AS "vote"`;
const PARTICIPANT = `id, event_id AS "eventId", pseudonym, token_hash AS "tokenHash", atelier_id AS "atelierId", created_at AS "createdAt", blocked_at AS "blockedAt"`;
const IDEA = `id, event_id AS "eventId", atelier_id AS "atelierId", board_id AS "boardId", author_id AS "authorId", text, created_at AS "createdAt",
  updated_at AS "updatedAt", deleted_at AS "deletedAt", status, moderated_at AS "moderatedAt"`;
const FACILITATOR_TOKEN = `id, event_id AS "eventId", atelier_id AS "atelierId", label, token_hash AS "tokenHash", created_at AS "createdAt"`;

type Row<T, K extends keyof T> = Omit<T, K> & { [P in K]: unknown };
type AtelierRow = Row<Atelier, 'privateWriting' | 'moderated' | 'showAuthors' | 'timer' | 'vote'>;

/** Timers are JSON text and booleans 0/1 in both databases. */
function timerOf(value: unknown): TimerState | null {
  return typeof value === 'string' && value ? (JSON.parse(value) as TimerState) : null;
}
const toEvent = (r: Row<EventRecord, 'timer'>): EventRecord => ({ ...r, timer: timerOf(r.timer) });
const toAtelier = (r: AtelierRow): Atelier => ({
  ...r,
  privateWriting: Boolean(Number(r.privateWriting)),
  moderated: Boolean(Number(r.moderated)),
  showAuthors: Boolean(Number(r.showAuthors)),
  timer: timerOf(r.timer),
  // Ateliers created before votes existed get the defaults.
  vote: voteConfigSchema.parse(typeof r.vote === 'string' && r.vote ? JSON.parse(r.vote) : {}),
});

/** Stays well under both databases' bound-parameter limits. */
const IN_CHUNK = 500;

/** Storage over any SqlDriver; the SQL is common to SQLite and PostgreSQL. */
export class SqlStorage implements Storage {
  readonly kind: Storage['kind'];
  readonly votes: SqlVoteStore;
  readonly candidates: SqlCandidateStore;
  readonly posters: PosterStore;
  readonly archive: SqlArchiveStore;

  constructor(private readonly db: SqlDriver) {
    this.kind = db.dialect;
    this.votes = new SqlVoteStore(db);
    this.candidates = new SqlCandidateStore(db);
    this.posters = new SqlPosterStore(db);
    this.archive = new SqlArchiveStore(db);
  }

  migrate(): Promise<void> {
    return migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async createEvent(event: EventRecord, ateliers: Atelier[]): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        await tx.run(
          'INSERT INTO events (id, name, date, place, join_code, admin_token_hash, created_at, timer) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [event.id, event.name, event.date, event.place, event.joinCode, event.adminTokenHash, event.createdAt, event.timer ? JSON.stringify(event.timer) : null],
        );
        for (const a of ateliers) await tx.run(INSERT_ATELIER, atelierParams(a));
      });
    } catch (err) {
      if (this.db.isUniqueViolation(err)) throw new UniqueViolationError('event already exists (join code, admin token or id)', { cause: err });
      throw err;
    }
  }

  getEvent(id: string): Promise<EventRecord | null> {
    return this.oneEvent('id', id);
  }

  getEventByJoinCode(code: string): Promise<EventRecord | null> {
    return this.oneEvent('join_code', code);
  }

  getEventByAdminTokenHash(hash: string): Promise<EventRecord | null> {
    return this.oneEvent('admin_token_hash', hash);
  }

  private async oneEvent(column: 'id' | 'join_code' | 'admin_token_hash', value: string): Promise<EventRecord | null> {
    const row = await this.one<Row<EventRecord, 'timer'>>(`SELECT ${EVENT} FROM events WHERE ${column} = $1`, [value]);
    return row ? toEvent(row) : null;
  }

  async setEventTimer(eventId: string, timer: TimerState | null): Promise<void> {
    await this.db.run('UPDATE events SET timer = $2 WHERE id = $1', [eventId, timer ? JSON.stringify(timer) : null]);
  }

  async joinCodeExists(code: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM events WHERE join_code = $1', [code])).length > 0;
  }

  async listAteliers(eventId: string): Promise<Atelier[]> {
    return (await this.db.query<AtelierRow>(
      `SELECT ${ATELIER} FROM ateliers WHERE event_id = $1 ORDER BY position, id`,
      [eventId],
    )).map(toAtelier);
  }

  getAtelier(id: string): Promise<Atelier | null> {
    return this.oneAtelier('id', id);
  }

  getAtelierByBoardId(boardId: string): Promise<Atelier | null> {
    return this.oneAtelier('board_id', boardId);
  }

  private async oneAtelier(column: 'id' | 'board_id', value: string): Promise<Atelier | null> {
    const row = await this.one<AtelierRow>(`SELECT ${ATELIER} FROM ateliers WHERE ${column} = $1`, [value]);
    return row ? toAtelier(row) : null;
  }

  async updateAteliers(ids: string[], changes: AtelierChanges): Promise<void> {
    const columns: [string, unknown][] = [];
    if (changes.phase !== undefined) columns.push(['phase', changes.phase]);
    if (changes.privateWriting !== undefined) columns.push(['private_writing', changes.privateWriting ? 1 : 0]);
    if (changes.moderated !== undefined) columns.push(['moderated', changes.moderated ? 1 : 0]);
    if (changes.showAuthors !== undefined) columns.push(['show_authors', changes.showAuthors ? 1 : 0]);
    if (changes.timer !== undefined) columns.push(['timer', changes.timer ? JSON.stringify(changes.timer) : null]);
    if (changes.vote !== undefined) columns.push(['vote_config', JSON.stringify(changes.vote)]);
    if (columns.length === 0 || ids.length === 0) return;
    const sets = columns.map(([c], i) => `${c} = $${i + 2}`).join(', ');
    await this.db.transaction(async (tx) => {
      for (const id of ids) await tx.run(`UPDATE ateliers SET ${sets} WHERE id = $1`, [id, ...columns.map(([, v]) => v)]);
    });
  }

  async addAteliers(ateliers: Atelier[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const a of ateliers) await tx.run(INSERT_ATELIER, atelierParams(a));
    });
  }

  async createParticipant(p: ParticipantRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO participants (id, event_id, pseudonym, token_hash, atelier_id, created_at, blocked_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [p.id, p.eventId, p.pseudonym, p.tokenHash, p.atelierId, p.createdAt, p.blockedAt],
    );
  }

  getParticipant(id: string): Promise<ParticipantRecord | null> {
    return this.one<ParticipantRecord>(`SELECT ${PARTICIPANT} FROM participants WHERE id = $1`, [id]);
  }

  getParticipantByTokenHash(hash: string): Promise<ParticipantRecord | null> {
    return this.one<ParticipantRecord>(`SELECT ${PARTICIPANT} FROM participants WHERE token_hash = $1`, [hash]);
  }

  async updateParticipant(id: string, changes: { pseudonym?: string; atelierId?: string | null }): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    if (changes.pseudonym !== undefined) {
      params.push(changes.pseudonym);
      sets.push(`pseudonym = $${params.length}`);
    }
    if (changes.atelierId !== undefined) {
      params.push(changes.atelierId);
      sets.push(`atelier_id = $${params.length}`);
    }
    if (sets.length === 0) return;
    await this.db.run(`UPDATE participants SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async pseudonyms(ids: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += IN_CHUNK) {
      const chunk = unique.slice(i, i + IN_CHUNK);
      const marks = chunk.map((_, j) => `$${j + 1}`).join(', ');
      const rows = await this.db.query<{ id: string; pseudonym: string }>(
        `SELECT id, pseudonym FROM participants WHERE id IN (${marks})`,
        chunk,
      );
      for (const row of rows) result.set(row.id, row.pseudonym);
    }
    return result;
  }

  async insertIdea(idea: NewIdea): Promise<InsertIdeaOutcome> {
    // DO NOTHING rather than a read-then-insert: two concurrent retries cannot both insert,
    // and the loser gets no unique-violation error, just 0 rows.
    const inserted = await this.db.run(
      `INSERT INTO ideas (id, event_id, atelier_id, board_id, author_id, text, created_at, updated_at, deleted_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, NULL, $8) ON CONFLICT (id) DO NOTHING`,
      [idea.id, idea.eventId, idea.atelierId, idea.boardId, idea.authorId, idea.text, idea.now, idea.status ?? 'visible'],
    );
    const stored = await this.getIdea(idea.id);
    if (!stored) throw new Error(`idea ${idea.id} missing right after insert`);
    if (inserted > 0) return { kind: 'created', idea: stored };
    if (stored.authorId === idea.authorId && stored.atelierId === idea.atelierId) return { kind: 'existing', idea: stored };
    return { kind: 'conflict' };
  }

  getIdea(id: string): Promise<Idea | null> {
    return this.one<Idea>(`SELECT ${IDEA} FROM ideas WHERE id = $1`, [id]);
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
    return this.db.query<Idea>(
      `SELECT ${IDEA} FROM ideas WHERE author_id = $1 AND atelier_id = $2 ORDER BY created_at, id`,
      [authorId, atelierId],
    );
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
      return tx.query<Idea>(`SELECT ${IDEA} FROM ideas WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY created_at, id`, ids.map((r) => r.id));
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

  async blockParticipant(id: string, eventId: string, pseudonymKey: string, now: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE participants SET blocked_at = $2 WHERE id = $1 AND blocked_at IS NULL', [id, now]);
      await tx.run('INSERT INTO blocked_pseudonyms (event_id, pseudonym_key, blocked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [eventId, pseudonymKey, now]);
    });
  }

  async isPseudonymBlocked(eventId: string, pseudonymKey: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM blocked_pseudonyms WHERE event_id = $1 AND pseudonym_key = $2', [eventId, pseudonymKey])).length > 0;
  }

  async createFacilitatorToken(t: FacilitatorTokenRecord): Promise<void> {
    await this.db.run('INSERT INTO facilitator_tokens (id, event_id, atelier_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      t.id, t.eventId, t.atelierId, t.label, t.tokenHash, t.createdAt,
    ]);
  }

  getFacilitatorTokenByHash(hash: string): Promise<FacilitatorTokenRecord | null> {
    return this.one<FacilitatorTokenRecord>(`SELECT ${FACILITATOR_TOKEN} FROM facilitator_tokens WHERE token_hash = $1`, [hash]);
  }

  async logModeration(e: ModerationEntry): Promise<void> {
    await this.db.run('INSERT INTO moderation_log (event_id, atelier_id, actor, action, target, details, at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      e.eventId, e.atelierId, e.actor, e.action, e.target, e.details, e.at,
    ]);
  }

  listModeration(eventId: string, limit: number): Promise<ModerationEntry[]> {
    return this.db.query<ModerationEntry>(
      `SELECT event_id AS "eventId", atelier_id AS "atelierId", actor, action, target, details, at FROM moderation_log WHERE event_id = $1 ORDER BY seq DESC LIMIT $2`,
      [eventId, limit],
    );
  }

  async appendBoardUpdate(boardId: string, update: Uint8Array): Promise<void> {
    // PostgreSQL hands out seq at INSERT but rows become visible at COMMIT, so two appends
    // could commit out of seq order; a load in between would see seq 6 but not 5, and a
    // compaction up to 6 would hide 5 forever. Serializing appends per board prevents it.
    // (SQLite already serializes every write.)
    await this.db.transaction(async (tx) => {
      await tx.lock(`board:${boardId}`);
      await tx.run('INSERT INTO board_updates (board_id, data) VALUES ($1, $2)', [boardId, update]);
    });
  }

  async loadBoard(boardId: string): Promise<StoredBoardState> {
    // Log first, snapshot second, without a transaction: a compaction committing in between
    // only yields a snapshot covering more than the rows read, and those rows are dropped
    // below. The other order could read an old snapshot and then a log already compacted.
    const rows = await this.db.query<{ seq: number | string; data: Uint8Array }>(
      'SELECT seq, data FROM board_updates WHERE board_id = $1 ORDER BY seq',
      [boardId],
    );
    const snap = await this.one<{ data: Uint8Array; uptoSeq: number | string }>(
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

  private async one<T>(sql: string, params: unknown[]): Promise<T | null> {
    return (await this.db.query<T>(sql, params))[0] ?? null;
  }
}

const INSERT_ATELIER = `INSERT INTO ateliers (id, event_id, position, title, theme, question, board_kind, board_id, phase, private_writing, moderated, show_authors, timer, vote_config)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;

function atelierParams(a: Atelier): unknown[] {
  return [a.id, a.eventId, a.position, a.title, a.theme, a.question, a.boardKind, a.boardId, a.phase, a.privateWriting ? 1 : 0, a.moderated ? 1 : 0, a.showAuthors ? 1 : 0, a.timer ? JSON.stringify(a.timer) : null, JSON.stringify(a.vote)];
}

/** Both drivers return Buffers; callers get plain Uint8Arrays that own their memory. */
function bytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(data);
}
