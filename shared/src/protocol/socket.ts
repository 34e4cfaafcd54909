import { z } from 'zod';
import { tokenSchema, uuidSchema } from '../schema/common';
import { ideaTextSchema } from '../schema/idea';
import { pseudonymSchema } from '../schema/participant';
import type { Atelier, SemisEvent } from '../schema/event';
import type { Ack } from './errors';
import type * as P from './posters';
import type { BoardFeed, CommentView, GroupView, ReactionCounts } from './posters';

/** Bumped when a socket.io event or payload changes incompatibly. */
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
  /** Sent to a participant's sockets when a server-side change concerns them (e.g. another tab). */
  ideaChanged: 'idea:changed',
  /** To every subscriber of the event (posters:subscribe) when a group, its members or roles change. */
  groupChanged: 'group:changed',
  /** To watchers of a board (poster:watch). */
  boardComment: 'poster:comment',
  boardReactions: 'poster:reactions',
} as const;

/** First join: `code` + `pseudonym`. Rejoin (same phone): `token`, optionally a new `pseudonym`.
 * A token that is unknown or of another event falls back to a first join when code and pseudonym are given. */
export const joinPayload = z.object({
  code: z.string().max(20).optional(),
  pseudonym: pseudonymSchema.optional(),
  token: tokenSchema.optional(),
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
}

export interface JoinResult {
  participant: PublicParticipant;
  /** Present when a new identity was created: the phone keeps it in local storage. */
  token: string;
  event: PublicEvent;
  ateliers: Atelier[];
}
export type PublicEvent = Pick<SemisEvent, 'id' | 'name' | 'date' | 'place' | 'joinCode'>;

export interface EnterAtelierResult {
  atelier: Atelier;
  participant: PublicParticipant;
}

export interface ClientToServerEvents {
  [C.join]: (p: z.input<typeof joinPayload>, ack: (r: Ack<JoinResult>) => void) => void;
  [C.enterAtelier]: (p: z.input<typeof enterAtelierPayload>, ack: (r: Ack<EnterAtelierResult>) => void) => void;
  [C.postIdea]: (p: z.input<typeof postIdeaPayload>, ack: (r: Ack<{ idea: IdeaView; created: boolean }>) => void) => void;
  [C.editIdea]: (p: z.input<typeof editIdeaPayload>, ack: (r: Ack<{ idea: IdeaView }>) => void) => void;
  [C.deleteIdea]: (p: z.input<typeof deleteIdeaPayload>, ack: (r: Ack<{ id: string }>) => void) => void;
  [C.myIdeas]: (p: z.input<typeof myIdeasPayload>, ack: (r: Ack<{ ideas: IdeaView[] }>) => void) => void;
  [C.subscribePosters]: (p: z.input<typeof P.subscribePostersPayload>, ack: (r: Ack<{ groups: GroupView[] }>) => void) => void;
  [C.createGroup]: (p: z.input<typeof P.createGroupPayload>, ack: (r: Ack<{ group: GroupView; created: boolean }>) => void) => void;
  [C.joinGroup]: (p: z.input<typeof P.groupIdPayload>, ack: (r: Ack<{ group: GroupView }>) => void) => void;
  [C.leaveGroup]: (p: z.input<typeof P.groupIdPayload>, ack: (r: Ack<{ group: GroupView }>) => void) => void;
  [C.setGroupRoles]: (p: z.input<typeof P.groupRolesPayload>, ack: (r: Ack<{ group: GroupView }>) => void) => void;
  [C.watchBoard]: (p: z.input<typeof P.watchBoardPayload>, ack: (r: Ack<BoardFeed>) => void) => void;
  [C.react]: (p: z.input<typeof P.reactPayload>, ack: (r: Ack<{ boardId: string; reactions: ReactionCounts; mine: BoardFeed['mine'] }>) => void) => void;
  [C.comment]: (p: z.input<typeof P.commentPayload>, ack: (r: Ack<{ comment: CommentView; created: boolean }>) => void) => void;
}

export interface ServerToClientEvents {
  [S.ideaChanged]: (idea: IdeaView) => void;
  [S.groupChanged]: (group: GroupView) => void;
  [S.boardComment]: (comment: CommentView) => void;
  [S.boardReactions]: (r: { boardId: string; reactions: ReactionCounts }) => void;
}
