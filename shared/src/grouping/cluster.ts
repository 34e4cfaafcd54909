/**
 * Theme clustering. The lexicon gives each idea a vote per domain; votes are then
 * smoothed over the similarity graph (an idea borrows from its nearest neighbours,
 * which rescues posts the lexicon half-understands), near-duplicates are forced to
 * agree, and each idea goes to its best domain. Granularity then merges domains into
 * broad families (coarse) or splits each domain by sub-topic (fine).
 */
import { DOMAINS, DOMAIN_COUNT } from './lexicon';
import type { Edge } from './similarity';
import type { Analysed } from './vectors';

/** How much an idea listens to its neighbours, relative to its own words. */
const NEIGHBOUR_WEIGHT = 0.5;
/** domainScores reads each idea's NEIGHBOURS best edges (≥ MIN_NEIGHBOUR_SIM), no more. */
export const NEIGHBOURS = 5;
/** Neighbours below this similarity share too little to lend a theme. */
export const MIN_NEIGHBOUR_SIM = 0.2;

/** Sentinel "domain" for ideas nobody can place: the "Divers" cluster. */
export const DIVERS = -1;

function distribution(v: Float64Array): Float64Array {
  let sum = 0;
  for (const x of v) sum += x;
  const out = new Float64Array(v.length);
  if (sum > 0) for (let d = 0; d < v.length; d++) out[d] = v[d] / sum;
  return out;
}

function argmax(v: Float64Array): number {
  let best = DIVERS, bestValue = 1e-9;
  for (let d = 0; d < v.length; d++) if (v[d] > bestValue) { best = d; bestValue = v[d]; }
  return best;
}

/** Smoothed domain scores per idea (one label-propagation step from the lexicon votes). */
export function domainScores(items: Analysed[], neighbours: Edge[][]): Float64Array[] {
  const own = items.map((a) => distribution(a.domainVotes));
  return items.map((_, i) => {
    const q = Float64Array.from(own[i]);
    let k = 0;
    for (const e of neighbours[i]) {
      if (k >= NEIGHBOURS || e.sim < MIN_NEIGHBOUR_SIM) break;
      const p = own[e.j];
      for (let d = 0; d < DOMAIN_COUNT; d++) q[d] += NEIGHBOUR_WEIGHT * e.sim * p[d];
      k++;
    }
    return q;
  });
}

/**
 * Domain per idea (or DIVERS). Members of a duplicate group share one domain: the
 * best for the group as a whole.
 */
export function assignDomains(scores: Float64Array[], duplicateGroups: number[][]): number[] {
  const domain = scores.map(argmax);
  for (const group of duplicateGroups) {
    const sum = new Float64Array(DOMAIN_COUNT);
    for (const i of group) for (let d = 0; d < DOMAIN_COUNT; d++) sum[d] += scores[i][d];
    const best = argmax(sum);
    for (const i of group) domain[i] = best;
  }
  return domain;
}

/** Key of the cluster an idea's domain belongs to at this granularity (before sub-splitting). */
export function coarseKey(domain: number, granularity: number): string {
  if (domain === DIVERS) return 'divers';
  if (granularity < 0.25) return `famille-${DOMAINS[domain].family}`;
  return DOMAINS[domain].id;
}

/**
 * Splits one cluster into `target` sub-topics by average-link agglomeration on the
 * combined similarity. Units are lists of idea indexes that must stay together
 * (duplicates). Average links are updated with the Lance–Williams formula, so this is
 * cubic in the number of units of one cluster, not of the board.
 */
export function splitCluster(units: number[][], sim: (i: number, j: number) => number, target: number): number[][] {
  const groups: (number[] | null)[] = units.map((u) => [...u]);
  const m = groups.length;
  const link: Float64Array[] = [];
  for (let a = 0; a < m; a++) {
    link.push(new Float64Array(m));
    for (let b = 0; b < a; b++) {
      let total = 0;
      for (const x of units[a]) for (const y of units[b]) total += sim(x, y);
      link[a][b] = link[b][a] = total / (units[a].length * units[b].length);
    }
  }
  for (let alive = m; alive > Math.max(1, target); alive--) {
    let best = -1, bi = -1, bj = -1;
    for (let a = 0; a < m; a++) {
      if (!groups[a]) continue;
      for (let b = a + 1; b < m; b++) if (groups[b] && link[a][b] > best) { best = link[a][b]; bi = a; bj = b; }
    }
    if (bi < 0) break;
    const na = groups[bi]!.length, nb = groups[bj]!.length;
    for (let c = 0; c < m; c++) {
      if (!groups[c] || c === bi || c === bj) continue;
      link[bi][c] = link[c][bi] = (na * link[bi][c] + nb * link[bj][c]) / (na + nb);
    }
    groups[bi] = [...groups[bi]!, ...groups[bj]!];
    groups[bj] = null;
  }
  return groups.filter((g): g is number[] => g !== null);
}
