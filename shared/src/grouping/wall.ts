/**
 * One atelier's wall: sub-topic suggestions that respect the facilitator's own clusters.
 * Kept clusters are never split or renamed; a new idea close to one (or a near-duplicate of
 * one of its ideas) is proposed as an addition to it; the other new ideas are grouped.
 */
import { analyseWall, clusterWall, contextStems, cosine, normalise, topicSimilarity, type Vector, type WallIdea, wallSimilarities } from './atelier';
import { explainCluster, type Explainable } from './explain';
import { explainAlignment, pairIdeas } from './pair-score';
import type { GroupingInput, GroupingOptions, GroupingResult, SuggestedCluster } from './types';
import { wallDuplicates } from './wall-duplicates';

/** Cosine between a new idea and a kept cluster's profile above which it is proposed as an addition. */
export const ATTACH_THRESHOLD = 0.3;

type Keep = NonNullable<GroupingOptions['keep']>[number];

function validKeeps(keep: unknown, known: Set<string>): Keep[] {
  if (!Array.isArray(keep)) return [];
  const taken = new Set<string>();
  const out: Keep[] = [];
  for (const k of keep.slice(0, 200)) {
    if (!k || typeof k !== 'object' || !Array.isArray(k.ideaIds)) continue;
    const ideaIds = (k.ideaIds as unknown[]).map(String).filter((id) => known.has(id) && !taken.has(id));
    ideaIds.forEach((id) => taken.add(id));
    out.push({ id: String(k.id), title: typeof k.title === 'string' ? k.title : '', ideaIds });
  }
  return out;
}

/** A kept cluster's profile: its ideas' vectors and its title's words, as one direction. */
function keepProfile(members: WallIdea[], titleVec: WallIdea | undefined): Vector {
  const v: Vector = new Map();
  for (const m of [...members, ...(titleVec ? [titleVec] : [])]) for (const [k, x] of m.vec) v.set(k, (v.get(k) ?? 0) + x);
  return normalise(v);
}

export function suggestForWall(ideas: GroupingInput[], options: GroupingOptions, granularity: number): GroupingResult {
  const context = contextStems(options.atelier);
  const keeps = validKeeps(options.keep, new Set(ideas.map((i) => i.id)));
  // Keep titles join the analysis as pseudo-ideas so their words get the wall's IDF.
  const titles = keeps.map((k, x) => ({ id: `\u0000keep${x}`, text: k.title }));
  const analysed = analyseWall([...ideas, ...titles], context);
  const items = analysed.slice(0, ideas.length);
  const index = new Map(items.map((a, i) => [a.id, i]));
  const keptOf = new Map<number, number>();
  keeps.forEach((k, x) => k.ideaIds.forEach((id) => keptOf.set(index.get(id)!, x)));

  const n = items.length;
  const { soft: sim, topic: topicSim } = wallSimilarities(items);
  const dupGroups = wallDuplicates(n, sim);
  const additions: number[][] = keeps.map(() => []);
  const attached = new Set<number>();
  // A near-duplicate of a kept idea joins that idea's cluster.
  for (const g of dupGroups) {
    const homes = new Set(g.filter((i) => keptOf.has(i)).map((i) => keptOf.get(i)!));
    if (homes.size !== 1) continue;
    const home = [...homes][0];
    for (const i of g) if (!keptOf.has(i) && !attached.has(i)) { additions[home].push(i); attached.add(i); }
  }
  const profiles = keeps.map((k, x) => keepProfile(k.ideaIds.map((id) => items[index.get(id)!]), k.title.trim() ? analysed[n + x] : undefined));
  for (let i = 0; i < n; i++) {
    if (keptOf.has(i) || attached.has(i) || profiles.length === 0) continue;
    let best = -1, bestSim = ATTACH_THRESHOLD;
    profiles.forEach((p, x) => {
      const s = cosine(items[i].soft, p);
      if (s >= bestSim) { best = x; bestSim = s; }
    });
    if (best >= 0) { additions[best].push(i); attached.add(i); }
  }

  // The remaining new ideas: near-duplicates stay together, the rest is clustered.
  const free = (i: number) => !keptOf.has(i) && !attached.has(i);
  const units: number[][] = [];
  const inUnit = new Set<number>();
  for (const g of dupGroups) if (g.every(free)) { units.push(g); g.forEach((i) => inUnit.add(i)); }
  for (let i = 0; i < n; i++) if (free(i) && !inUnit.has(i)) units.push([i]);
  // Sub-topics also read words associated in local life (boulangerie ~ pain); duplicates don't.
  const topic = topicSimilarity(topicSim!, n);
  const { clusters, divers } = clusterWall(n, topic, units, granularity);

  const out: SuggestedCluster[] = [];
  const used = new Set<string>();
  const at = new Map(items.map((it, i) => [it, i]));
  // The member most similar to an idea, by the similarity that placed it (see explainCluster).
  const closestIn = (members: number[]) => (m: Explainable) => {
    const i = at.get(m as WallIdea)!;
    let best = -1;
    for (const j of members) if (j !== i && (best < 0 || topic[i * n + j] > topic[i * n + best])) best = j;
    return best >= 0 ? items[best] : undefined;
  };
  clusters.forEach((members) => {
    const ex = explainCluster(members.map((i) => items[i]), items, context, undefined, closestIn(members));
    let id = `sujet-${ex.keywords[0] ?? out.length + 1}`;
    while (used.has(id)) id += '+';
    used.add(id);
    out.push({ id, title: ex.title, ideaIds: members.map((i) => items[i].id), keywords: ex.keywords, why: ex.why });
  });
  keeps.forEach((k, x) => {
    if (additions[x].length === 0) return;
    const members = additions[x].sort((a, b) => a - b).map((i) => items[i]);
    const all = [...k.ideaIds.map((id) => index.get(id)!), ...additions[x]];
    const ex = explainCluster(all.map((i) => items[i]), items, context, undefined, closestIn(all));
    const why: Record<string, string[]> = {};
    for (const m of members) why[m.id] = ex.why[m.id];
    out.push({ id: `ajout-${k.id}`, title: k.title, ideaIds: members.map((m) => m.id), keywords: ex.keywords, why, keepId: k.id });
  });
  if (divers.length > 0) {
    const ex = explainCluster(divers.map((i) => items[i]), items, context);
    out.push({ id: 'divers', title: 'Divers', ideaIds: divers.map((i) => items[i].id), keywords: [], why: Object.fromEntries(Object.keys(ex.why).map((id) => [id, []])) });
  }
  // A merge is explained by the words of its ideas aligned with each other, rarest first.
  const pairs = dupGroups.length > 0 ? pairIdeas(items, context) : [];
  const duplicates = dupGroups
    .filter((g) => g.some(free) || g.some((i) => attached.has(i)))
    .map((g, x) => ({ id: `dup-${x + 1}`, ideaIds: g.map((i) => items[i].id), why: explainAlignment(g.map((i) => pairs[i])) }));
  return { clusters: out, duplicates };
}
