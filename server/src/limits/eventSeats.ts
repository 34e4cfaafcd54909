import { AppError } from '../errors';

/** Participants one event may have. A *grande soirée* has 150; the join code is projected in the
 * hall and needs no account, so without a bound anyone holding it could create rows for ever. */
export const MAX_PARTICIPANTS_PER_EVENT = 5000;

/** Creations between two counts read from storage: the bound is held to within this many per
 * process (other processes create too), for one count query per this many first joins. */
const RECOUNT_EVERY = 100;
/** A full event is counted again after this long (another process may have been wrong). */
const RECOUNT_FULL_MS = 10_000;
/** Events whose count a process keeps; beyond, the oldest is forgotten (and counted again). */
const EVENTS_KEPT = 10_000;

interface Seats {
  count: number;
  sinceCount: number;
  countedAt: number;
}

/**
 * The event's seats, checked before a first join creates its participant: `EVENT_FULL` once the
 * event has `max`. Counted from storage now and then, and kept per process in between, so the
 * doors-open rush of a thousand phones costs ten count queries, not a thousand.
 */
export class EventSeats {
  private readonly events = new Map<string, Seats>();

  constructor(
    private readonly countParticipants: (eventId: string) => Promise<number>,
    private readonly max = MAX_PARTICIPANTS_PER_EVENT,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws EVENT_FULL when the event has no seat left. */
  async admit(eventId: string): Promise<void> {
    let seats = this.events.get(eventId);
    const stale = !seats || seats.sinceCount >= RECOUNT_EVERY || (seats.count >= this.max && this.now() - seats.countedAt > RECOUNT_FULL_MS);
    if (stale) {
      seats = { count: await this.countParticipants(eventId), sinceCount: 0, countedAt: this.now() };
      this.events.delete(eventId);
      if (this.events.size >= EVENTS_KEPT) this.events.delete(this.events.keys().next().value!);
      this.events.set(eventId, seats);
    }
    if (seats!.count >= this.max) throw new AppError('EVENT_FULL');
  }

  /** A participant was created in the event. */
  seated(eventId: string): void {
    const seats = this.events.get(eventId);
    if (!seats) return;
    seats.count++;
    seats.sinceCount++;
  }
}
