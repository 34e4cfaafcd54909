import { STICKY, type Position } from '../ydoc/board';
import { FRAME_PAD, frameBox, frameColour, type Box } from '../domain/wallFrames';
import { exportFrame } from './poster';
import { esc, FONT, n, textBlock, wrap } from './svgKit';

export interface WallSvgInput {
  title: string;
  question?: string;
  /** Visible ideas where they sit on the wall; `author` null where the atelier hides authors. */
  cards: readonly { id: string; text: string; author: string | null; position: Position }[];
  clusters: readonly { id: string; title: string; ideaIds: readonly string[]; origin: Position }[];
}

const MARGIN = 40;

/** A brainstorm wall as SVG, as the facilitator sees it: cluster frames behind the stickies. */
export function renderWallSvg(input: WallSvgInput): string {
  const head = 70 + (input.question ? 34 : 0);
  const at = new Map(input.cards.map((c) => [c.id, c.position]));
  const frames = input.clusters.map((c) => ({ c, box: frameBox(c.ideaIds.flatMap((id) => at.get(id) ?? []), c.origin) }));
  const rects: Box[] = [...input.cards.map((c) => ({ ...c.position, width: STICKY.width, height: STICKY.height })), ...frames.map((f) => f.box)];
  // Clamped like posters: stickies dragged far away cannot blow up the picture.
  const content = exportFrame(rects) ?? { x: 0, y: 0, width: 800, height: 400 };
  const width = Math.max(content.width + 2 * MARGIN, 900);
  const height = content.height + 2 * MARGIN + head;
  const dx = MARGIN - content.x;
  const dy = MARGIN + head - content.y;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}">`,
    `<rect width="100%" height="100%" fill="#f7f6f1"/>`,
    `<g transform="translate(${n(dx)} ${n(dy)})">`,
  ];
  for (const { c, box } of frames) {
    const colour = frameColour(c.id);
    parts.push(`<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="12" fill="${colour}" fill-opacity="0.28" stroke="${colour}" stroke-width="3"/>`);
    const chars = Math.max(8, Math.floor((box.width - 2 * FRAME_PAD) / 11));
    parts.push(`<text x="${n(box.x + FRAME_PAD)}" y="${n(box.y + 28)}" font-family="${FONT}" font-size="18" font-weight="bold" fill="#1b1f1c">${esc(wrap(c.title, chars, 1)[0] ?? '')}</text>`);
  }
  for (const card of input.cards) {
    const { x, y } = card.position;
    parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${STICKY.width}" height="${STICKY.height}" rx="4" fill="#fff3a3" stroke="#e0c94f"/>`);
    parts.push(textBlock(x + 10, y + 24, wrap(card.text, 19, card.author ? 4 : 5), 15, 'fill="#1d1d1b"'));
    if (card.author) parts.push(`<text x="${n(x + STICKY.width - 10)}" y="${n(y + STICKY.height - 10)}" font-family="${FONT}" font-size="11" fill="#6b5d10" text-anchor="end">${esc(wrap(card.author, 26, 1)[0] ?? '')}</text>`);
  }
  parts.push('</g>');
  // Anything clamped away is painted over where it would spill onto the title.
  parts.push(`<rect x="0" y="0" width="${n(width)}" height="${head}" fill="#f7f6f1"/>`);
  parts.push(`<text x="${MARGIN}" y="46" font-family="${FONT}" font-size="30" font-weight="bold" fill="#143d27">${esc(input.title)}</text>`);
  if (input.question) parts.push(`<text x="${MARGIN}" y="84" font-family="${FONT}" font-size="20" font-style="italic" fill="#1f5c3a">${esc(wrap(input.question, Math.floor((width - 2 * MARGIN) / 11), 1)[0] ?? '')}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
