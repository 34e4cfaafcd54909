import * as Y from 'yjs';
import { z } from 'zod';
import {
  ARCHIVE_FORMAT, ARCHIVE_VERSION, pseudonymKey, BOARD_SCHEMA_VERSION, IMAGE_TYPES, boardKindSchema, candidateSchema, ideaStatusSchema, phaseSchema,
  posterBoardKindSchema, reactionKindSchema, timerStateSchema, uuidSchema, voteConfigSchema,
} from '@semis/shared';
import { AppError } from '../errors';
import { EVENT_TABLES, type ArchiveRow, type ArchiveTables, type ColumnDef, type TableDef } from '../storage/archive';
import { MIGRATIONS } from '../storage/migrations';
import type { Storage } from '../storage/types';
import { UniqueViolationError } from '../storage/sql-driver';
import type { BoardRegistry } from '../yjs/registry';
import { MAX_DOC_BYTES } from '../yjs/limits';
import { siblingsWithin } from '../yjs/siblings';
import { turnIsBusy, yieldIfBusy } from '../limits/loopSlice';
import { requireWholeEvent, type FacilitatorPrincipal } from './access';

/**
 * The event archive: every row of the event (storage/archive.ts's catalogue) and every board
 * document as a Yjs state with its schema version. An event prepared on a laptop (SQLite) moves
 * to a server (PostgreSQL) and back, identical. Import checks everything before writing
 * anything, then writes in one transaction.
 */
export interface EventArchive {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  /** The storage schema (latest migration) of the exporting server. */
  storageVersion: number;
  exportedAt: string;
  tables: ArchiveTables;
  boards: { id: string; kind: string; schemaVersion: number; state: string }[];
}

export interface ArchiveDeps {
  storage: Storage;
  registry: BoardRegistry;
  now: () => string;
}

const STORAGE_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

export async function exportArchive(deps: ArchiveDeps, who: FacilitatorPrincipal): Promise<EventArchive> {
  requireWholeEvent(who);
  const eventId = who.event.id;
  const tables = await deps.storage.archive.dumpEvent(eventId);
  const kinds = new Map<string, string>([
    ...(tables.ateliers ?? []).map((a) => [String(a.board_id), String(a.board_kind)] as const),
    ...(tables.boards ?? []).map((b) => [String(b.id), String(b.kind)] as const),
  ]);
  const boards: EventArchive['boards'] = [];
  for (const id of await deps.storage.archive.boardIds(eventId)) {
    // From the live document: it may hold updates not yet flushed to the database.
    const { state, schemaVersion } = await deps.registry.use(id, (room) => ({
      state: Y.encodeStateAsUpdate(room.doc),
      schemaVersion: Number(room.doc.getMap('meta').get('schemaVersion') ?? BOARD_SCHEMA_VERSION),
    }));
    boards.push({ id, kind: kinds.get(id) ?? 'mur', schemaVersion, state: Buffer.from(state).toString('base64') });
  }
  return { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, storageVersion: STORAGE_VERSION, exportedAt: deps.now(), tables, boards };
}

/** Text columns holding JSON or a closed set of words, checked with the records' own schemas. */
const json = (schema: z.ZodType) => z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
}).pipe(schema);
const CHECKS: Record<string, Record<string, z.ZodType>> = {
  events: { id: uuidSchema, timer: json(timerStateSchema) },
  ateliers: { id: uuidSchema, board_id: uuidSchema, phase: phaseSchema, board_kind: boardKindSchema, timer: json(timerStateSchema), vote_config: json(voteConfigSchema.partial()) },
  participants: { id: uuidSchema },
  ideas: { id: uuidSchema, status: ideaStatusSchema },
  boards: { id: uuidSchema, kind: posterBoardKindSchema },
  board_reactions: { kind: reactionKindSchema },
  assets: { mime: z.enum(IMAGE_TYPES) },
  vote_sessions: { id: uuidSchema, config: json(voteConfigSchema), status: z.enum(['open', 'closed']) },
  vote_items: { idea_ids: json(z.array(z.string())) },
  candidates: { data: json(candidateSchema) },
};

