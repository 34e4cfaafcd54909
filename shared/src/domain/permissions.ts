import type { ErrorCode } from '../protocol/errors';
import type { Phase } from './phases';

/** Who may do what, and when: the one table the server enforces and the UI mirrors. */
export const ROLES = ['participant', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'board.read',
  /** Write CRDT updates to a board document (y-websocket SyncStep2/Update). */
  'board.write',
  'idea.post',
  'idea.editOwn',
  'idea.deleteOwn',
  'vote.cast',
  'event.manage',
  'phase.change',
  'timer.control',
  'atelier.configure',
  'idea.moderate',
  'participant.block',
  /** Vote settings, the plenary vote. */
  'vote.manage',
  /** Promote to and edit project candidates. */
  'candidate.manage',
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

/** The poster workshop runs beside the wall's phases: its actions stay open until clôturé. */
const POSTER_PARTICIPANT: readonly Action[] = ['group.create', 'group.join', 'groupBoard.write', 'poster.react', 'poster.comment', 'board.export'];

const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  participant: ['board.read', 'idea.post', 'idea.editOwn', 'idea.deleteOwn', 'vote.cast', ...POSTER_PARTICIPANT],
  facilitator: [
    'board.read', 'board.write', 'event.manage', 'phase.change', 'timer.control', 'atelier.configure', 'idea.moderate', 'participant.block', 'vote.manage',
    'candidate.manage', 'group.create', 'group.roles.any', 'board.export',
  ],
};

/** What each phase opens. Facilitators keep their tools in every phase except a closed
 * atelier, where only reading and reopening (a phase change) remain. */
export const PHASE_ACTIONS: Record<Phase, Record<Role, readonly Action[]>> = {
  preparation: {
    participant: ['board.read', ...POSTER_PARTICIPANT],
    facilitator: ROLE_ACTIONS.facilitator,
  },
  ideation: {
    participant: ['board.read', 'idea.post', 'idea.editOwn', 'idea.deleteOwn', ...POSTER_PARTICIPANT],
    facilitator: ROLE_ACTIONS.facilitator,
  },
  regroupement: {
    participant: ['board.read', ...POSTER_PARTICIPANT],
    facilitator: ROLE_ACTIONS.facilitator,
  },
  vote: {
    participant: ['board.read', 'vote.cast', ...POSTER_PARTICIPANT],
    facilitator: ROLE_ACTIONS.facilitator,
  },
  restitution: {
    participant: ['board.read', ...POSTER_PARTICIPANT],
    facilitator: ROLE_ACTIONS.facilitator,
  },
  cloture: {
    participant: ['board.read', 'board.export'],
    // Candidates are often written up once the atelier is over.
    facilitator: ['board.read', 'event.manage', 'phase.change', 'candidate.manage', 'board.export'],
  },
};

/** Participant actions that a timer lock ("temps écoulé", verrouillé) stops. */
const LOCKABLE: ReadonlySet<Action> = new Set(['idea.post', 'idea.editOwn', 'idea.deleteOwn', 'vote.cast']);

export interface ActionContext {
  phase?: Phase;
  /** The atelier's timer reached zero with "verrouiller à zéro". */
  locked?: boolean;
}

/** Why `role` may not do `action` now, as the error code to show; null when allowed. */
export function refusal(role: Role, action: Action, ctx: ActionContext = {}): ErrorCode | null {
  if (!ROLE_ACTIONS[role].includes(action)) return 'FORBIDDEN';
  if (ctx.phase && !PHASE_ACTIONS[ctx.phase][role].includes(action)) return ctx.phase === 'cloture' ? 'ATELIER_CLOSED' : 'PHASE_FORBIDS';
  if (ctx.locked && role === 'participant' && LOCKABLE.has(action)) return 'ATELIER_LOCKED';
  return null;
}

export function can(role: Role, action: Action, ctx: ActionContext = {}): boolean {
  return refusal(role, action, ctx) === null;
}

/** An idea may be changed by its author only (facilitators use moderation instead). */
export function canChangeIdea(actorId: string, idea: { authorId: string }): boolean {
  return actorId === idea.authorId;
}
