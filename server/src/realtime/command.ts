import type { Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, Language, ServerToClientEvents } from '@semis/shared';
import { AppError, errorBody } from '../errors';
import type { ParticipantRecord } from '../storage/types';
import type { FacilitatorPrincipal } from '../services/access';
import { TokenBucket } from '../limits/tokenBucket';

export interface SocketData {
  participant?: ParticipantRecord;
  facilitator?: FacilitatorPrincipal;
  lang: Language;
  bucket: TokenBucket;
}
export type SemisSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Phones: enough for an outbox flush, not for a flood. Facilitators are authenticated and
 * their consoles legitimately fire bursts (bulk actions, dashboards), so they get more. */
const LIMITS = {
  anyone: { burst: 30, perSecond: 10 },
  facilitator: { burst: 300, perSecond: 100 },
} as const;

export function initSocketData(socket: SemisSocket, lang: Language): void {
  socket.data.lang = lang;
  socket.data.bucket = new TokenBucket(LIMITS.anyone);
}

/** Once a connection proved it is a facilitator, it gets the facilitators' budget at once. */
export function grantFacilitatorBudget(socket: SemisSocket): void {
  socket.data.bucket.reset(LIMITS.facilitator);
}

/** Wraps a handler: rate limit, a missing ack, thrown errors — the server never crashes on input. */
export function command<T>(socket: SemisSocket, name: keyof ClientToServerEvents, handler: (payload: unknown) => Promise<T>): void {
  socket.on(name, (async (payload: unknown, ack: unknown) => {
    let answer: Ack<T>;
    try {
      if (!socket.data.bucket.take()) throw new AppError('RATE_LIMITED');
      answer = { ok: true, data: await handler(payload) };
    } catch (err) {
      if (!(err instanceof AppError)) console.error(`[semis] ${name} failed (INTERNAL):`, err);
      answer = { ok: false, error: errorBody(err, socket.data.lang) };
    }
    // Exactly one ack, and a failure to send it (connection gone, unserialisable data) stays here.
    try {
      if (typeof ack === 'function') (ack as (r: Ack<T>) => void)(answer);
    } catch (err) {
      console.error(`[semis] ${name}: ack failed:`, err);
    }
  }) as never);
}
