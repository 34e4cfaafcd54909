import { useCallback, useMemo } from 'react';
import type * as Y from 'yjs';
import { phaseIndex, type Atelier, type IdeaCard } from '@semis/shared';
import type { SemisSocket } from '../sync/socket';
import { useClusters } from '../clusters/useClusters';
import { PhoneClusterList } from '../clusters/PhoneClusterList';
import { useVote } from './useVote';
import { VoteScreen } from './VoteScreen';

interface Props {
  atelier: Atelier;
  doc: Y.Doc | null;
  cards: IdeaCard[];
  socket: SemisSocket | null;
  joined: boolean;
}

/** What a phone shows of clusters and votes, by phase: the clusters from regroupement on, the
 * ballot during the vote, and the results after it (when a vote took place). */
export function AtelierVotePanel({ atelier, doc, cards, socket, joined }: Props) {
  // The phone's session keeps `atelier` live from atelier:state pushes.
  const live = atelier;
  const { clusters } = useClusters(doc);
  const vote = useVote(socket, { atelierId: atelier.id }, joined);
  const texts = useMemo(() => new Map(cards.map((c) => [c.id, c.text])), [cards]);
  const ideaText = useCallback((id: string) => texts.get(id), [texts]);
  const after = (p: Atelier['phase']) => phaseIndex(live.phase) >= phaseIndex(p);

  const showVote = live.phase === 'vote' || (after('vote') && !!vote.state?.session);
  return (
    <>
      {showVote && <VoteScreen socket={socket} vote={vote} ideaText={ideaText} />}
      {after('regroupement') && live.phase !== 'vote' && <PhoneClusterList clusters={clusters} ideaText={ideaText} />}
    </>
  );
}
