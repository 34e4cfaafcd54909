import { pseudonymKey, type PseudonymChoice } from '@semis/shared';
import { flag, IN_CHUNK, marks } from './json';
import type { SqlDriver, SqlExecutor } from './sql-driver';
import type { ParticipantRecord } from './records';

/** Participants (phones) of an event, and the pseudonyms a facilitator blocked. */
export interface ParticipantStore {
  createParticipant(p: ParticipantRecord): Promise<void>;
  /**
   * Inserts `p` under the pseudonym `name` picks from the event's pseudonyms in use, read and
   * written under the event's lock: two phones joining at the same instant never share one.
   * Resolves with the pseudonym stored.
   */
  createNamedParticipant(p: Omit<ParticipantRecord, 'pseudonym'>, name: PseudonymChoice): Promise<string>;
  /** Renames a participant the same way, `name` seeing every pseudonym in use but its own. */
  renameParticipant(id: string, eventId: string, name: PseudonymChoice): Promise<string>;
  getParticipant(id: string): Promise<ParticipantRecord | null>;
  getParticipantByTokenHash(hash: string): Promise<ParticipantRecord | null>;
  updateParticipant(id: string, changes: { pseudonym?: string; atelierId?: string | null }): Promise<void>;
  /** Pseudonyms by participant id, for an event (to label ideas). */
  pseudonyms(ids: string[]): Promise<Map<string, string>>;
  /** Every pseudonym in use in an event (blocked people are gone), but `exceptId`'s, so a
   * newcomer is told apart. */
  eventPseudonyms(eventId: string, exceptId?: string): Promise<string[]>;
  /** Blocks the participant and refuses its pseudonym (by key) on rejoin. */
  blockParticipant(id: string, eventId: string, pseudonymKey: string, now: string): Promise<void>;
  isPseudonymBlocked(eventId: string, pseudonymKey: string): Promise<boolean>;
  /** The way back: the token works again; `freePseudonym` lets the pseudonym rejoin too. */
  unblockParticipant(id: string, eventId: string, pseudonymKey: string, freePseudonym: boolean): Promise<void>;
  /** Blocked participants of an event, in blocking order. */
  listBlocked(eventId: string): Promise<ParticipantRecord[]>;
  /** How many participants the event has (blocked ones included: they keep their row). */
  countParticipants(eventId: string): Promise<number>;
}

const PARTICIPANT = `id, event_id AS "eventId", pseudonym, token_hash AS "tokenHash", atelier_id AS "atelierId", created_at AS "createdAt", blocked_at AS "blockedAt"`;

export class SqlParticipantStore implements ParticipantStore {
  constructor(private readonly db: SqlDriver) {}

  createParticipant(p: ParticipantRecord): Promise<void> {
    return insertParticipant(this.db, p);
  }

  async createNamedParticipant(p: Omit<ParticipantRecord, 'pseudonym'>, name: PseudonymChoice): Promise<string> {
    // Doors open: a thousand joins, nearly all with a name nobody else has. Picked from the last
    // commit, it is written by one statement that checks again, as it inserts, that it is still
    // free (under the event's lock on PostgreSQL; SQLite has one writer); when it is not, the
    // pick is made again under the lock.
    const quick = await pickFromCommitted(this.db, p.eventId, name);
    if (quick !== null) {
      const record = { ...p, pseudonym: quick };
      const inserted =
        this.db.dialect === 'sqlite'
          ? await insertIfFree(this.db, record)
          : await this.db.transaction(async (tx) => {
              await tx.lock(`pseudonyms:${p.eventId}`);
              return insertIfFree(tx, record);
            });
      if (inserted) return quick;
    }
    return this.db.transaction(async (tx) => {
      await tx.lock(`pseudonyms:${p.eventId}`);
      const pseudonym = await choose(tx, p.eventId, '', name);
      await insertParticipant(tx, { ...p, pseudonym });
      return pseudonym;
    });
  }

  renameParticipant(id: string, eventId: string, name: PseudonymChoice): Promise<string> {
    return this.db.transaction(async (tx) => {
      await tx.lock(`pseudonyms:${eventId}`);
      const pseudonym = await choose(tx, eventId, id, name);
      await tx.run('UPDATE participants SET pseudonym = $2, pseudonym_key = $3 WHERE id = $1', [id, pseudonym, pseudonymKey(pseudonym)]);
      return pseudonym;
    });
  }

  getParticipant(id: string): Promise<ParticipantRecord | null> {
    return this.one('id', id);
  }

  async countParticipants(eventId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM participants WHERE event_id = $1', [eventId]);
    return Number(row?.n ?? 0);
  }

  getParticipantByTokenHash(hash: string): Promise<ParticipantRecord | null> {
    return this.one('token_hash', hash);
  }

  private async one(column: 'id' | 'token_hash', value: string): Promise<ParticipantRecord | null> {
    const [row] = await this.db.query<ParticipantRecord>(`SELECT ${PARTICIPANT} FROM participants WHERE ${column} = $1`, [value]);
    return row ?? null;
  }

