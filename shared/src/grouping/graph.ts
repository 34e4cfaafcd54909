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

/**
 * Inverted index in flat arrays. Each idea's entries are listed in idea order, and we
 * remember where each of an idea's features sits in its posting list, so that pairs can
 * be scored once (i < j) by reading only the tail of each list.
 */
interface Postings { start: Int32Array; idea: Int32Array; value: Float64Array; features: Int32Array[]; positions: Int32Array[]; weights: Float64Array[] }

function buildPostings(vectors: Sparse[]): Postings {
  let maxFeature = -1;
  for (const v of vectors) for (const k of v.keys()) if (k > maxFeature) maxFeature = k;
  const count = new Int32Array(maxFeature + 2);
  for (const v of vectors) for (const k of v.keys()) count[k + 1]++;
  const start = new Int32Array(maxFeature + 2);
  for (let k = 1; k < start.length; k++) start[k] = start[k - 1] + count[k];
  const total = start[start.length - 1];
  const idea = new Int32Array(total), value = new Float64Array(total);
  const fill = start.slice();
  const features: Int32Array[] = [], positions: Int32Array[] = [], weights: Float64Array[] = [];
  vectors.forEach((v, i) => {
    const f = new Int32Array(v.size), p = new Int32Array(v.size), w = new Float64Array(v.size);
    let n = 0;
    for (const [k, x] of v) {
      const at = fill[k]++;
      idea[at] = i; value[at] = x;
      f[n] = k; p[n] = at; w[n] = x; n++;
    }
    features.push(f); positions.push(p); weights.push(w);
  });
  return { start, idea, value, features, positions, weights };
}

function accumulate(P: Postings, i: number, row: Float64Array, touched: number[], mark: Uint8Array) {
  const f = P.features[i], pos = P.positions[i], w = P.weights[i];
  for (let t = 0; t < f.length; t++) {
    const end = P.start[f[t] + 1], x = w[t];
    for (let at = pos[t] + 1; at < end; at++) {
      const j = P.idea[at];
      if (!mark[j]) { mark[j] = 1; touched.push(j); }
      row[j] += x * P.value[at];
    }
  }
}

/**
 * For every idea, its neighbours with combined similarity ≥ minSim, best first
 * (ties by index, so the output is deterministic).
 */
export function neighbourLists(items: Analysed[], minSim: number): Edge[][] {
  const n = items.length;
  const C = buildPostings(items.map((a) => a.conceptVec));
  const S = buildPostings(items.map((a) => a.surfaceVec));
  const cRow = new Float64Array(n), sRow = new Float64Array(n);
  const touched: number[] = [];
  const mark = new Uint8Array(n);
  const out: Edge[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    accumulate(C, i, cRow, touched, mark);
    accumulate(S, i, sRow, touched, mark);
    for (const j of touched) {
      const sim = combined(cRow[j], sRow[j]);
      if (sim >= minSim) {
        out[i].push({ j, concept: cRow[j], surface: sRow[j], sim });
        out[j].push({ j: i, concept: cRow[j], surface: sRow[j], sim });
      }
      cRow[j] = 0; sRow[j] = 0; mark[j] = 0;
    }
    touched.length = 0;
  }
  for (const edges of out) edges.sort((a, b) => b.sim - a.sim || a.j - b.j);
  return out;
}

/** Sparse dot product of idea i's vector with j's, adding i's terms in i's own order: the
 * very additions accumulate() makes for the pair, so the result is bit-identical (vectors.ts's
 * dot walks the smaller vector, whose sum may differ in the last bit and flip a threshold). */
function dotInOrder(a: Sparse, b: Sparse): number {
  let sum = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) sum += x * y;
  }
  return sum;
}

/**
 * Combined similarity of any pair, computed on demand (absent edge, i.e. below minSim, = 0),
 * equal to the edge neighbourLists(items, minSim) would hold. For the algorithms that need
 * arbitrary pairs (average links), so the graph need not keep every weak edge, nor a map of
 * all of them: memory stays linear in the edges kept (issue #13).
 */
export function pairSimilarity(items: Analysed[], minSim: number): (i: number, j: number) => number {
  return (i, j) => {
    if (i === j) return 0;
    const [a, b] = i < j ? [items[i], items[j]] : [items[j], items[i]];
    const sim = combined(dotInOrder(a.conceptVec, b.conceptVec), dotInOrder(a.surfaceVec, b.surfaceVec));
    return sim >= minSim ? sim : 0;
  };
}
