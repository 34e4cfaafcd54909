import { applyTransform, boundsOf, distToPolyline, invertTransform, pointInPolygon, rectContains, rectsIntersect, toPoints, type Pt, type Rect } from './geometry';
import type { Shape } from '../ydoc/poster';

/** Geometry of poster shapes in their own (untransformed) frame, and in the world. */

/** Rough text metrics shared by the canvas hit test and the SVG export (no font at hand on the server). */
export function textBox(text: string, fontSize: number): { width: number; height: number } {
  const lines = text.split('\n');
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 1);
  return { width: longest * fontSize * 0.58, height: lines.length * fontSize * 1.2 };
}

export function localBounds(s: Shape): Rect {
  switch (s.type) {
    case 'symbol':
      return { x: -s.size / 2, y: -s.size / 2, width: s.size, height: s.size };
    case 'text':
      return { x: 0, y: 0, ...textBox(s.text, s.fontSize) };
    case 'postit':
      return { x: 0, y: 0, width: s.width, height: s.height };
    case 'network': {
      const b = boundsOf(s.nodes)!;
      return { x: b.x - 10, y: b.y - 10, width: b.width + 20, height: b.height + 20 };
    }
    default: {
      const pad = s.type === 'area' ? 0 : s.width / 2 + (s.type === 'line' && s.arrow !== 'none' ? s.width * 2 : 0);
      const b = boundsOf(toPoints(s.points))!;
      return { x: b.x - pad, y: b.y - pad, width: b.width + 2 * pad, height: b.height + 2 * pad };
    }
  }
}

/** Axis-aligned bounds in world coordinates. */
export function shapeBounds(s: Shape): Rect {
  const b = localBounds(s);
  const corners = [
    { x: b.x, y: b.y },
    { x: b.x + b.width, y: b.y },
    { x: b.x + b.width, y: b.y + b.height },
    { x: b.x, y: b.y + b.height },
  ].map((p) => applyTransform(s, p));
  return boundsOf(corners)!;
}

/** Whether a world point touches the shape, within `tolerance` world units. */
export function hitsShape(s: Shape, world: Pt, tolerance: number): boolean {
  const p = invertTransform(s, world);
  const tol = tolerance / Math.max(0.02, Math.min(Math.abs(s.scaleX), Math.abs(s.scaleY)));
  switch (s.type) {
    case 'symbol':
    case 'text':
    case 'postit': {
      const b = localBounds(s);
      return p.x >= b.x - tol && p.x <= b.x + b.width + tol && p.y >= b.y - tol && p.y <= b.y + b.height + tol;
    }
    case 'line':
    case 'pen':
      return distToPolyline(p, toPoints(s.points)) <= tol + s.width / 2;
    case 'area': {
      const pts = toPoints(s.points);
      return pointInPolygon(p, pts) || distToPolyline(p, pts, true) <= tol;
    }
    case 'network':
      return (
        s.nodes.some((n) => Math.hypot(n.x - p.x, n.y - p.y) <= 10 + tol) ||
        s.links.some(([a, b]) => distToPolyline(p, [s.nodes[a]!, s.nodes[b]!]) <= tol + 3)
      );
  }
}

/** The topmost shape under a point (shapes ordered bottom first), or null. */
export function hitTest(shapes: readonly Shape[], world: Pt, tolerance: number): Shape | null {
  for (let i = shapes.length - 1; i >= 0; i--) if (hitsShape(shapes[i]!, world, tolerance)) return shapes[i]!;
  return null;
}

/** Box selection: shapes entirely inside the box, or merely touching it when `touching`. */
export function shapesInRect(shapes: readonly Shape[], box: Rect, touching = false): Shape[] {
  return shapes.filter((s) => {
    const b = shapeBounds(s);
    return touching ? rectsIntersect(box, b) : rectContains(box, b);
  });
}

/** World points → a shape origin (first point) and points relative to it. */
export function relativePoints(world: readonly Pt[]): { x: number; y: number; points: number[] } {
  const o = world[0] ?? { x: 0, y: 0 };
  return { x: o.x, y: o.y, points: world.flatMap((p) => [p.x - o.x, p.y - o.y]) };
}
