import { can, canReadBoard, canWriteBoard, tokenSchema, type BoardPrincipal, type PosterBoard, type Role } from '@semis/shared';
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

/** Any board: an atelier's wall (atelier.boardId) or a poster workshop board (boards table). */
export interface BoardRef {
  id: string;
  eventId: string;
  atelierId: string;
  groupId: string | null;
  kind: 'mur' | PosterBoard['kind'];
}

export async function findBoard(storage: Storage, boardId: string): Promise<BoardRef | null> {
  const atelier = await storage.getAtelierByBoardId(boardId);
  if (atelier) return { id: boardId, eventId: atelier.eventId, atelierId: atelier.id, groupId: null, kind: atelier.boardKind };
  const board = await storage.posters.getBoard(boardId);
  return board && { id: board.id, eventId: board.eventId, atelierId: board.atelierId, groupId: board.groupId, kind: board.kind };
}

export function boardPrincipal(who: Principal): BoardPrincipal {
  return { role: who.role, eventId: who.event.id, participantId: who.role === 'participant' ? who.participant.id : undefined };
}

/** Read and write rights of a principal on a board (membership looked up only when it matters). */
export async function boardRights(storage: Storage, who: Principal, board: BoardRef): Promise<{ canRead: boolean; canWrite: boolean }> {
  const p = boardPrincipal(who);
  const memberships = who.role === 'participant' && board.groupId ? new Set(await storage.posters.groupsOf(who.participant.id)) : new Set<string>();
  return { canRead: canReadBoard(p, board), canWrite: canWriteBoard(p, board, memberships) };
}

/** Board access is decided once, at the y-websocket upgrade. */
export async function authorizeBoard(storage: Storage, token: string | null, boardId: string): Promise<{ role: Role; canWrite: boolean }> {
  const who = await resolveToken(storage, token);
  const board = await findBoard(storage, boardId);
  if (!board) throw new AppError('NOT_FOUND');
  const rights = await boardRights(storage, who, board);
  if (!rights.canRead) throw new AppError('FORBIDDEN');
  return { role: who.role, canWrite: rights.canWrite };
}
