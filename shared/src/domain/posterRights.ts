import { can, type Role } from './permissions';

/** Who may write which board: the role table (permissions.ts) plus group membership. */
export interface BoardPrincipal {
  role: Role;
  eventId: string;
  /** Set for participants. */
  participantId?: string;
}

/** The groups a participant belongs to, by group id. */
export type Memberships = ReadonlySet<string>;

/**
 * Facilitators write every board of their event; a participant writes only the boards of a
 * group it belongs to. Boards without a group (the wall) stay facilitator-only.
 */
export function canWriteBoard(who: BoardPrincipal, board: { eventId: string; groupId: string | null }, memberships: Memberships): boolean {
  if (board.eventId !== who.eventId) return false;
  if (can(who.role, 'board.write')) return true;
  return board.groupId !== null && can(who.role, 'groupBoard.write') && memberships.has(board.groupId);
}

export function canReadBoard(who: BoardPrincipal, board: { eventId: string }): boolean {
  return board.eventId === who.eventId && can(who.role, 'board.read');
}

/** Members name their group's animateur and rapporteur; facilitators any group's. Both must be members. */
export function canSetGroupRoles(who: BoardPrincipal, groupId: string, memberships: Memberships): boolean {
  return can(who.role, 'group.roles.any') || memberships.has(groupId);
}

export function rolesAreMembers(roles: { animateurId: string | null; rapporteurId: string | null }, memberIds: ReadonlySet<string>): boolean {
  return [roles.animateurId, roles.rapporteurId].every((id) => id === null || memberIds.has(id));
}
