import type { Atelier, Candidate, CommentView, GroupView, Idea, ModIdeaView, PresentState, ReactionCounts, SemisEvent, Viewport, VoteResults, VoteSession } from '@semis/shared';

/**
 * What the services tell connected clients. `realtime/broadcast.ts` implements it over
 * socket.io rooms (fanning out through the Redis adapter when several processes run), so
 * services never import the socket layer.
 */
export interface Notifier {
  /** An atelier's phase, modes or timer changed. */
  atelierState(atelier: Atelier): void;
  /** The evening's global countdown changed. */
  eventState(event: Pick<SemisEvent, 'id' | 'timer'>): void;
  /** An idea changed: its author's connections and the atelier's facilitators. */
  ideaChanged(idea: Idea, modView: ModIdeaView): void;
  /** A participant was blocked: told, then disconnected. */
  blocked(participantId: string): void;
  /** Follow me: the facilitator's viewport (null stops). */
  follow(atelierId: string, viewport: Viewport | null): void;
  /** *Présenter*: what the atelier's room screen shows (null: stopped). */
  present(atelierId: string, state: PresentState | null): void;
  voteChanged(session: VoteSession): void;
  /** Results to facilitators, and to participants when visible. */
  voteResults(session: VoteSession, results: VoteResults, visibleToParticipants?: boolean): void;
  /** Votes are coming in: results recomputed and pushed, throttled. */
  voteDirty(session: VoteSession, compute: () => Promise<VoteResults>): void;
  candidateChanged(candidate: Candidate): void;
  /** Something the dashboard counts changed (throttled push). */
  dashboardChanged(eventId: string): void;
  /** Poster workshop: a group, its members or roles changed. */
  groupChanged(view: GroupView): void;
  comment(comment: CommentView): void;
  reactions(boardId: string, reactions: ReactionCounts): void;
}
