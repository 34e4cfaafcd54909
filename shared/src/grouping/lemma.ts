/**
 * Lemmas for the atelier grouping, from the Lefff (Lexique des formes fléchies du français,
 * Sagot 2010, LGPL-LR) as packaged by the npm `lefff-helper` (Apache-2.0 code, its
 * nouns.json / adjectives.json tables): plural and feminine nouns and adjectives go to their
 * lemma ("vélos" → vélo, "rurales" → rural), past participles to their verb ("rénovés" →
 * rénover). The key of a word is the stem of its lemma (so "rénover" and "rénovation" still
 * meet), except when that stem is itself another noun of the dictionary: "navette" stays
 * navette instead of meeting "navet", "vente" instead of "vent" (an adjective is no such
 * collision: "communale" still meets "communal").
 *
 * The table is ~4 MB of JSON: this module never reads it. The grouping worker (and the
 * scripts) load it through lemma-node.ts and install it here; without it (the client, which
 * only titles clusters) keys fall back to the stemmer alone.
 */
import { stemFrench } from './stem';

export interface LemmaTable {
  /** Accentless inflected form → accentless lemma, only where they differ. */
  forms: Map<string, string>;
  /** Accentless noun lemmas: a stem that is one of them is another thing ("navet"). */
  nouns: Set<string>;
}

/** The normalisation the grouping applies to words (normalize.ts): lower case, no accents. */
export const stripAccents = (s: string): string =>
  // Most forms are plain ASCII: skip the costly normalisation (the table has 140,000 of them).
  /^[a-z]*$/.test(s) ? s : s.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}+/gu, '');

// Lower-case single words: no proper nouns, abbreviations or multi-word entries.
const SINGLE_WORD = /^[a-zà-ÿœæ]{2,}$/;

/**
 * Builds the table from lefff-helper's nouns (form → lemma) and adjectives (form → [lemma or,
 * for a participle, its verb; whether it is a participle]). Pure and deterministic: when two
 * lemmas claim one accentless form ("pêche", "péché"), a form that is itself a lemma keeps
 * itself, else nouns win over adjectives, then the shorter, then the alphabetically first lemma.
 */
export function buildLemmaTable(nouns: Record<string, string>, adjectives: Record<string, [string, boolean]>): LemmaTable {
  // Best lemma per accentless form so far, kept incrementally (140,000 entries: no lists).
  const best = new Map<string, string>();
  const bestIsNoun = new Set<string>();
  const lemmas = new Set<string>();
  const nounLemmas = new Set<string>();
  const add = (form: string, lemma: string, noun: boolean) => {
    if (!SINGLE_WORD.test(form) || !SINGLE_WORD.test(lemma)) return;
    const f = stripAccents(form), l = stripAccents(lemma);
    lemmas.add(l);
    if (noun) nounLemmas.add(l);
    const old = best.get(f);
    // Nouns first, then the shorter, then the alphabetically first lemma.
    const better = old === undefined || (noun && !bestIsNoun.has(f)) ||
      (noun === bestIsNoun.has(f) && (l.length < old.length || (l.length === old.length && l < old)));
    if (!better) return;
    best.set(f, l);
    if (noun) bestIsNoun.add(f);
  };
  // Ties are broken by content, not by the files' order.
  for (const form in nouns) add(form, nouns[form], true);
  for (const form in adjectives) add(form, adjectives[form][0], false);
  const forms = new Map<string, string>();
  for (const [f, l] of best) if (l !== f && !lemmas.has(f)) forms.set(f, l);
  return { forms, nouns: nounLemmas };
}

let installed: LemmaTable | null = null;

/** Installs (or, with null, removes) the lemma table read by `wordKey`. */
export function useLemmas(table: LemmaTable | null): void {
  installed = table;
}

export function hasLemmas(): boolean {
  return installed !== null;
}

/** Lemma of an accentless word, or the word itself when the dictionary has no other. */
export function lemmaOf(word: string, table: LemmaTable | null = installed): string {
  return table?.forms.get(word) ?? word;
}

/** The grouping key of an accentless word: see the module comment. */
export function wordKey(word: string, table: LemmaTable | null = installed): string {
  if (!table) return stemFrench(word);
  const lemma = lemmaOf(word, table);
  const stem = stemFrench(lemma);
  return stem !== lemma && table.nouns.has(stem) ? lemma : stem;
}
