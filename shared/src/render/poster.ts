import { DOMAIN_NAMES, symbolById, type Domain } from '../chorems/catalogue';
import { toPoints, unionRect, type Rect, type Pt } from '../domain/geometry';
import { EXPORT_MAX_EXTENT } from '../protocol/posters';
import { buildLegend } from '../domain/legend';
import { shapeBounds } from '../domain/shapes';
import type { Shape } from '../ydoc/poster';
import { arrowheads, esc, FONT, glyph, n, PatternDefs, polyline, swatch, textBlock, wrap } from './svgKit';

export interface PosterSvgInput {
  title: string;
  shapes: readonly Shape[];
  /** The background map, already as a data: URI (the renderer never fetches anything). */
  background?: { href: string; width: number; height: number } | null;
  lang?: 'fr' | 'en';
  hidden?: ReadonlySet<Domain>;
}

const MARGIN = 40;
const LEGEND_WIDTH = 380;
const TITLE_HEIGHT = 70;
export const POSTIT_FILL = '#fff3a3';

/**
 * The poster as one self-contained SVG document: drawing, then its legend on the right.
 * The server exports exactly this (and rasterises it for PNG), so print and screen agree.
 */
export function renderPosterSvg(input: PosterSvgInput): string {
  const lang = input.lang ?? 'fr';
  const visible = input.shapes.filter((s) => !input.hidden?.has(s.domain));
  const patterns = new PatternDefs();
  const rects = visible.map(shapeBounds);
  if (input.background) rects.push({ x: 0, y: 0, width: input.background.width, height: input.background.height });
  const content = exportFrame(rects) ?? { x: 0, y: 0, width: 800, height: 600 };

  const legend = buildLegend(visible, new Set(Object.keys(DOMAIN_NAMES) as Domain[]));
  const legendItems = legend.reduce((k, s) => k + 1 + s.entries.length, 0);
  const drawW = content.width + 2 * MARGIN;
  const width = drawW + LEGEND_WIDTH;
  const height = Math.max(content.height + 2 * MARGIN, legendItems * 34 + 60) + TITLE_HEIGHT;
  const dx = MARGIN - content.x;
  const dy = MARGIN + TITLE_HEIGHT - content.y;

  const body = visible.map((s) => shapeSvg(s, patterns)).join('\n');
  const bg = input.background
    ? `<image href="${esc(input.background.href)}" x="0" y="0" width="${input.background.width}" height="${input.background.height}" preserveAspectRatio="none"/>`
    : '';

  let ly = TITLE_HEIGHT + 30;
  const lx = drawW + 10;
  const legendSvg: string[] = [`<text x="${lx}" y="${ly}" font-family="${FONT}" font-size="22" font-weight="bold" fill="#1b1f1c">${lang === 'fr' ? 'Légende' : 'Legend'}</text>`];
  ly += 20;
  for (const section of legend) {
    ly += 14;
    legendSvg.push(`<text x="${lx}" y="${ly + 10}" font-family="${FONT}" font-size="15" font-weight="bold" fill="#4f5a52">${esc(DOMAIN_NAMES[section.domain][lang])}</text>`);
    ly += 20;
    for (const e of section.entries) {
      legendSvg.push(swatch(e.symbol, lx, ly, patterns));
      const name = `${e.symbol.name[lang]}${e.count > 1 ? ` (${e.count})` : ''}`;
      legendSvg.push(textBlock(lx + 48, ly + 16, wrap(name, 34, 2), 14, 'fill="#1b1f1c"'));
      ly += 34;
    }
  }

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}">`,
    `<defs>${patterns}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g transform="translate(${n(dx)} ${n(dy)})">${bg}\n${body}</g>`,
    // Shapes cut off by exportFrame are painted over where they would spill onto the title,
    // legend or below (cheaper to rasterise than a clipPath, which costs resvg seconds here).
    `<path d="M0 0H${n(width)}V${TITLE_HEIGHT}H0Z M${n(drawW)} 0H${n(width)}V${n(height)}H${n(drawW)}Z M0 ${n(TITLE_HEIGHT + content.height + 2 * MARGIN)}H${n(drawW)}V${n(height)}H0Z" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="46" font-family="${FONT}" font-size="30" font-weight="bold" fill="#143d27">${esc(input.title)}</text>`,
    `<line x1="${n(drawW)}" y1="${TITLE_HEIGHT}" x2="${n(drawW)}" y2="${n(height - 20)}" stroke="#c9d3cb"/>`,
    legendSvg.join('\n'),
    `</svg>`,
  ].join('\n');
}

