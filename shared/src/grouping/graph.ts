/**
 * Similarity graph between ideas. Two views are kept apart because they answer
 * different questions: the concept view says "same subject", the surface view says
 * "same words" (typos included). Near-duplicates need both; themes mostly need the first.
 */
import type { Analysed, Sparse } from './vectors';

export interface Edge { j: number; concept: number; surface: number; sim: number }

/** Weight of the concept view in the combined similarity. */
export const CONCEPT_SHARE = 0.6;

export const combined = (concept: number, surface: number) => CONCEPT_SHARE * concept + (1 - CONCEPT_SHARE) * surface;

function postings(vectors: Sparse[]): Map<number, [number, number][]> {
  const index = new Map<number, [number, number][]>();
  vectors.forEach((v, i) => {
    for (const [k, x] of v) {
      const list = index.get(k);
      if (list) list.push([i, x]);
      else index.set(k, [[i, x]]);
    }
  });
  return index;
}

/**
 * For every idea, its neighbours with combined similarity ≥ minSim, best first.
 * Inverted indexes keep this near-linear on short texts; rows are dense scratch arrays.
 */
export function neighbourLists(items: Analysed[], minSim: number): Edge[][] {
  const n = items.length;
  const cIndex = postings(items.map((a) => a.conceptVec));
  const sIndex = postings(items.map((a) => a.surfaceVec));
  const cRow = new Float64Array(n), sRow = new Float64Array(n);
  const touched: number[] = [];
  const mark = new Uint8Array(n);
  const out: Edge[][] = [];
  for (let i = 0; i < n; i++) {
    const accumulate = (v: Sparse, index: Map<number, [number, number][]>, row: Float64Array) => {
      for (const [k, x] of v) for (const [j, y] of index.get(k) ?? []) {
        if (j === i) continue;
        if (!mark[j]) { mark[j] = 1; touched.push(j); }
        row[j] += x * y;
      }
    };
    accumulate(items[i].conceptVec, cIndex, cRow);
    accumulate(items[i].surfaceVec, sIndex, sRow);
    const edges: Edge[] = [];
    for (const j of touched) {
      const sim = combined(cRow[j], sRow[j]);
      if (sim >= minSim) edges.push({ j, concept: cRow[j], surface: sRow[j], sim });
      cRow[j] = 0; sRow[j] = 0; mark[j] = 0;
    }
    touched.length = 0;
    edges.sort((a, b) => b.sim - a.sim || a.j - b.j);
    out.push(edges);
  }
  return out;
}
