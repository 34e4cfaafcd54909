import { z } from 'zod';
import type { Atelier } from '../schema/event';
import type { TimerState } from '../domain/timer';
import type { Ack, ErrorCode } from './errors';
import {
  C, deleteIdeaPayload, editIdeaPayload, enterAtelierPayload, joinPayload, myIdeasPayload, postIdeaPayload,
  type EnterAtelierResult, type IdeaView, type JoinResult,
} from './socket';
import {
  approveAllPayload, blockPayload, configureAtelierPayload, coFacilitatorPayload, facilitatorAuthPayload, followPayload, moderateIdeaPayload, modIdeasPayload, modLogPayload, modQueuePayload,
  revealPayload, setPhasePayload, timerPayload, timeSyncPayload,
  type BlockedParticipant, type Dashboard, type FacilitatorAuthResult, type ModerationLogEntry, type ModIdeaView,
} from './facilitator';
import {
  candidateUpdatePayload, groupingPayload, plenaryPayload, promotePayload, voteConfigurePayload, votePreviewPayload, voteDotPayload, voteGetPayload, voteRatePayload,
  type Candidate, type GroupingSuggestion, type VoteState,
} from './votes';
import {
  commentPayload, createGroupPayload, groupIdPayload, groupRolesPayload, reactPayload, subscribePostersPayload, watchBoardPayload,
  type BoardFeed, type CommentView, type GroupView, type ReactionCounts,
} from './posters';
import { presentPayload, type PresentState } from './present';

/** Which error code a bad top-level field gets (else BAD_REQUEST), e.g. `text` → INVALID_IDEA_TEXT. */
export type FieldCodes = Readonly<Record<string, ErrorCode>>;

/** One socket.io command: the zod schema of its payload, the error codes of its fields, and
 * (as a type only) what its ack carries on success. */
export interface CommandSpec<P extends z.ZodType = z.ZodType, A = unknown> {
  readonly payload: P;
  readonly fields: FieldCodes;
  /** Never set: carries the ack type. */
  readonly ack?: A;
}

/** `command<AckData>()(payloadSchema, fieldCodes)`: curried so the ack type is written and the
 * schema's type inferred. */
function command<A>() {
  return <P extends z.ZodType>(payload: P, fields: FieldCodes = {}): CommandSpec<P, A> => ({ payload, fields });
}

/** Commands that take nothing: `{}`, or no payload at all. */
const noPayload = z.object({}).default({});
const IDEA_TEXT = { text: 'INVALID_IDEA_TEXT' } as const;

/**
 * Every client → server command of the socket.io protocol, in one table: the server parses each
 * payload with its schema once, before any handler runs, and a handler must return its ack type
 * (`server/src/realtime/command.ts`); clients get `ClientToServerEvents` from it.
 */
