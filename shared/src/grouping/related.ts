/**
 * Related words from the LibreOffice French thesaurus (see related-data.ts and
 * scripts/build-related.ts for the source, licence and filtering). Keyed by the grouping's
 * stems, so "vélos", "bicyclettes" and "vélo" all reach the same entry. The table is parsed
 * on first use only: the text stays inert in bundles that never group (the phone's).
 */
import { RELATED_DATA } from './related-data';

let table: Map<string, string[]> | null = null;

function load(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = map.get(a);
    if (list) list.push(b);
    else map.set(a, [b]);
  };
  for (const line of RELATED_DATA.split('\n')) {
    const [a, ...bs] = line.split(' ');
    for (const b of bs) { add(a, b); add(b, a); }
  }
  for (const list of map.values()) list.sort();
  return map;
}

const NONE: readonly string[] = Object.freeze([]);

/** Stems related to `stem` (never itself), sorted; empty when the thesaurus knows nothing. */
export function relatedStems(stem: string): readonly string[] {
  table ??= load();
  return table.get(stem) ?? NONE;
}

/** Whether two stems are related by the thesaurus (symmetric). */
export function areRelated(a: string, b: string): boolean {
  return a !== b && relatedStems(a).includes(b);
}
