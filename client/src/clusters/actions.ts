import type * as Y from 'yjs';
import {
  clusterMaps, clusterRecordSchema, createCluster, deleteCluster, markDuplicate, mergeClusters, moveIdea, setIdeaCluster,
  type ClusterRecord, type IdeaCard, type Position,
} from '@semis/shared';
import { proposeClusterTitle } from '@semis/shared/grouping';
import { uuidv4 } from '../sync/uuid';
import { FRAME_PAD, FRAME_TITLE, blockToTheRight, dropTarget, frameBox, isFree, nearestFree, slotInCluster, tidyLayout, type PlacedCluster } from './geometry';

/**
 * Wall edits that combine a move with a cluster change. Each is one Yjs transaction (nested
 * helper transactions merge into it), so every other wall sees one consistent update — never a
 * sticky that moved but hasn't joined its frame yet. None of them ever puts a sticky over
 * another: each lands in a free slot (tests/unit/wall-layout.test.ts checks it as a property).
 */
export interface WallState {
  cards: IdeaCard[];
  /** Every sticky's position, fallbacks included (as drawn). */
  positions: ReadonlyMap<string, Position>;
  placed: PlacedCluster[];
}

const textOf = (cards: IdeaCard[], ids: string[]) => ids.map((id) => cards.find((c) => c.id === id)?.text ?? '');

function record(title: string, members: Position[]): ClusterRecord {
  const box = frameBox(members, { x: 0, y: 0 });
  return { id: uuidv4(), title: title.slice(0, 120), x: Math.round(box.x), y: Math.round(box.y), createdAt: new Date().toISOString() };
}

const membersOf = (wall: WallState, clusterId: string, except?: string) =>
  (wall.placed.find((p) => p.cluster.id === clusterId)?.cluster.ideaIds ?? []).filter((id) => id !== except).map((id) => wall.positions.get(id)!).filter(Boolean);

/** A sticky's drag ended at `pos`: move it, and create, join or leave a cluster accordingly.
 * Answers where the sticky ends up: where dropped if that hides nobody, else the nearest free slot
 * (beside the sticky it was dropped on, in the cluster it joins). */
export function dropSticky(doc: Y.Doc, wall: WallState, ideaId: string, pos: Position): Position {
  const drop = dropTarget(ideaId, pos, wall.positions, wall.placed);
  const others = [...wall.positions].filter(([id]) => id !== ideaId).map(([, p]) => p);
  let final = isFree(pos, others) ? pos : nearestFree(pos, others);
  doc.transact(() => {
    if (drop.kind === 'create') {
      const other = wall.positions.get(drop.withIdeaId)!;
      final = slotInCluster([other], others);
      moveIdea(doc, ideaId, final);
      createCluster(doc, record(proposeClusterTitle(textOf(wall.cards, [drop.withIdeaId, ideaId])), [other, final]), [drop.withIdeaId, ideaId]);
    } else if (drop.kind === 'join') {
      if (!isFree(pos, others)) final = slotInCluster(membersOf(wall, drop.clusterId, ideaId), others);
      moveIdea(doc, ideaId, final);
      setIdeaCluster(doc, ideaId, drop.clusterId);
    } else {
      moveIdea(doc, ideaId, final);
      if (drop.kind === 'leave') {
        setIdeaCluster(doc, ideaId, null);
        // The frame would be left empty on the wall: an empty frame only confuses.
        if (membersOf(wall, drop.clusterId, ideaId).length === 0) deleteCluster(doc, drop.clusterId);
      }
    }
  });
  return final;
}

export interface NewCluster {
  ideaIds: string[];
  title?: string;
  /** Duplicate sets among these ideas, first idea kept. */
  duplicates?: string[][];
}

/** New clusters from some ideas (a split, accepted suggestions), each laid out as a block to the
 * right of the wall's content so its frame covers no other cluster. One transaction for all. */
