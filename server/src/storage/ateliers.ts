import { groupCreationSchema, timerStateSchema, voteConfigSchema, type Atelier } from '@semis/shared';
import { flag, jsonColumn, optionalJsonColumn } from './json';
import type { SqlDriver } from './sql-driver';
import type { AtelierChanges } from './records';

export interface AtelierStore {
  /** Ateliers of an event ordered by position. */
  listAteliers(eventId: string): Promise<Atelier[]>;
  getAtelier(id: string): Promise<Atelier | null>;
  getAtelierByBoardId(boardId: string): Promise<Atelier | null>;
  addAteliers(ateliers: Atelier[]): Promise<void>;
  /** Applies the same changes to several ateliers in one transaction. */
  updateAteliers(ids: string[], changes: AtelierChanges): Promise<void>;
}

/** The columns of an atelier as record fields; `t` qualifies them when other tables are joined. */
export const atelierColumns = (t = '') =>
  `${t}id AS "id", ${t}event_id AS "eventId", ${t}position AS "position", ${t}title AS "title", ${t}theme AS "theme", ${t}question AS "question",
  ${t}board_kind AS "boardKind", ${t}board_id AS "boardId", ${t}phase AS "phase", ${t}private_writing AS "privateWriting", ${t}moderated AS "moderated",
  ${t}show_authors AS "showAuthors", ${t}timer AS "timer", ${t}vote_config AS "vote", ${t}group_creation AS "groupCreation"`;
const ATELIER = atelierColumns();

export type AtelierRow = Omit<Atelier, 'privateWriting' | 'moderated' | 'showAuthors' | 'timer' | 'vote' | 'groupCreation'> &
  Record<'privateWriting' | 'moderated' | 'showAuthors' | 'timer' | 'vote' | 'groupCreation', unknown>;

/** Reads only the atelier's own fields: a row may carry a joined table's columns too. */
export const toAtelier = ({ groupCreation, ...r }: AtelierRow): Atelier => ({
  id: r.id, eventId: r.eventId, position: r.position, title: r.title, theme: r.theme, question: r.question, boardKind: r.boardKind, boardId: r.boardId, phase: r.phase,
  // Absent until a facilitator sets it: DEFAULT_GROUP_CREATION applies.
  ...(groupCreation ? { groupCreation: optionalJsonColumn(groupCreationSchema, groupCreation, 'ateliers.group_creation') ?? undefined } : {}),
  privateWriting: flag(r.privateWriting),
  moderated: flag(r.moderated),
  showAuthors: flag(r.showAuthors),
  timer: optionalJsonColumn(timerStateSchema, r.timer, 'ateliers.timer'),
  // Ateliers created before votes existed have no config: the defaults.
  vote: jsonColumn(voteConfigSchema, typeof r.vote === 'string' && r.vote ? r.vote : {}, 'ateliers.vote_config'),
});

export const INSERT_ATELIER = `INSERT INTO ateliers (id, event_id, position, title, theme, question, board_kind, board_id, phase, private_writing, moderated, show_authors, timer, vote_config, group_creation)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`;

export function atelierParams(a: Atelier): unknown[] {
  return [a.id, a.eventId, a.position, a.title, a.theme, a.question, a.boardKind, a.boardId, a.phase, a.privateWriting ? 1 : 0, a.moderated ? 1 : 0, a.showAuthors ? 1 : 0, a.timer ? JSON.stringify(a.timer) : null, JSON.stringify(a.vote), a.groupCreation ? JSON.stringify(a.groupCreation) : null];
}

export class SqlAtelierStore implements AtelierStore {
  constructor(private readonly db: SqlDriver) {}

  async listAteliers(eventId: string): Promise<Atelier[]> {
    return (await this.db.query<AtelierRow>(`SELECT ${ATELIER} FROM ateliers WHERE event_id = $1 ORDER BY position, id`, [eventId])).map(toAtelier);
  }

  getAtelier(id: string): Promise<Atelier | null> {
    return this.oneAtelier('id', id);
  }

  getAtelierByBoardId(boardId: string): Promise<Atelier | null> {
    return this.oneAtelier('board_id', boardId);
  }

  private async oneAtelier(column: 'id' | 'board_id', value: string): Promise<Atelier | null> {
    const [row] = await this.db.query<AtelierRow>(`SELECT ${ATELIER} FROM ateliers WHERE ${column} = $1`, [value]);
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
    if (changes.groupCreation !== undefined) columns.push(['group_creation', JSON.stringify(changes.groupCreation)]);
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
}
