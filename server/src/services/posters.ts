import { randomUUID } from 'node:crypto';
import {
  refusal, DEFAULT_GROUP_CREATION, MAX_GROUPS_PER_ATELIER, type BoardFeed, type C, type CommandPayload, type CommentView, type GroupView, type PosterBoard, type PosterGroup, type ReactionCounts,
} from '@semis/shared';
import { canSetGroupRoles, rolesAreMembers } from '@semis/shared/posters';
import { AppError } from '../errors';
import type { Storage } from '../storage/types';
import { boardPrincipal, checkParticipant, type Principal } from './access';

/** The poster workshop's rules: groups and their boards, membership, roles, reactions, comments. */

const KIND_ORDER = { poster: 0, afom: 1, debat: 2 } as const;

/** Every group of the event with boards and members, in the ateliers’ order then each atelier’s. */
export async function listGroupViews(storage: Storage, eventId: string): Promise<GroupView[]> {
  const [groups, boards, members] = await Promise.all([storage.posters.listGroups(eventId), storage.posters.listBoards(eventId), storage.posters.listMembers(eventId)]);
  const names = await storage.pseudonyms(members.map((m) => m.participantId));
  return groups.map((group) => ({
    group,
    boards: boards.filter((b) => b.groupId === group.id).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
    members: members.filter((m) => m.groupId === group.id).map((m) => ({ id: m.participantId, pseudonym: names.get(m.participantId) ?? '?' })),
  }));
}

export async function groupView(storage: Storage, group: PosterGroup): Promise<GroupView> {
  const view = (await listGroupViews(storage, group.eventId)).find((v) => v.group.id === group.id);
  if (!view) throw new AppError('UNKNOWN_GROUP', 'groupId');
  return view;
}

async function groupOfEvent(storage: Storage, who: Principal, groupId: string): Promise<PosterGroup> {
  const group = await storage.posters.getGroup(groupId);
  if (!group || group.eventId !== who.event.id) throw new AppError('UNKNOWN_GROUP', 'groupId');
  return group;
}

/** A group gets a poster and an AFOM matrix, and a debate board on request. A participant who
 * forms a group joins it. Idempotent on the client's group id. */
export async function createGroup(storage: Storage, who: Principal, input: CommandPayload<typeof C.createGroup>, now: string): Promise<{ view: GroupView; created: boolean; left: string | null }> {
  if (who.role === 'participant') checkParticipant('group.create');
  const atelier = await storage.getAtelier(input.atelierId);
  if (!atelier || atelier.eventId !== who.event.id) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
  if (who.role === 'facilitator' && who.scope !== null && who.scope !== atelier.id) throw new AppError('FORBIDDEN', 'atelierId');
  const why = refusal(who.role, 'group.create', { phase: atelier.phase });
  if (why) throw new AppError(why);
  // Who forms groups, and how many each participant may form, is the facilitator's setting.
  const policy = atelier.groupCreation ?? DEFAULT_GROUP_CREATION;
  if (who.role === 'participant' && policy.by === 'facilitators') throw new AppError('GROUPS_BY_FACILITATORS', 'atelierId');
  const existing = await storage.posters.getGroup(input.id);
  if (!existing && (await storage.posters.countGroups(atelier.id)) >= MAX_GROUPS_PER_ATELIER) throw new AppError('TOO_MANY_GROUPS', 'atelierId');
  const kinds: PosterBoard['kind'][] = input.debate ? ['poster', 'afom', 'debat'] : ['poster', 'afom'];
  const boards = kinds.map((kind): PosterBoard => ({ id: randomUUID(), eventId: atelier.eventId, atelierId: atelier.id, groupId: input.id, kind, createdAt: now }));
  const outcome = await storage.posters.createGroup(
    { id: input.id, eventId: atelier.eventId, atelierId: atelier.id, name: input.name, animateurId: null, rapporteurId: null, createdAt: now },
    boards,
    who.role === 'participant' ? { id: who.participant.id, max: policy.perParticipant } : undefined,
  );
  if (outcome.kind === 'limit') throw new AppError('GROUP_CREATION_LIMIT', 'atelierId');
  if (outcome.kind === 'conflict' || !outcome.group) throw new AppError('ID_CONFLICT', 'id');
  let left: string | null = null;
  if (who.role === 'participant') left = (await storage.posters.joinGroup(outcome.group.id, who.participant.id, now)).left;
  return { view: await groupView(storage, outcome.group), created: outcome.kind === 'created', left };
}

