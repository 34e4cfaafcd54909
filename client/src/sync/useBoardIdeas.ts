import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { boardMaps, readIdeaCards, readPosition, type IdeaCard, type Position } from '@semis/shared';

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

/** The ideas and sticky positions of a board, re-read whenever the document changes. */
export function useBoardIdeas(doc: Y.Doc | null): BoardIdeas {
  const [state, setState] = useState<BoardIdeas>(EMPTY);

  useEffect(() => {
    if (!doc) {
      setState(EMPTY);
      return;
    }
    const { ideas, layout } = boardMaps(doc);
    // A sync can carry hundreds of updates; re-reading at most every ~frame keeps phones
    // responsive. A timer rather than requestAnimationFrame: rAF stops in hidden tabs, and a
    // wall left in a background tab must still be current when brought back.
    let frame: ReturnType<typeof setTimeout> | 0 = 0;
    const schedule = () => {
      if (frame) return;
      frame = setTimeout(() => {
        frame = 0;
        setState(read(doc));
      }, 16);
    };
    setState(read(doc));
    ideas.observeDeep(schedule);
    layout.observeDeep(schedule);
    return () => {
      ideas.unobserveDeep(schedule);
      layout.unobserveDeep(schedule);
      if (frame) clearTimeout(frame);
    };
  }, [doc]);

  return state;
}
