/**
 * Per-idea features: concept vector (from the lexicon), domain votes, and a TF-IDF
 * vector of stems plus character n-grams (robust to typos and unknown words).
 * Sparse vectors are keyed by interned feature ids; a board's are built in flat arrays
 * (BoardVectors), and read as Maps only by whoever asks for one.
 */
import { CONCEPT_INDEX, CONCEPT_TABLE, DOMAIN_COUNT, matchConcepts } from './lexicon';
import { contentWords } from './normalize';
import { stemFrench } from './stem';

export type Sparse = Map<number, number>;

export interface Analysed {
  id: string;
  text: string;
  words: string[];
  stems: string[];
  /** concept index → weight (unnormalised) */
  concepts: Sparse;
  /** raw domain votes from the lexicon */
  domainVotes: Float64Array;
  /** L2-normalised concept vector */
  conceptVec: Sparse;
  /** L2-normalised TF-IDF of stems and character n-grams */
  surfaceVec: Sparse;
  /** Where analyseBoard put this idea's vectors: its board's flat arrays, and its row there. */
  flat?: { board: BoardVectors; row: number };
}

/** Sparse vectors of a board in flat arrays (CSR): idea i's entries are start[i]..start[i+1],
 * in the order its Map would list them; ids below `size`. */
export interface FlatVectors { start: Int32Array; id: Int32Array; w: Float64Array; size: number }
export interface BoardVectors { concept: FlatVectors; surface: FlatVectors }

/** Row i of a flat view as a Map. */
function rowMap(V: FlatVectors, i: number): Sparse {
  const out: Sparse = new Map();
  for (let at = V.start[i]; at < V.start[i + 1]; at++) out.set(V.id[at], V.w[at]);
  return out;
}

/** An analysed idea of a board: its vectors live in the board's flat arrays (5,000 ideas made
 * 10,000 Maps of ~90 entries, most of a big wall's heap, for the graph to copy them into flat
 * arrays anyway: issue #13); the Maps are made on demand, once. */
class BoardIdea implements Analysed {
  private concept?: Sparse;
  private surface?: Sparse;
  constructor(
    readonly id: string,
    readonly text: string,
    readonly words: string[],
    readonly stems: string[],
    readonly concepts: Sparse,
    readonly domainVotes: Float64Array,
    readonly flat: { board: BoardVectors; row: number },
  ) {}
  get conceptVec(): Sparse {
    this.concept ??= rowMap(this.flat.board.concept, this.flat.row);
    return this.concept;
  }
  get surfaceVec(): Sparse {
    this.surface ??= rowMap(this.flat.board.surface, this.flat.row);
    return this.surface;
  }
}

/** Evidence from one concept saturates: repeating "vélo" three times is not three ideas. */
const CONCEPT_CAP = 1.6;

export function analyseOne(id: string, text: string): Omit<Analysed, 'conceptVec' | 'surfaceVec'> & { rawFeatures: string[] } {
  const analysed = analyseWords(id, text);
  return { ...analysed, rawFeatures: surfaceFeatures(analysed.words, analysed.stems) };
}

/** analyseOne without the surface features, which analyseBoard builds once per distinct word. */
function analyseWords(id: string, text: string): Omit<Analysed, 'conceptVec' | 'surfaceVec'> {
  const words = contentWords(text).slice(0, 80);
  const stems = words.map(stemFrench);
  const concepts: Sparse = new Map();
  for (const hit of matchConcepts(words, stems)) concepts.set(hit.concept, Math.min(CONCEPT_CAP, (concepts.get(hit.concept) ?? 0) + hit.weight));
  inferBundles(concepts);
  const domainVotes = new Float64Array(DOMAIN_COUNT);
  for (const [c, w] of concepts) {
    const dv = CONCEPT_TABLE[c].domains;
    for (let d = 0; d < DOMAIN_COUNT; d++) domainVotes[d] += w * dv[d];
  }
  return { id, text, words, stems, concepts, domainVotes };
}

/** Proximity services that, listed together, describe a multi-service place. */
const SERVICE_CONCEPTS = ['poste', 'boulangerie', 'cafe_bar', 'epicerie', 'services_publics', 'banque', 'colis', 'wifi', 'commerce_proximite', 'ambulant'];
const MULTISERVICE = CONCEPT_INDEX.get('multiservice');

/**
 * Someone who lists the post office, bread, a café and wifi in one breath is asking for a
 * multi-service place even without saying the word: three or more distinct proximity
 * services imply the "multiservice" concept.
 */
function inferBundles(concepts: Sparse) {
  if (MULTISERVICE === undefined) return;
  const present = SERVICE_CONCEPTS.filter((id) => concepts.has(CONCEPT_INDEX.get(id) ?? -1)).length;
  if (present >= 3) concepts.set(MULTISERVICE, Math.max(concepts.get(MULTISERVICE) ?? 0, CONCEPT_CAP));
}

/** Whole stems plus 3- and 4-grams of each word with boundary marks, so "medecins" ≈ "medcin". */
function surfaceFeatures(words: string[], stems: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) out.push(...wordFeatures(words[i], stems[i]));
  return out;
}

