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
export type { AtelierChanges, EventRecord, FacilitatorTokenRecord, IdeaCardWrite, InsertIdeaOutcome, ModerationEntry, NewIdea, ParticipantRecord, StoredBoardState } from './records';

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
