import type Konva from 'konva';
import { FRAME_PAD, FRAME_TITLE, STICKY, type Position } from '@semis/shared';
import { hideTinyText, visibleWorld, type WorldRect } from '../canvas/gestureCache';

/** Below this zoom a sticky is a plain rectangle: its shadow costs more than it shows. */
const SHADOW_MIN_SCALE = 0.35;

/** Culling and level of detail for the current view: stickies off screen are not drawn (nor
 * hit-tested), and zoomed out a sticky loses its shadow and its unreadable text. Applied to
 * Konva nodes directly, when a gesture settles: never per frame, never through React. */
export function applyWallView(stage: Konva.Stage, layer: Konva.Layer): void {
  const k = stage.scaleX();
  const view = visibleWorld(stage, 100);
  for (const node of layer.find('.sticky')) {
    const inView = node.x() + STICKY.width >= view.x && node.x() <= view.x + view.width && node.y() + STICKY.height >= view.y && node.y() <= view.y + view.height;
    // A sticky being dragged stays drawn wherever it is.
    const show = inView || node.isDragging();
    node.visible(show);
    if (show) node.removeName('culled');
    else node.addName('culled');
  }
  for (const bg of layer.find('.sticky-bg')) (bg as Konva.Rect).shadowEnabled(k >= SHADOW_MIN_SCALE);
  hideTinyText(layer, k);
}

/** World bounds of the stickies, grown by what a cluster frame adds around them. */
export function wallBounds(positions: Iterable<Position>): WorldRect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + STICKY.width);
    maxY = Math.max(maxY, p.y + STICKY.height);
  }
  if (!Number.isFinite(minX)) return null;
  const m = FRAME_PAD + FRAME_TITLE;
  return { x: minX - m, y: minY - m, width: maxX - minX + 2 * m, height: maxY - minY + 2 * m };
}
