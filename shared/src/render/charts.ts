import { esc, FONT, n, textBlock, wrap } from './svgKit';

/** Vector charts of the report, as SVG: inlined in the HTML report, drawn into the PDF. */

export interface BarRow {
  label: string;
  value: number;
  /** Shown after the bar, e.g. "12 gommettes · 1ᵉʳ ex æquo". */
  note: string;
}

const BAR_W = 640;
const LABEL_W = 300;
const ROW_H = 44;

/** Horizontal bars, longest first as given; labels wrap on two lines. */
export function barChartSvg(rows: readonly BarRow[]): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * ROW_H + 10;
  const barSpace = BAR_W - LABEL_W - 150;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${BAR_W}" height="${height}" viewBox="0 0 ${BAR_W} ${height}">`];
  rows.forEach((r, i) => {
    const y = 5 + i * ROW_H;
    const w = Math.max(2, (r.value / max) * barSpace);
    const lines = wrap(r.label, 40, 2);
    parts.push(textBlock(0, y + (lines.length === 1 ? 24 : 16), lines, 13, 'fill="#1b1f1c"'));
    parts.push(`<rect x="${LABEL_W}" y="${y + 8}" width="${n(w)}" height="${ROW_H - 18}" rx="3" fill="${i === 0 && r.value > 0 ? '#1f7a4a' : '#5fa57d'}"/>`);
    parts.push(`<text x="${n(LABEL_W + w + 8)}" y="${y + 26}" font-family="${FONT}" font-size="13" fill="#1b1f1c">${esc(r.note)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export interface RatingPoint {
  /** Number drawn on the point, matching the list under the chart. */
  key: number;
  desirability: number;
  feasibility: number;
}

export interface RatingChartWords {
  desirability: string;
  feasibility: string;
  quadrants: { prioritaire: string; 'a-rendre-realiste': string; 'facile-mais-peu-souhaite': string; 'a-ecarter': string };
}

const PLOT = 360;
const PAD = 50;

/** The *souhaitable × réaliste* 2×2 chart on 1–4 scales, split at 2.5 like ratingSummary. */
export function ratingChartSvg(points: readonly RatingPoint[], words: RatingChartWords): string {
  const size = PLOT + 2 * PAD;
  const px = (f: number) => PAD + ((f - 1) / 3) * PLOT;
  const py = (d: number) => PAD + PLOT - ((d - 1) / 3) * PLOT;
  const mid = PAD + PLOT / 2;
  const label = (x: number, y: number, text: string, anchor: string) =>
    `<text x="${n(x)}" y="${n(y)}" font-family="${FONT}" font-size="12" fill="#4f5a52" text-anchor="${anchor}">${esc(text)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    `<rect x="${PAD}" y="${PAD}" width="${PLOT / 2}" height="${PLOT / 2}" fill="#fff4e0"/>`,
    `<rect x="${mid}" y="${PAD}" width="${PLOT / 2}" height="${PLOT / 2}" fill="#e3f2e6"/>`,
    `<rect x="${PAD}" y="${mid}" width="${PLOT / 2}" height="${PLOT / 2}" fill="#f3f3f0"/>`,
    `<rect x="${mid}" y="${mid}" width="${PLOT / 2}" height="${PLOT / 2}" fill="#eef3fa"/>`,
    `<rect x="${PAD}" y="${PAD}" width="${PLOT}" height="${PLOT}" fill="none" stroke="#8a968d"/>`,
    `<line x1="${mid}" y1="${PAD}" x2="${mid}" y2="${PAD + PLOT}" stroke="#8a968d" stroke-dasharray="4 4"/>`,
    `<line x1="${PAD}" y1="${mid}" x2="${PAD + PLOT}" y2="${mid}" stroke="#8a968d" stroke-dasharray="4 4"/>`,
    label(PAD + 6, PAD + 16, words.quadrants['a-rendre-realiste'], 'start'),
    label(PAD + PLOT - 6, PAD + 16, words.quadrants.prioritaire, 'end'),
    label(PAD + 6, PAD + PLOT - 8, words.quadrants['a-ecarter'], 'start'),
    label(PAD + PLOT - 6, PAD + PLOT - 8, words.quadrants['facile-mais-peu-souhaite'], 'end'),
    `<text x="${mid}" y="${size - 12}" font-family="${FONT}" font-size="14" font-weight="bold" fill="#1b1f1c" text-anchor="middle">${esc(words.feasibility)} →</text>`,
    `<text x="16" y="${mid}" font-family="${FONT}" font-size="14" font-weight="bold" fill="#1b1f1c" text-anchor="middle" transform="rotate(-90 16 ${mid})">${esc(words.desirability)} →</text>`,
  ];
  for (const v of [1, 2, 3, 4]) {
    parts.push(label(px(v), PAD + PLOT + 16, String(v), 'middle'));
    parts.push(label(PAD - 8, py(v) + 4, String(v), 'end'));
  }
  // Items with the same means would hide each other: they are fanned out around their spot.
  const sameSpot = new Map<string, number>();
  for (const p of points) {
    const spot = `${p.desirability.toFixed(2)}:${p.feasibility.toFixed(2)}`;
    const k = sameSpot.get(spot) ?? 0;
    sameSpot.set(spot, k + 1);
    const angle = k * 2.4;
    const x = px(p.feasibility) + (k ? 16 * Math.cos(angle) * Math.sqrt(k) : 0);
    const y = py(p.desirability) + (k ? 16 * Math.sin(angle) * Math.sqrt(k) : 0);
    parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="11" fill="#1f7a4a" stroke="#ffffff" stroke-width="2"/>`);
    parts.push(`<text x="${n(x)}" y="${n(y + 4)}" font-family="${FONT}" font-size="11" font-weight="bold" fill="#ffffff" text-anchor="middle">${p.key}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
