import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SemisSocket } from '../sync/socket';
import { useVote } from './useVote';
import { VoteScreen } from './VoteScreen';
import './votes.css';

const noText = () => undefined;

/** On every phone screen, whatever the atelier's phase: the evening's final vote on the
 * project candidates, announced when the facilitators open it (vote:changed, atelierId null). */
export function PlenaryBanner({ socket, joined }: { socket: SemisSocket | null; joined: boolean }) {
  const { t } = useTranslation();
  const vote = useVote(socket, { plenary: true }, joined);
  const [expanded, setExpanded] = useState(false);
  const session = vote.state?.session;
  if (!session) return null;
  const open = session.status === 'open';
  return (
    <section className={open ? 'plenary-banner open' : 'plenary-banner'} data-testid="plenary-banner" data-status={session.status}>
      <div className="plenary-head">
        <strong role="status">{open ? t('votes.plenary.banner') : t('votes.plenary.bannerClosed')}</strong>
        <button type="button" className={open ? 'primary' : 'secondary'} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('votes.plenary.hide') : open ? t('votes.plenary.vote') : t('votes.results.title')}
        </button>
      </div>
      {expanded && <VoteScreen socket={socket} vote={vote} ideaText={noText} plenary />}
    </section>
  );
}
