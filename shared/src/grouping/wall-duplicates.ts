/**
 * Near-duplicates within one wall: the same proposal in other words. A wrong merge costs the
 * facilitator more than a missed one, so a pair must be very similar on the wall's features
 * (related words count, so "bus" ≈ "navette" helps) AND be each other's closest idea.
 */

export const DUPLICATE_PARAMS = {
  /** Cosine above which two mutual nearest ideas are proposed as one. 0.3 proposed 21 pairs on
   * the dev file, 13 of them two ideas of one sub-topic that are not the same proposal (two
   * ideas on hedges, two on the post office); 0.4, chosen on the three tuning ateliers, keeps 6. */
  threshold: 0.4,
  /** Above this, a pair is proposed even if one of them has a closer idea. */
  sure: 0.45,
  /** A merge proposal bigger than this is a sub-topic, not a duplicate. */
  maxGroup: 3,
};

/** Groups of ≥ 2 item indexes (sorted), in order of their first member. */
export function wallDuplicates(n: number, sim: Float64Array, params = DUPLICATE_PARAMS): number[][] {
  const at = (i: number, j: number) => sim[i * n + j];
  const nearest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let j = 0; j < n; j++) if (j !== i && at(i, j) > best) { best = at(i, j); nearest[i] = j; }
  }
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = at(i, j);
      const mutual = nearest[i] === j && nearest[j] === i;
      if ((mutual && s >= params.threshold) || s >= params.sure) pairs.push({ i, j, s });
    }
  pairs.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  const group = Array.from({ length: n }, (_, i) => [i]);
  for (const { i, j } of pairs) {
    const a = group[i], b = group[j];
    if (a === b || a.length + b.length > params.maxGroup) continue;
    // Every member must resemble every other one: no chaining through a middle idea.
    if (!a.every((x) => b.every((y) => at(x, y) >= params.threshold))) continue;
    const merged = [...a, ...b];
    for (const x of merged) group[x] = merged;
  }
  const seen = new Set<number[]>();
  const out: number[][] = [];
  for (const g of group) if (g.length >= 2 && !seen.has(g)) { seen.add(g); out.push([...g].sort((x, y) => x - y)); }
  return out.sort((a, b) => a[0] - b[0]);
}
