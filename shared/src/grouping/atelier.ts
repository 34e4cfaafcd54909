/**
 * Within-atelier grouping: the sub-topics of one wall. Every idea there shares the atelier's
 * theme, so no fixed list of domains can separate them; the ideas are compared by their own
 * words instead: stems weighted by TF-IDF over the wall, widened by related words from a
 * general French thesaurus (related.ts), with the atelier's title and question down-weighted
 * (every idea shares them). Ward agglomeration then proposes 3–8 clusters whose count follows
 * the wall's size and the granularity; ideas that share nothing with the others go to *Divers*.
 */
import { contentWords } from './normalize';
import { accentedOf, wordKey } from './lemma';
import { associatedStems, relatedStems } from './related';
import { analyseBoard, dot, type Analysed } from './vectors';
import { neighbourLists } from './graph';

/** Cross-theme graph edges below this are not read (as in the cross-theme pipeline). */
const MIN_EDGE = 0.05;
import { cutMerges, wardMerges } from './ward';

export type Vector = Map<string, number>;

export interface WallIdea {
  id: string;
  /** Distinct stems of the idea's content words, in order of appearance. */
  stems: string[];
  /** Readable form of each stem as the idea wrote it ("vélos" for velo). */
  readable: Map<string, string>;
  /** Own features (stems, concepts), scaled so that soft·vec = 1 for the idea itself. */
  vec: Vector;
  /** `vec` plus the related stems of its stems (see analyseWall). */
  soft: Vector;
  /**
   * Stems on the wall associated with the idea's stems in local life (at PARAMS.associated),
   * that `soft` lacks: `soft` plus these widen the idea for sub-topics, not for duplicates.
   */
  associated: Vector;
  /** The cross-theme pipeline's analysis of the idea (lexicon concepts, character n-grams). */
  analysed: Analysed;
}

/** Tuned on three of the five dev ateliers (see docs/performance.md); the other two are held out. */
export const PARAMS = {
  /** Weight of a related word relative to the word itself. */
  related: 0.4,
  /** Weight of an associated word (associations of local life, related.ts) in the sub-topic similarity. */
  associated: 0.5,
  /** Share of the cross-theme graph's similarity in the wall's similarity. */
  blend: 0.5,
  /** Share of the second-order similarity (shared neighbours), see withSecondOrder. */
  second: 0.5,
  /** Strongest links per idea read by the second-order similarity. */
  neighbours: 15,
  /** Weight of a lexicon concept relative to a word. */
  concept: 0.7,
  /** Weight of the atelier's own title and question words (and their related words). */
  context: 0.2,
  /** Ideas whose best similarity to any other is below this go to Divers. */
  noise: 0.05,
  /** Ideas per cluster aimed at: granularity 0 → coarse, 1 → fine. */
  sizeCoarse: 8,
  sizeFine: 3,
  minClusters: 3,
  maxClusters: 8,
  /** A cluster this small is dissolved into the others, or into Divers. */
  minSize: 3,
};

/** Original words by their normalised form, so explanations quote the idea ("vélos", not "velo"). */
function readableWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.slice(0, 2000).toLocaleLowerCase('fr').split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 2) continue;
    // The accent stripping of normalizeText, without its whole-text work (emoji, elisions).
    const norm = raw.replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}+/gu, '');
    if (!out.has(norm)) out.set(norm, raw);
  }
  return out;
}

/** Distinct stems of an idea's content words, each with the spelling the idea used. */
export function readableStems(words: string[], allStems: string[], text: string): { stems: string[]; readable: Map<string, string> } {
  const original = readableWords(text);
  const stems: string[] = [];
  const readable = new Map<string, string>();
  words.forEach((w, k) => {
    const s = allStems[k];
    if (s.length < 2 || readable.has(s)) return;
    stems.push(s);
    // A word the idea did not spell so (an expanded abbreviation) is shown with its accents.
    readable.set(s, original.get(w) ?? accentedOf(w));
  });
  return { stems, readable };
}

function wordsAndStems(text: string): { stems: string[]; readable: Map<string, string> } {
  const words = contentWords(text).slice(0, 80);
  return readableStems(words, words.map((w) => wordKey(w)), text);
}

export function normalise(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  if (norm === 0) return v;
  const inv = 1 / Math.sqrt(norm);
  for (const [k, x] of v) v.set(k, x * inv);
  return v;
}

/** Cosine of two normalised vectors. */
export const cosine: (a: Vector, b: Vector) => number = dot;

/** Stems of the atelier's title and question, and their related stems: shared by the whole wall. */
export function contextStems(atelier: { title?: string; question?: string } | undefined): Set<string> {
  const out = new Set<string>();
  if (!atelier) return out;
  const text = `${typeof atelier.title === 'string' ? atelier.title : ''} ${typeof atelier.question === 'string' ? atelier.question : ''}`;
  for (const s of wordsAndStems(text).stems) {
    out.add(s);
    for (const r of relatedStems(s)) out.add(r);
  }
  return out;
}

