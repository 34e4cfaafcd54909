import { refusal, tokenSchema, type Action, type Atelier, type Role } from '@semis/shared';
import { AppError } from '../errors';
import { hashToken } from '../auth/tokens';
import type { EventRecord, ParticipantRecord, Storage } from '../storage/types';

export type FacilitatorPrincipal = {
  role: 'facilitator';
  event: EventRecord;
  /** null: the whole event (admin link); else the one atelier of a co-facilitator link. */
  scope: string | null;
  /** Name written in the moderation log. */
  actor: string;
};
export type ParticipantPrincipal = { role: 'participant'; event: EventRecord; participant: ParticipantRecord };
export type Principal = FacilitatorPrincipal | ParticipantPrincipal;

export const ADMIN_ACTOR = 'animation';

/** Who a bearer token belongs to: the event's admin link, a co-facilitator link, or a participant. */
export async function resolveToken(storage: Storage, token: string | null | undefined): Promise<Principal> {
  if (!token || !tokenSchema.safeParse(token).success) throw new AppError('NOT_AUTHENTICATED');
  const hash = hashToken(token);
  const event = await storage.getEventByAdminTokenHash(hash);
  if (event) return { role: 'facilitator', event, scope: null, actor: ADMIN_ACTOR };
  const cofac = await storage.getFacilitatorTokenByHash(hash);
  if (cofac) {
    const ofEvent = await storage.getEvent(cofac.eventId);
    if (!ofEvent) throw new AppError('NOT_AUTHENTICATED');
    return { role: 'facilitator', event: ofEvent, scope: cofac.atelierId, actor: cofac.label };
  }
  const participant = await storage.getParticipantByTokenHash(hash);
  if (!participant) throw new AppError('NOT_AUTHENTICATED');
  if (participant.blockedAt) throw new AppError('BLOCKED');
  const ofEvent = await storage.getEvent(participant.eventId);
  if (!ofEvent) throw new AppError('NOT_AUTHENTICATED');
  return { role: 'participant', event: ofEvent, participant };
}

export async function requireFacilitator(storage: Storage, token: string | null | undefined): Promise<FacilitatorPrincipal> {
  const who = await resolveToken(storage, token);
  if (who.role !== 'facilitator') throw new AppError('FORBIDDEN');
  return who;
}

/** Event-wide commands (global timer, all ateliers, co-facilitator links) need the admin link. */
export function requireWholeEvent(who: FacilitatorPrincipal): void {
  if (who.scope !== null) throw new AppError('FORBIDDEN');
}

/** A facilitator's command on one atelier: in their event, in their scope, allowed in its phase. */
export function checkFacilitatorOn(who: FacilitatorPrincipal, atelier: Atelier | null, action: Action): Atelier {
  if (!atelier) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
  if (atelier.eventId !== who.event.id || (who.scope !== null && who.scope !== atelier.id)) throw new AppError('FORBIDDEN', 'atelierId');
  const why = refusal('facilitator', action, { phase: atelier.phase });
  if (why) throw new AppError(why);
  return atelier;
}

/** Board access is decided once, at the y-websocket upgrade. */
export async function authorizeBoard(storage: Storage, token: string | null, boardId: string): Promise<{ role: Role; canWrite: boolean; subject: string }> {
  const who = await resolveToken(storage, token);
  const atelier = await storage.getAtelierByBoardId(boardId);
  if (!atelier) throw new AppError('NOT_FOUND');
  if (atelier.eventId !== who.event.id || refusal(who.role, 'board.read') !== null) throw new AppError('FORBIDDEN');
  const inScope = who.role !== 'facilitator' || who.scope === null || who.scope === atelier.id;
  const subject = who.role === 'participant' ? who.participant.id : `facilitator:${who.event.id}`;
  return { role: who.role, canWrite: inScope && refusal(who.role, 'board.write', { phase: atelier.phase }) === null, subject };
}
