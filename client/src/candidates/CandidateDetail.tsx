import { useCallback, useMemo } from 'react';
import type { Atelier, Candidate } from '@semis/shared';
import type { SemisSocket } from '../sync/socket';
import { useBoardDoc } from '../sync/useBoardDoc';
import { useBoardIdeas } from '../sync/useBoardIdeas';
import { CandidateCard } from './CandidateCard';

/** A card opened from the portfolio: its atelier's board is opened read-only for the ideas' texts. */
export function CandidateDetail({ socket, token, atelier, candidate, onSaved }: { socket: SemisSocket | null; token: string; atelier: Atelier | undefined; candidate: Candidate; onSaved: (c: Candidate) => void }) {
  const board = useBoardDoc(atelier?.boardId ?? null, token, { readOnly: true });
  const { cards } = useBoardIdeas(board.doc);
  const texts = useMemo(() => new Map(cards.map((c) => [c.id, c.text])), [cards]);
  const ideaText = useCallback((id: string) => texts.get(id), [texts]);
  return <CandidateCard socket={socket} candidate={candidate} ideaText={ideaText} onSaved={onSaved} />;
}
