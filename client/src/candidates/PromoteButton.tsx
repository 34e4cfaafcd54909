import { useTranslation } from 'react-i18next';

/** "Promouvoir en projet candidat" on a cluster or an idea of the wall. */
export function PromoteButton({ itemId, onPromote, disabled }: { itemId: string; onPromote: (itemId: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="secondary small" data-testid="promote-item" data-item-id={itemId} disabled={disabled} onClick={() => onPromote(itemId)}>
      ★ {t('votes.candidates.promote')}
    </button>
  );
}
