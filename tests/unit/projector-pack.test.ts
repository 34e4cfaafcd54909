import { describe, expect, it } from 'vitest';
import { columnsFor, pack, type PackSection } from '../../client/src/facilitator/projector/pack';

const section = (key: string, heights: number[], titleHeight = 40): PackSection => ({ key, titleHeight, ideas: heights.map((height, i) => ({ id: `${key}${i}`, height })) });
const ids = (pages: ReturnType<typeof pack>) => pages.flat(2).flatMap((b) => (b.kind === 'idea' ? [b.id] : []));

/** Seeded so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

describe('pack: the projector’s columns and pages', () => {
  it('everything on one page when it fits, a column per section when asked', () => {
    const pages = pack([section('a', [100, 100]), section('b', [100])], { columnHeight: 500, gap: 10, columnsPerPage: 3, sectionPerColumn: true });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toHaveLength(2);
    expect(pages[0]![1]![0]).toEqual({ kind: 'title', section: 'b', continued: false });
  });

  it('a section cut by a column break repeats its title, marked as continued', () => {
    const pages = pack([section('a', [200, 200, 200])], { columnHeight: 500, gap: 10, columnsPerPage: 2, sectionPerColumn: false });
    expect(pages[0]![1]![0]).toEqual({ kind: 'title', section: 'a', continued: true });
    expect(ids(pages)).toEqual(['a0', 'a1', 'a2']);
  });

  it('a title never ends a column without its first idea', () => {
    const pages = pack([section('a', [400]), section('b', [100])], { columnHeight: 500, gap: 10, columnsPerPage: 4, sectionPerColumn: false });
    const cols = pages[0]!;
    expect(cols[0]!.map((b) => b.kind)).toEqual(['title', 'idea']);
    expect(cols[1]![0]).toEqual({ kind: 'title', section: 'b', continued: false });
  });

  it('property: every idea exactly once, in order; no column taller than allowed unless a lone block; pages hold at most N columns', () => {
    const random = rng(42);
    for (let run = 0; run < 300; run++) {
      const sections = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, s) =>
        section(`s${s}-`, Array.from({ length: Math.floor(random() * 12) }, () => 30 + Math.floor(random() * 250)), random() < 0.2 ? 0 : 30 + Math.floor(random() * 80)),
      );
      const o = { columnHeight: 300 + Math.floor(random() * 700), gap: 10, columnsPerPage: 1 + Math.floor(random() * 4), sectionPerColumn: random() < 0.5 };
      const pages = pack(sections, o);
      expect(ids(pages)).toEqual(sections.flatMap((s) => s.ideas.map((i) => i.id)));
      const height = new Map(sections.flatMap((s) => [...s.ideas.map((i) => [i.id, i.height] as const), [`t:${s.key}`, s.titleHeight] as const]));
      for (const page of pages) {
        expect(page.length).toBeLessThanOrEqual(o.columnsPerPage);
        for (const col of page) {
          const h = col.reduce((sum, b, i) => sum + (i ? o.gap : 0) + height.get(b.kind === 'idea' ? b.id : `t:${b.section}`)!, 0);
          const lone = col.filter((b) => b.kind === 'idea').length <= 1;
          if (!lone) expect(h).toBeLessThanOrEqual(o.columnHeight);
          // Ideas of a titled section are always under a title of theirs in the same column.
          for (const b of col) if (b.kind === 'idea' && sections.find((s) => s.key === b.section)!.titleHeight > 0) expect(col.some((x) => x.kind === 'title' && x.section === b.section)).toBe(true);
        }
      }
    }
  });

  it('columnsFor: about 24 characters a line at least', () => {
    expect(columnsFor(1460, 28, 28)).toBe(3);
    expect(columnsFor(1460, 44, 28)).toBe(2);
    expect(columnsFor(200, 44, 28)).toBe(1);
  });
});
