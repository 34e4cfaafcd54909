/**
 * Similarity graph between ideas. Two views are kept apart because they answer
 * different questions: the concept view says "same subject", the surface view says
 * "same words" (typos included). Near-duplicates need both; themes mostly need the first.
 */
import type { Analysed, FlatVectors } from './vectors';

export interface Edge { j: number; concept: number; surface: number; sim: number }

/** Weight of the concept view in the combined similarity. */
export const CONCEPT_SHARE = 0.6;

export const combined = (concept: number, surface: number) => CONCEPT_SHARE * concept + (1 - CONCEPT_SHARE) * surface;

/**
 * Both views of every idea in flat arrays (CSR: idea i's entries are start[i]..start[i+1]),
 * each idea's features in its vector's own order. Concept c is feature c of the concept
 * view, surface feature s is feature s of the surface view.
 */
type View = FlatVectors;
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
function flatten(items: readonly Analysed[]): Flat {
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
function dotInOrder(V: View, a: number, dense: Float64Array): number {
  let sum = 0;
  for (let at = V.start[a], end = V.start[a + 1]; at < end; at++) sum += V.w[at] * dense[V.id[at]];
  return sum;
}

function scatter(V: View, b: number, dense: Float64Array, on: boolean) {
  for (let at = V.start[b], end = V.start[b + 1]; at < end; at++) dense[V.id[at]] = on ? V.w[at] : 0;
}

/** Float slack on the similarity bounds below, far above rounding error (~1e-15). */
const EPS = 1e-9;

/**
 * Which of a row's edges a caller reads: its `top` best, and any other for which `also`
 * holds (i is the row's idea). On walls of look-alike ideas rows hold hundreds of edges
 * nobody reads; not building them saves most of the graph's time and memory.
 */
/** `also` must not keep the edge it is given (it is reused). With `alsoAbove`, the caller says
 * that `also` keeps no edge below that similarity: pairs that can be neither in a row's `top`
 * nor kept by `also` are then not even scored (see distinctPairs). */
export interface RowFilter { top: number; also?: (i: number, e: Edge) => boolean; alsoAbove?: number }

/**
 * What the last neighbourLists call did, counted rather than timed so that a test can tell
 * the pairwise step's cost whatever the machine's load: distinct vectors, postings walked in
 * the inverted index, pairs scored exactly, pairs kept.
 */
export const lastSearch = { vectors: 0, postings: 0, scored: 0, kept: 0 };

/**
 * For every idea, its neighbours with combined similarity ≥ minSim, best first
 * (ties by index, so the output is deterministic); with `only`, the subsequence of each
 * row that the filter keeps.
 *
 * Ideas whose vectors are identical (the same post typed twice, or in capitals) are
 * scored once: pairs are searched among distinct vectors, then spread to every copy.
 */
export function neighbourLists(items: Analysed[], minSim: number, only?: RowFilter): Edge[][] {
  const { concept: C, surface: S } = flatten(items);
  const groups = identicalGroups(C, S);
  const pairs = distinctPairs(subView(C, groups.reps), subView(S, groups.reps), minSim, groups, only);
  return rowsOf(items.length, groups, pairs, only);
}

/**
 * The rows, one at a time: each idea's edges are gathered from its vector's pairs (every copy
 * of the other vector) into buffers as long as the longest row, then sorted — or, with a
 * filter, only its `top` best and the edges the filter keeps are picked and sorted. Walls of
 * look-alike ideas hold a million edges ≥ minSim of which a fifth is read: they are never all
 * stored at once, nor all sorted (issue #13).
 */
function rowsOf(n: number, groups: Identical, pairs: Pairs, only?: RowFilter): Edge[][] {
  const { copyStart, copies } = groups;
  const m = copyStart.length - 1;
  const groupOf = new Int32Array(n);
  for (let g = 0; g < m; g++) for (let a = copyStart[g]; a < copyStart[g + 1]; a++) groupOf[copies[a]] = g;
  // The pairs of each vector (CSR), and the longest row they make.
  const adjStart = new Int32Array(m + 1);
  for (let e = 0; e < pairs.q.length; e++) { adjStart[pairs.q[e] + 1]++; adjStart[pairs.r[e] + 1]++; }
  for (let g = 0; g < m; g++) adjStart[g + 1] += adjStart[g];
  const adj = new Int32Array(adjStart[m]), fill = adjStart.slice(0, m);
  for (let e = 0; e < pairs.q.length; e++) { adj[fill[pairs.q[e]]++] = e; adj[fill[pairs.r[e]]++] = e; }
  const size = (g: number) => copyStart[g + 1] - copyStart[g];
  let longest = 0;
  for (let g = 0; g < m; g++) {
    let len = pairs.selfKept[g] ? size(g) - 1 : 0;
    for (let t = adjStart[g]; t < adjStart[g + 1]; t++) len += size(pairs.q[adj[t]] === g ? pairs.r[adj[t]] : pairs.q[adj[t]]);
    longest = Math.max(longest, len);
  }
  const row: Row = { nb: new Int32Array(longest), ec: new Float64Array(longest), es: new Float64Array(longest), sim: new Float64Array(longest), len: 0 };
  const sorter = rowSorter(n, longest);
  const out: Edge[][] = new Array(n);
  for (let x = 0; x < n; x++) {
    const g = groupOf[x];
    let len = 0;
    for (let t = adjStart[g]; t < adjStart[g + 1]; t++) {
      const e = adj[t], q = pairs.q[e], h = q === g ? pairs.r[e] : q;
      for (let b = copyStart[h]; b < copyStart[h + 1]; b++) {
        const y = copies[b];
        // The sums ran in the order of the pair's lower index: q's for a copy of q first.
        const qFirst = groupOf[Math.min(x, y)] === q;
        if (!(qFirst ? pairs.qrKept[e] : pairs.rqKept[e])) continue;
        row.nb[len] = y;
        row.ec[len] = qFirst ? pairs.cQR[e] : pairs.cRQ[e];
        row.es[len++] = qFirst ? pairs.sQR[e] : pairs.sRQ[e];
      }
    }
    if (pairs.selfKept[g]) {
      for (let a = copyStart[g]; a < copyStart[g + 1]; a++) {
        if (copies[a] === x) continue;
        row.nb[len] = copies[a]; row.ec[len] = pairs.cSelf[g]; row.es[len++] = pairs.sSelf[g];
      }
    }
    row.len = len;
    for (let k = 0; k < len; k++) row.sim[k] = combined(row.ec[k], row.es[k]);
    out[x] = only ? filteredRow(x, row, only) : sorter(row);
  }
  return out;
}

/** One row's edges, in buffers reused from row to row (the first `len` entries). */
interface Row { nb: Int32Array; ec: Float64Array; es: Float64Array; sim: Float64Array; len: number }

/** Edge k before edge l in a row: greater similarity, then lower index. */
const before = (r: Row, k: number, l: number) => r.sim[k] > r.sim[l] || (r.sim[k] === r.sim[l] && r.nb[k] < r.nb[l]);

const edgeAt = (r: Row, k: number): Edge => ({ j: r.nb[k], concept: r.ec[k], surface: r.es[k], sim: r.sim[k] });

/**
 * A whole row as Edge objects, best first and ties by index. Sorting is done on numeric keys
 * with the typed arrays' native sort (the rank of the edge's similarity in its row, then the
 * neighbour's index), not with a comparator over objects: rows hold hundreds of edges on walls
 * of look-alike ideas.
 */
function rowSorter(n: number, longest: number): (r: Row) => Edge[] {
  const at = new Int32Array(n);
  const ascBuf = new Float64Array(longest), keyBuf = new Float64Array(longest);
  return (r) => {
    const m = r.len, ascending = ascBuf.subarray(0, m), keys = keyBuf.subarray(0, m);
    ascending.set(r.sim.subarray(0, m));
    ascending.sort();
    for (let k = 0; k < m; k++) {
      // Number of edges with a strictly greater similarity: its rank from the top.
      let lo = 0, hi = m;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (ascending[mid] <= r.sim[k]) lo = mid + 1; else hi = mid; }
      keys[k] = (m - lo) * n + r.nb[k];
      at[r.nb[k]] = k;
    }
    keys.sort();
    const out: Edge[] = new Array(m);
    for (let k = 0; k < m; k++) out[k] = edgeAt(r, at[keys[k] % n]);
    return out;
  };
}

