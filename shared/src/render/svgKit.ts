import { GLYPHS, PATTERNS, PATTERN_TILE, type PatternId } from '../chorems/glyphs';
import type { SymbolDef } from '../chorems/catalogue';
import { arrowHead, type Pt } from '../domain/geometry';

/** Small SVG building blocks shared by the poster and the notes renderers. */

export const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Escaped for XML text and attributes; characters XML 1.0 forbids (controls, lone surrogates)
 * are dropped, since a single one would make the whole export unreadable. */
export function esc(s: string): string {
  return s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Width and height of an SVG document written by our renderers (their root carries both). */
export function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg [^>]*?width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('not an SVG from our renderers');
  return { width: Number(m[1]), height: Number(m[2]) };
}

export const n = (v: number) => (Math.round(v * 100) / 100).toString();

/** Greedy word wrap by character count (the server has no font metrics; close enough for print). */
export function wrap(text: string, maxChars: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length <= maxChars) line = candidate;
      else {
        if (line) lines.push(line);
        line = word.length > maxChars ? word.slice(0, maxChars - 1) + '…' : word;
      }
    }
    lines.push(line);
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = kept[maxLines - 1]!.replace(/.?$/, '…');
    return kept;
  }
  return lines;
}

export function textBlock(x: number, y: number, lines: string[], size: number, attrs = ''): string {
  const spans = lines.map((l, i) => `<tspan x="${n(x)}" dy="${i === 0 ? 0 : n(size * 1.2)}">${esc(l)}</tspan>`).join('');
  return `<text x="${n(x)}" y="${n(y)}" font-family="${FONT}" font-size="${n(size)}" ${attrs}>${spans}</text>`;
}

/** Collects the <pattern> definitions a drawing uses, one per pattern × colour. */
export class PatternDefs {
  private readonly defs = new Map<string, string>();
  ref(pattern: PatternId, color: string): string | null {
    const def = PATTERNS[pattern];
    if (def.mode === 'none') return null;
    const id = `p-${pattern}-${color.replace('#', '')}`;
    if (!this.defs.has(id)) {
      const paint = def.mode === 'stroke' ? `fill="none" stroke="${color}" stroke-width="1.5"` : `fill="${color}"`;
      this.defs.set(id, `<pattern id="${id}" width="${PATTERN_TILE}" height="${PATTERN_TILE}" patternUnits="userSpaceOnUse"><path d="${def.d}" ${paint}/></pattern>`);
    }
    return `url(#${id})`;
  }
  toString(): string {
    return [...this.defs.values()].join('');
  }
}

export function glyph(id: keyof typeof GLYPHS, color: string, size: number, x = 0, y = 0): string {
  const g = GLYPHS[id];
  const paint = g.fill ? `fill="${color}" stroke="#ffffff" stroke-width="1"` : `fill="none" stroke="${color}" stroke-width="2.5"`;
  return `<path d="${g.d}" ${paint} fill-rule="evenodd" transform="translate(${n(x)} ${n(y)}) scale(${n(size / 24)})"/>`;
}

export function dashAttr(dash: readonly number[] | undefined): string {
  return dash && dash.length > 0 ? ` stroke-dasharray="${dash.join(' ')}"` : '';
}

export function polyline(pts: readonly Pt[], color: string, width: number, dash?: readonly number[], closed = false, fill = 'none'): string {
  const d = pts.map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
  return `<${closed ? 'polygon' : 'polyline'} points="${d}" fill="${fill}" stroke="${color}" stroke-width="${n(width)}" stroke-linecap="round" stroke-linejoin="round"${dashAttr(dash)}/>`;
}

export function arrowheads(pts: readonly Pt[], arrow: 'none' | 'end' | 'both', color: string, width: number): string {
  if (arrow === 'none' || pts.length < 2) return '';
  const head = (from: Pt, tip: Pt) => {
    const [a, b] = arrowHead(from, tip, width * 3 + 6, width * 3 + 6);
    return `<polygon points="${n(tip.x)},${n(tip.y)} ${n(a.x)},${n(a.y)} ${n(b.x)},${n(b.y)}" fill="${color}"/>`;
  };
  const end = head(pts[pts.length - 2]!, pts[pts.length - 1]!);
  return arrow === 'both' ? end + head(pts[1]!, pts[0]!) : end;
}

/** The legend's swatch of a symbol, drawn in a 40×24 box whose top-left is (x, y). */
export function swatch(sym: SymbolDef, x: number, y: number, patterns: PatternDefs): string {
  const { color, glyph: g, dash, width = 3, arrow = 'none', pattern = 'solid' } = sym.style;
  switch (sym.tool) {
    case 'point':
      return glyph(g ?? 'disc', color, 22, x + 20, y + 12);
    case 'polyline': {
      const pts = [{ x: x + 2, y: y + 12 }, { x: x + 38, y: y + 12 }];
      return polyline(pts, color, Math.min(width, 6), dash) + arrowheads(pts, arrow, color, Math.min(width, 4));
    }
    case 'polygon': {
      const fill = patterns.ref(pattern, color);
      return `<rect x="${x + 2}" y="${y + 2}" width="36" height="20" fill="${color}" fill-opacity="0.25" stroke="${color}" stroke-width="2"${dashAttr(dash)}/>` +
        (fill ? `<rect x="${x + 2}" y="${y + 2}" width="36" height="20" fill="${fill}"/>` : '');
    }
    case 'network': {
      const pts = [{ x: x + 6, y: y + 18 }, { x: x + 20, y: y + 6 }, { x: x + 34, y: y + 18 }];
      return polyline(pts, color, Math.min(width, 3), dash) + pts.map((p) => glyph(g ?? 'disc', color, 10, p.x, p.y)).join('');
    }
  }
}
