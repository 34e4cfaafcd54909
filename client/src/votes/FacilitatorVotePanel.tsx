import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Atelier } from '@semis/shared';
import type { SemisSocket } from '../sync/socket';
import { ErrorMessage } from '../ui/ErrorMessage';
import { PromoteButton } from '../candidates/PromoteButton';
import { useVote } from './useVote';
import { VoteConfigForm } from './VoteConfigForm';
import { VoteResultsBars } from './VoteResultsBars';
import { RatingChart } from './RatingChart';

/**
 * The wall's vote tab: settings, then results as they come in (facilitators always see them).
 * Once the vote is closed each result can be promoted to a project candidate right there: the
 * method's next step, where the facilitator is looking at the winners.
 */
export function FacilitatorVotePanel({ socket, ready, atelier, doc, onPromote }: { socket: SemisSocket | null; ready: boolean; atelier: Atelier; doc: Y.Doc | null; onPromote?: (itemId: string) => void }) {
  const { t } = useTranslation();
  const vote = useVote(socket, { atelierId: atelier.id }, ready);
  const session = vote.state?.session ?? null;
  const results = vote.state?.results ?? null;
  const action = onPromote && session?.status === 'closed' ? (itemId: string) => <PromoteButton itemId={itemId} onPromote={onPromote} /> : undefined;
  return (
    <div className="stack" data-testid="vote-panel" data-session-status={session?.status ?? 'none'}>
      <p className="vote-status">
        <strong>{t(`votes.config.status.${session?.status ?? 'none'}`)}</strong>
      </p>
      <ErrorMessage error={vote.error} />
      {results && vote.state && (
        <section className="stack">
          <h3>{session?.status === 'open' ? t('votes.results.live') : t('votes.results.title')}</h3>
          {session?.config.mode === 'rating' ? <RatingChart results={results} items={vote.state.items} action={action} /> : <VoteResultsBars results={results} items={vote.state.items} action={action} />}
        </section>
      )}
      <VoteConfigForm socket={socket} atelier={atelier} voteOpen={session?.status === 'open'} doc={doc} />
    </div>
  );
}
