import type * as Y from 'yjs';
import { z } from 'zod';
import { DOMAINS, symbolById, type SymbolTool } from '../chorems/catalogue';
import { PATTERNS, type PatternId } from '../chorems/glyphs';
import { boardMaps } from './board';

/**
 * The layout contract of a poster's Y.Doc ("Poster de territoire"), written by the group's
 * members and facilitators directly over y-websocket:
 *
 *   meta      Y.Map  { schemaVersion, boardId, kind: 'poster' }   (see board.ts, set by the server)
 *   shapes    Y.Map<shapeId, Shape>   one plain JSON value per drawn element, replaced whole on change
 *   settings  Y.Map  { background?: Background }                       set by the server after an upload
 *
 * Geometry is local: a shape's points are relative to its (x, y), then scaled and rotated, so a
 * move or a resize rewrites five numbers, never the points. Writers are trusted group members
 * but documents are not: every reader validates each shape and skips a bad one.
 */

const coord = z.number().finite().min(-1e6).max(1e6);
export const shapeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const flatPoints = (min: number, max: number) =>
  z.array(coord).min(min).max(max).refine((a) => a.length % 2 === 0, 'points come in x, y pairs');
const symbolRef = (tool: SymbolTool) => z.string().max(64).refine((id) => symbolById(id)?.tool === tool, `not a ${tool} symbol`);
const label = z.string().max(120).default('');

const base = z.object({
  id: shapeIdSchema,
  /** Stacking order: larger is drawn above. Fractions let a shape slip between two others. */
  z: z.number().finite(),
  domain: z.enum(DOMAINS),
  color: colorSchema,
  x: coord,
  y: coord,
  rotation: z.number().finite().default(0),
  scaleX: z.number().finite().min(0.02).max(100).default(1),
  scaleY: z.number().finite().min(0.02).max(100).default(1),
  /** Pseudonym of whoever drew it, for the presentation. */
  author: z.string().max(64).optional(),
});

export const ARROWS = ['none', 'end', 'both'] as const;

export const symbolShapeSchema = base.extend({ type: z.literal('symbol'), symbol: symbolRef('point'), size: z.number().min(4).max(400), label });
export const lineShapeSchema = base.extend({
  type: z.literal('line'),
  /** A chorème line, or null for a plain arrow/line drawn with the arrow tool. */
  symbol: symbolRef('polyline').nullable(),
  points: flatPoints(4, 2000),
  arrow: z.enum(ARROWS),
  dashed: z.boolean().default(false),
  width: z.number().min(1).max(40),
  label,
});
export const areaShapeSchema = base.extend({
  type: z.literal('area'),
  symbol: symbolRef('polygon').nullable(),
  points: flatPoints(6, 2000),
  pattern: z.enum(Object.keys(PATTERNS) as [PatternId, ...PatternId[]]),
  label,
});
export const networkShapeSchema = base
  .extend({
    type: z.literal('network'),
    symbol: symbolRef('network'),
    nodes: z.array(z.object({ x: coord, y: coord })).min(1).max(200),
    links: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])).max(600),
    label,
  })
  .refine((s) => s.links.every(([a, b]) => a < s.nodes.length && b < s.nodes.length && a !== b), 'links join existing nodes');
export const penShapeSchema = base.extend({ type: z.literal('pen'), points: flatPoints(2, 4000), width: z.number().min(1).max(40) });
export const textShapeSchema = base.extend({ type: z.literal('text'), text: z.string().min(1).max(500), fontSize: z.number().min(6).max(200) });
export const postitShapeSchema = base.extend({
  type: z.literal('postit'),
  text: z.string().max(280),
  width: z.number().min(40).max(800),
  height: z.number().min(40).max(800),
});

// Discriminated on `type`: a reader parses thousands of shapes, one schema tried per shape.
export const shapeSchema = z.discriminatedUnion('type', [symbolShapeSchema, lineShapeSchema, areaShapeSchema, networkShapeSchema, penShapeSchema, textShapeSchema, postitShapeSchema]);
export type Shape = z.infer<typeof shapeSchema>;
export type ShapeInput = z.input<typeof shapeSchema>;
export type ShapeType = Shape['type'];
export type SymbolShape = z.infer<typeof symbolShapeSchema>;
export type LineShape = z.infer<typeof lineShapeSchema>;
export type AreaShape = z.infer<typeof areaShapeSchema>;
export type NetworkShape = z.infer<typeof networkShapeSchema>;
export type PenShape = z.infer<typeof penShapeSchema>;
export type TextShape = z.infer<typeof textShapeSchema>;
export type PostitShape = z.infer<typeof postitShapeSchema>;

export const backgroundSchema = z.object({
  assetId: z.string().uuid(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Background = z.infer<typeof backgroundSchema>;

export function posterMaps(doc: Y.Doc) {
  return { meta: boardMaps(doc).meta, shapes: doc.getMap<unknown>('shapes'), settings: doc.getMap<unknown>('settings') };
}

/** Valid shapes, bottom first; malformed entries are reported through onInvalid and skipped. */
export function readShapes(doc: Y.Doc, onInvalid?: (key: string, error: string) => void): Shape[] {
  const shapes: Shape[] = [];
  posterMaps(doc).shapes.forEach((value, key) => {
    const parsed = shapeSchema.safeParse(value);
    if (parsed.success && parsed.data.id === key) shapes.push(parsed.data);
    else onInvalid?.(key, parsed.success ? 'id differs from its key' : parsed.error.issues[0]?.message ?? 'invalid');
  });
  return shapes.sort(byZ);
}

export function byZ(a: Shape, b: Shape): number {
  return a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function readBackground(doc: Y.Doc): Background | null {
  const parsed = backgroundSchema.safeParse(posterMaps(doc).settings.get('background'));
  return parsed.success ? parsed.data : null;
}

/** Validates before writing: a client bug must not put a shape its peers would skip. */
export function putShapes(doc: Y.Doc, shapes: readonly ShapeInput[], origin?: unknown): Shape[] {
  const valid = shapes.map((s) => shapeSchema.parse(s));
  const map = posterMaps(doc).shapes;
  doc.transact(() => {
    for (const s of valid) map.set(s.id, s);
  }, origin);
  return valid;
}

export function removeShapes(doc: Y.Doc, ids: readonly string[], origin?: unknown): void {
  const map = posterMaps(doc).shapes;
  doc.transact(() => {
    for (const id of ids) map.delete(id);
  }, origin);
}

export function setBackground(doc: Y.Doc, background: Background | null, origin?: unknown): void {
  doc.transact(() => {
    const settings = posterMaps(doc).settings;
    if (background) settings.set('background', backgroundSchema.parse(background));
    else settings.delete('background');
  }, origin);
}
