import {
  ERROR_MESSAGES, S, resultsVisible,
  type Atelier, type Candidate, type CommentView, type Dashboard, type GroupView, type Idea, type ModIdeaView, type PresentState, type ReactionCounts, type SemisEvent, type Viewport, type VoteResults, type VoteSession,
} from '@semis/shared';
import type { SemisIo } from './socket';
import { rooms } from './rooms';
import { ideaView } from '../services/views';
import type { Notifier } from '../services/notifier';

/**
 * Every push to clients goes through here (walls, phones, consoles and the poster workshop
 * alike), so that with several processes it fans out through the socket.io adapter (Redis)
 * without the services knowing.
 */
export class Broadcaster implements Notifier {
  private readonly dashboardTimers = new Map<string, NodeJS.Timeout>();
  private readonly voteTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: SemisIo,
    private readonly computeDashboard: (eventId: string) => Promise<Dashboard>,
    private readonly log: (m: string) => void,
    private readonly dashboardEveryMs = 1000,
  ) {}

  atelierState(atelier: Atelier): void {
    this.io.to(rooms.atelier(atelier.id)).emit(S.atelierState, { atelier, serverTime: Date.now() });
    this.dashboardChanged(atelier.eventId);
  }

  eventState(event: Pick<SemisEvent, 'id' | 'timer'>): void {
    this.io.to(rooms.event(event.id)).emit(S.eventState, { timer: event.timer, serverTime: Date.now() });
    this.dashboardChanged(event.id);
  }

  /** The author's other connections, and the atelier's facilitators. */
  ideaChanged(idea: Idea, modView: ModIdeaView): void {
    this.io.to(rooms.participant(idea.authorId)).emit(S.ideaChanged, ideaView(idea));
    this.io.to(rooms.atelierFacilitators(idea.atelierId)).emit(S.modIdea, modView);
    this.dashboardChanged(idea.eventId);
  }

  /** Tells the participant's connections why, each in its own language (an English phone is
   * told in English, as every other message), then closes them everywhere. */
  blocked(participantId: string): void {
    const room = rooms.participant(participantId);
    // Let the message leave before the sockets close.
    const close = () => setTimeout(() => this.io.in(room).disconnectSockets(true), 200).unref();
    // fetchSockets reaches every process (each socket's handshake language is in its data).
    this.io.in(room).fetchSockets().then(
      (sockets) => {
        for (const s of sockets) s.emit(S.blocked, { code: 'BLOCKED', message: ERROR_MESSAGES[s.data.lang ?? 'fr'].BLOCKED });
        close();
      },
      (err: unknown) => {
        this.log(`blocked ${participantId}: could not reach every connection: ${String(err)}`);
        this.io.to(room).emit(S.blocked, { code: 'BLOCKED', message: ERROR_MESSAGES.fr.BLOCKED });
        close();
      },
    );
  }

  follow(atelierId: string, viewport: Viewport | null): void {
    this.io.to(rooms.atelierFacilitators(atelierId)).emit(S.follow, { atelierId, viewport });
  }

  /** *Présenter*: to the atelier's facilitators, the projector among them. */
  present(atelierId: string, state: PresentState | null): void {
    this.io.to(rooms.atelierFacilitators(atelierId)).emit(S.present, { atelierId, state });
  }

  /** A vote opened or closed: its atelier (or, for the plenary, the whole event) refetches. */
  voteChanged(session: VoteSession): void {
    this.dashboardChanged(session.eventId);
    this.io.to(this.voteRoom(session)).emit(S.voteChanged, { sessionId: session.id, atelierId: session.atelierId, status: session.status });
  }

  /** Results go to facilitators always, to participants only when the vote shows them. */
  voteResults(session: VoteSession, results: VoteResults, visibleToParticipants = resultsVisible(session.config, session.status)): void {
    const facilitators = session.atelierId ? rooms.atelierFacilitators(session.atelierId) : rooms.eventFacilitators(session.eventId);
    const target = visibleToParticipants ? this.io.to(this.voteRoom(session)).to(facilitators) : this.io.to(facilitators);
    target.emit(S.voteResults, results);
  }

  /** Votes are coming in: results are recomputed and pushed at most twice a second. */
  voteDirty(session: VoteSession, compute: () => Promise<VoteResults>): void {
    if (this.voteTimers.has(session.id)) return;
    this.voteTimers.set(
      session.id,
      setTimeout(() => {
        this.voteTimers.delete(session.id);
        // The cockpit counts voters too.
        this.dashboardChanged(session.eventId);
        compute().then(
          (r) => this.voteResults(session, r),
          (err: unknown) => this.log(`vote ${session.id}: ${String(err)}`),
        );
      }, 500),
    );
  }

  candidateChanged(c: Candidate): void {
    this.dashboardChanged(c.eventId);
    this.io.to(rooms.eventFacilitators(c.eventId)).to(rooms.atelierFacilitators(c.atelierId)).emit(S.candidateChanged, c);
  }

  groupChanged(view: GroupView): void {
    this.io.to(rooms.event(view.group.eventId)).emit(S.groupChanged, view);
  }

  comment(c: CommentView): void {
    this.io.to(rooms.board(c.boardId)).emit(S.boardComment, c);
  }

  reactions(boardId: string, reactions: ReactionCounts): void {
    this.io.to(rooms.board(boardId)).emit(S.boardReactions, { boardId, reactions });
  }

  private voteRoom(session: VoteSession): string {
    return session.atelierId ? rooms.atelier(session.atelierId) : rooms.event(session.eventId);
  }

  /** At most one dashboard push per event per interval, however busy the evening. */
  dashboardChanged(eventId: string): void {
    if (this.dashboardTimers.has(eventId)) return;
    this.dashboardTimers.set(
      eventId,
      setTimeout(() => {
        this.dashboardTimers.delete(eventId);
        this.computeDashboard(eventId).then(
          (d) => {
            this.io.to(rooms.eventFacilitators(eventId)).emit(S.dashboard, d);
            for (const a of d.ateliers) this.io.to(rooms.coFacilitators(a.id)).emit(S.dashboard, { ...d, ateliers: [a] });
          },
          (err: unknown) => this.log(`dashboard ${eventId}: ${String(err)}`),
        );
      }, this.dashboardEveryMs),
    );
  }

  close(): void {
    for (const t of [...this.dashboardTimers.values(), ...this.voteTimers.values()]) clearTimeout(t);
    this.dashboardTimers.clear();
    this.voteTimers.clear();
  }
}
