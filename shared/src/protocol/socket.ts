import { z } from 'zod';
import { tokenSchema, uuidSchema } from '../schema/common';
import { ideaTextSchema } from '../schema/idea';
import { pseudonymSchema } from '../schema/participant';
import type { Atelier, SemisEvent } from '../schema/event';
import type { IdeaStatus } from '../schema/idea';
import type { AtelierStatePush, Dashboard, EventStatePush, ModIdeaView, Viewport } from './facilitator';
import type { Candidate, VoteResults } from './votes';
import type { CommentView, GroupView, ReactionCounts } from './posters';
import type { PresentState } from './present';

/** Bumped when a socket.io event or payload changes incompatibly. Clients send it (socket.io
 * `auth.protocol`, y-websocket `?protocol=`); another version is refused with PROTOCOL_MISMATCH. */
export const PROTOCOL_VERSION = 1;

/** socket.io runs on this path; y-websocket board documents on YJS_PATH/<boardId>. */
export const SOCKET_PATH = '/socket.io';
export const YJS_PATH = '/yjs';

/** One name per command, so client and server never spell an event twice. */
export const C = {
  join: 'participant:join',
  enterAtelier: 'atelier:enter',
  postIdea: 'idea:post',
  editIdea: 'idea:edit',
  deleteIdea: 'idea:delete',
  myIdeas: 'idea:mine',
  /** Anyone: server clock, for countdowns. */
  timeSync: 'time:sync',
  // Facilitators (after facilitator:auth on the connection).
  facilitatorAuth: 'facilitator:auth',
  setPhase: 'phase:set',
  configureAtelier: 'atelier:configure',
  reveal: 'ideas:reveal',
  timer: 'timer:control',
  modIdeas: 'mod:ideas',
  moderateIdea: 'mod:idea',
  block: 'mod:block',
  unblock: 'mod:unblock',
  blockedList: 'mod:blocked',
  modQueue: 'mod:queue',
  approveAll: 'mod:approveAll',
  modLog: 'mod:log',
  dashboard: 'dashboard:get',
  coFacilitator: 'cofac:create',
  follow: 'follow:set',
  /** *Présenter*: one cluster, candidate or poster per screen (payloads in ./present.ts). */
  present: 'present:set',
  // Votes (participants and facilitators).
  voteGet: 'vote:get',
  voteDot: 'vote:dot',
  voteRate: 'vote:rate',
  // Facilitators: votes, grouping, candidates.
  voteConfigure: 'vote:configure',
  votePreview: 'vote:preview',
  plenary: 'vote:plenary',
  groupingSuggest: 'grouping:suggest',
  promote: 'candidate:promote',
  candidateUpdate: 'candidate:update',
  candidates: 'candidates:list',
  // Poster workshop (issue #5): payloads in ./posters.ts.
  subscribePosters: 'posters:subscribe',
  createGroup: 'group:create',
  joinGroup: 'group:join',
  leaveGroup: 'group:leave',
  setGroupRoles: 'group:roles',
  watchBoard: 'poster:watch',
  react: 'poster:react',
  comment: 'poster:comment',
} as const;

/** Server → client pushes. */
export const S = {
  /** Sent to a participant's sockets when one of its ideas changed (other tab, moderation, reveal). */
  ideaChanged: 'idea:changed',
  /** To everyone in an atelier: its phase, modes or timer changed. */
  atelierState: 'atelier:state',
  /** To everyone in the event: the global countdown changed. */
  eventState: 'event:state',
  /** To the blocked participant's connections, just before they are closed. */
  blocked: 'participant:blocked',
  /** To facilitators of the atelier: an idea changed (any status). */
  modIdea: 'mod:idea',
  /** To facilitators of the event, at most once a second while things change. */
  dashboard: 'dashboard',
  /** To walls and projector of the atelier: the facilitator's viewport to follow (null: stop). */
  follow: 'follow:viewport',
  /** To the atelier's facilitators (projector included): what is presented, or null (stopped). */
  present: 'present:state',
  /** To the atelier (or the event, for the plenary): a vote opened or closed; refetch with vote:get. */
  voteChanged: 'vote:changed',
  /** Results, to facilitators live and to participants when visible (throttled). */
  voteResults: 'vote:results',
  /** To the event's facilitators: a candidate card changed. */
  candidateChanged: 'candidate:changed',
  /** To every subscriber of the event (posters:subscribe) when a group, its members or roles change. */
  groupChanged: 'group:changed',
  /** To watchers of a board (poster:watch). */
  boardComment: 'poster:comment',
  boardReactions: 'poster:reactions',
} as const;

/** First join: `code` + `pseudonym`. Rejoin (same phone): `token`, optionally a new `pseudonym`.
 * A token that is unknown or of another event falls back to a first join when code and pseudonym are given.
 * `atelierId`: enter that atelier in the same command (what `atelier:enter` does), saving a round trip. */
export const joinPayload = z.object({
  code: z.string().max(20).optional(),
  pseudonym: pseudonymSchema.optional(),
  token: tokenSchema.optional(),
  atelierId: uuidSchema.optional(),
});
export const enterAtelierPayload = z.object({ atelierId: uuidSchema });
export const postIdeaPayload = z.object({ id: uuidSchema, atelierId: uuidSchema, text: ideaTextSchema });
export const editIdeaPayload = z.object({ id: uuidSchema, text: ideaTextSchema });
export const deleteIdeaPayload = z.object({ id: uuidSchema });
export const myIdeasPayload = z.object({ atelierId: uuidSchema });

export interface PublicParticipant {
  id: string;
  pseudonym: string;
  atelierId: string | null;
}

/** What a participant sees of an idea (no event/board bookkeeping). */
export interface IdeaView {
  id: string;
  atelierId: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  /** visible, or why others don't see it yet (private, pending) or anymore (hidden). */
  status: IdeaStatus;
  /** Edited by the facilitators. */
  moderated: boolean;
}

export interface JoinResult {
  participant: PublicParticipant;
  /** Present when a new identity was created: the phone keeps it in local storage. */
  token: string;
  event: PublicEvent;
  ateliers: Atelier[];
}
export type PublicEvent = Pick<SemisEvent, 'id' | 'name' | 'date' | 'place' | 'joinCode' | 'timer' | 'retentionDays'>;

export interface EnterAtelierResult {
  atelier: Atelier;
  participant: PublicParticipant;
}

/** Client → server commands: `ClientToServerEvents` and the table behind it are in ./commands.ts. */

export interface ServerToClientEvents {
  [S.ideaChanged]: (idea: IdeaView) => void;
  [S.atelierState]: (p: AtelierStatePush) => void;
  [S.eventState]: (p: EventStatePush) => void;
  [S.blocked]: (p: { code: 'BLOCKED'; message: string }) => void;
  [S.modIdea]: (idea: ModIdeaView) => void;
  [S.dashboard]: (d: Dashboard) => void;
  [S.follow]: (p: { atelierId: string; viewport: Viewport | null }) => void;
  [S.present]: (p: { atelierId: string; state: PresentState | null }) => void;
  [S.voteChanged]: (p: { sessionId: string; atelierId: string | null; status: 'open' | 'closed' }) => void;
  [S.voteResults]: (r: VoteResults) => void;
  [S.candidateChanged]: (c: Candidate) => void;
  [S.groupChanged]: (group: GroupView) => void;
  [S.boardComment]: (comment: CommentView) => void;
  [S.boardReactions]: (r: { boardId: string; reactions: ReactionCounts }) => void;
}
