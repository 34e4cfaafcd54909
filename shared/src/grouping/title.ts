/**
 * Automatic cluster titles: the most characteristic lexicon concepts of the cluster,
 * falling back on its most frequent content words when the lexicon knows nothing.
 */
import { CONCEPT_TABLE, DOMAINS } from './lexicon';
import type { Analysed } from './vectors';
import { analyseBoard } from './vectors';

const capitalise = (s: string) => (s ? s[0].toLocaleUpperCase('fr') + s.slice(1) : s);

/** Title from 1–2 labels, e.g. "Covoiturage, autostop organisé". */
export function titleFromAnalysed(items: Analysed[], domain?: number, maxLabels = 2): string {
  const score = new Map<number, number>();
  for (const a of items) for (const [c, w] of a.concepts) score.set(c, (score.get(c) ?? 0) + Math.min(1, w));
  // Prefer concepts of the cluster's own domain: a "Mobilité" cluster should not be titled "marché".
  const ranked = [...score.entries()]
    .map(([c, s]) => ({ c, s: s * (domain === undefined ? 1 : 0.5 + CONCEPT_TABLE[c].domains[domain]) }))
    // A concept named like the domain itself ("tourisme" in Tourisme) adds nothing to the title.
    .filter((x) => x.s > 0 && (domain === undefined || CONCEPT_TABLE[x.c].id !== DOMAINS[domain].id))
    .sort((x, y) => y.s - x.s || x.c - y.c);
  const labels: string[] = [];
  const needed = Math.min(maxLabels, items.length >= 3 ? 2 : 1);
  for (const { c, s } of ranked) {
    if (labels.length >= needed) break;
    if (labels.length > 0 && s < Math.max(1, ranked[0].s * 0.25)) break;
    labels.push(CONCEPT_TABLE[c].label);
  }
  if (labels.length > 0) return capitalise(labels.join(', '));
  return frequentWordsTitle(items) ?? (domain !== undefined ? DOMAINS[domain].label : 'Divers');
}

function frequentWordsTitle(items: Analysed[]): string | null {
  const count = new Map<string, { n: number; word: string }>();
  for (const a of items) {
    const seen = new Set<string>();
    a.stems.forEach((s, k) => {
      if (seen.has(s) || a.words[k].length < 3) return;
      seen.add(s);
      const entry = count.get(s);
      if (entry) entry.n++;
      else count.set(s, { n: 1, word: a.words[k] });
    });
  }
  const top = [...count.values()].sort((x, y) => y.n - x.n || x.word.localeCompare(y.word)).slice(0, 2);
  if (top.length === 0) return null;
  if (items.length > 1 && top[0].n < 2) return null;
  return capitalise(top.map((t) => t.word).join(' '));
}

/** Title for a set of idea texts (used when a facilitator builds a cluster by hand). */
export function proposeClusterTitle(texts: string[]): string {
  const items = analyseBoard(texts.map((text, i) => ({ id: String(i), text: typeof text === 'string' ? text : '' })));
  if (items.length === 0) return 'Divers';
  return titleFromAnalysed(items);
}

/** A cluster's name, or an automatic one from its ideas when nobody named it. Lives with the
 * lexicon, not with the cluster document, so reading clusters on a phone stays light. */
export function clusterTitle(cluster: { title: string; ideaIds: readonly string[] }, textOf: (ideaId: string) => string | undefined): string {
  return cluster.title.trim() || proposeClusterTitle(cluster.ideaIds.map((id) => textOf(id) ?? ''));
}