  async updateParticipant(id: string, changes: { pseudonym?: string; atelierId?: string | null }): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    if (changes.pseudonym !== undefined) {
      params.push(changes.pseudonym, pseudonymKey(changes.pseudonym));
      sets.push(`pseudonym = $${params.length - 1}`, `pseudonym_key = $${params.length}`);
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
      const rows = await this.db.query<{ id: string; pseudonym: string }>(`SELECT id, pseudonym FROM participants WHERE id IN (${marks(chunk.length)})`, chunk);
      for (const row of rows) result.set(row.id, row.pseudonym);
    }
    return result;
  }

  eventPseudonyms(eventId: string, exceptId?: string): Promise<string[]> {
    return pseudonymsInUse(this.db, eventId, exceptId ?? '');
  }

  async blockParticipant(id: string, eventId: string, pseudonymKey: string, now: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE participants SET blocked_at = $2 WHERE id = $1 AND blocked_at IS NULL', [id, now]);
      await tx.run('INSERT INTO blocked_pseudonyms (event_id, pseudonym_key, blocked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [eventId, pseudonymKey, now]);
    });
  }

  async unblockParticipant(id: string, eventId: string, pseudonymKey: string, freePseudonym: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE participants SET blocked_at = NULL WHERE id = $1', [id]);
      if (freePseudonym) await tx.run('DELETE FROM blocked_pseudonyms WHERE event_id = $1 AND pseudonym_key = $2', [eventId, pseudonymKey]);
    });
  }

  async listBlocked(eventId: string): Promise<ParticipantRecord[]> {
    return this.db.query<ParticipantRecord>(`SELECT ${PARTICIPANT} FROM participants WHERE event_id = $1 AND blocked_at IS NOT NULL ORDER BY blocked_at, id`, [eventId]);
  }

  async isPseudonymBlocked(eventId: string, pseudonymKey: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM blocked_pseudonyms WHERE event_id = $1 AND pseudonym_key = $2', [eventId, pseudonymKey])).length > 0;
  }
}

async function insertParticipant(db: SqlExecutor, p: ParticipantRecord): Promise<void> {
  await db.run(
    'INSERT INTO participants (id, event_id, pseudonym, pseudonym_key, token_hash, atelier_id, created_at, blocked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [p.id, p.eventId, p.pseudonym, pseudonymKey(p.pseudonym), p.tokenHash, p.atelierId, p.createdAt, p.blockedAt],
  );
}

/** The pick `choose` would make, from the names committed so far, or null when it cannot be
 * made that way: names without a key in the event (only the locked path folds those), or every
 * candidate looked up taken. */
async function pickFromCommitted(db: SqlExecutor, eventId: string, name: PseudonymChoice): Promise<string | null> {
  const rows = await db.query<{ pseudonym: string; keyless: unknown }>(
    `SELECT pseudonym, pseudonym_key IS NULL AS keyless FROM participants
     WHERE event_id = $1 AND blocked_at IS NULL AND (pseudonym_key IS NULL OR pseudonym_key IN (${marks(name.keys.length, 2)}))`,
    [eventId, ...name.keys],
  );
  if (rows.some((r) => flag(r.keyless))) return null;
  const pseudonym = name.pick(rows.map((r) => r.pseudonym));
  return name.keys.includes(pseudonymKey(pseudonym)) ? pseudonym : null;
}

/** Inserts `p` only if no one in its event uses its pseudonym's key, and no name without a key
 * is there either; resolves with whether it did. */
async function insertIfFree(db: SqlExecutor, p: ParticipantRecord): Promise<boolean> {
  const written = await db.run(
    `INSERT INTO participants (id, event_id, pseudonym, pseudonym_key, token_hash, atelier_id, created_at, blocked_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8
     WHERE NOT EXISTS (SELECT 1 FROM participants WHERE event_id = $2 AND blocked_at IS NULL AND (pseudonym_key = $4 OR pseudonym_key IS NULL))`,
    [p.id, p.eventId, p.pseudonym, pseudonymKey(p.pseudonym), p.tokenHash, p.atelierId, p.createdAt, p.blockedAt],
  );
  return written === 1;
}

/**
 * Picks a pseudonym under the event's lock, reading only the names that can decide: those
 * whose stored key is one of the first candidates', and those with no key (written before
 * keys were stored, restored from an archive, or purged). Every write that changes a
 * pseudonym stores its key or clears it, so no other name can collide with those candidates.
 * When all of them are taken, the pick is made again from every name in use.
 */
async function choose(tx: SqlExecutor, eventId: string, exceptId: string, name: PseudonymChoice): Promise<string> {
  const rows = await tx.query<{ pseudonym: string }>(
    `SELECT pseudonym FROM participants
     WHERE event_id = $1 AND id <> $2 AND blocked_at IS NULL AND (pseudonym_key IS NULL OR pseudonym_key IN (${marks(name.keys.length, 3)}))`,
    [eventId, exceptId, ...name.keys],
  );
  const pseudonym = name.pick(rows.map((r) => r.pseudonym));
  if (name.keys.includes(pseudonymKey(pseudonym))) return pseudonym;
  return name.pick(await pseudonymsInUse(tx, eventId, exceptId));
}

async function pseudonymsInUse(db: SqlExecutor, eventId: string, exceptId: string): Promise<string[]> {
  const rows = await db.query<{ pseudonym: string }>('SELECT pseudonym FROM participants WHERE event_id = $1 AND id <> $2 AND blocked_at IS NULL', [eventId, exceptId]);
  return rows.map((r) => r.pseudonym);
}
