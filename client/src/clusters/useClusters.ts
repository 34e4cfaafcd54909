import type * as Y from 'yjs';
import { boardMaps, clusterMaps, readClusters, type ClusterView } from '@semis/shared';
import { useDocReader } from '../sync/useDocReader';

export interface BoardClusters {
  clusters: ClusterView[];
  /** ideaId → the idea it is a near-duplicate of (only valid string entries). */
  merged: ReadonlyMap<string, string>;
}

const EMPTY: BoardClusters = { clusters: [], merged: new Map() };

function read(doc: Y.Doc): BoardClusters {
  const merged = new Map<string, string>();
  clusterMaps(doc).merged.forEach((v, k) => typeof v === 'string' && merged.set(k, v));
  return { clusters: readClusters(doc), merged };
}

const watched = (doc: Y.Doc) => [...Object.values(clusterMaps(doc)), boardMaps(doc).ideas];

/** Clusters of a board, re-read (at most every ~frame) when clusters or the ideas change:
 * a hidden idea leaves its cluster's count without any cluster write. */
export function useClusters(doc: Y.Doc | null): BoardClusters {
  return useDocReader(doc, EMPTY, read, watched);
}
