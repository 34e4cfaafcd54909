/**
 * What `npm run grouping` does to its lines, apart from reading and writing them; the bench
 * scores the same per-atelier grouping (bench/grouping-atelier.ts).
 */
import { suggestGroups, type GroupingResult } from '../shared/src/grouping/index';
import { installLefff } from '../shared/src/grouping/lemma-node';

export interface InputRow { id: string; text: string; atelier?: string }
export interface OutputRow { id: string; cluster: string; duplicate: string | null }
export type Mode = 'cross-theme' | 'per-atelier';

/** An atelier as the grouping sees it, from the `atelier` field of the lines: an id such as
 * `mobilite-deplacements` reads as its title ("mobilite deplacements"). */
export function groupAtelier(atelier: string, ideas: { id: string; text: string }[], granularity: number): GroupingResult {
  installLefff(); // as the grouping worker does for the atelier mode
  return suggestGroups(ideas, { granularity, atelier: { title: atelier.replace(/[-_]+/g, ' ').trim() } });
}

/** Per atelier when asked, or when every line names its atelier; else all lines together. */
export function chooseMode(rows: InputRow[], asked: Mode | undefined): Mode {
  return asked ?? (rows.length > 0 && rows.every((r) => typeof r.atelier === 'string' && r.atelier !== '') ? 'per-atelier' : 'cross-theme');
}

/** One output line per input line, in input order. Per atelier, each atelier is grouped on its
 * own and its cluster and duplicate ids are prefixed with `<atelier>/`, so they stay unique
 * across ateliers; an idea in no cluster is in `divers` (`<atelier>/divers`). */
export function groupRows(rows: InputRow[], mode: Mode, granularity: number): OutputRow[] {
  const clusterOf = new Map<string, string>();
  const duplicateOf = new Map<string, string>();
  const collect = (result: GroupingResult, prefix: string) => {
    for (const c of result.clusters) for (const id of c.ideaIds) clusterOf.set(id, prefix + c.id);
    for (const d of result.duplicates) for (const id of d.ideaIds) duplicateOf.set(id, prefix + d.id);
  };
  const ideas = (list: InputRow[]) => list.map(({ id, text }) => ({ id, text }));
  if (mode === 'cross-theme') collect(suggestGroups(ideas(rows), { granularity }), '');
  else {
    const byAtelier = new Map<string, InputRow[]>();
    for (const r of rows) byAtelier.set(r.atelier!, [...(byAtelier.get(r.atelier!) ?? []), r]);
    for (const [atelier, list] of byAtelier) collect(groupAtelier(atelier, ideas(list), granularity), `${atelier}/`);
  }
  const divers = (r: InputRow) => (mode === 'per-atelier' ? `${r.atelier}/divers` : 'divers');
  return rows.map((r) => ({ id: r.id, cluster: clusterOf.get(r.id) ?? divers(r), duplicate: duplicateOf.get(r.id) ?? null }));
}
