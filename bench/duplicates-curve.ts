/**
 * Near-duplicate recall/precision curve on one wall per atelier (issue #15): the wall rule
 * (wall-duplicates.ts: mutual nearest ideas above a threshold, any pair above threshold + 0.05)
 * swept over its threshold, on the wall's similarity and, for comparison, on the word-alignment
 * pair score (pair-score.ts). Pairs pooled over ateliers, as `npm run bench:grouping` does.
 * Usage: tsx bench/duplicates-curve.ts [file.jsonl]   (default: the shared dev file)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseWall, contextStems, similarityMatrix } from '../shared/src/grouping/atelier';
import { installLefff } from '../shared/src/grouping/lemma-node';
import { pairIdeas, pairMatrix } from '../shared/src/grouping/pair-score';
import { DUPLICATE_PARAMS, wallDuplicates } from '../shared/src/grouping/wall-duplicates';
import { pairPrecisionRecall } from '../shared/src/grouping/metrics';

interface Row { id: string; text: string; atelier: string; group?: string | null }

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = resolve(repoRoot, process.argv[2] ?? '../shared/data/ideas-atelier-dev.jsonl');
const rows: Row[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
installLefff(); // as the grouping worker does for the atelier mode

const byAtelier = new Map<string, Row[]>();
for (const r of rows) byAtelier.set(r.atelier, [...(byAtelier.get(r.atelier) ?? []), r]);
// The same analysis as groupAtelier (scripts/grouping-rows.ts): the atelier id read as its title.
const walls = [...byAtelier].map(([atelier, ideas]) => {
  const context = contextStems({ title: atelier.replace(/[-_]+/g, ' ').trim() });
  const items = analyseWall(ideas, context);
  return { ideas, wall: similarityMatrix(items), pair: pairMatrix(pairIdeas(items, context)) };
});

function scoreAt(matrix: 'wall' | 'pair', threshold: number): { correct: number; proposed: number; truth: number } {
  let correct = 0, proposed = 0, truth = 0;
  for (const w of walls) {
    const groups = wallDuplicates(w.ideas.length, w[matrix], { ...DUPLICATE_PARAMS, threshold, sure: threshold + (DUPLICATE_PARAMS.sure - DUPLICATE_PARAMS.threshold) });
    const predicted: (string | null)[] = w.ideas.map(() => null);
    groups.forEach((g, x) => { for (const i of g) predicted[i] = `d${x}`; });
    const s = pairPrecisionRecall(w.ideas.map((r) => r.group ?? null), predicted);
    correct += s.correct; proposed += s.predictedPairs; truth += s.truePairs;
  }
  return { correct, proposed, truth };
}

console.log(`file ${file} (${rows.length} ideas, ${walls.length} ateliers); rule threshold ${DUPLICATE_PARAMS.threshold}`);
console.log('threshold  wall similarity: R / P (pairs)        word alignment: R / P (pairs)');
for (let t = 0.15; t <= 0.601; t += 0.05) {
  const cells = (['wall', 'pair'] as const).map((m) => {
    const s = scoreAt(m, t);
    const p = s.proposed === 0 ? '  -  ' : (s.correct / s.proposed).toFixed(2);
    return `${(s.correct / s.truth).toFixed(3)} / ${p} (${s.correct}/${s.truth} true, ${s.correct}/${s.proposed} proposed)`.padEnd(42);
  });
  console.log(`${t.toFixed(2)}       ${cells.join(' ')}`);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
