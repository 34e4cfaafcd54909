import { graphemeCount, pseudonymKey } from './text';

/**
 * Two people who pick the same pseudonym in one event must be told apart on the wall: the
 * newcomer becomes "Camille (2)" (then 3, 4…), compared by `pseudonymKey`, so "camille " and
 * "Cαmille" count as taken too. The result still fits `max` characters.
 */
export function distinctPseudonym(wanted: string, taken: readonly string[], max: number): string {
  const keys = new Set(taken.map(pseudonymKey));
  if (!keys.has(pseudonymKey(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${truncate(wanted, max - suffix.length).trimEnd()}${suffix}`;
    if (!keys.has(pseudonymKey(candidate))) return candidate;
  }
}

function truncate(text: string, graphemes: number): string {
  if (graphemeCount(text) <= graphemes) return text;
  const parts = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].slice(0, graphemes);
  return parts.map((p) => p.segment).join('');
}
