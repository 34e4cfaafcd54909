/**
 * Grouping benchmark: quality against the dev file's reference labels, and speed on
 * 1,000, 2,000 and 5,000 ideas. Usage: tsx bench/grouping.ts [file.jsonl] [--half odd|even]
 * (the default file is the shared dev set; --half keeps every other line, for a
 * held-out check).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestGroups } from '../shared/src/grouping/index';
import { adjustedRandIndex, pairPrecisionRecall } from '../shared/src/grouping/metrics';
import { printAtelierBench } from './grouping-atelier';
import { perturbedIdeas } from '../tests/support/grouping-walls';

interface Row { id: string; text: string; theme?: string; group?: string | null }

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const halfAt = args.indexOf('--half');
const half = halfAt >= 0 ? args[halfAt + 1] : undefined;
const fileArg = args.filter((a, k) => !a.startsWith('--') && (halfAt < 0 || k !== halfAt + 1))[0];
const file = resolve(repoRoot, fileArg ?? '../shared/data/ideas-dev.jsonl');

let rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
if (half === 'odd') rows = rows.filter((_, k) => k % 2 === 0); // lines 1, 3, 5…
if (half === 'even') rows = rows.filter((_, k) => k % 2 === 1);

const result = suggestGroups(rows.map((r) => ({ id: r.id, text: r.text })));
const clusterOf = new Map<string, string>();
for (const c of result.clusters) for (const id of c.ideaIds) clusterOf.set(id, c.id);
const dupOf = new Map<string, string>();
for (const d of result.duplicates) for (const id of d.ideaIds) dupOf.set(id, d.id);

const ari = adjustedRandIndex(rows.map((r) => r.theme ?? ''), rows.map((r) => clusterOf.get(r.id) ?? '?'));
const dup = pairPrecisionRecall(rows.map((r) => r.group ?? null), rows.map((r) => dupOf.get(r.id) ?? null));

const big = perturbedIdeas(rows.map((r) => r.text));
suggestGroups(big); // warm-up (JIT, stemmer caches)
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  suggestGroups(big);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);

console.log(`file                ${file}${half ? ` (${half} lines)` : ''}`);
console.log(`ideas               ${rows.length}`);
console.log(`clusters            ${result.clusters.length}`);
console.log(`ARI vs theme        ${ari.toFixed(3)}`);
console.log(`duplicate recall    ${dup.recall.toFixed(3)}  (${dup.correct}/${dup.truePairs} pairs)`);
console.log(`duplicate precision ${dup.precision.toFixed(3)}  (${dup.correct}/${dup.predictedPairs} pairs)`);
console.log(`1,000 ideas         ${times[2].toFixed(0)} ms (median of 5)`);
// Bigger walls (issue #13): each in a process of its own (bench/grouping-wall.ts), so that the peak
// RSS is that wall's, and the grouping's own share (peak − RSS before it, code and data loaded)
// can be told from the process's. CPU time is printed too: on a loaded machine the wall time is
// mostly waiting.
console.log(`load average        ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const [label, kind, count] of [['2,000 ideas        ', 'perturbed', 2000], ['5,000 ideas        ', 'perturbed', 5000], ['5,000 distinct     ', 'distinct', 5000]] as const) {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', resolve(repoRoot, 'bench/grouping-wall.ts'), kind, String(count)], { cwd: repoRoot, encoding: 'utf8' });
  const w = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; cpuMs: number; rssBefore: number; peakRss: number };
  console.log(`${label} ${w.ms} ms (CPU ${w.cpuMs} ms), peak RSS ${w.peakRss} MB: grouping ${w.peakRss - w.rssBefore} MB over ${w.rssBefore} MB before it`);
}
console.log(`load average        ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (args.includes('--show')) for (const c of result.clusters) console.log(`\n[${c.id}] ${c.title}\n  ` + c.ideaIds.map((id) => `${rows.find((r) => r.id === id)?.theme?.slice(0, 8)} ${rows.find((r) => r.id === id)?.text.slice(0, 60)}`).join('\n  '));
// Within one atelier (issue #15): dev and held-out files, and the atelier mode's speed.
printAtelierBench(repoRoot, args.includes('--show'));
