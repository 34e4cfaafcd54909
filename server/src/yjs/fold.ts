import * as Y from 'yjs';
import { initBoardDoc, migrateBoardDoc, readClusters } from '@semis/shared';

/**
 * What a board's stored log folds into: pure functions of the log's bytes, run by the fold
 * worker (fold-pool.ts) on a long log and in place on a short one. No state, no I/O.
 */

/** The log as one update (what a compaction stores, what a load applies). */
export function merged(parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
}

/** The state of these updates with deleted content dropped (what a gc'd Y.Doc keeps). */
export function collected(parts: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, merged(parts));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The clusters of the board the log holds, in the order every screen lists them: the
 * document read as a process loading the board reads it (initialised, migrated). */
export function clusterIds(parts: Uint8Array[], boardId: string, kind: string): string[] {
  const doc = new Y.Doc();
  try {
    if (parts.length > 0) Y.applyUpdate(doc, merged(parts));
    initBoardDoc(doc, boardId, kind);
    migrateBoardDoc(doc);
    return readClusters(doc).map((c) => c.id);
  } finally {
    doc.destroy();
  }
}

export type FoldTask =
  | { op: 'merge'; parts: Uint8Array[] }
  | { op: 'collect'; parts: Uint8Array[] }
  | { op: 'clusters'; parts: Uint8Array[]; boardId: string; kind: string };

export function runFold(task: FoldTask): Uint8Array | string[] {
  if (task.op === 'merge') return merged(task.parts);
  if (task.op === 'collect') return collected(task.parts);
  return clusterIds(task.parts, task.boardId, task.kind);
}
