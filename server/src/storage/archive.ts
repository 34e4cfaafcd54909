import { UniqueViolationError, type SqlDriver, type SqlExecutor } from './sql-driver';

/**
 * Whole-event reads and writes for what happens after the evening (issue #11): counts for the
 * report, the event archive (every row of every table that belongs to an event), and deleting
 * an event for good. The catalogue below lists every event-scoped table and column; a test
 * compares it with the live schema, so a new table or column cannot be forgotten here.
 */

export type ColumnType = 'text' | 'int' | 'blob';
export interface ColumnDef {
  type: ColumnType;
  nullable?: boolean;
}
export interface TableDef {
  name: string;
  columns: Record<string, ColumnDef>;
  /** SQL condition selecting the event's rows, `$1` being the event id. */
  scope: string;
  /** Rows kept in this order (a log), rather than sorted canonically. */
  orderBy?: string;
}

const t = (nullable = false): ColumnDef => ({ type: 'text', nullable });
const i = (nullable = false): ColumnDef => ({ type: 'int', nullable });
const BY_EVENT = 'event_id = $1';
const SESSIONS = 'session_id IN (SELECT id FROM vote_sessions WHERE event_id = $1)';

/** In dependency order: inserting in this order and deleting in reverse respects every key. */
export const EVENT_TABLES: readonly TableDef[] = [
  { name: 'events', scope: 'id = $1', columns: { id: t(), name: t(), date: t(true), place: t(), join_code: t(), admin_token_hash: t(), created_at: t(), timer: t(true),
    retention_days: i(), closed_at: t(true), purged_at: t(true), purge_lease: t(true) } },
  {
    name: 'ateliers', scope: BY_EVENT,
    columns: {
      id: t(), event_id: t(), position: i(), title: t(), theme: t(), question: t(), board_kind: t(), board_id: t(), phase: t(),
      private_writing: i(), moderated: i(), show_authors: i(), timer: t(true), vote_config: t(true), group_creation: t(true),
    },
  },
  { name: 'participants', scope: BY_EVENT, columns: { id: t(), event_id: t(), pseudonym: t(), pseudonym_key: t(true), token_hash: t(), atelier_id: t(true), created_at: t(), blocked_at: t(true) } },
  {
    name: 'ideas', scope: BY_EVENT,
    columns: {
      id: t(), event_id: t(), atelier_id: t(), board_id: t(), author_id: t(), text: t(), created_at: t(), updated_at: t(), deleted_at: t(true),
      status: t(), moderated_at: t(true), slot: i(true),
    },
  },
  { name: 'blocked_pseudonyms', scope: BY_EVENT, columns: { event_id: t(), pseudonym_key: t(), blocked_at: t() } },
  { name: 'facilitator_tokens', scope: BY_EVENT, columns: { id: t(), event_id: t(), atelier_id: t(true), label: t(), token_hash: t(), created_at: t() } },
  { name: 'moderation_log', scope: BY_EVENT, orderBy: 'seq', columns: { event_id: t(), atelier_id: t(true), actor: t(), action: t(), target: t(), details: t(), at: t() } },
  {
    name: 'poster_groups', scope: BY_EVENT,
    columns: { id: t(), event_id: t(), atelier_id: t(), name: t(), position: i(), animateur_id: t(true), rapporteur_id: t(true), created_at: t(), created_by: t(true) },
  },
  { name: 'poster_members', scope: 'group_id IN (SELECT id FROM poster_groups WHERE event_id = $1)', columns: { group_id: t(), participant_id: t(), atelier_id: t(), joined_at: t() } },
  { name: 'boards', scope: BY_EVENT, columns: { id: t(), event_id: t(), atelier_id: t(), group_id: t(true), kind: t(), created_at: t() } },
  { name: 'board_reactions', scope: 'board_id IN (SELECT id FROM boards WHERE event_id = $1)', columns: { board_id: t(), participant_id: t(), kind: t(), created_at: t() } },
  { name: 'board_comments', scope: BY_EVENT, columns: { id: t(), event_id: t(), board_id: t(), author_id: t(), text: t(), created_at: t() } },
  {
    name: 'assets', scope: BY_EVENT,
    columns: { id: t(), event_id: t(), board_id: t(), mime: t(), width: i(), height: i(), size: i(), data: { type: 'blob' }, created_at: t() },
  },
  { name: 'vote_sessions', scope: BY_EVENT, columns: { id: t(), event_id: t(), atelier_id: t(true), config: t(), status: t(), opened_at: t(), closed_at: t(true) } },
  { name: 'vote_items', scope: SESSIONS, columns: { session_id: t(), item_id: t(), title: t(), idea_ids: t(), position: i(), withdrawn: i() } },
  { name: 'vote_dots', scope: SESSIONS, columns: { session_id: t(), participant_id: t(), item_id: t(), dots: i() } },
  { name: 'vote_ops', scope: SESSIONS, columns: { op_id: t(), session_id: t(), participant_id: t(), at: t() } },
  { name: 'vote_ratings', scope: SESSIONS, columns: { session_id: t(), participant_id: t(), item_id: t(), desirability: i(), feasibility: i() } },
  {
    name: 'candidates', scope: BY_EVENT,
    columns: { id: t(), event_id: t(), atelier_id: t(), source_kind: t(), source_id: t(), data: t(), created_at: t(), updated_at: t() },
  },
];

