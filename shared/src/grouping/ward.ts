/**
 * Ward agglomeration by the nearest-neighbour chain (O(m²) time and memory), over units that
 * may already hold several ideas (near-duplicates stay together). Similarities are cosines of
 * unit vectors, so squared distances between centroids follow from mean similarities.
 */

export interface Merge { a: number; b: number; height: number }

/**
 * `units` are lists of item indexes; `sim(i, j)` the cosine of items i and j (1 on i = j).
 * Returns the m − 1 merges in increasing height; unit indexes are 0..m−1 and merged
 * clusters keep the smaller index.
 */
export function wardMerges(units: number[][], sim: (i: number, j: number) => number): Merge[] {
  const m = units.length;
  const size = units.map((u) => u.length);
  const self = units.map((u) => meanSim(u, u, sim));
  const d = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = a + 1; b < m; b++) {
      const sq = self[a] + self[b] - 2 * meanSim(units[a], units[b], sim);
      d[a * m + b] = d[b * m + a] = ((size[a] * size[b]) / (size[a] + size[b])) * Math.max(0, sq);
    }
  const alive = new Uint8Array(m).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = m;
  while (remaining > 1) {
    if (chain.length === 0) chain.push(alive.indexOf(1));
    const a = chain[chain.length - 1];
    const prev = chain.length > 1 ? chain[chain.length - 2] : -1;
    // Nearest alive neighbour of a; ties go to the previous chain element, then the lower index.
    let best = prev, bestD = prev >= 0 ? d[a * m + prev] : Infinity;
    for (let c = 0; c < m; c++) if (alive[c] && c !== a && d[a * m + c] < bestD) { best = c; bestD = d[a * m + c]; }
    if (best !== prev) { chain.push(best); continue; }
    chain.length -= 2;
    const [x, y] = a < best ? [a, best] : [best, a];
    merges.push({ a: x, b: y, height: bestD });
    for (let c = 0; c < m; c++) {
      if (!alive[c] || c === x || c === y) continue;
      const nx = size[x], ny = size[y], nc = size[c];
      const v = ((nx + nc) * d[x * m + c] + (ny + nc) * d[y * m + c] - nc * bestD) / (nx + ny + nc);
      d[x * m + c] = d[c * m + x] = v;
    }
    size[x] += size[y];
    alive[y] = 0;
    remaining--;
  }
  return merges.sort((p, q) => p.height - q.height || p.a - q.a || p.b - q.b);
}

function meanSim(a: number[], b: number[], sim: (i: number, j: number) => number): number {
  let total = 0;
  for (const i of a) for (const j of b) total += i === j ? 1 : sim(i, j);
  return total / (a.length * b.length);
}

/** Cluster label (the lowest unit index of the cluster) of each unit after cutting to k clusters. */
export function cutMerges(m: number, merges: Merge[], k: number): number[] {
  const parent = Array.from({ length: m }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let n = 0; n < merges.length && m - n > k; n++) {
    const ra = find(merges[n].a), rb = find(merges[n].b);
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  }
  return parent.map((_, i) => find(i));
}
