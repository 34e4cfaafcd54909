import { useCallback, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type Konva from 'konva';
import { gridPosition, renameCluster, type IdeaCard, type Position } from '@semis/shared';
import { dropSticky, type WallState } from './actions';
import { placeClusters } from './geometry';
import { useClusters } from './useClusters';
import { ClusterLayer } from './ClusterLayer';
import { ClusterLabels } from './ClusterLabels';
import { WallClustersList } from './WallClustersList';
import type { StageTransform } from './useStageTransform';

/**
 * Clustering on a facilitator's wall, as pieces for the wall page to mount: the frames (Konva
 * children of the board's layer), the HTML titles and accessible list, the drop handler that
 * replaces a plain move, and the state the side panel works on.
 */
export function useClusterWall(doc: Y.Doc | null, cards: IdeaCard[], positions: ReadonlyMap<string, Position>, editable: boolean) {
  const { clusters, merged } = useClusters(doc);
  const [stage, setStage] = useState<Konva.Stage | null>(null);
  const wallEl = useRef<HTMLElement | null>(null);

  // Same fallback as the Board's, so frames surround stickies where they are drawn.
  const drawn = useMemo(() => new Map(cards.map((c, i) => [c.id, positions.get(c.id) ?? gridPosition(i)])), [cards, positions]);
  const placed = useMemo(() => placeClusters(clusters, (id) => drawn.get(id)), [clusters, drawn]);
  const wall: WallState = useMemo(() => ({ cards, positions: drawn, placed }), [cards, drawn, placed]);

  const wallRef = useRef(wall);
  wallRef.current = wall;
  const onMove = useCallback((id: string, pos: Position) => (doc ? dropSticky(doc, wallRef.current, id, pos) : undefined), [doc]);
  const onRename = useCallback((id: string, title: string) => doc && renameCluster(doc, id, title), [doc]);

  /**
   * Test and automation aid (read-only): the wall container carries the stage transform, so a
   * sticky whose layout is (x, y) is drawn at screen point
   *   board.left + data-stage-x + x * data-stage-scale,  board.top + data-stage-y + y * data-stage-scale
   * where board is the [data-testid="wall"] .board element's bounding box.
   */
  const publish = useCallback((t: StageTransform) => {
    const el = wallEl.current;
    if (!el) return;
    el.dataset.stageX = String(Math.round(t.x * 100) / 100);
    el.dataset.stageY = String(Math.round(t.y * 100) / 100);
    el.dataset.stageScale = String(Math.round(t.scale * 10000) / 10000);
  }, []);

  const attachWall = useCallback((el: HTMLElement | null) => void (wallEl.current = el), []);

  return {
    clusters,
    merged,
    wall,
    onMove,
    /** Attach to the wall container (data-stage-* live there). */
    wallRef: attachWall,
    frames: <ClusterLayer placed={placed} onStage={setStage} />,
    overlay: (
      <>
        <ClusterLabels stage={stage} placed={placed} editable={editable} onRename={onRename} onTransform={publish} />
        <WallClustersList clusters={clusters} />
      </>
    ),
  };
}
