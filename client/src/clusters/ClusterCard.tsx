import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { deleteCluster, markDuplicate, renameCluster, setIdeaCluster, type ClusterView } from '@semis/shared';
import { PromoteButton } from '../candidates/PromoteButton';
import { clusterIdeas, mergeInto, type WallState } from './actions';
import { ClusterIdeaRow } from './ClusterIdeaRow';
import { frameColour } from './ClusterFrame';
import { useCountText } from './useCountText';

interface Props {
  doc: Y.Doc;
  wall: WallState;
  cluster: ClusterView;
  others: ClusterView[];
  text: (id: string) => string;
  merged: ReadonlyMap<string, string>;
  editable: boolean;
  onPromote: (itemId: string) => void;
}

/** A cluster in the side panel: the keyboard way to everything the canvas does by dragging. */
export function ClusterCard({ doc, wall, cluster, others, text, merged, editable, onPromote }: Props) {
  const { t } = useTranslation();
  const count = useCountText();
  const [title, setTitle] = useState(cluster.title);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [prevTitle, setPrevTitle] = useState(cluster.title);
  if (prevTitle !== cluster.title) {
    // Renamed elsewhere (the canvas, another facilitator): show it.
    setPrevTitle(cluster.title);
    setTitle(cluster.title);
  }
  const rename = () => title.trim() && title.trim() !== cluster.title && renameCluster(doc, cluster.id, title.trim());
  const select = (id: string, on: boolean) => setSelected((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));
  const split = () => {
    clusterIdeas(doc, wall, [{ ideaIds: cluster.ideaIds.filter((id) => selected.has(id)) }]);
    setSelected(new Set());
  };
  const remove = () => window.confirm(t('votes.clusters.confirmDelete', { title: cluster.title })) && deleteCluster(doc, cluster.id);
  const siblingsOf = (id: string) => cluster.ideaIds.filter((x) => x !== id && merged.get(x) !== id).map((x) => ({ id: x, text: text(x) }));

  return (
    <li className="cluster-card" style={{ borderLeftColor: frameColour(cluster.id) }} data-cluster-id={cluster.id}>
      <form
        className="cluster-card-head"
        onSubmit={(e) => {
          e.preventDefault();
          rename();
        }}
      >
        <input aria-label={t('votes.clusters.renameLabel')} value={title} maxLength={120} disabled={!editable} onChange={(e) => setTitle(e.target.value)} onBlur={rename} />
      </form>
      <details>
        <summary>{count(cluster)}</summary>
        <ul className="cluster-ideas">
          {cluster.ideaIds.map((id) => (
            <ClusterIdeaRow
              key={id}
              id={id}
              text={text(id)}
              siblings={siblingsOf(id)}
              duplicateOf={merged.get(id) ?? null}
              selected={selected.has(id)}
              editable={editable}
              onSelect={select}
              onDuplicate={(idea, canonical) => markDuplicate(doc, idea, canonical)}
              onLeave={(idea) => setIdeaCluster(doc, idea, null)}
              promote={<PromoteButton itemId={id} onPromote={onPromote} />}
            />
          ))}
        </ul>
        {selected.size > 0 && (
          <button type="button" className="secondary small" disabled={!editable} onClick={split}>
            {t('votes.clusters.split')} ({selected.size})
          </button>
        )}
      </details>
      <div className="actions">
        <PromoteButton itemId={cluster.id} onPromote={onPromote} />
        {others.length > 0 && (
          <select
            aria-label={t('votes.clusters.mergeLabel', { title: cluster.title })}
            value=""
            disabled={!editable}
            onChange={(e) => e.target.value && mergeInto(doc, wall, e.target.value, cluster.id)}
          >
            <option value="">{t('votes.clusters.mergeInto')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title || '…'}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="link danger" disabled={!editable} onClick={remove}>
          {t('votes.clusters.delete')}
        </button>
      </div>
    </li>
  );
}
