import { purgedLabel, type RetentionClock } from '@semis/shared';
import type { SqlDriver } from './sql-driver';

/** A purged participant's token hash: no token hashes to it (hashes are hex), so it opens nothing. */
export const PURGED_TOKEN_PREFIX = 'purged:';
/** The author of ideas collected beforehand (services/importIdeas.ts): nobody, nothing to purge. */
const IMPORTED = "token_hash NOT LIKE 'imported:%'";

export interface RetentionCandidate extends RetentionClock {
  id: string;
}

/**
 * The RGPD retention of pseudonyms (issue #11). Every statement is idempotent: several
 * processes sweeping the same database at once do the same thing, or nothing, never an error.
 */
export interface RetentionStore {
  setRetentionDays(eventId: string, days: number): Promise<void>;
  /** Notes when an event's ateliers are all closed (closed_at), and forgets it when one reopens. */
  markClosed(now: string): Promise<void>;
  /** Events that still hold pseudonyms or whose boards were never cleaned: due or not yet. */
  unpurged(): Promise<RetentionCandidate[]>;
  /** Takes the event's purge for this process until `until`, unless another process holds it. */
  claim(eventId: string, now: string, until: string): Promise<boolean>;
  /** Replaces pseudonyms with labels, voids tokens, forgets blocked pseudonyms and the names the
   * moderation log quotes, in one transaction. Returns the participants purged by this call. */
  purgeParticipants(eventId: string): Promise<string[]>;
  /** The event's boards are clean too: done until someone new joins. */
  finish(eventId: string, now: string): Promise<void>;
}

export class SqlRetentionStore implements RetentionStore {
  constructor(private readonly db: SqlDriver) {}

  async setRetentionDays(eventId: string, days: number): Promise<void> {
    await this.db.run('UPDATE events SET retention_days = $2 WHERE id = $1', [eventId, days]);
  }

  async markClosed(now: string): Promise<void> {
    const open = "EXISTS (SELECT 1 FROM ateliers a WHERE a.event_id = events.id AND a.phase <> 'cloture')";
    await this.db.run(`UPDATE events SET closed_at = $1 WHERE closed_at IS NULL AND NOT ${open}`, [now]);
    await this.db.run(`UPDATE events SET closed_at = NULL WHERE closed_at IS NOT NULL AND ${open}`);
  }

  async unpurged(): Promise<RetentionCandidate[]> {
    const rows = await this.db.query<{ id: string; date: string | null; createdAt: string; closedAt: string | null; retentionDays: number | string }>(
      `SELECT id, date, created_at AS "createdAt", closed_at AS "closedAt", retention_days AS "retentionDays" FROM events
       WHERE purged_at IS NULL OR EXISTS (SELECT 1 FROM participants p WHERE p.event_id = events.id
         AND p.token_hash NOT LIKE '${PURGED_TOKEN_PREFIX}%' AND p.${IMPORTED})`,
    );
    return rows.map((r) => ({ ...r, retentionDays: Number(r.retentionDays) }));
  }

  async claim(eventId: string, now: string, until: string): Promise<boolean> {
    const n = await this.db.run('UPDATE events SET purge_lease = $2 WHERE id = $1 AND (purge_lease IS NULL OR purge_lease < $3)', [eventId, until, now]);
    return n > 0;
  }

  async purgeParticipants(eventId: string): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      // Numbered in order of arrival over everyone, purged or not, so a label never changes.
      const people = await tx.query<{ id: string; tokenHash: string }>(
        `SELECT id, token_hash AS "tokenHash" FROM participants WHERE event_id = $1 AND ${IMPORTED} ORDER BY created_at, id`,
        [eventId],
      );
      const purged: string[] = [];
      for (const [k, p] of people.entries()) {
        const label = purgedLabel(k + 1);
        if (!p.tokenHash.startsWith(PURGED_TOKEN_PREFIX)) {
          // No key for a label: joins read keyless names whole (storage/participants.ts).
          await tx.run('UPDATE participants SET pseudonym = $2, pseudonym_key = NULL, token_hash = $3 WHERE id = $1', [p.id, label, PURGED_TOKEN_PREFIX + p.id]);
          purged.push(p.id);
        }
        // The log quotes the pseudonym of whoever was blocked or unblocked (services/moderation.ts).
        await tx.run("UPDATE moderation_log SET details = $3 WHERE event_id = $1 AND target = $2 AND action IN ('block', 'unblock')", [eventId, p.id, label]);
      }
      await tx.run('DELETE FROM blocked_pseudonyms WHERE event_id = $1', [eventId]);
      return purged;
    });
  }

  async finish(eventId: string, now: string): Promise<void> {
    await this.db.run('UPDATE events SET purged_at = $2, purge_lease = NULL WHERE id = $1', [eventId, now]);
  }
}
