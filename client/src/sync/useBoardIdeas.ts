import type * as Y from 'yjs';
import { boardMaps, readIdeaCards, readPosition, type IdeaCard, type Position } from '@semis/shared';
import { useDocReader } from './useDocReader';

export interface BoardIdeas {
  /** Oldest first, as readIdeaCards returns them. */
  cards: IdeaCard[];
  positions: ReadonlyMap<string, Position>;
}

const EMPTY: BoardIdeas = { cards: [], positions: new Map() };

function read(doc: Y.Doc): BoardIdeas {
  const cards = readIdeaCards(doc);
  const positions = new Map<string, Position>();
  for (const c of cards) {
    const p = readPosition(doc, c.id);
    if (p) positions.set(c.id, p);
  }
  return { cards, positions };
}

const watched = (doc: Y.Doc) => {
  const { ideas, layout } = boardMaps(doc);
  return [ideas, layout];
};

/** The ideas and sticky positions of a board, re-read whenever the document changes. */
export function useBoardIdeas(doc: Y.Doc | null): BoardIdeas {
  return useDocReader(doc, EMPTY, read, watched, true);
}
