/** Who may do what, as one table the server enforces and the UI mirrors.
 * Later issues add phases as a second dimension; the table stays the single place to look. */
export const ROLES = ['participant', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'board.read',
  /** Write CRDT updates to a board document (y-websocket SyncStep2/Update). */
  'board.write',
  'idea.post',
  'idea.editOwn',
  'idea.deleteOwn',
  'event.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const TABLE: Record<Role, ReadonlySet<Action>> = {
  participant: new Set<Action>(['board.read', 'idea.post', 'idea.editOwn', 'idea.deleteOwn']),
  facilitator: new Set<Action>(['board.read', 'board.write', 'event.manage']),
};

export function can(role: Role, action: Action): boolean {
  return TABLE[role].has(action);
}

/** An idea may be changed by its author only (moderation comes with facilitator actions). */
export function canChangeIdea(actorId: string, idea: { authorId: string }): boolean {
  return actorId === idea.authorId;
}