/** Board documents live in these, keyed by board id (walls' and poster boards'). */
export const BOARD_TABLES = ['board_updates', 'board_snapshots'] as const;
/** Tables that belong to no event. */
export const GLOBAL_TABLES = ['schema_migrations'] as const;

/** A row as archived: text, integers, and blobs in base64. */
export type ArchiveRow = Record<string, string | number | null>;
export type ArchiveTables = Record<string, ArchiveRow[]>;

export interface ArchiveStore {
  /** Participants of the event, or of one atelier (their current one) when atelierId is given. */
  countParticipants(eventId: string, atelierId: string | null): Promise<number>;
  /** Every row of the event, per table, canonically ordered. */
  dumpEvent(eventId: string): Promise<ArchiveTables>;
  /** The ids of the event's boards (walls and poster boards). */
  boardIds(eventId: string): Promise<string[]>;
  /** Inserts an archived event and its board documents (as snapshots) in one transaction. */
  restoreEvent(tables: ArchiveTables, boards: { id: string; state: Uint8Array }[], now: string): Promise<void>;
  /** Deletes every row of the event in every table, board documents included, in one transaction. */
  deleteEvent(eventId: string): Promise<{ boardIds: string[] }>;
}

function toArchive(value: unknown, def: ColumnDef): string | number | null {
  if (value === null || value === undefined) return null;
  if (def.type === 'int') return Number(value);
  if (def.type === 'blob') return Buffer.from(value as Uint8Array).toString('base64');
  return String(value);
}

function fromArchive(value: string | number | null, def: ColumnDef): unknown {
  if (value === null) return null;
  return def.type === 'blob' ? Buffer.from(String(value), 'base64') : value;
}

/** Same rows, same order on both databases (their text collations differ). */
function canonical(rows: ArchiveRow[]): ArchiveRow[] {
  return rows.map((r) => [JSON.stringify(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
}

export class SqlArchiveStore implements ArchiveStore {
  constructor(private readonly db: SqlDriver) {}

  async countParticipants(eventId: string, atelierId: string | null): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>(
      // The author of ideas collected beforehand (token hash 'imported:…') is nobody in the room.
      atelierId === null
        ? "SELECT COUNT(*) AS n FROM participants WHERE event_id = $1 AND token_hash NOT LIKE 'imported:%'"
        : "SELECT COUNT(*) AS n FROM participants WHERE event_id = $1 AND atelier_id = $2 AND token_hash NOT LIKE 'imported:%'",
      atelierId === null ? [eventId] : [eventId, atelierId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async dumpEvent(eventId: string): Promise<ArchiveTables> {
    const out: ArchiveTables = {};
    for (const table of EVENT_TABLES) {
      const cols = Object.keys(table.columns);
      const rows = await this.db.query<Record<string, unknown>>(
        `SELECT ${cols.join(', ')} FROM ${table.name} WHERE ${table.scope}${table.orderBy ? ` ORDER BY ${table.orderBy}` : ''}`,
        [eventId],
      );
      const archived = rows.map((r) => Object.fromEntries(cols.map((c) => [c, toArchive(r[c], table.columns[c]!)])));
      out[table.name] = table.orderBy ? archived : canonical(archived);
    }
    return out;
  }

  async boardIds(eventId: string): Promise<string[]> {
    return boardIdsOf(this.db, eventId);
  }

  async restoreEvent(tables: ArchiveTables, boards: { id: string; state: Uint8Array }[], now: string): Promise<void> {
    try {
      await this.insertAll(tables, boards, now);
    } catch (err) {
      if (this.db.isUniqueViolation(err)) throw new UniqueViolationError('an archived id, join code or token is already used here', { cause: err });
      throw err;
    }
  }

  private async insertAll(tables: ArchiveTables, boards: { id: string; state: Uint8Array }[], now: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const table of EVENT_TABLES) {
        const cols = Object.keys(table.columns);
        const sql = `INSERT INTO ${table.name} (${cols.join(', ')}) VALUES (${cols.map((_, k) => `$${k + 1}`).join(', ')})`;
        for (const row of tables[table.name] ?? []) await tx.run(sql, cols.map((c) => fromArchive(row[c] ?? null, table.columns[c]!)));
      }
      for (const b of boards) {
        await tx.run('INSERT INTO board_snapshots (board_id, data, upto_seq, created_at) VALUES ($1, $2, $3, $4)', [b.id, Buffer.from(b.state), 0, now]);
      }
    });
  }

  async deleteEvent(eventId: string): Promise<{ boardIds: string[] }> {
    return this.db.transaction(async (tx) => {
      const boardIds = await boardIdsOf(tx, eventId);
      for (const id of boardIds) for (const table of BOARD_TABLES) await tx.run(`DELETE FROM ${table} WHERE board_id = $1`, [id]);
      for (const table of [...EVENT_TABLES].reverse()) await tx.run(`DELETE FROM ${table.name} WHERE ${table.scope}`, [eventId]);
      return { boardIds };
    });
  }
}

async function boardIdsOf(db: SqlExecutor, eventId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>('SELECT board_id AS id FROM ateliers WHERE event_id = $1 UNION SELECT id FROM boards WHERE event_id = $1', [eventId]);
  return rows.map((r) => r.id).sort();
}
