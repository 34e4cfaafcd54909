import type { SqlDriver } from './sql-driver';
import type { ModerationEntry } from './records';

export interface ModerationStore {
  logModeration(entry: ModerationEntry): Promise<void>;
  /** Newest first. */
  listModeration(eventId: string, limit: number): Promise<ModerationEntry[]>;
}

export class SqlModerationStore implements ModerationStore {
  constructor(private readonly db: SqlDriver) {}

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
}