/**
 * The subsequence of a row's sorted edges that `only` keeps: its `top` best (found by insertion
 * into a short sorted list) and those `also` keeps (asked about one reused edge), sorted. What
 * is kept is the same whatever the order it is found in, as `also` reads nothing but its edge.
 */
function filteredRow(i: number, r: Row, only: RowFilter): Edge[] {
  const best: number[] = [];
  for (let k = 0; k < r.len; k++) {
    if (best.length === only.top && (only.top === 0 || !before(r, k, best[only.top - 1]))) continue;
    let at = best.length < only.top ? best.length : only.top - 1;
    best[at] = k;
    while (at > 0 && before(r, k, best[at - 1])) { best[at] = best[at - 1]; best[--at] = k; }
  }
  const kept = best.slice();
  if (only.also) {
    const probe: Edge = { j: 0, concept: 0, surface: 0, sim: 0 };
    const inTop = new Set(best);
    for (let k = 0; k < r.len; k++) {
      if (inTop.has(k)) continue;
      probe.j = r.nb[k]; probe.concept = r.ec[k]; probe.surface = r.es[k]; probe.sim = r.sim[k];
      if (only.also(i, probe)) kept.push(k);
    }
  }
  if (kept.length > best.length) kept.sort((k, l) => (before(r, k, l) ? -1 : 1));
  return kept.map((k) => edgeAt(r, k));
}

