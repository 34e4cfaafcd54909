import { timerStateSchema } from '@semis/shared';
import { optionalJsonColumn } from './json';
import type { SqlDriver } from './sql-driver';
import type { EventRecord, FacilitatorTokenRecord, ParticipantRecord } from './types';

/** Whoever a token hash belongs to, with its event: the one read behind every authentication. */
export type TokenOwner =
  | { kind: 'admin'; event: EventRecord }
  | { kind: 'cofacilitator'; event: EventRecord; token: FacilitatorTokenRecord }
  | { kind: 'participant'; event: EventRecord; participant: ParticipantRecord };

export interface AccessStore {
  /** One query for the three kinds of token (event admin link, co-facilitator link, phone). */
  findTokenOwner(hash: string): Promise<TokenOwner | null>;
}

const EVENT = `e.id AS "eventId", e.name, e.date, e.place, e.join_code AS "joinCode", e.admin_token_hash AS "adminTokenHash", e.created_at AS "eventCreatedAt", e.timer, e.retention_days AS "retentionDays"`;

interface OwnerRow {
  kind: TokenOwner['kind'];
  refId: string | null;
  refAtelierId: string | null;
  refName: string | null;
  refCreatedAt: string | null;
  refBlockedAt: string | null;
  eventId: string;
  name: string;
  date: string | null;
  place: string;
  joinCode: string;
  adminTokenHash: string;
  eventCreatedAt: string;
  timer: unknown;
  retentionDays: number | string;
}

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
    const event: EventRecord = {
      id: r.eventId, name: r.name, date: r.date, place: r.place, joinCode: r.joinCode, adminTokenHash: r.adminTokenHash, createdAt: r.eventCreatedAt,
      timer: optionalJsonColumn(timerStateSchema, r.timer, 'events.timer'), retentionDays: Number(r.retentionDays),
    };
    if (r.kind === 'admin') return { kind: 'admin', event };
    if (r.kind === 'cofacilitator') {
      return { kind: 'cofacilitator', event, token: { id: r.refId!, eventId: r.eventId, atelierId: r.refAtelierId, label: r.refName!, tokenHash: hash, createdAt: r.refCreatedAt! } };
    }
    return {
      kind: 'participant',
      event,
      participant: { id: r.refId!, eventId: r.eventId, pseudonym: r.refName!, tokenHash: hash, atelierId: r.refAtelierId, createdAt: r.refCreatedAt!, blockedAt: r.refBlockedAt },
    };
  }
}
