import { FRAME_PAD, STICKY, frameBox, type Box, type ClusterView, type Position } from '@semis/shared';

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

/** First slot of a 3-column grid anchored on the members' top-left that covers none of them. */
export function freeSlot(members: Position[]): Position {
  if (members.length === 0) return { x: 0, y: 0 };
  const x0 = Math.min(...members.map((p) => p.x));
  const y0 = Math.min(...members.map((p) => p.y));
  for (let i = 0; ; i++) {
    const slot = { x: x0 + (i % 3) * SLOT.w, y: y0 + Math.floor(i / 3) * SLOT.h };
    if (!members.some((m) => overlapArea(stickyBox(m), stickyBox(slot)) > 0)) return slot;
  }
}

/** A dropped sticky that mostly hides a member is tidied into a free slot; otherwise it stays. */
export function settle(pos: Position, members: Position[]): Position {
  const hidden = members.some((m) => overlapArea(stickyBox(m), stickyBox(pos)) > (STICKY.width * STICKY.height) / 4);
  return hidden ? freeSlot(members) : pos;
}

/** A compact block for n stickies to the right of everything on the wall (accepted suggestions). */
export function blockToTheRight(n: number, all: Position[]): Position[] {
  const right = all.length ? Math.max(...all.map((p) => p.x + STICKY.width)) : -STICKY.width;
  const top = all.length ? Math.min(...all.map((p) => p.y)) : 0;
  const columns = n > 3 ? 2 : 1;
  const x0 = right + 2 * FRAME_PAD + 3 * STICKY.gap;
  return Array.from({ length: n }, (_, i) => ({ x: x0 + (i % columns) * SLOT.w, y: top + Math.floor(i / columns) * SLOT.h }));
}
