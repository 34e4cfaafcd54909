import type { Note } from '../ydoc/notes';
import { esc, FONT, n, textBlock, wrap } from './svgKit';

export interface NotesSvgInput {
  title: string;
  /** The debate's scenario, shown above the columns. */
  statement?: string;
  columns: readonly { id: string; label: string; color: string }[];
  notes: readonly Note[];
  /** 'quadrants': 2 × 2 (AFOM); 'columns': side by side (debate). */
  layout: 'quadrants' | 'columns';
}

const NOTE_W = 220;
const NOTE_H = 120;
const GAP = 16;
const HEAD = 44;

/** An AFOM matrix or a debate board as SVG: each column a panel of post-its, 2 per row. */
export function renderNotesSvg(input: NotesSvgInput): string {
  const perRow = input.layout === 'quadrants' ? 3 : 2;
  const byColumn = new Map(input.columns.map((c) => [c.id, input.notes.filter((x) => x.column === c.id)]));
  const rowsOf = (id: string) => Math.max(1, Math.ceil((byColumn.get(id)?.length ?? 0) / perRow));
  const panelW = perRow * (NOTE_W + GAP) + GAP;
  const top = 80 + (input.statement ? 70 : 0);
  const gridCols = input.layout === 'quadrants' ? 2 : input.columns.length;
  const panelH = HEAD + Math.max(...input.columns.map((c) => rowsOf(c.id))) * (NOTE_H + GAP) + GAP;
  const gridRows = Math.ceil(input.columns.length / gridCols);
  const width = gridCols * (panelW + GAP) + GAP;
  const height = top + gridRows * (panelH + GAP) + GAP;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${GAP}" y="48" font-family="${FONT}" font-size="30" font-weight="bold" fill="#143d27">${esc(input.title)}</text>`,
  ];
  if (input.statement) parts.push(textBlock(GAP, 100, wrap(input.statement, Math.floor(width / 13), 2), 20, 'font-style="italic" fill="#1f5c3a"'));
  input.columns.forEach((c, i) => {
    const px = GAP + (i % gridCols) * (panelW + GAP);
    const py = top + Math.floor(i / gridCols) * (panelH + GAP);
    parts.push(`<rect x="${px}" y="${py}" width="${panelW}" height="${panelH}" rx="8" fill="#f7f6f1" stroke="#c9d3cb"/>`);
    parts.push(`<text x="${px + GAP}" y="${py + 30}" font-family="${FONT}" font-size="20" font-weight="bold" fill="#1b1f1c">${esc(c.label)}</text>`);
    (byColumn.get(c.id) ?? []).forEach((note, j) => {
      const x = px + GAP + (j % perRow) * (NOTE_W + GAP);
      const y = py + HEAD + Math.floor(j / perRow) * (NOTE_H + GAP);
      parts.push(`<rect x="${x}" y="${y}" width="${NOTE_W}" height="${NOTE_H}" rx="4" fill="${note.color}" stroke="#b0b0a0"/>`);
      parts.push(textBlock(x + 10, y + 24, wrap(note.text, 24, 5), 15, 'fill="#1d1d1b"'));
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}
