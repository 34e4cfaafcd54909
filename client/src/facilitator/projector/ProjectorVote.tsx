import { useTranslation } from 'react-i18next';
import { resultsVisible } from '@semis/shared';
import type { VoteHandle } from '../../votes/useVote';
import { VoteResultsBars } from '../../votes/VoteResultsBars';
import { RatingChart } from '../../votes/RatingChart';

/**
 * A vote as the room sees it: who has voted out of who is there, then the results — only once
 * the participants may see them (live, or after the close): the projector's facilitator
 * connection receives them all along, and must not show them early.
 */
export function ProjectorVote({ vote, connected, title }: { vote: VoteHandle; connected: number; title?: string }) {
  const { t } = useTranslation();
  const state = vote.state;
  const session = state?.session ?? null;
  if (!state || !session) return <p className="room-empty" data-testid="projector-vote" data-status="none">{t('room.vote.none')}</p>;
  const open = session.status === 'open';
  const voted = state.results?.participants ?? 0;
  const visible = resultsVisible(session.config, session.status) && !!state.results;
  const items = state.items.filter((i) => !i.withdrawn);
  return (
    <section className="projector-vote" data-testid="projector-vote" data-status={session.status} data-mode={session.config.mode} data-results={visible ? 'visible' : 'hidden'}>
      <header className="projector-vote-head">
        {title && <h2>{title}</h2>}
        <p className={open ? 'vote-badge open' : 'vote-badge'}>{open ? t('room.vote.open') : t('room.vote.closed')}</p>
        <p className="vote-progress" data-testid="projector-vote-progress" data-voted={voted} data-connected={connected} role="status">
          <strong>{t('room.vote.voted', { count: voted })}</strong> {t('room.vote.onConnected', { count: connected })}
        </p>
        <meter className="vote-meter" min={0} max={Math.max(1, connected)} value={Math.min(voted, Math.max(1, connected))} aria-hidden="true" />
      </header>
      {visible ? (
        <div className="projector-vote-results">
          <h3 className="visually-hidden">{open ? t('room.vote.live') : t('room.vote.results')}</h3>
          {session.config.mode === 'rating' ? <RatingChart results={state.results!} items={items} big /> : <VoteResultsBars results={state.results!} items={items} big />}
        </div>
      ) : (
        <>
          <p className="vote-hidden-note">{t('room.vote.hidden')}</p>
          <ol className="vote-ballot" data-testid="projector-ballot">
            {items.map((i) => (
              <li key={i.itemId}>
                {i.title}
                {i.context && <span className="result-context"> — {t('votes.plenary.fromAtelier', { atelier: i.context.atelier })}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
