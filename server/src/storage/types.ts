import type { Atelier, Idea, IdeaStatus, ModerationLogEntry, Participant, Phase, SemisEvent, TimerState, VoteConfig } from '@semis/shared';
import type { VoteStore } from './votes';
import type { CandidateStore } from './candidates';
import type { PosterStore } from './posters';
import type { ArchiveStore } from './archive';

export type { PosterStore } from './posters';

/** A stored event with the hash of its facilitator token (never the token itself). */
export interface EventRecord extends SemisEvent {
  adminTokenHash: string;
}

export interface ParticipantRecord extends Participant {
  tokenHash: string;
}

/** A facilitator link: the event's own admin token, or a co-facilitator's scoped to one atelier. */
export interface FacilitatorTokenRecord {
  id: string;
  eventId: string;
  /** null: the whole event. */
  atelierId: string | null;
  label: string;
  tokenHash: string;
  createdAt: string;
}

/** A moderation log line as stored: the protocol's entry plus its event. */
export interface ModerationEntry extends ModerationLogEntry {
  eventId: string;
}

export type AtelierChanges = Partial<{ phase: Phase; privateWriting: boolean; moderated: boolean; showAuthors: boolean; timer: TimerState | null; vote: VoteConfig }>;

export interface NewIdea {
  id: string;
  eventId: string;
  atelierId: string;
  boardId: string;
  authorId: string;
  text: string;
  /** ISO timestamp chosen by the server. */
  now: string;
  /** Where the idea starts (écriture privée, mode modéré); default visible. */
  status?: IdeaStatus;
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
  readonly votes: VoteStore;
  readonly candidates: CandidateStore;
  /** Poster workshop records (issue #5). */
  readonly posters: PosterStore;
  /** Whole-event reads and writes after the evening (issue #11). */
  readonly archive: ArchiveStore;
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
  /** Applies the same changes to several ateliers in one transaction. */
  updateAteliers(ids: string[], changes: AtelierChanges): Promise<void>;
  setEventTimer(eventId: string, timer: TimerState | null): Promise<void>;

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
  setIdeaStatus(id: string, status: IdeaStatus, now: string): Promise<Idea | null>;
  /** Makes every private idea of the atelier visible; returns those it changed. */
  revealIdeas(atelierId: string, now: string): Promise<Idea[]>;
  /** A facilitator's edit: marks the idea as moderated. */
  moderateIdeaText(id: string, text: string, now: string): Promise<Idea | null>;
  /** Non-deleted ideas per atelier and status, for the dashboard. */
  ideaCounts(eventId: string): Promise<{ atelierId: string; status: IdeaStatus; count: number }[]>;

  /** Blocks the participant and refuses its pseudonym (by key) on rejoin. */
  blockParticipant(id: string, eventId: string, pseudonymKey: string, now: string): Promise<void>;
  isPseudonymBlocked(eventId: string, pseudonymKey: string): Promise<boolean>;
  createFacilitatorToken(t: FacilitatorTokenRecord): Promise<void>;
  getFacilitatorTokenByHash(hash: string): Promise<FacilitatorTokenRecord | null>;
  logModeration(entry: ModerationEntry): Promise<void>;
  /** Newest first. */
  listModeration(eventId: string, limit: number): Promise<ModerationEntry[]>;

  /** Appends one (possibly merged) Yjs update to the board's log. */
  appendBoardUpdate(boardId: string, update: Uint8Array): Promise<void>;
  loadBoard(boardId: string): Promise<StoredBoardState>;
  /** Atomically stores `snapshot` and deletes log rows with seq <= uptoSeq (and older snapshots). */
  compactBoard(boardId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
}
