import { useTranslation } from 'react-i18next';
import { useOutdated } from '../sync/protocol';

/** Shown on every page once the server runs a newer Semis than this page was built for. */
export function ReloadNotice() {
  const { t } = useTranslation();
  if (!useOutdated()) return null;
  return (
    <div className="reload-notice error" role="alert" data-testid="reload-notice">
      <p>{t('errors.PROTOCOL_MISMATCH')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
