/**
 * Explanations of a suggestion, from the ideas themselves: a cluster's keywords are its most
 * characteristic stems (frequent in the cluster, rare on the rest of the wall, not the atelier's
 * own words), shown as the ideas wrote them; each idea's "why" lists the keywords it has, or
 * the related word that brought it ("bicyclette ≈ vélo").
 */
import type { WallIdea } from './atelier';

/** What an explanation reads of an idea. */
export type Explainable = Pick<WallIdea, 'id' | 'stems' | 'readable'>;
import { areLinked, areRelated, associatedStems, relatedStems } from './related';

const capitalise = (s: string) => (s ? s[0].toLocaleUpperCase('fr') + s.slice(1) : s);
const MAX_KEYWORDS = 5;
const MAX_WHY = 3;

/** Readable form of a stem: the spelling most members used. */
function readableOf(stem: string, members: Explainable[]): string {
  const count = new Map<string, number>();
  for (const m of members) {
    const w = m.readable.get(stem);
    if (w) count.set(w, (count.get(w) ?? 0) + 1);
  }
  // Ties go to the longer spelling: "logement" says more than "loge" (both stem to "log").
  return [...count].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]?.[0] ?? stem;
}

/** How often each stem occurs on the wall, counted once per wall rather than once per cluster:
 * a wall cut into hundreds of sub-topics would otherwise be read hundreds of times (issue #13). */
const counted = new WeakMap<readonly Explainable[], Map<string, number>>();
function wallCounts(all: readonly Explainable[]): Map<string, number> {
  let counts = counted.get(all);
  if (!counts) {
    counts = new Map();
    for (const a of all) for (const s of a.stems) counts.set(s, (counts.get(s) ?? 0) + 1);
    counted.set(all, counts);
  }
  return counts;
}

/** Keyword stems of a cluster, most characteristic first. */
export function clusterKeywordStems(members: Explainable[], all: Explainable[], context: Set<string>): string[] {
  const inCluster = new Map<string, number>();
  for (const m of members) for (const s of m.stems) inCluster.set(s, (inCluster.get(s) ?? 0) + 1);
  const onWall = wallCounts(all);
  // Words of two members or more; failing that (a loose cluster), the most specific words.
  const min = members.length >= 3 && [...inCluster.values()].some((c) => c >= 2) ? 2 : 1;
  return [...inCluster]
    .filter(([s, c]) => c >= min && !context.has(s))
    .map(([s, c]) => ({ s, score: c * (c / onWall.get(s)!) }))
    .sort((a, b) => b.score - a.score || (a.s < b.s ? -1 : 1))
    .slice(0, MAX_KEYWORDS)
    .map((x) => x.s);
}

export interface Explained { title: string; keywords: string[]; why: Record<string, string[]> }

/**
 * `closest`, when given, names the member an idea is most similar to: an idea placed by a
 * weaker signal (shared neighbours, character n-grams), sharing no word nor related word with
 * the other members, is then explained by that member's first words ("proche de « kiné
 * attente rééducation »") instead of by nothing.
 */
export function explainCluster(
  members: Explainable[],
  all: Explainable[],
  context: Set<string>,
  fallbackTitle = 'Divers',
  closest?: (m: Explainable) => Explainable | undefined,
): Explained {
  const stems = clusterKeywordStems(members, all, context);
  const keywords = stems.map((s) => readableOf(s, members));
  const why: Record<string, string[]> = {};
  let holders: Holders | undefined;
  for (const m of members) {
    const reasons: string[] = [];
    stems.forEach((k, x) => {
      if (reasons.length >= MAX_WHY) return;
      if (m.readable.has(k)) reasons.push(keywords[x]);
      else {
        const via = m.stems.find((s) => areLinked(s, k));
        if (via) reasons.push(`${m.readable.get(via)} ≈ ${keywords[x]}`);
      }
    });
    // Placed by its neighbours rather than by the cluster's keywords: name the word it shares
    // with the most other members, if any.
    if (reasons.length === 0) {
      holders ??= new Holders(members);
      let best = '', bestCount = 0;
      for (const s of m.stems) {
        const count = holders.others(m, s);
        if (count > bestCount) { bestCount = count; best = m.readable.get(s)!; }
      }
      if (best) reasons.push(best);
    }
    // Still nothing: a word related to one of another member's ("toubib ≈ médecin"), from the
    // member sharing the most such relations.
    if (reasons.length === 0) reasons.push(...relatedReason(m, members, holders!));
    const near = reasons.length === 0 && members.length > 1 ? closest?.(m) : undefined;
    if (near && near !== m) reasons.push(closeReason(near));
    why[m.id] = reasons;
  }
  const title = keywords.length > 0 ? capitalise(keywords.slice(0, 2).join(', ')) : fallbackTitle;
  return { title, keywords, why };
}

