/**
 * Grouping benchmark: quality against the dev file's reference labels, and speed on
 * 1,000, 2,000 and 5,000 ideas. Usage: tsx bench/grouping.ts [file.jsonl] [--half odd|even]
 * (the default file is the shared dev set; --half keeps every other line, for a
 * held-out check).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestGroups, type GroupingInput } from '../shared/src/grouping/index';
import { adjustedRandIndex, pairPrecisionRecall } from '../shared/src/grouping/metrics';
import { printAtelierBench } from './grouping-atelier';

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

/** 1,000 ideas from the file's texts, perturbed the way phones do, so the timing is not on exact repeats. */
function thousandIdeas(texts: string[], count = 1000): GroupingInput[] {
  const out: GroupingInput[] = [];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let k = 0; out.length < count; k++) {
    let t = texts[k % texts.length];
    const mode = Math.floor(k / texts.length) % 4;
    if (mode === 1) t = t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (mode === 2) t = t.toUpperCase() + ' !!';
    if (mode === 3 && t.length > 4) { const p = Math.floor(rnd() * (t.length - 2)); t = t.slice(0, p) + t[p + 1] + t[p] + t.slice(p + 2); }
    out.push({ id: `b${out.length}`, text: t });
  }
  return out;
}
const big = thousandIdeas(rows.map((r) => r.text));
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
// Bigger walls (issue #13): one run each, peak RSS of the process so far (so 5,000 after 2,000).
// CPU time (process.cpuUsage) is printed too: on a loaded machine the wall time is mostly waiting.
// The perturbed walls repeat each text ~13 (2,000) or ~33 (5,000) times, many identically once
// normalised; the "distinct" wall mixes and misspells them so that no two ideas are the same.
function distinctIdeas(texts: string[], count: number): GroupingInput[] {
  let seed = 777;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: GroupingInput[] = [];
  for (let k = 0; k < count; k++) {
    const words = texts[Math.floor(rnd() * texts.length)].split(' ').filter(() => rnd() > 0.2);
    if (rnd() < 0.5) words.push(...texts[Math.floor(rnd() * texts.length)].split(' ').slice(0, 3));
    let t = `${words.join(' ')} ${k}`;
    if (t.length > 4 && rnd() < 0.5) { const p = Math.floor(rnd() * (t.length - 2)); t = t.slice(0, p) + t[p + 1] + t[p] + t.slice(p + 2); }
    out.push({ id: `d${k}`, text: t });
  }
  return out;
}
console.log(`load average        ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const walls: [string, GroupingInput[]][] = [
  ['2,000 ideas        ', thousandIdeas(rows.map((r) => r.text), 2000)],
  ['5,000 ideas        ', thousandIdeas(rows.map((r) => r.text), 5000)],
  ['5,000 distinct     ', distinctIdeas(rows.map((r) => r.text), 5000)],
];
for (const [label, ideas] of walls) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  suggestGroups(ideas);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(`${label} ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms), peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
console.log(`load average        ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (args.includes('--show')) for (const c of result.clusters) console.log(`\n[${c.id}] ${c.title}\n  ` + c.ideaIds.map((id) => `${rows.find((r) => r.id === id)?.theme?.slice(0, 8)} ${rows.find((r) => r.id === id)?.text.slice(0, 60)}`).join('\n  '));
// Within one atelier (issue #15): dev and held-out files, and the atelier mode's speed.
printAtelierBench(repoRoot, args.includes('--show'));
