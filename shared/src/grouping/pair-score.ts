/**
 * A pair view of two posts of one wall, built for short texts rather than for sub-topics:
 * each content word of one idea is aligned with its best counterpart in the other (the same
 * word, a thesaurus synonym, a spelling variant or abbreviation) and each lexicon concept with
 * the same concept, weighted by how rare it is on the wall. It explains a proposed merge (the
 * aligned words, most specific first) and scores pairs for `npm run bench:duplicates`; the
 * merge decision itself stays with the wall's similarity (wall-duplicates.ts), which this
 * score did not beat on the dev file (docs/performance.md).
 */
import type { WallIdea } from './atelier';
import { CONCEPT_TABLE } from './lexicon';
import { areRelated } from './related';

export const PAIR_PARAMS = {
  /** Strength of a thesaurus synonym relative to the same word. */
  related: 0.8,
  /** Strength of a spelling variant or abbreviation ("kiné" / "kinésithérapeute"). */
  spelling: 0.7,
  /** Weight of a lexicon concept relative to a word of the same rarity. */
  concept: 0.8,
  /** Weight of the atelier's own title and question words: every idea shares them. */
  context: 0.2,
};

export type MatchKind = 'same' | 'related' | 'spelling' | 'concept';

/** One unit of an idea: a stem (shown as written) or a lexicon concept, with its wall weight. */
export interface Unit { key: string; shown: string; weight: number; concept: boolean }
export interface PairIdea { units: Unit[]; total: number }
/** A unit of one idea (`key`, shown `a`) matched with `b` of the other, worth `gain`. */
export interface Alignment { key: string; a: string; b: string; kind: MatchKind; gain: number }

/** How strongly two stems stand for the same thing, or null when nothing relates them. */
export function matchStems(a: string, b: string, params = PAIR_PARAMS): { m: number; kind: MatchKind } | null {
  if (a === b) return { m: 1, kind: 'same' };
  if (areRelated(a, b)) return { m: params.related, kind: 'related' };
  if (sameSpelling(a, b)) return { m: params.spelling, kind: 'spelling' };
  return null;
}

/** One stem the start of the other (an abbreviation), or one edit apart (a typo), on 4+ letters. */
export function sameSpelling(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length < 4) return false;
  if (l.startsWith(s)) return true;
  return l.length - s.length <= 1 && s.length >= 5 && oneEditApart(s, l);
}

/** Whether `l` (as long as `s` or one longer) is `s` with one letter changed or inserted. */
function oneEditApart(s: string, l: string): boolean {
  let i = 0, j = 0, edits = 0;
  while (i < s.length && j < l.length) {
    if (s[i] === l[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (s.length === l.length) i++;
    j++;
  }
  return edits + (l.length - j) + (s.length - i) <= 1;
}

/** Each idea's units weighted by IDF over the wall (the atelier's own words damped). */
export function pairIdeas(items: readonly Pick<WallIdea, 'stems' | 'readable' | 'analysed'>[], context: Set<string>, params = PAIR_PARAMS): PairIdea[] {
  const keysOf = items.map((it) => ({ stems: it.stems, concepts: [...it.analysed.concepts.keys()] }));
  const df = new Map<string, number>();
  for (const k of keysOf) for (const s of [...k.stems, ...k.concepts.map((c) => `c:${c}`)]) df.set(s, (df.get(s) ?? 0) + 1);
  const n = items.length;
  const idf = (k: string) => Math.log(1 + n / (df.get(k) ?? 1));
  return items.map((it, i) => {
    const units: Unit[] = [
      ...keysOf[i].stems.map((s) => ({ key: s, shown: it.readable.get(s) ?? s, weight: idf(s) * (context.has(s) ? params.context : 1), concept: false })),
      ...keysOf[i].concepts.map((c) => ({ key: `c:${c}`, shown: CONCEPT_TABLE[c].label, weight: idf(`c:${c}`) * params.concept, concept: true })),
    ];
    return { units, total: units.reduce((t, u) => t + u.weight, 0) };
  });
}

/** Share of `a`'s weight that finds a counterpart in `b`, and the counterparts. */
export function cover(a: PairIdea, b: PairIdea, params = PAIR_PARAMS): { share: number; aligned: Alignment[] } {
  if (a.total === 0) return { share: 0, aligned: [] };
  let got = 0;
  const aligned: Alignment[] = [];
  for (const u of a.units) {
    let best: Alignment | null = null;
    for (const v of b.units) {
      if (u.concept !== v.concept) continue;
      const m = u.concept ? (u.key === v.key ? { m: 1, kind: 'concept' as const } : null) : matchStems(u.key, v.key, params);
      if (m && (!best || m.m * u.weight > best.gain)) best = { key: u.key, a: u.shown, b: v.shown, kind: m.kind, gain: m.m * u.weight };
    }
    if (best) { got += best.gain; aligned.push(best); }
  }
  return { share: got / a.total, aligned };
}

/** Symmetric pair score: the mean of both coverages (a two-word post vs a long one scores on both sides). */
export function pairScore(a: PairIdea, b: PairIdea, params = PAIR_PARAMS): number {
  return (cover(a, b, params).share + cover(b, a, params).share) / 2;
}

/** Dense matrix of pair scores (diagonal 1). */
export function pairMatrix(ideas: PairIdea[], params = PAIR_PARAMS): Float64Array {
  const n = ideas.length;
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    s[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) s[i * n + j] = s[j * n + i] = pairScore(ideas[i], ideas[j], params);
  }
  return s;
}

const MAX_REASONS = 4;

/**
 * Why a group of ideas reads as one proposal: the words of its first idea aligned in every
 * other ("pizza", "projections ≈ cinéma"), most specific first; when fewer than two words
 * align, the lexicon concepts they all have too ("AMAP et paniers").
 */
export function explainAlignment(members: PairIdea[]): string[] {
  const [first, ...rest] = members;
  if (!first || rest.length === 0) return [];
  const per = rest.map((m) => new Map(cover(first, m).aligned.map((x) => [x.key, x])));
  const out: { text: string; gain: number; concept: boolean }[] = [];
  for (const x of per[0].values()) {
    if (!per.every((p) => p.has(x.key))) continue;
    const same = per.every((p) => p.get(x.key)!.kind === 'same');
    const text = same || x.kind === 'concept' || rest.length > 1 ? x.a : `${x.a} ≈ ${x.b}`;
    out.push({ text, gain: Math.min(...per.map((p) => p.get(x.key)!.gain)), concept: x.kind === 'concept' });
  }
  const words = out.filter((o) => !o.concept).sort((p, q) => q.gain - p.gain);
  const concepts = words.length >= 2 ? [] : out.filter((o) => o.concept && !words.some((w) => w.text.toLowerCase() === o.text.toLowerCase())).sort((p, q) => q.gain - p.gain);
  return [...words, ...concepts].slice(0, MAX_REASONS).map((o) => o.text);
}
