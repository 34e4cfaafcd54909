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
  // Poster workshop (issue #5). Group membership is a second, separate rule: posterRights.ts.
  /** Create a poster group (facilitators for any atelier; participants form their own). */
  'group.create',
  /** Join or leave a group of one's event. */
  'group.join',
  /** Name any group's animateur and rapporteur (members name their own: posterRights.ts). */
  'group.roles.any',
  /** Write a group's boards — only together with membership of that group. */
  'groupBoard.write',
  'poster.react',
  'poster.comment',
  'board.export',
] as const;
export type Action = (typeof ACTIONS)[number];

const TABLE: Record<Role, ReadonlySet<Action>> = {
  participant: new Set<Action>([
    'board.read', 'idea.post', 'idea.editOwn', 'idea.deleteOwn',
    'group.create', 'group.join', 'groupBoard.write', 'poster.react', 'poster.comment', 'board.export',
  ]),
  facilitator: new Set<Action>(['board.read', 'board.write', 'event.manage', 'group.create', 'group.roles.any', 'board.export']),
};

export function can(role: Role, action: Action): boolean {
  return TABLE[role].has(action);
}

/** An idea may be changed by its author only (moderation comes with facilitator actions). */
export function canChangeIdea(actorId: string, idea: { authorId: string }): boolean {
  return actorId === idea.authorId;
}
