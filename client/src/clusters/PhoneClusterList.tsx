import { useTranslation } from 'react-i18next';
import type { ClusterView } from '@semis/shared';
import { useCountText } from './useCountText';
import './clusters.css';

/** Clusters on a phone: plain HTML, one <details> per cluster so the list stays short. */
export function PhoneClusterList({ clusters, ideaText }: { clusters: ClusterView[]; ideaText: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const count = useCountText();
  const shown = clusters.filter((c) => c.ideaIds.length > 0);
  return (
    <section className="stack" aria-labelledby="clusters-title">
      <h2 id="clusters-title">{t('votes.phone.clustersTitle')}</h2>
      {shown.length === 0 ? (
        <p className="hint">{t('votes.phone.noClusters')}</p>
      ) : (
        <ul className="phone-clusters" data-testid="cluster-list">
          {shown.map((c) => (
            <li key={c.id} data-testid="cluster-list-item" data-cluster-id={c.id}>
              <details>
                <summary>
                  <strong>{c.title || '…'}</strong> <span className="hint">{count(c)}</span>
                </summary>
                <ul aria-label={t('votes.phone.ideasOf', { title: c.title })}>
                  {c.ideaIds.map((id) => (
                    <li key={id}>{ideaText(id)}</li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
