import type Konva from 'konva';
import { FRAME_PAD, FRAME_TITLE, STICKY, type Position } from '@semis/shared';
import { boundsOf } from '@semis/shared/posters';
import { hideTinyText, visibleWorld, type WorldRect } from '../canvas/gestureCache';

/** Below this zoom a sticky is a plain rectangle: its text would be 4 px at most (unreadable)
 * and its shadow costs more than it shows. */
export const DETAIL_MIN_SCALE = 0.3;
/** Stickies this far (screen px) outside the view get their text too, so a short pan shows it. */
const DETAIL_MARGIN = 400;

/** Where stickies are drawn with their text (React renders their Text nodes only there): the
 * world around the view, or nowhere when zoomed out. Changes when a gesture settles, never per
 * frame: creating 4,000 Text nodes (and fitting their font size) is what made the first paint
 * of 2,000 stickies take seconds. */
export function detailArea(stage: Konva.Stage): WorldRect | null {
  return stage.scaleX() >= DETAIL_MIN_SCALE ? visibleWorld(stage, DETAIL_MARGIN) : null;
}

export function sameArea(a: WorldRect | null, b: WorldRect | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
}

export function inArea(p: Position, area: WorldRect | null): boolean {
  return area !== null && p.x + STICKY.width >= area.x && p.x <= area.x + area.width && p.y + STICKY.height >= area.y && p.y <= area.y + area.height;
}

/** Culling and level of detail for the current view: stickies off screen are not drawn (nor
 * hit-tested), and zoomed out a sticky loses its shadow and any unreadable text. Applied to
 * Konva nodes directly, when a gesture settles: never per frame, never through React. */
export function applyWallView(stage: Konva.Stage, layer: Konva.Layer): void {
  const k = stage.scaleX();
  const view = visibleWorld(stage, 100);
  for (const node of layer.find('.sticky')) {
    // A sticky being dragged stays drawn wherever it is.
    const show = inArea(node.position(), view) || node.isDragging();
    node.visible(show);
    if (show) node.removeName('culled');
    else node.addName('culled');
  }
  for (const bg of layer.find('.sticky-bg')) (bg as Konva.Rect).shadowEnabled(k >= DETAIL_MIN_SCALE);
  hideTinyText(layer, k);
}

/** World bounds of the stickies, grown by what a cluster frame adds around them. */
export function wallBounds(positions: Iterable<Position>): WorldRect | null {
  const b = boundsOf(positions);
  const m = FRAME_PAD + FRAME_TITLE;
  return b && { x: b.x - m, y: b.y - m, width: b.width + STICKY.width + 2 * m, height: b.height + STICKY.height + 2 * m };
}
