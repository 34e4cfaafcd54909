/**
 * "Suggérer des regroupements": offline French auto-grouping of workshop ideas.
 * Pipeline: normalise → stem → lexicon concepts + character n-grams → similarity graph
 * → near-duplicates → smoothed theme votes → clusters (+ optional sub-topic split) → titles.
 * Pure and deterministic: no randomness, no I/O, no dependencies.
 */
import { DOMAINS, DOMAIN_COUNT } from './lexicon';
import { neighbourLists } from './graph';
import { pairSimilarity } from './similarity';
import { DUPLICATE_THRESHOLD, findDuplicateGroups, isDuplicateCandidate } from './duplicates';
import { assignDomains, coarseKey, DIVERS, domainScores, MIN_NEIGHBOUR_SIM, NEIGHBOURS, splitCluster } from './cluster';
import { titleFromAnalysed, proposeClusterTitle, clusterTitle } from './title';
import { analyseBoard, analyseOne } from './vectors';
import { suggestForWall } from './wall';
import { readableStems } from './atelier';
import { explainCluster, explainDuplicate } from './explain';

export { proposeClusterTitle, clusterTitle };
export { voteItemsFromBoard, type BoardVoteItem, type BoardVoteItems } from '../ydoc/voteItems';
export { normalizeText, tokenize, contentWords } from './normalize';
export { stemFrench } from './stem';
export { conceptsOf } from './lexicon';
export { adjustedRandIndex, pairPrecisionRecall } from './metrics';

export type { GroupingInput, GroupingOptions, GroupingResult, SuggestedCluster, SuggestedDuplicate } from './types';
import type { GroupingInput, GroupingOptions, GroupingResult, SuggestedCluster } from './types';

/** Largest wall grouped by the within-atelier pipeline (its matrices are n², 8 MB each at 1,000). */
export const WALL_MAX = 1000;

/** Graph edges below this are never used (neither for themes nor duplicates). */
const MIN_EDGE = 0.05;

/** Domain each atelier theme stands for, judged by the lexicon on its label and id. */
function themeDomains(themes: { id: string; label: string }[]): Map<number, { id: string; label: string }> {
  const byDomain = new Map<number, { id: string; label: string }>();
  for (const theme of themes) {
    const votes = analyseOne(theme.id, `${theme.label} ${theme.id.replace(/[-_]/g, ' ')}`).domainVotes;
    let best = -1, bestValue = 0;
    for (let d = 0; d < DOMAIN_COUNT; d++) if (votes[d] > bestValue) { best = d; bestValue = votes[d]; }
    if (best >= 0 && !byDomain.has(best)) byDomain.set(best, theme);
  }
  return byDomain;
}

function clampGranularity(g: unknown): number {
  return Math.min(1, Math.max(0, typeof g === 'number' && Number.isFinite(g) ? g : 0.5));
}

