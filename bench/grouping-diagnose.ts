/**
 * Why the within-atelier grouping scores what it scores (issue #15): separates a wrong cluster
 * count from a wrong similarity, and tells how often two ideas of one sub-topic have nothing
 * in common that the method can see. Usage: tsx bench/grouping-diagnose.ts [file.jsonl]
 * (default: the dev file; per-atelier lines for the dev file only, as in bench:grouping).
 *
 * Per atelier: the pipeline's ARI; the ARI of the same Ward tree cut at the gold number of
 * sub-topics ("oracle k": if it is no better, the count is not the problem); how often an
 * idea's most similar idea is of its sub-topic; the share of same-sub-topic pairs with no
 * link at all (no shared word, thesaurus relation or cross-theme graph edge: the vocabulary
 * gap); Divers and the largest cluster. Then, pooled, the precision of each kind of link
 * (how often two ideas it joins share their sub-topic) against the base rate.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseWall, clusterCount, contextStems, similarityMatrix, topicSimilarity } from '../shared/src/grouping/atelier';
import { neighbourLists } from '../shared/src/grouping/graph';
import { adjustedRandIndex } from '../shared/src/grouping/metrics';
import { areRelated } from '../shared/src/grouping/related';
import { cutMerges, wardMerges } from '../shared/src/grouping/ward';
import { groupAtelier } from '../scripts/grouping-rows';
import { ATELIER_FILES, readRows, type AtelierRow } from './grouping-atelier';

const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? ATELIER_FILES[0]!;
const rows = readRows(resolve(dirname(fileURLToPath(import.meta.url)), '..', file));
const detail = file === ATELIER_FILES[0];
const byAtelier = new Map<string, AtelierRow[]>();
for (const r of rows) byAtelier.set(r.atelier, [...(byAtelier.get(r.atelier) ?? []), r]);

const f3 = (x: number) => x.toFixed(3);
const links = { word: [0, 0], related: [0, 0], graph: [0, 0], none: [0, 0] };
const total = { n: 0, ari: 0, oracle: 0, pairs: 0, same: 0 };
if (detail) console.log('atelier                       ideas  k/gold  ARI    oracle-k  NN-same  no-link  divers  largest/gold');
for (const [atelier, list] of byAtelier) {
  const ideas = list.map((r) => ({ id: r.id, text: r.text }));
  const truth = list.map((r) => r.subtopic);
  const n = list.length;
  const result = groupAtelier(atelier, ideas, 0.5);
  const placed = new Map(result.clusters.flatMap((c) => c.ideaIds.map((id) => [id, c.id] as const)));
  const ari = adjustedRandIndex(truth, ideas.map((i) => placed.get(i.id) ?? 'divers'));
  // The similarity the pipeline clusters, every idea alone (no duplicate units, no Divers).
  const context = contextStems({ title: atelier.replace(/[-_]+/g, ' ') });
  const items = analyseWall(ideas, context);
  const raw = similarityMatrix(items);
  const topic = topicSimilarity(raw, n);
  const gold = new Set(truth).size;
  const tree = wardMerges(ideas.map((_, i) => [i]), (i, j) => topic[i * n + j]);
  const oracle = adjustedRandIndex(truth, cutMerges(n, tree, gold).map(String));
  let nnSame = 0;
  for (let i = 0; i < n; i++) {
    let best = -1;
    for (let j = 0; j < n; j++) if (j !== i && (best < 0 || raw[i * n + j] > raw[i * n + best])) best = j;
    if (truth[best] === truth[i]) nnSame++;
  }
  const edges = new Set(neighbourLists(items.map((it) => it.analysed), 0.05).flatMap((l, i) => l.map((e) => `${Math.min(i, e.j)},${Math.max(i, e.j)}`)));
  let same = 0, unlinked = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = truth[i] === truth[j];
      const word = items[i].stems.some((x) => !context.has(x) && items[j].stems.includes(x));
      const related = !word && items[i].stems.some((x) => items[j].stems.some((y) => areRelated(x, y)));
      const graph = !word && !related && edges.has(`${i},${j}`);
      const kind = word ? links.word : related ? links.related : graph ? links.graph : links.none;
      kind[0]++;
      if (s) { kind[1]++; same++; if (kind === links.none) unlinked++; }
    }
  const sizes = result.clusters.filter((c) => c.id !== 'divers').map((c) => c.ideaIds.length);
  const goldSizes = [...new Set(truth)].map((t) => truth.filter((x) => x === t).length);
  if (detail) console.log(`${atelier.padEnd(28)} ${String(n).padStart(5)}  ${String(clusterCount(n, 0.5)).padStart(2)}/${String(gold).padEnd(3)} ${f3(ari)}  ${f3(oracle)}     ${f3(nnSame / n)}    ${f3(unlinked / same)}    ${String(n - placed.size + (result.clusters.find((c) => c.id === 'divers')?.ideaIds.length ?? 0)).padStart(3)}     ${Math.max(...sizes)}/${Math.max(...goldSizes)}`);
  total.n += n; total.ari += ari * n; total.oracle += oracle * n; total.pairs += (n * (n - 1)) / 2; total.same += same;
}
console.log(`\n${file}: ${rows.length} ideas, ${byAtelier.size} ateliers`);
console.log(`  size-weighted ARI ${f3(total.ari / total.n)}, with the gold cluster count (oracle k) ${f3(total.oracle / total.n)}`);
console.log(`  same-sub-topic pairs ${total.same} of ${total.pairs} (base rate ${f3(total.same / total.pairs)})`);
for (const [kind, [pairs, good]] of Object.entries(links))
  console.log(`  ${`${kind === 'none' ? 'no link' : `linked by ${kind === 'graph' ? 'graph only' : kind === 'related' ? 'related word only' : 'a shared word'}`}`.padEnd(28)} ${String(pairs).padStart(5)} pairs, same sub-topic ${f3(good / pairs)}, ${f3(good / total.same)} of all same-sub-topic pairs`);
