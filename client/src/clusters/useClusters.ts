import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { boardMaps, clusterMaps, readClusters, type ClusterView } from '@semis/shared';

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

/** Clusters of a board, re-read (at most every ~frame) when clusters or the ideas change:
 * a hidden idea leaves its cluster's count without any cluster write. */
export function useClusters(doc: Y.Doc | null): BoardClusters {
  const [state, setState] = useState<BoardClusters>(EMPTY);
  useEffect(() => {
    if (!doc) {
      setState(EMPTY);
      return;
    }
    const maps = [...Object.values(clusterMaps(doc)), boardMaps(doc).ideas];
    let timer: ReturnType<typeof setTimeout> | 0 = 0;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = 0;
        setState(read(doc));
      }, 16);
    };
    setState(read(doc));
    for (const m of maps) m.observe(schedule);
    return () => {
      for (const m of maps) m.unobserve(schedule);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return state;
}
