import { useTranslation } from 'react-i18next';
import type { VoteItem } from '@semis/shared';

/** Under a plenary candidate: the need it answers and the atelier it comes from. */
export function VoteItemContext({ item }: { item: VoteItem }) {
  const { t } = useTranslation();
  if (!item.context) return null;
  return (
    <p className="vote-item-context" data-testid="vote-item-context">
      {item.context.besoin && <span>{t('votes.plenary.besoin', { besoin: item.context.besoin })}</span>}
      {item.context.atelier && <span className="hint">{t('votes.plenary.fromAtelier', { atelier: item.context.atelier })}</span>}
    </p>
  );
}
