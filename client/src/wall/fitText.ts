import Konva from 'konva';

const FONT = 'system-ui, sans-serif';
export const STICKY_FONT = { family: FONT, max: 28, min: 12, lineHeight: 1.15 } as const;

const cache = new Map<string, number>();
let probe: Konva.Text | null = null;

/**
 * The largest font size (STICKY_FONT.min…max) at which `text`, wrapped by words, fits a
 * width × height box — measured by Konva itself, so what is measured is what is drawn. Short
 * ideas get big type, readable on a wall of 60 at the default zoom; long ones shrink, and only
 * below the minimum does the sticky cut with an ellipsis.
 */
export function fitFontSize(text: string, width: number, height: number): number {
  const key = `${width}x${height}:${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  probe ??= new Konva.Text({ fontFamily: FONT, lineHeight: STICKY_FONT.lineHeight, wrap: 'word' });
  probe.setAttrs({ text, width, height: undefined });
  let lo: number = STICKY_FONT.min;
  let hi: number = STICKY_FONT.max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    probe.fontSize(mid);
    // A word longer than the line is broken by Konva: it fits, but count its width too.
    const widest = Math.max(...text.split(/\s+/).map((w) => probe!.measureSize(w).width));
    if (probe.height() <= height && widest <= width) lo = mid;
    else hi = mid - 1;
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, lo);
  return lo;
}