/** "proche de « … »": the first words of the member an idea resembles most. */
function closeReason(near: Explainable): string {
  const words = near.stems.slice(0, MAX_WHY).map((s) => near.readable.get(s) ?? s);
  return `proche de « ${words.join(' ')} »`;
}

/**
 * Which members hold each word, for the fallbacks above: a big cluster's members are looked up
 * by word instead of each one compared with every other (quadratic on a 5,000-idea wall).
 */
class Holders {
  /** word (a key of `readable`) → positions of the members holding it, ascending */
  private readonly byWord = new Map<string, number[]>();
  /** stem → positions of the members with it among their stems, ascending */
  private readonly byStem = new Map<string, number[]>();
  /** how many times each member appears in the list (once, unless a caller repeats one) */
  private readonly times = new Map<Explainable, number>();
  constructor(members: readonly Explainable[]) {
    members.forEach((o, k) => {
      for (const w of o.readable.keys()) Holders.push(this.byWord, w, k);
      for (const s of o.stems) Holders.push(this.byStem, s, k);
      this.times.set(o, (this.times.get(o) ?? 0) + 1);
    });
  }
  private static push(map: Map<string, number[]>, key: string, k: number) {
    const list = map.get(key);
    if (list === undefined) map.set(key, [k]);
    else if (list[list.length - 1] !== k) list.push(k);
  }
  /** Members other than m whose readable words include `word`. */
  others(m: Explainable, word: string): number {
    const n = this.byWord.get(word)?.length ?? 0;
    return m.readable.has(word) ? n - this.times.get(m)! : n;
  }
  /** Positions of the members having a stem related or associated to one of m's, ascending. */
  relatedTo(m: Explainable): number[] {
    const found = new Set<number>();
    for (const s of m.stems)
      for (const linked of [relatedStems(s), associatedStems(s)]) for (const r of linked) for (const k of this.byStem.get(r) ?? []) found.add(k);
    return [...found].sort((a, b) => a - b);
  }
}

function relatedReason(m: Explainable, members: Explainable[], holders: Holders): string[] {
  let best: string[] = [];
  // Only members with some related stem can give a reason; in the members' order, as before.
  for (const k of holders.relatedTo(m)) {
    const o = members[k];
    if (o === m) continue;
    const found: string[] = [];
    for (const s of m.stems) {
      const t = o.stems.find((u) => areLinked(s, u));
      if (t) found.push(`${m.readable.get(s)} ≈ ${o.readable.get(t)}`);
      if (found.length >= MAX_WHY) break;
    }
    if (found.length > best.length) best = found;
  }
  return best;
}

/** Why two or more ideas read as one: the words they share, or relate. */
export function explainDuplicate(members: Explainable[]): string[] {
  const [first, ...rest] = members;
  const out: string[] = [];
  for (const s of first.stems) {
    if (rest.every((m) => m.readable.has(s))) out.push(first.readable.get(s)!);
    else {
      const other = rest[0].stems.find((t) => areRelated(s, t));
      if (other && rest.length === 1) out.push(`${first.readable.get(s)} ≈ ${rest[0].readable.get(other)}`);
    }
    if (out.length >= 4) break;
  }
  return out;
}
