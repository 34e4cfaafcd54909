import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ClusterView } from '@semis/shared';
import { PromoteButton } from '../candidates/PromoteButton';
import type { WallState } from './actions';
import { ClusterCard } from './ClusterCard';

interface Props {
  doc: Y.Doc;
  wall: WallState;
  clusters: ClusterView[];
  merged: ReadonlyMap<string, string>;
  editable: boolean;
  onPromote: (itemId: string) => void;
}

export function ClusterPanel({ doc, wall, clusters, merged, editable, onPromote }: Props) {
  const { t } = useTranslation();
  const texts = new Map(wall.cards.map((c) => [c.id, c.text]));
  const text = (id: string) => texts.get(id) ?? '';
  const inCluster = new Set(clusters.flatMap((c) => c.ideaIds));
  const free = wall.cards.filter((c) => !inCluster.has(c.id));
  return (
    <div className="stack">
      <p className="hint">{editable ? t('votes.clusters.dragHint') : t('votes.clusters.readOnly')}</p>
      {clusters.length === 0 ? (
        <p className="hint">{t('votes.clusters.none')}</p>
      ) : (
        <ul className="cluster-cards">
          {clusters.map((c) => (
            <ClusterCard
              key={c.id}
              doc={doc}
              wall={wall}
              cluster={c}
              others={clusters.filter((o) => o.id !== c.id)}
              text={text}
              merged={merged}
              editable={editable}
              onPromote={onPromote}
            />
          ))}
        </ul>
      )}
      {free.length > 0 && (
        <details>
          <summary>
            {t('votes.clusters.unclustered')} ({free.length})
          </summary>
          <ul className="free-ideas">
            {free.map((c) => (
              <li key={c.id}>
                <span>{c.text}</span>
                <PromoteButton itemId={c.id} onPromote={onPromote} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