export function clusterIdeas(doc: Y.Doc, wall: WallState, groups: NewCluster[]): void {
  const positions = new Map(wall.positions);
  doc.transact(() => {
    for (const { ideaIds, title, duplicates = [] } of groups) {
      if (ideaIds.length === 0) continue;
      const others = [...positions].filter(([id]) => !ideaIds.includes(id)).map(([, p]) => p);
      const block = blockToTheRight(ideaIds.length, others);
      ideaIds.forEach((id, i) => {
        moveIdea(doc, id, block[i]!);
        positions.set(id, block[i]!);
      });
      createCluster(doc, record(title?.trim() || proposeClusterTitle(textOf(wall.cards, ideaIds)), block), ideaIds);
      for (const set of duplicates) markDuplicates(doc, set);
    }
  });
}

/** Ideas join cluster `into`, each moved into a free slot of its grid (an empty cluster: beside
 * its frame's place), so the frame stays one compact block. Call inside a transaction. */
function moveIntoCluster(doc: Y.Doc, wall: WallState, into: string, ideaIds: Iterable<string>): void {
  const moving = new Set(ideaIds);
  const members = membersOf(wall, into);
  const others = [...wall.positions].filter(([id]) => !moving.has(id)).map(([, p]) => p);
  const frame = wall.placed.find((p) => p.cluster.id === into)?.cluster;
  for (const id of moving) {
    const slot = members.length === 0 && frame ? nearestFree({ x: frame.x + FRAME_PAD, y: frame.y + FRAME_PAD + FRAME_TITLE }, others) : slotInCluster(members, others);
    moveIdea(doc, id, slot);
    setIdeaCluster(doc, id, into);
    members.push(slot);
    others.push(slot);
  }
}

/** Merges `from` into `into`: `from`'s stickies move into free slots of `into`'s grid, so the
 * merged frame is one compact block rather than a frame stretched over other clusters. */
export function mergeInto(doc: Y.Doc, wall: WallState, into: string, from: string): void {
  doc.transact(() => {
    moveIntoCluster(doc, wall, into, wall.placed.find((p) => p.cluster.id === from)?.cluster.ideaIds ?? []);
    mergeClusters(doc, into, from);
  });
}

/** An accepted "Ajouter à « … »" suggestion: ideas join a facilitator's cluster, with the
 * duplicate sets found among them folded. */
export function addToCluster(doc: Y.Doc, wall: WallState, into: string, ideaIds: string[], duplicates: string[][] = []): void {
  doc.transact(() => {
    moveIntoCluster(doc, wall, into, ideaIds);
    for (const set of duplicates) markDuplicates(doc, set);
  });
}

/** *Ranger*: every cluster as a compact block in a tidy grid, the loose ideas after them;
 * empty clusters keep a place in the grid too. One transaction, so other walls see one jump. */
export function tidyWall(doc: Y.Doc, wall: WallState): void {
  const grouped = new Set(wall.placed.flatMap((p) => p.cluster.ideaIds));
  const loose = wall.cards.map((c) => c.id).filter((id) => !grouped.has(id));
  const { positions, origins } = tidyLayout(
    wall.placed.map((p) => p.cluster.ideaIds),
    loose,
  );
  const { clusters } = clusterMaps(doc);
  doc.transact(() => {
    for (const [id, p] of positions) moveIdea(doc, id, p);
    wall.placed.forEach((p, i) => {
      const stored = clusterRecordSchema.safeParse(clusters.get(p.cluster.id));
      // Stored like a new cluster's: the frame's top-left, above its first sticky.
      if (stored.success && origins[i]) clusters.set(p.cluster.id, { ...stored.data, x: origins[i].x - FRAME_PAD, y: origins[i].y - FRAME_PAD - FRAME_TITLE });
    });
  });
}

/** The first idea of a set is kept; the others are folded into it. */
export function markDuplicates(doc: Y.Doc, ideaIds: string[]): void {
  const [canonical, ...rest] = ideaIds;
  if (!canonical) return;
  doc.transact(() => {
    for (const id of rest) markDuplicate(doc, id, canonical);
  });
}