/** Ideas grouped by identical vectors (same features, order and weights in both views). */
interface Identical { reps: Int32Array; copyStart: Int32Array; copies: Int32Array }

function identicalGroups(C: View, S: View): Identical {
  const n = C.start.length - 1;
  const cBits = new Int32Array(C.w.buffer, C.w.byteOffset, C.w.length * 2), sBits = new Int32Array(S.w.buffer, S.w.byteOffset, S.w.length * 2);
  const same = (V: View, bits: Int32Array, a: number, b: number) => {
    const a0 = V.start[a], b0 = V.start[b], len = V.start[a + 1] - a0;
    if (V.start[b + 1] - b0 !== len) return false;
    for (let t = 0; t < len; t++) if (V.id[a0 + t] !== V.id[b0 + t] || bits[2 * (a0 + t)] !== bits[2 * (b0 + t)] || bits[2 * (a0 + t) + 1] !== bits[2 * (b0 + t) + 1]) return false;
    return true;
  };
  const hash = (V: View, bits: Int32Array, i: number, h: number) => {
    for (let t = V.start[i]; t < V.start[i + 1]; t++) {
      h = Math.imul(h ^ V.id[t], 0x01000193);
      h = Math.imul(h ^ bits[2 * t], 0x01000193);
      h = Math.imul(h ^ bits[2 * t + 1], 0x01000193);
    }
    return Math.imul(h ^ (V.start[i + 1] - V.start[i]), 0x01000193);
  };
  const groupOf = new Int32Array(n);
  const repList: number[] = [];
  const byHash = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const h = hash(S, sBits, i, hash(C, cBits, i, 0x811c9dc5));
    const bucket = byHash.get(h);
    const g = bucket?.find((g) => same(C, cBits, repList[g], i) && same(S, sBits, repList[g], i));
    if (g !== undefined) { groupOf[i] = g; continue; }
    groupOf[i] = repList.length;
    if (bucket) bucket.push(repList.length);
    else byHash.set(h, [repList.length]);
    repList.push(i);
  }
  const m = repList.length;
  const copyStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) copyStart[groupOf[i] + 1]++;
  for (let g = 0; g < m; g++) copyStart[g + 1] += copyStart[g];
  const fill = copyStart.slice(0, m), copies = new Int32Array(n);
  for (let i = 0; i < n; i++) copies[fill[groupOf[i]]++] = i;
  return { reps: Int32Array.from(repList), copyStart, copies };
}

