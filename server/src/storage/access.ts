import { timerStateSchema, type Atelier } from '@semis/shared';
import { atelierColumns, toAtelier, type AtelierRow } from './ateliers';
import { flag, marks, optionalJsonColumn } from './json';
import type { SqlDriver } from './sql-driver';
import type { EventRecord, FacilitatorTokenRecord, ParticipantRecord } from './records';

/** Whoever a token hash belongs to, with its event: the one read behind every authentication. */
export type TokenOwner =
  | { kind: 'admin'; event: EventRecord }
  | { kind: 'cofacilitator'; event: EventRecord; token: FacilitatorTokenRecord }
  | { kind: 'participant'; event: EventRecord; participant: ParticipantRecord };

/** What a first join by code needs to know before it creates the participant. */
export interface JoinContext {
  event: EventRecord;
  /** Ordered by position. */
  ateliers: Atelier[];
  /** One of the keys asked about is a blocked pseudonym of this event. */
  pseudonymBlocked: boolean;
}

export interface AccessStore {
  /** One query for the three kinds of token (event admin link, co-facilitator link, phone). */
  findTokenOwner(hash: string): Promise<TokenOwner | null>;
  /** One query for a phone's first join: the event of a join code, its ateliers, and whether
   * the pseudonym (any of its keys) is blocked there. null for an unknown code. */
  joinContext(joinCode: string, pseudonymKeys: readonly string[]): Promise<JoinContext | null>;
}

/** An event's columns under names no other record uses, so they can sit beside a joined row. */
const EVENT = `e.id AS "evId", e.name AS "evName", e.date AS "evDate", e.place AS "evPlace", e.join_code AS "evJoinCode", e.admin_token_hash AS "evAdminTokenHash",
  e.created_at AS "evCreatedAt", e.timer AS "evTimer", e.retention_days AS "evRetentionDays"`;

interface EventColumns {
  evId: string;
  evName: string;
  evDate: string | null;
  evPlace: string;
  evJoinCode: string;
  evAdminTokenHash: string;
  evCreatedAt: string;
  evTimer: unknown;
  evRetentionDays: number | string;
}

const eventOf = (r: EventColumns): EventRecord => ({
  id: r.evId, name: r.evName, date: r.evDate, place: r.evPlace, joinCode: r.evJoinCode, adminTokenHash: r.evAdminTokenHash, createdAt: r.evCreatedAt,
  timer: optionalJsonColumn(timerStateSchema, r.evTimer, 'events.timer'), retentionDays: Number(r.evRetentionDays),
});

interface OwnerRow extends EventColumns {
  kind: TokenOwner['kind'];
  refId: string | null;
  refAtelierId: string | null;
  refName: string | null;
  refCreatedAt: string | null;
  refBlockedAt: string | null;
}

/** Event columns, then the atelier's (NULL when the event has none). */
type JoinRow = EventColumns & AtelierRow & { blocked: unknown };

export class SqlAccessStore implements AccessStore {
  constructor(private readonly db: SqlDriver) {}

  async findTokenOwner(hash: string): Promise<TokenOwner | null> {
    const rows = await this.db.query<OwnerRow>(
      `SELECT 'admin' AS kind, NULL AS "refId", NULL AS "refAtelierId", NULL AS "refName", NULL AS "refCreatedAt", NULL AS "refBlockedAt", ${EVENT}
         FROM events e WHERE e.admin_token_hash = $1
       UNION ALL
       SELECT 'cofacilitator', f.id, f.atelier_id, f.label, f.created_at, NULL, ${EVENT}
         FROM facilitator_tokens f JOIN events e ON e.id = f.event_id WHERE f.token_hash = $1
       UNION ALL
       SELECT 'participant', p.id, p.atelier_id, p.pseudonym, p.created_at, p.blocked_at, ${EVENT}
         FROM participants p JOIN events e ON e.id = p.event_id WHERE p.token_hash = $1`,
      [hash],
    );
    // Hashes are unique per table; across tables the admin link wins, as it always did.
    const order: TokenOwner['kind'][] = ['admin', 'cofacilitator', 'participant'];
    const r = rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
    if (!r) return null;
    const event = eventOf(r);
    if (r.kind === 'admin') return { kind: 'admin', event };
    if (r.kind === 'cofacilitator') {
      return { kind: 'cofacilitator', event, token: { id: r.refId!, eventId: r.evId, atelierId: r.refAtelierId, label: r.refName!, tokenHash: hash, createdAt: r.refCreatedAt! } };
    }
    return {
      kind: 'participant',
      event,
      participant: { id: r.refId!, eventId: r.evId, pseudonym: r.refName!, tokenHash: hash, atelierId: r.refAtelierId, createdAt: r.refCreatedAt!, blockedAt: r.refBlockedAt },
    };
  }

  async joinContext(joinCode: string, pseudonymKeys: readonly string[]): Promise<JoinContext | null> {
    const keys = pseudonymKeys.length > 0 ? pseudonymKeys : [''];
    const rows = await this.db.query<JoinRow>(
      `SELECT ${EVENT},
         (SELECT COUNT(*) FROM blocked_pseudonyms b WHERE b.event_id = e.id AND b.pseudonym_key IN (${marks(keys.length, 2)})) AS "blocked",
         ${atelierColumns('a.')}
       FROM events e LEFT JOIN ateliers a ON a.event_id = e.id
       WHERE e.join_code = $1
       ORDER BY a.position, a.id`,
      [joinCode, ...keys],
    );
    const r = rows[0];
    if (!r) return null;
    const event = eventOf(r);
    // An event without ateliers comes back as one row of NULL atelier columns.
    const ateliers = rows.filter((row) => row.id !== null).map(toAtelier);
    return { event, ateliers, pseudonymBlocked: flag(r.blocked) };
  }
}
