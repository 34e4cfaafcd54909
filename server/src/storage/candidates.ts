import { candidateSchema, type Candidate } from '@semis/shared';
import { jsonColumn } from './json';
import type { SqlDriver } from './sql-driver';

export interface CandidateStore {
  /** Idempotent per source (atelier + cluster/idea): returns the existing card if promoted before. */
  insert(c: Candidate): Promise<{ candidate: Candidate; created: boolean }>;
  get(id: string): Promise<Candidate | null>;
  update(c: Candidate): Promise<void>;
  /** The event's portfolio, oldest first. */
  list(eventId: string): Promise<Candidate[]>;
}

/** The card's fields live in one JSON column: they change together and are read together. */
export class SqlCandidateStore implements CandidateStore {
  constructor(private readonly db: SqlDriver) {}

  async insert(c: Candidate): Promise<{ candidate: Candidate; created: boolean }> {
    const inserted = await this.db.run(
      `INSERT INTO candidates (id, event_id, atelier_id, source_kind, source_id, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (atelier_id, source_kind, source_id) DO NOTHING`,
      [c.id, c.eventId, c.atelierId, c.source.kind, c.source.id, JSON.stringify(c), c.createdAt, c.updatedAt],
    );
    if (inserted > 0) return { candidate: c, created: true };
    const rows = await this.db.query<{ data: string }>('SELECT data FROM candidates WHERE atelier_id = $1 AND source_kind = $2 AND source_id = $3', [c.atelierId, c.source.kind, c.source.id]);
    return { candidate: toCandidate(rows[0]!.data), created: false };
  }

  async get(id: string): Promise<Candidate | null> {
    const rows = await this.db.query<{ data: string }>('SELECT data FROM candidates WHERE id = $1', [id]);
    return rows[0] ? toCandidate(rows[0].data) : null;
  }

  async update(c: Candidate): Promise<void> {
    await this.db.run('UPDATE candidates SET data = $2, updated_at = $3 WHERE id = $1', [c.id, JSON.stringify(c), c.updatedAt]);
  }

  async list(eventId: string): Promise<Candidate[]> {
    const rows = await this.db.query<{ data: string }>('SELECT data FROM candidates WHERE event_id = $1 ORDER BY created_at, id', [eventId]);
    return rows.map((r) => toCandidate(r.data));
  }
}

const toCandidate = (data: string): Candidate => jsonColumn(candidateSchema, data, 'candidates.data');
