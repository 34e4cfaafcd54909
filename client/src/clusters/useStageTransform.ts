import { useEffect, useRef } from 'react';
import type Konva from 'konva';

export interface StageTransform {
  x: number;
  y: number;
  scale: number;
}

const EVENTS = 'xChange.semisTransform yChange.semisTransform scaleXChange.semisTransform';

/** Calls `apply` with the stage's pan and zoom now and on every change, whoever made it (drag,
 * wheel, pinch, "Recentrer"). Meant for imperative DOM writes: a React state update per frame
 * of a pan would re-render the wall. */
export function useStageTransform(stage: Konva.Stage | null, apply: (t: StageTransform) => void): void {
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    if (!stage) return;
    const run = () => applyRef.current({ x: stage.x(), y: stage.y(), scale: stage.scaleX() });
    run();
    stage.on(EVENTS, run);
    return () => void stage.off(EVENTS);
  }, [stage]);
}
