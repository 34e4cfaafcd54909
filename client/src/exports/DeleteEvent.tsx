import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API } from '@semis/shared';
import { ErrorMessage } from '../ui/ErrorMessage';
import { storage, ADMIN_TOKEN_KEY } from '../sync/storage';
import { navigate } from '../router';
import { adminJson } from './download';
import { useRequest } from './useRequest';

/** RGPD: the event erased for good, once its code is typed again. */
export function DeleteEvent({ token, joinCode }: { token: string; joinCode: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const { error, busy, run } = useRequest();
  const remove = () =>
    run(API.adminEvent, adminJson(token, 'DELETE', { confirm: code }), () => {
      storage.remove(ADMIN_TOKEN_KEY);
      navigate('/');
    });
  return (
    <details className="danger-zone">
      <summary>{t('exports.privacy.deleteTitle')}</summary>
      <div className="stack">
        <p className="hint">{t('exports.privacy.deleteHint', { code: joinCode })}</p>
        <label className="stack">
          {t('exports.privacy.deleteCode')}
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" data-testid="delete-code" />
        </label>
        <div className="actions">
          <button type="button" className="danger" disabled={busy || code.trim().toUpperCase() !== joinCode} onClick={() => void remove()} data-testid="delete-event">
            {t('exports.privacy.deleteButton')}
          </button>
        </div>
        <ErrorMessage error={error} />
      </div>
    </details>
  );
}
