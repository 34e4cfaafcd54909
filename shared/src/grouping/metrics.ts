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

/** One idea of a labelled within-atelier set (ideas-atelier-dev.jsonl's shape). */
export interface AtelierLabelled { id: string; atelier: string; subtopic: string; group?: string | null }
/** What a grouping proposed for the ideas of one atelier: cluster and duplicate-group id per idea. */
export interface AtelierPrediction { cluster: Record<string, string>; duplicate: Record<string, string> }
export interface AtelierScore { atelier: string; ideas: number; ari: number; duplicates: PairScores }
export interface AtelierScores { perAtelier: AtelierScore[]; meanAri: number; duplicates: PairScores }

/**
 * Within-atelier scores: each atelier is judged on its own (as its wall is grouped alone);
 * ARI vs `subtopic` is averaged weighted by the atelier's size; duplicate pairs are pooled
 * over ateliers (a pair never spans two ateliers). `predict` groups one atelier's ideas.
 */
export function scoreByAtelier(rows: AtelierLabelled[], predict: (atelier: string, ideas: AtelierLabelled[]) => AtelierPrediction): AtelierScores {
  const byAtelier = new Map<string, AtelierLabelled[]>();
  for (const r of rows) byAtelier.set(r.atelier, [...(byAtelier.get(r.atelier) ?? []), r]);
  const perAtelier: AtelierScore[] = [];
  let weighted = 0, total = 0, truePairs = 0, predictedPairs = 0, correct = 0;
  for (const atelier of [...byAtelier.keys()].sort()) {
    const ideas = byAtelier.get(atelier)!;
    const p = predict(atelier, ideas);
    const ari = adjustedRandIndex(ideas.map((r) => r.subtopic), ideas.map((r) => p.cluster[r.id] ?? `?${r.id}`));
    const duplicates = pairPrecisionRecall(ideas.map((r) => r.group ?? null), ideas.map((r) => p.duplicate[r.id] ?? null));
    perAtelier.push({ atelier, ideas: ideas.length, ari, duplicates });
    weighted += ari * ideas.length;
    total += ideas.length;
    truePairs += duplicates.truePairs; predictedPairs += duplicates.predictedPairs; correct += duplicates.correct;
  }
  const precision = predictedPairs === 0 ? (truePairs === 0 ? 1 : 0) : correct / predictedPairs;
  const recall = truePairs === 0 ? 1 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { perAtelier, meanAri: total === 0 ? 0 : weighted / total, duplicates: { precision, recall, f1, truePairs, predictedPairs, correct } };
}

/** A grouping result read as per-idea cluster and duplicate ids (for scoreByAtelier). */
export function predictionOf(result: { clusters: { id: string; ideaIds: string[] }[]; duplicates: { id: string; ideaIds: string[] }[] }): AtelierPrediction {
  const cluster: Record<string, string> = {}, duplicate: Record<string, string> = {};
  for (const c of result.clusters) for (const id of c.ideaIds) cluster[id] = c.id;
  for (const d of result.duplicates) for (const id of d.ideaIds) duplicate[id] = d.id;
  return { cluster, duplicate };
}
