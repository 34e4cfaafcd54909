import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SemisSocket } from '../sync/socket';
import { ErrorMessage } from '../ui/ErrorMessage';
import { DotItem } from './DotItem';
import { RatingItem } from './RatingItem';
import { RatingChart } from './RatingChart';
import { VoteResultsBars } from './VoteResultsBars';
import { useBallot } from './useBallot';
import type { VoteHandle } from './useVote';
import './votes.css';

interface Props {
  socket: SemisSocket | null;
  vote: VoteHandle;
  /** Idea texts by id, from the board document the phone already has (empty for the plenary). */
  ideaText: (id: string) => string | undefined;
  plenary?: boolean;
}

/** The phone's ballot: dots or ratings while the vote is open, then the results when shown. */
export function VoteScreen({ socket, vote, ideaText, plenary = false }: Props) {
  const { t } = useTranslation();
  const ballot = useBallot(socket, vote);
  const titleId = useId();
  const { state } = vote;
  const session = state?.session ?? null;
  const config = session?.config;
  const open = session?.status === 'open';
  const textsOf = (ids: string[]) => (ids.length > 1 || config?.target === 'clusters' ? ids.map(ideaText).filter((x): x is string => !!x) : []);

  return (
    <section className="vote-screen stack" data-testid="vote-screen" data-session-status={session?.status ?? 'none'} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {plenary ? t('votes.screen.plenaryTitle') : config?.mode === 'rating' ? t('votes.screen.ratingTitle') : t('votes.screen.title')}
      </h2>
      <ErrorMessage error={vote.error ?? ballot.error} />
      {!session && <p className="hint">{t('votes.screen.notOpen')}</p>}
      {session && !open && <p className="hint">{t('votes.screen.closed')}</p>}
      {open && config?.mode === 'dots' && (
        <div className="vote-budget" role="status">
          <p>
            <Trans i18nKey="votes.screen.remaining" count={ballot.remaining} components={{ n: <strong data-testid="vote-remaining" /> }} />
          </p>
          <p className="hint">{t('votes.screen.maxPerItem', { count: config.maxPerItem })}</p>
        </div>
      )}
      {open && config?.mode === 'rating' && <p className="hint">{t('votes.screen.ratingIntro')} {t('votes.screen.scale')}</p>}
      {open && state!.items.length === 0 && <p className="hint">{t('votes.screen.noItems')}</p>}
      {session && (open || !state?.results) && (
        <ul className="vote-items">
          {state!.items.map((item) =>
            config?.mode === 'rating' ? (
              <RatingItem key={item.itemId} item={item} texts={textsOf(item.ideaIds)} mine={state!.myRatings[item.itemId]} disabled={!open} onRate={ballot.rate} />
            ) : (
              <DotItem
                key={item.itemId}
                item={item}
                texts={textsOf(item.ideaIds)}
                myDots={ballot.mine[item.itemId] ?? 0}
                maxPerItem={config?.maxPerItem ?? 1}
                refusal={ballot.refusal}
                onClick={ballot.click}
              />
            ),
          )}
        </ul>
      )}
      {open && !state?.results && <p className="hint">{t('votes.screen.waitResults')}</p>}
      {state?.results && (
        <section className="stack" aria-label={t('votes.results.title')}>
          <h3>{open ? t('votes.results.live') : t('votes.results.title')}</h3>
          {config?.mode === 'rating' ? <RatingChart results={state.results} items={state.items} /> : <VoteResultsBars results={state.results} items={state.items} />}
        </section>
      )}
    </section>
  );
}
