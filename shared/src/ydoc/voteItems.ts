import type * as Y from 'yjs';
import type { VoteConfig, VoteItem } from '../schema/vote';
import { readIdeaCards } from './board';
import { foldedInto, readClusters } from './clusters';
import { clusterTitle } from '../grouping/title';

/** Exported from `@semis/shared/grouping`: cluster titles need the lexicon, which phones never load. */
export type BoardVoteItem = Omit<VoteItem, 'sessionId' | 'withdrawn'>;

export interface BoardVoteItems {
  items: BoardVoteItem[];
  /** Ideas that will not be voted on: outside every cluster in a cluster vote, unless included. */
  left: string[];
}

/**
 * What an atelier votes on, read from its board (validated entries only). The server freezes
 * it when the vote opens; the wall shows the facilitator the same list before opening, so ideas
 * outside every cluster are never dropped silently.
 */
export function voteItemsFromBoard(doc: Y.Doc, config: Pick<VoteConfig, 'target' | 'includeUnclustered'>): BoardVoteItems {
  const cards = readIdeaCards(doc);
  const visible = new Set(cards.map((c) => c.id));
  // A near-duplicate folded into another idea is not voted on separately.
  const alone = (ids: string[]) => ids.filter((id) => foldedInto(doc, id, visible) === null);
  const text = new Map(cards.map((c) => [c.id, c.text]));
  const single = (id: string, position: number): BoardVoteItem => ({ itemId: id, title: text.get(id) ?? '', ideaIds: [id], position });
  if (config.target === 'ideas') return { items: alone(cards.map((c) => c.id)).map(single), left: [] };
  const clusters = readClusters(doc).filter((c) => c.ideaIds.length > 0);
  const grouped = new Set(clusters.flatMap((c) => c.ideaIds));
  const outside = alone(cards.map((c) => c.id).filter((id) => !grouped.has(id)));
  const items = clusters.map((c, position) => ({ itemId: c.id, title: clusterTitle(c, (id) => text.get(id)), ideaIds: c.ideaIds, position }));
  if (!config.includeUnclustered) return { items, left: outside };
  return { items: [...items, ...outside.map((id, i) => single(id, items.length + i))], left: [] };
}
