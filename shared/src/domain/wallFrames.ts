import { STICKY, type Position } from '../ydoc/board';

/** Canvas-unit geometry of cluster frames on a wall, shared by the wall (client) and its
 * SVG/PNG export (server): frames are derived from their stickies, never stored. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const FRAME_PAD = 14;
/** Room above the stickies for the cluster's title. */
export const FRAME_TITLE = 40;

/** The frame around some stickies; an empty cluster keeps a placeholder at its stored origin. */
export function frameBox(members: Position[], origin: Position): Box {
  if (members.length === 0) return { x: origin.x, y: origin.y, width: STICKY.width + 2 * FRAME_PAD, height: STICKY.height / 2 + FRAME_TITLE };
  const minX = Math.min(...members.map((p) => p.x));
  const minY = Math.min(...members.map((p) => p.y));
  const maxX = Math.max(...members.map((p) => p.x + STICKY.width));
  const maxY = Math.max(...members.map((p) => p.y + STICKY.height));
  return { x: minX - FRAME_PAD, y: minY - FRAME_PAD - FRAME_TITLE, width: maxX - minX + 2 * FRAME_PAD, height: maxY - minY + 2 * FRAME_PAD + FRAME_TITLE };
}

/** Soft colours that keep the yellow stickies readable on top of them. */
const PALETTE = ['#7fb88f', '#8fb3d9', '#d9a27f', '#b79fd6', '#d6c46f', '#7fc7c0'];
/** By id, so a cluster keeps its colour when others come and go. */
export function frameColour(clusterId: string): string {
  let h = 0;
  for (const ch of clusterId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
