/**
 * Within-atelier grouping: the sub-topics of one wall. Every idea there shares the atelier's
 * theme, so no fixed list of domains can separate them; the ideas are compared by their own
 * words instead: stems weighted by TF-IDF over the wall, widened by related words from a
 * general French thesaurus (related.ts), with the atelier's title and question down-weighted
 * (every idea shares them). Ward agglomeration then proposes 3–8 clusters whose count follows
 * the wall's size and the granularity; ideas that share nothing with the others go to *Divers*.
 */
import { contentWords, normalizeText } from './normalize';
import { stemFrench } from './stem';
import { relatedStems } from './related';
import { matchConcepts } from './lexicon';
import { analyseBoard } from './vectors';
import { pairSimilarity } from './graph';
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
}

/** Tuned on three of the five dev ateliers (see docs/performance.md); the other two are held out. */
export const PARAMS = {
  /** Weight of a related word relative to the word itself. */
  related: 0.4,
  /** Share of the cross-theme graph's similarity in the wall's similarity. */
  blend: 0.5,
  /** Share of the second-order similarity (shared neighbours), see withSecondOrder. */
  second: 0.5,
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
    const norm = normalizeText(raw);
    if (norm && !norm.includes(' ') && !out.has(norm)) out.set(norm, raw);
  }
  return out;
}

function wordsAndStems(text: string): { stems: string[]; readable: Map<string, string> } {
  const words = contentWords(text).slice(0, 80);
  const original = readableWords(text);
  const stems: string[] = [];
  const readable = new Map<string, string>();
  words.forEach((w) => {
    const s = stemFrench(w);
    if (s.length < 2 || readable.has(s)) return;
    stems.push(s);
    readable.set(s, original.get(w) ?? w);
  });
  return { stems, readable };
}

export function normalise(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  if (norm === 0) return v;
  const inv = 1 / Math.sqrt(norm);
  for (const [k, x] of v) v.set(k, x * inv);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

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

/** Lexicon concepts of an idea (the grouping's hand-made French lexicon), as features. */
function conceptFeatures(text: string): string[] {
  const words = contentWords(text).slice(0, 80);
  return [...new Set(matchConcepts(words, words.map(stemFrench)).map((h) => `c:${h.concept}`))];
}

/**
 * Analyse a wall: each idea's own features (stems, lexicon concepts) weighted by IDF over the
 * wall, the atelier's words damped; `soft` adds each stem's related stems at PARAMS.related,
 * so that soft·own counts a related pair as a partial match (a soft cosine: related words
 * of two ideas match each other, not each other's other relatives).
 */
export function analyseWall(ideas: { id: string; text: string }[], context: Set<string>): WallIdea[] {
  const parsed = ideas.map((i) => ({ id: i.id, ...wordsAndStems(i.text), concepts: PARAMS.concept > 0 ? conceptFeatures(i.text) : [] }));
  const df = new Map<string, number>();
  for (const p of parsed) for (const k of [...p.stems, ...p.concepts]) df.set(k, (df.get(k) ?? 0) + 1);
  const n = ideas.length;
  const idf = (k: string) => Math.log(1 + n / (df.get(k) ?? 1));
  return parsed.map((p) => {
    const own: Vector = new Map();
    for (const s of p.stems) own.set(s, idf(s) * (context.has(s) ? PARAMS.context : 1));
    for (const c of p.concepts) own.set(c, PARAMS.concept * idf(c));
    const soft: Vector = new Map(own);
    for (const s of p.stems) {
      const w = own.get(s)! * PARAMS.related;
      for (const r of relatedStems(s)) if (!own.has(r)) soft.set(r, (soft.get(r) ?? 0) + w);
    }
    const norm = Math.sqrt(cosine(soft, own)) || 1;
    for (const [k, x] of own) own.set(k, x / norm);
    for (const [k, x] of soft) soft.set(k, x / norm);
    return { id: p.id, stems: p.stems, readable: p.readable, vec: own, soft };
  });
}

/**
 * Dense similarity matrix (walls are small; 1,000 ideas is 8 MB): the soft cosine of the
 * wall's words, blended with the cross-theme graph's similarity (lexicon concepts and
 * character n-grams, which catch typos and the lexicon's multi-word terms).
 */
export function similarityMatrix(items: WallIdea[], texts?: string[]): Float64Array {
  const n = items.length;
  const s = new Float64Array(n * n);
  const board = texts && PARAMS.blend > 0 ? analyseBoard(texts.map((text, i) => ({ id: String(i), text }))) : null;
  const other = board ? pairSimilarity(board, 0) : null;
  for (let i = 0; i < n; i++) {
    s[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const soft = cosine(items[i].soft, items[j].vec);
      s[i * n + j] = s[j * n + i] = other ? (1 - PARAMS.blend) * soft + PARAMS.blend * other(i, j) : soft;
    }
  }
  return s;
}

/**
 * Short posts share few words, so two ideas of one sub-topic often have no word in common
 * but the same neighbours: the cosine between their rows of the matrix ("second-order"
 * similarity) is blended in for the sub-topics (not for near-duplicates, which must share words).
 */
export function topicSimilarity(s: Float64Array, n: number): Float64Array {
  if (PARAMS.second <= 0) return s;
  const norm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let k = 0; k < n; k++) if (k !== i) t += s[i * n + k] * s[i * n + k];
    norm[i] = Math.sqrt(t) || 1;
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      let t = 0;
      for (let k = 0; k < n; k++) if (k !== i && k !== j) t += s[i * n + k] * s[j * n + k];
      const v = (1 - PARAMS.second) * s[i * n + j] + (PARAMS.second * t) / (norm[i] * norm[j]);
      out[i * n + j] = out[j * n + i] = v;
    }
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
