import type { Socket } from 'socket.io';
import type { Ack, ClientToServerEvents, Language, ServerToClientEvents } from '@semis/shared';
import { AppError, errorBody } from '../errors';
import type { ParticipantRecord } from '../storage/types';
import type { FacilitatorPrincipal } from '../services/access';

export interface SocketData {
  participant?: ParticipantRecord;
  facilitator?: FacilitatorPrincipal;
  lang: Language;
  bucket: { tokens: number; at: number };
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
  socket.data.bucket = { tokens: LIMITS.anyone.burst, at: Date.now() };
}

/** Once a connection proved it is a facilitator, it gets the facilitators' budget at once. */
export function grantFacilitatorBudget(socket: SemisSocket): void {
  socket.data.bucket = { tokens: LIMITS.facilitator.burst, at: Date.now() };
}

/** Wraps a handler: rate limit, a missing ack, thrown errors — the server never crashes on input. */
export function command<T>(socket: SemisSocket, name: keyof ClientToServerEvents, handler: (payload: unknown) => Promise<T>): void {
  socket.on(name, (async (payload: unknown, ack: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (r: Ack<T>) => void) : () => {};
    try {
      if (!takeToken(socket.data.bucket, socket.data.facilitator ? LIMITS.facilitator : LIMITS.anyone)) throw new AppError('RATE_LIMITED');
      reply({ ok: true, data: await handler(payload) });
    } catch (err) {
      if (!(err instanceof AppError)) console.error(`[semis] ${name} failed:`, err);
      reply({ ok: false, error: errorBody(err, socket.data.lang) });
    }
  }) as never);
}

function takeToken(b: { tokens: number; at: number }, limit: { burst: number; perSecond: number }): boolean {
  const now = Date.now();
  b.tokens = Math.min(limit.burst, b.tokens + ((now - b.at) / 1000) * limit.perSecond);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}