/** The rows `rows` of a view, in that order. */
function subView(V: View, rows: Int32Array): View {
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

/** What distinctPairs found: pair e is vectors q[e] < r[e], with each view's sum in q's order
 * (cQR, sQR) and in r's (cRQ, sRQ), and whether it reaches minSim in each order; a vector
 * against itself (for its copies) in cSelf, sSelf, selfKept. */
interface Pairs {
  q: number[]; r: number[]; cQR: number[]; sQR: number[]; cRQ: number[]; sRQ: number[]; qrKept: boolean[]; rqKept: boolean[];
  cSelf: Float64Array; sSelf: Float64Array; selfKept: Uint8Array;
}

/**
 * Pairs of distinct vectors q < r (indexes into groups.reps) reaching minSim, each scored in
 * both orders when some copy of r comes before some copy of q (the sums may differ in the
 * last bit), and every vector against itself (for its copies).
 *
 * Candidate pairs come from an inverted index that leaves out each vector's most common
 * features, as in all-pairs similarity search (Bayardo et al. 2007): with both views
 * scaled so that their dot product is the combined similarity, a vector's common features
 * stay out of the index as long as a bound on what they can add to any pair — Σ weight ×
 * the feature's largest weight on the board, or their L2 norm — stays below minSim. A pair
 * that reaches minSim must then meet on an indexed feature, and a candidate whose indexed
 * score plus that bound falls short is dropped. The long posting lists of "<de", "ent>"
 * and the like are never walked, and every kept pair is scored exactly as before.
 */
function distinctPairs(C: View, S: View, minSim: number, groups: Identical, only?: RowFilter): Pairs {
  const m = C.start.length - 1;
  const { copyStart, copies } = groups;
  const Z = joinViews(C, S);
  const { pStart, fill, pIdea, pW, bound, insert } = buildIndex(Z, minSim);
  const floor = rowFloors(m, minSim, copyStart, only);
  let postings = 0, scored = 0;
  const q: number[] = [], r: number[] = [], cQR: number[] = [], sQR: number[] = [], cRQ: number[] = [], sRQ: number[] = [];
  const qrKept: boolean[] = [], rqKept: boolean[] = [];
  const cSelf = new Float64Array(m), sSelf = new Float64Array(m), selfKept = new Uint8Array(m);

  const cDense = new Float64Array(C.size), sDense = new Float64Array(S.size);
  const cOther = new Float64Array(C.size), sOther = new Float64Array(S.size);
  const score = new Float64Array(m), mark = new Uint8Array(m), touched = new Int32Array(m);
  // Vectors in order: the index then holds exactly the vectors before g.
  for (let g = 0; g < m; g++) {
    let count = 0;
    for (let t = Z.start[g], end = Z.start[g + 1]; t < end; t++) {
      const f = Z.id[t], x = Z.w[t];
      postings += fill[f] - pStart[f];
      for (let at = pStart[f], stop = fill[f]; at < stop; at++) {
        const h = pIdea[at];
        if (mark[h] === 0) { mark[h] = 1; touched[count++] = h; }
        score[h] += x * pW[at];
      }
    }
    scatter(C, g, cDense, true);
    scatter(S, g, sDense, true);
    if (copyStart[g + 1] - copyStart[g] > 1 && Z.start[g + 1] > Z.start[g]) {
      cSelf[g] = dotInOrder(C, g, cDense); sSelf[g] = dotInOrder(S, g, sDense);
      selfKept[g] = combined(cSelf[g], sSelf[g]) >= minSim ? 1 : 0;
      if (selfKept[g]) floor.found(g, combined(cSelf[g], sSelf[g]), g);
    }
    const firstOfG = copies[copyStart[g]];
    for (let k = 0; k < count; k++) {
      const h = touched[k];
      const need = floor.of(g, h);
      if (score[h] + bound[h] >= need - EPS) {
        scored++;
        // h's first copy is before g's: the sums run in h's order, and in g's order too
        // if a copy of g comes before a copy of h.
        const c1 = dotInOrder(C, h, cDense), s1 = dotInOrder(S, h, sDense);
        let c2 = c1, s2 = s1;
        if (firstOfG < copies[copyStart[h + 1] - 1]) {
          scatter(C, h, cOther, true);
          scatter(S, h, sOther, true);
          c2 = dotInOrder(C, g, cOther); s2 = dotInOrder(S, g, sOther);
          scatter(C, h, cOther, false);
          scatter(S, h, sOther, false);
        }
        const sim1 = combined(c1, s1), sim2 = combined(c2, s2);
        const keep1 = sim1 >= minSim, keep2 = sim2 >= minSim;
        if ((keep1 || keep2) && Math.max(sim1, sim2) >= need) {
          q.push(h); r.push(g); cQR.push(c1); sQR.push(s1); cRQ.push(c2); sRQ.push(s2); qrKept.push(keep1); rqKept.push(keep2);
          // In every row of a copy of g, and of h, only when both orders reach minSim.
          if (keep1 && keep2) floor.found(g, Math.min(sim1, sim2), h);
        }
      }
      score[h] = 0; mark[h] = 0;
    }
    scatter(C, g, cDense, false);
    scatter(S, g, sDense, false);
    insert(g);
  }
  Object.assign(lastSearch, { vectors: m, postings, scored, kept: q.length });
  return { q, r, cQR, sQR, cRQ, sRQ, qrKept, rqKept, cSelf, sSelf, selfKept };
}

/**
 * The least similarity a pair of vectors g, h must reach to be read by `only`: a pair below
 * `top` edges of both ideas' rows (and below `alsoAbove`, what `also` may keep) is in no filtered
 * row, and need not be scored. Each vector's floor is the `top`-th best similarity found so
 * far in its rows, each pair counted once per copy of the other vector and in the lower of its
 * two orders' sums: a bound under every copy's own, so a pair strictly below it is beaten by
 * `top` others in every row it would be in, whatever the ties. Floors only rise, so a pair
 * left out is never needed later. Without `only`, or without `alsoAbove` for an `also`, every
 * pair ≥ minSim is needed.
 */
function rowFloors(m: number, minSim: number, copyStart: Int32Array, only?: RowFilter) {
  const above = !only ? minSim : only.also ? Math.max(minSim, only.alsoAbove ?? minSim) : Infinity;
  const top = only && above > minSim ? only.top : 0;
  /** per vector, its `top` best similarities found so far, best first */
  const best = new Float64Array(m * top).fill(-Infinity);
  const floorOf = (g: number) => (top === 0 ? Infinity : Math.max(minSim, best[g * top + top - 1]));
  const add = (g: number, sim: number, times: number) => {
    for (let t = 0; t < times && sim > best[g * top + top - 1]; t++) {
      let at = g * top + top - 1;
      while (at > g * top && best[at - 1] < sim) { best[at] = best[at - 1]; at--; }
      best[at] = sim;
    }
  };
  const copiesOf = (g: number) => copyStart[g + 1] - copyStart[g];
  return {
    of: (g: number, h: number) => (above <= minSim ? minSim : Math.min(above, floorOf(g), floorOf(h))),
    /** A pair (or g with itself) reaching `sim` in every row of a copy of either. */
    found(g: number, sim: number, h: number) {
      if (top === 0) return;
      if (g === h) add(g, sim, copiesOf(g) - 1);
      else { add(g, sim, copiesOf(h)); add(h, sim, copiesOf(g)); }
    },
  };
}

/** Both views in one feature space (surface feature s is C.size + s), weights scaled so that
 * the dot product of two ideas is their combined similarity. */
function joinViews(C: View, S: View): View {
  const n = C.start.length - 1;
  const start = new Int32Array(n + 1), id = new Int32Array(C.id.length + S.id.length), w = new Float64Array(id.length);
  const cScale = Math.sqrt(CONCEPT_SHARE), sScale = Math.sqrt(1 - CONCEPT_SHARE);
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let t = C.start[i]; t < C.start[i + 1]; t++) { id[at] = C.id[t]; w[at++] = cScale * C.w[t]; }
    for (let t = S.start[i]; t < S.start[i + 1]; t++) { id[at] = C.size + S.id[t]; w[at++] = sScale * S.w[t]; }
    start[i + 1] = at;
  }
  return { start, id, w, size: C.size + S.size };
}

