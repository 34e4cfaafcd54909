/**
 * Same suggestions? One hash per case — the dev and held-out files (cross-theme and per
 * atelier) at several granularities, and the bench's big walls — to compare before and after a
 * change that must not alter what the grouping proposes (run it on both and diff the output).
 * Usage: tsx bench/grouping-hash.ts [--quick]   (--quick leaves out the 5,000-idea walls)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestGroups, type GroupingResult } from '../shared/src/grouping/index';
import { groupAtelier } from '../scripts/grouping-rows';
import { distinctIdeas, perturbedIdeas } from '../tests/support/grouping-walls';

interface Row { id: string; text: string; atelier?: string }
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string): Row[] =>
  readFileSync(resolve(repoRoot, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
const hash = (results: GroupingResult[]) => createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 16);
const print = (label: string, results: GroupingResult[]) => console.log(`${label.padEnd(58)} ${hash(results)}`);

const crossFiles = ['../shared/data/ideas-dev.jsonl', 'tests/fixtures/ideas-heldout.jsonl', '../shared/data/ideas-atelier-dev.jsonl', 'tests/fixtures/ideas-atelier-heldout.jsonl'];
const atelierFiles = ['../shared/data/ideas-atelier-dev.jsonl', 'tests/fixtures/ideas-atelier-heldout.jsonl'];
for (const file of crossFiles.filter((f) => existsSync(resolve(repoRoot, f)))) {
  const ideas = read(file).map(({ id, text }) => ({ id, text }));
  for (const g of [0, 0.2, 0.5, 0.7, 0.9, 1]) print(`${file} cross-theme g=${g}`, [suggestGroups(ideas, { granularity: g })]);
}
for (const file of atelierFiles.filter((f) => existsSync(resolve(repoRoot, f)))) {
  const byAtelier = new Map<string, Row[]>();
  for (const r of read(file)) byAtelier.set(r.atelier!, [...(byAtelier.get(r.atelier!) ?? []), r]);
  for (const g of [0.2, 0.5, 0.8]) print(`${file} per atelier g=${g}`, [...byAtelier].map(([a, rows]) => groupAtelier(a, rows.map(({ id, text }) => ({ id, text })), g)));
}
const texts = read('../shared/data/ideas-dev.jsonl').map((r) => r.text);
const walls: [string, ReturnType<typeof perturbedIdeas>, number[]][] = [
  ['1,000 perturbed', perturbedIdeas(texts, 1000), [0.2, 0.5, 0.8]],
  ['2,000 perturbed', perturbedIdeas(texts, 2000), [0.5, 0.7]],
  ['2,000 distinct', distinctIdeas(texts, 2000), [0.5]],
];
if (!process.argv.includes('--quick')) walls.push(['5,000 perturbed', perturbedIdeas(texts, 5000), [0.5]], ['5,000 distinct', distinctIdeas(texts, 5000), [0.5]]);
for (const [label, ideas, gs] of walls) for (const g of gs) print(`${label} g=${g}`, [suggestGroups(ideas, { granularity: g })]);
const wall = perturbedIdeas(texts, 1000);
for (const g of [0.2, 0.5, 0.8]) print(`1,000 perturbed, atelier mode g=${g}`, [groupAtelier('mobilite-deplacements', wall, g)]);