/**
 * Analyse a wall: each idea's own features (stems, lexicon concepts) weighted by IDF over the
 * wall, the atelier's words damped; `soft` adds each stem's related stems at PARAMS.related,
 * so that soft·own counts a related pair as a partial match (a soft cosine: related words
 * of two ideas match each other, not each other's other relatives).
 */
export function analyseWall(ideas: { id: string; text: string }[], context: Set<string>): WallIdea[] {
  // The cross-theme analysis gives the words, stems and lexicon concepts, and its vectors feed the blend.
  const board = analyseBoard(ideas);
  const parsed = board.map((a, i) => ({ id: a.id, ...readableStems(a.words, a.words.map((w) => wordKey(w)), ideas[i].text), concepts: PARAMS.concept > 0 ? [...a.concepts.keys()].map((c) => `c:${c}`) : [] }));
  const df = new Map<string, number>();
  for (const p of parsed) for (const k of [...p.stems, ...p.concepts]) df.set(k, (df.get(k) ?? 0) + 1);
  const n = ideas.length;
  const idf = (k: string) => Math.log(1 + n / (df.get(k) ?? 1));
  return parsed.map((p, i) => {
    const own: Vector = new Map();
    for (const s of p.stems) own.set(s, idf(s) * (context.has(s) ? PARAMS.context : 1));
    for (const c of p.concepts) own.set(c, PARAMS.concept * idf(c));
    const soft: Vector = new Map([...own, ...widening(own, p.stems, relatedStems, PARAMS.related)]);
    // Only what another idea of the wall holds can match: the rest of the associations is dropped.
    const associated = widening(soft, p.stems, associatedStems, PARAMS.associated, (r) => df.has(r));
    // Scaled so that an idea's similarity to itself is 1 (soft·own; widenings never add own features).
    const norm = Math.sqrt(cosine(soft, own)) || 1;
    for (const v of [own, soft, associated]) for (const [k, x] of v) v.set(k, x / norm);
    return { id: p.id, stems: p.stems, readable: p.readable, vec: own, soft, associated, analysed: board[i] };
  });
}

/** The features `relation` adds to `base`: each stem's relatives at `weight` times the stem's own weight. */
function widening(base: Vector, stems: string[], relation: (stem: string) => readonly string[], weight: number, keep: (stem: string) => boolean = () => true): Vector {
  const out: Vector = new Map();
  if (weight <= 0) return out;
  // Only the idea's own features are multiplied: related words of two ideas match each
  // other's words, not each other's other relatives.
  for (const s of stems) {
    const w = (base.get(s) ?? 0) * weight;
    if (w > 0) for (const r of relation(s)) if (!base.has(r) && keep(r)) out.set(r, (out.get(r) ?? 0) + w);
  }
  return out;
}

/**
 * Dense similarity matrices (walls are small; 1,000 ideas is 8 MB each): the soft cosine of the
 * wall's words, blended with the cross-theme graph's similarity (lexicon concepts and
 * character n-grams, which catch typos and the lexicon's multi-word terms). `soft` widens the
 * words by the thesaurus (for near-duplicates), `topic` also by local-life associations (for
 * sub-topics); the graph part is computed once for both.
 */
export function wallSimilarities(items: WallIdea[], blend = PARAMS.blend, withTopic = true): { soft: Float64Array; topic?: Float64Array } {
  const n = items.length;
  const graph = new Float64Array(n * n);
  if (blend > 0) {
    const edges = neighbourLists(items.map((it) => it.analysed), MIN_EDGE);
    edges.forEach((list, i) => {
      for (const e of list) graph[i * n + e.j] += 0.5 * blend * e.sim;
    });
  }
  // Soft cosine through an inverted index of the own features: only pairs sharing something are touched.
  const postings = new Map<string, { j: number; w: number }[]>();
  items.forEach((it, j) => {
    for (const [f, w] of it.vec) {
      const list = postings.get(f);
      if (list) list.push({ j, w });
      else postings.set(f, [{ j, w }]);
    }
  });
  const share = 0.5 * (1 - blend);
  // One direction's half of the soft cosine, for the given features of each idea, added to `base`.
  const halves = (base: Float64Array, features: (it: WallIdea) => Vector) => {
    const s = base.slice();
    items.forEach((it, i) => {
      for (const [f, x] of features(it)) for (const { j, w } of postings.get(f) ?? []) if (j !== i) s[i * n + j] += share * x * w;
    });
    return s;
  };
  const symmetric = (s: Float64Array) => {
    // Both halves were added from each side: symmetric by construction.
    for (let i = 0; i < n; i++) {
      s[i * n + i] = 1;
      for (let j = i + 1; j < n; j++) s[i * n + j] = s[j * n + i] = s[i * n + j] + s[j * n + i];
    }
    return s;
  };
  const soft = halves(graph, (it) => it.soft);
  const topic = withTopic ? symmetric(halves(soft, (it) => it.associated)) : undefined;
  return { soft: symmetric(soft), topic };
}

/** The near-duplicates' matrix of wallSimilarities, without the sub-topics' one. */
export function similarityMatrix(items: WallIdea[], blend = PARAMS.blend): Float64Array {
  return wallSimilarities(items, blend, false).soft;
}

