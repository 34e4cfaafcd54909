import { PATTERNS, PATTERN_TILE, type PatternId } from '@semis/shared/chorems';

/** Canvas tiles for area fills, from the same path data the SVG export uses. Cached per colour. */
const tiles = new Map<string, HTMLCanvasElement>();

export function patternTile(pattern: PatternId, color: string): HTMLCanvasElement | undefined {
  const def = PATTERNS[pattern];
  if (def.mode === 'none') return undefined;
  const key = `${pattern}${color}`;
  let tile = tiles.get(key);
  if (!tile) {
    tile = document.createElement('canvas');
    tile.width = PATTERN_TILE;
    tile.height = PATTERN_TILE;
    const ctx = tile.getContext('2d')!;
    const path = new Path2D(def.d);
    if (def.mode === 'stroke') {
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.stroke(path);
    } else {
      ctx.fillStyle = color;
      ctx.fill(path);
    }
    tiles.set(key, tile);
  }
  return tile;
}
