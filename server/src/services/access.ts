import { isLocked, refusal, tokenSchema, type Action, type Atelier, type PosterBoard, type Role } from '@semis/shared';
import { canReadBoard, canWriteBoard, type BoardPrincipal } from '@semis/shared/posters';
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
  // One query whatever the kind of token: it runs on every connection and reconnection.
  const owner = await storage.findTokenOwner(hashToken(token));
  if (!owner) throw new AppError('NOT_AUTHENTICATED');
  if (owner.kind === 'admin') return { role: 'facilitator', event: owner.event, scope: null, actor: ADMIN_ACTOR };
  if (owner.kind === 'cofacilitator') return { role: 'facilitator', event: owner.event, scope: owner.token.atelierId, actor: owner.token.label };
  if (owner.participant.blockedAt) throw new AppError('BLOCKED');
  return { role: 'participant', event: owner.event, participant: owner.participant };
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

/**
 * The one participant check: the role table, then — for an action on an atelier — its phase and
 * its timer lock at `now` (the injected clock). Throws the refusal's code: FORBIDDEN,
 * PHASE_FORBIDS, ATELIER_CLOSED or ATELIER_LOCKED.
 */
export function checkParticipant(action: Action, on?: { atelier: Pick<Atelier, 'phase' | 'timer'>; now: string }): void {
  const why = refusal('participant', action, on && { phase: on.atelier.phase, locked: isLocked(on.atelier.timer, Date.parse(on.now)) });
  if (why) throw new AppError(why);
}

/** A facilitator's command on one atelier: in their event, in their scope, allowed in its phase. */
export function checkFacilitatorOn(who: FacilitatorPrincipal, atelier: Atelier | null, action: Action): Atelier {
  if (!atelier) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
  if (atelier.eventId !== who.event.id || (who.scope !== null && who.scope !== atelier.id)) throw new AppError('FORBIDDEN', 'atelierId');
  const why = refusal('facilitator', action, { phase: atelier.phase });
  if (why) throw new AppError(why);
  return atelier;
}

/** Any board: an atelier's wall (atelier.boardId) or a poster workshop board (boards table). */
export interface BoardRef {
  id: string;
  eventId: string;
  atelierId: string;
  groupId: string | null;
  kind: 'mur' | PosterBoard['kind'];
}

/** Which event, atelier and group a board belongs to is set when it is created and never
 * changes (a restored event keeps its ids), so every process may remember it without
 * invalidation: a phone's board connection then costs no look-up but its token's. Per storage,
 * bounded (oldest forgotten first). */
const boardRefs = new WeakMap<Storage, Map<string, BoardRef>>();
const MAX_BOARD_REFS = 10_000;

export async function findBoard(storage: Storage, boardId: string): Promise<BoardRef | null> {
  let refs = boardRefs.get(storage);
  if (!refs) boardRefs.set(storage, (refs = new Map()));
  const known = refs.get(boardId);
  if (known) return known;
  const found = await lookUpBoard(storage, boardId);
  if (found) {
    if (refs.size >= MAX_BOARD_REFS) refs.delete(refs.keys().next().value!);
    refs.set(boardId, found);
  }
  return found;
}

async function lookUpBoard(storage: Storage, boardId: string): Promise<BoardRef | null> {
  const atelier = await storage.getAtelierByBoardId(boardId);
  if (atelier) return { id: boardId, eventId: atelier.eventId, atelierId: atelier.id, groupId: null, kind: atelier.boardKind };
  const board = await storage.posters.getBoard(boardId);
  return board && { id: board.id, eventId: board.eventId, atelierId: board.atelierId, groupId: board.groupId, kind: board.kind };
}

export function boardPrincipal(who: Principal): BoardPrincipal {
  return { role: who.role, eventId: who.event.id, participantId: who.role === 'participant' ? who.participant.id : undefined };
}

/**
 * Read and write rights of a principal on a board: the poster rule (group membership), then
 * the facilitator's scope (a co-facilitator writes only its atelier's boards) and the phase
 * table (nobody writes in a clôturé atelier).
 */
export async function boardRights(storage: Storage, who: Principal, board: BoardRef): Promise<{ canRead: boolean; canWrite: boolean }> {
  const p = boardPrincipal(who);
  const canRead = canReadBoard(p, board);
  const memberships = who.role === 'participant' && board.groupId ? new Set(await storage.posters.groupsOf(who.participant.id)) : new Set<string>();
  const inScope = who.role !== 'facilitator' || who.scope === null || who.scope === board.atelierId;
  // The phase is read only when it decides: a phone on its atelier's wall never writes.
  if (!inScope || !canWriteBoard(p, board, memberships)) return { canRead, canWrite: false };
  const atelier = await storage.getAtelier(board.atelierId);
  const writeAction: Action = who.role === 'facilitator' ? 'board.write' : 'groupBoard.write';
  return { canRead, canWrite: !atelier || refusal(who.role, writeAction, { phase: atelier.phase }) === null };
}

/** Board access is decided once, at the y-websocket upgrade. */
export async function authorizeBoard(storage: Storage, token: string | null, boardId: string): Promise<{ role: Role; canWrite: boolean; subject: string }> {
  const [who, board] = await Promise.all([resolveToken(storage, token), findBoard(storage, boardId)]);
  if (!board) throw new AppError('NOT_FOUND');
  const rights = await boardRights(storage, who, board);
  if (!rights.canRead) throw new AppError('FORBIDDEN');
  const subject = who.role === 'participant' ? who.participant.id : `facilitator:${who.event.id}`;
  return { role: who.role, canWrite: rights.canWrite, subject };
}
