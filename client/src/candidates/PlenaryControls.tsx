import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { C, DEFAULT_VOTE_CONFIG } from '@semis/shared';
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
  // Budget and cap of the final vote, sent when it opens (kept from the last session).
  const [budget, setBudget] = useState<{ dotsPerParticipant: number; maxPerItem: number } | null>(null);
  const shown = budget ?? { dotsPerParticipant: session?.config.dotsPerParticipant ?? DEFAULT_VOTE_CONFIG.dotsPerParticipant, maxPerItem: session?.config.maxPerItem ?? DEFAULT_VOTE_CONFIG.maxPerItem };
  const number = (key: 'dotsPerParticipant' | 'maxPerItem') => ({
    type: 'number',
    min: 1,
    max: 50,
    value: shown[key],
    disabled: open,
    onChange: (e: { target: { value: string } }) => setBudget({ ...shown, [key]: Math.max(1, Math.min(50, Number(e.target.value) || 1)) }),
  });

  const send = async (action: 'open' | 'close') => {
    if (!socket) return;
    if (action === 'close' && !window.confirm(t('votes.plenary.confirmClose'))) return;
    setBusy(true);
    const r = await request(socket, C.plenary, action === 'open' ? { action, config: budget ?? {} } : { action });
    setBusy(false);
    if (r.ok) vote.setState(r.data);
    setError(r.ok ? null : r.error);
  };

  return (
    <section className="card stack" aria-labelledby="plenary-title" data-testid="plenary" data-status={session?.status ?? 'none'}>
      <h2 id="plenary-title">{t('votes.plenary.title')}</h2>
      <p className="hint">{session ? t(`votes.config.status.${session.status}`) : t('votes.plenary.none')}</p>
      <fieldset className="plenary-settings">
        <legend>{t('votes.plenary.settings')}</legend>
        <label className="field inline">
          {t('votes.config.dots')}
          <input data-testid="plenary-dots" {...number('dotsPerParticipant')} />
        </label>
        <label className="field inline">
          {t('votes.config.max')}
          <input data-testid="plenary-max" {...number('maxPerItem')} />
        </label>
        {open && <p className="hint">{t('votes.plenary.lockedWhileOpen')}</p>}
      </fieldset>
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
