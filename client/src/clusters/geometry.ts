import { FRAME_PAD, FRAME_TITLE, STICKY, frameBox, type Box, type ClusterView, type Position } from '@semis/shared';

/** Canvas-unit geometry of clusters: frames (shared with the server's wall export) are derived
 * from their stickies, never stored, so moving a sticky moves its frame and two facilitators
 * can't disagree about a frame's size. */
export { FRAME_PAD, FRAME_TITLE, frameBox, type Box } from '@semis/shared';

const SLOT = { w: STICKY.width + STICKY.gap, h: STICKY.height + STICKY.gap };

export const stickyBox = (p: Position): Box => ({ x: p.x, y: p.y, width: STICKY.width, height: STICKY.height });
const centerOf = (p: Position): Position => ({ x: p.x + STICKY.width / 2, y: p.y + STICKY.height / 2 });
const contains = (b: Box, p: Position) => p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export interface PlacedCluster {
  cluster: ClusterView;
  box: Box;
}

export function placeClusters(clusters: ClusterView[], positionOf: (id: string) => Position | undefined): PlacedCluster[] {
  return clusters.map((cluster) => ({
    cluster,
    box: frameBox(cluster.ideaIds.map(positionOf).filter((p): p is Position => !!p), { x: cluster.x, y: cluster.y }),
  }));
}

export type Drop =
  | { kind: 'create'; withIdeaId: string }
  | { kind: 'join'; clusterId: string }
  | { kind: 'leave'; clusterId: string }
  | { kind: 'none' };

/**
 * What dropping a sticky at `pos` means, judged by its centre: on another sticky → group with it
 * (or join its cluster); inside a frame → join; outside its own frame as drawn before the drag →
 * leave. Frames are those drawn when the drag started, so a small nudge never leaves a cluster.
 */
export function dropTarget(ideaId: string, pos: Position, positions: ReadonlyMap<string, Position>, placed: PlacedCluster[]): Drop {
  const center = centerOf(pos);
  const clusterOf = (id: string) => placed.find((p) => p.cluster.ideaIds.includes(id))?.cluster.id ?? null;
  const own = clusterOf(ideaId);
  for (const [id, p] of positions) {
    if (id === ideaId || !contains(stickyBox(p), center)) continue;
    const theirs = clusterOf(id);
    if (theirs === null) return { kind: 'create', withIdeaId: id };
    return theirs === own ? { kind: 'none' } : { kind: 'join', clusterId: theirs };
  }
  // Smallest frame first: a frame drawn inside a bigger one (overlapping clusters) wins.
  const frames = [...placed].sort((a, b) => a.box.width * a.box.height - b.box.width * b.box.height);
  const inside = frames.find((f) => contains(f.box, center));
  if (inside) return inside.cluster.id === own ? { kind: 'none' } : { kind: 'join', clusterId: inside.cluster.id };
  return own ? { kind: 'leave', clusterId: own } : { kind: 'none' };
}

/** Two stickies at these positions overlap (touching edges do not). */
export const overlaps = (a: Position, b: Position): boolean => overlapArea(stickyBox(a), stickyBox(b)) > 0;

/** No sticky of `others` is under a sticky placed at `p`. */
export const isFree = (p: Position, others: readonly Position[]): boolean => !others.some((o) => overlaps(o, p));

/** The free position nearest `want`: `want` itself, else the slots of a sticky-sized lattice
 * around it, ring by ring, nearest first. Always ends: far enough out, every slot is free. */
export function nearestFree(want: Position, others: readonly Position[]): Position {
  if (isFree(want, others)) return want;
  for (let ring = 1; ; ring++) {
    const candidates: Position[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) candidates.push({ x: want.x + dx * SLOT.w, y: want.y + dy * SLOT.h });
      }
    }
    const dist = (p: Position) => Math.hypot(p.x - want.x, p.y - want.y);
    const free = candidates.filter((c) => isFree(c, others)).sort((a, b) => dist(a) - dist(b));
    if (free[0]) return free[0];
  }
}

