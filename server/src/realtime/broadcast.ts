import { ERROR_MESSAGES, S, type Atelier, type Dashboard, type Idea, type ModIdeaView, type SemisEvent, type Viewport } from '@semis/shared';
import type { SemisIo } from './socket';
import { rooms } from './rooms';
import { ideaView } from '../services/views';

/**
 * Every push to clients goes through here, so that with several processes it fans out through
 * the socket.io adapter (Redis) without the services knowing.
 */
export class Broadcaster {
  private readonly dashboardTimers = new Map<string, NodeJS.Timeout>();

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

  /** Tells the participant's connections why, then closes them everywhere. */
  blocked(participantId: string): void {
    const room = this.io.to(rooms.participant(participantId));
    room.emit(S.blocked, { message: ERROR_MESSAGES.fr.BLOCKED });
    // Let the message leave before the sockets close.
    setTimeout(() => this.io.in(rooms.participant(participantId)).disconnectSockets(true), 200).unref();
  }

  follow(atelierId: string, viewport: Viewport | null): void {
    this.io.to(rooms.atelierFacilitators(atelierId)).emit(S.follow, { atelierId, viewport });
  }

  /** At most one dashboard push per event per interval, however busy the evening. */
  dashboardChanged(eventId: string): void {
    if (this.dashboardTimers.has(eventId)) return;
    this.dashboardTimers.set(
      eventId,
      setTimeout(() => {
        this.dashboardTimers.delete(eventId);
        this.computeDashboard(eventId).then(
          (d) => this.io.to(rooms.eventFacilitators(eventId)).emit(S.dashboard, d),
          (err: unknown) => this.log(`dashboard ${eventId}: ${String(err)}`),
        );
      }, this.dashboardEveryMs),
    );
  }

  close(): void {
    for (const t of this.dashboardTimers.values()) clearTimeout(t);
    this.dashboardTimers.clear();
  }
}
