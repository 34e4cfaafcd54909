import { graphemeCount, pseudonymKey } from './text';

/**
 * Two people who pick the same pseudonym in one event must be told apart on the wall: the
 * newcomer becomes "Camille (2)" (then 3, 4…), compared by `pseudonymKey`, so "camille " and
 * "Cαmille" count as taken too. The result still fits `max` characters.
 */
export function distinctPseudonym(wanted: string, taken: readonly string[], max: number): string {
  const keys = new Set(taken.map(pseudonymKey));
  for (const candidate of pseudonymCandidates(wanted, max)) if (!keys.has(pseudonymKey(candidate))) return candidate;
  throw new Error('unreachable: the candidates never end');
}

/** The names `distinctPseudonym` tries, in order: the wanted one, then "(2)", "(3)"… */
export function* pseudonymCandidates(wanted: string, max: number): Generator<string> {
  yield wanted;
  // Counted once (every join asks for 32 candidates): a name shorter in UTF-16 units than the
  // room left is shorter in characters too, and needs no counting at all.
  let length = -1;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const room = max - suffix.length;
    if (wanted.length > room && length < 0) length = graphemeCount(wanted);
    const base = wanted.length <= room || length <= room ? wanted : truncate(wanted, room);
    yield `${base.trimEnd()}${suffix}`;
  }
}

/**
 * What storage needs to pick a pseudonym without reading every name of the event: the keys of
 * the first `lookups` candidates (only names with those keys can decide among them), and the
 * rule itself. A pick whose key is not among `keys` (all of them taken) must be made again
 * from every name in use.
 */
export interface PseudonymChoice {
  keys: readonly string[];
  pick(taken: readonly string[]): string;
}

export function pseudonymChoice(wanted: string, max: number, lookups = 32): PseudonymChoice {
  const keys = new Set<string>();
  for (const candidate of pseudonymCandidates(wanted, max)) {
    keys.add(pseudonymKey(candidate));
    if (keys.size >= lookups) break;
  }
  return { keys: [...keys], pick: (taken) => distinctPseudonym(wanted, taken, max) };
}

function truncate(text: string, graphemes: number): string {
  const parts = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].slice(0, graphemes);
  return parts.map((p) => p.segment).join('');
}
