import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { applyUpdate, subscribeUpdate, updateReady } from '../sync/serviceWorker';

/** A new version never reloads the page by itself (someone may be typing): it says so, and
 * one tap takes it. The outbox is in local storage, so nothing typed and sent is lost. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const ready = useSyncExternalStore(subscribeUpdate, updateReady);
  if (!ready) return null;
  return (
    <div className="update-banner" role="status" data-testid="update-banner">
      <span>{t('participant.updateReady')}</span>
      <button type="button" className="primary" onClick={() => void applyUpdate()}>
        {t('participant.update')}
      </button>
    </div>
  );
}
