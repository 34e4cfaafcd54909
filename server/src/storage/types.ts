import type { Atelier, Idea, Participant, SemisEvent } from '@semis/shared';
import type { PosterStore } from './posters';

export type { PosterStore } from './posters';

/** A stored event with the hash of its facilitator token (never the token itself). */
export interface EventRecord extends SemisEvent {
  adminTokenHash: string;
}

export interface ParticipantRecord extends Participant {
  tokenHash: string;
}

export interface NewIdea {
  id: string;
  eventId: string;
  atelierId: string;
  boardId: string;
  authorId: string;
  text: string;
  /** ISO timestamp chosen by the server. */
  now: string;
}

export type InsertIdeaOutcome =
  | { kind: 'created'; idea: Idea }
  /** Same id, same author: a retried post. Nothing changed. */
  | { kind: 'existing'; idea: Idea }
  /** Same id already used by another author or on another atelier. Nothing changed. */
  | { kind: 'conflict' };

export interface StoredBoardState {
  /** Latest compacted snapshot (a Yjs update), if any. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update returned (0 when none); pass it to compactBoard. */
  lastSeq: number;
}

/**
 * Everything Semis persists. Two implementations (embedded SQLite, PostgreSQL) pass one
 * contract suite (tests/storage). Every method resolves only once the write is durable.
 */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Poster workshop records (issue #5). */
  readonly posters: PosterStore;
  /** Applies pending versioned migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Creates an event with its ateliers in one transaction. Fails on a duplicate join code. */
  createEvent(event: EventRecord, ateliers: Atelier[]): Promise<void>;
  getEvent(id: string): Promise<EventRecord | null>;
  getEventByJoinCode(code: string): Promise<EventRecord | null>;
  getEventByAdminTokenHash(hash: string): Promise<EventRecord | null>;
  joinCodeExists(code: string): Promise<boolean>;

  /** Ateliers of an event ordered by position. */
  listAteliers(eventId: string): Promise<Atelier[]>;
  getAtelier(id: string): Promise<Atelier | null>;
  getAtelierByBoardId(boardId: string): Promise<Atelier | null>;
  addAteliers(ateliers: Atelier[]): Promise<void>;

  createParticipant(p: ParticipantRecord): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRecord | null>;
  getParticipantByTokenHash(hash: string): Promise<ParticipantRecord | null>;
  updateParticipant(id: string, changes: { pseudonym?: string; atelierId?: string | null }): Promise<void>;
  /** Pseudonyms by participant id, for an event (to label ideas). */
  pseudonyms(ids: string[]): Promise<Map<string, string>>;

  /** Idempotent on idea id (see InsertIdeaOutcome). */
  insertIdea(idea: NewIdea): Promise<InsertIdeaOutcome>;
  getIdea(id: string): Promise<Idea | null>;
  updateIdeaText(id: string, text: string, now: string): Promise<Idea | null>;
  /** Soft delete; idempotent (deleting twice keeps the first deletedAt). */
  deleteIdea(id: string, now: string): Promise<Idea | null>;
  /** Ideas of a board including deleted ones, oldest first. */
  listBoardIdeas(boardId: string): Promise<Idea[]>;
  listAuthorIdeas(authorId: string, atelierId: string): Promise<Idea[]>;

  /** Appends one (possibly merged) Yjs update to the board's log. */
  appendBoardUpdate(boardId: string, update: Uint8Array): Promise<void>;
  loadBoard(boardId: string): Promise<StoredBoardState>;
  /** Atomically stores `snapshot` and deletes log rows with seq <= uptoSeq (and older snapshots). */
  compactBoard(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
}
