/** Plane geometry for the poster: hit tests, box selection, snapping, simplification.
 * Pure and allocation-light: the canvas runs these over thousands of shapes per click. */
export interface Pt {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** Translation, rotation (degrees) and scale, applied in Konva's order: scale, rotate, translate. */
export interface Transform {
  x: number;
  y: number;
  rotation: number;
  scaleX: number;
  scaleY: number;
}

export const GRID = 20;

export function snap(v: number, grid = GRID): number {
  return Math.round(v / grid) * grid;
}

export function applyTransform(t: Transform, p: Pt): Pt {
  const sx = p.x * t.scaleX;
  const sy = p.y * t.scaleY;
  const r = (t.rotation * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return { x: t.x + sx * cos - sy * sin, y: t.y + sx * sin + sy * cos };
}

export function invertTransform(t: Transform, p: Pt): Pt {
  const dx = p.x - t.x;
  const dy = p.y - t.y;
  const r = (-t.rotation * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const rx = dx * cos - dy * sin;
  const ry = dx * sin + dy * cos;
  return { x: t.scaleX === 0 ? 0 : rx / t.scaleX, y: t.scaleY === 0 ? 0 : ry / t.scaleY };
}

/** Flat [x0, y0, x1, y1…] to points. */
export function toPoints(flat: readonly number[]): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push({ x: flat[i]!, y: flat[i + 1]! });
  return out;
}

export function boundsOf(points: Iterable<Pt>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** A rectangle from two corners in any order (rubber-band selection). */
export function rectFromCorners(a: Pt, b: Pt): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

export function distToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

export function distToPolyline(p: Pt, pts: readonly Pt[], closed = false): number {
  if (pts.length === 1) return Math.hypot(p.x - pts[0]!.x, p.y - pts[0]!.y);
  let best = Infinity;
  const n = closed ? pts.length : pts.length - 1;
  for (let i = 0; i < n; i++) best = Math.min(best, distToSegment(p, pts[i]!, pts[(i + 1) % pts.length]!));
  return best;
}

/** Even-odd ray casting. */
export function pointInPolygon(p: Pt, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Ramer–Douglas–Peucker: a freehand stroke of hundreds of mouse samples keeps its look with
 * a fraction of the points, which keeps the shared document (and every peer's redraw) small. */
export function simplify(pts: readonly Pt[], tolerance: number): Pt[] {
  if (pts.length <= 2) return pts.slice();
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxDist = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = distToSegment(pts[i]!, pts[first]!, pts[last]!);
      if (d > maxDist) {
        maxDist = d;
        index = i;
      }
    }
    if (index !== -1 && maxDist > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return pts.filter((_, i) => keep[i] === 1);
}

/** The two base corners of an arrowhead whose tip is `tip`, pointing away from `from`. */
export function arrowHead(from: Pt, tip: Pt, length: number, width: number): [Pt, Pt] {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const bx = tip.x - length * Math.cos(angle);
  const by = tip.y - length * Math.sin(angle);
  const nx = (-Math.sin(angle) * width) / 2;
  const ny = (Math.cos(angle) * width) / 2;
  return [
    { x: bx + nx, y: by + ny },
    { x: bx - nx, y: by - ny },
  ];
}
