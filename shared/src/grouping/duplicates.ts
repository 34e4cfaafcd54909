/**
 * Near-duplicate detection: average-link agglomeration over the similarity graph,
 * stopped at a fixed threshold. Average link (rather than single link) keeps one
 * loosely related idea from chaining two different proposals together.
 */
import type { Edge } from './similarity';

/** Combined similarity at which two posts are proposed as the same idea. */
export const DUPLICATE_THRESHOLD = 0.38;
/**
 * Two posts are the same idea only if they are about the same thing: shared words alone
 * ("la gare" in a bus idea and in a coworking-in-the-old-station idea) are not enough,
 * unless the wording is almost identical.
 */
const MIN_CONCEPT = 0.3;
const SAME_WORDING = 0.6;
/** A merge proposal bigger than this is a theme, not a duplicate. */
const MAX_GROUP = 4;

/** The edges findDuplicateGroups reads (each pair once, from its lower index's row). */
export function isDuplicateCandidate(i: number, e: Edge, threshold = DUPLICATE_THRESHOLD): boolean {
  return e.j > i && e.sim >= threshold && (e.concept >= MIN_CONCEPT || e.surface >= SAME_WORDING);
}

/** Groups of ≥ 2 idea indexes, each sorted, in order of their first member. `neighbours`
 * must hold every edge ≥ threshold; `sim` answers for any pair (see pairSimilarity). */
export function findDuplicateGroups(neighbours: Edge[][], sim: (i: number, j: number) => number, threshold = DUPLICATE_THRESHOLD): number[][] {
  const n = neighbours.length;
  const candidates: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < n; i++) for (const e of neighbours[i]) if (isDuplicateCandidate(i, e, threshold)) candidates.push({ i, j: e.j, s: e.sim });
  strongestFirst(candidates, n);

  const groupOf = new Int32Array(n).map((_, i) => i);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) members.set(i, [i]);
  for (const { i, j } of candidates) {
    const gi = groupOf[i], gj = groupOf[j];
    if (gi === gj) continue;
    const a = members.get(gi)!, b = members.get(gj)!;
    if (a.length + b.length > MAX_GROUP) continue;
    let total = 0;
    for (const x of a) for (const y of b) total += sim(x, y);
    if (total / (a.length * b.length) < threshold) continue;
    const merged = [...a, ...b];
    for (const x of b) groupOf[x] = gi;
    members.set(gi, merged);
    members.delete(gj);
  }
  return [...members.values()]
    .filter((m) => m.length >= 2)
    .map((m) => m.sort((x, y) => x - y))
    .sort((a, b) => a[0] - b[0]);
}

/**
 * Sorts candidate pairs by similarity, then i, then j. Walls of look-alike ideas give
 * hundreds of thousands of candidates: they are sorted as numeric keys (rank of the
 * similarity, i, j) with the typed arrays' native sort rather than with a comparator.
 */
function strongestFirst(candidates: { i: number; j: number; s: number }[], n: number) {
  const m = candidates.length;
  if ((m + 1) * n * n >= Number.MAX_SAFE_INTEGER) {
    candidates.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
    return;
  }
  const ascending = Float64Array.from(candidates, (c) => c.s).sort();
  const keys = new Float64Array(m);
  candidates.forEach((c, k) => {
    // How many candidates are strictly stronger: the rank from the top.
    let lo = 0, hi = m;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ascending[mid] <= c.s) lo = mid + 1; else hi = mid; }
    keys[k] = ((m - lo) * n + c.i) * n + c.j;
  });
  keys.sort();
  for (let k = 0; k < m; k++) {
    const rank = Math.floor(keys[k] / (n * n)), pair = keys[k] % (n * n);
    candidates[k] = { i: Math.floor(pair / n), j: pair % n, s: ascending[m - rank - 1] };
  }
}