/**
 * The part of the world an export shows: all of it, or, on an axis where that is wider than
 * `maxExtent`, a window of `maxExtent` around the median of the rectangles' centres — so a few
 * stray strokes far away cannot make the picture (and the memory to rasterise it) explode.
 */
export function exportFrame(rects: readonly Rect[], maxExtent = EXPORT_MAX_EXTENT): Rect | null {
  let all: Rect | null = null;
  for (const r of rects) all = unionRect(all, r);
  if (!all) return null;
  const axis = (start: number, size: number, centres: number[]): [number, number] => {
    if (size <= maxExtent) return [start, size];
    centres.sort((a, b) => a - b);
    const median = centres[Math.floor(centres.length / 2)]!;
    return [Math.min(Math.max(median - maxExtent / 2, start), start + size - maxExtent), maxExtent];
  };
  const [x, width] = axis(all.x, all.width, rects.map((r) => r.x + r.width / 2));
  const [y, height] = axis(all.y, all.height, rects.map((r) => r.y + r.height / 2));
  return { x, y, width, height };
}

function shapeSvg(s: Shape, patterns: PatternDefs): string {
  const t = `translate(${n(s.x)} ${n(s.y)}) rotate(${n(s.rotation)}) scale(${n(s.scaleX)} ${n(s.scaleY)})`;
  return `<g transform="${t}" data-id="${esc(s.id)}">${shapeBody(s, patterns)}</g>`;
}

function label(text: string, at: Pt, color: string): string {
  if (!text.trim()) return '';
  return `<text x="${n(at.x)}" y="${n(at.y)}" font-family="${FONT}" font-size="14" font-weight="bold" fill="${color}" text-anchor="middle" paint-order="stroke" stroke="#ffffff" stroke-width="3">${esc(text)}</text>`;
}

function shapeBody(s: Shape, patterns: PatternDefs): string {
  switch (s.type) {
    case 'symbol': {
      const sym = symbolById(s.symbol)!;
      return glyph(sym.style.glyph ?? 'disc', s.color, s.size) + label(s.label, { x: 0, y: s.size / 2 + 16 }, s.color);
    }
    case 'line': {
      const sym = s.symbol ? symbolById(s.symbol) : undefined;
      const pts = toPoints(s.points);
      const dash = sym?.style.dash ?? (s.dashed ? [12, 8] : undefined);
      return polyline(pts, s.color, s.width, dash) + arrowheads(pts, s.arrow, s.color, s.width) + label(s.label, midpoint(pts), s.color);
    }
    case 'area': {
      const sym = s.symbol ? symbolById(s.symbol) : undefined;
      const pts = toPoints(s.points);
      const fill = patterns.ref(s.pattern, s.color);
      const outline = polyline(pts, s.color, 2, sym?.style.dash, true, s.color).replace(`fill="${s.color}"`, `fill="${s.color}" fill-opacity="0.22"`);
      const hatch = fill ? polyline(pts, 'none', 0, undefined, true, fill) : '';
      return outline + hatch + label(s.label, centroid(pts), s.color);
    }
    case 'network': {
      const sym = symbolById(s.symbol)!;
      const links = s.links
        .map(([a, b]) => {
          const pts = [s.nodes[a]!, s.nodes[b]!];
          return polyline(pts, s.color, sym.style.width ?? 3, sym.style.dash) + arrowheads(pts, sym.style.arrow ?? 'none', s.color, sym.style.width ?? 3);
        })
        .join('');
      const nodes = s.nodes.map((p) => glyph(sym.style.glyph ?? 'disc', s.color, 16, p.x, p.y)).join('');
      return links + nodes + label(s.label, { x: s.nodes[0]!.x, y: s.nodes[0]!.y - 16 }, s.color);
    }
    case 'pen':
      return polyline(toPoints(s.points), s.color, s.width);
    case 'text': {
      const lines = s.text.split('\n');
      return textBlock(0, s.fontSize * 0.9, lines, s.fontSize, `fill="${s.color}"`);
    }
    case 'postit': {
      const chars = Math.max(4, Math.floor((s.width - 16) / (15 * 0.58)));
      const lines = wrap(s.text, chars, Math.max(1, Math.floor((s.height - 16) / 18)));
      return `<rect width="${n(s.width)}" height="${n(s.height)}" rx="4" fill="${s.color}" stroke="#e0c94f"/>` + textBlock(8, 22, lines, 15, 'fill="#1d1d1b"');
    }
  }
}

function midpoint(pts: readonly Pt[]): Pt {
  const a = pts[Math.floor((pts.length - 1) / 2)]!;
  const b = pts[Math.ceil((pts.length - 1) / 2)]!;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 8 };
}

function centroid(pts: readonly Pt[]): Pt {
  const sum = pts.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / pts.length, y: sum.y / pts.length };
}

