// The rows the stores read and write, and the arguments and outcomes they share: both the stores
// and the `Storage` facade (types.ts) import them from here, so no store imports the facade.
import type { GroupCreation, Idea, IdeaStatus, ModerationLogEntry, Participant, Phase, SemisEvent, TimerState, VoteConfig } from '@semis/shared';

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
