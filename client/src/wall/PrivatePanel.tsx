import { useTranslation } from 'react-i18next';
import type { FacilitatorSession, FacilitatorState } from '../sync/facilitatorSession';
import { useModIdeas } from '../sync/useFacilitatorSession';
import { ModIdeaItem } from '../facilitator/moderation/ModIdeaItem';

/** Private and pending ideas are not in the board document (only visible ones are): the
 * facilitator sees them here, beside the wall — never on the projector. */
export function PrivatePanel({ session, state, atelierId }: { session: FacilitatorSession | null; state: FacilitatorState; atelierId: string }) {
  const { t } = useTranslation();
  const ideas = useModIdeas(session, state, atelierId);
  const shown = [...(ideas?.values() ?? [])]
    .filter((i) => !i.deleted && (i.status === 'private' || i.status === 'pending'))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <aside className="private-panel" data-testid="private-panel" aria-labelledby="private-panel-title">
      <h2 id="private-panel-title">
        {t('wall.privatePanel')} <span className="count">{shown.length}</span>
      </h2>
      <p className="hint">{t('wall.privateHint')}</p>
      {shown.length === 0 ? (
        <p className="hint">{t('wall.privateEmpty')}</p>
      ) : (
        <ul className="mod-ideas">
          {shown.map((i) => (
            <ModIdeaItem key={i.id} session={session} idea={i} testId="private-idea" compact />
          ))}
        </ul>
      )}
    </aside>
  );
}
