import type * as Y from 'yjs';
import { SERVER_ORIGIN, boardMaps, canChangeIdea, hideIdeaCard, removeIdeaCard, type Atelier, type C, type CommandPayload, type Idea, type IdeaStatus, type IdeaView } from '@semis/shared';
import { AppError } from '../errors';
import type { ParticipantRecord, Storage } from '../storage/types';
import type { BoardRegistry } from '../yjs/registry';
import type { BoardRoom, HeldWrite } from '../yjs/room';
import type { Notifier } from './notifier';
import { checkParticipant } from './access';
import { yieldIfBusy } from '../limits/loopSlice';
import { ideaView, modIdeaView, projectIdea } from './views';

export interface IdeaDeps {
  storage: Storage;
  registry: BoardRegistry;
  broadcast: Notifier;
  now: () => string;
}

/** Écriture privée and mode modéré decide where a new idea starts. */
function initialStatus(atelier: Atelier): IdeaStatus {
  if (atelier.moderated) return 'pending';
  return atelier.privateWriting ? 'private' : 'visible';
}

/**
 * Stores the idea and its card on the board in one transaction (durable before we answer,
 * one commit for both), then tells the author's tabs and the facilitators. The card reaches
 * the board's connections once that transaction committed, never before; the ack does not
 * wait for that fan-out.
 */
export async function postIdea(deps: IdeaDeps, author: ParticipantRecord, { id, atelierId, text }: CommandPayload<typeof C.postIdea>): Promise<{ idea: IdeaView; created: boolean }> {
  const atelier = await deps.storage.getAtelier(atelierId);
  if (!atelier || atelier.eventId !== author.eventId) throw new AppError('UNKNOWN_ATELIER', 'atelierId');
  // A retry of a post the server already took is answered even if the phase moved on since.
  const existing = await deps.storage.getIdea(id);
  if (!existing) checkParticipant('idea.post', { atelier, now: deps.now() });
  const outcome = await deps.registry.use(atelier.boardId, async (room) => {
    let held: HeldWrite | null = null;
    let created = false;
    try {
      const stored = await deps.storage.insertIdea(
        { id, eventId: author.eventId, atelierId, boardId: atelier.boardId, authorId: author.id, text, now: deps.now(), status: initialStatus(atelier) },
        // Also on a retry: repairs the board after a crash between store and mirror.
        ({ kind, idea, slot }) => {
          if (idea.authorId !== author.id) return null;
          created = kind === 'created';
          held = room.hold(() => projectIdea(room, idea, atelier, author.pseudonym, slot));
          return held.update;
        },
      );
      (held as HeldWrite | null)?.stored();
      return stored;
    } catch (err) {
      // Not stored: a card for a row that was not written comes off again (in the same batch).
      (held as HeldWrite | null)?.unstored();
      if (held && created) removeIdeaCard(room.doc, id);
      throw err;
    }
  });
  if (outcome.kind === 'conflict' || outcome.idea.authorId !== author.id) throw new AppError('ID_CONFLICT', 'id');
  const idea = outcome.idea;
  // After the ack, in the loop's next slice under a burst (limits/loopSlice.ts): a group commit
  // resolves a whole burst of posts in one turn, and their acks go first.
  void yieldIfBusy().then(() => deps.broadcast.ideaChanged(idea, modIdeaView(idea, author.pseudonym)));
  return { idea: ideaView(idea), created: outcome.kind === 'created' };
}

export async function editIdea(deps: IdeaDeps, actor: ParticipantRecord, { id, text }: CommandPayload<typeof C.editIdea>): Promise<{ idea: IdeaView }> {
  const { idea: current, atelier } = await ownIdea(deps, actor, id);
  checkParticipant('idea.editOwn', { atelier, now: deps.now() });
  if (current.deletedAt !== null) throw new AppError('IDEA_DELETED', 'id');
  const idea = (await deps.storage.updateIdeaText(id, text, deps.now())) ?? current;
  await publish(deps, idea, atelier, actor.pseudonym);
  return { idea: ideaView(idea) };
}

