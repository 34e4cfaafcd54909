import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { MAX_UNITS_PER_GRAPHEME, PSEUDONYM_MAX } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import type { ClientError } from '../sync/errors';
import type { Outcome } from '../sync/useParticipantSession';

/** What is kept and for how long, in one sentence (RGPD); the generic one for an event cached
 * before servers told the retention. */
function privacyNotice(t: TFunction, days: number | undefined): string {
  if (days === undefined) return t('exports.privacy.joinNotice');
  return days === 0 ? t('exports.privacy.joinRetentionNow') : t('exports.privacy.joinRetention', { count: days });
}

export function JoinForm({ eventName, retentionDays, onJoin }: { eventName: string | null; retentionDays?: number; onJoin: (pseudonym: string) => Promise<Outcome> }) {
  const { t } = useTranslation();
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await onJoin(pseudonym);
    setBusy(false);
    setError(r.ok ? null : r.error);
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <p className="eyebrow">{t('participant.welcome')}</p>
      {eventName && <h1>{eventName}</h1>}
      <p>{t('participant.joinIntro')}</p>
      <label htmlFor="pseudonym">{t('participant.pseudonym')}</label>
      <input
        id="pseudonym"
        data-testid="pseudonym-input"
        value={pseudonym}
        onChange={(e) => setPseudonym(e.target.value)}
        maxLength={PSEUDONYM_MAX * MAX_UNITS_PER_GRAPHEME}
        autoComplete="nickname"
        placeholder={t('participant.pseudonymPlaceholder')}
        aria-invalid={!!error || undefined}
      />
      <ErrorMessage error={error} />
      <button type="submit" className="primary big" data-testid="join-submit" disabled={busy}>
        {busy ? t('participant.joining') : t('participant.join')}
      </button>
      <p className="hint" data-testid="privacy-notice">{privacyNotice(t, retentionDays)}</p>
    </form>
  );
}