export async function joinGroup(storage: Storage, who: Principal, { groupId }: CommandPayload<typeof C.joinGroup>, now: string): Promise<{ view: GroupView; left: string | null }> {
  if (who.role !== 'participant') throw new AppError('FORBIDDEN');
  checkParticipant('group.join');
  const group = await groupOfEvent(storage, who, groupId);
  const { left } = await storage.posters.joinGroup(group.id, who.participant.id, now);
  return { view: await groupView(storage, group), left };
}

export async function leaveGroup(storage: Storage, who: Principal, { groupId }: CommandPayload<typeof C.leaveGroup>): Promise<GroupView> {
  if (who.role !== 'participant') throw new AppError('FORBIDDEN');
  const group = await groupOfEvent(storage, who, groupId);
  if (!(await storage.posters.leaveGroup(group.id, who.participant.id))) throw new AppError('NOT_MEMBER', 'groupId');
  return groupView(storage, group);
}

/** The group names its animateur and rapporteur among its members. */
export async function setGroupRoles(storage: Storage, who: Principal, input: CommandPayload<typeof C.setGroupRoles>): Promise<GroupView> {
  const group = await groupOfEvent(storage, who, input.groupId);
  // A co-facilitator's link covers one atelier: its groups, not the others'.
  if (who.role === 'facilitator' && who.scope !== null && who.scope !== group.atelierId) throw new AppError('FORBIDDEN', 'groupId');
  const mine = who.role === 'participant' ? new Set(await storage.posters.groupsOf(who.participant.id)) : new Set<string>();
  if (!canSetGroupRoles(boardPrincipal(who), group.id, mine)) throw new AppError('NOT_MEMBER', 'groupId');
  const view = await groupView(storage, group);
  if (!rolesAreMembers(input, new Set(view.members.map((m) => m.id)))) throw new AppError('NOT_MEMBER', input.animateurId && !view.members.some((m) => m.id === input.animateurId) ? 'animateurId' : 'rapporteurId');
  await storage.posters.setGroupRoles(group.id, input);
  return groupView(storage, group);
}

/** Comments and reactions are about the poster workshop's boards, within one's own event. */
async function feedBoard(storage: Storage, who: Principal, boardId: string): Promise<PosterBoard> {
  const board = await storage.posters.getBoard(boardId);
  if (!board || board.eventId !== who.event.id) throw new AppError('UNKNOWN_BOARD', 'boardId');
  return board;
}

export async function boardFeed(storage: Storage, who: Principal, boardId: string): Promise<BoardFeed> {
  const board = await feedBoard(storage, who, boardId);
  const comments = await storage.posters.listComments(board.id);
  const names = await storage.pseudonyms(comments.map((c) => c.authorId));
  return {
    boardId: board.id,
    comments: comments.map((c) => commentView(c, names.get(c.authorId) ?? '?')),
    reactions: await storage.posters.reactionCounts(board.id),
    mine: who.role === 'participant' ? await storage.posters.reactionsOf(board.id, who.participant.id) : [],
  };
}

export async function react(storage: Storage, who: Principal, input: CommandPayload<typeof C.react>, now: string): Promise<{ boardId: string; reactions: ReactionCounts; mine: BoardFeed['mine'] }> {
  if (who.role !== 'participant') throw new AppError('FORBIDDEN');
  checkParticipant('poster.react');
  const board = await feedBoard(storage, who, input.boardId);
  await storage.posters.setReaction(board.id, who.participant.id, input.kind, input.on, now);
  return { boardId: board.id, reactions: await storage.posters.reactionCounts(board.id), mine: await storage.posters.reactionsOf(board.id, who.participant.id) };
}

export async function comment(storage: Storage, who: Principal, input: CommandPayload<typeof C.comment>, now: string): Promise<{ comment: CommentView; created: boolean }> {
  if (who.role !== 'participant') throw new AppError('FORBIDDEN');
  checkParticipant('poster.comment');
  const board = await feedBoard(storage, who, input.boardId);
  const outcome = await storage.posters.insertComment({ id: input.id, eventId: board.eventId, boardId: board.id, authorId: who.participant.id, text: input.text, createdAt: now });
  if (outcome.kind === 'conflict' || !outcome.comment) throw new AppError('ID_CONFLICT', 'id');
  return { comment: commentView(outcome.comment, who.participant.pseudonym), created: outcome.kind === 'created' };
}

function commentView(c: { id: string; boardId: string; text: string; createdAt: string }, author: string): CommentView {
  return { id: c.id, boardId: c.boardId, author, text: c.text, createdAt: c.createdAt };
}