function wordFeatures(word: string, stem: string): string[] {
  const out = ['s:' + stem];
  const w = `<${word.slice(0, 30)}>`;
  for (let n = 3; n <= 4; n++) for (let k = 0; k + n <= w.length; k++) out.push(w.slice(k, k + n));
  return out;
}

/** A whole stem counts twice as much as one of its n-grams. */
const STEM_TF = 2;

export function normalise(v: Sparse): Sparse {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  if (norm === 0) return v;
  const inv = 1 / Math.sqrt(norm);
  const out: Sparse = new Map();
  for (const [k, x] of v) out.set(k, x * inv);
  return out;
}

/** Dot product of two sparse vectors, whatever their keys (feature ids here, stems in atelier.ts). */
export function dot<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/**
 * Analyse a whole board: IDF is computed on the board itself, so frequent words of the evening weigh less.
 * Words recur across a board, so each distinct word's features are looked up once (ids are
 * still given in order of first appearance), and term counts go through a flat array.
 */
export function analyseBoard(ideas: { id: string; text: string }[]): Analysed[] {
  // A post sent twice is read once (copied, so no two ideas share mutable parts).
  const byText = new Map<string, ReturnType<typeof analyseWords>>();
  const raw = ideas.map(({ id, text }) => {
    const same = byText.get(text);
    if (same) return { id, text, words: same.words.slice(), stems: same.stems.slice(), concepts: new Map(same.concepts), domainVotes: same.domainVotes.slice() };
    const analysed = analyseWords(id, text);
    byText.set(text, analysed);
    return analysed;
  });
  const n = raw.length;
  const featureIds = new Map<string, number>();
  const df: number[] = [];
  /** word → its features' ids, the whole stem first */
  const wordIds = new Map<string, Int32Array>();
  const idsOf = (word: string, stem: string) => {
    let ids = wordIds.get(word);
    if (ids === undefined) {
      ids = Int32Array.from(wordFeatures(word, stem), (f) => {
        let id = featureIds.get(f);
        if (id === undefined) { id = featureIds.size; featureIds.set(f, id); df.push(0); }
        return id;
      });
      wordIds.set(word, ids);
    }
    return ids;
  };
  let tf = new Float64Array(1024);
  const perIdea = raw.map((r) => {
    const order: number[] = [];
    r.words.forEach((word, k) => {
      const ids = idsOf(word, r.stems[k]);
      if (df.length > tf.length) { const grown = new Float64Array(2 * df.length); grown.set(tf); tf = grown; }
      for (let t = 0; t < ids.length; t++) {
        const id = ids[t];
        if (tf[id] === 0) order.push(id);
        tf[id] += t === 0 ? STEM_TF : 1;
      }
    });
    const counts = new Float64Array(order.length);
    order.forEach((id, k) => { counts[k] = tf[id]; tf[id] = 0; df[id]++; });
    return { ids: order, counts };
  });
  // Concept IDF too: a concept half the board mentions says little about which ideas belong together.
  const conceptDf = new Map<number, number>();
  for (const r of raw) for (const c of r.concepts.keys()) conceptDf.set(c, (conceptDf.get(c) ?? 0) + 1);
  // The same arithmetic, in the same order, as normalise() over a Map of the raw weights.
  const surface = flatVectors(perIdea.map((p) => p.ids.length), df.length, (i, put) => {
    const { ids, counts } = perIdea[i];
    for (let k = 0; k < ids.length; k++) put(ids[k], (1 + Math.log(counts[k])) * Math.log(1 + n / df[ids[k]]));
  });
  const concept = flatVectors(raw.map((r) => r.concepts.size), 1 + Math.max(-1, ...conceptDf.keys()), (i, put) => {
    for (const [c, w] of raw[i].concepts) put(c, w * Math.log(1 + n / (conceptDf.get(c) ?? 1)));
  });
  const board: BoardVectors = { concept, surface };
  return raw.map((r, row) => new BoardIdea(r.id, r.text, r.words, r.stems, r.concepts, r.domainVotes, { board, row }));
}

/**
 * Flat L2-normalised vectors of `lengths.length` ideas: `fill(i, put)` puts idea i's raw
 * weights, each feature once; they are then scaled as normalise() would (unless all zero).
 */
function flatVectors(lengths: number[], size: number, fill: (i: number, put: (id: number, x: number) => void) => void): FlatVectors {
  const start = new Int32Array(lengths.length + 1);
  lengths.forEach((len, i) => { start[i + 1] = start[i] + len; });
  const id = new Int32Array(start[lengths.length]), w = new Float64Array(start[lengths.length]);
  let at = 0;
  const put = (f: number, x: number) => { id[at] = f; w[at++] = x; };
  for (let i = 0; i < lengths.length; i++) {
    fill(i, put);
    let norm = 0;
    for (let k = start[i]; k < start[i + 1]; k++) norm += w[k] * w[k];
    if (norm === 0) continue;
    const inv = 1 / Math.sqrt(norm);
    for (let k = start[i]; k < start[i + 1]; k++) w[k] *= inv;
  }
  return { start, id, w, size };
}
