import { useEffect, useRef, type RefObject } from 'react';
import type Konva from 'konva';

const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
const clamp = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** Scales the stage by `factor` keeping the screen point `at` fixed under the pointer/fingers. */
export function zoomAt(stage: Konva.Stage, at: { x: number; y: number }, factor: number): void {
  const old = stage.scaleX();
  const next = clamp(old * factor);
  const world = { x: (at.x - stage.x()) / old, y: (at.y - stage.y()) / old };
  stage.scale({ x: next, y: next });
  stage.position({ x: at.x - world.x * next, y: at.y - world.y * next });
}

/**
 * Wheel zoom and two-finger pinch, applied to Konva directly: going through React state would
 * re-render every sticky on every frame of the gesture. Panning is Konva's own stage drag.
 */
export function useStageGestures(stageRef: RefObject<Konva.Stage | null>, mounted: boolean, onChange?: () => void): void {
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const content = stage.content;

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = content.getBoundingClientRect();
      const at = { x: e.clientX - rect.left, y: e.clientY - rect.top };
      // Trackpad pinch arrives as ctrl+wheel with small deltas; a mouse notch is ~100.
      const intensity = e.ctrlKey ? 0.01 : 0.0015;
      zoomAt(stage, at, Math.exp(-e.deltaY * intensity));
      stage.batchDraw();
      changed.current?.();
    };

    let pinch: { dist: number; center: { x: number; y: number } } | null = null;
    const touchInfo = (e: TouchEvent) => {
      const rect = content.getBoundingClientRect();
      const [a, b] = [e.touches[0]!, e.touches[1]!];
      const center = { x: (a.clientX + b.clientX) / 2 - rect.left, y: (a.clientY + b.clientY) / 2 - rect.top };
      return { dist: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY), center };
    };
    const onTouchMove = (e: TouchEvent) => {
      if (e.touches.length !== 2) return;
      e.preventDefault();
      // Two fingers mean zoom: stop Konva's one-finger pan (or sticky drag) fighting it.
      if (stage.isDragging()) stage.stopDrag();
      const info = touchInfo(e);
      if (pinch) {
        zoomAt(stage, info.center, info.dist / pinch.dist);
        stage.position({ x: stage.x() + info.center.x - pinch.center.x, y: stage.y() + info.center.y - pinch.center.y });
        stage.batchDraw();
      }
      pinch = info;
    };
    const onTouchEnd = (e: TouchEvent) => {
      if (e.touches.length < 2 && pinch) {
        pinch = null;
        changed.current?.();
      }
    };

    content.addEventListener('wheel', onWheel, { passive: false });
    content.addEventListener('touchmove', onTouchMove, { passive: false });
    content.addEventListener('touchend', onTouchEnd);
    content.addEventListener('touchcancel', onTouchEnd);
    return () => {
      content.removeEventListener('wheel', onWheel);
      content.removeEventListener('touchmove', onTouchMove);
      content.removeEventListener('touchend', onTouchEnd);
      content.removeEventListener('touchcancel', onTouchEnd);
    };
  }, [stageRef, mounted]);
}

/** Frames all stickies in the viewport (used on first load and by the "Recentrer" button). */
export function fitToContent(
  stage: Konva.Stage,
  boxes: Iterable<{ x: number; y: number }>,
  size: { width: number; height: number },
  margin = 40,
): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + size.width);
    maxY = Math.max(maxY, b.y + size.height);
  }
  if (!Number.isFinite(minX)) {
    stage.scale({ x: 1, y: 1 });
    stage.position({ x: margin, y: margin });
  } else {
    const scale = clamp(Math.min(1.2, (stage.width() - 2 * margin) / (maxX - minX), (stage.height() - 2 * margin) / (maxY - minY)));
    stage.scale({ x: scale, y: scale });
    stage.position({
      x: (stage.width() - (maxX - minX) * scale) / 2 - minX * scale,
      y: (stage.height() - (maxY - minY) * scale) / 2 - minY * scale,
    });
  }
  stage.batchDraw();
}
