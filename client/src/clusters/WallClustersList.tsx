import { useTranslation } from 'react-i18next';
import type { ClusterView } from '@semis/shared';
import { useCountText } from './useCountText';

/** The wall's clusters as text, beside WallIdeasList: a canvas says nothing to a screen reader
 * (and the e2e tests read clusters here rather than from pixels). */
export function WallClustersList({ clusters }: { clusters: ClusterView[] }) {
  const { t } = useTranslation();
  const count = useCountText();
  return (
    <ul className="visually-hidden" aria-label={t('votes.clusters.listLabel')} data-testid="wall-clusters">
      {clusters.map((c) => (
        <li key={c.id} data-testid="wall-cluster" data-cluster-id={c.id} data-idea-count={c.ideaIds.length}>
          {c.title} — {count(c)}
        </li>
      ))}
    </ul>
  );
}