export function suggestGroups(ideas: GroupingInput[], options: GroupingOptions = {}): GroupingResult {
  if (!Array.isArray(ideas) || ideas.length === 0) return { clusters: [], duplicates: [] };
  // A dense wall pipeline beyond WALL_MAX ideas would cost n² memory for a wall no atelier
  // has: such boards get the cross-theme grouping (sparse graph) instead.
  if (options.atelier && typeof options.atelier === 'object' && ideas.length <= WALL_MAX) {
    const clean = ideas.map((i) => ({ id: String(i.id), text: typeof i.text === 'string' ? i.text : '' }));
    return suggestForWall(clean, options, clampGranularity(options.granularity));
  }
  // The facilitator's clusters are never split: their ideas are left out of the suggestions.
  const kept = new Set((Array.isArray(options.keep) ? options.keep : []).flatMap((k) => (Array.isArray(k?.ideaIds) ? k.ideaIds.map(String) : [])));
  if (kept.size > 0) ideas = ideas.filter((i) => !kept.has(String(i.id)));
  if (ideas.length === 0) return { clusters: [], duplicates: [] };
  const granularity = clampGranularity(options.granularity);
  const items = analyseBoard(ideas.map((i) => ({ id: String(i.id), text: typeof i.text === 'string' ? i.text : '' })));
  // The graph keeps only the edges read as edges (duplicate candidates, smoothing neighbours);
  // average links read weaker pairs on demand, with the same MIN_EDGE cut.
  const sim = pairSimilarity(items, MIN_EDGE);
  // Each row keeps only what is read: the best neighbours for smoothing, the duplicate candidates.
  const neighbours = neighbourLists(items, Math.min(DUPLICATE_THRESHOLD, MIN_NEIGHBOUR_SIM), { top: NEIGHBOURS, also: isDuplicateCandidate, alsoAbove: DUPLICATE_THRESHOLD });

  const duplicateGroups = findDuplicateGroups(neighbours, sim);
  const domain = assignDomains(domainScores(items, neighbours), duplicateGroups);

  // Seeding by atelier themes: a domain that matches a theme takes the theme's id and label.
  const themed = themeDomains(options.themes ?? []);

  // Units that must never be separated: duplicate groups, then every remaining idea alone.
  const unitOf = new Map<number, number[]>();
  for (const g of duplicateGroups) for (const i of g) unitOf.set(i, g);
  const buckets = new Map<string, { domain: number; units: number[][] }>();
  items.forEach((_, i) => {
    const unit = unitOf.get(i) ?? [i];
    if (unit[0] !== i) return;
    const theme = domain[i] === DIVERS ? undefined : themed.get(domain[i]);
    const key = theme ? `theme:${theme.id}` : coarseKey(domain[i], granularity);
    const bucket = buckets.get(key) ?? { domain: domain[i], units: [] };
    bucket.units.push(unit);
    buckets.set(key, bucket);
  });

  // Explanations read the same words as the wall's (explain.ts), without a wall context.
  const explainable = items.map((a) => ({ id: a.id, ...readableStems(a.words, a.stems, a.text) }));
  const noContext = new Set<string>();
  const clusters: SuggestedCluster[] = [];
  const keys = [...buckets.keys()].sort((a, b) => (a === 'divers' ? 1 : b === 'divers' ? -1 : a.localeCompare(b)));
  for (const key of keys) {
    const { domain: d, units } = buckets.get(key)!;
      // Above 0.6 each theme is split into sub-topics: up to one per 2.5 ideas at granularity 1.
    const size = units.reduce((n, u) => n + u.length, 0);
    const target = Math.max(1, Math.round(size * (granularity - 0.6)));
    const parts = target > 1 && key !== 'divers' ? splitCluster(units, sim, target) : [units.flat()];
    parts.forEach((members, k) => {
      members.sort((a, b) => a - b);
      const theme = d === DIVERS ? undefined : themed.get(d);
      const coarse = key.startsWith('famille-');
      const whole = parts.length === 1;
      // A whole theme is titled by its domain plus its main sub-topic; sub-clusters by their sub-topics.
      const label = key === 'divers' ? 'Divers' : titleFromAnalysed(members.map((i) => items[i]), coarse ? undefined : d, whole && !coarse ? 1 : 2);
      let title = label;
      if (theme && whole) title = theme.label;
      else if (d !== DIVERS && !coarse && whole && members.length >= 4) title = `${DOMAINS[d].label} : ${label.toLocaleLowerCase('fr')}`;
      const { keywords, why } = explainCluster(members.map((i) => explainable[i]), explainable, noContext);
      clusters.push({ id: parts.length === 1 ? key : `${key}-${k + 1}`, title, ideaIds: members.map((i) => items[i].id), keywords, why });
    });
  }
  const duplicates = duplicateGroups.map((g, k) => ({ id: `dup-${k + 1}`, ideaIds: g.map((i) => items[i].id), why: explainDuplicate(g.map((i) => explainable[i])) }));
  return { clusters, duplicates };
}