/**
 * The inverted index of neighbourLists. Each idea's features are taken from the most to the
 * least frequent on the board; they stay out of the index while the bound on their
 * contribution to any pair is below minSim, and that bound is kept per idea (`bound`).
 * Ideas enter the index one by one (`insert`).
 */
function buildIndex(Z: View, minSim: number) {
  const n = Z.start.length - 1, F = Z.size;
  const df = new Int32Array(F), maxW = new Float64Array(F);
  for (let at = 0; at < Z.id.length; at++) {
    const f = Z.id[at];
    df[f]++;
    if (Z.w[at] > maxW[f]) maxW[f] = Z.w[at];
  }
  // rank 0 = the most frequent feature; a feature's rank·F + its id sorts ties by id.
  const order = new Float64Array(F);
  for (let f = 0; f < F; f++) order[f] = (n - df[f]) * F + f;
  order.sort();
  const rank = new Int32Array(F);
  for (let r = 0; r < F; r++) rank[order[r] % F] = r;

  // Per idea, the position (in its own list) of each feature, sorted by rank; indexed from `first[i]` on.
  const byRank = new Int32Array(Z.id.length), first = new Int32Array(n), bound = new Float64Array(n);
  const pCount = new Int32Array(F + 1);
  const key = new Float64Array(Z.id.length);
  let SPAN = 1;
  for (let i = 0; i < n; i++) SPAN = Math.max(SPAN, Z.start[i + 1] - Z.start[i]);
  for (let i = 0; i < n; i++) {
    const s0 = Z.start[i], len = Z.start[i + 1] - s0;
    for (let t = 0; t < len; t++) key[s0 + t] = rank[Z.id[s0 + t]] * SPAN + t;
    const sorted = key.subarray(s0, s0 + len).sort();
    let dotBound = 0, squares = 0, k = 0;
    for (; k < len; k++) {
      const at = s0 + (sorted[k] % SPAN), x = Z.w[at];
      const nextDot = dotBound + x * maxW[Z.id[at]], nextSquares = squares + x * x;
      if (Math.min(nextDot, Math.sqrt(nextSquares)) >= minSim - EPS) break;
      dotBound = nextDot; squares = nextSquares;
    }
    bound[i] = Math.min(dotBound, Math.sqrt(squares));
    first[i] = k;
    for (let m = 0; m < len; m++) {
      byRank[s0 + m] = s0 + (sorted[m] % SPAN);
      if (m >= k) pCount[Z.id[byRank[s0 + m]] + 1]++;
    }
  }
  const pStart = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) pStart[f + 1] = pStart[f] + pCount[f + 1];
  const fill = pStart.slice(0, F);
  const pIdea = new Int32Array(pStart[F]), pW = new Float64Array(pStart[F]);
  const insert = (i: number) => {
    for (let m = Z.start[i] + first[i]; m < Z.start[i + 1]; m++) {
      const at = byRank[m], f = Z.id[at], p = fill[f]++;
      pIdea[p] = i; pW[p] = Z.w[at];
    }
  };
  return { pStart, fill, pIdea, pW, bound, insert };
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
