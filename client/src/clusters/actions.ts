import type * as Y from 'yjs';
import {
  createCluster, deleteCluster, markDuplicate, moveIdea, setIdeaCluster,
  type ClusterRecord, type IdeaCard, type Position,
} from '@semis/shared';
import { proposeClusterTitle } from '@semis/shared/grouping';
import { uuidv4 } from '../sync/uuid';
import { blockToTheRight, dropTarget, frameBox, freeSlot, settle, type PlacedCluster } from './geometry';

/**
 * Wall edits that combine a move with a cluster change. Each is one Yjs transaction (nested
 * helper transactions merge into it), so every other wall sees one consistent update — never a
 * sticky that moved but hasn't joined its frame yet.
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

/** A sticky's drag ended at `pos`: move it, and create, join or leave a cluster accordingly.
 * Answers where the sticky ends up. */
export function dropSticky(doc: Y.Doc, wall: WallState, ideaId: string, pos: Position): Position {
  const drop = dropTarget(ideaId, pos, wall.positions, wall.placed);
  const membersOf = (clusterId: string) =>
    (wall.placed.find((p) => p.cluster.id === clusterId)?.cluster.ideaIds ?? []).filter((id) => id !== ideaId).map((id) => wall.positions.get(id)!).filter(Boolean);
  let final = pos;
  doc.transact(() => {
    if (drop.kind === 'create') {
      const other = wall.positions.get(drop.withIdeaId)!;
      final = freeSlot([other]);
      moveIdea(doc, ideaId, final);
      createCluster(doc, record(proposeClusterTitle(textOf(wall.cards, [drop.withIdeaId, ideaId])), [other, final]), [drop.withIdeaId, ideaId]);
    } else if (drop.kind === 'join') {
      final = settle(pos, membersOf(drop.clusterId));
      moveIdea(doc, ideaId, final);
      setIdeaCluster(doc, ideaId, drop.clusterId);
    } else {
      moveIdea(doc, ideaId, pos);
      if (drop.kind === 'leave') {
        setIdeaCluster(doc, ideaId, null);
        // The frame would be left empty on the wall: an empty frame only confuses.
        if (membersOf(drop.clusterId).length === 0) deleteCluster(doc, drop.clusterId);
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

/** The first idea of a set is kept; the others are folded into it. */
export function markDuplicates(doc: Y.Doc, ideaIds: string[]): void {
  const [canonical, ...rest] = ideaIds;
  if (!canonical) return;
  doc.transact(() => {
    for (const id of rest) markDuplicate(doc, id, canonical);
  });
}
