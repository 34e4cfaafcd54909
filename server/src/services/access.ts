import { can, tokenSchema, type Role } from '@semis/shared';
import { AppError } from '../errors';
import { hashToken } from '../auth/tokens';
import type { EventRecord, ParticipantRecord, Storage } from '../storage/types';

export type Principal =
  | { role: 'facilitator'; event: EventRecord }
  | { role: 'participant'; event: EventRecord; participant: ParticipantRecord };

/** Who a bearer token belongs to: a facilitator (admin token) or a participant. */
export async function resolveToken(storage: Storage, token: string | null | undefined): Promise<Principal> {
  if (!token || !tokenSchema.safeParse(token).success) throw new AppError('NOT_AUTHENTICATED');
  const hash = hashToken(token);
  const event = await storage.getEventByAdminTokenHash(hash);
  if (event) return { role: 'facilitator', event };
  const participant = await storage.getParticipantByTokenHash(hash);
  if (!participant) throw new AppError('NOT_AUTHENTICATED');
  const ofEvent = await storage.getEvent(participant.eventId);
  if (!ofEvent) throw new AppError('NOT_AUTHENTICATED');
  return { role: 'participant', event: ofEvent, participant };
}

export async function requireFacilitator(storage: Storage, token: string | null | undefined): Promise<EventRecord> {
  const who = await resolveToken(storage, token);
  if (!can(who.role, 'event.manage')) throw new AppError('FORBIDDEN');
  return who.event;
}

/** Board access is decided once, at the y-websocket upgrade. */
export async function authorizeBoard(storage: Storage, token: string | null, boardId: string): Promise<{ role: Role; canWrite: boolean }> {
  const who = await resolveToken(storage, token);
  const atelier = await storage.getAtelierByBoardId(boardId);
  if (!atelier) throw new AppError('NOT_FOUND');
  if (atelier.eventId !== who.event.id || !can(who.role, 'board.read')) throw new AppError('FORBIDDEN');
  return { role: who.role, canWrite: can(who.role, 'board.write') };
}