/**
 * Short posts share few words, so two ideas of one sub-topic often have no word in common
 * but the same neighbours: the cosine between their rows of the matrix ("second-order"
 * similarity) is blended in for the sub-topics (not for near-duplicates, which must share words).
 */
export function topicSimilarity(s: Float64Array, n: number): Float64Array {
  if (PARAMS.second <= 0) return s;
  // Each row keeps its PARAMS.neighbours strongest entries: the cost is n²·K, not n³, and weak
  // links (most of a row) are noise anyway.
  const K = Math.min(PARAMS.neighbours, n - 1);
  const rows: { k: Int32Array; v: Float64Array; norm: number }[] = [];
  for (let i = 0; i < n; i++) {
    // Top K by insertion into a short sorted list (ties: lower index first).
    const k = new Int32Array(K).fill(-1), v = new Float64Array(K);
    let m = 0;
    for (let j = 0; j < n; j++) {
      const x = s[i * n + j];
      if (j === i || x <= 0 || (m === K && x <= v[K - 1])) continue;
      let at = m < K ? m++ : K - 1;
      while (at > 0 && v[at - 1] < x) { k[at] = k[at - 1]; v[at] = v[at - 1]; at--; }
      k[at] = j; v[at] = x;
    }
    const kk = k.slice(0, m), vv = v.slice(0, m);
    rows.push({ k: kk, v: vv, norm: Math.hypot(...vv) || 1 });
  }
  // Rows are sparse: walk, for each of i's neighbours k, the ideas that also have k (n·K² work).
  const having: { j: number; v: number }[][] = Array.from({ length: n }, () => []);
  rows.forEach((r, j) => r.k.forEach((k, t) => having[k].push({ j, v: r.v[t] })));
  const acc = new Float64Array(n);
  const out = new Float64Array(n * n);
  for (let x = 0; x < n * n; x++) out[x] = (1 - PARAMS.second) * s[x];
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    for (let t = 0; t < r.k.length; t++) for (const { j, v } of having[r.k[t]]) if (j > i) acc[j] += r.v[t] * v;
    for (let j = i + 1; j < n; j++) {
      if (acc[j] === 0) continue;
      const v = (PARAMS.second * acc[j]) / (r.norm * rows[j].norm);
      out[i * n + j] += v;
      out[j * n + i] += v;
      acc[j] = 0;
    }
    out[i * n + i] = 1;
  }
  return out;
}

/** Number of clusters for `m` placeable ideas at this granularity: sizes, not a list of domains, decide. */
export function clusterCount(m: number, granularity: number): number {
  if (m < 2 * PARAMS.minSize) return m > 0 ? 1 : 0;
  const size = PARAMS.sizeCoarse + (PARAMS.sizeFine - PARAMS.sizeCoarse) * granularity;
  const k = Math.round(m / size);
  return Math.max(Math.min(PARAMS.minClusters, Math.floor(m / PARAMS.minSize)), Math.min(PARAMS.maxClusters, k));
}

/**
 * Sub-topic clusters of a wall as lists of item indexes, plus the Divers list. `units` are
 * the groups that must stay together (near-duplicates, each idea alone otherwise).
 */
export function clusterWall(n: number, sim: Float64Array, units: number[][], granularity: number): { clusters: number[][]; divers: number[] } {
  const at = (i: number, j: number) => sim[i * n + j];
  const isolated = (u: number[]) => u.length === 1 && u.every((i) => {
    let best = 0;
    for (let j = 0; j < n; j++) if (j !== i && at(i, j) > best) best = at(i, j);
    return best < PARAMS.noise;
  });
  const divers: number[] = [];
  const placeable: number[][] = [];
  for (const u of units) (isolated(u) ? divers.push(...u) : placeable.push(u));
  const m = placeable.reduce((t, u) => t + u.length, 0);
  const k = clusterCount(m, granularity);
  if (k === 0) return { clusters: [], divers };
  const labels = cutMerges(placeable.length, wardMerges(placeable, at), Math.min(k, placeable.length));
  const byLabel = new Map<number, number[][]>();
  placeable.forEach((u, x) => byLabel.set(labels[x], [...(byLabel.get(labels[x]) ?? []), u]));
  let groups = [...byLabel.values()];
  // Too-small groups are read as noise: each of their units joins the closest big group, if any
  // resembles it, or Divers.
  const big = groups.filter((g) => g.flat().length >= PARAMS.minSize);
  if (big.length > 0) {
    for (const g of groups) {
      if (big.includes(g)) continue;
      for (const u of g) {
        let best = -1, bestSim = PARAMS.noise;
        big.forEach((b, x) => {
          const s = meanOver(u, b.flat(), at);
          if (s > bestSim) { best = x; bestSim = s; }
        });
        if (best >= 0) big[best].push(u);
        else divers.push(...u);
      }
    }
    groups = big;
  }
  const clusters = groups.map((g) => g.flat().sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
  return { clusters, divers: divers.sort((a, b) => a - b) };
}

function meanOver(a: number[], b: number[], at: (i: number, j: number) => number): number {
  let t = 0;
  for (const i of a) for (const j of b) t += at(i, j);
  return t / (a.length * b.length);
}
