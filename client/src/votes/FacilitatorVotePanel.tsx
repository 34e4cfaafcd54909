import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Atelier } from '@semis/shared';
import type { SemisSocket } from '../sync/socket';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useVote } from './useVote';
import { VoteConfigForm } from './VoteConfigForm';
import { VoteResultsBars } from './VoteResultsBars';
import { RatingChart } from './RatingChart';

/** The wall's vote tab: settings, then results as they come in (facilitators always see them). */
export function FacilitatorVotePanel({ socket, ready, atelier, doc }: { socket: SemisSocket | null; ready: boolean; atelier: Atelier; doc: Y.Doc | null }) {
  const { t } = useTranslation();
  const vote = useVote(socket, { atelierId: atelier.id }, ready);
  const session = vote.state?.session ?? null;
  const results = vote.state?.results ?? null;
  return (
    <div className="stack" data-testid="vote-panel" data-session-status={session?.status ?? 'none'}>
      <p className="vote-status">
        <strong>{t(`votes.config.status.${session?.status ?? 'none'}`)}</strong>
      </p>
      <ErrorMessage error={vote.error} />
      {results && vote.state && (
        <section className="stack">
          <h3>{session?.status === 'open' ? t('votes.results.live') : t('votes.results.title')}</h3>
          {session?.config.mode === 'rating' ? <RatingChart results={results} items={vote.state.items} /> : <VoteResultsBars results={results} items={vote.state.items} />}
        </section>
      )}
      <VoteConfigForm socket={socket} atelier={atelier} voteOpen={session?.status === 'open'} doc={doc} />
    </div>
  );
}
