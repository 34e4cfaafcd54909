/**
 * The pairs of ideas that reach a similarity threshold, found without scoring every pair:
 * ideas with identical vectors are searched once, and candidates come from an inverted index
 * that leaves out each vector's most common features. Kept apart from the rows (graph.ts)
 * because its correctness rests on bounds of its own (the index's, the rows' floors), which
 * are read together here.
 */
import { CONCEPT_SHARE, combined, dotInOrder, scatter, type RowFilter, type View } from './similarity';

/** Float slack on the similarity bounds below, far above rounding error (~1e-15). */
const EPS = 1e-9;

/**
 * What the last neighbourLists call did, counted rather than timed so that a test can tell
 * the pairwise step's cost whatever the machine's load: distinct vectors, postings walked in
 * the inverted index, pairs scored exactly, pairs kept.
 */
export const lastSearch = { vectors: 0, postings: 0, scored: 0, kept: 0 };

/** Ideas grouped by identical vectors (same features, order and weights in both views). */
export interface Identical { reps: Int32Array; copyStart: Int32Array; copies: Int32Array }

export function identicalGroups(C: View, S: View): Identical {
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

/** What distinctPairs found: pair e is vectors q[e] < r[e], with each view's sum in q's order
 * (cQR, sQR) and in r's (cRQ, sRQ), and whether it reaches minSim in each order; a vector
 * against itself (for its copies) in cSelf, sSelf, selfKept. */
export interface Pairs {
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
export function distinctPairs(C: View, S: View, minSim: number, groups: Identical, only?: RowFilter): Pairs {
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
