import type { IdeaCard, IdeaStatus, IdeaView } from '@semis/shared';
import type { OutboxItem } from '../sync/outbox';

export interface ShownIdea {
  id: string;
  text: string;
  author: string;
  createdAt: string;
  mine: boolean;
  /** Typed here, not acknowledged by the server yet (outbox). */
  pending: boolean;
  /** Who sees it: everyone (visible), or only its author and the facilitators. */
  status: IdeaStatus;
  /** Edited by the facilitators. */
  moderated: boolean;
}

interface Input {
  atelierId: string;
  cards: readonly IdeaCard[];
  /** The server's word on this phone's own ideas (acks, idea:mine, idea:changed): the board
   * document may lag behind it, and with anonymity its cards don't say whose they are. */
  views: ReadonlyMap<string, IdeaView>;
  pending: readonly OutboxItem[];
  /** Ids the document has contained at some point: a visible idea gone from it is gone. */
  seenInDoc: ReadonlySet<string>;
  me: { id: string; pseudonym: string } | null;
  /** Where a new idea will land given the atelier's modes (shown on outbox items). */
  draftStatus: IdeaStatus;
}

/** One list from three sources, newest first, each idea once. The document wins unless a
 * fresher acknowledgement says otherwise (an edit acked before the document caught up). */
export function mergeIdeas({ atelierId, cards, views, pending, seenInDoc, me, draftStatus }: Input): ShownIdea[] {
  const out = new Map<string, ShownIdea>();
  for (const c of cards) {
    const v = views.get(c.id);
    if (v?.deleted) continue;
    const fresher = v && v.updatedAt > c.updatedAt;
    const mine = !!v || (!!me && c.authorId !== '' && c.authorId === me.id);
    out.set(c.id, {
      id: c.id,
      text: fresher ? v.text : c.text,
      author: c.author,
      createdAt: c.createdAt,
      mine,
      pending: false,
      // The document holds visible ideas only; a fresher view may already say it left.
      status: fresher && v.status !== 'visible' ? v.status : 'visible',
      moderated: fresher ? v.moderated : !!c.moderated,
    });
  }
  for (const v of views.values()) {
    if (out.has(v.id) || v.deleted || v.atelierId !== atelierId) continue;
    // A visible idea the document dropped was deleted elsewhere; private/pending/hidden ones
    // never enter it, so only this phone (and the facilitators) can show them.
    if (v.status === 'visible' && seenInDoc.has(v.id)) continue;
    out.set(v.id, { id: v.id, text: v.text, author: me?.pseudonym ?? '', createdAt: v.createdAt, mine: true, pending: false, status: v.status, moderated: v.moderated });
  }
  for (const p of pending) {
    if (p.atelierId !== atelierId || out.has(p.id)) continue;
    out.set(p.id, { id: p.id, text: p.text, author: me?.pseudonym ?? '', createdAt: p.createdAt, mine: true, pending: true, status: draftStatus, moderated: false });
  }
  return [...out.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
