/**
 * Compiles the hand-written lexicon into lookup tables over stems, and matches ideas
 * against it: longest multi-word phrase first, then single words, then — for typos —
 * single words one edit away from a lexicon word.
 */
import { CONCEPTS, DOMAINS, type DomainId } from './lexicon-data';
import { contentWords } from './normalize';
import { stemFrench } from './stem';

export { DOMAINS, CONCEPTS, type DomainId };

export const DOMAIN_INDEX = new Map<DomainId, number>(DOMAINS.map((d, i) => [d.id, i]));
export const DOMAIN_COUNT = DOMAINS.length;

export interface Concept {
  index: number;
  id: string;
  label: string;
  weight: number;
  /** Vote per domain, indexed like DOMAINS. */
  domains: Float64Array;
}

export const CONCEPT_TABLE: Concept[] = CONCEPTS.map((c, index) => {
  const domains = new Float64Array(DOMAIN_COUNT);
  for (const part of c.domains.split(/\s+/).filter(Boolean)) {
    const [id, w] = part.split(':');
    const di = DOMAIN_INDEX.get(id as DomainId);
    if (di === undefined) throw new Error(`lexicon: unknown domain ${id} in ${c.id}`);
    domains[di] = w === undefined ? 1 : Number(w);
  }
  return { index, id: c.id, label: c.label, weight: c.w ?? 1, domains };
});

export const CONCEPT_INDEX = new Map<string, number>(CONCEPT_TABLE.map((c) => [c.id, c.index]));

/** stem sequence (space-joined) → concept indexes */
const PHRASES = new Map<string, number[]>();
let MAX_PHRASE = 1;
/** first stems of the multi-word phrases: elsewhere no phrase lookup is tried */
const PHRASE_STARTS = new Set<string>();
/** accentless surface word → its stem, for typo matching */
const SURFACE = new Map<string, string>();
/** every one-letter deletion of a surface word → surface words (SymSpell-style) */
const DELETES = new Map<string, string[]>();

/** Typo matching only on longer words: short ones have too many real neighbours ("salle"/"halle", "changer"/"chanter"). */
const FUZZY_MIN_LENGTH = 8;

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

for (const concept of CONCEPT_TABLE) {
  const def = CONCEPTS[concept.index];
  for (const term of def.terms.split('|')) {
    const words = contentWords(term);
    if (words.length === 0) continue;
    // A phrase that shrinks to one word after stop-word removal ("la poste") is kept only
    // if it was one word to begin with: "un seul lieu" must not turn "lieu" into a keyword.
    const rawWords = term.trim().split(/[\s'’-]+/).filter(Boolean);
    if (words.length === 1 && rawWords.length > 1 && !/^(la|le|les|l)$/i.test(rawWords[0])) continue;
    const stems = words.map(stemFrench);
    addTo(PHRASES, stems.join(' '), concept.index);
    MAX_PHRASE = Math.max(MAX_PHRASE, stems.length);
    if (stems.length > 1) PHRASE_STARTS.add(stems[0]);
    if (words.length === 1) {
      const w = words[0];
      SURFACE.set(w, stems[0]);
      if (w.length >= FUZZY_MIN_LENGTH) for (const d of deletions(w)) addTo(DELETES, d, w);
    }
  }
}

/** Optimal string alignment distance ≤ 1 (one insertion, deletion, substitution or swap). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const fuzzyCache = new Map<string, string | null>();

/** Stem of the lexicon word one edit away from `word`, if any (deterministic: alphabetical first). */
export function fuzzyLexiconStem(word: string): string | null {
  if (word.length < FUZZY_MIN_LENGTH) return null;
  const cached = fuzzyCache.get(word);
  if (cached !== undefined) return cached;
  const candidates = new Set<string>();
  for (const w of DELETES.get(word) ?? []) candidates.add(w); // word lacks a letter
  if (SURFACE.has(word)) candidates.add(word);
  for (const d of deletions(word)) {
    if (SURFACE.has(d)) candidates.add(d); // word has one letter too many
    for (const w of DELETES.get(d) ?? []) candidates.add(w); // substitution or swap
  }
  const best = [...candidates].filter((c) => c.length >= FUZZY_MIN_LENGTH && c[0] === word[0] && withinOneEdit(word, c)).sort()[0];
  const result = best === undefined ? null : SURFACE.get(best) ?? null;
  if (fuzzyCache.size > 50_000) fuzzyCache.clear();
  fuzzyCache.set(word, result);
  return result;
}

export interface ConceptHit { concept: number; weight: number }

/** Phrase bonus: a matched multi-word term is stronger evidence than any of its words. */
const PHRASE_BONUS = 1.3;
/** Typo-matched words count a little less: the correction might be wrong. */
const FUZZY_FACTOR = 0.8;

/**
 * Concepts mentioned by a sequence of content words (already normalised).
 * Words inside a matched phrase are not matched again on their own.
 */
export function matchConcepts(words: string[], stems: string[]): ConceptHit[] {
  const hits: ConceptHit[] = [];
  const push = (concepts: number[], factor: number) => {
    // A word shared by several families is weaker evidence for each of them.
    const share = concepts.length > 1 ? 1 / Math.sqrt(concepts.length) : 1;
    for (const c of concepts) hits.push({ concept: c, weight: CONCEPT_TABLE[c].weight * factor * share });
  };
  let i = 0;
  while (i < stems.length) {
    let matched = false;
    for (let len = PHRASE_STARTS.has(stems[i]) ? Math.min(MAX_PHRASE, stems.length - i) : 0; len >= 2; len--) {
      const concepts = PHRASES.get(stems.slice(i, i + len).join(' '));
      if (concepts) { push(concepts, PHRASE_BONUS); i += len; matched = true; break; }
    }
    if (matched) continue;
    const exact = PHRASES.get(stems[i]);
    if (exact) push(exact, 1);
    else {
      const near = fuzzyLexiconStem(words[i]);
      const concepts = near === null ? undefined : PHRASES.get(near);
      if (concepts) push(concepts, FUZZY_FACTOR);
    }
    i++;
  }
  return hits;
}

/** For tests and diagnostics: concept ids a text mentions. */
export function conceptsOf(text: string): string[] {
  const words = contentWords(text);
  const hits = matchConcepts(words, words.map(stemFrench));
  return [...new Set(hits.map((h) => CONCEPT_TABLE[h.concept].id))];
}

/** Diagnostic: stems that vote for different domains through different concepts. */
export function ambiguousStems(): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const [key, concepts] of PHRASES) if (concepts.length > 1) out.push([key, concepts.map((c) => CONCEPT_TABLE[c].id)]);
  return out;
}
