import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { API, MAX_RETENTION_DAYS, retentionInputSchema, type SemisEvent } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import { adminJson } from './download';
import { useRequest } from './useRequest';

/** RGPD: how many days the pseudonyms are kept once the evening is over (services/retention.ts). */
export function Retention({ token, days }: { token: string; days: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(days));
  const [saved, setSaved] = useState(days);
  const [done, setDone] = useState(false);
  const { error, busy, run } = useRequest();
  const parsed = retentionInputSchema.safeParse({ days: value.trim() === '' ? Number.NaN : Number(value) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!parsed.success) return;
    await run(API.adminRetention, adminJson(token, 'PUT', parsed.data), async (res) => {
      setSaved(((await res.json()) as SemisEvent).retentionDays);
      setDone(true);
    });
  };
  return (
    <details>
      <summary>{t('exports.privacy.retentionTitle')}</summary>
      <form className="stack" onSubmit={submit} noValidate>
        <p className="hint" id="retention-hint">{t('exports.privacy.retentionHint')}</p>
        <label className="stack">
          {t('exports.privacy.retentionDays')}
          <input
            className="days-input"
            type="number" inputMode="numeric" min={0} max={MAX_RETENTION_DAYS} step={1} value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setDone(false);
            }} aria-describedby="retention-hint" aria-invalid={!parsed.success || undefined} data-testid="retention-days"
          />
        </label>
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy || !parsed.success || parsed.data.days === saved} data-testid="retention-save">
            {t('exports.privacy.retentionSave')}
          </button>
          {done && <span className="success" role="status">{t('exports.privacy.retentionSaved')}</span>}
        </div>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}
