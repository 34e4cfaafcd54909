import { GRID, relativePoints, snap, type Pt, type Shape, type ShapeInput } from '@semis/shared/posters';
import { symbolById, type Domain } from '@semis/shared/chorems';

/** Pure poster editing rules: what a tool creates, duplication, stacking. No React, no Konva. */

export type Tool =
  | { kind: 'select' }
  | { kind: 'hand' }
  | { kind: 'symbol'; symbolId: string }
  | { kind: 'pen' }
  | { kind: 'text' }
  | { kind: 'postit' }
  | { kind: 'arrow' };

/** How a tool is drawn: one click, a chain of clicks, or a freehand stroke. */
export type DrawMode = 'select' | 'hand' | 'point' | 'polyline' | 'polygon' | 'network' | 'pen' | 'text' | 'postit';

export function drawMode(tool: Tool): DrawMode {
  switch (tool.kind) {
    case 'symbol':
      return symbolById(tool.symbolId)?.tool ?? 'select';
    case 'arrow':
      return 'polyline';
    default:
      return tool.kind;
  }
}

export const COLORS = ['#1b1f1c', '#c0392b', '#d35400', '#d4a017', '#2e8b57', '#1f5f8b', '#5b3a8c', '#7d5a2b'] as const;
export const POSTIT_COLORS = ['#fff3a3', '#ffd6e0', '#d6f5d6', '#d6ecff'] as const;

export interface Defaults {
  color: string;
  domain: Domain;
  author?: string;
  snap: boolean;
}

export function newId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 20);
}

export function topZ(shapes: readonly Shape[]): number {
  return shapes.length === 0 ? 0 : shapes[shapes.length - 1]!.z + 1;
}

const at = (p: Pt, d: Defaults) => (d.snap ? { x: snap(p.x), y: snap(p.y) } : { x: Math.round(p.x), y: Math.round(p.y) });

function common(tool: Tool, z: number, d: Defaults, origin: Pt) {
  const sym = tool.kind === 'symbol' ? symbolById(tool.symbolId) : undefined;
  return {
    id: newId(),
    z,
    // A chorème belongs to its own domain; free drawing to the layer being drawn on.
    domain: sym?.domain ?? d.domain,
    color: sym?.style.color ?? d.color,
    x: origin.x,
    y: origin.y,
    author: d.author,
  };
}

/** The shape a one-click tool puts at `p`. */
export function clickShape(tool: Tool, p: Pt, z: number, d: Defaults): ShapeInput | null {
  const o = at(p, d);
  if (tool.kind === 'symbol' && drawMode(tool) === 'point') return { ...common(tool, z, d, o), type: 'symbol', symbol: tool.symbolId, size: 32, label: '' };
  if (tool.kind === 'postit') return { ...common(tool, z, d, o), color: POSTIT_COLORS[0], type: 'postit', text: '', width: 160, height: 110 };
  return null;
}

/** The shape a chain of clicks (or a drag) draws through `world` points. */
export function pathShape(tool: Tool, world: readonly Pt[], z: number, d: Defaults): ShapeInput | null {
  const mode = drawMode(tool);
  const pts = dedupe(world.map((p) => at(p, d)));
  const { x, y, points } = relativePoints(pts);
  const base = common(tool, z, d, { x, y });
  const sym = tool.kind === 'symbol' ? symbolById(tool.symbolId) : undefined;
  if (mode === 'polyline' && pts.length >= 2) {
    return { ...base, type: 'line', symbol: sym?.id ?? null, points, arrow: sym ? (sym.style.arrow ?? 'none') : 'end', dashed: false, width: sym?.style.width ?? 4, label: '' };
  }
  if (mode === 'polygon' && pts.length >= 3) return { ...base, type: 'area', symbol: sym?.id ?? null, points, pattern: sym?.style.pattern ?? 'solid', label: '' };
  if (mode === 'network' && sym && pts.length >= 1) {
    const nodes = pts.map((p) => ({ x: p.x - x, y: p.y - y }));
    return { ...base, type: 'network', symbol: sym.id, nodes, links: nodes.slice(1).map((_, i) => [i, i + 1] as [number, number]), label: '' };
  }
  return null;
}

export function penShape(world: readonly Pt[], z: number, d: Defaults): ShapeInput | null {
  if (world.length < 2) return null;
  const { x, y, points } = relativePoints(world.map((p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 })));
  return { ...common({ kind: 'pen' }, z, d, { x, y }), type: 'pen', points, width: 3 };
}

export function textShape(p: Pt, text: string, z: number, d: Defaults): ShapeInput {
  return { ...common({ kind: 'text' }, z, d, at(p, d)), type: 'text', text, fontSize: 20 };
}

/** Clicks land twice on the last point of a double-click: drop points on top of the previous one. */
function dedupe(pts: Pt[]): Pt[] {
  return pts.filter((p, i) => i === 0 || Math.hypot(p.x - pts[i - 1]!.x, p.y - pts[i - 1]!.y) > 2);
}

export function duplicate(shapes: readonly Shape[], z: number): Shape[] {
  return shapes.map((s, i) => ({ ...s, id: newId(), x: s.x + GRID, y: s.y + GRID, z: z + i }));
}

export function moved(shapes: readonly Shape[], dx: number, dy: number): Shape[] {
  return shapes.map((s) => ({ ...s, x: s.x + dx, y: s.y + dy }));
}

/** Brings the selection above everything (or below), keeping its internal order. */
export function restacked(all: readonly Shape[], selected: readonly Shape[], where: 'front' | 'back'): Shape[] {
  const sorted = [...selected].sort((a, b) => a.z - b.z);
  if (where === 'front') {
    const top = topZ(all);
    return sorted.map((s, i) => ({ ...s, z: top + i }));
  }
  const bottom = (all[0]?.z ?? 0) - sorted.length;
  return sorted.map((s, i) => ({ ...s, z: bottom + i }));
}

export function labelOf(s: Shape): string {
  if (s.type === 'text' || s.type === 'postit') return s.text;
  if ('label' in s) return s.label;
  return '';
}
