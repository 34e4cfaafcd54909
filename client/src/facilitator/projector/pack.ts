/**
 * The projector's room layout as a pure function: sections (a cluster, or the ideas outside any)
 * made of blocks of measured height are packed into columns of a fixed height, columns into
 * pages. A section cut by a column break gets its title again at the top of the next column,
 * so someone at the back never reads ideas without knowing which cluster they belong to.
 */
export interface PackSection {
  key: string;
  /** Height of the section's title block (0: no title, e.g. ideas during idéation). */
  titleHeight: number;
  ideas: { id: string; height: number }[];
}

export type PackedBlock = { kind: 'title'; section: string; continued: boolean } | { kind: 'idea'; section: string; id: string };

export interface PackOptions {
  columnHeight: number;
  /** Vertical space between blocks of a column. */
  gap: number;
  columnsPerPage: number;
  /** Start every section in a fresh column ("a column per cluster"), when it fits. */
  sectionPerColumn: boolean;
}

export type Page = PackedBlock[][];

export function pack(sections: readonly PackSection[], o: PackOptions): Page[] {
  const columns: PackedBlock[][] = [];
  const heights: number[] = [];
  const last = () => columns.length - 1;
  const newColumn = () => {
    columns.push([]);
    heights.push(0);
  };
  /** An empty column takes anything (a block taller than a column still has to go somewhere). */
  const fits = (h: number) => columns.length > 0 && (columns[last()]!.length === 0 || heights[last()]! + o.gap + h <= o.columnHeight);
  const put = (block: PackedBlock, h: number) => {
    const i = last();
    heights[i] = heights[i]! + (columns[i]!.length === 0 ? 0 : o.gap) + h;
    columns[i]!.push(block);
  };

  for (const s of sections) {
    if (s.ideas.length === 0 && s.titleHeight === 0) continue;
    const first = s.titleHeight + (s.ideas[0] ? o.gap + s.ideas[0].height : 0);
    // A title never sits alone at the bottom of a column: it goes with its first idea.
    const fresh = columns.length > 0 && columns[last()]!.length === 0;
    if (!fresh && (columns.length === 0 || o.sectionPerColumn || !fits(first))) newColumn();
    if (s.titleHeight > 0) put({ kind: 'title', section: s.key, continued: false }, s.titleHeight);
    for (const idea of s.ideas) {
      if (!fits(idea.height)) {
        newColumn();
        if (s.titleHeight > 0) put({ kind: 'title', section: s.key, continued: true }, s.titleHeight);
      }
      put({ kind: 'idea', section: s.key, id: idea.id }, idea.height);
    }
  }

  const pages: Page[] = [];
  const perPage = Math.max(1, o.columnsPerPage);
  for (let i = 0; i < columns.length; i += perPage) pages.push(columns.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}

/** Font sizes tried for idea text, largest first; 28 px is the floor read from the back of a hall. */
export const IDEA_SIZES = [44, 38, 33, 28] as const;
export type IdeaSize = (typeof IDEA_SIZES)[number];

/** Columns per page for a font size: lines of about 24 characters at least. */
export function columnsFor(width: number, size: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (size * 13 + gap)));
}