export async function deleteIdea(deps: IdeaDeps, actor: ParticipantRecord, { id }: CommandPayload<typeof C.deleteIdea>): Promise<{ id: string }> {
  const { atelier } = await ownIdea(deps, actor, id);
  checkParticipant('idea.deleteOwn', { atelier, now: deps.now() });
  const idea = await deps.storage.deleteIdea(id, deps.now());
  if (idea) await publish(deps, idea, atelier, actor.pseudonym);
  return { id };
}

async function ownIdea(deps: IdeaDeps, actor: ParticipantRecord, id: string): Promise<{ idea: Idea; atelier: Atelier }> {
  const idea = await deps.storage.getIdea(id);
  if (!idea || idea.eventId !== actor.eventId) throw new AppError('UNKNOWN_IDEA', 'id');
  if (!canChangeIdea(actor.id, idea)) throw new AppError('NOT_OWNER', 'id');
  const atelier = await deps.storage.getAtelier(idea.atelierId);
  if (!atelier) throw new AppError('UNKNOWN_ATELIER');
  return { idea, atelier };
}

/** After any change to an idea: the board document, the author's tabs, the facilitators. */
async function publish(deps: IdeaDeps, idea: Idea, atelier: Atelier, author: string): Promise<void> {
  // A group commit resolves a whole burst of inserts in one turn of the event loop: past its
  // slice, the rest of the burst waits for the next turns (limits/loopSlice.ts).
  await yieldIfBusy();
  const slot = (await deps.storage.ideaSlots([idea.id])).get(idea.id);
  await deps.registry.use(idea.boardId, (room) => projectIdea(room, idea, atelier, author, slot));
  deps.broadcast.ideaChanged(idea, modIdeaView(idea, author));
}

/** On load (and when anonymity changes), the document is made to show exactly the stored,
 * visible ideas of its board: the database is the source of truth, the document its projection.
 * A card written while the read is out (another process's post or moderation, arriving through
 * Redis) is newer than what was read: it is left as it is, not taken off as "not stored". */
export async function reconcileBoard(storage: Storage, room: BoardRoom): Promise<void> {
  const { ideas: cards } = boardMaps(room.doc);
  const since = new Set<string>();
  const watch = (event: Y.YMapEvent<unknown>) => event.keysChanged.forEach((key) => since.add(key));
  cards.observe(watch);
  try {
    const atelier = await storage.getAtelierByBoardId(room.boardId);
    if (!atelier) return;
    const ideas = await storage.listBoardIdeas(room.boardId);
    const names = await storage.pseudonyms([...new Set(ideas.map((i) => i.authorId))]);
    const slots = await storage.ideaSlots(ideas.map((i) => i.id));
    const keep = new Set<string>();
    for (const idea of ideas) {
      if (idea.deletedAt === null && idea.status === 'visible') keep.add(idea.id);
      if (!since.has(idea.id)) projectIdea(room, idea, atelier, names.get(idea.authorId) ?? '?', slots.get(idea.id));
    }
    // Also drops entries nobody should have written (the ideas map is server-owned).
    for (const key of [...cards.keys()]) if (!keep.has(key) && !since.has(key)) hideIdeaCard(room.doc, key);
  } finally {
    cards.unobserve(watch);
  }
}

export async function reconcileBoardFor(deps: IdeaDeps, atelier: Atelier): Promise<void> {
  await deps.registry.use(atelier.boardId, (room) => reconcileBoard(deps.storage, room));
}

/** Several ideas of one atelier onto its board in one document transaction (a reveal shows
 * them all in the same instant), then pushed. */
export async function publishAll(deps: IdeaDeps, atelier: Atelier, ideas: Idea[]): Promise<void> {
  if (ideas.length === 0) return;
  const names = await deps.storage.pseudonyms(ideas.map((i) => i.authorId));
  const slots = await deps.storage.ideaSlots(ideas.map((i) => i.id));
  await deps.registry.use(atelier.boardId, (room) =>
    room.doc.transact(() => {
      for (const idea of ideas) projectIdea(room, idea, atelier, names.get(idea.authorId) ?? '?', slots.get(idea.id));
    }, SERVER_ORIGIN),
  );
  for (const idea of ideas) deps.broadcast.ideaChanged(idea, modIdeaView(idea, names.get(idea.authorId) ?? '?'));
}