export const COMMANDS = {
  // Anyone.
  [C.timeSync]: command<{ t: number; serverTime: number }>()(timeSyncPayload),
  // Participants.
  [C.join]: command<JoinResult>()(joinPayload, { pseudonym: 'INVALID_PSEUDONYM', code: 'UNKNOWN_CODE', token: 'NOT_AUTHENTICATED' }),
  [C.enterAtelier]: command<EnterAtelierResult>()(enterAtelierPayload),
  [C.postIdea]: command<{ idea: IdeaView; created: boolean }>()(postIdeaPayload, IDEA_TEXT),
  [C.editIdea]: command<{ idea: IdeaView }>()(editIdeaPayload, IDEA_TEXT),
  [C.deleteIdea]: command<{ id: string }>()(deleteIdeaPayload),
  [C.myIdeas]: command<{ ideas: IdeaView[] }>()(myIdeasPayload),
  [C.voteGet]: command<VoteState>()(voteGetPayload),
  [C.voteDot]: command<VoteState>()(voteDotPayload),
  [C.voteRate]: command<VoteState>()(voteRatePayload),
  // Facilitators (after facilitator:auth on the connection).
  [C.facilitatorAuth]: command<FacilitatorAuthResult>()(facilitatorAuthPayload, { token: 'NOT_AUTHENTICATED' }),
  [C.setPhase]: command<{ ateliers: Atelier[] }>()(setPhasePayload),
  [C.configureAtelier]: command<{ atelier: Atelier }>()(configureAtelierPayload),
  [C.reveal]: command<{ revealed: number }>()(revealPayload),
  [C.timer]: command<{ timer: TimerState | null; serverTime: number }>()(timerPayload),
  [C.modIdeas]: command<{ ideas: ModIdeaView[] }>()(modIdeasPayload),
  [C.moderateIdea]: command<{ idea: ModIdeaView }>()(moderateIdeaPayload, IDEA_TEXT),
  [C.block]: command<{ participantId: string; pseudonym: string; rejected: number }>()(blockPayload),
  [C.unblock]: command<{ participantId: string; pseudonym: string }>()(blockPayload),
  [C.blockedList]: command<{ participants: BlockedParticipant[] }>()(noPayload),
  [C.modQueue]: command<{ ideas: ModIdeaView[] }>()(modQueuePayload.default({})),
  [C.approveAll]: command<{ approved: number }>()(approveAllPayload),
  [C.modLog]: command<{ entries: ModerationLogEntry[] }>()(modLogPayload.default({ limit: 100 })),
  [C.dashboard]: command<Dashboard>()(noPayload),
  [C.coFacilitator]: command<{ token: string; link: string }>()(coFacilitatorPayload),
  [C.follow]: command<Record<string, never>>()(followPayload),
  [C.present]: command<{ state: PresentState | null }>()(presentPayload),
  [C.voteConfigure]: command<{ atelier: Atelier }>()(voteConfigurePayload),
  [C.votePreview]: command<{ items: number; left: number }>()(votePreviewPayload),
  [C.plenary]: command<VoteState>()(plenaryPayload),
  [C.groupingSuggest]: command<GroupingSuggestion>()(groupingPayload),
  [C.promote]: command<{ candidate: Candidate; created: boolean }>()(promotePayload),
  [C.candidateUpdate]: command<{ candidate: Candidate }>()(candidateUpdatePayload),
  [C.candidates]: command<{ candidates: Candidate[] }>()(noPayload),
  // Poster workshop: participants and facilitators.
  [C.subscribePosters]: command<{ groups: GroupView[] }>()(subscribePostersPayload, { token: 'NOT_AUTHENTICATED' }),
  [C.createGroup]: command<{ group: GroupView; created: boolean }>()(createGroupPayload, { name: 'INVALID_GROUP_NAME' }),
  [C.joinGroup]: command<{ group: GroupView }>()(groupIdPayload),
  [C.leaveGroup]: command<{ group: GroupView }>()(groupIdPayload),
  [C.setGroupRoles]: command<{ group: GroupView }>()(groupRolesPayload),
  [C.watchBoard]: command<BoardFeed>()(watchBoardPayload),
  [C.react]: command<{ boardId: string; reactions: ReactionCounts; mine: BoardFeed['mine'] }>()(reactPayload),
  [C.comment]: command<{ comment: CommentView; created: boolean }>()(commentPayload, { text: 'INVALID_COMMENT_TEXT' }),
} as const satisfies Record<(typeof C)[keyof typeof C], CommandSpec>;

export type CommandName = keyof typeof COMMANDS;
/** What a client sends (defaults not yet applied). */
export type CommandInput<K extends CommandName> = z.input<(typeof COMMANDS)[K]['payload']>;
/** What a handler receives: the payload after parsing (defaults applied, text trimmed). */
export type CommandPayload<K extends CommandName> = z.output<(typeof COMMANDS)[K]['payload']>;
/** What the ack carries on success. */
export type CommandAck<K extends CommandName> = (typeof COMMANDS)[K] extends CommandSpec<z.ZodType, infer A> ? A : never;

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandInput<K>, ack: (r: Ack<CommandAck<K>>) => void) => void;
};
