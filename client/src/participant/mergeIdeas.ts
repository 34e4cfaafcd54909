import type { IdeaCard, IdeaView } from '@semis/shared';
import type { OutboxItem } from '../sync/outbox';

export interface ShownIdea {
  id: string;
  text: string;
  author: string;
  createdAt: string;
  mine: boolean;
  pending: boolean;
}

interface Input {
  atelierId: string;
  cards: readonly IdeaCard[];
  /** Server acknowledgements (posts, edits, deletes) the board document may not show yet. */
  views: ReadonlyMap<string, IdeaView>;
  pending: readonly OutboxItem[];
  /** Ids the document has contained at some point: once gone from it, they are gone for good. */
  seenInDoc: ReadonlySet<string>;
  me: { id: string; pseudonym: string } | null;
}

/** One list from three sources, newest first, each idea once. The document wins unless a
 * fresher acknowledgement says otherwise (an edit acked before the document caught up). */
export function mergeIdeas({ atelierId, cards, views, pending, seenInDoc, me }: Input): ShownIdea[] {
  const out = new Map<string, ShownIdea>();
  for (const c of cards) {
    const v = views.get(c.id);
    if (v?.deleted) continue;
    const text = v && v.updatedAt > c.updatedAt ? v.text : c.text;
    out.set(c.id, { id: c.id, text, author: c.author, createdAt: c.createdAt, mine: !!me && c.authorId === me.id, pending: false });
  }
  for (const v of views.values()) {
    if (out.has(v.id) || v.deleted || v.atelierId !== atelierId || seenInDoc.has(v.id)) continue;
    out.set(v.id, { id: v.id, text: v.text, author: me?.pseudonym ?? '', createdAt: v.createdAt, mine: true, pending: false });
  }
  for (const p of pending) {
    if (p.atelierId !== atelierId || out.has(p.id)) continue;
    out.set(p.id, { id: p.id, text: p.text, author: me?.pseudonym ?? '', createdAt: p.createdAt, mine: true, pending: true });
  }
  return [...out.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
