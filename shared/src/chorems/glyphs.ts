/**
 * Pictogram outlines and fill patterns as SVG path data, so the canvas (Konva `Path`, canvas
 * `Path2D`) and the server's SVG export draw the very same shapes from one definition.
 * Glyphs live in a 24×24 box centred on 0,0; pattern tiles are PATTERN_TILE units square.
 */
export const GLYPHS = {
  disc: { d: 'M -8 0 A 8 8 0 1 0 8 0 A 8 8 0 1 0 -8 0 Z', fill: true },
  circle: { d: 'M -9 0 A 9 9 0 1 0 9 0 A 9 9 0 1 0 -9 0 Z', fill: false },
  ring: { d: 'M -10 0 A 10 10 0 1 0 10 0 A 10 10 0 1 0 -10 0 Z M -4 0 A 4 4 0 1 0 4 0 A 4 4 0 1 0 -4 0 Z', fill: false },
  target: { d: 'M -10 0 A 10 10 0 1 0 10 0 A 10 10 0 1 0 -10 0 Z M -5 0 A 5 5 0 1 0 5 0 A 5 5 0 1 0 -5 0 Z M -1.5 0 A 1.5 1.5 0 1 0 1.5 0 A 1.5 1.5 0 1 0 -1.5 0 Z', fill: false },
  square: { d: 'M -8 -8 L 8 -8 L 8 8 L -8 8 Z', fill: true },
  triangle: { d: 'M 0 -10 L 9 7 L -9 7 Z', fill: true },
  diamond: { d: 'M 0 -10 L 10 0 L 0 10 L -10 0 Z', fill: true },
  star: { d: 'M 0 -11 L 3 -3.5 L 11 -3.5 L 4.5 1.5 L 7 10 L 0 5 L -7 10 L -4.5 1.5 L -11 -3.5 L -3 -3.5 Z', fill: true },
  cross: { d: 'M -3 -10 L 3 -10 L 3 -3 L 10 -3 L 10 3 L 3 3 L 3 10 L -3 10 L -3 3 L -10 3 L -10 -3 L -3 -3 Z', fill: true },
  arrow: { d: 'M -10 -3 L 2 -3 L 2 -8 L 11 0 L 2 8 L 2 3 L -10 3 Z', fill: true },
  hexagon: { d: 'M -9 -5 L 0 -10 L 9 -5 L 9 5 L 0 10 L -9 5 Z', fill: true },
  satellites: { d: 'M -4 0 A 4 4 0 1 0 4 0 A 4 4 0 1 0 -4 0 Z M 6 -9 A 2.5 2.5 0 1 0 11 -9 A 2.5 2.5 0 1 0 6 -9 Z M -11 8 A 2.5 2.5 0 1 0 -6 8 A 2.5 2.5 0 1 0 -11 8 Z M 6 9 A 2.5 2.5 0 1 0 11 9 A 2.5 2.5 0 1 0 6 9 Z', fill: true },
  cluster: { d: 'M -9 -6 A 3 3 0 1 0 -3 -6 A 3 3 0 1 0 -9 -6 Z M 2 -8 A 4 4 0 1 0 10 -8 A 4 4 0 1 0 2 -8 Z M -6 5 A 5 5 0 1 0 4 5 A 5 5 0 1 0 -6 5 Z M 6 6 A 2 2 0 1 0 10 6 A 2 2 0 1 0 6 6 Z', fill: true },
  gate: { d: 'M -10 -10 L -4 -10 L -4 10 L -10 10 Z M 4 -10 L 10 -10 L 10 10 L 4 10 Z', fill: true },
  burst: { d: 'M 0 -11 L 2.5 -4 L 10 -6 L 5 0 L 10 6 L 2.5 4 L 0 11 L -2.5 4 L -10 6 L -5 0 L -10 -6 L -2.5 -4 Z', fill: true },
  drop: { d: 'M 0 -11 C 6 -3 8 1 8 4 A 8 8 0 0 1 -8 4 C -8 1 -6 -3 0 -11 Z', fill: true },
  gem: { d: 'M -9 -3 L -5 -9 L 5 -9 L 9 -3 L 0 10 Z M -9 -3 L 9 -3', fill: true },
} as const satisfies Record<string, { d: string; fill: boolean }>;
export type GlyphId = keyof typeof GLYPHS;

export const PATTERN_TILE = 12;

/** Area fills: `stroke` paths are drawn with the area's colour, `dots` are filled. */
export const PATTERNS = {
  solid: { d: '', mode: 'none' },
  hatch: { d: 'M 0 12 L 12 0 M -3 3 L 3 -3 M 9 15 L 15 9', mode: 'stroke' },
  crosshatch: { d: 'M 0 12 L 12 0 M -3 3 L 3 -3 M 9 15 L 15 9 M 0 0 L 12 12 M -3 9 L 3 15 M 9 -3 L 15 3', mode: 'stroke' },
  horizontal: { d: 'M 0 6 L 12 6', mode: 'stroke' },
  vertical: { d: 'M 6 0 L 6 12', mode: 'stroke' },
  dots: { d: 'M 4 6 A 2 2 0 1 0 8 6 A 2 2 0 1 0 4 6 Z', mode: 'fill' },
} as const satisfies Record<string, { d: string; mode: 'none' | 'stroke' | 'fill' }>;
export type PatternId = keyof typeof PATTERNS;
