import { hideIdeaCard, putIdeaCard, removeIdeaCard, type Atelier, type Idea, type IdeaCard, type IdeaView, type ModIdeaView } from '@semis/shared';
import type { BoardRoom } from '../yjs/room';

/** What the author sees of its idea. */
export function ideaView(i: Idea): IdeaView {
  return {
    id: i.id,
    atelierId: i.atelierId,
    text: i.text,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    deleted: i.deletedAt !== null,
    status: i.status,
    moderated: i.moderatedAt !== null,
  };
}

/** What facilitators see: everything, with the author. */
export function modIdeaView(i: Idea, author: string): ModIdeaView {
  return { ...ideaView(i), authorId: i.authorId, author };
}

/** An idea enters a board document only when visible and not deleted; with anonymity on,
 * the document carries neither the pseudonym nor the author id (so ideas can't be linked). */
/** `slot`: the idea's grid slot from storage, where its sticky lands the first time. */
export function projectIdea(room: BoardRoom, idea: Idea, atelier: Pick<Atelier, 'showAuthors'>, author: string, slot?: number): void {
  if (idea.deletedAt !== null) return removeIdeaCard(room.doc, idea.id);
  if (idea.status !== 'visible') return hideIdeaCard(room.doc, idea.id);
  const card: IdeaCard = {
    id: idea.id,
    text: idea.text,
    authorId: atelier.showAuthors ? idea.authorId : '',
    author: atelier.showAuthors ? author : '',
    createdAt: idea.createdAt,
    updatedAt: idea.updatedAt,
    moderated: idea.moderatedAt !== null,
  };
  putIdeaCard(room.doc, card, slot);
}
