/** Evaluation helpers shared by the bench and the tests. Labels are any strings. */

function choose2(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Adjusted Rand index (Hubert & Arabie) between two labelings of the same items. */
export function adjustedRandIndex(truth: string[], predicted: string[]): number {
  if (truth.length !== predicted.length) throw new Error('adjustedRandIndex: labelings differ in length');
  const n = truth.length;
  if (n < 2) return 1;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${truth[i]}\u0000${predicted[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(truth[i], (rows.get(truth[i]) ?? 0) + 1);
    cols.set(predicted[i], (cols.get(predicted[i]) ?? 0) + 1);
  }
  let index = 0, sumRows = 0, sumCols = 0;
  for (const v of table.values()) index += choose2(v);
  for (const v of rows.values()) sumRows += choose2(v);
  for (const v of cols.values()) sumCols += choose2(v);
  const expected = (sumRows * sumCols) / choose2(n);
  const max = (sumRows + sumCols) / 2;
  if (max === expected) return 1; // both labelings trivial (all one cluster, or all singletons)
  return (index - expected) / (max - expected);
}

/** Unordered pairs of items sharing a non-null label, as "i,j" keys with i < j. */
export function labelPairs(labels: (string | null | undefined)[]): Set<string> {
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    if (l === null || l === undefined) return;
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const pairs = new Set<string>();
  for (const members of byLabel.values())
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) pairs.add(`${members[a]},${members[b]}`);
  return pairs;
}

export interface PairScores { precision: number; recall: number; f1: number; truePairs: number; predictedPairs: number; correct: number }

/** Pair precision/recall of predicted groups (e.g. duplicates) against reference groups; null = no group. */
export function pairPrecisionRecall(truth: (string | null | undefined)[], predicted: (string | null | undefined)[]): PairScores {
  const t = labelPairs(truth), p = labelPairs(predicted);
  let correct = 0;
  for (const k of p) if (t.has(k)) correct++;
  const precision = p.size === 0 ? (t.size === 0 ? 1 : 0) : correct / p.size;
  const recall = t.size === 0 ? 1 : correct / t.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs: t.size, predictedPairs: p.size, correct };
}