function columnSchema(table: string, name: string, def: ColumnDef): z.ZodType {
  const base = CHECKS[table]?.[name] ?? (def.type === 'int' ? z.number().int().safe() : def.type === 'blob' ? z.base64() : z.string().max(1_000_000));
  return def.nullable ? base.nullable() : base;
}

/** The archive's envelope, strict: an unknown table is refused. Rows are checked one by one
 * after it (`checkRows`), so a big archive's checks leave room for the live evening. */
const archiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  storageVersion: z.number().int().positive(),
  exportedAt: z.string(),
  tables: z.object(Object.fromEntries(EVENT_TABLES.map((t) => [t.name, z.array(z.unknown()).max(200_000)]))).strict(),
  boards: z.array(z.object({ id: uuidSchema, kind: z.string(), schemaVersion: z.number().int(), state: z.base64() }).strict()).max(10_000),
}).strict();
/** Every column of a row, strict: an unknown column is refused. */
const ROW_SCHEMAS = new Map(EVENT_TABLES.map((t) => [t.name, rowSchema(t)]));

/** Checks every row (~5 µs each, 70,000 in a 30 MB archive), the live evening served between. */
async function checkRows(tables: Record<string, unknown[]>): Promise<void> {
  for (const [name, schema] of ROW_SCHEMAS) {
    for (const [i, row] of (tables[name] ?? []).entries()) {
      if (turnIsBusy()) await yieldIfBusy();
      const checked = schema.safeParse(row);
      if (!checked.success) throw invalid(['tables', name, i, ...(checked.error.issues[0]?.path ?? [])].join('.'));
    }
  }
}

function rowSchema(table: TableDef) {
  return z.object(Object.fromEntries(Object.entries(table.columns).map(([name, def]) => [name, columnSchema(table.name, name, def)]))).strict();
}

const invalid = (field?: string) => new AppError('ARCHIVE_INVALID', field);

/** Columns added to the storage after an archive was written, with the value their migration
 * gave existing rows: an archive from an older server imports as that server's rows would have
 * migrated. */
const ADDED_COLUMNS: { since: number; table: string; values: ArchiveRow }[] = [
  { since: 7, table: 'events', values: { retention_days: 30, closed_at: null, purged_at: null, purge_lease: null } },
];

function upgrade(raw: { tables?: unknown }, storageVersion: number): void {
  const tables = typeof raw.tables === 'object' && raw.tables !== null ? (raw.tables as Record<string, unknown>) : {};
  for (const added of ADDED_COLUMNS) {
    const rows = tables[added.table];
    if (storageVersion >= added.since || !Array.isArray(rows)) continue;
    for (const row of rows) if (typeof row === 'object' && row !== null) for (const [col, v] of Object.entries(added.values)) if (!(col in row)) (row as ArchiveRow)[col] = v;
  }
}

/** Parses, checks and imports an archive as a new event. Nothing is written on any refusal. */
export async function importArchive(deps: ArchiveDeps, body: unknown): Promise<{ eventId: string; name: string }> {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : null;
  if (text === null || text.length === 0) throw invalid('body');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('body');
  }
  // Version first, so a newer archive says so rather than "invalid".
  const head = z.object({ format: z.string(), version: z.number(), storageVersion: z.number() }).safeParse(raw);
  if (!head.success || head.data.format !== ARCHIVE_FORMAT) throw invalid('format');
  if (head.data.version !== ARCHIVE_VERSION) throw new AppError('ARCHIVE_VERSION', 'version');
  if (head.data.storageVersion > STORAGE_VERSION) throw new AppError('ARCHIVE_VERSION', 'storageVersion');
  upgrade(raw as { storageVersion: number; tables?: unknown }, head.data.storageVersion);
  const parsed = archiveSchema.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join('.'));
  await checkRows(parsed.data.tables);
  // Checked, but written as it came: the parsed copy has its JSON columns decoded.
  const archive = raw as EventArchive;
  const { tables } = archive;

  const event = tables.events!;
  if (event.length !== 1) throw invalid('tables.events');
  const eventId = String(event[0]!.id);
  checkReferences(tables, eventId);
  const boards = await checkBoards(archive, tables);

  if (await deps.storage.getEvent(eventId)) throw new AppError('ARCHIVE_EXISTS', 'tables.events.0.id');
  // A join trusts stored pseudonym keys (storage/participants.ts): a file's are recomputed.
  for (const row of tables.participants ?? []) if (row.pseudonym_key != null) row.pseudonym_key = pseudonymKey(String(row.pseudonym));
  try {
    await deps.storage.archive.restoreEvent(tables, boards, deps.now());
  } catch (err) {
    // Another event already holds one of these ids, join code or token hash: refused whole.
    if (err instanceof UniqueViolationError) throw new AppError('ARCHIVE_EXISTS');
    if (/foreign key/i.test(String((err as Error).message))) throw invalid('tables');
    throw err;
  }
  return { eventId, name: String(event[0]!.name) };
}

