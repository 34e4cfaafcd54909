import { useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type Konva from 'konva';
import type { ClusterView } from '@semis/shared';
import { useStageTransform, type StageTransform } from './useStageTransform';
import type { PlacedCluster } from './geometry';
import { useCountText } from './useCountText';

interface Props {
  stage: Konva.Stage | null;
  placed: PlacedCluster[];
  editable: boolean;
  onRename: (clusterId: string, title: string) => void;
  /** Also told about every pan and zoom (the wall publishes it for tests). */
  onTransform?: (t: StageTransform) => void;
}

/**
 * Cluster titles as HTML over the canvas, in canvas units: one container carries the stage's
 * transform, so each box sits exactly on its Konva frame and the browser moves them all with one
 * style write. Boxes let pointer events through to the canvas; only the titles catch them.
 */
export function ClusterLabels({ stage, placed, editable, onRename, onTransform }: Props) {
  const layer = useRef<HTMLDivElement>(null);
  useStageTransform(stage, (t) => {
    if (layer.current) layer.current.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.scale})`;
    onTransform?.(t);
  });
  if (!stage) return null;
  return createPortal(
    <div className="cluster-labels" ref={layer}>
      {placed.map(({ cluster, box }) => (
        <div
          key={cluster.id}
          className="cluster-box"
          data-testid="cluster-frame"
          data-cluster-id={cluster.id}
          data-idea-count={cluster.ideaIds.length}
          style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
        >
          <ClusterTitle cluster={cluster} editable={editable} onRename={onRename} />
        </div>
      ))}
    </div>,
    stage.container(),
  );
}

function ClusterTitle({ cluster, editable, onRename }: { cluster: ClusterView; editable: boolean; onRename: Props['onRename'] }) {
  const { t } = useTranslation();
  const count = useCountText();
  const [editing, setEditing] = useState(false);
  const commit = (e?: FormEvent, value?: string) => {
    e?.preventDefault();
    setEditing(false);
    const title = (value ?? '').trim();
    if (title && title !== cluster.title) onRename(cluster.id, title);
  };
  if (editing) {
    return (
      <form className="cluster-rename" onSubmit={(e) => commit(e, new FormData(e.currentTarget).get('title') as string)}>
        <input
          name="title"
          aria-label={t('votes.clusters.renameLabel')}
          defaultValue={cluster.title}
          maxLength={120}
          autoFocus
          onBlur={(e) => commit(undefined, e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
        />
      </form>
    );
  }
  return (
    <p className="cluster-head">
      <span
        className="cluster-title"
        data-testid="cluster-title"
        title={editable ? t('votes.clusters.renameHint') : undefined}
        onDoubleClick={() => editable && setEditing(true)}
      >
        {cluster.title || '…'}
      </span>
      <span className="cluster-count">{count(cluster)}</span>
    </p>
  );
}
