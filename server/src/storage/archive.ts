import type { SqlDriver } from './sql-driver';

/**
 * Whole-event reads and writes for what happens after the evening (issue #11): counts for the
 * report, archives, deletion. Kept apart from the live-evening stores.
 */
export interface ArchiveStore {
  /** Participants of the event, or of one atelier (their current one) when atelierId is given. */
  countParticipants(eventId: string, atelierId: string | null): Promise<number>;
}

export class SqlArchiveStore implements ArchiveStore {
  constructor(private readonly db: SqlDriver) {}

  async countParticipants(eventId: string, atelierId: string | null): Promise<number> {
    const rows = await this.db.query<{ n: number | string }>(
      atelierId === null ? 'SELECT COUNT(*) AS n FROM participants WHERE event_id = $1' : 'SELECT COUNT(*) AS n FROM participants WHERE event_id = $1 AND atelier_id = $2',
      atelierId === null ? [eventId] : [eventId, atelierId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