/** Every row belongs to this event and points only at rows of this archive. */
function checkReferences(tables: ArchiveTables, eventId: string): void {
  const ids = (table: string, col = 'id') => new Set((tables[table] ?? []).map((r) => String(r[col])));
  const ateliers = ids('ateliers');
  const sessions = ids('vote_sessions');
  const groups = ids('poster_groups');
  const participants = ids('participants');
  const boardIds = new Set([...ids('ateliers', 'board_id'), ...ids('boards')]);
  const refs: Record<string, (v: string) => boolean> = {
    event_id: (v) => v === eventId,
    atelier_id: (v) => ateliers.has(v),
    session_id: (v) => sessions.has(v),
    group_id: (v) => groups.has(v),
    board_id: (v) => boardIds.has(v),
  };
  for (const table of EVENT_TABLES) {
    (tables[table.name] ?? []).forEach((row: ArchiveRow, k) => {
      for (const [col, ok] of Object.entries(refs)) {
        if (table.name === 'ateliers' && col === 'board_id') continue;
        const v = row[col];
        if (v !== undefined && v !== null && !ok(String(v))) throw invalid(`tables.${table.name}.${k}.${col}`);
      }
    });
  }
  (tables.poster_members ?? []).forEach((m, k) => {
    if (!participants.has(String(m.participant_id))) throw invalid(`tables.poster_members.${k}.participant_id`);
  });
}

/** One document per board of the event, each a valid Yjs state of a schema this server knows. */
async function checkBoards(archive: EventArchive, tables: ArchiveTables): Promise<{ id: string; state: Uint8Array }[]> {
  const expected = new Map<string, string>([
    ...(tables.ateliers ?? []).map((a) => [String(a.board_id), String(a.board_kind)] as const),
    ...(tables.boards ?? []).map((b) => [String(b.id), String(b.kind)] as const),
  ]);
  const seen = new Set<string>();
  const out: { id: string; state: Uint8Array }[] = [];
  for (const [k, b] of archive.boards.entries()) {
    if (turnIsBusy()) await yieldIfBusy();
    if (!expected.has(b.id) || seen.has(b.id) || expected.get(b.id) !== b.kind) throw invalid(`boards.${k}.id`);
    seen.add(b.id);
    if (b.schemaVersion > BOARD_SCHEMA_VERSION || b.schemaVersion < 1) throw new AppError('ARCHIVE_VERSION', `boards.${k}.schemaVersion`);
    const state = Buffer.from(b.state, 'base64');
    if (state.length > MAX_DOC_BYTES) throw invalid(`boards.${k}.state`);
    const doc = new Y.Doc();
    try {
      // A state crafted to be slow to apply (many items at one place) is refused unapplied.
      if (!siblingsWithin(state)) throw invalid(`boards.${k}.state`);
      Y.applyUpdate(doc, state);
      const version = doc.getMap('meta').get('schemaVersion');
      if (version !== undefined && version !== b.schemaVersion) throw invalid(`boards.${k}.schemaVersion`);
    } catch (err) {
      throw err instanceof AppError ? err : invalid(`boards.${k}.state`);
    } finally {
      doc.destroy();
    }
    out.push({ id: b.id, state });
  }
  return out;
}
