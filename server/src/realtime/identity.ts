import { AppError } from '../errors';
import type { ParticipantRecord, Storage } from '../storage/types';
import { resolveToken, type FacilitatorPrincipal, type Principal } from '../services/access';
import type { SemisSocket } from './command';

/**
 * Who a connection speaks for, resolved in this one place. A connection proves an identity by
 * a command: `participant:join` (a phone), `facilitator:auth` (the animation team) or
 * `posters:subscribe` (any token of the event, for the poster workshop's pages).
 */

/** The participant who joined on this connection, re-read so a block takes effect on the next command. */
export async function participantOf(storage: Storage, socket: SemisSocket): Promise<ParticipantRecord> {
  const cached = socket.data.participant;
  if (!cached) throw new AppError('NOT_JOINED');
  const fresh = await storage.getParticipant(cached.id);
  if (!fresh || fresh.blockedAt) throw new AppError('BLOCKED');
  socket.data.participant = fresh;
  return fresh;
}

/** The facilitator authenticated on this connection. */
export function facilitatorOf(socket: SemisSocket): FacilitatorPrincipal {
  const who = socket.data.facilitator;
  if (!who) throw new AppError('NOT_AUTHENTICATED');
  return who;
}

/** posters:subscribe: remembers who the token belongs to (commands sent right after it wait for it). */
export function subscribeViewer(storage: Storage, socket: SemisSocket, token: string): Promise<Principal> {
  const resolving = resolveToken(storage, token);
  socket.data.viewer = resolving;
  return resolving;
}

/** Who speaks in the poster workshop: the subscribed token, unless another participant has
 * joined on this connection since; else the participant who joined. */
export async function viewerOf(storage: Storage, socket: SemisSocket): Promise<Principal> {
  const known = await socket.data.viewer?.catch(() => undefined);
  const p = socket.data.participant;
  if (known?.role === 'facilitator') return known;
  const participant = known?.role === 'participant' && (!p || known.participant.id === p.id) ? known.participant : p;
  if (!participant) throw new AppError('NOT_JOINED');
  // Re-read on every command, whichever socket it comes through: a block takes effect at once
  // (a poster screen subscribed with the token before the block included).
  const fresh = await storage.getParticipant(participant.id);
  if (!fresh || fresh.blockedAt) throw new AppError('BLOCKED');
  const event = known?.event.id === fresh.eventId ? known.event : await storage.getEvent(fresh.eventId);
  if (!event) throw new AppError('NOT_AUTHENTICATED');
  const who: Principal = { role: 'participant', event, participant: fresh };
  socket.data.viewer = Promise.resolve(who);
  return who;
}
