import type { GroupCreation, Idea, IdeaStatus, ModerationLogEntry, Participant, Phase, SemisEvent, TimerState, VoteConfig } from '@semis/shared';
import type { VoteStore } from './votes';
import type { CandidateStore } from './candidates';
import type { PosterStore } from './posters';
import type { EventStore } from './events';
import type { AtelierStore } from './ateliers';
import type { ParticipantStore } from './participants';
import type { IdeaStore } from './ideas';
import type { ModerationStore } from './moderation';
import type { BoardLogStore } from './board-log';
import type { AccessStore } from './access';
import type { ArchiveStore } from './archive';
import type { StorageCalls } from './counted-driver';
import type { RetentionStore } from './retention';

export type { PosterStore } from './posters';
export type { EventStore } from './events';
export type { AtelierStore } from './ateliers';
export type { ParticipantStore } from './participants';
export type { IdeaStore } from './ideas';
export type { ModerationStore } from './moderation';
export type { BoardLogStore } from './board-log';
export type { AccessStore, JoinContext, TokenOwner } from './access';
export type { StorageCalls } from './counted-driver';

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

export type AtelierChanges = Partial<{ phase: Phase; privateWriting: boolean; moderated: boolean; showAuthors: boolean; timer: TimerState | null; vote: VoteConfig; groupCreation: GroupCreation }>;

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

/** Called inside the insert's transaction with the stored idea and its board slot (not on a
 * conflict); what it returns is appended to the idea's board log in that same transaction,
 * so the idea and its card commit together (one fsync). */
export type IdeaCardWrite = (outcome: { kind: 'created' | 'existing'; idea: Idea; slot: number }) => Uint8Array | null;

export interface StoredBoardState {
  /** Latest compacted snapshot (a Yjs update), if any. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last update returned (0 when none); pass it to compactBoard. */
  lastSeq: number;
}

/**
 * Everything Semis persists, one store per aggregate. Two implementations (embedded SQLite,
 * PostgreSQL) pass one contract suite (tests/storage). Every write resolves only once it is
 * durable. The facade also carries every aggregate's methods flat (`storage.getAtelier`),
 * which is what most services call; new code may take just the aggregate it needs.
 */
export interface Storage extends EventStore, AtelierStore, ParticipantStore, IdeaStore, ModerationStore, BoardLogStore, AccessStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Statements sent to the database so far, counted in the driver (live counters). */
  readonly calls: Readonly<StorageCalls>;
  readonly events: EventStore;
  readonly ateliers: AtelierStore;
  readonly participants: ParticipantStore;
  readonly ideas: IdeaStore;
  readonly moderation: ModerationStore;
  readonly boards: BoardLogStore;
  readonly access: AccessStore;
  readonly votes: VoteStore;
  readonly candidates: CandidateStore;
  /** Poster workshop records (issue #5). */
  readonly posters: PosterStore;
  /** Whole-event reads and writes after the evening (issue #11). */
  readonly archive: ArchiveStore;
  /** Pseudonyms kept N days, then purged (RGPD, issue #11). */
  readonly retention: RetentionStore;
  /** Applies pending versioned migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** Resolves when the database answers; rejects with the driver's error otherwise (health). */
  ping(): Promise<void>;
  /** Test hook (SQLite only): commits in the next `ms` wait that long, like a stalled fsync. */
  stallCommits?(ms: number): void;
  close(): Promise<void>;
}
