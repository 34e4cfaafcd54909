/**
 * Word relations of the atelier grouping, keyed by the grouping's stems (lemma.ts), so
 * "vélos", "bicyclettes" and "vélo" all reach the same entry. Two tables:
 * - the LibreOffice French thesaurus (synonyms; related-data.ts, scripts/build-related.ts for
 *   the source, licence and filtering);
 * - associations of everyday local life (boulangerie ~ pain ~ fournil, toubib ~ médecin;
 *   associations-data.ts, from shared/resources/associations/ by scripts/build-associations.ts).
 * Each table is parsed on first use only: the text stays inert in bundles that never group
 * (the phone's).
 */
import { ASSOCIATIONS_DATA } from './associations-data';
import { RELATED_DATA } from './related-data';

const NONE: readonly string[] = Object.freeze([]);

/** A symmetric relation read from lines "key other other…", parsed on first lookup. */
function relation(data: string): { of: (stem: string) => readonly string[]; has: (a: string, b: string) => boolean } {
  let table: Map<string, string[]> | null = null;
  let sets: Map<string, Set<string>> | null = null;
  const load = () => {
    const map = new Map<string, string[]>();
    const add = (a: string, b: string) => {
      const list = map.get(a);
      if (list) list.push(b);
      else map.set(a, [b]);
    };
    for (const line of data.split('\n')) {
      const [a, ...bs] = line.split(' ');
      for (const b of bs) { add(a, b); add(b, a); }
    }
    for (const list of map.values()) list.sort();
    return map;
  };
  return {
    of: (stem) => (table ??= load()).get(stem) ?? NONE,
    // Explanations ask this for every member × keyword × stem: a set per stem, made on first ask.
    has: (a, b) => {
      if (a === b) return false;
      sets ??= new Map();
      let set = sets.get(a);
      if (!set) sets.set(a, (set = new Set((table ??= load()).get(a))));
      return set.has(b);
    },
  };
}

const thesaurus = relation(RELATED_DATA);
const associations = relation(ASSOCIATIONS_DATA);

/** Stems related to `stem` by the thesaurus (never itself), sorted; empty when it knows nothing. */
export const relatedStems = thesaurus.of;

/** Stems associated with `stem` in local life (never itself), sorted. */
export const associatedStems = associations.of;

/** Whether two stems are related by the thesaurus (symmetric). */
export const areRelated = thesaurus.has;

/** Whether two stems are related or associated: what explains a sub-topic ("fournil ≈ pain"). */
export function areLinked(a: string, b: string): boolean {
  return thesaurus.has(a, b) || associations.has(a, b);
}

/** Whether two stems are associated in local life (symmetric). */
export const areAssociated = associations.has;
