import { timerStateSchema, type Atelier, type TimerState } from '@semis/shared';
import { INSERT_ATELIER, atelierParams } from './ateliers';
import { optionalJsonColumn } from './json';
import { UniqueViolationError, type SqlDriver } from './sql-driver';
import type { EventRecord, FacilitatorTokenRecord } from './records';

/** Events, with the facilitator links that open them. */
export interface EventStore {
  /** Creates an event with its ateliers in one transaction. Fails on a duplicate join code. */
  createEvent(event: EventRecord, ateliers: Atelier[]): Promise<void>;
  getEvent(id: string): Promise<EventRecord | null>;
  getEventByJoinCode(code: string): Promise<EventRecord | null>;
  getEventByAdminTokenHash(hash: string): Promise<EventRecord | null>;
  joinCodeExists(code: string): Promise<boolean>;
  setEventTimer(eventId: string, timer: TimerState | null): Promise<void>;
  createFacilitatorToken(t: FacilitatorTokenRecord): Promise<void>;
  getFacilitatorTokenByHash(hash: string): Promise<FacilitatorTokenRecord | null>;
}

// Quoted aliases map snake_case columns to record fields on both databases.
const EVENT = `id, name, date, place, join_code AS "joinCode", admin_token_hash AS "adminTokenHash", created_at AS "createdAt", timer, retention_days AS "retentionDays"`;
const FACILITATOR_TOKEN = `id, event_id AS "eventId", atelier_id AS "atelierId", label, token_hash AS "tokenHash", created_at AS "createdAt"`;

type EventRow = Omit<EventRecord, 'timer' | 'retentionDays'> & { timer: unknown; retentionDays: number | string };
// PostgreSQL hands INTEGER back as a number, but keep it a number whatever the driver.
const toEvent = (r: EventRow): EventRecord => ({ ...r, timer: optionalJsonColumn(timerStateSchema, r.timer, 'events.timer'), retentionDays: Number(r.retentionDays) });

export class SqlEventStore implements EventStore {
  constructor(private readonly db: SqlDriver) {}

  async createEvent(event: EventRecord, ateliers: Atelier[]): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        await tx.run(
          'INSERT INTO events (id, name, date, place, join_code, admin_token_hash, created_at, timer, retention_days) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [event.id, event.name, event.date, event.place, event.joinCode, event.adminTokenHash, event.createdAt, event.timer ? JSON.stringify(event.timer) : null, event.retentionDays],
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
    const [row] = await this.db.query<EventRow>(`SELECT ${EVENT} FROM events WHERE ${column} = $1`, [value]);
    return row ? toEvent(row) : null;
  }

  async setEventTimer(eventId: string, timer: TimerState | null): Promise<void> {
    await this.db.run('UPDATE events SET timer = $2 WHERE id = $1', [eventId, timer ? JSON.stringify(timer) : null]);
  }

  async joinCodeExists(code: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM events WHERE join_code = $1', [code])).length > 0;
  }

  async createFacilitatorToken(t: FacilitatorTokenRecord): Promise<void> {
    await this.db.run('INSERT INTO facilitator_tokens (id, event_id, atelier_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      t.id, t.eventId, t.atelierId, t.label, t.tokenHash, t.createdAt,
    ]);
  }

  async getFacilitatorTokenByHash(hash: string): Promise<FacilitatorTokenRecord | null> {
    const [row] = await this.db.query<FacilitatorTokenRecord>(`SELECT ${FACILITATOR_TOKEN} FROM facilitator_tokens WHERE token_hash = $1`, [hash]);
    return row ?? null;
  }
}
