/**
 * Within-atelier part of `npm run bench:grouping` (issue #15): each atelier's ideas grouped on
 * their own, as its wall is (the same call as `npm run grouping` per atelier), scored against
 * `subtopic` and the near-duplicate `group`s, on the dev file and on the held-out file; and the
 * speed of the atelier mode.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { predictionOf, scoreByAtelier, type AtelierLabelled } from '../shared/src/grouping/metrics';
import { groupAtelier } from '../scripts/grouping-rows';

export interface AtelierRow extends AtelierLabelled { text: string }

/** The files scored: the shared dev file, and ours, written by someone who never saw the method. */
export const ATELIER_FILES = ['../shared/data/ideas-atelier-dev.jsonl', 'tests/fixtures/ideas-atelier-heldout.jsonl', 'tests/fixtures/ideas-atelier-heldout2.jsonl'];

export function readRows(file: string): AtelierRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AtelierRow);
}

const pct = (x: number) => x.toFixed(3);

/** Scores of one file, overall and (`detail`) per atelier. The held-out file's detail is never
 * printed: whoever tunes the method sees one figure for it, not which atelier to chase. */
export function printAtelierScores(repoRoot: string, file: string, detail: boolean, show = false, granularity = 0.5): void {
  const rows = readRows(resolve(repoRoot, file));
  const clusters = new Map<string, number>();
  const titles = new Map<string, string[]>();
  const scores = scoreByAtelier(rows, (atelier, ideas) => {
    const result = groupAtelier(atelier, ideas.map((r) => ({ id: r.id, text: (r as AtelierRow).text })), granularity);
    clusters.set(atelier, result.clusters.length);
    titles.set(atelier, result.clusters.map((c) => `${c.title} (${c.ideaIds.length})`));
    return predictionOf(result);
  });
  const d = scores.duplicates;
  console.log(`\nper atelier        ${file} (${rows.length} ideas, ${scores.perAtelier.length} ateliers)`);
  for (const a of detail ? scores.perAtelier : []) {
    console.log(`  ${a.atelier.padEnd(28)} ${String(a.ideas).padStart(3)} ideas  ${String(clusters.get(a.atelier)).padStart(2)} clusters  ARI ${pct(a.ari)}  dup ${a.duplicates.correct}/${a.duplicates.truePairs} true, ${a.duplicates.correct}/${a.duplicates.predictedPairs} proposed`);
    if (show) console.log(`    ${titles.get(a.atelier)!.join(' · ')}`);
  }
  console.log(`  mean ARI vs subtopic (size-weighted) ${pct(scores.meanAri)}`);
  console.log(`  duplicate recall    ${pct(d.recall)}  (${d.correct}/${d.truePairs} pairs)`);
  console.log(`  duplicate precision ${pct(d.precision)}  (${d.correct}/${d.predictedPairs} pairs)`);
}

/** Median wall time and CPU time (load-independent) of the atelier mode on `count` ideas of the dev file's texts. */
export function printAtelierSpeed(repoRoot: string, count: number): void {
  const rows = readRows(resolve(repoRoot, ATELIER_FILES[0]!));
  const ideas = Array.from({ length: count }, (_, k) => {
    const t = rows[k % rows.length]!.text;
    return { id: `w${k}`, text: k < rows.length ? t : `${t} ${k % 7 === 0 ? '!!' : ''}`.trim() };
  });
  const atelier = rows[0]!.atelier;
  groupAtelier(atelier, ideas, 0.5); // warm-up (JIT, caches)
  const wall: number[] = [], cpu: number[] = [];
  const runs = count > 200 ? 3 : 5; // a big wall takes seconds: three runs tell enough
  for (let run = 0; run < runs; run++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    groupAtelier(atelier, ideas, 0.5);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`atelier mode, ${count.toLocaleString('en')} ideas  ${wall[runs >> 1]!.toFixed(0)} ms wall, ${cpu[runs >> 1]!.toFixed(0)} ms CPU (median of ${runs}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
}

/** The whole within-atelier section of the bench. */
export function printAtelierBench(repoRoot: string, show: boolean): void {
  ATELIER_FILES.forEach((file, k) => printAtelierScores(repoRoot, file, k === 0, show));
  console.log('');
  for (const count of [40, 1000]) printAtelierSpeed(repoRoot, count);
}
