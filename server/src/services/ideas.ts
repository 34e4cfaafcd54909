import { can, canChangeIdea, deleteIdeaPayload, editIdeaPayload, postIdeaPayload, boardMaps, putIdeaCard, removeIdeaCard, type Idea, type IdeaCard, type IdeaView } from '@semis/shared';
import type { z } from 'zod';
import { AppError, fromZod } from '../errors';
import type { ParticipantRecord, Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import type { BoardRoom } from '../yjs/room';

export interface IdeaDeps {
  storage: Storage;
  registry: BoardRegistry;
  now: () => string;
}

const TEXT_ERRORS = { text: 'INVALID_IDEA_TEXT' } as const;

export function ideaView(i: Idea): IdeaView {
  return { id: i.id, atelierId: i.atelierId, text: i.text, createdAt: i.createdAt, updatedAt: i.updatedAt, deleted: i.deletedAt !== null };
}

function card(i: Idea, author: string): IdeaCard {
  return { id: i.id, text: i.text, authorId: i.authorId, author, createdAt: i.createdAt, updatedAt: i.updatedAt };
}

function parse<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw fromZod(parsed.error, TEXT_ERRORS);
  return parsed.data;
}

/** Stores the idea (durable before we answer), then mirrors it onto the board document. */
export async function postIdea(deps: IdeaDeps, author: ParticipantRecord, payload: unknown): Promise<{ idea: IdeaView; created: boolean }> {
  const { id, atelierId, text } = parse(postIdeaPayload, payload);
  if (!can('participant', 'idea.post')) throw new AppError('FORBIDDEN');
  const atelier = await deps.storage.getAtelier(atelierId);
  if (!atelier || atelier.eventId !== author.eventId) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
  const outcome = await deps.storage.insertIdea({ id, eventId: author.eventId, atelierId, boardId: atelier.boardId, authorId: author.id, text, now: deps.now() });
  if (outcome.kind === 'conflict') throw new AppError('ID_CONFLICT', 'id');
  const idea = outcome.idea;
  if (idea.authorId !== author.id) throw new AppError('ID_CONFLICT', 'id');
  // A retry after a crash between store and mirror repairs the board too.
  if (idea.deletedAt === null) await mirror(deps, idea, (room) => putIdeaCard(room.doc, card(idea, author.pseudonym)));
  return { idea: ideaView(idea), created: outcome.kind === 'created' };
}

export async function editIdea(deps: IdeaDeps, actor: ParticipantRecord, payload: unknown): Promise<{ idea: IdeaView }> {
  const { id, text } = parse(editIdeaPayload, payload);
  const current = await ownIdea(deps, actor, id);
  if (current.deletedAt !== null) throw new AppError('IDEA_DELETED', 'id');
  const idea = (await deps.storage.updateIdeaText(id, text, deps.now())) ?? current;
  await mirror(deps, idea, (room) => putIdeaCard(room.doc, card(idea, actor.pseudonym)));
  return { idea: ideaView(idea) };
}

export async function deleteIdea(deps: IdeaDeps, actor: ParticipantRecord, payload: unknown): Promise<{ id: string }> {
  const { id } = parse(deleteIdeaPayload, payload);
  const current = await ownIdea(deps, actor, id);
  await deps.storage.deleteIdea(id, deps.now());
  await mirror(deps, current, (room) => removeIdeaCard(room.doc, id));
  return { id };
}

async function ownIdea(deps: IdeaDeps, actor: ParticipantRecord, id: string): Promise<Idea> {
  const idea = await deps.storage.getIdea(id);
  if (!idea || idea.eventId !== actor.eventId) throw new AppError('UNKNOWN_IDEA', 'id');
  if (!canChangeIdea(actor.id, idea)) throw new AppError('NOT_OWNER', 'id');
  return idea;
}

async function mirror(deps: IdeaDeps, idea: Idea, write: (room: BoardRoom) => void): Promise<void> {
  await deps.registry.use(idea.boardId, write);
}

/** On load, the document is made to show exactly the stored, non-deleted ideas of its board:
 * the database is the source of truth, the document its projection. */
export async function reconcileBoard(storage: Storage, room: BoardRoom): Promise<void> {
  const ideas = await storage.listBoardIdeas(room.boardId);
  const names = await storage.pseudonyms([...new Set(ideas.map((i) => i.authorId))]);
  const live = new Set<string>();
  for (const idea of ideas) {
    if (idea.deletedAt !== null) continue;
    live.add(idea.id);
    putIdeaCard(room.doc, card(idea, names.get(idea.authorId) ?? '?'));
  }
  // Also drops entries nobody should have written (the ideas map is server-owned).
  for (const key of [...boardMaps(room.doc).ideas.keys()]) if (!live.has(key)) removeIdeaCard(room.doc, key);
}
