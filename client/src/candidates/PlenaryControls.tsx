import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C } from '@semis/shared';
import { request, type SemisSocket } from '../sync/socket';
import type { ClientError } from '../sync/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useVote } from '../votes/useVote';
import { VoteResultsBars } from '../votes/VoteResultsBars';
import { RatingChart } from '../votes/RatingChart';

/** The evening's final vote across every candidate: open, close, and its live results. */
export function PlenaryControls({ socket, ready }: { socket: SemisSocket | null; ready: boolean }) {
  const { t } = useTranslation();
  const vote = useVote(socket, { plenary: true }, ready);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const session = vote.state?.session;
  const open = session?.status === 'open';

  const send = async (action: 'open' | 'close') => {
    if (!socket) return;
    if (action === 'close' && !window.confirm(t('votes.plenary.confirmClose'))) return;
    setBusy(true);
    const r = await request(socket, C.plenary, action === 'open' ? { action, config: {} } : { action });
    setBusy(false);
    if (r.ok) vote.setState(r.data);
    setError(r.ok ? null : r.error);
  };

  return (
    <section className="card stack" aria-labelledby="plenary-title" data-testid="plenary" data-status={session?.status ?? 'none'}>
      <h2 id="plenary-title">{t('votes.plenary.title')}</h2>
      <p className="hint">{session ? t(`votes.config.status.${session.status}`) : t('votes.plenary.none')}</p>
      <div className="actions">
        {open ? (
          <button type="button" className="secondary danger" data-testid="plenary-close" disabled={busy || !ready} onClick={() => send('close')}>
            {t('votes.plenary.close')}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="plenary-open" disabled={busy || !ready} onClick={() => send('open')}>
            {t('votes.plenary.open')}
          </button>
        )}
      </div>
      <ErrorMessage error={error ?? vote.error} />
      {vote.state?.results &&
        (session?.config.mode === 'rating' ? (
          <RatingChart results={vote.state.results} items={vote.state.items} />
        ) : (
          <VoteResultsBars results={vote.state.results} items={vote.state.items} />
        ))}
    </section>
  );
}
