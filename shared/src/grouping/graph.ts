/**
 * Similarity graph between ideas: each idea's neighbours, best first. The pairs come from
 * pair-search.ts; this file turns them into rows.
 */
import { distinctPairs, identicalGroups, type Identical, type Pairs } from './pair-search';
import { combined, flatten, subView, type Edge, type RowFilter } from './similarity';
import type { Analysed } from './vectors';

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
