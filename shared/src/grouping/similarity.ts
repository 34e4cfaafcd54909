/**
 * Similarity between two ideas. Two views are kept apart because they answer
 * different questions: the concept view says "same subject", the surface view says
 * "same words" (typos included). Near-duplicates need both; themes mostly need the first.
 *
 * What the graph (graph.ts) and its pair search (pair-search.ts) share lives here: the flat
 * views both read, and the one order of summing that keeps every similarity bit-identical
 * whichever of them computed it.
 */
import type { Analysed, FlatVectors } from './vectors';

export interface Edge { j: number; concept: number; surface: number; sim: number }

/** Weight of the concept view in the combined similarity. */
export const CONCEPT_SHARE = 0.6;

export const combined = (concept: number, surface: number) => CONCEPT_SHARE * concept + (1 - CONCEPT_SHARE) * surface;

/**
 * Which of a row's edges a caller reads: its `top` best, and any other for which `also`
 * holds (i is the row's idea). On walls of look-alike ideas rows hold hundreds of edges
 * nobody reads; not building them saves most of the graph's time and memory.
 * `also` must not keep the edge it is given (it is reused). With `alsoAbove`, the caller says
 * that `also` keeps no edge below that similarity: pairs that can be neither in a row's `top`
 * nor kept by `also` are then not even scored (see distinctPairs in pair-search.ts).
 */
export interface RowFilter { top: number; also?: (i: number, e: Edge) => boolean; alsoAbove?: number }

/**
 * Both views of every idea in flat arrays (CSR: idea i's entries are start[i]..start[i+1]),
 * each idea's features in its vector's own order. Concept c is feature c of the concept
 * view, surface feature s is feature s of the surface view.
 */
export type View = FlatVectors;
interface Flat { n: number; concept: View; surface: View }

function flatView(vectors: ReadonlyMap<number, number>[]): View {
  const start = new Int32Array(vectors.length + 1);
  let size = 0;
  vectors.forEach((v, i) => {
    start[i + 1] = start[i] + v.size;
    for (const k of v.keys()) if (k >= size) size = k + 1;
  });
  const id = new Int32Array(start[vectors.length]), w = new Float64Array(start[vectors.length]);
  vectors.forEach((v, i) => {
    let at = start[i];
    for (const [k, x] of v) { id[at] = k; w[at] = x; at++; }
  });
  return { start, id, w, size };
}

/** One flat copy per board: neighbourLists and pairSimilarity run on the same items. Items
 * of one analyseBoard call are read from its flat arrays (the board's own, when they are all of
 * it in order: no copy); others from their Maps. */
const flats = new WeakMap<readonly Analysed[], Flat>();
export function flatten(items: readonly Analysed[]): Flat {
  let flat = flats.get(items);
  if (!flat || flat.n !== items.length) {
    const board = items[0]?.flat?.board;
    if (board && items.every((a) => a.flat?.board === board)) {
      const rows = Int32Array.from(items, (a) => a.flat!.row);
      flat = { n: items.length, concept: subView(board.concept, rows), surface: subView(board.surface, rows) };
    } else flat = { n: items.length, concept: flatView(items.map((a) => a.conceptVec)), surface: flatView(items.map((a) => a.surfaceVec)) };
    flats.set(items, flat);
  }
  return flat;
}

/**
 * Dot product of idea a with idea b in one view, adding a's terms in a's own order — the
 * order the sums were always made in, so thresholds and ties come out bit-identical
 * whatever found the pair. `dense` holds b's weights by feature (0 elsewhere); adding +0
 * for a's features b lacks leaves the sum unchanged, as all weights are ≥ 0.
 */
export function dotInOrder(V: View, a: number, dense: Float64Array): number {
  let sum = 0;
  for (let at = V.start[a], end = V.start[a + 1]; at < end; at++) sum += V.w[at] * dense[V.id[at]];
  return sum;
}

export function scatter(V: View, b: number, dense: Float64Array, on: boolean) {
  for (let at = V.start[b], end = V.start[b + 1]; at < end; at++) dense[V.id[at]] = on ? V.w[at] : 0;
}

/** The rows `rows` of a view, in that order. */
export function subView(V: View, rows: Int32Array): View {
  if (rows.length === V.start.length - 1 && rows.every((r, k) => r === k)) return V;
  const start = new Int32Array(rows.length + 1);
  for (let k = 0; k < rows.length; k++) start[k + 1] = start[k] + V.start[rows[k] + 1] - V.start[rows[k]];
  const id = new Int32Array(start[rows.length]), w = new Float64Array(start[rows.length]);
  for (let k = 0; k < rows.length; k++) {
    id.set(V.id.subarray(V.start[rows[k]], V.start[rows[k] + 1]), start[k]);
    w.set(V.w.subarray(V.start[rows[k]], V.start[rows[k] + 1]), start[k]);
  }
  return { start, id, w, size: V.size };
}

/**
 * Combined similarity of any pair, computed on demand (absent edge, i.e. below minSim, = 0),
 * equal to the edge neighbourLists(items, minSim) would hold. For the algorithms that need
 * arbitrary pairs (average links), so the graph need not keep every weak edge, nor a map of
 * all of them: memory stays linear in the edges kept (issue #13).
 */
export function pairSimilarity(items: Analysed[], minSim: number): (i: number, j: number) => number {
  let state: { flat: Flat; cDense: Float64Array; sDense: Float64Array } | undefined;
  return (i, j) => {
    if (i === j) return 0;
    if (!state) {
      const flat = flatten(items);
      state = { flat, cDense: new Float64Array(flat.concept.size), sDense: new Float64Array(flat.surface.size) };
    }
    const { flat: { concept: C, surface: S }, cDense, sDense } = state;
    const [a, b] = i < j ? [i, j] : [j, i];
    scatter(C, b, cDense, true);
    scatter(S, b, sDense, true);
    const sim = combined(dotInOrder(C, a, cDense), dotInOrder(S, a, sDense));
    scatter(C, b, cDense, false);
    scatter(S, b, sDense, false);
    return sim >= minSim ? sim : 0;
  };
}