/** The first slot of a cluster's 3-column grid (anchored on its members' top-left) that no
 * sticky of the wall covers: a sticky joining a cluster lands in the cluster, never on anyone. */
export function slotInCluster(members: readonly Position[], others: readonly Position[]): Position {
  if (members.length === 0) return nearestFree({ x: 0, y: 0 }, others);
  const x0 = Math.min(...members.map((p) => p.x));
  const y0 = Math.min(...members.map((p) => p.y));
  for (let i = 0; ; i++) {
    const slot = { x: x0 + (i % 3) * SLOT.w, y: y0 + Math.floor(i / 3) * SLOT.h };
    if (isFree(slot, others)) return slot;
  }
}

/** Space between two tidied blocks: their frames (padding, title) and a margin. */
const BLOCK_GAP = { x: 2 * FRAME_PAD + 3 * STICKY.gap, y: 2 * FRAME_PAD + FRAME_TITLE + 2 * STICKY.gap };

/**
 * *Ranger*: every group (a cluster's ideas, then the ideas in no cluster) as a compact block of
 * at most 6 columns (the wall's grid width for the loose ideas), blocks in rows about as wide as a screen is wide
 * for their total area. Answers every idea's position and each group's top-left.
 */
export function tidyLayout(groups: readonly (readonly string[])[], loose: readonly string[]): { positions: Map<string, Position>; origins: Position[] } {
  const blocks = [...groups, loose].map((ids, g) => {
    // About 3:2 blocks (wider for the loose ideas), so the whole grid frames well on a screen.
    const columns = Math.max(1, Math.min(g === groups.length ? STICKY.columns : 6, ids.length, Math.ceil(Math.sqrt(ids.length * 1.4))));
    const rows = Math.max(1, Math.ceil(ids.length / columns));
    return { ids, columns, width: columns * SLOT.w - STICKY.gap, height: rows * SLOT.h - STICKY.gap, room: Math.max(columns, g === groups.length ? 1 : 2) * SLOT.w - STICKY.gap };
  });
  const area = blocks.reduce((a, b) => a + (b.width + BLOCK_GAP.x) * (b.height + BLOCK_GAP.y), 0);
  const rowWidth = Math.max(...blocks.map((b) => b.width), Math.sqrt(area * (16 / 9)));
  const positions = new Map<string, Position>();
  const origins: Position[] = [];
  let x = 0;
  let y = FRAME_TITLE + FRAME_PAD;
  let rowHeight = 0;
  blocks.forEach((b, g) => {
    const last = g === groups.length;
    if (last && b.ids.length === 0) return;
    // Loose ideas start a row of their own, below the clusters.
    if (x > 0 && (x + b.room > rowWidth || (last && groups.length > 0))) {
      x = 0;
      y += rowHeight + BLOCK_GAP.y;
      rowHeight = 0;
    }
    origins.push({ x, y });
    b.ids.forEach((id, i) => positions.set(id, { x: x + (i % b.columns) * SLOT.w, y: y + Math.floor(i / b.columns) * SLOT.h }));
    // A narrow cluster still gets two columns of room: its title is drawn that wide.
    x += b.room + BLOCK_GAP.x;
    rowHeight = Math.max(rowHeight, b.height);
  });
  return { positions, origins };
}

/** A compact block for n stickies to the right of everything on the wall (accepted suggestions). */
export function blockToTheRight(n: number, all: Position[]): Position[] {
  const right = all.length ? Math.max(...all.map((p) => p.x + STICKY.width)) : -STICKY.width;
  const top = all.length ? Math.min(...all.map((p) => p.y)) : 0;
  const columns = n > 3 ? 2 : 1;
  const x0 = right + 2 * FRAME_PAD + 3 * STICKY.gap;
  return Array.from({ length: n }, (_, i) => ({ x: x0 + (i % columns) * SLOT.w, y: top + Math.floor(i / columns) * SLOT.h }));
}
